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
   * A rough usage count of the word (how often it occurs in the English glosses of CC-CEDICT, written by
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

/** Character of line i at depth (lines in a prefix range longer than depth). */
function charAt(ix: Index, i: number, depth: number): number {
  return ix.text.charCodeAt(ix.starts[i]! + depth);
}

/** Depth-first walk of the implicit trie (see the file comment). */
function nearWords(ix: Index, query: string, maxD: number, samePrefix: number): NearWord[] {
  const m = query.length;
  const out: NearWord[] = [];
  /** One Levenshtein row per depth, reused: the walk is depth first, so a row is dead once its subtree is. */
  const rows: Int32Array[] = [];
  const visit = (lo: number, hi: number, depth: number, row: Int32Array): void => {
    let i = lo;
    if (i < hi && ix.ends[i]! - ix.starts[i]! === depth) {
      if (row[m]! <= maxD) out.push({ word: ix.text.slice(ix.starts[i], ix.ends[i]), distance: row[m]! });
      i++;
    }
    while (i < hi) {
      const c = charAt(ix, i, depth);
      let a = i + 1;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (charAt(ix, mid, depth) <= c) a = mid + 1;
        else b = mid;
      }
      const j = a;
      if (depth < samePrefix && c !== query.charCodeAt(depth)) {
        i = j;
        continue;
      }
      const next = (rows[depth] ??= new Int32Array(m + 1));
      next[0] = row[0]! + 1;
      let best = next[0];
      for (let k = 1; k <= m; k++) {
        const cost = query.charCodeAt(k - 1) === c ? 0 : 1;
        next[k] = Math.min(row[k]! + 1, next[k - 1]! + 1, row[k - 1]! + cost);
        if (next[k]! < best) best = next[k]!;
      }
      if (best <= maxD) visit(i, j, depth + 1, next);
      i = j;
    }
  };
  const root = new Int32Array(m + 1);
  for (let k = 0; k <= m; k++) root[k] = k;
  visit(0, ix.count, 0, root);
  return out;
}

/** Builds a `FuzzyEnglishWords` from newline-separated words (case-insensitive lookups). */
export function createEnglishWords(listText: string, extra: readonly string[] = []): FuzzyEnglishWords {
  return wordList(listText, [...EXTRA, ...extra]);
}

function wordList(listText: string, extra: readonly string[]): FuzzyEnglishWords {
  let ix: Index | null = null;
  return {
    has(word: string): boolean {
      ix ??= buildIndex(listText, extra);
      const lower = word.toLowerCase();
      return lineOf(ix, lower) >= 0 || ix.overflow.has(lower);
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
