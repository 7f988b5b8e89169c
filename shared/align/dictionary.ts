/**
 * The zh→en dictionary the aligner reads its lexical evidence from. The host loads a compact table derived
 * from CEDICT at build time (electron/build/build-align-dict.mjs) and passes it in; shared/ never reads files.
 *
 * Table format, one headword a line: `word<TAB>stem stem …` (English content stems, see english.ts), or
 * `word<TAB>=other` for a Traditional form that aliases a Simplified one, or `@char<TAB>reading reading` for
 * the toneless pinyin of a single Han character (names in English translations are spelled in pinyin). The build script makes the stems
 * with `stemsOfSenses` below, so loading is a plain split. Each word keeps the first few content stems of
 * each sense (the head of a gloss carries the meaning; long encyclopaedic glosses such as
 * "Johannes Kepler (1571-1630), German astronomer…" would add noise).
 */
import { contentStems } from './english';
import type { ChineseLexicon } from '../lexicon/types';

/** A zh→en dictionary seen through the aligner's eyes: English content stems per Chinese word. */
export interface AlignDictionary {
  /** Content stems of the English glosses of the word, or undefined when it is not a headword. */
  glossStems(word: string): readonly string[] | undefined;
  /** Longest headword, in code points (bounds maximum matching). */
  readonly maxWordLength: number;
  /** Toneless pinyin readings of a Han character (`张` → `zhang`), for names the English spells in pinyin. */
  pinyin?(char: string): readonly string[] | undefined;
}

/** A term pair from the project glossary (`中国科学院` ↔ `Chinese Academy of Sciences`). */
export interface GlossaryPair {
  zh: string;
  en: string;
}

const STEMS_PER_SENSE = 3;
const STEMS_PER_WORD = 12;

/** Content stems of a list of gloss senses, a few per sense, deduplicated and capped. */
export function stemsOfSenses(senses: readonly string[]): string[] {
  const out = new Set<string>();
  for (const sense of senses) {
    let taken = 0;
    for (const s of contentStems(sense)) {
      if (taken >= STEMS_PER_SENSE || out.size >= STEMS_PER_WORD) break;
      if (!out.has(s)) out.add(s);
      taken++;
    }
  }
  return [...out];
}

class MapDictionary implements AlignDictionary {
  maxWordLength = 1;
  readonly readings = new Map<string, string[]>();
  constructor(readonly entries = new Map<string, string[]>()) {
    for (const word of entries.keys()) this.noteLength(word);
  }
  noteLength(word: string): void {
    const n = [...word].length;
    if (n > this.maxWordLength) this.maxWordLength = n;
  }
  glossStems(word: string): readonly string[] | undefined {
    return this.entries.get(word);
  }
  pinyin(char: string): readonly string[] | undefined {
    return this.readings.get(char);
  }
}

/** Parses the compact table (see the file comment). Lines it cannot read are skipped. */
export function parseAlignDictionary(text: string): AlignDictionary {
  const dict = new MapDictionary();
  const aliases: [string, string][] = [];
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const word = line.slice(0, tab);
    const body = line.slice(tab + 1);
    if (word.startsWith('@')) {
      dict.readings.set(word.slice(1), body.split(' ').filter((r) => r !== ''));
      continue;
    }
    if (body.startsWith('=')) {
      aliases.push([word, body.slice(1)]);
      continue;
    }
    const stems = body.split(' ').filter((w) => w !== '');
    if (stems.length === 0) continue;
    dict.entries.set(word, stems);
    dict.noteLength(word);
  }
  for (const [word, target] of aliases) {
    const stems = dict.entries.get(target);
    if (stems && !dict.entries.has(word)) {
      dict.entries.set(word, stems);
      dict.noteLength(word);
    }
  }
  return dict;
}

/** Builds a dictionary from in-memory entries `{ word: [sense, …] }` (tests, glossary-only use). */
export function dictionaryFromEntries(entries: Record<string, readonly string[]>): AlignDictionary {
  const map = new Map<string, string[]>();
  for (const [word, senses] of Object.entries(entries)) {
    const stems = stemsOfSenses(senses);
    if (stems.length) map.set(word, stems);
  }
  return new MapDictionary(map);
}

/**
 * Adds glossary pairs on top of a base dictionary: a glossary term's English stems are all kept (terms are
 * exact project vocabulary, so they outrank CEDICT senses), and the term joins maximum matching.
 */
export function withGlossary(base: AlignDictionary | undefined, pairs: readonly GlossaryPair[]): AlignDictionary {
  const extra = new Map<string, string[]>();
  for (const pair of pairs) {
    const stems = contentStems(pair.en);
    if (pair.zh.trim() && stems.length) {
      const prev = extra.get(pair.zh.trim()) ?? [];
      extra.set(pair.zh.trim(), [...new Set([...prev, ...stems])]);
    }
  }
  const own = new MapDictionary(extra);
  const maxWordLength = Math.max(own.maxWordLength, base?.maxWordLength ?? 1);
  const result: AlignDictionary = {
    maxWordLength,
    glossStems: (word) => extra.get(word) ?? base?.glossStems(word),
  };
  if (base?.pinyin) result.pinyin = (char) => base.pinyin!(char);
  return result;
}

/** Adapts a ChineseLexicon that offers `glosses()` (the glossary helper's CEDICT lexicon). */
export function dictionaryFromLexicon(lexicon: ChineseLexicon, maxWordLength = 6): AlignDictionary {
  const cache = new Map<string, string[] | undefined>();
  return {
    maxWordLength,
    glossStems(word) {
      if (cache.has(word)) return cache.get(word);
      const glosses = lexicon.glosses?.(word);
      const stems = glosses && glosses.length ? stemsOfSenses(glosses) : undefined;
      cache.set(word, stems && stems.length ? stems : undefined);
      return cache.get(word);
    },
  };
}
