/**
 * zh.glossary — Chinese spans that sound like an event-glossary term but are written differently
 * (姚继志院士 → 姚期智院士, 国际智理研究院 → 国际治理研究院, 高温院士 → 高文院士).
 *
 * Matching is shared/glossary/zh-matcher.ts (pinyin index, fuzzy initials/finals, one syllable of slack for
 * longer terms, scored by pinyin distance, tones, length and context). The index is built once per run from
 * `resources.glossary` and cached; without a glossary the rule does nothing. With `resources.zhLexicon` the
 * matcher lowers confidence where the span is itself a common word (智力 is not 治理).
 */
import { glossaryIndexFor } from '../../glossary/index';
import { ReadAhead } from '../../glossary/read-ahead';
import { titledCounts } from '../../glossary/zh-surname';
import { RESOURCE, type ChineseLexicon } from '../../lexicon/types';
import type { Proposal, Rule } from '../rule';

const COUNTS_KEY = 'zh.glossary.titled';
const AHEAD_KEY = 'zh.glossary.readings';

export const zhGlossary: Rule = {
  id: 'zh.glossary',
  title: 'Chinese name or term that sounds like a glossary entry',
  languages: ['zh', 'mixed'],
  defaultLevel: 'standard',
  examples: [
    { in: '我们请姚继志院士发言。', flags: [], note: 'does nothing without a glossary' },
    { in: '这是全球智理的问题。', resources: { glossary: '治理\tgovernance' }, flags: ['智'], note: 'flags only the misheard character of a homophone term' },
    { in: '接下来是姚启志院士的报告。', resources: { glossary: '姚期智\tAndrew Chi-Chih Yao' }, flags: ['启志'], note: 'corrects a name that sounds the same' },
    { in: '刚才高温院士谈到了安全。', resources: { glossary: '高文\tWen Gao', zhLexicon: true }, level: 'thorough', flags: ['温'], note: 'a common word (高温) before a title is still the name' },
    { in: '清华大学人工智能国际理研究院副院长', resources: { glossary: '人工智能国际治理研究院', zhLexicon: true }, flags: ['理'], note: 'restores one missing syllable of a long term' },
    { in: '当前人工智能发展很快。', resources: { glossary: '前沿人工智能', zhLexicon: true }, flags: [], note: 'keeps 当前: a gap needs a character that forms no word' },
    { in: '他在国际组织里负责数据工作。', resources: { glossary: '治理\tgovernance', zhLexicon: true }, flags: [], note: 'keeps 组织里: 织 belongs to a word outside the window' },
    { in: '他花言巧语，真能把你骗了。', resources: { glossary: '乔宇\tYu Qiao', zhLexicon: true }, flags: [], note: 'keeps an idiom that contains a homophone of a name' },
    { in: '小孩的智力发展很快。', resources: { glossary: '治理\tgovernance' }, flags: [], note: 'keeps 智力: a different tone and a common word' },
    { in: '便是发展与智理的平衡问题。', resources: { glossary: '人工智能治理\tAI governance\n加拿大国际治理创新中心', zhLexicon: true }, flags: ['智'], note: 'a word shared by two glossary entries (治理) is a term of its own' },
    { in: '我们肯定是秉承智能向上的宗旨。', resources: { glossary: '智能向善全球伙伴计划', zhLexicon: true }, flags: ['上'], note: 'the head of a long programme name is a form of it' },
    { in: '薛教授说得好。团队共同编写教兰教授担任顾问，薛老师也在。', resources: { glossary: '薛澜\tLan Xue', zhLexicon: true }, level: 'thorough', flags: ['教兰'], note: 'a wrong surname before the right given name of a person named with a title elsewhere' },
    { in: '薛院长和薛老师都来了，王兰教授也在。', resources: { glossary: '薛澜', zhLexicon: true }, level: 'thorough', flags: [], note: 'keeps another person whose surname is a common one (王兰)' },
    { in: '感谢中心与芳华卫视的支持。', resources: { glossary: '凤凰卫视', zhLexicon: true }, level: 'thorough', flags: ['芳华'], note: 'two neighbouring syllables changed in a long name (fang/feng, hua/huang)' },
    { in: '这是人工智能战略的问题。', resources: { glossary: '人工智能治理', zhLexicon: true }, flags: [], note: 'keeps 战略: a changed pair that is a common word is that word' },
    { in: '这本书是现代化新政重书的第二集。', resources: { glossary: '现代化新征程丛书', zhLexicon: true }, level: 'thorough', flags: ['政重'], note: 'two syllables heard as one (程丛 cheng cong as 重 chong)' },
    { in: '狭义人工智能是指能力限于特定领域的系统。', resources: { glossary: '具身智能机器人\n智能向善全球伙伴计划', zhLexicon: true }, flags: [], note: 'keeps 是指能力: 指能 straddles two words (能力)' },
  ],
  detect(segment, ctx): Proposal[] {
    const index = glossaryIndexFor(ctx.resources);
    if (!index || index.zh.size === 0) return [];
    const lexicon = ctx.resources[RESOURCE.zhLexicon] as ChineseLexicon | undefined;
    // how often each character precedes a title across the transcript (for surname-only mentions), once a run
    let titled = ctx.resources.cache.get(COUNTS_KEY) as { transcript: unknown; counts: Map<string, number> } | undefined;
    if (!titled || titled.transcript !== ctx.transcript) {
      titled = { transcript: ctx.transcript, counts: titledCounts(ctx.transcript.segments.map((s) => s.raw)) };
      ctx.resources.cache.set(COUNTS_KEY, titled);
    }
    // the transcript's pinyin, read in batches ahead of the scan (one pinyin-pro call per segment costs more)
    let ahead = ctx.resources.cache.get(AHEAD_KEY) as { transcript: unknown; reader: ReadAhead } | undefined;
    if (!ahead || ahead.transcript !== ctx.transcript) {
      const segments = ctx.transcript.segments;
      ahead = { transcript: ctx.transcript, reader: new ReadAhead((i) => segments[i]?.raw) };
      ctx.resources.cache.set(AHEAD_KEY, ahead);
    }
    const reader = ahead.reader;
    return index.zh.match(segment.raw, lexicon, titled.counts, (text) => reader.get(ctx.index, text)).map((m) => ({
      start: m.start,
      end: m.end,
      kind: 'misrecognition',
      suggestion: m.suggestion,
      confidence: m.confidence,
      reason: m.reason,
    }));
  },
};
