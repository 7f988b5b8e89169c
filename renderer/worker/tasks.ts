/**
 * The heavy work, as plain functions the worker calls (and tests can call directly): parse + detect, re-detect,
 * export, align. Nothing here touches the DOM.
 *
 * Opening streams: the segments go out in chunks as soon as the file is parsed (the UI renders rows at once),
 * then detection runs chunk by chunk (renderer/worker/chunked-detect.ts) and each chunk's flags go out as
 * columns (flag-columns.ts). The lexicons are fetched only after the segments are out, so a first open never
 * waits for the 5 MB lexicon before it shows the transcript.
 */
import { detectTranscript, prepareDetection } from '../../shared/detect';
import { exporterById } from '../../shared/export';
import { parseBytes } from '../../shared/formats';
import type { Glossary } from '../../shared/glossary';
import { RESOURCE, type ChineseLexicon } from '../../shared/lexicon/types';
import type { Flag } from '../../shared/model/flag';
import { parseProject } from '../../shared/model/project';
import type { Transcript } from '../../shared/model/transcript';
import { alignTranscript, alignWithTranslation } from './bilingual-tasks';
import { detectInChunks } from './chunked-detect';
import { encodeFlags, transferables } from './flag-columns';
import type { DataUrl, TaskPartial, ProjectState, TaskRequest, TaskResults } from './protocol';
import { detectResources } from './resources';

export type Progress = (done: number, total: number) => void;
export type Emit = (value: TaskPartial, transfer?: Transferable[]) => void;

/** Segments per streamed chunk (for rows) and per detection chunk (for flags). */
export const SEGMENT_CHUNK = 5000;
export const DETECT_CHUNK = 1000;

function looksLikeProject(name: string, bytes: Uint8Array): boolean {
  if (name.toLowerCase().endsWith('.jiaodui.json')) return true;
  const head = new TextDecoder().decode(bytes.subarray(0, 200));
  return /"schema"\s*:\s*"jiaodui\.project"/.test(head);
}

async function resourcesFor(glossary: Glossary | null, dataUrl: DataUrl, emit: Emit): Promise<Record<string, unknown>> {
  const data = await detectResources(dataUrl);
  if (data.missing.length) emit({ stage: 'missing-data', files: data.missing });
  return { ...data.resources, ...(glossary && glossary.entries.length ? { [RESOURCE.glossary]: glossary } : {}) };
}

function emitFlags(transcript: Transcript, flags: readonly Flag[], emit: Emit, positions: Map<string, number>): void {
  const columns = encodeFlags(flags, (id) => positions.get(id) ?? -1);
  emit({ stage: 'flags', columns }, transferables(columns));
}

function positionsOf(transcript: Transcript): Map<string, number> {
  const map = new Map<string, number>();
  transcript.segments.forEach((s, i) => map.set(s.id, i));
  return map;
}

/** Detects by chunks, emitting each chunk's flags. */
async function streamDetection(transcript: Transcript, glossary: Glossary | null, dataUrl: DataUrl, emit: Emit, progress: Progress): Promise<number> {
  const resources = await resourcesFor(glossary, dataUrl, emit);
  await prepareDetection(resources);
  const positions = positionsOf(transcript);
  return detectInChunks(transcript, {
    resources, chunkSize: DETECT_CHUNK,
    onChunk: (flags, done, total) => {
      emitFlags(transcript, flags, emit, positions);
      progress(done, total);
    },
  });
}

function emitSegments(transcript: Transcript, emit: Emit): void {
  const { segments } = transcript;
  for (let i = 0; i < segments.length; i += SEGMENT_CHUNK) emit({ stage: 'segments', segments: segments.slice(i, i + SEGMENT_CHUNK) });
}

/** The transcript of the last `load`, by its key, for re-detection without sending it again. */
let kept: { key: string; transcript: Transcript } | null = null;

