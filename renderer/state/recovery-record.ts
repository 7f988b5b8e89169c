/**
 * The recovery record (see recovery.ts): decisions as one character per flag in flag order (`a` accepted,
 * `r` rejected, `.` pending) with the flag count and an FNV-1a hash of the flag ids, plus edits, level and extras.
 * Pure functions, so they are tested in Node.
 */
import { Decisions, type EditDoc } from '../../shared/edit';
import type { Decision, Flag } from '../../shared/model/flag';
import type { Level } from '../../shared/model/levels';

export const RECOVERY_SCHEMA = 'jiaodui.recovery';

export interface RecoveryRecord {
  schema: typeof RECOVERY_SCHEMA;
  version: 1;
  app: { title: string; projectPath: string | null };
  base: { name: string };
  flagCount: number;
  flagHash: string;
  /** One character per flag, in flag order. */
  decisions: string;
  edits: Record<string, string>;
  level: Level;
  extras: Record<string, unknown>;
}

const hashes = new WeakMap<readonly Flag[], string>();

/** FNV-1a over the flag ids, cached per flags array. */
export function flagsHash(flags: readonly Flag[]): string {
  let h = hashes.get(flags);
  if (h !== undefined) return h;
  let x = 0x811c9dc5;
  for (const f of flags) {
    const id = f.id;
    for (let i = 0; i < id.length; i++) x = Math.imul(x ^ id.charCodeAt(i), 0x01000193);
    x = Math.imul(x ^ 10, 0x01000193);
  }
  h = (x >>> 0).toString(16);
  hashes.set(flags, h);
  return h;
}

const CODE = { accepted: 97, rejected: 114 } as const;

/** The decisions as one character per flag. */
export function encodeDecisions(doc: EditDoc): string {
  const codes = new Uint8Array(doc.flags.length).fill(46);
  if (doc.decisions.size > 0) doc.flags.forEach((f, i) => {
    const d = doc.decisions.get(f.id);
    if (d) codes[i] = CODE[d];
  });
  return new TextDecoder('latin1').decode(codes);
}

/**
 * The same, in slices of `slice` flags with `pause()` between them, so encoding 250,000 flags never blocks the
 * UI thread for long (autosave runs while the user works).
 */
export async function encodeDecisionsInSlices(doc: EditDoc, pause: () => Promise<void>, slice = 20_000): Promise<string> {
  const codes = new Uint8Array(doc.flags.length).fill(46);
  if (doc.decisions.size > 0) {
    for (let from = 0; from < doc.flags.length; from += slice) {
      const to = Math.min(doc.flags.length, from + slice);
      for (let i = from; i < to; i++) {
        const d = doc.decisions.get(doc.flags[i]!.id);
        if (d) codes[i] = CODE[d];
      }
      if (to < doc.flags.length) await pause();
    }
  }
  return new TextDecoder('latin1').decode(codes);
}

export function decodeDecisions(flags: readonly Flag[], codes: string): Decisions {
  const entries: [string, Decision][] = [];
  for (let i = 0; i < flags.length; i++) {
    const c = codes.charCodeAt(i);
    if (c === CODE.accepted) entries.push([flags[i]!.id, 'accepted']);
    else if (c === CODE.rejected) entries.push([flags[i]!.id, 'rejected']);
  }
  return Decisions.from(entries);
}

export function recoveryRecord(doc: EditDoc, base: { name: string }, app: RecoveryRecord['app'], decisions = encodeDecisions(doc)): RecoveryRecord {
  return {
    schema: RECOVERY_SCHEMA, version: 1, app, base: { name: base.name }, flagCount: doc.flags.length, flagHash: flagsHash(doc.flags),
    decisions, edits: { ...doc.edits }, level: doc.level, extras: { ...doc.extras },
  };
}
