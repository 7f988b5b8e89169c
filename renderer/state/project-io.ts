/**
 * Opening, saving, autosave and recovery. Files are read by the host and parsed (and checked) in the worker;
 * projects are saved as `.jiaodui.json` with the feature collections (glossary, alignment) in an `extras` block.
 * Autosave writes the project to the host's recovery slot every few seconds while there are unsaved changes;
 * a successful save or a discard clears it, so a recovery that is still there at start-up means a crash.
 */
import { createDoc, isDirty, markSaved, replaceFlags, resetEditor, applyStep, type EditDoc } from '../../shared/edit';
import type { Glossary } from '../../shared/glossary';
import { createProject, serializeProject, type Project } from '../../shared/model/project';
import type { OpenedFile, Result } from '../../shared/ipc';
import { host } from '../host';
import { translator } from '../i18n/i18n';
import { runInWorker, TaskCancelled } from '../worker/client';
import type { LoadResult, TaskRequest, TaskResults } from '../worker/protocol';
import { importGlossaryBytes } from '../features/glossary/glossary-actions';
import { notify } from './actions';
import { getState, NO_SELECTION, setState, subscribe } from './store';

export const GLOSSARY_EXTRA = 'glossary';

export function glossaryOf(doc: EditDoc): Glossary | null {
  const g = doc.extras[GLOSSARY_EXTRA] as Glossary | undefined;
  return g && Array.isArray(g.entries) ? g : null;
}

let taskCounter = 0;

/** Runs a worker task with the progress bar; resolves null when cancelled. */
export async function withTask<R extends TaskRequest>(label: string, request: R): Promise<TaskResults[R['type']] | null> {
  const id = ++taskCounter;
  setState({ task: { id, label, done: 0, total: 0 } });
  const running = runInWorker(request, (done, total) => setState((s) => (s.task?.id === id ? { task: { id, label, done, total } } : {})));
  try {
    return await running.promise;
  } catch (e) {
    if (e instanceof TaskCancelled) return null;
    throw e;
  } finally {
    setState((s) => (s.task?.id === id ? { task: null } : {}));
  }
}

function baseTitle(name: string): string {
  return name.replace(/\.jiaodui\.json$/i, '').replace(/\.[^.]+$/, '');
}

function applyLoaded(loaded: LoadResult, file: { name: string; path: string }): void {
  const s = getState();
  if (loaded.kind === 'project') {
    const p = loaded.project;
    const doc: EditDoc = { transcript: p.transcript, flags: p.flags, decisions: p.decisions, edits: p.edits, level: p.level, extras: loaded.extras };
    setState({
      editor: markSaved(resetEditor(s.editor, doc, NO_SELECTION)), loaded: true, title: baseTitle(file.name),
      source: p.source, projectPath: file.path, diagnostics: loaded.diagnostics, editing: null,
    });
  } else {
    const doc = createDoc(loaded.transcript, loaded.flags);
    const carried = glossaryOf(s.editor.doc);
    const withGlossary = carried ? { ...doc, extras: { [GLOSSARY_EXTRA]: carried } } : doc;
    setState({
      editor: resetEditor(s.editor, withGlossary, NO_SELECTION), loaded: true, title: baseTitle(file.name),
      source: { path: file.path, format: loaded.format as never, encoding: loaded.encoding }, projectPath: null,
      diagnostics: loaded.diagnostics, editing: null,
    });
  }
}

/** Parses and checks a file's bytes in the worker and opens it. */
export async function openBytes(file: { name: string; path: string; bytes: Uint8Array }): Promise<boolean> {
  const t = translator(getState().locale);
  try {
    performance.mark('jiaodui:open-start');
    const loaded = await withTask(t('task.loading', { name: file.name }), {
      type: 'load', name: file.name, path: file.path, bytes: file.bytes, glossary: glossaryOf(getState().editor.doc),
    });
    if (!loaded) return false;
    applyLoaded(loaded, file);
    performance.mark('jiaodui:open-end');
    return true;
  } catch (e) {
    notify(t('error.open', { name: file.name, message: (e as Error).message }), true);
    return false;
  }
}

