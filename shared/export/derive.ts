/**
 * The derived view exporters read: each segment's text becomes its clean (or verbatim) text; segments whose
 * clean text is empty (a hallucination removed whole) are dropped. Timed formats get estimated times for
 * untimed segments, with one warning saying so.
 */
import { deriveClean, flagsBySegment } from '../model/clean';
import type { Diagnostic } from '../model/diagnostics';
import type { Transcript } from '../model/transcript';
import { estimateTimes } from '../timing/estimate';
import type { ExportInput } from './exporter';

/** The transcript with clean (or verbatim) text; never mutates the input. */
export function derivedTranscript(input: ExportInput): Transcript {
  const { transcript } = input;
  if (input.mode === 'verbatim') return transcript;
  const bySegment = flagsBySegment(input.flags);
  const options = { ...(input.level ? { level: input.level } : {}), ...(input.decisions ? { decisions: input.decisions } : {}) };
  const segments = [];
  for (const s of transcript.segments) {
    const clean = deriveClean(s.raw, bySegment.get(s.id) ?? [], options, input.edits?.[s.id]).trim();
    if (clean === '') continue;
    segments.push(clean === s.raw ? s : { ...s, raw: clean, words: undefined });
  }
  return { ...transcript, segments };
}

/** Adds estimated times where missing, with a warning diagnostic when any were estimated. */
export function withTimes(transcript: Transcript): { transcript: Transcript; diagnostics: Diagnostic[] } {
  const { segments, estimated } = estimateTimes(transcript.segments);
  const diagnostics: Diagnostic[] = [];
  if (estimated > 0) {
    diagnostics.push({
      line: 0,
      severity: 'warning',
      code: 'export.estimated-times',
      message: `${estimated} of ${segments.length} segments had no times; times were estimated from reading speed until audio timing replaces them`,
    });
  }
  return { transcript: { ...transcript, segments }, diagnostics };
}
