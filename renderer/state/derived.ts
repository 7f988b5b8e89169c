/**
 * Derived data, memoised on the identity of its inputs (the document is immutable, so identity is a cheap and
 * exact change test): counts per kind and rule, the ordered list of flags the filters show, segment positions.
 * On a 70,000-segment transcript each is one linear pass, done only when its inputs change.
 */
import { flagIndex, type Decisions, type EditDoc } from '../../shared/edit';
import type { Decision, Flag, FlagKind } from '../../shared/model/flag';
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

function countInto(stats: FlagStats, flags: readonly Flag[], from: number, decisions: Decisions): void {
  for (let i = from; i < flags.length; i++) {
    const f = flags[i]!;
    const d = decisions.get(f.id);
    bump(stats.all, d);
    let k = stats.byKind.get(f.kind);
    if (!k) stats.byKind.set(f.kind, (k = zero()));
    bump(k, d);
    let r = stats.byRule.get(f.ruleId);
    if (!r) stats.byRule.set(f.ruleId, (r = { ...zero(), kind: f.kind }));
    bump(r, d);
  }
}

function copyStats(s: FlagStats): FlagStats {
  return {
    all: { ...s.all },
    byKind: new Map([...s.byKind].map(([k, c]) => [k, { ...c }])),
    byRule: new Map([...s.byRule].map(([k, c]) => [k, { ...c }])),
  };
}

let lastStats: { flags: readonly Flag[]; decisions: Decisions; stats: FlagStats } | null = null;

function move(c: Counts, before: Decision | undefined, after: Decision | undefined): void {
  if (before === 'accepted') c.accepted--;
  else if (before === 'rejected') c.rejected--;
  else c.pending--;
  if (after === 'accepted') c.accepted++;
  else if (after === 'rejected') c.rejected++;
  else c.pending++;
}

const byIdCache = new WeakMap<readonly Flag[], Map<string, Flag>>();

/** Flags by id, built once per flags array. */
function byId(flags: readonly Flag[]): Map<string, Flag> {
  let map = byIdCache.get(flags);
  if (!map) {
    map = new Map();
    for (const f of flags) map.set(f.id, f);
    byIdCache.set(flags, map);
  }
  return map;
}

/** Applies decision changes to copied counts; false when a change names a flag that is not in `flags`. */
function applyDeltas(stats: FlagStats, flags: readonly Flag[], deltas: Decisions['deltas']): boolean {
  if (!deltas) return false;
  const map = byId(flags);
  const { forward } = deltas;
  for (const change of deltas.changes) {
    const flag = map.get(change.flagId);
    if (!flag) return false;
    const before = forward ? change.before : change.after;
    const after = forward ? change.after : change.before;
    move(stats.all, before, after);
    move(stats.byKind.get(flag.kind)!, before, after);
    move(stats.byRule.get(flag.ruleId)!, before, after);
  }
  return true;
}

/**
 * Counts per kind and rule, kept up to date by delta where it can: while flags stream in (the new array extends
 * the last one, same decisions) only the new flags are counted; after a step on the same flags only the changed
 * decisions are; otherwise one pass over all flags.
 */
export function flagStats(flags: readonly Flag[], decisions: Decisions): FlagStats {
  const last = lastStats;
  if (last && last.flags === flags && last.decisions === decisions) return last.stats;
  let stats: FlagStats | null = null;
  if (last && last.flags === flags && decisions.parentSerial === last.decisions.serial) {
    stats = copyStats(last.stats);
    if (!applyDeltas(stats, flags, decisions.deltas)) stats = null;
  } else if (last && last.decisions === decisions && flags.length > last.flags.length && flags[last.flags.length - 1] === last.flags[last.flags.length - 1] && flags[0] === last.flags[0]) {
    stats = copyStats(last.stats);
    countInto(stats, flags, last.flags.length, decisions);
  }
  if (!stats) {
    stats = { byKind: new Map(), byRule: new Map(), all: zero() };
    countInto(stats, flags, 0, decisions);
  }
  lastStats = { flags, decisions, stats };
  return stats;
}

/** Index of each segment id in transcript order. */
export const segmentPositions = memo((segments: EditDoc['transcript']['segments'], _unused: null) => {
  const map = new Map<string, number>();
  segments.forEach((s, i) => map.set(s.id, i));
  return map;
});

export function passesFilters(flag: Flag, decisions: Decisions, filters: Filters): boolean {
  if (filters.kinds.length && !filters.kinds.includes(flag.kind)) return false;
  if (filters.ruleId !== null && flag.ruleId !== filters.ruleId) return false;
  if (flag.confidence < filters.minConfidence) return false;
  if (!filters.showDecided && decisions.get(flag.id) !== undefined) return false;
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

const allRows = memo((segments: EditDoc['transcript']['segments'], _unused: null): number[] => segments.map((_, i) => i));

/** Segment indices the review list shows (the same array while the segments are the same and nothing filters). */
export function visibleSegments(doc: EditDoc, filters: Filters): number[] {
  return filters.onlyFlagged ? flaggedRows(doc, filters) : allRows(doc.transcript.segments, null);
}

const flaggedRows = memo((doc: EditDoc, filters: Filters): number[] => {
  const index = flagIndex(doc.flags);
  const out: number[] = [];
  doc.transcript.segments.forEach((s, i) => {
    if (index.get(s.id)?.some((f) => passesFilters(f, doc.decisions, filters))) out.push(i);
  });
  return out;
});

/** The flag with this id: looked up in its segment's list (the id names the segment), without a map of all flags. */
export function findFlag(flags: readonly Flag[], id: string | null | undefined): Flag | undefined {
  if (!id) return undefined;
  const at = id.indexOf('@');
  const colon = id.lastIndexOf(':');
  const list = at >= 0 && colon > at ? flagIndex(flags).get(id.slice(at + 1, colon)) : undefined;
  return list?.find((f) => f.id === id) ?? (list ? undefined : flags.find((f) => f.id === id));
}
