/**
 * Global time lag between two timed sides. An interpreter speaks 2-5 s behind the speaker, and two subtitle
 * tracks of one recording may be offset; before time overlap can count as evidence, the lag is removed.
 *
 * For each candidate lag L (−maxLag..maxLag in `step` ms) the total overlap between the Chinese intervals and
 * the English intervals shifted by −L is summed with a two-pointer sweep (both lists in time order), O(n + m)
 * per candidate; the best L wins, ties going to the smaller |L|.
 */

export interface Interval {
  start: number;
  end: number;
}

/** Total overlap (ms) of two time-ordered interval lists, the second shifted by −lag. */
export function totalOverlap(a: readonly Interval[], b: readonly Interval[], lag: number): number {
  let total = 0;
  let k = 0;
  for (const x of a) {
    while (k < b.length && b[k]!.end - lag <= x.start) k++;
    for (let q = k; q < b.length && b[q]!.start - lag < x.end; q++) {
      total += Math.max(0, Math.min(x.end, b[q]!.end - lag) - Math.max(x.start, b[q]!.start - lag));
    }
  }
  return total;
}

/** The lag (ms, English minus Chinese) that maximises overlap; 0 when nothing overlaps anywhere. */
export function estimateLag(a: readonly Interval[], b: readonly Interval[], maxLag = 8000, step = 250): number {
  const sortedA = [...a].sort((x, y) => x.start - y.start);
  const sortedB = [...b].sort((x, y) => x.start - y.start);
  let best = 0;
  let bestScore = totalOverlap(sortedA, sortedB, 0);
  for (let d = step; d <= maxLag; d += step) {
    for (const lag of [d, -d]) {
      const score = totalOverlap(sortedA, sortedB, lag);
      if (score > bestScore * 1.02) {
        best = lag;
        bestScore = score;
      }
    }
  }
  return best;
}
