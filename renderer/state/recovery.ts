/**
 * Autosave and crash recovery.
 *
 * The recovery slot holds a base and a small record. The base is the opened file's bytes, written once per
 * document. The record is what the user changed on top: decisions, manual edits, the level and the feature
 * collections (glossary, alignment), rewritten every few seconds while there are unsaved changes. Decisions
 * are one character per flag in flag order (`a` accepted, `r` rejected, `.` pending) with the flag count and a
 * hash of the flag ids, so the record of a 250,000-flag document is ~250 KB and builds in milliseconds instead
 * of a 15 MB JSON project serialised on the UI thread every five seconds.
 *
 * Recovering re-opens the base (parse + detection, with the recorded glossary) and, once all flags are in,
 * applies the record; if detection no longer gives the same flags (another app version), decisions are not
 * applied and the user is told. A save or a discard clears the slot, so a recovery present at start-up means
 * the app did not close cleanly.
 */
import { Decisions, isDirty, type EditDoc } from '../../shared/edit';
import type { Decision, Flag } from '../../shared/model/flag';
import type { Level } from '../../shared/model/levels';
import { host } from '../host';
import { translator } from '../i18n/i18n';
import { notify } from './actions';
import { currentSource, GLOSSARY_EXTRA, isStreaming, openBytes, type OpenedSource } from './project-io';
import { getState, setState, subscribe } from './store';

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

export function decodeDecisions(flags: readonly Flag[], codes: string): Decisions {
  const entries: [string, Decision][] = [];
  for (let i = 0; i < flags.length; i++) {
    const c = codes.charCodeAt(i);
    if (c === CODE.accepted) entries.push([flags[i]!.id, 'accepted']);
    else if (c === CODE.rejected) entries.push([flags[i]!.id, 'rejected']);
  }
  return Decisions.from(entries);
}

export function recoveryRecord(doc: EditDoc, base: OpenedSource, app: RecoveryRecord['app']): RecoveryRecord {
  return {
    schema: RECOVERY_SCHEMA, version: 1, app, base: { name: base.name }, flagCount: doc.flags.length, flagHash: flagsHash(doc.flags),
    decisions: encodeDecisions(doc), edits: { ...doc.edits }, level: doc.level, extras: { ...doc.extras },
  };
}

let lastAutosaved: EditDoc | null = null;
let baseWritten: OpenedSource | null = null;

/** Starts autosave and keeps the host told about the title and dirty state. */
export function startAutosave(): () => void {
  let lastReported = '';
  const unsubscribe = subscribe(() => {
    const s = getState();
    const dirty = s.loaded && isDirty(s.editor);
    const key = `${s.title}|${dirty}`;
    if (key !== lastReported) {
      lastReported = key;
      void host.setDocumentState({ title: s.title, dirty });
    }
  });
  const timer = window.setInterval(() => void autosaveNow(), Math.max(1, getState().settings.autosaveSeconds) * 1000);
  return () => {
    unsubscribe();
    window.clearInterval(timer);
  };
}

export async function autosaveNow(): Promise<void> {
  const s = getState();
  const base = currentSource();
  if (!s.loaded || !base || isStreaming() || !isDirty(s.editor) || s.editor.doc === lastAutosaved) return;
  lastAutosaved = s.editor.doc;
  if (baseWritten !== base) {
    const r = await host.writeRecoveryBase(base.bytes);
    if (!r.ok) return;
    baseWritten = base;
  }
  await host.writeRecovery(JSON.stringify(recoveryRecord(s.editor.doc, base, { title: s.title, projectPath: s.projectPath })));
}

function parseRecord(content: string): RecoveryRecord | null {
  try {
    const r = JSON.parse(content) as RecoveryRecord;
    return r && r.schema === RECOVERY_SCHEMA && typeof r.decisions === 'string' ? r : null;
  } catch {
    return null;
  }
}

export async function recover(): Promise<void> {
  const rec = getState().recovery;
  setState({ recovery: null });
  const t = translator(getState().locale);
  const record = rec ? parseRecord(rec.content) : null;
  if (!rec?.base || !record) {
    notify(t('recovery.broken'), true);
    return;
  }
  // the recorded glossary takes part in detection, as it did before the crash
  const glossary = record.extras[GLOSSARY_EXTRA];
  setState((s) => ({ editor: { ...s.editor, doc: { ...s.editor.doc, extras: glossary ? { [GLOSSARY_EXTRA]: glossary } : {} } } }));
  if (!(await openBytes({ name: record.base.name, path: record.app.projectPath ?? record.base.name, bytes: rec.base }))) return;
  const doc = getState().editor.doc;
  const same = doc.flags.length === record.flagCount && flagsHash(doc.flags) === record.flagHash;
  if (!same) notify(t('recovery.flagsChanged'), true);
  const decisions = same ? decodeDecisions(doc.flags, record.decisions) : doc.decisions;
  // recovered work is unsaved work: keep it dirty until saved
  setState((s) => ({
    editor: { ...s.editor, savedAt: undefined, doc: { ...s.editor.doc, decisions, edits: record.edits, level: record.level, extras: record.extras } },
    projectPath: record.app.projectPath, title: record.app.title,
  }));
}

export async function discardRecovery(): Promise<void> {
  setState({ recovery: null });
  await host.clearRecovery();
}
