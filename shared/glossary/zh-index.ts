/**
 * Candidate search for the Chinese glossary matcher (zh-matcher.ts scores what this finds).
 *
 * Index (built once): each Han-only term's key string (one unit per syllable's fuzzy class, see pinyin-key)
 * goes into an exact map; terms of three or more syllables also go into a wildcard map once per position
 * with that syllable replaced by `*` (one syllable of slack), and two-syllable names too, used only when a
 * title such as 院士/教授 follows. The given name of a three-character person's name is indexed as well,
 * matched only before a title (卓昇老师 → 倬胜老师). Terms of 4+ syllables (and 3-syllable names) are indexed
 * with one syllable deleted (国际理研究院 → 国际治理研究院), terms of 3+ syllables with two neighbours swapped
 * (郭可义 → 郭毅可). Keys are polynomial hashes (from prefix sums, a wildcard by subtraction; hits are verified
 * unit by unit), and numeric gates on two units (length masks) keep lookups rare, so thousands of terms cost
 * a few set lookups per position.
 *
 * Scan: the segment is read into pinyin once; for every Han position and every indexed term length, the
 * window's hash is looked up; hits become candidates unless the window already reads as a glossary term
 * (then it is recorded as correct). Wildcard hits of up to three syllables whose units cannot share an initial
 * or final are dropped here, before scoring.
 */
import type { GlossaryEntry, GlossaryForm } from './glossary';
import { NON_HAN, readPinyinBatch, sliceReading, unitsMayShare, type Reading } from './pinyin-key';
import { looksLikeName } from './surnames';

const HAN_ONLY = /^\p{Script=Han}{2,16}$/u;
export const TITLE = /^(?:副?院士|教授|老师|先生|女士|博士|副?院长|副?校长|副?主任|书记|社长|董事长|理事长|研究员|部长|秘书长|总裁)/;

/** One indexed Chinese form. */
export interface ZhTerm {
  text: string;
  chars: string[];
  reading: Reading;
  entry: GlossaryEntry;
  /** For a given name indexed on its own: the full name (matched only before a title). */
  givenOf?: string;
}

/** A window of the text that may be a misheard term. */
export interface Candidate {
  term: ZhTerm;
  at: number;
  len: number;
  /** Wildcarded term position (one syllable of slack), or -1. */
  wild: number;
  /** How the window lines up with the term (see `alignOf`). */
  shape?: { swap?: number; missing?: number };
}

/** Pinyin index over the Chinese forms of a glossary (see the file comment). */
export class ZhIndex {
  /** All four maps are keyed by `hashKey` of a key's units (see `KeyHash`); hits are verified unit by unit. */
  private readonly exact = new Map<number, ZhTerm[]>();
  private readonly wild = new Map<number, { term: ZhTerm; pos: number }[]>();
  /** Keys with one syllable deleted (terms of 4+ syllables, and 3-syllable names before a title). */
  private readonly deleted = new Map<number, { term: ZhTerm; pos: number }[]>();
  /** Keys with two neighbouring syllables swapped (郭可义 → 郭毅可). */
  private readonly swapped = new Map<number, { term: ZhTerm; pos: number }[]>();
  private readonly shortLengths = new Set<number>();
  /**
   * Length masks by two units (bit L: some key of L syllables fits): `plain` by the first two units of every
   * exact, deleted and swapped key; `slots` for wildcard keys by the units beside the wildcard (slot 0: units
   * 1 and 2; slot 1: units 0 and 2; slot 2 for a wildcard from position 2 on: units 0 and 1; a missing third
   * unit reads 0). A position costs a few lookups, and only lengths some key can reach are tried.
   */
  private readonly plain = new Map<number, number>();
  private readonly slots = [new Map<number, number>(), new Map<number, number>(), new Map<number, number>()];
  readonly terms = new Set<string>();
  private readonly lengths: number[];
  private readonly readings = new Map<string, Reading>();

  constructor(forms: readonly GlossaryForm[]) {
    const lengths = new Set<number>();
    const zh: GlossaryForm[] = [];
    for (const f of forms) {
      if (f.lang !== 'zh' || !HAN_ONLY.test(f.text) || this.terms.has(f.text)) continue;
      this.terms.add(f.text);
      zh.push(f);
    }
    const readings = readPinyinBatch(zh.map((f) => f.text));
    zh.forEach((f, n) => this.readings.set(f.text, readings[n]!));
    zh.forEach((f, n) => {
      const term = this.addTerm(f.text, f.entry, lengths, readings[n]!);
      const given = [...f.text].slice(1).join('');
      if (term && [...f.text].length === 3 && (f.entry.kind === 'name' || (f.entry.kind === undefined && looksLikeName(f.text)))) {
        this.addTerm(given, f.entry, lengths, sliceReading(readings[n]!, 1, 3), f.text);
      }
    });
    for (const l of this.shortLengths) lengths.add(l);
    this.lengths = [...lengths].sort((a, b) => b - a);
  }

