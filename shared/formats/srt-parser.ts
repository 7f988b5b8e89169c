/**
 * Tolerant SubRip reading: one linear pass over the lines, driven by timing lines.
 *
 * SubRip has no normative grammar and real files break every informal rule, so the timing line is the
 * anchor: every line that parses as `start --> end` (timestamps.ts, tolerant) opens a new cue. The line just
 * before it, when it is a bare number, is that cue's index (and is taken back from the previous cue's text
 * if it had been read as text, which is how a missing blank line is survived). Lines after the timing line
 * are the cue's text until the next timing line; blank lines only matter at the edges: trailing ones end
 * the text, and a blank line followed by more text inside the same cue is dropped (the text lines are joined
 * with `\n`) with a diagnostic, since it usually means a damaged file (a lost timing line) rather than a
 * deliberate empty line. Lines before the first timing line (other than its index) are reported and skipped.
 * A line holding `-->` that does not parse is still treated as a (broken) timing line when it stands where a
 * timing line would (after an index, a blank line or at the top) or its left side reads as a timestamp: the
 * cue is kept untimed, with an error, rather than losing its text.
 *
 * Nothing here throws; every oddity becomes a diagnostic with its 1-based line.
 */
import type { DiagnosticSink } from '../model/diagnostics';
import { parseSrtTimestamp, parseSrtTimingLine } from './timestamps';

/** A cue as read from the file, before markup handling. */
export interface SrtCue {
  /** 1-based line of the index line, or of the timing line when there is no index. */
  line: number;
  index?: string;
  start?: number;
  end?: number;
  /** Text lines, verbatim (in-line spacing kept), without blank lines. */
  lines: string[];
}

const INDEX_LINE = /^[ \t]*\d+[ \t]*$/;
/** SubRip's optional display rectangle after the end time. */
const COORDINATES = /^(?:[XY][12]:-?\d+[ \t]*)+$/i;

function isBlank(line: string): boolean {
  return line.length === 0 || (line.trim() === '');
}

interface Open {
  cue: SrtCue;
  /** Line index (0-based) of the last text line appended, -1 when none. */
  lastTextAt: number;
  /** Blank lines seen since the last text line. */
  blanks: number;
  /** 1-based line of the first text line that followed a blank inside the cue, 0 when none. */
  blankInside: number;
}

/** Reads a broken timing line's start time, if its left side is a timestamp. */
function brokenTiming(line: string): number | undefined {
  const arrow = line.indexOf('-->');
  const start = parseSrtTimestamp(line.slice(0, arrow));
  return start === null ? undefined : start;
}

class SrtReader {
  readonly cues: SrtCue[] = [];
  private open: Open | null = null;
  private before: number[] = [];

  constructor(private readonly lines: string[], private readonly sink: DiagnosticSink) {}

  run(): SrtCue[] {
    const { lines } = this;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line.includes('>')) {
        const timing = parseSrtTimingLine(line);
        if (timing) {
          this.startCue(i, timing.start, timing.end);
          this.checkTiming(i, timing.rest, timing.outOfRange);
          continue;
        }
        if (line.includes('-->') && this.looksLikeTimingPosition(i, line)) {
          this.sink.error(i + 1, 'srt.bad-timing', `timing line not understood: "${line.trim().slice(0, 60)}"; the cue is kept without times`);
          this.startCue(i, brokenTiming(line), undefined);
          continue;
        }
      }
      if (isBlank(line)) {
        if (this.open) this.open.blanks++;
      } else this.addText(i, line);
    }
    this.finish();
    return this.cues;
  }

  private looksLikeTimingPosition(i: number, line: string): boolean {
    const prev = i > 0 ? this.lines[i - 1] ?? '' : '';
    return i === 0 || isBlank(prev) || INDEX_LINE.test(prev) || brokenTiming(line) !== undefined;
  }

  private addText(i: number, line: string): void {
    const open = this.open;
    if (!open) {
      this.before.push(i);
      return;
    }
    if (open.blanks > 0 && open.cue.lines.length > 0 && open.blankInside === 0) open.blankInside = i + 1;
    open.blanks = 0;
    open.cue.lines.push(line);
    open.lastTextAt = i;
  }

  /** Takes the index line (the line just before the timing line) back from wherever it was filed. */
  private takeIndex(i: number): string | undefined {
    const prev = i > 0 ? this.lines[i - 1] ?? '' : '';
    if (!INDEX_LINE.test(prev)) return undefined;
    const open = this.open;
    if (open && open.lastTextAt === i - 1) {
      open.cue.lines.pop();
      if (open.cue.lines.length > 0 && open.blanks === 0 && !isBlank(this.lines[i - 2] ?? '')) {
        this.sink.info(i, 'srt.missing-blank-line', 'no blank line before this cue');
      }
      if (open.blankInside === i) open.blankInside = 0;
    } else if (!open && this.before[this.before.length - 1] === i - 1) this.before.pop();
    return prev.trim();
  }

  private startCue(i: number, start: number | undefined, end: number | undefined): void {
    const index = this.takeIndex(i);
    this.finish();
    const cue: SrtCue = { line: index === undefined ? i + 1 : i, lines: [] };
    if (index !== undefined) cue.index = index;
    else this.sink.warn(i + 1, 'srt.missing-index', 'the cue has no index line');
    if (start !== undefined) cue.start = start;
    if (end !== undefined) cue.end = end;
    this.open = { cue, lastTextAt: -1, blanks: 0, blankInside: 0 };
  }

  private checkTiming(i: number, rest: string, outOfRange: boolean): void {
    if (outOfRange) this.sink.warn(i + 1, 'srt.time-out-of-range', 'a minute or second field is above 59; read as written');
    if (rest === '') return;
    if (COORDINATES.test(rest)) this.sink.info(i + 1, 'srt.coordinates-dropped', `display coordinates "${rest}" are not kept`);
    else this.sink.warn(i + 1, 'srt.timing-trailing-text', `text after the end time ignored: "${rest.slice(0, 40)}"`);
  }

  private finish(): void {
    if (this.before.length > 0) {
      const first = this.before[0] ?? 0;
      this.sink.warn(first + 1, 'srt.text-before-first-cue', `${this.before.length} line(s) before the first cue were skipped: "${(this.lines[first] ?? '').trim().slice(0, 40)}"`);
      this.before = [];
    }
    const open = this.open;
    if (!open) return;
    this.open = null;
    if (open.blankInside > 0) {
      this.sink.warn(open.blankInside, 'srt.blank-line-in-text', 'a blank line inside the cue text was dropped (was a timing line lost?)');
    }
    if (open.cue.lines.length === 0) this.sink.info(open.cue.line, 'srt.empty-cue', 'the cue has no text');
    this.cues.push(open.cue);
  }
}

/** Reads SubRip text into cues, collecting diagnostics. Never throws on user data. */
export function readSrtCues(text: string, sink: DiagnosticSink): SrtCue[] {
  let clean = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (clean.includes('\r')) clean = clean.replace(/\r\n?/g, '\n');
  return new SrtReader(clean.split('\n'), sink).run();
}
