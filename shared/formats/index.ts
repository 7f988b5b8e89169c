/**
 * The format registry: one module per format, in detection order. Detection is by content (`sniff`), the
 * file extension only breaking ties, so a `.txt` that is really SRT or Markdown is read as what it is.
 */
import type { Diagnostic } from '../model/diagnostics';
import type { FormatId, ParseResult, Transcript } from '../model/transcript';
import { decodeBytes, type EncodingName } from '../text/encoding';
import { bccJsonFormat } from './bcc-json';
import type { FormatModule } from './format';
import { markdownFormat } from './markdown';
import { srtFormat } from './srt';
import { txtFormat } from './txt';
import { vttFormat } from './vtt';
import { whisperJsonFormat } from './whisper-json';

export type { FormatModule } from './format';

export const FORMATS: readonly FormatModule[] = [vttFormat, srtFormat, bccJsonFormat, whisperJsonFormat, markdownFormat, txtFormat];

export type TranscriptFormatId = FormatModule['id'];

export function formatById(id: string): FormatModule | undefined {
  return FORMATS.find((f) => f.id === id);
}

function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').toLowerCase();
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}

/** The format a path's extension names, if any (for choosing an output format). */
export function formatForPath(path: string): FormatModule | undefined {
  const ext = extensionOf(path);
  return FORMATS.find((f) => f.extensions.includes(ext));
}

/** Picks the format of a text by content; the extension breaks ties and counts for a little. */
export function detectFormat(text: string, fileName?: string): FormatModule {
  const ext = fileName ? extensionOf(fileName) : '';
  let best = txtFormat;
  let bestScore = -1;
  for (const format of FORMATS) {
    const score = format.sniff(text) + (ext && format.extensions.includes(ext) ? 0.05 : 0);
    if (score > bestScore) {
      best = format;
      bestScore = score;
    }
  }
  return best;
}

export interface ParseOptions {
  fileName?: string;
  /** Force a format instead of detecting it. */
  format?: TranscriptFormatId;
  encoding?: EncodingName;
}

/** Parses decoded text. The result names the format used. */
export function parseText(text: string, options: ParseOptions = {}): ParseResult & { format: TranscriptFormatId } {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const format = (options.format && formatById(options.format)) || detectFormat(clean, options.fileName);
  const result = format.parse(clean);
  return { ...result, format: format.id };
}

export interface Loaded {
  transcript: Transcript;
  diagnostics: Diagnostic[];
  format: TranscriptFormatId;
  encoding: EncodingName;
}

export type LoadResult = { ok: true; value: Loaded } | { ok: false; code: string; message: string };

/** Decodes and parses a file's bytes. Undecodable or binary input is an error result, never garbage. */
export function parseBytes(bytes: Uint8Array, options: ParseOptions = {}): LoadResult {
  const decoded = decodeBytes(bytes, options.encoding);
  if (!decoded.ok) return decoded;
  const { text, encoding } = decoded.value;
  const result = parseText(text, options);
  if (result.diagnostics.some((d) => d.severity === 'error') && result.transcript.segments.length === 0) {
    const first = result.diagnostics.find((d) => d.severity === 'error')!;
    return { ok: false, code: first.code, message: first.message + (first.line ? ` (line ${first.line})` : '') };
  }
  return { ok: true, value: { ...result, encoding } };
}

/** Serialises a transcript in a format that can be written; undefined when the format is read-only. */
export function serializeTranscript(transcript: Transcript, format: FormatId): string | undefined {
  return formatById(format)?.serialize?.(transcript);
}
