/**
 * Two-edit keys of the Chinese glossary index, for long terms only (zh-index.ts holds the one-edit keys).
 *
 * - **Two neighbouring syllables changed** (芳华卫视 → 凤凰卫视: fang/feng, hua/huang): terms of four syllables
 *   or more are indexed once per neighbouring pair with both units wildcarded. A speaker's proper name heard as
 *   another word of the same shape is the usual cause, so the scorer (zh-matcher.ts) keeps only windows whose
 *   other characters are written as in the term and whose changed pair stands alone.
 * - **Two syllables heard as one** (新政重书 → 新征程丛书: 程丛 cheng cong heard as 重 chong): terms of six
 *   syllables or more are indexed once per neighbouring pair with the pair replaced by one wildcard unit, so
 *   the window is one syllable shorter. This is a missing syllable with its neighbour changed.
 *
 * Both use the hashed keys of zh-hash.ts with slots of their own, and two-unit gates (bit L: some key whose
 * window has L syllables fits) on units the pattern leaves fixed (see `doubleGate`): a text position costs four
 * table reads plus one per length, and a pattern is hashed only when its gate allows it. Hits are verified unit by unit, and each changed syllable must share an initial
 * or a final with the term's (`unitsMayShare`).
 */
import { unitsMayShare } from './pinyin-key';
import { HitMap, KeyHash, PairMask, hashKey, pow } from './zh-hash';
import type { Candidate, ZhTerm } from './zh-index';

/** Shortest term (in syllables) indexed with two neighbouring syllables changed. */
export const DOUBLE_MIN = 4;
/** Shortest term (in syllables) indexed with two neighbouring syllables heard as one. */
export const MERGED_MIN = 6;

/**
 * Gates by two fixed units of the window, one per pattern family (bit L: a window of L units may hit):
 * - HEAD (0, 1): the double pair at the window's end (a = L - 2);
 * - D0 (2, 3) and D1 (0, 3): the double pair at a = 0 and a = 1; M1 (0, 2): a merged unit at 1;
 * - ENDS (0, L - 1): everything in between (double 2 ≤ a ≤ L - 3, merged 2 ≤ a ≤ L - 2), asked once per length.
 * A merged unit is never first or last in the window (the scorer wants it inside), so it is not indexed there.
 */
const HEAD = 0;
const D0 = 1;
const D1 = 2;
const M1 = 3;
const ENDS = 4;
const FIXED: readonly (readonly [number, number])[] = [[0, 1], [2, 3], [0, 3], [0, 2]];
const DOUBLE_SLOT = 32;
const MERGED_SLOT = 64;

function doubleGate(a: number, len: number): number {
  return a === 0 ? D0 : a === 1 ? D1 : a === len - 2 ? HEAD : ENDS;
}

/** Two-edit index over the terms it is given (see the file comment). */
export class TwoEditIndex {
  /** Terms by key (the slot tells the pattern and position apart). */
  private readonly keys = new HitMap<ZhTerm>();
  private readonly gates = [new PairMask(), new PairMask(), new PairMask(), new PairMask(), new PairMask()] as const;
  /** The ENDS gate by the first unit alone: lengths worth asking ENDS about at a position. */
  private readonly endsFirst = new PairMask();
  /** Bit L set: some two-edit key's window has L units. */
  private lengthMask = 0;

  get size(): number {
    return this.keys.size;
  }

  /** Indexes one term (not a `part` form nor a given name: the caller filters). */
  add(term: ZhTerm): void {
    const key = term.key;
    const n = key.length;
    if (n >= DOUBLE_MIN) {
      const h = KeyHash.of(key);
      for (let a = 0; a + 1 < n; a++) {
        const w = (h - Math.imul(key.charCodeAt(a), pow(n - 1 - a)) - Math.imul(key.charCodeAt(a + 1), pow(n - 2 - a))) | 0;
        this.put(hashKey(w, n, DOUBLE_SLOT + a), term, key, n, doubleGate(a, n));
      }
    }
    if (n >= MERGED_MIN) {
      for (let a = 1; a + 2 < n; a++) {
        const merged = key.slice(0, a) + '\0' + key.slice(a + 2);
        this.put(hashKey(KeyHash.of(merged), n - 1, MERGED_SLOT + a), term, merged, n - 1, a === 1 ? M1 : ENDS);
      }
    }
  }

