/**
 * WebVTT (.vtt) import and export.
 *
 * Import runs the W3C file parsing algorithm (vtt-parser.ts: signature, header, STYLE/REGION/NOTE blocks,
 * cue ids, strict timestamps) and then maps each cue to a Segment:
 * - `raw` is the cue's *plain text*: tags removed, character references decoded (`&amp;` → `&`, `&nbsp;` →
 *   U+00A0), `<rt>` ruby annotations left out (vtt-cue-text.ts). Jiaodui's raw is the spoken text that
 *   detectors and offsets work on, and it must mean the same thing whichever format it came from, so
 *   markup (italics, classes, karaoke timestamps) is not kept; one info diagnostic counts the cues that had
 *   some. Decoding references is safe only because export escapes `&`, `<`, `>` again: the round trip holds.
 * - a cue whose voice spans all name one speaker (`<v Mary>No way!`) gets `speaker: 'Mary'`; a cue with
 *   several different voices keeps no speaker and gets an info diagnostic.
 * - `cueId` is the cue identifier, `settings` the raw settings string (validated by vtt-settings.ts; bad
 *   tokens become warnings but are kept so an export writes back what the user had).
 * - header text, STYLE and REGION bodies go to `transcript.metadata` under `vtt.header`, `vtt.styles`,
 *   `vtt.regions` (blocks joined by a blank line; a body never contains one) so export can rebuild them.
 *   NOTE comments are not kept (counted in an info diagnostic).
 * A rejected signature yields no segments and an error diagnostic; a cue with a malformed timing line is
 * dropped with an error, exactly as browsers do (see docs/conformance.md for peers that are laxer).
 *
 * Export writes `WEBVTT`, the kept header/STYLE/REGION blocks, then per segment an optional id line,
 * `hh:mm:ss.ttt --> hh:mm:ss.ttt [settings]`, and the escaped text (`<v Speaker>` first when there is one).
 * Empty lines inside raw are dropped (an empty line would end the cue); ids or settings that could break
 * the file (line breaks, `-->`) are left out. Output checked with `ffmpeg -i` (5.1): accepted, except that
 * ffmpeg drops all cues after a STYLE/REGION block (its bug, trac #9064; see `VttWriteOptions`). Missing times are written as 0 (the caller estimates times
 * first and warns).
 */
import { DiagnosticSink } from '../model/diagnostics';
import { detectLang } from '../model/lang';
import type { Segment } from '../model/segment';
import { formatClock } from '../model/time';
import { emptyTranscript, type ParseResult, type Transcript } from '../model/transcript';
import type { FormatModule } from './format';
import { cueTextToPlain, escapeCueText } from './vtt-cue-text';
import { isVttSignature, parseVttDocument, type VttCue, type VttDocument } from './vtt-parser';
import { parseCueSettings, parseRegionSettings } from './vtt-settings';

/** Metadata keys under which the WebVTT header and blocks are kept. */
export const VTT_METADATA = { header: 'vtt.header', styles: 'vtt.styles', regions: 'vtt.regions' } as const;

function toSegment(cue: VttCue, n: number, regionIds: string[], sink: DiagnosticSink): { segment: Segment; markup: boolean } {
  const plain = cueTextToPlain(cue.text);
  // Markup removal can leave an empty line (`<b></b>` alone on a line); an empty line would end the cue on export.
  const raw = plain.text.includes('\n') ? plain.text.split('\n').filter((line) => line !== '').join('\n') : plain.text;
  const segment: Segment = { id: `s${n}`, sourceLine: cue.line, start: cue.start, end: cue.end, lang: detectLang(raw), raw };
  if (cue.id !== '') segment.cueId = cue.id;
  if (cue.settings !== '') {
    segment.settings = cue.settings;
    const ignored = parseCueSettings(cue.settings, regionIds).ignored;
    if (ignored.length > 0) sink.warn(cue.line, 'vtt.bad-setting', `cue settings not understood (kept as written): ${ignored.join(' ')}`);
  }
  if (plain.speaker !== undefined) segment.speaker = plain.speaker;
  if (plain.voices.length > 1) sink.info(cue.line, 'vtt.multiple-voices', `the cue has several voices (${plain.voices.join(', ')}); no speaker was kept`);
  if (cue.end < cue.start) sink.warn(cue.line, 'vtt.end-before-start', 'the cue ends before it starts');
  return { segment, markup: plain.droppedMarkup };
}

function metadataOf(doc: VttDocument): Record<string, string> {
  const metadata: Record<string, string> = {};
  if (doc.header !== '') metadata[VTT_METADATA.header] = doc.header;
  if (doc.styles.length > 0) metadata[VTT_METADATA.styles] = doc.styles.join('\n\n');
  if (doc.regions.length > 0) metadata[VTT_METADATA.regions] = doc.regions.join('\n\n');
  return metadata;
}