  /** The reading of an indexed term (for the surname matcher). */
  readingOf(text: string): Reading | undefined {
    return this.readings.get(text);
  }

  private addTerm(text: string, entry: GlossaryEntry, lengths: Set<number>, reading: Reading, givenOf?: string): ZhTerm | null {
    const key = reading.key;
    if (key.includes(NON_HAN)) return null;
    const term: ZhTerm = { text, chars: reading.chars, reading, entry, givenOf };
    const h = KeyHash.of(key);
    push(this.exact, hashKey(h, key.length, 0), term);
    orMask(this.plain, pairOf(key, 0, 1), key.length);
    lengths.add(key.length);
    if (givenOf) return term;
    for (let j = 0; j < key.length; j++) {
      push(this.wild, hashKey(KeyHash.without(h, key, 0, key.length, j), key.length, j + 1), { term, pos: j });
      orMask(this.slots[Math.min(j, 2)]!, j === 0 ? pairOf(key, 1, 2) : j === 1 ? pairOf(key, 0, 2) : pairOf(key, 0, 1), key.length);
    }
    const name = entry.kind === 'name' || (entry.kind === undefined && looksLikeName(text));
    if (key.length >= 4 || (key.length === 3 && name)) {
      for (let j = 0; j < key.length; j++) {
        const del = key.slice(0, j) + key.slice(j + 1);
        push(this.deleted, hashKey(KeyHash.of(del), del.length, 0), { term, pos: j });
        orMask(this.plain, pairOf(del, 0, 1), del.length);
      }
      this.shortLengths.add(key.length - 1);
    }
    if (key.length >= 3) {
      for (let j = 0; j + 1 < key.length; j++) {
        const sw = key.slice(0, j) + key[j + 1] + key[j] + key.slice(j + 2);
        if (key[j] !== key[j + 1]) {
          push(this.swapped, hashKey(KeyHash.of(sw), key.length, 0), { term, pos: j });
          orMask(this.plain, pairOf(sw, 0, 1), sw.length);
        }
      }
    }
    return term;
  }

  /** True when the text is itself a Chinese glossary term. */
  isTerm(text: string): boolean {
    return this.terms.has(text);
  }

  candidates(text: string, r: Reading): { cands: Candidate[]; correct: [number, number][] } {
    const cands: Candidate[] = [];
    const correct: [number, number][] = [];
    const { key, offsets } = r;
    const n = key.length;
    const kh = new KeyHash(key);
    let runEnd = 0;
    // two-syllable terms get slack only before a title (轩兰教授 → 薛澜): where titles start, computed once
    let titled: boolean[] | undefined;
    for (let i = 0; i < n; i++) {
      if (key.charCodeAt(i) === 1) continue;
      if (runEnd <= i) {
        runEnd = i;
        while (runEnd < n && key.charCodeAt(runEnd) !== 1) runEnd++;
      }
      const pm = this.plain.get(pairOf(key, i, i + 1)) ?? 0;
      const [s0, s1, s2] = this.slots as [Map<number, number>, Map<number, number>, Map<number, number>];
      const m0 = (s0.get(pairOf(key, i + 1, i + 2)) ?? 0) | ((s0.get(pairOf(key, i + 1, -1)) ?? 0) & 4);
      const m1 = (s1.get(pairOf(key, i, i + 2)) ?? 0) | ((s1.get(pairOf(key, i, -1)) ?? 0) & 4);
      const m2 = s2.get(pairOf(key, i, i + 1)) ?? 0;
      const any = pm | m0 | m1 | m2;
      if (any === 0) continue;
      for (const len of this.lengths) {
        if (i + len > runEnd || ((any >> len) & 1) === 0) continue;
        const bit = 1 << len;
        const plainHead = (pm & bit) !== 0;
        const h = kh.at(i, len);
        const hits = plainHead ? this.exact.get(hashKey(h, len, 0)) : undefined;
        if (hits) {
          let isCorrect = false;
          for (const term of hits) {
            if (term.reading.key.length !== len || !sameUnits(key, i, term.reading.key, -1)) continue;
            // a correctly written term has its own key: only then can the window be one
            if (isCorrect || this.terms.has(text.slice(offsets[i], offsets[i + len]))) {
              isCorrect = true;
              break;
            }
            cands.push({ term, at: i, len, wild: -1 });
          }
          if (isCorrect) {
            correct.push([i, i + len]);
            continue;
          }
        }
        const plain = hashKey(h, len, 0);
        const dh = plainHead && this.shortLengths.has(len) ? this.deleted.get(plain) : undefined;
        if (dh) for (const d of dh) if (d.term.reading.key.length === len + 1 && sameUnitsDeleted(key, i, d.term.reading.key, d.pos)) cands.push({ term: d.term, at: i, len, wild: -1, shape: { missing: d.pos } });
        const sh = plainHead && len >= 3 ? this.swapped.get(plain) : undefined;
        if (sh) for (const w of sh) if (w.term.reading.key.length === len && sameUnitsSwapped(key, i, w.term.reading.key, w.pos)) cands.push({ term: w.term, at: i, len, wild: -1, shape: { swap: w.pos } });
        if (len === 2) {
          titled ??= titleStarts(text, r);
          if (!titled[i + 2]) continue;
        }
        for (let j = 0; j < len; j++) {
          if (((j === 0 ? m0 : j === 1 ? m1 : m2) & bit) === 0) continue;
          const wh = this.wild.get(hashKey(KeyHash.without(h, key, i, len, j), len, j + 1));
          if (!wh) continue;
          for (const w of wh) {
            const tk = w.term.reading.key;
            if (tk.length !== len || tk.charCodeAt(j) === key.charCodeAt(i + j) || !sameUnits(key, i, tk, j)) continue;
            // up to three syllables, the wildcarded one must share an initial or a final (see `score`)
            if (len <= 3 && !unitsMayShare(tk.charCodeAt(j), key.charCodeAt(i + j))) continue;
            cands.push({ term: w.term, at: i, len, wild: j });
          }
        }
      }
    }
    return { cands, correct };
  }
}

