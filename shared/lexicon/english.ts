/**
 * The English word list used by en.garble and en.filler, as an `EnglishWords` resource.
 *
 * The host reads the list (dist/data/en-words.txt, built from the `word-list` package's words.txt, MIT: one
 * lower-case word a line, ~274k words, 2.8 MB, sorted; a line may carry a usage count after a tab) and passes
 * its text here; shared/ never reads files.
 *
 * Algorithm. No Set of 274k strings is built (that cost ~100–600 ms and ~25 MB): the list text itself is the
 * dictionary. On the first lookup one scan records where each line starts and ends (two Int32Arrays); a line
 * that breaks the code-unit order, or is not already lower case, goes to a small overflow Set instead, so any
 * list works and a sorted one costs nothing extra. `has` is a binary search comparing code units in place.
 * Because the lines are sorted, every prefix is a contiguous range: the list is an implicit trie, and `near`
 * walks it depth first with one Levenshtein row per prefix, pruning a prefix whose row minimum exceeds the
 * allowed distance (the classic trie edit-distance search), so a fuzzy lookup visits a few thousand prefixes.
 */
import type { EnglishWords } from './types';

/** Everyday words and names the list lacks that show up in conference speech. */
const EXTRA = ['ai', 'ok', 'okay', 'online', 'email', 'internet', 'website', 'dataset', 'datasets', 'chatbot', 'chatbots'];

/** A word of the list near a query, with its Levenshtein distance. */
export interface NearWord {
  word: string;
  distance: number;
}

/** An English word list that can also find words within a few edits of a string. */
export interface FuzzyEnglishWords extends EnglishWords {
  /**
   * Words of the sorted list within `maxDistance` edits of `word` (lower-cased), starting with the same
   * `samePrefix` characters; overflow words are not searched. Order: the list's order.
   */
  near(word: string, maxDistance: number, samePrefix?: number): NearWord[];
  /**
   * A usage count of the word (how often it is said in SUBTLEX-US film and TV subtitles, written by
   * electron/build/build-english-words.mjs as `word<TAB>count`); 0 when unknown or when the list has none.
   */
  frequency(word: string): number;
}

interface Index {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  overflow: Set<string>;
}

/** True when the line [s, e) of text contains an ASCII capital or non-ASCII character. */
function needsFolding(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return true;
  }
  return false;
}

/** Code-unit comparison of text[a0, a1) with text[b0, b1). */
function compareRanges(text: string, a0: number, a1: number, b0: number, b1: number): number {
  const n = Math.min(a1 - a0, b1 - b0);
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(a0 + i) - text.charCodeAt(b0 + i);
    if (d !== 0) return d;
  }
  return a1 - a0 - (b1 - b0);
}

function buildIndex(text: string, extra: readonly string[]): Index {
  let capacity = 1024;
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let count = 0;
  const overflow = new Set<string>();
  let from = 0;
  let tab = text.indexOf('\t');
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    let s = from;
    let e = to;
    from = to + 1;
    if (tab >= 0 && tab < s) tab = text.indexOf('\t', s);
    if (tab >= 0 && tab < e) e = tab; // `word<TAB>count`: the count is read by `frequency`
    while (s < e && text.charCodeAt(s) <= 32) s++;
    while (e > s && text.charCodeAt(e - 1) <= 32) e--;
    if (s === e || text.charCodeAt(s) === 35 /* # */) continue;
    if (needsFolding(text, s, e)) {
      overflow.add(text.slice(s, e).toLowerCase());
      continue;
    }
    const order = count === 0 ? 1 : compareRanges(text, s, e, starts[count - 1]!, ends[count - 1]!);
    if (order === 0) continue;
    if (order < 0) {
      overflow.add(text.slice(s, e));
      continue;
    }
    if (count === capacity) {
      capacity *= 2;
      const ns = new Int32Array(capacity);
      ns.set(starts);
      starts = ns;
      const ne = new Int32Array(capacity);
      ne.set(ends);
      ends = ne;
    }
    starts[count] = s;
    ends[count] = e;
    count++;
  }
  for (const w of extra) overflow.add(w.toLowerCase());
  return { text, starts, ends, count, overflow };
}