/** Parses a WebVTT file into a transcript. Never throws on user data. */
export function parseVtt(text: string): ParseResult {
  const sink = new DiagnosticSink();
  const doc = parseVttDocument(text, sink);
  const transcript = emptyTranscript();
  if (!doc.ok) return { transcript, diagnostics: sink.items };
  transcript.metadata = metadataOf(doc);
  const regionIds = doc.regions.map((r) => parseRegionSettings(r).id).filter((id) => id !== '');
  let markup = 0;
  doc.cues.forEach((cue, i) => {
    const { segment, markup: had } = toSegment(cue, i + 1, regionIds, sink);
    transcript.segments.push(segment);
    if (had) markup++;
  });
  if (markup > 0) sink.info(0, 'vtt.markup-dropped', `formatting tags were removed from ${markup} cue(s); the text is kept`);
  if (doc.notes > 0) sink.info(0, 'vtt.notes-dropped', `${doc.notes} NOTE comment block(s) are not kept`);
  if (doc.cues.length === 0) sink.warn(0, 'vtt.no-cues', 'the file has no cues');
  return { transcript, diagnostics: sink.items };
}

/** A header that keeps the file valid: starts with space/tab/LF, no blank lines, no `-->` after line 1. */
function safeHeader(header: string | undefined): string {
  if (!header) return '';
  // The signature line may carry anything (even `-->`); a later header line with `-->` would start a cue.
  const lines = header.split('\n').filter((line, i) => i === 0 || (line !== '' && !line.includes('-->')));
  const joined = lines.join('\n');
  if (joined === '') return '';
  return /^[ \t\n]/.test(joined) ? joined : ` ${joined}`;
}

function blocks(keyword: string, joined: string | undefined): string {
  if (!joined) return '';
  return joined.split(/\n{2,}/).filter((b) => b.trim() !== '' && !b.includes('-->')).map((b) => `${keyword}\n${b}\n\n`).join('');
}

function isSafeLine(value: string | undefined): value is string {
  return value !== undefined && value !== '' && !value.includes('\n') && !value.includes('-->');
}

/** One cue block, ending with a blank line. */
function cueBlock(segment: Segment): string {
  const start = segment.start ?? 0;
  const end = segment.end ?? start;
  const settings = isSafeLine(segment.settings) && segment.settings.trim() !== '' ? ` ${segment.settings.trim()}` : '';
  const id = isSafeLine(segment.cueId) ? `${segment.cueId}\n` : '';
  const text = segment.raw.split('\n').filter((line) => line !== '').map(escapeCueText).join('\n');
  const speaker = segment.speaker?.replace(/\s+/g, ' ').trim();
  // A name ending in `-` would form `-->` with the tag's `>`: its last `-` goes as a character reference.
  const voice = speaker ? `<v ${escapeCueText(speaker).replace(/-$/, '&#45;')}>` : '';
  const body = voice + text;
  return `${id}${formatClock(start, '.')} --> ${formatClock(end, '.')}${settings}\n${body}${body === '' ? '' : '\n'}\n`;
}

/** Export choices. */
export interface VttWriteOptions {
  /**
   * Write the kept STYLE and REGION blocks (default true, so a round trip keeps them). ffmpeg's WebVTT
   * demuxer (5.1 here; trac #9064) stops reading at a STYLE or REGION block and loses every cue after it,
   * so an "ffmpeg-compatible" export should pass false.
   */
  styleAndRegionBlocks?: boolean;
}

/** Serialises a transcript as WebVTT. */
export function serializeVtt(transcript: Transcript, options: VttWriteOptions = {}): string {
  const meta = transcript.metadata;
  let out = `WEBVTT${safeHeader(meta[VTT_METADATA.header])}\n\n`;
  if (options.styleAndRegionBlocks !== false) {
    out += blocks('STYLE', meta[VTT_METADATA.styles]) + blocks('REGION', meta[VTT_METADATA.regions]);
  }
  for (const segment of transcript.segments) out += cueBlock(segment);
  return out;
}

/** 1 for a valid signature; lower for near misses (so our parser reports why), from the first 4 KB. */
export function sniffVtt(text: string): number {
  const head = (text.startsWith('\ufeff') ? text.slice(1) : text).slice(0, 4096);
  const firstLine = head.split('\n', 1)[0] ?? '';
  if (isVttSignature(firstLine.replace(/\r$/, ''))) return 1;
  if (/^\s*WEBVTT/i.test(head)) return 0.6;
  if (/^\s*(?:\d+:)?\d{2}:\d{2}\.\d{3}[ \t]+-->[ \t]+(?:\d+:)?\d{2}:\d{2}\.\d{3}/m.test(head)) return 0.2;
  return 0;
}

/** The WebVTT format module. */
export const vttFormat: FormatModule = {
  id: 'vtt',
  title: 'WebVTT',
  extensions: ['.vtt'],
  sniff: sniffVtt,
  parse: parseVtt,
  serialize: (transcript) => serializeVtt(transcript),
};