  private put(k: number, hit: ZhTerm, window: string, len: number, gate: number): void {
    this.keys.add(k, hit);
    // ENDS has no entry in FIXED: its gate reads the window's first and last units
    const fixed = FIXED[gate];
    this.gates[gate]!.or(window, fixed ? fixed[0] : 0, fixed ? fixed[1] : len - 1, len);
    if (gate === ENDS) this.endsFirst.or(window, 0, -1, len);
    this.lengthMask |= 1 << len;
  }

  /**
   * Candidates at key position `i` (a Han unit; the run of Han units ends at `runEnd`), appended to `out`; `sl`
   * holds the key's table positions (`keySlots`).
   */
  scan(key: string, sl: Uint16Array, kh: KeyHash, i: number, runEnd: number, out: Candidate[]): void {
    if (this.keys.size === 0 || i + DOUBLE_MIN > runEnd) return;
    const gates = this.gates;
    const gEnds = gates[ENDS];
    const x = sl[i]!;
    const head = gates[HEAD].read(x, sl[i + 1]!);
    const d0 = gates[D0].read(sl[i + 2]!, sl[i + 3]!);
    const d1 = gates[D1].read(x, sl[i + 3]!);
    const m1 = gates[M1].read(x, sl[i + 2]!);
    const fixed = head | d0 | d1 | m1;
    const first = this.endsFirst.read(x, 0);
    for (let rest = (fixed | first) & this.lengthMask; rest !== 0;) {
      const len = 31 - Math.clz32(rest);
      const bit = 1 << len;
      rest ^= bit;
      if (i + len > runEnd) continue;
      const ends = (first & bit) !== 0 ? gEnds.read(x, sl[i + len - 1]!) & bit : 0;
      if (((fixed & bit) | ends) === 0) continue;
      const h = kh.at(i, len);
      // two neighbouring units changed: pairs a, a + 1 of a window as long as the term
      for (let a = 0; a + 1 < len; a++) {
        const g = doubleGate(a, len);
        if (((g === ENDS ? ends : g === HEAD ? head : g === D0 ? d0 : d1) & bit) === 0) continue;
        this.double(key, i, len, a, h, out);
      }
      // two units heard as one: the window is one unit shorter than the term
      for (let a = 1; a + 1 < len; a++) {
        if (((a === 1 ? m1 : ends) & bit) === 0) continue;
        this.merged(key, i, len, a, h, out);
      }
    }
  }

  private double(key: string, i: number, len: number, a: number, h: number, out: Candidate[]): void {
    const w = (h - Math.imul(key.charCodeAt(i + a), pow(len - 1 - a)) - Math.imul(key.charCodeAt(i + a + 1), pow(len - 2 - a))) | 0;
    const hits = this.keys.get(hashKey(w, len, DOUBLE_SLOT + a));
    if (!hits) return;
    for (let k = 0; k < hits.length; k++) {
      const term = hits[k]!;
      const tk = term.key;
      if (tk.length !== len || !sameOutside(key, i, tk, a, 2, 0)) continue;
      const u = key.charCodeAt(i + a);
      const v = key.charCodeAt(i + a + 1);
      if (u === tk.charCodeAt(a) || v === tk.charCodeAt(a + 1)) continue;
      if (!unitsMayShare(u, tk.charCodeAt(a)) || !unitsMayShare(v, tk.charCodeAt(a + 1))) continue;
      out.push({ term, at: i, len, wild: -1, shape: { double: a } });
    }
  }

  private merged(key: string, i: number, len: number, a: number, h: number, out: Candidate[]): void {
    const hits = this.keys.get(hashKey(KeyHash.without(h, key, i, len, a), len, MERGED_SLOT + a));
    if (!hits) return;
    for (let k = 0; k < hits.length; k++) {
      const term = hits[k]!;
      const tk = term.key;
      if (tk.length !== len + 1 || !sameOutside(key, i, tk, a, 1, 1)) continue;
      const u = key.charCodeAt(i + a);
      if (!unitsMayShare(u, tk.charCodeAt(a)) && !unitsMayShare(u, tk.charCodeAt(a + 1))) continue;
      out.push({ term, at: i, len, wild: -1, shape: { merged: a } });
    }
  }
}

/**
 * The window key[at, …) equals the term key outside window positions [a, a + span), where the term has
 * `extra` more units there (0: the same length, 1: two term units heard as one).
 */
function sameOutside(key: string, at: number, term: string, a: number, span: number, extra: number): boolean {
  for (let p = 0; p < a; p++) if (key.charCodeAt(at + p) !== term.charCodeAt(p)) return false;
  for (let q = a + span + extra; q < term.length; q++) if (key.charCodeAt(at + q - extra) !== term.charCodeAt(q)) return false;
  return true;
}
