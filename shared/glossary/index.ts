/**
 * The glossary module: model and TSV format, the Chinese (pinyin) and English (phonetic) matchers, term
 * extraction from reference documents, and the per-run index the detector rules share.
 */
import type { DetectResources } from '../detect/rule';
import { RESOURCE, type EnglishWords } from '../lexicon/types';
import { glossaryForms, type Glossary } from './glossary';
import { EnMatcher } from './en-matcher';
import { ZhMatcher } from './zh-matcher';

export * from './glossary';
export { ZhMatcher, type ZhMatch } from './zh-matcher';
export { EnMatcher, type EnMatch } from './en-matcher';
export { extractTerms, glossaryFromReferences, type TermCandidate } from './extract';

/** The matchers built from one glossary. */
export interface GlossaryIndex {
  zh: ZhMatcher;
  en: EnMatcher;
}

/**
 * Both matchers for a glossary (the English one skips ordinary words when a word list is given), each built on
 * first use: a host that runs only one of the glossary rules (the CLI runs them in separate threads for a large
 * glossary) builds only its matcher.
 */
export function buildGlossaryIndex(glossary: Glossary, enWords?: EnglishWords): GlossaryIndex {
  let forms: ReturnType<typeof glossaryForms> | undefined;
  let zh: ZhMatcher | undefined;
  let en: EnMatcher | undefined;
  return {
    get zh() {
      return (zh ??= new ZhMatcher((forms ??= glossaryForms(glossary))));
    },
    get en() {
      // the Latin forms need no shared words (Han only, forms.ts step 6): skip them unless the forms are made
      return (en ??= new EnMatcher(forms ?? glossaryForms(glossary, { sharedWords: false }), enWords ? { isWord: (w) => enWords.has(w) } : {}));
    },
  };
}

const CACHE_KEY = 'glossary.index';
const built = new WeakMap<Glossary, { enWords: EnglishWords | undefined; index: GlossaryIndex }>();

/** The run's glossary index, built on first use and cached in `resources.cache`; null without a glossary. */
export function glossaryIndexFor(resources: DetectResources): GlossaryIndex | null {
  const glossary = resources[RESOURCE.glossary] as Glossary | undefined;
  if (!glossary || !Array.isArray(glossary.entries) || glossary.entries.length === 0) return null;
  const cached = resources.cache.get(CACHE_KEY) as { glossary: Glossary; index: GlossaryIndex } | undefined;
  if (cached && cached.glossary === glossary) return cached.index;
  const enWords = resources[RESOURCE.enWords] as EnglishWords | undefined;
  // across runs in one process (the app re-checks after edits): the same glossary object reuses its index
  const kept = built.get(glossary);
  const index = kept && kept.enWords === enWords ? kept.index : buildGlossaryIndex(glossary, enWords);
  built.set(glossary, { enWords, index });
  resources.cache.set(CACHE_KEY, { glossary, index });
  return index;
}
