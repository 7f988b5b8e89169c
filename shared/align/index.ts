/** The zh–en alignment module: language runs, sentence splitting, the aligner and its dictionary. */
export { alignSentences, confidence, type AlignOptions, type AlignResult, type AlignedBead, type BeadSignals } from './align';
export { BEADS } from './aligner';
export { DEFAULT_COST, type CostParams } from './bead-cost';
export {
  dictionaryFromEntries,
  dictionaryFromLexicon,
  parseAlignDictionary,
  withGlossary,
  type AlignDictionary,
  type GlossaryPair,
} from './dictionary';
export type { AlignSentence } from './features';
export { sentenceLang, splitLanguageRuns, type LanguageRun } from './lang-split';
export { splitSentences, type SentenceSpan, type SplitOptions } from './sentence-split';
export { estimateLag } from './time-lag';
export { documentSentences, dominantLang, languageSentences, type SourcedSentence } from './transcript-sentences';
