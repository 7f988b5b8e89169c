/**
 * Monotonic sentence alignment of Chinese (rows, n sentences) and English (columns, m sentences) by dynamic
 * programming over beads.
 *
 * Recurrence. D(i, j) is the least cost of aligning the first i Chinese and first j English sentences:
 *
 *   D(0, 0) = 0
 *   D(i, j) = min over beads (a, b) in {1-1, 1-2, 2-1, 1-3, 3-1, 2-2, 1-4, 4-1, 1-0, 0-1}
 *             with a ≤ i, b ≤ j and (i − a, j − b) inside the band:
 *               D(i − a, j − b) + cost([i − a, i), [j − b, j))
 *
 * where cost is BeadScorer.cost (bead-cost.ts: shape prior + length model + lexical Dice + anchors + time).
 * The answer is D(n, m); the path is read back from a per-cell back pointer (the bead index).
 *
 * Band. Only cells with lo[i] ≤ j ≤ hi[i] are evaluated (lo and hi non-decreasing, so the band is a connected
 * monotone corridor containing (0, 0) and (n, m)); memory and time are O(Σ (hi − lo + 1)).
 *   - Small inputs ((n+1)(m+1) ≤ FULL_CELLS): the band is the whole matrix.
 *   - Larger inputs, coarse-to-fine: consecutive sentences are merged into blocks of k (features.ts
 *     blockFeatures), the blocks are aligned by the same recurrence over the whole (small) block matrix, and
 *     the fine band is the union of the block beads' rectangles widened by a margin. A diagonal band would miss
 *     a long untranslated stretch; the coarse pass follows it.
 *
 * Lexical pair matches (English tokens of sentence q found among the gloss stems of Chinese sentence p), and
 * likewise pinyin-name matches, are computed once for every pair a bead inside the band can touch, by
 * stamping p's ids into an array indexed by id and scanning q's tokens: O(band · tokens per sentence).
 */
import { BeadScorer, type CostParams, type PairMatches } from './bead-cost';
import type { SideFeatures } from './features';
import { blockFeatures } from './features';

/** Bead shapes: [Chinese count, English count]. */
export const BEADS: readonly (readonly [number, number])[] = [
  [1, 1], [1, 2], [2, 1], [1, 3], [3, 1], [2, 2], [1, 4], [4, 1], [1, 0], [0, 1],
];
const MAX_A = 4;
const MAX_B = 4;
const FULL_CELLS = 1_200_000;
const COARSE_TARGET = 500;

/** One aligned bead: sentence index ranges [zh0, zh1) and [en0, en1). */
export interface RawBead {
  zh0: number;
  zh1: number;
  en0: number;
  en1: number;
  cost: number;
}

/** A monotone band: for row i (0..n), columns lo[i]..hi[i] inclusive. */
export interface Band {
  lo: Int32Array;
  hi: Int32Array;
}

/** The whole matrix as a band. */
export function fullBand(n: number, m: number): Band {
  return { lo: new Int32Array(n + 1), hi: new Int32Array(n + 1).fill(m) };
}

/** Per-pair counts inside the band: lexical matches and pinyin-name matches. */
interface PairTables {
  lexical: PairMatches;
  names: PairMatches;
}

/** Counts for every pair a bead inside the band can touch, stored row by row (see the file comment). */
function pairTables(zh: SideFeatures, en: SideFeatures, band: Band, sizes: { vocab: number; names: number }): PairTables {
  const n = zh.count;
  const m = en.count;
  const from = new Int32Array(n);
  const offset = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) {
    const lo = Math.max(0, band.lo[p + 1]! - MAX_B);
    const hi = Math.min(m - 1, band.hi[Math.min(n, p + MAX_A)]! - 1);
    from[p] = lo;
    offset[p + 1] = offset[p]! + Math.max(0, hi - lo + 1);
  }
  const lexical = new Uint16Array(offset[n]!);
  const names = new Uint8Array(offset[n]!);
  const stamp = new Int32Array(sizes.vocab).fill(-1);
  const nameStamp = new Int32Array(sizes.names).fill(-1);
  for (let p = 0; p < n; p++) {
    for (const g of zh.items[p]!) stamp[g] = p;
    for (const g of zh.names[p]!) nameStamp[g] = p;
    const width = offset[p + 1]! - offset[p]!;
    for (let k = 0; k < width; k++) {
      let count = 0;
      for (const t of en.items[from[p]! + k]!) if (stamp[t] === p) count++;
      lexical[offset[p]! + k] = Math.min(count, 65535);
      let named = 0;
      for (const t of en.names[from[p]! + k]!) if (nameStamp[t] === p) named++;
      names[offset[p]! + k] = Math.min(named, 255);
    }
  }
  const lookup = (values: Uint16Array | Uint8Array): PairMatches => (p, q) => {
    const k = q - from[p]!;
    return k >= 0 && k < offset[p + 1]! - offset[p]! ? values[offset[p]! + k]! : 0;
  };
  return { lexical: lookup(lexical), names: lookup(names) };
}

