/**
 * The user's decisions (flag id → accepted | rejected; absent = pending) as a persistent map.
 *
 * Why not a plain object copied per step: on a 70,000-segment transcript with 250,000 flags, copying a
 * 170,000-key object costs hundreds of milliseconds, so every single "A" keypress after an "accept all" would
 * stall. Here the ids are spread over 256 buckets by a string hash; a step copies only the buckets it touches
 * (one small Map for a single decision, all of them for a bulk step that touches all anyway). Instances are
 * immutable: `with` returns a new map and shares untouched buckets with the old one.
 */
import type { Decision } from '../model/flag';

const BUCKET_BITS = 8;
const BUCKETS = 1 << BUCKET_BITS;

/**
 * The bucket of an id from its length and last ten characters: O(1) per lookup (a hash of the whole string per
 * lookup would dominate counting 250,000 flags). Flag ids end in segment id and offsets (`…@s123:12-15`).
 */
function bucketOf(id: string): number {
  const n = id.length;
  let h = n;
  for (let i = Math.max(0, n - 10); i < n; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) | 0;
  return Math.imul(h, 0x9e3779b1) >>> (32 - BUCKET_BITS);
}

type Bucket = ReadonlyMap<string, Decision>;
const EMPTY_BUCKETS: readonly (Bucket | undefined)[] = new Array<Bucket | undefined>(BUCKETS).fill(undefined);

/** A decision change as history records it. */
export interface DecisionChange {
  flagId: string;
  before: Decision | undefined;
  after: Decision | undefined;
}

/** The changes that made a map from its parent, and in which direction they were applied. */
export interface DecisionDeltas {
  changes: readonly DecisionChange[];
  forward: boolean;
}

let serials = 0;

/** An immutable map of decisions by flag id. */
export class Decisions {
  /** Identity for "this map was made from that one" without holding the older map alive. */
  readonly serial = ++serials;

  private constructor(
    private readonly buckets: readonly (Bucket | undefined)[],
    readonly size: number,
    /** The serial of the map this one was made from by `with`, and what changed (lets counts update by delta). */
    readonly parentSerial: number = 0,
    readonly deltas: DecisionDeltas | null = null,
  ) {}

  /** No decisions. */
  static readonly EMPTY = new Decisions(EMPTY_BUCKETS, 0);

  /** From a project file's `decisions` record (or any entries). */
  static from(entries: Readonly<Record<string, Decision>> | Iterable<readonly [string, Decision]>): Decisions {
    const list = Symbol.iterator in entries ? entries : Object.entries(entries);
    return Decisions.EMPTY.with(list);
  }

  /** The decision on a flag, or undefined when it is pending. */
  get(flagId: string): Decision | undefined {
    return this.buckets[bucketOf(flagId)]?.get(flagId);
  }

  /** A new map with these decisions set (`undefined` = back to pending); copies only the touched buckets. */
  with(updates: Iterable<readonly [string, Decision | undefined]>): Decisions {
    const changes: DecisionChange[] = [];
    for (const [flagId, after] of updates) changes.push({ flagId, before: this.get(flagId), after });
    return this.apply(changes, true);
  }

  /**
   * Applies recorded changes (in step order) forwards (to `after`, first to last) or backwards (to `before`, last to
   * first) without allocating per change; the
   * new map remembers them (`deltas`) so counts can follow by delta, unless some change did not start from the
   * value it recorded (then `deltas` is null and counts must be recomputed).
   */
  apply(changes: readonly DecisionChange[], forward: boolean): Decisions {
    if (changes.length === 0) return this;
    const buckets = [...this.buckets];
    const copied = new Uint8Array(BUCKETS);
    let size = this.size;
    let exact = true;
    const n = changes.length;
    for (let k = 0; k < n; k++) {
      const change = changes[forward ? k : n - 1 - k]!;
      const id = change.flagId;
      const value = forward ? change.after : change.before;
      const b = bucketOf(id);
      let bucket = buckets[b] as Map<string, Decision> | undefined;
      if (copied[b] === 0) {
        bucket = new Map(bucket);
        buckets[b] = bucket;
        copied[b] = 1;
      }
      const current = bucket!.get(id);
      if (current !== (forward ? change.before : change.after)) exact = false;
      if (value === undefined) {
        if (current !== undefined) {
          bucket!.delete(id);
          size--;
        }
      } else {
        if (current === undefined) size++;
        bucket!.set(id, value);
      }
    }
    return new Decisions(buckets, size, this.serial, exact ? { changes, forward } : null);
  }

  /** Every decision, in no particular order. */
  *entries(): IterableIterator<[string, Decision]> {
    for (const bucket of this.buckets) if (bucket) yield* bucket.entries();
  }

  /** A plain record (project files, exporters). */
  toRecord(): Record<string, Decision> {
    const out: Record<string, Decision> = {};
    for (const [id, d] of this.entries()) out[id] = d;
    return out;
  }

  /** A plain record of just these flags' decisions (for per-segment derivations). */
  pick(flags: readonly { id: string }[]): Record<string, Decision> {
    const out: Record<string, Decision> = {};
    for (const f of flags) {
      const d = this.get(f.id);
      if (d !== undefined) out[f.id] = d;
    }
    return out;
  }
}
