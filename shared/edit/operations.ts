/**
 * Pure document operations used by the app, the CLI and the tests. Each builds a `Step` (or null when nothing
 * would change) from the current document; `perform` in history.ts applies and records it. Operations over many
 * flags produce one step, so "accept all fillers" is undone in one go.
 */
import { deriveClean, flagsBySegment, isApplied } from '../model/clean';
import type { Decision, Flag, FlagKind } from '../model/flag';
import type { Level } from '../model/levels';
import type { Segment } from '../model/segment';
import type { Change, EditDoc, Step, StepLabel } from './document';

/** Which flags an operation considers. */
export interface FlagFilter {
  kind?: FlagKind;
  ruleId?: string;
  /** Only flags at or above this confidence. */
  minConfidence?: number;
  /** Only flags without a decision. Default true for bulk operations. */
  pendingOnly?: boolean;
}

/** True when a flag passes the filter under the document's decisions. */
export function matchesFilter(doc: EditDoc, flag: Flag, filter: FlagFilter): boolean {
  if (filter.kind !== undefined && flag.kind !== filter.kind) return false;
  if (filter.ruleId !== undefined && flag.ruleId !== filter.ruleId) return false;
  if (filter.minConfidence !== undefined && flag.confidence < filter.minConfidence) return false;
  if (filter.pendingOnly && doc.decisions.get(flag.id) !== undefined) return false;
  return true;
}

function sharedValue<T>(items: readonly Flag[], get: (f: Flag) => T): T | undefined {
  const first = items[0];
  if (!first) return undefined;
  const v = get(first);
  return items.every((f) => get(f) === v) ? v : undefined;
}

/**
 * Sets (or clears, with `undefined`) the decision on these flags. Flags already in that state are skipped;
 * the label counts the flags that changed and names their kind/rule when they share one.
 */
export function decideFlags(doc: EditDoc, flags: readonly Flag[], decision: Decision | undefined, label?: Partial<StepLabel>): Step | null {
  const changes: Change[] = [];
  const changed: Flag[] = [];
  for (const f of flags) {
    const before = doc.decisions.get(f.id);
    if (before === decision) continue;
    changes.push({ type: 'decision', flagId: f.id, before, after: decision });
    changed.push(f);
  }
  if (changes.length === 0) return null;
  const action = decision === 'accepted' ? 'accept' : decision === 'rejected' ? 'reject' : 'reset';
  const base: StepLabel = { action, count: changed.length };
  const kind = sharedValue(changed, (f) => f.kind);
  if (kind !== undefined) base.kind = kind;
  return { label: { ...base, ...label }, changes };
}

/**
 * Decides every flag passing the filter (pending ones only unless told otherwise) as one step. One pass that
 * builds the changes directly: on 250,000 flags this is the whole cost of "accept all fillers" before applying.
 */
export function decideWhere(doc: EditDoc, filter: FlagFilter, decision: Decision | undefined): Step | null {
  const pendingOnly = filter.pendingOnly ?? true;
  const changes: Change[] = [];
  let kind: FlagKind | undefined;
  let mixedKinds = false;
  for (const flag of doc.flags) {
    if (filter.kind !== undefined && flag.kind !== filter.kind) continue;
    if (filter.ruleId !== undefined && flag.ruleId !== filter.ruleId) continue;
    if (filter.minConfidence !== undefined && flag.confidence < filter.minConfidence) continue;
    const before = doc.decisions.get(flag.id);
    if ((pendingOnly && before !== undefined) || before === decision) continue;
    changes.push({ type: 'decision', flagId: flag.id, before, after: decision });
    if (kind === undefined) kind = flag.kind;
    else if (kind !== flag.kind) mixedKinds = true;
  }
  if (changes.length === 0) return null;
  const label: StepLabel = { action: decision === 'accepted' ? 'accept' : decision === 'rejected' ? 'reject' : 'reset', count: changes.length };
  if (kind !== undefined && !mixedKinds) label.kind = kind;
  if (filter.ruleId !== undefined) label.rule = filter.ruleId;
  return { label, changes };
}

/** "Accept all of this kind": every pending flag of the kind, one step. */
export function acceptAllOfKind(doc: EditDoc, kind: FlagKind): Step | null {
  return decideWhere(doc, { kind }, 'accepted');
}

/** "Accept all of this rule": every pending flag of the rule, one step. */
export function acceptAllOfRule(doc: EditDoc, ruleId: string): Step | null {
  return decideWhere(doc, { ruleId }, 'accepted');
}

