/**
 * Derived data, memoised on the identity of its inputs (the document is immutable, so identity is a cheap and
 * exact change test): counts per kind and rule, the ordered list of flags the filters show, segment positions.
 * On a 70,000-segment transcript each is one linear pass, done only when its inputs change.
 */
import { flagIndex, type EditDoc } from '../../shared/edit';
import type { Flag, FlagKind } from '../../shared/model/flag';
import type { Filters } from './store';

function memo<A extends object, B, R>(fn: (a: A, b: B) => R): (a: A, b: B) => R {
  let lastA: A | undefined;
  let lastB: B | undefined;
  let last: R;
  return (a, b) => {
    if (a !== lastA || b !== lastB) {
      last = fn(a, b);
      lastA = a;
      lastB = b;
    }
    return last;
  };
}

export interface Counts {
  total: number;
  pending: number;
  accepted: number;
  rejected: number;
}

export interface FlagStats {
  byKind: Map<FlagKind, Counts>;
  byRule: Map<string, Counts & { kind: FlagKind }>;
  all: Counts;
}

const zero = (): Counts => ({ total: 0, pending: 0, accepted: 0, rejected: 0 });

function bump(c: Counts, decision: string | undefined): void {
  c.total++;
  if (decision === 'accepted') c.accepted++;
  else if (decision === 'rejected') c.rejected++;
  else c.pending++;
}

export const flagStats = memo((flags: readonly Flag[], decisions: EditDoc['decisions']): FlagStats => {
  const byKind = new Map<FlagKind, Counts>();
  const byRule = new Map<string, Counts & { kind: FlagKind }>();
  const all = zero();
  for (const f of flags) {
    const d = decisions[f.id];
    bump(all, d);
    let k = byKind.get(f.kind);
    if (!k) byKind.set(f.kind, (k = zero()));
    bump(k, d);
    let r = byRule.get(f.ruleId);
    if (!r) byRule.set(f.ruleId, (r = { ...zero(), kind: f.kind }));
    bump(r, d);
  }
  return { byKind, byRule, all };
});

/** Index of each segment id in transcript order. */
export const segmentPositions = memo((segments: EditDoc['transcript']['segments'], _unused: null) => {
  const map = new Map<string, number>();
  segments.forEach((s, i) => map.set(s.id, i));
  return map;
});

export function passesFilters(flag: Flag, decisions: EditDoc['decisions'], filters: Filters): boolean {
  if (filters.kinds.length && !filters.kinds.includes(flag.kind)) return false;
  if (filters.ruleId !== null && flag.ruleId !== filters.ruleId) return false;
  if (flag.confidence < filters.minConfidence) return false;
  if (!filters.showDecided && decisions[flag.id] !== undefined) return false;
  return true;
}

/** Flags the filters show, in document order (segment order, then offset): the J/K sequence. */
export const visibleFlags = memo((doc: EditDoc, filters: Filters): Flag[] => {
  const out: Flag[] = [];
  const index = flagIndex(doc.flags);
  for (const segment of doc.transcript.segments) {
    const list = index.get(segment.id);
    if (!list) continue;
    for (const f of list) if (passesFilters(f, doc.decisions, filters)) out.push(f);
  }
  return out;
});

/** Segment indices the review list shows. */
export const visibleSegments = memo((doc: EditDoc, filters: Filters): number[] => {
  const segments = doc.transcript.segments;
  if (!filters.onlyFlagged) return segments.map((_, i) => i);
  const index = flagIndex(doc.flags);
  const out: number[] = [];
  segments.forEach((s, i) => {
    if (index.get(s.id)?.some((f) => passesFilters(f, doc.decisions, filters))) out.push(i);
  });
  return out;
});

export const flagById = memo((flags: readonly Flag[], _unused: null) => new Map(flags.map((f) => [f.id, f])));