/** Runs the banded recurrence and returns the beads of the best path. */
export function alignInBand(scorer: BeadScorer, band: Band): RawBead[] {
  const n = scorer.zh.count;
  const m = scorer.en.count;
  const rowStart = new Float64Array(n + 2);
  for (let i = 0; i <= n; i++) rowStart[i + 1] = rowStart[i]! + (band.hi[i]! - band.lo[i]! + 1);
  const cells = rowStart[n + 1]!;
  const D = new Float64Array(cells).fill(Infinity);
  const back = new Uint8Array(cells).fill(255);
  const at = (i: number, j: number): number =>
    j < band.lo[i]! || j > band.hi[i]! ? -1 : rowStart[i]! + j - band.lo[i]!;
  D[at(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = band.lo[i]!; j <= band.hi[i]!; j++) {
      const here = at(i, j);
      let best = D[here]!;
      let bestBead = back[here]!;
      for (let k = 0; k < BEADS.length; k++) {
        const [a, b] = BEADS[k]!;
        if (a > i || b > j) continue;
        const prev = at(i - a, j - b);
        if (prev < 0) continue;
        const base = D[prev]!;
        if (base === Infinity) continue;
        const c = base + scorer.cost(i - a, i, j - b, j);
        if (c < best) {
          best = c;
          bestBead = k;
        }
      }
      D[here] = best;
      back[here] = bestBead;
    }
  }
  const beads: RawBead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const cell = at(i, j);
    const k = cell < 0 ? 255 : back[cell]!;
    if (k === 255) throw new Error(`alignInBand: no path reaches (${i}, ${j}); the band is not connected`);
    const [a, b] = BEADS[k]!;
    beads.push({ zh0: i - a, zh1: i, en0: j - b, en1: j, cost: D[cell]! - D[at(i - a, j - b)]! });
    i -= a;
    j -= b;
  }
  return beads.reverse();
}

/** Makes a band monotone and connected, and pins its corners to (0, 0) and (n, m). */
export function normaliseBand(band: Band, m: number): Band {
  const n = band.lo.length - 1;
  band.lo[0] = 0;
  band.hi[n] = m;
  for (let i = 0; i <= n; i++) {
    band.lo[i] = Math.max(0, Math.min(band.lo[i]!, m));
    band.hi[i] = Math.max(0, Math.min(band.hi[i]!, m));
  }
  for (let i = n - 1; i >= 0; i--) band.lo[i] = Math.min(band.lo[i]!, band.lo[i + 1]!);
  for (let i = 1; i <= n; i++) band.hi[i] = Math.max(band.hi[i]!, band.hi[i - 1]!);
  // Connected: row i must reach row i + 1 through some bead, so its hi ≥ next row's lo − 1.
  for (let i = 0; i < n; i++) if (band.hi[i]! < band.lo[i + 1]! - 1) band.hi[i] = band.lo[i + 1]! - 1;
  return band;
}

/** The fine band around a coarse block path. */
function bandFromBlocks(blocks: RawBead[], size: number, n: number, m: number, margin: number): Band {
  const band: Band = { lo: new Int32Array(n + 1).fill(m), hi: new Int32Array(n + 1) };
  for (const bead of blocks) {
    const i0 = Math.min(n, bead.zh0 * size);
    const i1 = Math.min(n, bead.zh1 * size);
    const j0 = Math.max(0, Math.min(m, bead.en0 * size) - margin);
    const j1 = Math.min(m, Math.min(m, bead.en1 * size) + margin);
    for (let i = Math.max(0, i0 - margin); i <= Math.min(n, i1 + margin); i++) {
      band.lo[i] = Math.min(band.lo[i]!, j0);
      band.hi[i] = Math.max(band.hi[i]!, j1);
    }
  }
  return normaliseBand(band, m);
}

/** Aligns two feature sides: full matrix when small, coarse-to-fine otherwise. */
export function alignFeatures(
  zh: SideFeatures,
  en: SideFeatures,
  params: CostParams,
  sizes: { vocab: number; names: number },
  lag = 0,
): RawBead[] {
  const n = zh.count;
  const m = en.count;
  let band: Band;
  if ((n + 1) * (m + 1) <= FULL_CELLS) {
    band = fullBand(n, m);
  } else {
    const size = Math.ceil(Math.max(n, m) / COARSE_TARGET);
    const zhBlocks = blockFeatures(zh, size, true);
    const enBlocks = blockFeatures(en, size, false);
    const coarseParams = { ...params, smoothing: params.smoothing * size };
    const coarseBand = fullBand(zhBlocks.count, enBlocks.count);
    const coarse = new BeadScorer(zhBlocks, enBlocks, coarseParams, pairTables(zhBlocks, enBlocks, coarseBand, sizes), lag);
    band = bandFromBlocks(alignInBand(coarse, coarseBand), size, n, m, size + 8);
  }
  const scorer = new BeadScorer(zh, en, params, pairTables(zh, en, band, sizes), lag);
  return alignInBand(scorer, band);
}

/** Builds the scorer used for the final band (exported for confidence scoring). */
export function makeScorer(
  zh: SideFeatures,
  en: SideFeatures,
  params: CostParams,
  sizes: { vocab: number; names: number },
  beads: readonly RawBead[],
  lag = 0,
): BeadScorer {
  const band: Band = { lo: new Int32Array(zh.count + 1).fill(en.count), hi: new Int32Array(zh.count + 1) };
  for (const bead of beads) {
    for (let i = Math.max(0, bead.zh0 - 2); i <= Math.min(zh.count, bead.zh1 + 2); i++) {
      band.lo[i] = Math.min(band.lo[i]!, Math.max(0, bead.en0 - 2));
      band.hi[i] = Math.max(band.hi[i]!, Math.min(en.count, bead.en1 + 2));
    }
  }
  return new BeadScorer(zh, en, params, pairTables(zh, en, normaliseBand(band, en.count), sizes), lag);
}
