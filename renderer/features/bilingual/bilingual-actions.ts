/**
 * Bilingual view actions: pair a bilingual-per-cue transcript cue by cue, align the transcript with a translation
 * file the user opens, edit pairs (each an undo step) and export bilingual SRT/WebVTT from the pairs.
 * The pair list and where it came from (`alignment-source`) are feature collections in `extras`.
 */
import { timedSegments } from '../../state/timing';
import {
  alignmentOf, alignmentStep, cleanText, mergeSteps, setExtra, ALIGNMENT_EXTRA, type AlignedPair, type EditDoc, type Step,
} from '../../../shared/edit';
import { bilingualSubtitles, type BilingualPair } from '../../../shared/export/bilingual';
import { host } from '../../host';
import { translator } from '../../i18n/i18n';
import { notify, performStep } from '../../state/actions';
import { dataUrl, withTask } from '../../state/project-io';
import { getState } from '../../state/store';

export const ALIGNMENT_SOURCE_EXTRA = 'alignment-source';

/** Where the pairs came from: the transcript's own cues, a translation file, or nothing yet. */
export type AlignmentSource = { kind: 'per-cue' } | { kind: 'translation'; name: string } | { kind: 'not-bilingual' };

export function alignmentSourceOf(doc: EditDoc): AlignmentSource | null {
  const v = doc.extras[ALIGNMENT_SOURCE_EXTRA] as AlignmentSource | undefined;
  return v && typeof v === 'object' && 'kind' in v ? v : null;
}

function setAlignment(pairs: AlignedPair[], source: AlignmentSource): void {
  const doc = getState().editor.doc;
  const steps = [setExtra(doc, ALIGNMENT_EXTRA, pairs, { action: 'align' }), setExtra(doc, ALIGNMENT_SOURCE_EXTRA, source, { action: 'align' })]
    .filter((s): s is Step => s !== null);
  if (steps.length) performStep(mergeSteps({ action: 'align', count: pairs.length }, steps));
}

const cleanAll = (doc: EditDoc): string[] => doc.transcript.segments.map((seg) => cleanText(doc, seg));

/** Pairs the Chinese and English inside each cue (only when the transcript is bilingual per cue). */
export async function alignInsideCues(): Promise<void> {
  const s = getState();
  const doc = s.editor.doc;
  const pairs = await withTask(translator(s.locale)('task.aligning'), { type: 'align', transcript: doc.transcript, clean: cleanAll(doc), dataUrl: dataUrl() });
  if (!pairs) return;
  setAlignment(pairs, pairs.length ? { kind: 'per-cue' } : { kind: 'not-bilingual' });
}

/** Opens a translation (transcript or subtitle file) through the host and aligns the transcript with it. */
export async function alignWithTranslationFile(): Promise<void> {
  const r = await host.openFile('transcript');
  if (!r.ok) return notify(r.message, true);
  if (!r.value) return;
  const s = getState();
  const doc = s.editor.doc;
  try {
    const result = await withTask(translator(s.locale)('task.aligning'), {
      type: 'align-translation', transcript: doc.transcript, clean: cleanAll(doc), name: r.value.name, bytes: r.value.bytes, dataUrl: dataUrl(),
    });
    if (result) setAlignment(result.pairs, { kind: 'translation', name: r.value.name });
  } catch (e) {
    notify(`${r.value.name}: ${(e as Error).message}`, true);
  }
}

export function editPairs(next: (pairs: readonly AlignedPair[]) => AlignedPair[], action: 'link' | 'unlink' | 'merge' | 'split'): void {
  const doc = getState().editor.doc;
  performStep(alignmentStep(doc, next(alignmentOf(doc)), action));
}

/** Pairs as exporter input: joined text per side and the time span of the transcript segments they came from. */
export function bilingualPairsOf(doc: EditDoc): BilingualPair[] {
  const byId = new Map(timedSegments(doc).map((s) => [s.id, s]));
  return alignmentOf(doc).map((p) => {
    let start: number | undefined;
    let end: number | undefined;
    for (const sentence of [...p.zh, ...p.en]) {
      const seg = sentence.segmentId ? byId.get(sentence.segmentId) : undefined;
      if (seg?.start === undefined || seg.end === undefined) continue;
      start = start === undefined ? seg.start : Math.min(start, seg.start);
      end = end === undefined ? seg.end : Math.max(end, seg.end);
    }
    return {
      zh: p.zh.map((x) => x.text).join(''), en: p.en.map((x) => x.text).join(' '), score: p.confidence,
      ...(start !== undefined && end !== undefined ? { start, end } : {}),
    };
  });
}

/** Saves the pairs as bilingual SRT or WebVTT through the host. */
export async function exportBilingual(format: 'srt' | 'vtt'): Promise<void> {
  const s = getState();
  const out = bilingualSubtitles(bilingualPairsOf(s.editor.doc), format);
  const r = await host.saveFile({ kind: 'export', suggestedName: `${s.title || 'untitled'}.bilingual.${format}`, content: out.text });
  if (!r.ok) notify(r.message, true);
  else if (r.value) notify(`${r.value.name}${out.diagnostics.length ? ` (${out.diagnostics.length} ⚠)` : ''}`);
}
