/**
 * Reading-speed time estimates for transcripts without times (plain-text ASR output).
 *
 * Segments are walked in order. A timed segment is kept as it is and moves the clock to its end. A run
 * of untimed segments is laid end to end from the previous end (0 at the start) with each segment's
 * speaking duration (shared/timing/reading-speed.ts) and a short gap between segments. When the run is
 * followed by a timed segment and would overrun its start, the run is compressed proportionally into
 * the available gap (when there is one) so that estimates never overlap real times. The result is a
 * rough guide for export and playback; automatic timing against the audio (align.ts) replaces it.
 */
import type { Segment } from '../model/segment';
import { DEFAULT_RATE, speakingDurationMs, type SpeakingRate } from './reading-speed';

/** Result of {@link estimateTimes}: copies of the segments and how many got estimated times. */
export interface EstimateResult {
  segments: Segment[];
  estimated: number;
}

function hasTime(s: Segment): boolean {
  return s.start !== undefined && s.end !== undefined;
}

/**
 * Returns copies of `segments` with `start`/`end` (integer ms) filled in for every untimed segment;
 * timed ones are returned unchanged. A segment with only one of start/end counts as untimed and keeps
 * the one it had as its anchor when that is consistent.
 */
export function estimateTimes(segments: Segment[], rate: SpeakingRate = DEFAULT_RATE): EstimateResult {
  const out: Segment[] = segments.map((s) => ({ ...s }));
  let estimated = 0;
  let clock = 0;
  let i = 0;
  while (i < out.length) {
    const seg = out[i]!;
    if (hasTime(seg)) {
      clock = Math.max(clock, seg.end!);
      i++;
      continue;
    }
    let j = i;
    while (j < out.length && !hasTime(out[j]!)) j++;
    const limit = j < out.length ? out[j]!.start! : undefined;
    estimated += placeRun(out, i, j, clock, limit, rate);
    clock = out[j - 1]!.end!;
    i = j;
  }
  return { segments: out, estimated };
}

/** Places segments [from, to) after `clock`, fitting them before `limit` when possible. */
function placeRun(out: Segment[], from: number, to: number, clock: number, limit: number | undefined, rate: SpeakingRate): number {
  const firstStart = out[from]!.start;
  const begin = firstStart !== undefined && firstStart >= clock ? firstStart : clock + (clock > 0 ? rate.segmentGapMs : 0);
  const durations: number[] = [];
  for (let k = from; k < to; k++) durations.push(speakingDurationMs(out[k]!.raw, rate));
  const gaps = (to - from - 1) * rate.segmentGapMs;
  const natural = durations.reduce((a, b) => a + b, 0) + gaps;
  let scale = 1;
  if (limit !== undefined) {
    const room = limit - rate.segmentGapMs - begin;
    if (natural > room && room > 0) scale = room / natural;
  }
  let t = begin;
  for (let k = from; k < to; k++) {
    const seg = out[k]!;
    const start = Math.round(t);
    const end = Math.round(t + durations[k - from]! * scale);
    seg.start = start;
    seg.end = Math.max(start, end);
    t += (durations[k - from]! + rate.segmentGapMs) * scale;
  }
  return to - from;
}