function transcriptFor(req: Extract<TaskRequest, { type: 'detect' }>): Transcript {
  if (req.transcript) return req.transcript;
  if (kept?.key === req.key) return kept.transcript;
  throw new Error('the worker no longer holds this transcript');
}

export async function loadFile(req: Extract<TaskRequest, { type: 'load' }>, emit: Emit, progress: Progress): Promise<TaskResults['load']> {
  if (looksLikeProject(req.name, req.bytes)) {
    const loaded = parseProject(new TextDecoder().decode(req.bytes));
    const p = loaded.project;
    if (!p) throw new Error(loaded.diagnostics[0]?.message ?? 'not a Jiaodui project');
    const { segments: _segments, ...rest } = p.transcript;
    emitSegments(p.transcript, emit);
    const project: ProjectState = { source: p.source, decisions: p.decisions, edits: p.edits, level: p.level, extras: p.extras };
    emit({ stage: 'parsed', transcript: rest, diagnostics: loaded.diagnostics, format: p.source?.format ?? 'txt', encoding: p.source?.encoding ?? 'utf-8', project });
    kept = { key: req.key, transcript: p.transcript };
    const positions = positionsOf(p.transcript);
    for (let i = 0; i < p.flags.length; i += DETECT_CHUNK * 4) emitFlags(p.transcript, p.flags.slice(i, i + DETECT_CHUNK * 4), emit, positions);
    return { flags: p.flags.length };
  }
  const parsed = parseBytes(req.bytes, { fileName: req.name });
  if (!parsed.ok) throw new Error(parsed.message);
  const { transcript, diagnostics, format, encoding } = parsed.value;
  const { segments: _segments, ...rest } = transcript;
  kept = { key: req.key, transcript };
  emitSegments(transcript, emit);
  emit({ stage: 'parsed', transcript: rest, diagnostics, format, encoding, project: null });
  return { flags: await streamDetection(transcript, req.glossary, req.dataUrl, emit, progress) };
}

/** Whole-transcript detection with the same resources as the app (tests compare it with the chunked one). */
export async function detectWhole(transcript: Transcript, glossary: Glossary | null, dataUrl: DataUrl): Promise<Flag[]> {
  const resources = await resourcesFor(glossary, dataUrl, () => undefined);
  await prepareDetection(resources);
  return detectTranscript(transcript, { resources });
}

export function exportText(exporterId: string, input: Extract<TaskRequest, { type: 'export' }>['input']) {
  const exporter = exporterById(exporterId);
  if (!exporter) throw new Error(`no exporter "${exporterId}"`);
  return exporter.export(input);
}

/** Export; subtitle cues use the Chinese lexicon (when it loads) so no cue breaks inside one of its words. */
async function exportWithLexicon(req: Extract<TaskRequest, { type: 'export' }>) {
  if (!req.input.cues || !req.dataUrl) return exportText(req.exporterId, req.input);
  const lexicon = (await detectResources(req.dataUrl)).resources[RESOURCE.zhLexicon] as ChineseLexicon | undefined;
  const base = req.input.cues === true ? {} : req.input.cues;
  return exportText(req.exporterId, { ...req.input, cues: lexicon ? { ...base, isWord: (w: string) => lexicon.has(w) } : base });
}

export async function runTask<T extends TaskRequest>(req: T, emit: Emit, progress: Progress): Promise<TaskResults[T['type']]> {
  type R = TaskResults[T['type']];
  switch (req.type) {
    case 'load': return await loadFile(req, emit, progress) as R;
    case 'detect': return { flags: await streamDetection(transcriptFor(req), req.glossary, req.dataUrl, emit, progress) } as R;
    case 'export': return await exportWithLexicon(req) as R;
    case 'align': return await alignTranscript(req.transcript, req.clean, req.dataUrl, progress) as R;
    case 'align-translation': return await alignWithTranslation(req, req.dataUrl) as R;
  }
  throw new Error('unknown task');
}
