import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../shared/glossary/glossary';
import { affiliationFrom, mentions, resolveSurname } from '../../shared/summary/naming';
import { summarize } from '../../shared/summary/index';
import { fromLines } from './helpers';

const intro = [
  '各位嘉宾，女士们先生们。我是来自清华大学的薛岚，也是本场论坛主旨演讲部分的主持人。首先我们是有请本次论坛主持演讲的嘉宾，是姚启志院士。',
  '姚继志院士是中国科学院院士、清华大学交叉信息研究院院长。姚先生是图灵奖创立以来首位获奖的亚裔学者，姚继志院士培养了许多人才。下面我们掌声有请姚先生。🎼非常感谢呃学学院长的介绍。今天我想谈谈AI安全治理的研究走向。',
  '第一个是数据安全。大模型在训练的时候用过很多的数据，那么在很多的数据里面可能包含着有些别人的隐私。好，谢谢大家。',
];

describe('speaker naming', () => {
  it('names the keynote from the introduction when the hand-over only says 姚先生', () => {
    const s = summarize(fromLines(...intro));
    expect(s.sections.map((x) => x.role)).toEqual(['host', 'keynote']);
    expect(s.sections[1]!.speaker).toBe('姚继志');
    expect(s.sections[1]!.affiliation).toBe('中国科学院院士');
    expect(s.sections[0]!.speaker).toBe('薛岚');
  });

  it('corrects the spoken names with the glossary (姚继志 → 姚期智, 薛岚 → 薛澜)', () => {
    const { glossary } = parseGlossary('姚期智\tAndrew Chi-Chih Yao\t清华大学交叉信息研究院院长\n薛澜\tXue Lan\n');
    const s = summarize(fromLines(...intro), { glossary });
    expect(s.sections.map((x) => x.speaker)).toEqual(['薛澜', '姚期智']);
    expect(s.glossaryUsed.map((g) => g.term)).toEqual([]);
  });

  it('cuts a name at its surname, not at the title before it', () => {
    expect(mentions('下面我们有请下一个环节的主持人，清华大学人工智能国际治理研究院副院长梁正教授。').map((m) => m.name)).toEqual(['梁正']);
    expect(mentions('感谢郭院长。').map((m) => m.name)).toEqual(['郭']);
  });

  it('resolves a surname to the most frequent full spelling', () => {
    const pool = mentions('姚启志院士，姚继志院士，姚继志院士，姚先生');
    expect(resolveSurname('姚', pool)).toBe('姚继志');
  });

  it('takes the affiliation from the clause before the name', () => {
    expect(affiliationFrom('下面有请本书的总策划、国务院发展研究中心、中国发展出版社社长王忠宏先生进行发布和介绍。', '王忠宏')).toBe('中国发展出版社社长');
  });

  it('marks a recorded talk as a video turn', () => {
    const s = summarize(
      fromLines(
        '下一位演讲人是联合国大学校长马尔瓦拉先生。他无法亲自到会，特地为我们录制了一段视频演讲。那么现请工作人员来播放一下。Legal frameworks that ensure ethical AI use are needed now.',
        'Focusing on transparency, accountability and fairness while protecting privacy and preventing discrimination matters.',
      ),
    );
    expect(s.sections[1]).toMatchObject({ role: 'video', speaker: '马尔瓦拉' });
  });
});
