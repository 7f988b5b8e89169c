/**
 * Dynamic time warping between two feature sequences, full or inside a corridor, and the
 * multi-resolution scheme the aligner uses.
 *
 * Cost D(i,j) = d(i,j) + min(D(i-1,j-1), D(i-1,j), D(i,j-1)), with d the Euclidean distance between
 * frames over coefficients `from..dim-1` (the aligner skips coefficient 0, loudness). The path runs from
 * (0,0) to (n-1,m-1); back-pointers take one byte a cell, and only two cost rows are kept.
 *
 * Columns of `b` may be marked as gaps (the pauses between units of synthetic speech) with a flat
 * cost per row: a path may then stay in a gap column while `a` runs through material `b` does not have
 * (an untranscribed talk, applause) at that cost instead of stretching a neighbouring word over it.
 *
 * A corridor gives, per row i, the allowed columns [lo[i], hi[i]] (non-decreasing, overlapping between
 * neighbours). Multi-resolution: average both sequences into blocks (about a second), run a full DTW on
 * the blocks, widen the coarse path by a radius into a corridor at the fine resolution, and run DTW in
 * the corridor. A single fixed band around the diagonal fails when the audio holds a long stretch the
 * text does not (a 15-minute break), while the coarse full pass follows it; the fine pass costs
 * O(n · corridor width) instead of O(n · m) (61 GB of back-pointers for 3 h at 40 ms).
 */

/** A sequence of `frames` vectors of `dim` values, row-major. */
export interface FeatureSequence {
  data: Float32Array;
  frames: number;
  dim: number;
}

/** A warping path as two equal-length index arrays, both non-decreasing. */
export interface WarpPath {
  a: Int32Array;
  b: Int32Array;
  /** Local distance at each path step. */
  cost: Float32Array;
}

/** Per-row column bounds for DTW, inclusive. */
export interface Corridor {
  lo: Int32Array;
  hi: Int32Array;
}

const DIAG = 0;
const UP = 1;
const LEFT = 2;

function distance(a: FeatureSequence, i: number, b: FeatureSequence, j: number, from: number): number {
  const dim = a.dim;
  const ai = i * dim;
  const bj = j * dim;
  let s = 0;
  for (let d = from; d < dim; d++) {
    const x = a.data[ai + d]! - b.data[bj + d]!;
    s += x * x;
  }
  return Math.sqrt(s);
}

/** A corridor covering the whole n × m matrix. */
export function fullCorridor(n: number, m: number): Corridor {
  return { lo: new Int32Array(n), hi: new Int32Array(n).fill(m - 1) };
}

/**
 * DTW of `a` (rows) against `b` (columns) inside a corridor. `skip` leading coefficients are ignored
 * in the distance (1 skips MFCC energy). Throws on an empty sequence or a corridor that does not reach
 * the corners, which is a programming error.
 */
export function dtw(a: FeatureSequence, b: FeatureSequence, corridor?: Corridor, skip = 0, gapCost?: Float32Array): WarpPath {
  const n = a.frames;
  const m = b.frames;
  if (n === 0 || m === 0) throw new RangeError('dtw needs two non-empty sequences');
  if (a.dim !== b.dim) throw new RangeError('dtw sequences differ in dimension');
  const { lo, hi } = corridor ?? fullCorridor(n, m);
  if (lo[0] !== 0 || hi[n - 1] !== m - 1) throw new RangeError('dtw corridor must include both corners');
  const offsets = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + (hi[i]! - lo[i]! + 1);
  const back = new Uint8Array(offsets[n]!);
  let prev = new Float64Array(m).fill(Infinity);
  let cur = new Float64Array(m).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const l = lo[i]!;
    const h = hi[i]!;
    const base = offsets[i]!;
    for (let j = l; j <= h; j++) {
      const d = distance(a, i, b, j, skip);
      let best: number;
      let dir = DIAG;
      if (i === 0 && j === 0) {
        best = 0;
      } else {
        const diag = i > 0 && j > 0 ? prev[j - 1]! : Infinity;
        const up = i > 0 ? prev[j]! : Infinity;
        const left = j > l ? cur[j - 1]! : Infinity;
        best = diag;
        if (up < best) {
          best = up;
          dir = UP;
        }
        if (left < best) {
          best = left;
          dir = LEFT;
        }
        best += d;
        // At a gap column, rows may pass at a flat cost: audio the text does not cover.
        const g = gapCost ? gapCost[j]! : Infinity;
        if (g < Infinity && up + g < best) {
          best = up + g;
          dir = UP;
        }
      }
      cur[j] = i === 0 && j === 0 ? d : best;
      back[base + j - l] = dir;
    }
    // Cells of this row outside the corridor must read as unreachable from the next row.
    if (l > 0) cur[l - 1] = Infinity;
    if (i + 1 < n) for (let j = h + 1; j <= hi[i + 1]!; j++) cur[j] = Infinity;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return tracePath(a, b, back, offsets, lo, skip);
}