/** Index of flags by segment id, cached per flags array (flags change only on re-detection). */
const bySegmentCache = new WeakMap<readonly Flag[], Map<string, Flag[]>>();

export function flagIndex(flags: readonly Flag[]): Map<string, Flag[]> {
  let map = bySegmentCache.get(flags);
  if (!map) {
    map = flagsBySegment(flags);
    bySegmentCache.set(flags, map);
  }
  return map;
}

/**
 * Appends flags for segments that had none yet (detection streaming in by chunks of segments) and carries the
 * by-segment index over to the new array, extending it in place: a chunk costs its own size, not a re-index
 * (or a copy of the index) of everything. The older array's index then also lists the new segments' flags; the
 * streaming caller replaces the older array everywhere, so nothing reads it again.
 */
export function appendFlags(flags: readonly Flag[], more: readonly Flag[]): readonly Flag[] {
  if (more.length === 0) return flags;
  const next = flags.concat(more);
  const map = bySegmentCache.get(flags);
  if (map) {
    const added = new Set<string>();
    const resort: Flag[][] = [];
    for (const f of more) {
      const list = map.get(f.segmentId);
      if (!list) {
        map.set(f.segmentId, [f]);
        added.add(f.segmentId);
      } else if (added.has(f.segmentId)) list.push(f);
      else {
        // a segment the older array already had flags for: a new list, so the older one stays as it was
        const copy = [...list, f];
        map.set(f.segmentId, copy);
        resort.push(copy);
        added.add(f.segmentId);
      }
    }
    for (const list of resort) list.sort((a, b) => a.start - b.start || a.end - b.end);
    bySegmentCache.set(next, map);
  }
  return next;
}

/** The segment's clean text under the document's decisions, level and manual edit. */
export function cleanText(doc: EditDoc, segment: Segment): string {
  const flags = flagIndex(doc.flags).get(segment.id) ?? [];
  return deriveClean(segment.raw, flags, { decisions: doc.decisions.pick(flags), level: doc.level }, doc.edits[segment.id]);
}

/** True when the flag is applied to the clean text under the document's decisions and level. */
export function flagApplied(doc: EditDoc, flag: Flag): boolean {
  const decision = doc.decisions.get(flag.id);
  return isApplied(flag, { ...(decision ? { decisions: { [flag.id]: decision } } : {}), level: doc.level });
}

/**
 * Sets a segment's clean text by hand. Typing back exactly the derived text removes the manual edit, so a
 * segment is "edited" only when it really differs from raw + decisions.
 */
export function editSegment(doc: EditDoc, segmentId: string, text: string): Step | null {
  const segment = doc.transcript.segments.find((s) => s.id === segmentId);
  if (!segment) throw new Error(`editSegment: no segment "${segmentId}"`);
  const before = doc.edits[segmentId];
  const flags = flagIndex(doc.flags).get(segmentId) ?? [];
  const derived = deriveClean(segment.raw, flags, { decisions: doc.decisions.pick(flags), level: doc.level });
  const after = text === derived ? undefined : text;
  if (after === before) return null;
  return { label: { action: 'edit', count: 1 }, changes: [{ type: 'edit', segmentId, before, after }] };
}

/** Drops a segment's manual edit. */
export function resetEdit(doc: EditDoc, segmentId: string): Step | null {
  const before = doc.edits[segmentId];
  if (before === undefined) return null;
  return { label: { action: 'reset', text: 'edit' }, changes: [{ type: 'edit', segmentId, before, after: undefined }] };
}

/** Changes the auto-accept level. */
export function setLevel(doc: EditDoc, level: Level): Step | null {
  if (doc.level === level) return null;
  return { label: { action: 'level', text: level }, changes: [{ type: 'set', field: 'level', before: doc.level, after: level }] };
}

/**
 * Replaces the flags after re-detection. Flag ids are stable (rule@segment:start-end), so decisions keyed by id
 * carry over; manual edits are per segment and are never touched.
 */
export function replaceFlags(doc: EditDoc, flags: readonly Flag[]): Step | null {
  if (flags === doc.flags) return null;
  return { label: { action: 'detect', count: flags.length }, changes: [{ type: 'set', field: 'flags', before: doc.flags, after: flags }] };
}

/** Replaces a feature collection (`extras[name]`) with a labelled step. */
export function setExtra(doc: EditDoc, name: string, value: unknown, label: StepLabel): Step | null {
  const before = doc.extras[name];
  if (before === value) return null;
  return { label, changes: [{ type: 'set', field: `extra:${name}`, before, after: value }] };
}
