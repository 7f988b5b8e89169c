import { describe, expect, it } from 'vitest';
import { summarize } from '../../shared/summary/index';
import { fromLines } from './helpers';

const lines = (t: ReturnType<typeof summarize>) => t.sections.map((s) => s.startLine);

describe('turn boundaries', () => {
  it('starts a turn after a hand-over inside one line (…掌声有请姚先生。非常感谢…的介绍)', () => {
    const t = fromLines(
      '各位嘉宾，大家好。我是来自清华大学的薛澜，也是本场论坛的主持人。首先我们有请姚期智院士，他是清华大学交叉信息研究院院长。',
      '姚期智院士在计算理论领域取得了诸多成就。下面我们掌声有请姚先生。🎼非常感谢薛院长的介绍。今天我想谈谈人工智能安全治理的研究走向。',
      '第一个问题是数据安全。大模型在训练的时候用过很多数据，这些数据里面可能包含别人的隐私。',
    );
    const s = summarize(t);
    expect(lines(s)).toEqual([1, 3]);
    expect(s.sections[1]!.paragraphs[0]!.replace(/^\p{Extended_Pictographic}/u, '')).toMatch(/^非常感谢薛院长的介绍/);
    expect(s.sections[0]!.paragraphs.join('')).toMatch(/掌声有请姚先生。\p{Extended_Pictographic}?$/u);
  });

  it('gives the floor back to the host when they thank the speaker after 谢谢大家', () => {
    const t = fromLines(
      '各位嘉宾好。下面有请郭毅可教授。',
      '尊敬的各位嘉宾，大家好，我是郭毅可。今天我想和大家探讨数据安全治理。数据是人工智能的基础，也是数字经济的核心资源。',
      '我们需要加强国际合作。谢谢大家。',
      '特别感谢郭校长非常精彩的演讲。他强调了数据安全治理的重要性。',
    );
    expect(lines(summarize(t))).toEqual([1, 3, 7]);
  });

  it('does not start a new turn when the host thanks the same speaker again (再次感谢)', () => {
    const t = fromLines(
      '下面有请姚先生。',
      '非常感谢主持人的介绍。今天我讲的是人工智能的安全治理，主要分成四个部分，首先谈谈数据安全的问题，然后谈谈可证明安全。好，谢谢大家。',
      '特别感谢姚先生非常精彩的演讲。他从大模型带来的风险切入，讲到了构建基础理论和发展对齐方法。',
      '再次感谢姚先生的精彩分享。好，那下面的话呢，我们下一位演讲人因为日程冲突无法亲自到会。',
    );
    expect(lines(summarize(t))).toEqual([1, 3, 5]);
  });

  it('does not split a talk on a thank-you that is not a hand-over', () => {
    const t = fromLines(
      '我们与三十多家单位合作开展评测数据集建设。非常感谢这些合作伙伴的支持。',
      '二零二四年四月我们发布了第一版安全基准结果，涵盖内容安全、数据安全、科技伦理等方面。',
    );
    expect(lines(summarize(t))).toEqual([1]);
  });

  it('starts a video turn where the language switches after 播放', () => {
    const t = fromLines(
      '下一位演讲人因为日程冲突，特地为我们录制了一段视频演讲。那么现请工作人员来播放一下。Legal frameworks that ensure ethical AI use are needed.',
      'Focusing on transparency, accountability and fairness while protecting privacy and preventing discrimination is key.',
      'Key measures include mandatory AI audits and strict data protection requirements for every provider.',
    );
    const s = summarize(t);
    expect(lines(s)).toEqual([1, 1]);
    expect(s.sections[1]!.role).toBe('video');
    expect(s.sections[1]!.paragraphs[0]).toMatch(/^Legal frameworks/);
  });

  it('follows speaker labels when the input has them', () => {
    const t = fromLines('欢迎大家。', 'Thank you. My talk is about AI safety in adversarial settings.', 'Attacks are everywhere.');
    t.segments.forEach((s, i) => (s.speaker = i === 0 ? '主持人' : 'Dawn Song'));
    const s = summarize(t);
    expect(lines(s)).toEqual([1, 3]);
    expect(s.sections[1]!.speaker).toBe('Dawn Song');
  });

  it('lets user section markers alone define the sections when given', () => {
    const t = fromLines(
      '下面我们掌声有请姚先生。非常感谢主持人的介绍。',
      '今天我想谈谈人工智能安全治理。',
      '第二部分讲可证明安全。',
    );
    const s = summarize(t, { userMarkers: [{ beforeSegment: 2, speaker: '姚期智', role: 'keynote' }] });
    expect(lines(s)).toEqual([1, 5]);
    expect(s.sections[1]!.speaker).toBe('姚期智');
  });
});
