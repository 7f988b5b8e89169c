/**
 * Hashing helpers of the Chinese glossary index (zh-index.ts, zh-two-edits.ts): key windows hashed from prefix
 * sums (a wildcard by subtraction), small-integer map keys, two-unit gates and unit-by-unit verification.
 */

export function orMask(map: Map<number, number>, pair: number, len: number): void {
  map.set(pair, (map.get(pair) ?? 0) | (1 << len));
}

const BASE = 0x2f0b3;
/** BASE^k modulo 2^32, grown on demand. */
const POW: number[] = [1];
export function pow(k: number): number {
  while (POW.length <= k) POW.push(Math.imul(POW[POW.length - 1]!, BASE));
  return POW[k]!;
}

/**
 * Polynomial hashes of a key's windows (modulo 2^32, from prefix hashes), so a window's hash and its hash with
 * one unit wildcarded are a few multiplications, and no substring is built per window.
 */
export class KeyHash {
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
export function hashKey(h: number, len: number, slot: number): number {
  return (Math.imul(h ^ (len * 0x45d9f3b + slot * 0x27d4eb2d), 0x9e3779b1) >>> 2) & 0x3fffffff;
}

/** key[at, at + term.length) equals `term`, except position `skip` (or nowhere when -1). */
export function sameUnits(key: string, at: number, term: string, skip: number): boolean {
  for (let p = 0; p < term.length; p++) if (p !== skip && key.charCodeAt(at + p) !== term.charCodeAt(p)) return false;
  return true;
}

/** key[at, at + term.length - 1) equals `term` without its unit `pos`. */
export function sameUnitsDeleted(key: string, at: number, term: string, pos: number): boolean {
  for (let p = 0, q = 0; q < term.length; q++) {
    if (q === pos) continue;
    if (key.charCodeAt(at + p++) !== term.charCodeAt(q)) return false;
  }
  return true;
}

/** key[at, at + term.length) equals `term` with units pos and pos + 1 exchanged. */
export function sameUnitsSwapped(key: string, at: number, term: string, pos: number): boolean {
  for (let p = 0; p < term.length; p++) {
    const q = p === pos ? pos + 1 : p === pos + 1 ? pos : p;
    if (key.charCodeAt(at + p) !== term.charCodeAt(q)) return false;
  }
  return true;
}


/**
 * A map from numeric keys (`hashKey`: non-negative, below 2^30) to lists of hits, as an open-addressing table in
 * typed arrays: a large glossary makes ~100,000 keys, which a Map stores and rehashes at a cost that shows in a
 * cold run, and most keys have one hit, for which no list is allocated (`get` returns a reused one-element
 * array, valid until the next `get` on the same map). Hits keep their insertion order.
 */
export class HitMap<T> {
  private keys = new Int32Array(1024).fill(-1);
  private slots = new Int32Array(1024);
  private readonly items: T[] = [];
  private readonly more = new Map<number, T[]>();
  private readonly one: T[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds a hit; with `once`, not again when it is already the key's last hit. */
  add(key: number, hit: T, once = false): void {
    const at = this.find(key);
    if (this.keys[at] === key) {
      const first = this.items[this.slots[at]!]!;
      const list = this.more.get(key);
      if (once && (list ? list[list.length - 1] : first) === hit) return;
      if (list) list.push(hit);
      else this.more.set(key, [first, hit]);
      return;
    }
    this.keys[at] = key;
    this.slots[at] = this.items.length;
    this.items.push(hit);
    if (++this.count * 2 > this.keys.length) this.grow();
  }

  get(key: number): readonly T[] | undefined {
    const at = this.find(key);
    if (this.keys[at] !== key) return undefined;
    const list = this.more.get(key);
    if (list) return list;
    this.one[0] = this.items[this.slots[at]!]!;
    return this.one;
  }

  /** The slot holding `key`, or the empty slot where it would go (linear probing). */
  private find(key: number): number {
    const mask = this.keys.length - 1;
    // the product's high bits, as many as the table needs (Fibonacci hashing)
    let at = Math.imul(key, 0x9e3779b1) >>> Math.clz32(mask);
    for (;;) {
      const k = this.keys[at]!;
      if (k === key || k === -1) return at;
      at = (at + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    this.keys = new Int32Array(oldKeys.length * 2).fill(-1);
    this.slots = new Int32Array(oldKeys.length * 2);
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k === -1) continue;
      const at = this.find(k);
      this.keys[at] = k;
      this.slots[at] = oldSlots[i]!;
    }
  }
}

/** Table position of a key unit: 0 (no unit), 1 (NON_HAN), then the interned classes from U+0100. */
function unitSlot(u: number): number {
  return u < 0x100 ? u : u - 0xfe;
}

/**
 * The table position (`unitSlot`) of each unit of a key, followed by `pad` zeros: a scan reads its gates with
 * `PairMask.read` on these numbers (a position past the end reads as no unit, as `at` does), instead of two
 * string reads per gate.
 */
export function keySlots(key: string, pad = 4): Uint16Array {
  const out = new Uint16Array(key.length + pad);
  for (let i = 0; i < key.length; i++) out[i] = unitSlot(key.charCodeAt(i));
  return out;
}
const SIDE = 512;
/** Distinct pairs a PairMask keeps in a Map before it moves them to a flat table. */
const FLAT_AFTER = 2048;

/**
 * Length masks by two units of a key (bit L: some key of L syllables fits). A small glossary keeps them in a Map;
 * past `FLAT_AFTER` distinct pairs they move to a flat table (one 1 MB Int32Array), as the scan asks several per
 * text position; the scan reads them by table position (`keySlots`, `read`). A second position past the end (or
 * -1) reads as unit 0, a first position past the end finds nothing. Units beyond the table (more than ~500 interned classes) stay in the Map.
 */
export class PairMask {
  private bits: Int32Array | null = null;
  private readonly small = new Map<number, number>();

  or(key: string, a: number, b: number, len: number): void {
    const x = unitSlot(key.charCodeAt(a));
    const y = b >= 0 && b < key.length ? unitSlot(key.charCodeAt(b)) : 0;
    if (this.bits && x < SIDE && y < SIDE) {
      const at = x * SIDE + y;
      this.bits[at] = this.bits[at]! | (1 << len);
      return;
    }
    orMask(this.small, x * 65536 + y, len);
    if (!this.bits && this.small.size > FLAT_AFTER) this.flatten();
  }

  /**
   * The mask of two units by table position (`keySlots`; 0: no unit — a second unit past the end reads 0, as `or`
   * stores a missing one, and nothing is stored under a first position 0).
   */
  read(x: number, y: number): number {
    const bits = this.bits;
    return bits !== null && x < SIDE && y < SIDE ? bits[x * SIDE + y]! : this.small.get(x * 65536 + y) ?? 0;
  }

  private flatten(): void {
    const bits = new Int32Array(SIDE * SIDE);
    this.small.forEach((mask, pair) => {
      const x = Math.floor(pair / 65536);
      const y = pair % 65536;
      if (x >= SIDE || y >= SIDE) return;
      bits[x * SIDE + y] = mask;
      this.small.delete(pair);
    });
    this.bits = bits;
  }
}
