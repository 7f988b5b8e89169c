import { describe, expect, it } from 'vitest';
import { corridorFromPath, dtw, multiResolutionDtw, type FeatureSequence } from '../../shared/timing/dtw';

const seq = (values: number[]): FeatureSequence => ({ data: Float32Array.from(values), frames: values.length, dim: 1 });
const pairs = (p: { a: Int32Array; b: Int32Array }) => Array.from(p.a, (x, k) => [x, p.b[k]!]);

/** A 2-D sequence: each step of `pattern` is a point on a circle, held for `hold` frames. */
function melody(pattern: number[], hold: (k: number) => number): FeatureSequence {
  const data: number[] = [];
  pattern.forEach((p, k) => {
    for (let h = 0; h < hold(k); h++) data.push(Math.cos(p), Math.sin(p));
  });
  return { data: Float32Array.from(data), frames: data.length / 2, dim: 2 };
}

describe('dtw', () => {
  it('aligns a toy case where one sequence repeats a frame', () => {
    const path = dtw(seq([0, 1, 2, 3]), seq([0, 1, 1, 2, 3]));
    expect(pairs(path)).toEqual([[0, 0], [1, 1], [1, 2], [2, 3], [3, 4]]);
    expect(Array.from(path.cost)).toEqual([0, 0, 0, 0, 0]);
  });

  it('starts and ends at the corners', () => {
    const path = dtw(seq([5, 0, 0, 9]), seq([1, 2]));
    expect([path.a[0], path.b[0]]).toEqual([0, 0]);
    expect([path.a[path.a.length - 1], path.b[path.b.length - 1]]).toEqual([3, 1]);
  });

  it('ignores leading coefficients when asked (loudness)', () => {
    const a: FeatureSequence = { data: Float32Array.from([100, 0, 100, 1]), frames: 2, dim: 2 };
    const b: FeatureSequence = { data: Float32Array.from([0, 0, 0, 1]), frames: 2, dim: 2 };
    expect(Array.from(dtw(a, b, undefined, 1).cost)).toEqual([0, 0]);
  });

  it('refuses a corridor that misses a corner', () => {
    expect(() => dtw(seq([1, 2]), seq([1, 2]), { lo: Int32Array.from([1, 1]), hi: Int32Array.from([1, 1]) })).toThrow(/corner/);
  });

  it('finds the same path inside a corridor built from a coarse pass as the full search', () => {
    const pattern = Array.from({ length: 40 }, (_, k) => (k * 2.3) % 6.28);
    const real = melody(pattern, (k) => 8 + (k % 3));
    const synth = melody(pattern, () => 6);
    const full = dtw(real, synth);
    const multi = multiResolutionDtw(real, synth, { factor: 5, radius: 6 });
    expect(pairs(multi)).toEqual(pairs(full));
  });

  it('builds a corridor that covers the coarse path and both corners', () => {
    const coarse = { a: Int32Array.from([0, 1, 1, 2]), b: Int32Array.from([0, 0, 1, 2]), cost: new Float32Array(4) };
    const c = corridorFromPath(coarse, 2, 2, 6, 6, 1);
    expect(c.lo[0]).toBe(0);
    expect(c.hi[5]).toBe(5);
    for (let r = 1; r < 6; r++) {
      expect(c.lo[r]!).toBeGreaterThanOrEqual(c.lo[r - 1]!);
      expect(c.hi[r]!).toBeGreaterThanOrEqual(c.hi[r - 1]!);
    }
  });

  it('passes an untranscribed stretch in a gap column instead of stretching a neighbour over it', () => {
    // Real: A B <noise x12> C D; synth: A B <gap> C D. Without gap costs the noise is matched to B or C.
    const real = seq([0, 0, 1, 1, ...[5, 7, 5, 7, 5, 7, 5, 7, 5, 7, 5, 7], 2, 2, 3, 3]);
    const synth = seq([0, 0, 1, 1, 9, 2, 2, 3, 3]);
    const gap = new Float32Array(synth.frames).fill(Infinity);
    gap[4] = 1;
    const path = dtw(real, synth, undefined, 0, gap);
    const firstC = path.a[Array.from(path.b).indexOf(5)]!;
    expect(firstC).toBe(16);
  });
});
