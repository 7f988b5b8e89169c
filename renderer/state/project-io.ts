/**
 * Opening, saving and re-detection. Files are read by the host and parsed (and checked) in the worker, which
 * streams the result: the segments first (rows render at once), then flags chunk by chunk while detection runs,
 * so a 70,000-segment transcript is readable in about a second and fills in its flags with a progress bar.
 * Projects are saved as `.jiaodui.json` with the feature collections (glossary, alignment) in `extras`.
 */
import { appendFlags, Decisions, markSaved, replaceFlags, resetEditor, applyStep, createDoc, type EditDoc } from '../../shared/edit';
import type { Glossary } from '../../shared/glossary';
import type { Flag } from '../../shared/model/flag';
import { createProject, serializeProject, type Project } from '../../shared/model/project';
import type { Segment } from '../../shared/model/segment';
import type { OpenedFile, Result } from '../../shared/ipc';
import { host } from '../host';
import { translator } from '../i18n/i18n';
import { cancelTasks, runInWorker, TaskCancelled, workerGeneration } from '../worker/client';
import { decodeFlags } from '../worker/flag-columns';
import type { TaskPartial, TaskRequest, TaskResults } from '../worker/protocol';
import { importGlossaryBytes } from '../features/glossary/glossary-actions';
import { notify } from './actions';
import { getState, NO_SELECTION, setState } from './store';
import { TIMING_EXTRA, timedTranscript } from './timing';
import { AUDIO_EXTRA, projectAudioOf } from '../../shared/model/project';
import { relocateProjectAudio } from './audio-io';

export const GLOSSARY_EXTRA = 'glossary';

export function glossaryOf(doc: EditDoc): Glossary | null {
  const g = doc.extras[GLOSSARY_EXTRA] as Glossary | undefined;
  return g && Array.isArray(g.entries) ? g : null;
}

/** Where the worker fetches the built data files (lexicons, dictionary): `data/` beside index.html. */
export function dataUrl(): string {
  return new URL('data/', document.baseURI).href;
}

let taskCounter = 0;

/** Runs a worker task with the progress bar; resolves null when cancelled. */
export async function withTask<R extends TaskRequest>(
  label: string, request: R, partial?: (p: TaskPartial) => void,
): Promise<TaskResults[R['type']] | null> {
  const id = ++taskCounter;
  setState({ task: { id, label, done: 0, total: 0 } });
  const running = runInWorker(
    request,
    (done, total) => setState((s) => (s.task?.id === id ? { task: { ...s.task, done, total } } : {})),
    partial,
  );
  try {
    return await running.promise;
  } catch (e) {
    if (e instanceof TaskCancelled) return null;
    throw e;
  } finally {
    setState((s) => (s.task?.id === id ? { task: null } : {}));
  }
}

function relabel(label: string): void {
  setState((s) => (s.task ? { task: { ...s.task, label } } : {}));
}

function baseTitle(name: string): string {
  return name.replace(/\.jiaodui\.json$/i, '').replace(/\.[^.]+$/, '');
}

/** Bumped by every open: flags streaming in for an older document are dropped. */
let openGeneration = 0;
/** True while a document's flags are still streaming in. */
let streaming = false;

export function isStreaming(): boolean {
  return streaming;
}

/** Adds flags that streamed in to the current document (derived data: not an undo step). */
function addFlags(flags: Flag[]): void {
  if (flags.length === 0) return;
  setState((s) => ({ editor: { ...s.editor, doc: { ...s.editor.doc, flags: appendFlags(s.editor.doc.flags, flags) } } }));
}

/** The source file an opened document came from (the base of the recovery file). */
export interface OpenedSource {
  name: string;
  bytes: Uint8Array;
}

let openedSource: OpenedSource | null = null;

/** The worker that parsed the open document still holds its transcript under this key. */
let heldBy: { key: string; worker: number; segments: readonly Segment[] } | null = null;

export function currentSource(): OpenedSource | null {
  return openedSource;
}

