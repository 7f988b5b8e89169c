/**
 * Segment times the user changed (dragging a region, `[` / `]`, automatic timing), kept as an undoable feature
 * collection: `extras.timing` maps a segment id to its new [start, end] in ms. `raw` and the parsed transcript
 * stay untouched (the edit model never rewrites them); everything that reads times — the list, the waveform,
 * export, the project file — reads them through `timedSegments(doc)`, which applies the overrides. Each change is
 * one step labelled `retime` ("Undo retime 3 segments"). Saving bakes the times into the project's transcript.
 *
 * `timeIndex` orders the timed segments by start for the playhead lookup (which segment is playing) and for the
 * waveform's visible-window regions: a binary search, not a scan of 3,000 segments per frame.
 */
import { setExtra, type EditDoc, type Step } from '../../shared/edit';
import type { Segment } from '../../shared/model/segment';
import type { Transcript } from '../../shared/model/transcript';

export const TIMING_EXTRA = 'timing';

export type TimingOverrides = Readonly<Record<string, readonly [number, number]>>;

const NONE: TimingOverrides = Object.freeze({});

export function timingOf(doc: EditDoc): TimingOverrides {
  const t = doc.extras[TIMING_EXTRA];
  return t && typeof t === 'object' ? (t as TimingOverrides) : NONE;
}

const timedCache = new WeakMap<readonly Segment[], { overrides: TimingOverrides; segments: readonly Segment[] }>();

/** The segments with the user's times applied (the same array when there are none). */
export function timedSegments(doc: EditDoc): readonly Segment[] {
  const segments = doc.transcript.segments;
  const overrides = timingOf(doc);
  if (overrides === NONE || Object.keys(overrides).length === 0) return segments;
  const hit = timedCache.get(segments);
  if (hit?.overrides === overrides) return hit.segments;
  const out = segments.map((s) => {
    const o = overrides[s.id];
    return o ? { ...s, start: o[0], end: o[1] } : s;
  });
  timedCache.set(segments, { overrides, segments: out });
  return out;
}

/** The transcript as export and saving see it (times applied). */
export function timedTranscript(doc: EditDoc): Transcript {
  const segments = timedSegments(doc);
  return segments === doc.transcript.segments ? doc.transcript : { ...doc.transcript, segments: [...segments] };
}

/** One step that sets the times of several segments; null when nothing changes. */
export function retimeStep(doc: EditDoc, changes: readonly { id: string; start: number; end: number }[]): Step | null {
  const current = timingOf(doc);
  const byId = new Map(doc.transcript.segments.map((s) => [s.id, s]));
  const next: Record<string, readonly [number, number]> = { ...current };
  let count = 0;
  for (const c of changes) {
    const seg = byId.get(c.id);
    if (!seg) continue;
    const start = Math.max(0, Math.round(Math.min(c.start, c.end)));
    const end = Math.max(start, Math.round(Math.max(c.start, c.end)));
    const was = current[c.id] ?? (seg.start !== undefined && seg.end !== undefined ? [seg.start, seg.end] : null);
    if (was && was[0] === start && was[1] === end) continue;
    next[c.id] = [start, end];
    count++;
  }
  if (count === 0) return null;
  return setExtra(doc, TIMING_EXTRA, next, { action: 'retime', count });
}

/** Segments with times, ordered by start, and the longest duration (for window queries). */
export interface TimeIndex {
  /** Indices into the transcript's segments, by start time. */
  order: Int32Array;
  starts: Float64Array;
  ends: Float64Array;
  longest: number;
}

const indexCache = new WeakMap<readonly Segment[], TimeIndex>();

export function timeIndex(segments: readonly Segment[]): TimeIndex {
  const hit = indexCache.get(segments);
  if (hit) return hit;
  const timed: number[] = [];
  segments.forEach((s, i) => { if (s.start !== undefined) timed.push(i); });
  timed.sort((a, b) => segments[a]!.start! - segments[b]!.start! || a - b);
  const order = Int32Array.from(timed);
  const starts = Float64Array.from(timed, (i) => segments[i]!.start!);
  const ends = Float64Array.from(timed, (i) => segments[i]!.end ?? segments[i]!.start!);
  let longest = 0;
  for (let k = 0; k < order.length; k++) longest = Math.max(longest, ends[k]! - starts[k]!);
  const index = { order, starts, ends, longest };
  indexCache.set(segments, index);
  return index;
}

/** First position in the index whose start is ≥ ms. */
function lowerBound(starts: Float64Array, ms: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The segment playing at `ms`: the last one starting at or before it that has not ended; else -1. */
export function segmentAt(index: TimeIndex, ms: number): number {
  let k = lowerBound(index.starts, ms + 0.5) - 1;
  // a later-starting segment may end before an earlier long one: look back while one could still cover ms
  for (let steps = 0; k >= 0 && steps < 8; k--, steps++) {
    if (index.ends[k]! >= ms) return index.order[k]!;
    if (index.starts[k]! < ms - index.longest) break;
  }
  return -1;
}

/** Segments overlapping [fromMs, toMs], in start order (indices into the transcript's segments). */
export function segmentsIn(index: TimeIndex, fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  for (let k = lowerBound(index.starts, fromMs - index.longest); k < index.starts.length && index.starts[k]! <= toMs; k++) {
    if (index.ends[k]! >= fromMs) out.push(index.order[k]!);
  }
  return out;
}
