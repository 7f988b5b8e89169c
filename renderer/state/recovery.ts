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
import { isDirty, type EditDoc } from '../../shared/edit';
import { host } from '../host';
import { translator } from '../i18n/i18n';
import { notify } from './actions';
import { currentSource, GLOSSARY_EXTRA, isStreaming, openBytes, type OpenedSource } from './project-io';
import { decodeDecisions, encodeDecisionsInSlices, flagsHash, RECOVERY_SCHEMA, recoveryRecord, type RecoveryRecord } from './recovery-record';
import { getState, setState, subscribe } from './store';

let lastAutosaved: EditDoc | null = null;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
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
  const doc = s.editor.doc;
  flagsHash(doc.flags); // cached per flags array: computed once, between slices of other work
  await pause();
  const codes = await encodeDecisionsInSlices(doc, pause);
  await host.writeRecovery(JSON.stringify(recoveryRecord(doc, base, { title: s.title, projectPath: s.projectPath }, codes)));
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
