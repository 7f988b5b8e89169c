/**
 * Flags as columns for the trip from the worker to the UI thread. Structured-cloning 250,000 flag objects (each
 * with its own id, reason and suggestion strings) costs seconds on the receiving thread; here numbers travel in
 * typed arrays (transferred, not copied) and every distinct string (rule, reason, suggestion) once in a table.
 * The flag id is rebuilt from its parts (`flagId`), exactly as detection builds it.
 */
import { flagId, type Flag, type FlagKind } from '../../shared/model/flag';
import type { Segment } from '../../shared/model/segment';

export interface FlagColumns {
  count: number;
  /** Index of the flag's segment in the transcript. */
  segment: Int32Array;
  start: Int32Array;
  end: Int32Array;
  confidence: Float64Array;
  /** Indexes into `strings` for the kind, rule, suggestion and reason. */
  kind: Int32Array;
  rule: Int32Array;
  suggestion: Int32Array;
  reason: Int32Array;
  strings: string[];
  /** The ids, only when some id is not the usual `flagId(rule, segment, start, end)`. */
  ids?: string[];
}

/** Encodes flags (of segments whose transcript positions `positionOf` gives). */
export function encodeFlags(flags: readonly Flag[], positionOf: (segmentId: string) => number): FlagColumns {
  const n = flags.length;
  const strings: string[] = [];
  const table = new Map<string, number>();
  const intern = (s: string): number => {
    let i = table.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      table.set(s, i);
    }
    return i;
  };
  const c: FlagColumns = {
    count: n, segment: new Int32Array(n), start: new Int32Array(n), end: new Int32Array(n), confidence: new Float64Array(n),
    kind: new Int32Array(n), rule: new Int32Array(n), suggestion: new Int32Array(n), reason: new Int32Array(n), strings,
  };
  flags.forEach((f, i) => {
    c.segment[i] = positionOf(f.segmentId);
    c.start[i] = f.start;
    c.end[i] = f.end;
    c.confidence[i] = f.confidence;
    c.kind[i] = intern(f.kind);
    c.rule[i] = intern(f.ruleId);
    c.suggestion[i] = intern(f.suggestion);
    c.reason[i] = intern(f.reason);
    if (c.ids === undefined && f.id !== flagId(f.ruleId, f.segmentId, f.start, f.end)) c.ids = flags.map((g) => g.id);
  });
  return c;
}

/** The typed arrays to transfer with a postMessage. */
export function transferables(c: FlagColumns): ArrayBuffer[] {
  return [c.segment, c.start, c.end, c.confidence, c.kind, c.rule, c.suggestion, c.reason].map((a) => a.buffer as ArrayBuffer);
}

/** Rebuilds the flag objects against the transcript's segments. */
export function decodeFlags(c: FlagColumns, segments: readonly Segment[]): Flag[] {
  const out = new Array<Flag>(c.count);
  const s = c.strings;
  for (let i = 0; i < c.count; i++) {
    const segmentId = segments[c.segment[i]!]!.id;
    const ruleId = s[c.rule[i]!]!;
    const start = c.start[i]!;
    const end = c.end[i]!;
    out[i] = {
      id: c.ids ? c.ids[i]! : flagId(ruleId, segmentId, start, end), segmentId, start, end, kind: s[c.kind[i]!] as FlagKind, ruleId,
      suggestion: s[c.suggestion[i]!]!, confidence: c.confidence[i]!, reason: s[c.reason[i]!]!,
    };
  }
  return out;
}
