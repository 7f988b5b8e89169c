/**
 * SubRip (.srt) import and export.
 *
 * Import (srt-parser.ts reads the cues; this file makes Segments):
 * - `raw` is the cue's text lines joined with `\n`, verbatim (in-line double spaces kept), minus the
 *   formatting markup SubRip players understand: `<i> <b> <u> <s>` and their end tags, `<font …>`/`</font>`,
 *   and `{\…}` SSA override blocks such as `{\an8}`. Jiaodui's raw is the spoken text that detectors and
 *   offsets work on, the same whichever format it came from (vtt.ts does likewise), so formatting is not
 *   carried; one info diagnostic counts the cues that had some. Anything else in angle brackets
 *   (`a <b c`, `<sup>`) and `&entities;` are text in SubRip and stay as written. Stripping repeats until
 *   nothing matches, so raw never contains a tag the next import would strip: the round trip holds.
 * - `cueId` is the index as written, `sourceLine` the index line (or the timing line when there is none);
 *   missing, repeated, out-of-order and non-contiguous indices, end-before-start, overlaps and dropped coordinates are
 *   diagnostics. No speaker: SubRip has no speaker field and we do not guess one from `MAN:` prefixes.
 *
 * Export: `N\nHH:MM:SS,mmm --> HH:MM:SS,mmm\ntext\n\n`, renumbered from 1. Empty lines inside raw are
 * dropped (an empty line would end the cue). Missing times are written as 0 (the caller estimates times
 * first and warns). Times go through model/time.ts `formatClock`, not the `subtitle` package: that package
 * pulls in Node streams, which shared/ must not import; its parser is also strict (it rejects 1-digit hours,
 * missing milliseconds and coordinates), which is why reading is our own. Tests use it as an oracle.
 */
import { DiagnosticSink } from '../model/diagnostics';
import { detectLang } from '../model/lang';
import type { Segment } from '../model/segment';
import { formatClock } from '../model/time';
import { emptyTranscript, type ParseResult, type Transcript } from '../model/transcript';
import type { FormatModule } from './format';
import { readSrtCues, type SrtCue } from './srt-parser';

const MARKUP = /<\/?[ibus]>|<font\b[^>]*>|<\/font>|\{\\[^}]*\}/gi;

/** Removes SubRip formatting markup until none is left (so `<<i>i>` cannot turn into a new tag). */
export function stripSrtMarkup(text: string): string {
  if (!text.includes('<') && !text.includes('{')) return text;
  let current = text;
  for (let pass = 0; pass < 16; pass++) {
    const next = current.replace(MARKUP, '');
    if (next === current) return next;
    current = next;
  }
  return current;
}

/** Lines that markup removal left blank would end the cue on export: they go. */
function dropBlankLines(text: string): string {
  return text.split('\n').filter((line) => line.trim() !== '').join('\n');
}

/** Checks that indices count up by one: a repeat is a duplicate, a step back or a jump is reported too. */
class IndexChecker {
  private previous = 0;
  constructor(private readonly sink: DiagnosticSink) {}

  check(cue: SrtCue): void {
    if (cue.index === undefined) return;
    const n = Number(cue.index);
    if (n === this.previous + 1) {
      this.previous = n;
      return;
    }
    if (n === this.previous) this.sink.warn(cue.line, 'srt.duplicate-index', `index ${cue.index} repeats the previous one`);
    else if (n < this.previous) this.sink.warn(cue.line, 'srt.index-order', `index ${cue.index} comes after ${this.previous}`);
    else this.sink.info(cue.line, 'srt.index-gap', `index ${cue.index} follows ${this.previous}`);
    this.previous = n;
  }
}

