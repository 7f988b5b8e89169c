/**
 * The WebVTT file parsing algorithm (W3C WebVTT §6.1), over lines instead of code-point positions.
 *
 * 1. NUL becomes U+FFFD; CR LF and lone CR become LF (the decoder already did it; we stay robust).
 * 2. Signature: an optional BOM, then `WEBVTT` followed by end of file, space, tab or LF. Anything else
 *    (`webvtt`, `WEBVTT\f`, `WEBVTTX`, two BOMs, an empty file) rejects the whole file.
 * 3. Header: if the line after the signature is not empty, lines up to a blank line (or up to a line
 *    holding `-->`, which is left for step 4) are header text.
 * 4. Block loop: skip empty lines, then "collect a block": a line with `-->` that is the block's first
 *    line, or its second line when no arrow was seen yet, is a timing line (the first line then being the
 *    cue id); a later `-->` line ends the block and starts the next one. Before the first cue, a block whose
 *    first line is `STYLE` or `REGION` (plus optional whitespace) is a style sheet or a region definition.
 *    Everything else (NOTE comments, garbage, cues whose timing line fails the strict timestamp syntax) is
 *    dropped, as a browser drops it — with a diagnostic here, so the user knows.
 * Whitespace-only lines are not blank in this algorithm (only empty lines separate blocks), as in the spec.
 *
 * This layer returns cue text verbatim (markup and references as written), which is what the WPT and vtt.js
 * suites compare; vtt.ts turns it into Segments.
 */
import type { DiagnosticSink } from '../model/diagnostics';
import { parseVttTimingLine } from './timestamps';

/** A cue as the spec's parser produces it; times in ms, `text` is the cue's markup as written. */
export interface VttCue {
  id: string;
  start: number;
  end: number;
  /** The settings after the end time, whitespace-trimmed, as written. */
  settings: string;
  text: string;
  /** 1-based line where the cue block starts (its id line, else its timing line). */
  line: number;
}

/** The parse of a whole WebVTT file. `ok` is false when the signature was rejected. */
export interface VttDocument {
  ok: boolean;
  /**
   * Everything after `WEBVTT` up to the first blank line, verbatim: the rest of the signature line (with its
   * leading space or tab) and each header line preceded by `\n`. `WEBVTT` + header rebuilds the header.
   */
  header: string;
  cues: VttCue[];
  /** Bodies of the STYLE blocks (the lines after `STYLE`). */
  styles: string[];
  /** Bodies of the REGION blocks (the lines after `REGION`). */
  regions: string[];
  /** Number of NOTE comment blocks skipped. */
  notes: number;
}

type Block =
  | { kind: 'cue'; cue: VttCue }
  | { kind: 'style' | 'region' | 'other'; body: string[]; line: number; badTiming: number };

/** Splits text into lines the way the spec reads them: a final LF does not start another line. */
function toLines(text: string): string[] {
  let clean = text.includes('\0') ? text.replace(/\0/g, '\ufffd') : text;
  if (clean.includes('\r')) clean = clean.replace(/\r\n?/g, '\n');
  const lines = clean.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** True when `line` is a valid signature line (BOM already removed). */
export function isVttSignature(line: string): boolean {
  return line.startsWith('WEBVTT') && (line.length === 6 || line[6] === ' ' || line[6] === '\t');
}

const BLOCK_KEYWORD = /^(STYLE|REGION)[ \t\f\r]*$/;

class BlockReader {
  seenCue = false;
  constructor(private readonly lines: string[]) {}

  /** "Collect a WebVTT block" starting at line index `i`; returns the block and the next index. */
  read(start: number): { block: Block; next: number } {
    const lines = this.lines;
    let i = start;
    let count = 0;
    let seenArrow = false;
    let buffer: string[] = [];
    let cue: VttCue | null = null;
    let keyword: 'style' | 'region' | null = null;
    let badTiming = 0;
    while (i < lines.length) {
      const line = lines[i] ?? '';
      count++;
      i++;
      if (line.includes('-->')) {
        if (count === 1 || (count === 2 && !seenArrow)) {
          seenArrow = true;
          const timing = parseVttTimingLine(line);
          if (timing) {
            cue = { id: buffer.join('\n'), start: timing.start, end: timing.end, settings: timing.settings, text: '', line: start + 1 };
            buffer = [];
            this.seenCue = true;
          } else {
            cue = null;
            badTiming = i;
          }
        } else {
          i--;
          break;
        }
      } else if (line === '') {
        break;
      } else {
        if (count === 2 && !this.seenCue && buffer.length === 1) {
          const m = BLOCK_KEYWORD.exec(buffer[0] ?? '');
          if (m) {
            keyword = m[1] === 'STYLE' ? 'style' : 'region';
            buffer = [];
          }
        }
        buffer.push(line);
      }
    }
    if (cue) {
      cue.text = buffer.join('\n');
      return { block: { kind: 'cue', cue }, next: i };
    }
    return { block: { kind: keyword ?? 'other', body: buffer, line: start + 1, badTiming }, next: i };
  }
}

/** Skips the header block after the signature line; returns its lines and the index of the first body line. */
function readHeader(lines: string[]): { header: string[]; next: number } {
  const header: string[] = [];
  let i = 1;
  if (i >= lines.length || lines[i] === '') return { header, next: i };
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line === '' || line.includes('-->')) break;
    header.push(line);
    i++;
  }
  return { header, next: i };
}

function noteDropped(block: Extract<Block, { body: string[] }>, doc: VttDocument, sink: DiagnosticSink): void {
  if (block.badTiming > 0) {
    sink.error(block.badTiming, 'vtt.bad-timing', 'timing line does not follow the WebVTT syntax (hh:mm:ss.ttt or mm:ss.ttt); the cue was dropped, as browsers drop it');
  } else if (/^NOTE(?:$|[ \t])/.test(block.body[0] ?? '')) {
    doc.notes++;
  } else if (block.kind === 'style' || block.kind === 'region') {
    doc[block.kind === 'style' ? 'styles' : 'regions'].push(block.body.join('\n'));
  } else if (block.body.length > 0) {
    sink.warn(block.line, 'vtt.ignored-block', `a block without a timing line was ignored: "${(block.body[0] ?? '').slice(0, 40)}"`);
  }
}

/** Parses a WebVTT file per the spec, collecting diagnostics. Never throws on user data. */
export function parseVttDocument(text: string, sink: DiagnosticSink): VttDocument {
  const doc: VttDocument = { ok: false, header: '', cues: [], styles: [], regions: [], notes: 0 };
  const lines = toLines(text.startsWith('\ufeff') ? text.slice(1) : text);
  const first = lines[0];
  if (first === undefined || !isVttSignature(first)) {
    sink.error(1, 'vtt.bad-signature', first === undefined
      ? 'the file is empty; a WebVTT file starts with "WEBVTT"'
      : 'a WebVTT file must start with "WEBVTT" followed by a space, a tab or a line break; the file was not read');
    return doc;
  }
  doc.ok = true;
  const { header, next } = readHeader(lines);
  doc.header = first.slice(6) + header.map((l) => `\n${l}`).join('');
  const reader = new BlockReader(lines);
  let i = next;
  while (i < lines.length) {
    while (i < lines.length && lines[i] === '') i++;
    if (i >= lines.length) break;
    const { block, next: after } = reader.read(i);
    i = after;
    if (block.kind === 'cue') doc.cues.push(block.cue);
    else noteDropped(block, doc, sink);
  }
  return doc;
}
