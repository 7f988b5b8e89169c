/**
 * Derives clean text: raw + chosen flags (+ a manual edit, which replaces the segment's text outright).
 *
 * Flags may overlap (two rules proposing edits to the same span). We choose a non-overlapping subset
 * greedily by confidence (ties: earlier, then longer span), then apply the chosen edits right to left so
 * earlier offsets stay valid. Two insertions at the same point, or an insertion strictly inside a chosen
 * span, conflict too.
 */
import type { Decision, Flag } from './flag';
import { autoAt, type Level } from './levels';

function overlaps(a: Flag, b: Flag): boolean {
  if (a.start === a.end || b.start === b.end) {
    // insertions conflict with a flag covering their point strictly inside, or with one at the same point
    if (a.start === a.end && b.start === b.end) return a.start === b.start;
    const ins = a.start === a.end ? a : b;
    const span = ins === a ? b : a;
    return ins.start > span.start && ins.start < span.end;
  }
  return a.start < b.end && b.start < a.end;
}

/** Picks the flags to apply from candidates, dropping those that overlap a more confident one. */
export function chooseNonOverlapping(candidates: readonly Flag[]): Flag[] {
  const ranked = [...candidates].sort(
    (a, b) => b.confidence - a.confidence || a.start - b.start || b.end - b.start - (a.end - a.start),
  );
  const chosen: Flag[] = [];
  for (const f of ranked) if (!chosen.some((c) => overlaps(c, f))) chosen.push(f);
  return chosen.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Applies edits (assumed non-overlapping) to raw text, exactly: rules put any whitespace that should go
 * with a deletion inside the flag's span, so the report's `clean` is raw with exactly its flags applied.
 */
export function applyFlags(raw: string, flags: readonly Flag[]): string {
  const sorted = [...flags].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = raw;
  for (const f of sorted) out = out.slice(0, f.start) + f.suggestion + out.slice(f.end);
  return out;
}

export interface DeriveOptions {
  /** Pending flags whose confidence reaches this level are applied as well (the CLI's `clean`). */
  level?: Level;
  decisions?: Readonly<Record<string, Decision>>;
}

/** True when the flag would be applied to the clean text under these options. */
export function isApplied(flag: Flag, options: DeriveOptions): boolean {
  const decision = options.decisions?.[flag.id];
  if (decision === 'accepted') return true;
  if (decision === 'rejected') return false;
  return options.level !== undefined && autoAt(flag.confidence, options.level);
}

/** The clean text of one segment. `flags` are that segment's flags; `edit` a manual edit if any. */
export function deriveClean(raw: string, flags: readonly Flag[], options: DeriveOptions, edit?: string): string {
  if (edit !== undefined) return edit;
  const applied = flags.filter((f) => isApplied(f, options));
  if (applied.length === 0) return raw;
  return applyFlags(raw, chooseNonOverlapping(applied));
}

/** Groups flags by segment id, keeping each group in offset order. */
export function flagsBySegment(flags: readonly Flag[]): Map<string, Flag[]> {
  const map = new Map<string, Flag[]>();
  for (const f of flags) {
    const list = map.get(f.segmentId);
    if (list) list.push(f);
    else map.set(f.segmentId, [f]);
  }
  for (const list of map.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return map;
}