function orMask(map: Map<number, number>, pair: number, len: number): void {
  map.set(pair, (map.get(pair) ?? 0) | (1 << len));
}

/** Two units of a key as one number (position -1 or past the end reads 0, as gates do for short keys). */
function pairOf(key: string, a: number, b: number): number {
  const v = b >= 0 && b < key.length ? key.charCodeAt(b) : 0;
  return key.charCodeAt(a) * 65536 + v;
}

const BASE = 0x2f0b3;
/** BASE^k modulo 2^32, grown on demand. */
const POW: number[] = [1];
function pow(k: number): number {
  while (POW.length <= k) POW.push(Math.imul(POW[POW.length - 1]!, BASE));
  return POW[k]!;
}

/**
 * Polynomial hashes of a key's windows (modulo 2^32, from prefix hashes), so a window's hash and its hash with
 * one unit wildcarded are a few multiplications, and no substring is built per window.
 */
class KeyHash {
  private readonly prefix: Int32Array;
  constructor(key: string) {
    this.prefix = new Int32Array(key.length + 1);
    for (let i = 0; i < key.length; i++) this.prefix[i + 1] = (Math.imul(this.prefix[i]!, BASE) + key.charCodeAt(i)) | 0;
  }
  /** Hash of key[i, i + len). */
  at(i: number, len: number): number {
    return (this.prefix[i + len]! - Math.imul(this.prefix[i]!, pow(len))) | 0;
  }
  static of(key: string): number {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (Math.imul(h, BASE) + key.charCodeAt(i)) | 0;
    return h;
  }
  /** Hash `h` of key[at, at + len) with unit j counted as 0 (the wildcard). */
  static without(h: number, key: string, at: number, len: number, j: number): number {
    return (h - Math.imul(key.charCodeAt(at + j), pow(len - 1 - j))) | 0;
  }
}

/** A map key from a hash, a length and a slot (0 plain, j + 1 wildcard at j); kept a small integer. */
function hashKey(h: number, len: number, slot: number): number {
  return (Math.imul(h ^ (len * 0x45d9f3b + slot * 0x27d4eb2d), 0x9e3779b1) >>> 2) & 0x3fffffff;
}

/** key[at, at + term.length) equals `term`, except position `skip` (or nowhere when -1). */
function sameUnits(key: string, at: number, term: string, skip: number): boolean {
  for (let p = 0; p < term.length; p++) if (p !== skip && key.charCodeAt(at + p) !== term.charCodeAt(p)) return false;
  return true;
}

/** key[at, at + term.length - 1) equals `term` without its unit `pos`. */
function sameUnitsDeleted(key: string, at: number, term: string, pos: number): boolean {
  for (let p = 0, q = 0; q < term.length; q++) {
    if (q === pos) continue;
    if (key.charCodeAt(at + p++) !== term.charCodeAt(q)) return false;
  }
  return true;
}

/** key[at, at + term.length) equals `term` with units pos and pos + 1 exchanged. */
function sameUnitsSwapped(key: string, at: number, term: string, pos: number): boolean {
  for (let p = 0; p < term.length; p++) {
    const q = p === pos ? pos + 1 : p === pos + 1 ? pos : p;
    if (key.charCodeAt(at + p) !== term.charCodeAt(q)) return false;
  }
  return true;
}

function push<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** For each code point position (and the end): true when a title such as 教授 starts there. */
export function titleStarts(text: string, r: Reading): boolean[] {
  const out: boolean[] = new Array<boolean>(r.chars.length + 1).fill(false);
  const first = /[副院教老先女博校主书社董理研部秘总]/;
  for (let i = 0; i < r.chars.length; i++) {
    if (first.test(r.chars[i]!) && TITLE.test(text.slice(r.offsets[i], r.offsets[i]! + 4))) out[i] = true;
  }
  return out;
}