function onOpenPartial(p: TaskPartial, file: { name: string; path: string }, segments: Segment[], generation: number): void {
  if (generation !== openGeneration) return;
  const t = translator(getState().locale);
  if (p.stage === 'segments') {
    for (const s of p.segments) segments.push(s);
  } else if (p.stage === 'parsed') {
    const transcript = { ...p.transcript, segments };
    const project = p.project;
    let doc: EditDoc = createDoc(transcript, []);
    const carried = glossaryOf(getState().editor.doc);
    if (project) {
      doc = { ...doc, decisions: Decisions.from(project.decisions), edits: project.edits, level: project.level, extras: project.extras };
    } else if (carried) {
      doc = { ...doc, extras: { [GLOSSARY_EXTRA]: carried } };
    }
    const editor = resetEditor(getState().editor, doc, NO_SELECTION);
    setState({
      editor: project ? markSaved(editor) : editor, loaded: true, title: baseTitle(file.name), editing: null,
      source: project ? project.source : { path: file.path, format: p.format as never, encoding: p.encoding },
      projectPath: project ? file.path : null, diagnostics: p.diagnostics,
      ...(project ? { audio: null, audioMissing: null } : {}),
    });
    const audio = project ? projectAudioOf(project.extras) : null;
    if (audio) void relocateProjectAudio(audio.path, file.path);
    performance.mark('jiaodui:open-rows');
    if (!project) relabel(t('task.detectingNew'));
  } else if (p.stage === 'flags') {
    addFlags(decodeFlags(p.columns, segments));
  } else if (p.stage === 'missing-data') {
    notify(t('notice.missingData', { files: p.files.join(', ') }));
  }
}

/** Parses and checks a file's bytes in the worker and opens it; resolves once all its flags are in. */
export async function openBytes(file: { name: string; path: string; bytes: Uint8Array }): Promise<boolean> {
  const t = translator(getState().locale);
  if (streaming || getState().task) cancelTasks();
  const generation = ++openGeneration;
  const segments: Segment[] = [];
  streaming = true;
  try {
    performance.mark('jiaodui:open-start');
    const loaded = await withTask(t('task.loading', { name: file.name }), {
      type: 'load', name: file.name, path: file.path, bytes: file.bytes, glossary: glossaryOf(getState().editor.doc), dataUrl: dataUrl(),
      key: String(generation),
    }, (p) => onOpenPartial(p, file, segments, generation));
    if (!loaded || generation !== openGeneration) return false;
    heldBy = { key: String(generation), worker: workerGeneration(), segments };
    openedSource = { name: file.name, bytes: file.bytes };
    performance.mark('jiaodui:open-end');
    return true;
  } catch (e) {
    notify(t('error.open', { name: file.name, message: (e as Error).message }), true);
    return false;
  } finally {
    if (generation === openGeneration) streaming = false;
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
export function currentProject(): Project {
  const s = getState();
  const doc = s.editor.doc;
  // times the user set are baked into the saved transcript, so other tools (the CLI) read them
  const { [TIMING_EXTRA]: _timing, [AUDIO_EXTRA]: _audio, ...kept } = doc.extras;
  const extras: Record<string, unknown> = { ...kept };
  const audio = s.audio ?? s.audioMissing;
  if (audio) extras[AUDIO_EXTRA] = { path: audio.path, name: audio.name };
  return {
    ...createProject(timedTranscript(doc), s.source, [...doc.flags]),
    audioPath: audio?.path ?? null,
    decisions: doc.decisions.toRecord(), edits: { ...doc.edits }, level: doc.level,
    modifiedAt: new Date().toISOString(), extras,
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
  if (streaming) cancelTasks();
  const s = getState();
  const segments = s.editor.doc.transcript.segments;
  const collected: Flag[] = [];
  const held = heldBy && heldBy.worker === workerGeneration() && heldBy.segments === segments ? heldBy.key : null;
  const done = await withTask(translator(s.locale)('task.detecting'), {
    type: 'detect', transcript: held ? null : s.editor.doc.transcript, key: held ?? '', glossary: glossaryOf(s.editor.doc), dataUrl: dataUrl(),
  }, (p) => {
    if (p.stage === 'flags') for (const f of decodeFlags(p.columns, segments)) collected.push(f);
  });
  if (!done || getState().editor.doc.transcript.segments !== segments) return;
  const step = replaceFlags(getState().editor.doc, collected);
  if (step) setState((st) => ({ editor: { ...st.editor, doc: applyStep(st.editor.doc, step, 'forward') } }));
}
