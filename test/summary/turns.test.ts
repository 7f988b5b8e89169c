import { describe, expect, it } from 'vitest';
import { parseText } from '../../shared/formats/index';
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

describe('turn boundaries in panels, videos and edited transcripts', () => {
  const answer = (n: number) =>
    Array.from({ length: n }, (_, i) => `Point ${i + 1} is that governance frameworks need shared evaluation methods and people who can run them across borders。`).join(' ');

  it('starts the host turn at a bare "Thank you." after a long English answer', () => {
    const t = fromLines(
      '那么这个问题呢，我想请Mr。 Smith回答。',
      `Sure， thank you for the question。 ${answer(10)}`,
      `${answer(10)}`,
      'Thank you so much。 I think both of you mentioned the risks of frontier systems, so my next question is about cooperation。',
    );
    expect(lines(summarize(t))).toEqual([1, 3, 7]);
  });

  it('does not split a talk on a thank-you early in the same answer', () => {
    const t = fromLines('那么这个问题呢，我想请Mr。 Smith回答。', `Sure， thank you for the question。 Thank you， I agree。 ${answer(3)}`);
    expect(lines(summarize(t))).toEqual([1, 3]);
  });

  it('keeps a host introducing guests one after another in one turn', () => {
    const t = fromLines(
      '下面我们请上圆桌讨论的嘉宾。首先我们有请来自华东政法大学的高琪琪教授，有请。🎼那么我们第二位嘉宾是华为战略研究院的柳佳琪先生，有请。🎼那么下面有请阿里巴巴集团的顾登辰先生，有请。',
      '🎼好，那么我也自我介绍一下，我叫张林涵，来自中国政法大学数据法制研究院。今天我们有五个问题，请每位嘉宾集中回答一到两个问题。',
    );
    expect(lines(summarize(t))).toEqual([1]);
  });

  it('separates a video played inside a talk and gives the turn back to the presenter', () => {
    const t = fromLines(
      '下面有请中国发展出版社社长王忠宏先生进行发布和介绍，大家欢迎。',
      '🎼尊敬的各位专家各位朋友。下面我就发布这本新书。首先我们看一个视频，对吧？短视频。🎼在这个科技迅猛发展的时代，人工智能正以前所未有的速度改变着我们的生活。',
      '人工智能技术已在医疗、教育、金融等多个领域展现出其广阔的应用前景，助力各行业发展。本书深入剖析人工智能最新发展动态，呈现我国人工智能大模型的最新进展。',
      '本书详细介绍前沿人工智能在产业生态中的应用，剖析人工智能的国际治理议题，探讨构建开放、包容的国际治理体系的策略与方法，现已由中国发展出版社出版发行。',
      '正像刚刚梁正副院长介绍的，这本书由三个部门联合编写。我们出版社隶属于国务院发展研究中心，一直在推动智库成果的出版和落地，这本书也是现代化新征程丛书的第一本，希望有机会向大家学习请教。',
    );
    const s = summarize(t);
    expect(lines(s)).toEqual([1, 3, 3, 9]);
    expect(s.sections.map((x) => x.role)).toEqual(['host', 'launch', 'video', 'launch']);
    expect(s.sections[2]!.speaker).toBeNull();
    expect(s.sections[3]!.speaker).toBe('王忠宏');
  });

  it('does not take a bilingual host switching language mid-question for a new speaker', () => {
    const t = fromLines(
      '实际上在谈到治理的时候，下面一个问题我 want to ask Mr。',
      'we all know that we have many multilateral agreements and many efforts on global AI governance like the AI safety summit。',
      'So what do you think the ideal mechanism should be to balance the interests of different countries and sectors。',
    );
    expect(lines(summarize(t))).toEqual([1]);
  });

  it('starts the speech inside the paragraph that holds the host introduction (Markdown)', () => {
    const { transcript } = parseText(
      [
        '谢谢各位教授，请坐下。接下来，我们很高兴请出张亚勤教授。张教授是清华大学智能产业研究院院长，曾任百度总裁，拥有丰富的职业经历。让我们欢迎张教授。早上好，谢谢安远。',
        '',
        '安远AI邀请我来参加这个大会。大模型和生成式AI在未来十年有几个趋势，首先是多模态，其次是智能体的自主智能。',
        '',
        '---',
        '',
        '大家好，我今天要与大家分享中国信息通信研究院在大模型安全评测方面的一些思考和实践。',
        '',
      ].join('\n'),
      { fileName: 'forum.md' },
    );
    const s = summarize(transcript);
    expect(lines(s)).toEqual([1, 1, 7]);
    expect(s.sections[1]!.paragraphs[0]).toMatch(/^早上好/);
    expect(s.sections[2]!.cues).toContain('marker');
  });
});
