/** The index tables of the Chinese glossary matcher (shared/glossary/zh-hash.ts). */
import { describe, expect, it } from 'vitest';
import { HitMap, PairMask, hashKey, keySlots, KeyHash } from '../../shared/glossary/zh-hash';

describe('HitMap', () => {
  it('keeps every hit of a key in insertion order, through growth', () => {
    const map = new HitMap<string>();
    for (let k = 0; k < 5000; k++) map.add(hashKey(k, 3, 0), `a${k}`);
    map.add(hashKey(7, 3, 0), 'b7');
    map.add(hashKey(7, 3, 0), 'c7');
    expect(map.size).toBe(5000);
    expect(map.get(hashKey(7, 3, 0))).toEqual(['a7', 'b7', 'c7']);
    expect(map.get(hashKey(4999, 3, 0))).toEqual(['a4999']);
    expect(map.get(hashKey(5000, 3, 0))).toBeUndefined();
  });
  it('adds a hit once when asked, if it is already the last one', () => {
    const map = new HitMap<string>();
    map.add(1, 'x', true);
    map.add(1, 'x', true);
    map.add(1, 'y', true);
    map.add(1, 'x', true);
    expect(map.get(1)).toEqual(['x', 'y', 'x']);
  });
});

describe('PairMask', () => {
  it('reads the length bits of two units, a missing second unit as none', () => {
    const mask = new PairMask();
    const key = '\u0105\u0107\u0109';
    mask.or(key, 0, 1, 3);
    mask.or(key, 0, 1, 5);
    mask.or(key, 2, -1, 2);
    const sl = keySlots(key);
    expect(sl.length).toBe(key.length + 4);
    expect(mask.read(sl[0]!, sl[1]!)).toBe((1 << 3) | (1 << 5));
    // a second position past the end reads as no unit (the padding), as `or` stores a missing one
    expect(mask.read(sl[2]!, sl[3]!)).toBe(1 << 2);
    expect(mask.read(sl[1]!, sl[2]!)).toBe(0);
    // a first position past the end finds nothing
    expect(mask.read(sl[3]!, sl[4]!)).toBe(0);
  });
});

describe('KeyHash', () => {
  it('hashes a window with one unit wildcarded as the key with that unit zero', () => {
    const key = '\u0101\u0102\u0103\u0104';
    const kh = new KeyHash('\u0001' + key);
    const h = kh.at(1, 4);
    expect(h).toBe(KeyHash.of(key));
    expect(KeyHash.without(h, '\u0001' + key, 1, 4, 2)).toBe(KeyHash.of('\u0101\u0102\0\u0104'));
  });
});