/** Parses SubRip text into a transcript. Never throws on user data. */
export function parseSrt(text: string): ParseResult {
  const sink = new DiagnosticSink();
  const cues = readSrtCues(text, sink);
  const transcript = emptyTranscript();
  const indices = new IndexChecker(sink);
  let markup = 0;
  let lastEnd: number | undefined;
  for (const cue of cues) {
    const joined = cue.text;
    let raw = stripSrtMarkup(joined);
    if (raw !== joined) {
      markup++;
      raw = dropBlankLines(raw);
    }
    const segment: Segment = { id: `s${transcript.segments.length + 1}`, sourceLine: cue.line, lang: detectLang(raw), raw };
    if (cue.start !== undefined) segment.start = cue.start;
    if (cue.end !== undefined) segment.end = cue.end;
    if (cue.index !== undefined) segment.cueId = cue.index;
    indices.check(cue);
    if (cue.start !== undefined && cue.end !== undefined) {
      if (cue.end < cue.start) sink.warn(cue.line, 'srt.end-before-start', 'the cue ends before it starts');
      if (lastEnd !== undefined && cue.start < lastEnd) sink.info(cue.line, 'srt.overlap', 'the cue starts before the previous one ends (kept)');
      lastEnd = cue.end;
    }
    transcript.segments.push(segment);
  }
  if (markup > 0) sink.info(0, 'srt.markup-dropped', `formatting tags were removed from ${markup} cue(s); the text is kept`);
  if (cues.length === 0) {
    if (text.trim() === '') sink.warn(0, 'srt.empty', 'the file is empty');
    else sink.error(0, 'srt.no-cues', 'no SubRip timing line ("00:00:01,000 --> 00:00:02,000") was found');
  }
  return { transcript, diagnostics: sink.items };
}

/** A raw text with an empty or blank line (which would end the cue early), or nothing but white space. */
const BLANK_LINE = /^[^\S\n]*(?:\n|$)|\n[^\S\n]*(?:\n|$)/;

/** One cue block, ending with a blank line. */
function cueBlock(segment: Segment, n: number): string {
  const start = segment.start ?? 0;
  const end = segment.end ?? start;
  const raw = segment.raw;
  const text = BLANK_LINE.test(raw) ? raw.split('\n').filter((line) => line.trim() !== '').join('\n') : raw;
  return `${n}\n${formatClock(start, ',')} --> ${formatClock(end, ',')}\n${text}${text === '' ? '' : '\n'}\n`;
}

/** Serialises a transcript as SubRip, renumbering cues from 1. */
export function serializeSrt(transcript: Transcript): string {
  const blocks = new Array<string>(transcript.segments.length);
  transcript.segments.forEach((segment, i) => {
    blocks[i] = cueBlock(segment, i + 1);
  });
  return blocks.join('');
}

const SNIFF_TIMING = /^[ \t]*(?:\d{1,3}:)?\d{1,2}:\d{1,2}(?:[,.]\d{1,4})?[ \t]*-{1,2}>[ \t]*(?:\d{1,3}:)?\d{1,2}:\d{1,2}/;

/** Scores SubRip from the first 4 KB: timing lines, preceded by index lines, and no WEBVTT signature. */
export function sniffSrt(text: string): number {
  const head = (text.startsWith('\ufeff') ? text.slice(1) : text).slice(0, 4096);
  if (/^\s*WEBVTT/.test(head)) return 0.1;
  const lines = head.split(/\r\n?|\n/);
  let timings = 0;
  let indexed = 0;
  let commas = 0;
  lines.forEach((line, i) => {
    if (!SNIFF_TIMING.test(line)) return;
    timings++;
    if (line.includes(',')) commas++;
    if (i > 0 && /^[ \t]*\d+[ \t]*$/.test(lines[i - 1] ?? '')) indexed++;
  });
  if (timings === 0) return 0;
  let score = 0.6;
  if (indexed > 0) score += 0.3 * (indexed / timings);
  if (commas > 0) score += 0.1;
  return Math.min(1, Math.round(score * 100) / 100);
}

/** The SubRip format module. */
export const srtFormat: FormatModule = {
  id: 'srt',
  title: 'SubRip',
  extensions: ['.srt'],
  sniff: sniffSrt,
  parse: parseSrt,
  serialize: serializeSrt,
};
