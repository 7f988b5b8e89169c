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
    { in: 'Qinhua University is among its founding members.', resources: { glossary: 'Tsinghua University\t清华大学' }, flags: ['Qinhua University'], note: 'corrects a misheard university name' },
    { in: 'MIT的tech mark上面写的一个paper', resources: { glossary: 'Max Tegmark', enWords: true }, level: 'thorough', flags: ['tech mark'], note: 'two ordinary words that fuse into a name by sound' },
    { in: '因为GBT所带来的这个大模型', resources: { glossary: 'GPT' }, level: 'thorough', flags: ['GBT'], note: 'an acronym one confusable letter away' },
    { in: 'We need to make sure that the system is safe.', resources: { glossary: 'Sora\nStuart Russell', enWords: true }, level: 'thorough', flags: [], note: 'keeps ordinary words that merely sound like a name (sure/Sora)' },
    { in: 'Visit https://aiig.tsinghua.edu.cn for details.', resources: { glossary: 'Tsinghua University' }, level: 'thorough', flags: [], note: 'leaves URLs alone' },
    { in: 'GPU and API costs', resources: { glossary: 'GPT' }, level: 'thorough', flags: [], note: 'keeps well-known acronyms' },
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
