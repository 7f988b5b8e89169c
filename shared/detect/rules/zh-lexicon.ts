/**
 * zh.lexicon — a three- or four-character span that is not a word but is one character away from a common
 * word or idiom (莫顶之灾 → 灭顶之灾, 快率增长 → 快速增长). No glossary needed; needs `resources.zhLexicon`
 * built from the compact lexicon data (shared/lexicon/chinese.ts) and does nothing without it. Low
 * confidence by design (review only): see shared/glossary/near-word.ts for the precision checks.
 */
import { NearWordIndex } from '../../glossary/near-word';
import { CompactChineseLexicon } from '../../lexicon/chinese';
import { RESOURCE } from '../../lexicon/types';
import type { Proposal, Rule } from '../rule';

const CACHE_KEY = 'zh.lexicon.index';
/** The index costs ~0.5 s to build; keep one per lexicon object across runs. */
const built = new WeakMap<CompactChineseLexicon, NearWordIndex>();

function indexFor(resources: Record<string, unknown> & { cache: Map<string, unknown> }): NearWordIndex | null {
  const lexicon = resources[RESOURCE.zhLexicon];
  if (!(lexicon instanceof CompactChineseLexicon)) return null;
  const cached = resources.cache.get(CACHE_KEY) as { lexicon: unknown; index: NearWordIndex } | undefined;
  if (cached && cached.lexicon === lexicon) return cached.index;
  const index = built.get(lexicon) ?? new NearWordIndex(lexicon);
  built.set(lexicon, index);
  resources.cache.set(CACHE_KEY, { lexicon, index });
  return index;
}

export const zhLexicon: Rule = {
  id: 'zh.lexicon',
  title: 'Chinese non-word one character away from a common word',
  languages: ['zh', 'mixed'],
  defaultLevel: 'thorough',
  examples: [
    { in: '它可能造成一个莫顶之灾。', flags: [], note: 'does nothing without the lexicon resource' },
    { in: '它可能造成一个莫顶之灾。', resources: { zhLexicon: true }, level: 'thorough', flags: ['莫'], note: 'an idiom one similar syllable away' },
    { in: '其实是不太一样的。', resources: { zhLexicon: true }, level: 'thorough', flags: [], note: 'keeps 不太一样: the segmenter reads 不太 as a word' },
    { in: '随着中美关系复杂化程度的加深', resources: { zhLexicon: true }, level: 'thorough', flags: [], note: 'keeps 中美关系: 美 forms a word with its neighbour' },
    { in: '所以你人和这一个大机器。', resources: { zhLexicon: true }, level: 'thorough', flags: [], note: 'keeps 一个大: a word plus a stray neighbour' },
    { in: '还是有我们生存之地啊。', resources: { zhLexicon: true }, level: 'thorough', flags: [], note: 'keeps 生存之地' },
  ],
  detect(segment, ctx): Proposal[] {
    const index = indexFor(ctx.resources);
    if (!index) return [];
    return index.match(segment.raw).map((m) => ({
      start: m.start,
      end: m.end,
      kind: 'misrecognition',
      suggestion: m.suggestion,
      confidence: m.confidence,
      reason: m.reason,
    }));
  },
};
