/**
 * The heavy work, as plain functions the worker calls (and the benchmark can call directly): parse + detect,
 * re-detect, export, align. Nothing here touches the DOM.
 */
import { alignSentences } from '../../shared/align/align';
import { splitLanguageRuns } from '../../shared/align/lang-split';
import { splitSentences } from '../../shared/align/sentence-split';
import { detectTranscript } from '../../shared/detect';
import type { AlignedPair, Sentence } from '../../shared/edit';
import { exporterById } from '../../shared/export';
import { parseBytes } from '../../shared/formats';
import type { Glossary } from '../../shared/glossary';
import { RESOURCE } from '../../shared/lexicon/types';
import { parseProject } from '../../shared/model/project';
import type { Transcript } from '../../shared/model/transcript';
import type { LoadResult, TaskRequest, TaskResults } from './protocol';

export type Progress = (done: number, total: number) => void;

function resources(glossary: Glossary | null) {
  return glossary && glossary.entries.length ? { [RESOURCE.glossary]: glossary } : {};
}

function looksLikeProject(name: string, bytes: Uint8Array): boolean {
  if (name.toLowerCase().endsWith('.jiaodui.json')) return true;
  const head = new TextDecoder().decode(bytes.subarray(0, 200));
  return /"schema"\s*:\s*"jiaodui\.project"/.test(head);
}

export function loadFile(req: Extract<TaskRequest, { type: 'load' }>, progress: Progress): LoadResult {
  if (looksLikeProject(req.name, req.bytes)) {
    const text = new TextDecoder().decode(req.bytes);
    const loaded = parseProject(text);
    if (!loaded.project) throw new Error(loaded.diagnostics[0]?.message ?? 'not a Jiaodui project');
    let extras: Record<string, unknown> = {};
    try {
      const raw = JSON.parse(text) as { extras?: unknown };
      if (raw.extras && typeof raw.extras === 'object') extras = raw.extras as Record<string, unknown>;
    } catch {
      // parseProject already accepted the text; a missing extras block is fine
    }
    return { kind: 'project', project: loaded.project, extras, diagnostics: loaded.diagnostics };
  }
  const parsed = parseBytes(req.bytes, { fileName: req.name });
  if (!parsed.ok) throw new Error(parsed.message);
  const { transcript, diagnostics, format, encoding } = parsed.value;
  const flags = detectTranscript(transcript, { resources: resources(req.glossary), onProgress: (d, t) => progress(d, t) });
  return { kind: 'transcript', transcript, flags, diagnostics, format, encoding };
}

export function detect(transcript: Transcript, glossary: Glossary | null, progress: Progress) {
  return detectTranscript(transcript, { resources: resources(glossary), onProgress: (d, t) => progress(d, t) });
}

export function exportText(exporterId: string, input: Extract<TaskRequest, { type: 'export' }>['input']) {
  const exporter = exporterById(exporterId);
  if (!exporter) throw new Error(`no exporter "${exporterId}"`);
  return exporter.export(input);
}

/** Splits clean text into Chinese and English sentences and aligns them. */
export function align(transcript: Transcript, clean: readonly string[], progress: Progress): AlignedPair[] {
  const zh: Sentence[] = [];
  const en: Sentence[] = [];
  transcript.segments.forEach((segment, i) => {
    const text = clean[i] ?? segment.raw;
    for (const run of splitLanguageRuns(text)) {
      const piece = text.slice(run.start, run.end);
      for (const s of splitSentences(piece, run.lang)) {
        if (!s.text) continue;
        const list = run.lang === 'zh' ? zh : en;
        list.push({ id: `${run.lang}${list.length + 1}`, text: s.text, segmentId: segment.id });
      }
    }
    if (i % 500 === 0) progress(i, transcript.segments.length);
  });
  const result = alignSentences(zh.map((s) => ({ text: s.text })), en.map((s) => ({ text: s.text })));
  return result.beads.map((bead, k) => ({
    id: `p${k + 1}`,
    zh: bead.zh.map((i) => zh[i]!),
    en: bead.en.map((i) => en[i]!),
    confidence: Math.round(bead.score * 100) / 100,
  }));
}

export function runTask<T extends TaskRequest>(req: T, progress: Progress): TaskResults[T['type']] {
  switch (req.type) {
    case 'load': return loadFile(req, progress) as TaskResults[T['type']];
    case 'detect': return detect(req.transcript, req.glossary, progress) as TaskResults[T['type']];
    case 'export': return exportText(req.exporterId, req.input) as TaskResults[T['type']];
    case 'align': return align(req.transcript, req.clean, progress) as TaskResults[T['type']];
  }
  throw new Error('unknown task');
}