function tracePath(a: FeatureSequence, b: FeatureSequence, back: Uint8Array, offsets: Float64Array, lo: Int32Array, skip: number): WarpPath {
  const ia: number[] = [];
  const jb: number[] = [];
  let i = a.frames - 1;
  let j = b.frames - 1;
  for (;;) {
    ia.push(i);
    jb.push(j);
    if (i === 0 && j === 0) break;
    const dir = back[offsets[i]! + j - lo[i]!];
    if (dir === DIAG) {
      i--;
      j--;
    } else if (dir === UP) i--;
    else j--;
    if (i < 0 || j < 0) throw new RangeError('dtw path left the matrix (corridor not connected)');
  }
  const len = ia.length;
  const path: WarpPath = { a: new Int32Array(len), b: new Int32Array(len), cost: new Float32Array(len) };
  for (let k = 0; k < len; k++) {
    const x = ia[len - 1 - k]!;
    const y = jb[len - 1 - k]!;
    path.a[k] = x;
    path.b[k] = y;
    path.cost[k] = distance(a, x, b, y, skip);
  }
  return path;
}

/**
 * Widens a coarse path (blocks of `factorA` rows and `factorB` columns) into a fine corridor of
 * `radius` columns either side, for `n` × `m` fine frames.
 */
export function corridorFromPath(path: WarpPath, factorA: number, factorB: number, n: number, m: number, radius: number): Corridor {
  const lo = new Int32Array(n).fill(m);
  const hi = new Int32Array(n).fill(-1);
  for (let k = 0; k < path.a.length; k++) {
    const r0 = path.a[k]! * factorA;
    const r1 = Math.min(n - 1, r0 + factorA - 1);
    const c0 = Math.max(0, path.b[k]! * factorB - radius);
    const c1 = Math.min(m - 1, (path.b[k]! + 1) * factorB - 1 + radius);
    for (let r = r0; r <= r1; r++) {
      if (c0 < lo[r]!) lo[r] = c0;
      if (c1 > hi[r]!) hi[r] = c1;
    }
  }
  lo[0] = 0;
  hi[n - 1] = m - 1;
  for (let r = 1; r < n; r++) if (hi[r]! < hi[r - 1]!) hi[r] = hi[r - 1]!;
  for (let r = n - 2; r >= 0; r--) if (lo[r]! > lo[r + 1]!) lo[r] = lo[r + 1]!;
  for (let r = 0; r < n; r++) if (lo[r]! > hi[r]!) lo[r] = hi[r]!;
  return { lo, hi };
}

/** Averages blocks of `factor` frames. */
export function blockAverage(s: FeatureSequence, factor: number): FeatureSequence {
  const frames = Math.ceil(s.frames / factor);
  const data = new Float32Array(frames * s.dim);
  for (let f = 0; f < frames; f++) {
    const from = f * factor;
    const to = Math.min(s.frames, from + factor);
    for (let d = 0; d < s.dim; d++) {
      let sum = 0;
      for (let k = from; k < to; k++) sum += s.data[k * s.dim + d]!;
      data[f * s.dim + d] = sum / (to - from);
    }
  }
  return { data, frames, dim: s.dim };
}

export interface MultiResolutionOptions {
  /** Fine frames per coarse block. */
  factor: number;
  /** Corridor half-width in fine frames. */
  radius: number;
  /** Leading coefficients to ignore. */
  skip?: number;
  /** Per column of `b` at the fine resolution: the flat cost of a row spent there (Infinity: none). */
  gapCost?: Float32Array;
  /** The same at the coarse resolution (one value per block of `factor` columns). */
  coarseGapCost?: Float32Array;
}

/** Coarse full DTW, then fine DTW in a corridor around the coarse path. */
export function multiResolutionDtw(a: FeatureSequence, b: FeatureSequence, options: MultiResolutionOptions): WarpPath {
  const skip = options.skip ?? 0;
  if (options.factor <= 1) return dtw(a, b, undefined, skip, options.gapCost);
  const coarse = dtw(blockAverage(a, options.factor), blockAverage(b, options.factor), undefined, skip, options.coarseGapCost);
  const corridor = corridorFromPath(coarse, options.factor, options.factor, a.frames, b.frames, options.radius);
  return dtw(a, b, corridor, skip, options.gapCost);
}
