/**
 * Speech intervals from per-window speech probabilities (a neural detector such as Silero VAD gives one
 * probability per 32 ms window). The same output as vad.ts `detectSpeech`, so callers can swap detectors.
 *
 * 1. Hysteresis: a window starts speech at probability ≥ `threshold` and speech continues while the
 *    probability stays ≥ `threshold − 0.15` (Silero's own convention), so a dip inside a word does not
 *    end it.
 * 2. Gaps shorter than `minSilenceMs` are closed (pauses between words and short breaths), bursts shorter
 *    than `minSpeechMs` are dropped (clicks, a cough), and each interval is padded by `padMs` and merged
 *    with its neighbour when the pads meet.
 * Linear in the number of windows.
 */
import { hysteresisRuns, type SpeechInterval } from './vad';

/** How probabilities become intervals. */
export interface ProbabilityVadOptions {
  /** Duration of one probability window, ms (32 for Silero at 16 kHz). */
  frameMs: number;
  /** Probability that starts speech (default 0.5). */
  threshold?: number;
  /** Probability below which speech ends (default threshold − 0.15). */
  negativeThreshold?: number;
  /** Shorter silences are bridged (default 300 ms, as the energy detector). */
  minSilenceMs?: number;
  /** Shorter bursts are dropped (default 250 ms). */
  minSpeechMs?: number;
  /** Padding on both sides of each interval (default 30 ms). */
  padMs?: number;
}

/** Speech intervals (ms, sorted, disjoint) from per-window probabilities. */
export function speechFromProbabilities(probabilities: ArrayLike<number>, options: ProbabilityVadOptions): SpeechInterval[] {
  const { frameMs } = options;
  const on = options.threshold ?? 0.5;
  const off = options.negativeThreshold ?? Math.max(0.01, on - 0.15);
  const minSilence = (options.minSilenceMs ?? 300) / frameMs;
  const minSpeech = (options.minSpeechMs ?? 250) / frameMs;
  const pad = options.padMs ?? 30;
  const merged = hysteresisRuns(probabilities, on, off, minSilence);
  const total = probabilities.length * frameMs;
  const out: SpeechInterval[] = [];
  for (const [a, b] of merged) {
    if (b - a < minSpeech) continue;
    const start = Math.max(0, a * frameMs - pad);
    const end = Math.min(total, b * frameMs + pad);
    const prev = out[out.length - 1];
    if (prev && start <= prev.end) prev.end = end;
    else out.push({ start, end });
  }
  return out;
}
