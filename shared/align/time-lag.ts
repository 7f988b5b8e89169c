/**
 * Global time lag between two timed sides. An interpreter speaks 2-5 s behind the speaker, and two subtitle
 * tracks of one recording may be offset; before time overlap can count as evidence, the lag is removed.
 *
 * Total interval overlap is a poor objective here: speech is nearly contiguous, so shifting one side by a
 * few seconds barely changes how much of it overlaps the other. Sentence *starts* are sharp instead: for
 * each candidate lag L (−maxLag..maxLag in `step` ms) every Chinese start scores 1 − d/tolerance, where d
 * is the distance from it to the nearest English start shifted by −L (0 beyond the tolerance); the best L
 * wins, ties going to the smaller |L|. O((n log m) · candidates).
 */

export interface Interval {
  start: number;
  end: number;
}

/** Index of the first value ≥ x in a sorted array. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How well the starts of `a` meet the starts of `b` shifted by −lag (higher is better). */
export function startAgreement(aStarts: Float64Array, bStarts: Float64Array, lag: number, tolerance = 1000): number {
  let total = 0;
  for (const s of aStarts) {
    const k = lowerBound(bStarts, s + lag);
    let d = Infinity;
    if (k < bStarts.length) d = Math.min(d, Math.abs(bStarts[k]! - lag - s));
    if (k > 0) d = Math.min(d, Math.abs(bStarts[k - 1]! - lag - s));
    if (d < tolerance) total += 1 - d / tolerance;
  }
  return total;
}

/** The lag (ms, English minus Chinese) whose shifted English starts best meet the Chinese starts. */
export function estimateLag(a: readonly Interval[], b: readonly Interval[], maxLag = 8000, step = 100): number {
  const aStarts = Float64Array.from(a.map((x) => x.start)).sort();
  const bStarts = Float64Array.from(b.map((x) => x.start)).sort();
  let best = 0;
  let bestScore = startAgreement(aStarts, bStarts, 0);
  for (let d = step; d <= maxLag; d += step) {
    for (const lag of [d, -d]) {
      const score = startAgreement(aStarts, bStarts, lag);
      if (score > bestScore + 1e-9) {
        best = lag;
        bestScore = score;
      }
    }
  }
  return best;
}
