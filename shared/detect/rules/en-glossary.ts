/**
 * en.glossary — garbled or misheard Latin names and terms that match an event-glossary entry by spelling or
 * sound (`Qinhua University` → Tsinghua University, `tech mark` → Tegmark, `Benjo` → Bengio, GBT → GPT).
 *
 * Matching is shared/glossary/en-matcher.ts (collapsed-spelling edit distance, a phonetic key, multi-word
 * windows, acronym near-misses). Runs on English, mixed and Chinese segments, since Chinese speech carries
 * Latin names. Without a glossary the rule does nothing; with `resources.enWords` ordinary words need
 * stronger evidence. Names written half in Han, half in Latin (`卡lin` → Carlini, `券GPT` → ChatGPT) are
 * shared/glossary/en-mixed.ts.
 */
import { matchMixed, mixedTargets, type MixedTarget } from '../../glossary/en-mixed';
import { glossaryIndexFor, termLang, type Glossary } from '../../glossary/index';
import { looksLikeName } from '../../glossary/surnames';
import { RESOURCE, type ChineseLexicon } from '../../lexicon/types';
import type { DetectContext, Proposal, Rule } from '../rule';

/** The glossary's Latin words for half-Han names (en-mixed.ts), once per glossary object. */
const targetsOf = new WeakMap<Glossary, MixedTarget[]>();

function halfHanNames(raw: string, ctx: DetectContext): Proposal[] {
  if (!/\p{Script=Han}[A-Za-z]{2}/u.test(raw)) return [];
  const glossary = ctx.resources[RESOURCE.glossary] as Glossary;
  let targets = targetsOf.get(glossary);
  if (!targets) {
    const forms: { text: string; lang: 'en' }[] = [];
    for (const e of glossary.entries) {
      const equivalent = e.equivalent ?? '';
      const termIs = termLang(e.term);
      const equivalentIs = termLang(equivalent);
      // a Chinese person's pinyin name (Zhang Hanfei of 张翰飞) is heard as Han, not half Latin
      if ((termIs === 'zh' && looksLikeName(e.term)) || (equivalentIs === 'zh' && looksLikeName(equivalent))) continue;
      if (termIs === 'en') forms.push({ text: e.term, lang: 'en' });
      if (equivalentIs === 'en') forms.push({ text: equivalent, lang: 'en' });
    }
    targets = mixedTargets(forms);
    targetsOf.set(glossary, targets);
  }
  const lexicon = ctx.resources[RESOURCE.zhLexicon] as ChineseLexicon | undefined;
  return matchMixed(raw, targets, lexicon ? (w) => lexicon.has(w) : undefined).map((m) => ({ ...m, kind: 'misrecognition' }));
}

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
    { in: '探索从券GPT到苏er等前沿AI技术', resources: { glossary: 'ChatGPT\nSora', zhLexicon: true }, level: 'thorough', flags: ['券GPT', '苏er'], note: 'half-Han names: the Han syllable read as pinyin (review)' },
    { in: '就是呃卡lin他啊在前两年', resources: { glossary: 'Nicholas Carlini', zhLexicon: true }, level: 'thorough', flags: ['卡lin'], note: 'Chinese drops the r of Car-' },
    { in: '一个呃fancy的组合，这个GPT很好，MIT的OK', resources: { glossary: 'Aaron Evans\nChatGPT\nMott', zhLexicon: true }, level: 'thorough', flags: [], note: 'interjections, function characters and English words are not half names' },
    { in: '我们请了张hanfei', resources: { glossary: '张翰飞\tZhang Hanfei', zhLexicon: true }, level: 'thorough', flags: [], note: 'a Chinese person\'s pinyin name is no half-Han target' },
  ],
  detect(segment, ctx): Proposal[] {
    const index = glossaryIndexFor(ctx.resources);
    if (!index || index.en.size === 0 || !/[A-Za-z]/.test(segment.raw)) return [];
    const out: Proposal[] = index.en.match(segment.raw).map((m) => ({
      start: m.start,
      end: m.end,
      kind: 'misrecognition',
      suggestion: m.suggestion,
      confidence: m.confidence,
      reason: m.reason,
    }));
    return [...out, ...halfHanNames(segment.raw, ctx).filter((p) => !out.some((o) => o.start < p.end && p.start < o.end))];
  },
};
