import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../shared/glossary/glossary';
import { parseText } from '../../shared/formats/index';
import { affiliationFrom, guestRole, handoverName, mentions, MentionPool, resolveSurname, selfIntroduction } from '../../shared/summary/naming';
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

describe('speaker naming from introductions, header guest lists and panels', () => {
  it('reads the name at the end of a self-introduction with a job title', () => {
    expect(selfIntroduction('大家好，我是安远AI高级项目经理吴君怡，也是今天论坛的主持人。')).toBe('吴君怡');
    expect(selfIntroduction('我是来自清华大学的薛岚，也是本场论坛的主持人。')).toBe('薛岚');
    expect(selfIntroduction('我的名字是Dawn Song，我是UC Berkeley的教授。')).toBe('Dawn Song');
    expect(selfIntroduction('我是科学研究者，所以我会集中于一些前沿研究。')).toBeNull();
  });

  it('keeps a transliterated name with its middle dot and resolves its parts to it', () => {
    const found = mentions('现在我们将听取克里斯·梅塞罗尔博士的发言。梅塞罗尔博士是前沿模型论坛的执行董事。');
    expect(found[0]!.name).toBe('克里斯·梅塞罗尔');
    expect(resolveSurname('罗尔', found)).toBe('克里斯·梅塞罗尔');
  });

  it('resolves a short English mention to the full name introduced before (Mr. Ca → dcan Caback)', () => {
    const pool = mentions('第二位重磅嘉宾是全球人工智能风险倡议执行董事dcan Caback。Please， Mr。 Ca。');
    expect(resolveSurname('Ca', pool)).toBe('dcan Caback');
  });

  it('names a speaker introduced only as 高老师 from the guest list in the document header', () => {
    const { transcript } = parseText(
      [
        '## 论坛',
        '',
        '### 主要嘉宾介绍',
        '',
        '- **高文**：鹏城实验室主任',
        '- **张亚勤**：清华大学智能产业研究院院长',
        '',
        '---',
        '',
        '高老师是鹏城实验室主任，也是中国计算机学会的前任理事长。高老师，我们很高兴能和您一起参加这个论坛。',
        '',
        '接下来，我要介绍一下人工智能安全的两个方面：一方面是技术研究，要把技术做到极致；另一方面是社会的角度，要考虑技术对社会的影响。',
        '',
      ].join('\n'),
      { fileName: 'forum.md' },
    );
    const s = summarize(transcript);
    expect(s.sections.map((x) => [x.speaker, x.role])).toEqual([
      [null, 'host'],
      ['高文', 'keynote'],
    ]);
  });

  it('does not take the person a speaker greets (尊敬的薛老师) for the next speaker', () => {
    expect(handoverName('尊敬的薛老师，各位专家各位朋友。下面我就发布这本书。首先我们看一个视频，对吧？', new MentionPool())).toBeNull();
  });

  it('ends a round table when the host closes it, so the next talk is a keynote again', () => {
    const s = summarize(
      fromLines(
        '欢迎大家来到圆桌讨论环节。我想请高教授先回答第一个问题，您认为目前最紧迫的风险是什么？',
        '好的，谢谢主持人。我觉得最紧迫的是三类问题，第一类是失业问题，因为替代效应非常强；第二类是失序问题，社会结构会受到冲击；第三类是失控问题，这是我们从来没有遇到过的挑战。',
        '感谢高教授的精彩回答。由于时间关系，我们的圆桌讨论就到此结束。下面有请张凌寒教授做主旨演讲。',
        '大家好，非常高兴今天能向大家介绍我最近写的一篇论文，题目是从基于风险到基于价值的人工智能治理。',
      ),
    );
    expect(s.sections.map((x) => x.role)).toEqual(['host', 'panel', 'host', 'keynote']);
    expect(s.sections[3]!.speaker).toBe('张凌寒');
  });

  it('calls a book or white paper presentation a launch', () => {
    expect(guestRole('下面呢我们有请白皮书的总策划陶海清博士进行介绍。有请。', false)).toBe('launch');
    expect(guestRole('下面我们掌声有请姚先生。', false)).toBe('keynote');
    expect(guestRole('他特地为我们录制了一段视频演讲。那么现请工作人员来播放一下。', true)).toBe('video');
  });
});

describe('glossary names for misheard surnames', () => {
  it('maps a misheard surname to the glossary name when the given name sounds the same (谢兰 → 薛澜)', () => {
    const { glossary } = parseGlossary('薛澜\tXue Lan\n姚期智\tAndrew Chi-Chih Yao\n');
    const s = summarize(
      fromLines(
        '接下来让我们再次请上清华大学人工智能国际治理研究院院长谢兰教授对报告进行介绍。',
        '大家好，下面我来把这个报告内容做一个简要的介绍，首先是全球人工智能治理的现状和挑战，其次是我们的建议。',
      ),
      { glossary },
    );
    expect(s.sections[1]).toMatchObject({ speaker: '薛澜', role: 'launch' });
  });
});