/** Code-unit comparison of `word` with line i. */
function compareLine(ix: Index, word: string, i: number): number {
  const s = ix.starts[i]!;
  const len = ix.ends[i]! - s;
  const n = Math.min(word.length, len);
  for (let k = 0; k < n; k++) {
    const d = word.charCodeAt(k) - ix.text.charCodeAt(s + k);
    if (d !== 0) return d;
  }
  return word.length - len;
}

/** Index of the line equal to `lower`, or -1. */
function lineOf(ix: Index, lower: string): number {
  let lo = 0;
  let hi = ix.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const d = compareLine(ix, lower, mid);
    if (d === 0) return mid;
    if (d > 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The count written after a tab on line i (0 when there is none). */
function countOf(ix: Index, i: number): number {
  let k = ix.ends[i]!;
  while (k < ix.text.length && (ix.text[k] === ' ' || ix.text[k] === '\t')) k++;
  let n = 0;
  for (let c = ix.text.charCodeAt(k); c >= 48 && c <= 57; c = ix.text.charCodeAt(++k)) n = n * 10 + (c - 48);
  return n;
}

/**
 * Depth-first walk of the implicit trie (see the file comment). Only a band of each Levenshtein row is computed:
 * cell k of the row at depth d is at least |k - d|, so outside k ∈ [d - maxD, d + maxD] it exceeds maxD. Every
 * cell holds min(distance, maxD + 1) — the recurrence commutes with that cap — and the two cells bordering the
 * band are set to maxD + 1, which is all the next row reads, so matches, their distances and the pruning are
 * exactly those of full rows at about (2·maxD + 1)/(m + 1) of the work.
 */
function nearWords(ix: Index, query: string, maxD: number, samePrefix: number): NearWord[] {
  const m = query.length;
  const cap = maxD + 1;
  const out: NearWord[] = [];
  /** One Levenshtein row per depth, reused: the walk is depth first, so a row is dead once its subtree is. */
  const rows: Int32Array[] = [];
  const { text, starts, ends } = ix;
  const visit = (lo: number, hi: number, depth: number, row: Int32Array): void => {
    let i = lo;
    if (i < hi && ends[i]! - starts[i]! === depth) {
      // row[m] is computed only within the band; outside it the word is too long or too short anyway
      if (m - depth <= maxD && depth - m <= maxD && row[m]! <= maxD) out.push({ word: text.slice(starts[i], ends[i]), distance: row[m]! });
      i++;
    }
    const d1 = depth + 1;
    const from = d1 - maxD > 1 ? d1 - maxD : 1;
    const to = d1 + maxD < m ? d1 + maxD : m;
    while (i < hi) {
      // the character at `depth` of line i (lines in a prefix range are longer than depth), read inline: this
      // loop runs mostly unoptimised in a one-shot CLI run, where helper calls cost
      const c = text.charCodeAt(starts[i]! + depth);
      let a = i + 1;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (text.charCodeAt(starts[mid]! + depth) <= c) a = mid + 1;
        else b = mid;
      }
      const j = a;
      if (depth < samePrefix && c !== query.charCodeAt(depth)) {
        i = j;
        continue;
      }
      if (from > to + 1) break; // the prefix is already more than maxD longer than the query
      const next = (rows[depth] ??= new Int32Array(m + 1));
      next[0] = d1 < cap ? d1 : cap;
      next[from - 1] = from - 1 === 0 ? next[0] : cap;
      let best = from === 1 ? next[0] : cap;
      for (let k = from; k <= to; k++) {
        const up = row[k]! + 1;
        const left = next[k - 1]! + 1;
        const diag = row[k - 1]! + (query.charCodeAt(k - 1) === c ? 0 : 1);
        let v = up < left ? up : left;
        if (diag < v) v = diag;
        if (v > cap) v = cap;
        next[k] = v;
        if (v < best) best = v;
      }
      if (to + 1 <= m) next[to + 1] = cap;
      if (best <= maxD) visit(i, j, d1, next);
      i = j;
    }
  };
  const root = new Int32Array(m + 1);
  for (let k = 0; k <= m; k++) root[k] = k < cap ? k : cap;
  visit(0, ix.count, 0, root);
  return out;
}

const INDEX_MAGIC = 0x5745444a; // 'JDEW'
const INDEX_VERSION = 1;

/**
 * The line index of a word list (starts and ends of its sorted lower-case lines) as bytes, for
 * `createEnglishWords(text, [], bytes)`: the build ships it (dist/data/en-words.idx) so a run skips the scan.
 * Null when the list has lines out of order or not lower case (those need the overflow set: no prebuilt index).
 */
export function englishWordsIndex(listText: string): Uint8Array | null {
  const ix = buildIndex(listText, []);
  if (ix.overflow.size > 0) return null;
  const out = new Int32Array(4 + 2 * ix.count);
  out.set([INDEX_MAGIC, INDEX_VERSION, ix.count, listText.length]);
  out.set(ix.starts.subarray(0, ix.count), 4);
  out.set(ix.ends.subarray(0, ix.count), 4 + ix.count);
  return new Uint8Array(out.buffer);
}

/** The index serialised by `englishWordsIndex`, or null when the bytes do not fit the text. */
function readIndex(bytes: Uint8Array, text: string, extra: readonly string[]): Index | null {
  if (bytes.byteLength < 16 || bytes.byteOffset % 4 !== 0) return null;
  const head = new Int32Array(bytes.buffer, bytes.byteOffset, 4);
  const count = head[2]!;
  if (head[0] !== INDEX_MAGIC || head[1] !== INDEX_VERSION || head[3] !== text.length || bytes.byteLength !== (4 + 2 * count) * 4) return null;
  const starts = new Int32Array(bytes.buffer, bytes.byteOffset + 16, count);
  const ends = new Int32Array(bytes.buffer, bytes.byteOffset + 16 + 4 * count, count);
  return { text, starts, ends, count, overflow: new Set(extra.map((w) => w.toLowerCase())) };
}

/**
 * Builds a `FuzzyEnglishWords` from newline-separated words (case-insensitive lookups). `index`: the list's
 * prebuilt line index (`englishWordsIndex`), used when it fits the text, else the list is scanned on first use.
 */
export function createEnglishWords(listText: string, extra: readonly string[] = [], index?: Uint8Array | null): FuzzyEnglishWords {
  return wordList(listText, [...EXTRA, ...extra], index);
}

function wordList(listText: string, extra: readonly string[], index?: Uint8Array | null): FuzzyEnglishWords {
  let ix: Index | null = index ? readIndex(index, listText, extra) : null;
  // en.garble asks about the same tokens again and again (5,400 lookups of 1,300 words on the seed): remember
  // answers, up to a bound so a 15 MB transcript's vocabulary cannot grow it without limit
  const known = new Map<string, boolean>();
  return {
    has(word: string): boolean {
      let answer = known.get(word);
      if (answer !== undefined) return answer;
      ix ??= buildIndex(listText, extra);
      const lower = word.toLowerCase();
      answer = lineOf(ix, lower) >= 0 || ix.overflow.has(lower);
      if (known.size >= 1 << 16) known.clear();
      known.set(word, answer);
      return answer;
    },
    frequency(word: string): number {
      ix ??= buildIndex(listText, extra);
      const i = lineOf(ix, word.toLowerCase());
      return i < 0 ? 0 : countOf(ix, i);
    },
    near(word: string, maxDistance: number, samePrefix = 0): NearWord[] {
      ix ??= buildIndex(listText, extra);
      return nearWords(ix, word.toLowerCase(), maxDistance, samePrefix);
    },
  };
}

/** An `EnglishWords` over a fixed set of words (tests, small tools); `near` searches them too. */
export function englishWordsFrom(words: Iterable<string>): FuzzyEnglishWords {
  return wordList([...new Set([...words].map((w) => w.toLowerCase()))].sort().join('\n'), []);
}
