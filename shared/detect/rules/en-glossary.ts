/**
 * en.glossary — garbled or misheard Latin names and terms that match an event-glossary entry by spelling or
 * sound (`Qinhua University` → Tsinghua University, `tech mark` → Tegmark, `Benjo` → Bengio, GBT → GPT).
 *
 * Matching is shared/glossary/en-matcher.ts (collapsed-spelling edit distance, a phonetic key, multi-word
 * windows, acronym near-misses). Runs on English, mixed and Chinese segments, since Chinese speech carries
 * Latin names. Without a glossary the rule does nothing; with `resources.enWords` ordinary words need
 * stronger evidence.
 */
import { glossaryIndexFor } from '../../glossary/index';
import type { Proposal, Rule } from '../rule';

export const enGlossary: Rule = {
  id: 'en.glossary',
  title: 'Latin name or term that looks or sounds like a glossary entry',
  languages: ['en', 'mixed', 'zh'],
  defaultLevel: 'standard',
  examples: [
    { in: 'Qinhua University is among its founding members.', flags: [], note: 'does nothing without a glossary' },
  ],
  detect(segment, ctx): Proposal[] {
    const index = glossaryIndexFor(ctx.resources);
    if (!index || index.en.size === 0 || !/[A-Za-z]/.test(segment.raw)) return [];
    return index.en.match(segment.raw).map((m) => ({
      start: m.start,
      end: m.end,
      kind: 'misrecognition',
      suggestion: m.suggestion,
      confidence: m.confidence,
      reason: m.reason,
    }));
  },
};
