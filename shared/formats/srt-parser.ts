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
 * A cue's text is one slice of the input when its lines are contiguous (the usual case), so large files
 * cost one string per cue. Nothing here throws; every oddity becomes a diagnostic with its 1-based line.
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
  /** Text lines joined by `\n`, verbatim (in-line spacing kept), without blank lines. */
  text: string;
}

const INDEX_LINE = /^[ \t]*\d+[ \t]*$/;
/** SubRip's optional display rectangle after the end time. */
const COORDINATES = /^(?:[XY][12]:-?\d+[ \t]*)+$/i;

function isBlank(line: string): boolean {
  if (line.length === 0) return true;
  const c = line.charCodeAt(0);
  // Fast path: a line starting with a visible character is not blank (most lines).
  return c <= 32 || c === 0xa0 || c === 0x3000 || c === 0xfeff ? line.trim() === '' : false;
}

/** Reads a broken timing line's start time, if its left side is a timestamp. */
function brokenTiming(line: string): number | undefined {
  const arrow = line.indexOf('-->');
  const start = parseSrtTimestamp(line.slice(0, arrow));
  return start === null ? undefined : start;
}

class SrtReader {
  readonly cues: SrtCue[] = [];
  /** The cue being read (its fields below are kept flat: this runs once per line of large files). */
  private open: SrtCue | null = null;
  /** Text lines of the open cue, and the line indices and text offsets of its first, last and second-last. */
  private textCount = 0;
  private firstTextAt = -1;
  private lastTextAt = -1;
  private previousTextAt = -1;
  private firstStart = 0;
  private lastEnd = 0;
  private previousEnd = 0;
  /** Blank lines seen since the open cue's last text line. */
  private blanks = 0;
  /** 1-based line of the first text line that followed a blank inside the open cue, 0 when none. */
  private blankInside = 0;
  /** Line indices of text before the first cue. */
  private before: number[] = [];

  private readonly lines: string[];

  constructor(private readonly text: string, private readonly sink: DiagnosticSink) {
    this.lines = text.split('\n');
  }

  run(): SrtCue[] {
    const { lines } = this;
    let pos = 0;
    for (let i = 0; i < lines.length; pos += (lines[i]?.length ?? 0) + 1, i++) {
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
      if (isBlank(line)) this.blanks++;
      else this.addText(i, pos, pos + line.length);
    }
    this.finish();
    return this.cues;
  }

  private looksLikeTimingPosition(i: number, line: string): boolean {
    const prev = i > 0 ? this.lines[i - 1] ?? '' : '';
    return i === 0 || isBlank(prev) || INDEX_LINE.test(prev) || brokenTiming(line) !== undefined;
  }

  private addText(i: number, start: number, end: number): void {
    if (!this.open) {
      this.before.push(i);
      return;
    }
    if (this.blanks > 0 && this.textCount > 0 && this.blankInside === 0) this.blankInside = i + 1;
    this.blanks = 0;
    if (this.textCount++ === 0) {
      this.firstTextAt = i;
      this.firstStart = start;
    }
    this.previousTextAt = this.lastTextAt;
    this.previousEnd = this.lastEnd;
    this.lastTextAt = i;
    this.lastEnd = end;
  }

  /** Takes the index line (the line just before the timing line) back from wherever it was filed. */
  private takeIndex(i: number): string | undefined {
    const prev = i > 0 ? this.lines[i - 1] ?? '' : '';
    if (!INDEX_LINE.test(prev)) return undefined;
    const open = this.open;
    if (open && this.textCount > 0 && this.lastTextAt === i - 1) {
      this.textCount--;
      this.lastTextAt = this.previousTextAt;
      this.lastEnd = this.previousEnd;
      if (this.textCount > 0 && this.blanks === 0 && !isBlank(this.lines[i - 2] ?? '')) {
        this.sink.info(i, 'srt.missing-blank-line', 'no blank line before this cue');
      }
      if (this.blankInside === i) this.blankInside = 0;
    } else if (!open && this.before[this.before.length - 1] === i - 1) this.before.pop();
    return prev.trim();
  }

  private startCue(i: number, start: number | undefined, end: number | undefined): void {
    const index = this.takeIndex(i);
    this.finish();
    const cue: SrtCue = { line: index === undefined ? i + 1 : i, text: '' };
    if (index !== undefined) cue.index = index;
    else this.sink.warn(i + 1, 'srt.missing-index', 'the cue has no index line');
    if (start !== undefined) cue.start = start;
    if (end !== undefined) cue.end = end;
    this.open = cue;
    this.textCount = 0;
    this.lastTextAt = -1;
    this.blanks = 0;
    this.blankInside = 0;
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
    if (this.textCount === 0) this.sink.info(open.line, 'srt.empty-cue', 'the cue has no text');
    else if (this.blankInside === 0) open.text = this.text.slice(this.firstStart, this.lastEnd);
    else {
      this.sink.warn(this.blankInside, 'srt.blank-line-in-text', 'a blank line inside the cue text was dropped (was a timing line lost?)');
      open.text = this.lines.slice(this.firstTextAt, this.lastTextAt + 1).filter((l) => !isBlank(l)).join('\n');
    }
    this.cues.push(open);
  }
}

/** Reads SubRip text into cues, collecting diagnostics. Never throws on user data. */
export function readSrtCues(text: string, sink: DiagnosticSink): SrtCue[] {
  let clean = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (clean.includes('\r')) clean = clean.replace(/\r\n?/g, '\n');
  return new SrtReader(clean, sink).run();
}
