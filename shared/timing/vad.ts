/**
 * Energy speech detector over per-frame energies (10 ms frames from peaks.ts).
 *
 * 1. Smooth the energy with a short moving average (50 ms) so single clicks do not count.
 * 2. Estimate the noise floor (10th percentile) and the speech level (95th percentile) of the file;
 *    the threshold sits at `thresholdRatio` of the way from floor to level, never closer than 6 dB to
 *    the floor. A file without dynamics (a flat tone, silence) has no speech.
 * 3. Hysteresis: a frame starts speech above the threshold and speech continues while above
 *    threshold − 3 dB.
 * 4. Close gaps shorter than `minSilenceMs` (pauses between words) and drop bursts shorter than
 *    `minSpeechMs`, then pad each interval by `padMs` (onsets and tails are quieter than the middle).
 * Linear time; 3 h (1.08 M frames) takes well under a second.
 */

/** A stretch of detected speech, ms. */
export interface SpeechInterval {
  start: number;
  end: number;
}

export interface VadOptions {
  /** Duration of one energy frame, ms (10 for 100 peaks a second). */
  frameMs: number;
  thresholdRatio?: number;
  minSilenceMs?: number;
  minSpeechMs?: number;
  padMs?: number;
}

function percentile(values: Float32Array, p: number): number {
  // A histogram over 0.5 dB bins keeps this linear for a million frames.
  const bins = new Uint32Array(241);
  for (let i = 0; i < values.length; i++) {
    const b = Math.min(240, Math.max(0, Math.round((values[i]! + 120) * 2)));
    bins[b]!++;
  }
  const target = p * values.length;
  let acc = 0;
  for (let b = 0; b < bins.length; b++) {
    acc += bins[b]!;
    if (acc >= target) return b / 2 - 120;
  }
  return 0;
}

function smooth(energy: Float32Array, width: number): Float32Array {
  const out = new Float32Array(energy.length);
  const half = Math.floor(width / 2);
  let sum = 0;
  let n = 0;
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < energy.length; i++) {
    while (hi < energy.length && hi <= i + half) {
      sum += energy[hi++]!;
      n++;
    }
    while (lo < i - half) {
      sum -= energy[lo++]!;
      n--;
    }
    out[i] = sum / n;
  }
  return out;
}

/**
 * Runs of frames that are "on" with hysteresis: a run starts at a value ≥ `on` and lasts while values stay
 * ≥ `off`; runs separated by fewer than `minGap` frames are joined. Returns `[first, end)` frame pairs.
 * Shared by the energy detector (dB) and the probability detector (vad-probabilities.ts).
 */
export function hysteresisRuns(values: ArrayLike<number>, on: number, off: number, minGap: number): [number, number][] {
  const merged: [number, number][] = [];
  let inRun = false;
  let begin = 0;
  const close = (end: number) => {
    const last = merged[merged.length - 1];
    if (last && begin - last[1] < minGap) last[1] = end;
    else merged.push([begin, end]);
  };
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!inRun && v >= on) {
      inRun = true;
      begin = i;
    } else if (inRun && v < off) {
      inRun = false;
      close(i);
    }
  }
  if (inRun) close(values.length);
  return merged;
}

/** Detects speech intervals from per-frame energies in dB. */
export function detectSpeech(energyDb: Float32Array, options: VadOptions): SpeechInterval[] {
  const { frameMs } = options;
  const ratio = options.thresholdRatio ?? 0.3;
  const minSilence = Math.round((options.minSilenceMs ?? 300) / frameMs);
  const minSpeech = Math.round((options.minSpeechMs ?? 120) / frameMs);
  const pad = Math.round((options.padMs ?? 40) / frameMs);
  if (energyDb.length === 0) return [];
  const e = smooth(energyDb, Math.max(1, Math.round(50 / frameMs)));
  const floor = percentile(e, 0.1);
  const level = percentile(e, 0.95);
  if (level - floor < 10) return [];
  const on = Math.max(floor + 6, floor + ratio * (level - floor));
  const off = on - 3;
  const merged = hysteresisRuns(e, on, off, minSilence);
  const out: SpeechInterval[] = [];
  for (const [a, b] of merged) {
    if (b - a < minSpeech) continue;
    const start = Math.max(0, a - pad) * frameMs;
    const end = Math.min(e.length, b + pad) * frameMs;
    const prev = out[out.length - 1];
    if (prev && start <= prev.end) prev.end = end;
    else out.push({ start, end });
  }
  return out;
}

/** Total ms of `[start, end)` covered by the (sorted, disjoint) intervals. */
export function speechWithin(intervals: readonly SpeechInterval[], start: number, end: number): number {
  let lo = 0;
  let hi = intervals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  let total = 0;
  for (let i = lo; i < intervals.length && intervals[i]!.start < end; i++) {
    total += Math.max(0, Math.min(end, intervals[i]!.end) - Math.max(start, intervals[i]!.start));
  }
  return total;
}

/** Frame-level precision, recall and F1 of detected speech against a reference. */
export function speechF1(detected: readonly SpeechInterval[], reference: readonly SpeechInterval[]): { precision: number; recall: number; f1: number } {
  const sum = (xs: readonly SpeechInterval[]) => xs.reduce((a, x) => a + (x.end - x.start), 0);
  let overlap = 0;
  for (const d of detected) overlap += speechWithin(reference, d.start, d.end);
  const dTotal = sum(detected);
  const rTotal = sum(reference);
  const precision = dTotal ? overlap / dTotal : 0;
  const recall = rTotal ? overlap / rTotal : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