function unwrap<T>(r: Result<T>): T | null {
  if (r.ok) return r.value;
  notify(r.message, true);
  return null;
}

export async function openOpened(file: OpenedFile): Promise<void> {
  if (file.kind === 'glossary') {
    importGlossaryBytes(file.name, file.bytes);
    return;
  }
  await openBytes(file);
}

export async function openFromHost(kind: 'transcript' | 'project' = 'transcript'): Promise<void> {
  const file = unwrap(await host.openFile(kind));
  if (file) await openBytes(file);
}

export async function openSample(): Promise<void> {
  const sample = unwrap(await host.loadSample());
  if (sample) await openBytes({ name: sample.name, path: sample.name, bytes: sample.bytes });
}

/** The project file for the current state. */
export function currentProject(): Project & { extras: Record<string, unknown> } {
  const s = getState();
  const doc = s.editor.doc;
  const project = createProject(doc.transcript, s.source, [...doc.flags]);
  return {
    ...project, decisions: { ...doc.decisions }, edits: { ...doc.edits }, level: doc.level,
    modifiedAt: new Date().toISOString(), extras: { ...doc.extras },
  };
}

export async function saveProject(saveAs = false): Promise<boolean> {
  const s = getState();
  const t = translator(s.locale);
  const content = serializeProject(currentProject());
  const saved = unwrap(await host.saveFile({
    kind: 'project', suggestedName: `${s.title || 'untitled'}.jiaodui.json`, content,
    ...(s.projectPath && !saveAs && s.info?.mode === 'electron' ? { path: s.projectPath } : {}),
  }));
  if (!saved) return false;
  setState((st) => ({ editor: markSaved(st.editor), projectPath: saved.path }));
  await host.clearRecovery();
  notify(t('saved.project', { name: saved.name }));
  return true;
}

/** Re-runs detection (after a glossary change) without recording a step: flags are derived data. */
export async function redetect(): Promise<void> {
  const s = getState();
  const flags = await withTask(translator(s.locale)('task.detecting'), { type: 'detect', transcript: s.editor.doc.transcript, glossary: glossaryOf(s.editor.doc) });
  if (!flags) return;
  const step = replaceFlags(getState().editor.doc, flags);
  if (step) setState((st) => ({ editor: { ...st.editor, doc: applyStep(st.editor.doc, step, 'forward') } }));
}

let lastAutosaved: EditDoc | null = null;

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
  if (!s.loaded || !isDirty(s.editor) || s.editor.doc === lastAutosaved) return;
  lastAutosaved = s.editor.doc;
  const content = JSON.stringify({ ...currentProject(), app: { title: s.title, projectPath: s.projectPath } });
  await host.writeRecovery(content);
}

export async function recover(): Promise<void> {
  const rec = getState().recovery;
  setState({ recovery: null });
  if (!rec) return;
  const bytes = new TextEncoder().encode(rec.content);
  let title = 'recovered';
  let projectPath: string | null = null;
  try {
    const app = (JSON.parse(rec.content) as { app?: { title?: string; projectPath?: string | null } }).app;
    title = app?.title || title;
    projectPath = app?.projectPath ?? null;
  } catch {
    // the worker reports a broken recovery file
  }
  if (await openBytes({ name: `${title}.jiaodui.json`, path: projectPath ?? `${title}.jiaodui.json`, bytes })) {
    // recovered work is unsaved work: keep it dirty until saved
    setState((s) => ({ editor: { ...s.editor, savedAt: undefined }, projectPath, title }));
  }
}

export async function discardRecovery(): Promise<void> {
  setState({ recovery: null });
  await host.clearRecovery();
}
