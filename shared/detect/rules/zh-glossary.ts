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
import { RESOURCE, type ChineseLexicon } from '../../lexicon/types';
import type { Proposal, Rule } from '../rule';

export const zhGlossary: Rule = {
  id: 'zh.glossary',
  title: 'Chinese name or term that sounds like a glossary entry',
  languages: ['zh', 'mixed'],
  defaultLevel: 'standard',
  examples: [
    { in: '我们请姚继志院士发言。', flags: [], note: 'does nothing without a glossary (see test/glossary for glossary cases)' },
  ],
  detect(segment, ctx): Proposal[] {
    const index = glossaryIndexFor(ctx.resources);
    if (!index || index.zh.size === 0) return [];
    const lexicon = ctx.resources[RESOURCE.zhLexicon] as ChineseLexicon | undefined;
    return index.zh.match(segment.raw, lexicon).map((m) => ({
      start: m.start,
      end: m.end,
      kind: 'misrecognition',
      suggestion: m.suggestion,
      confidence: m.confidence,
      reason: m.reason,
    }));
  },
};
