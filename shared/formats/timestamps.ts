/**
 * Timestamp reading for the subtitle formats, in two temperaments.
 *
 * SRT has no normative grammar, so `parseSrtTimingLine` is tolerant the way real files need: 1-3 digit
 * hours (or none: `mm:ss`), 1-2 digit minutes and seconds, `,` or `.` before the fraction, a fraction read
 * as decimal seconds from its first three digits (`,04` = 40 ms, `.9` = 900 ms, `.9670` = 967 ms: the rule
 * of model/time.ts `fractionToMs`), or no fraction at all (`00:01:39`), `-->` or `->` as the arrow, and
 * anything after the end time returned as `rest` (SubRip's `X1:40 X2:600 Y1:20 Y2:50` coordinates) for the
 * caller to judge. It is a hand-written scanner, not a regular expression, because it runs on every line
 * holding a `>` and dominated the parse time of large files.
 *
 * WebVTT has a normative algorithm ("collect a WebVTT timestamp", W3C WebVTT §6.2), followed step by step in
 * `collectVttTimestamp`: `mm:ss.ttt` or `h…h:mm:ss.ttt`, exactly two digits for minutes and seconds (each
 * ≤ 59), exactly three for the fraction, any number (≥ 1) for hours; a first field that is not exactly two
 * digits or is above 59 must be hours. Anything else fails, as it does in browsers.
 *
 * All results are integer milliseconds.
 */

/** A parsed SRT timing line (ms). */
export interface SrtTiming {
  start: number;
  end: number;
  /** Text after the end time, trimmed (coordinates, garbage); '' when none. */
  rest: string;
  /** True when a minute or second field was above 59 (accepted, but worth a diagnostic). */
  outOfRange: boolean;
}

/** Scanner state for `scanSrtTime` (module-level so the hot loop allocates nothing). */
let scanEnd = 0;
let scanOutOfRange = false;

/**
 * Scans `[h[h[h]]:]m[m]:s[s][(,|.)f…]` at `pos`; returns ms (and sets `scanEnd`) or -1. The fraction is read
 * as decimal seconds from its first three digits, like `fractionToMs`.
 */
function scanSrtTime(s: string, pos: number): number {
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let count = 0;
  let i = pos;
  for (;;) {
    const from = i;
    let value = 0;
    let c = s.charCodeAt(i);
    while (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      c = s.charCodeAt(++i);
    }
    if (i === from || i - from > 3) return -1;
    if (count === 0) g0 = value;
    else if (count === 1) g1 = value;
    else g2 = value;
    count++;
    if (c !== 58 /* : */ || count === 3) break;
    i++;
  }
  if (count < 2) return -1;
  const h = count === 3 ? g0 : 0;
  const m = count === 3 ? g1 : g0;
  const sec = count === 3 ? g2 : g1;
  if (m > 99 || sec > 99) return -1;
  if (m > 59 || sec > 59) scanOutOfRange = true;
  let ms = 0;
  const sep = s.charCodeAt(i);
  let c = s.charCodeAt(i + 1);
  if ((sep === 44 || sep === 46) && c >= 48 && c <= 57) {
    i++;
    let scale = 100;
    while (c >= 48 && c <= 57) {
      ms += (c - 48) * scale;
      scale = (scale / 10) | 0;
      c = s.charCodeAt(++i);
    }
  }
  scanEnd = i;
  return (h * 3600 + m * 60 + sec) * 1000 + ms;
}

function skipBlanks(s: string, i: number): number {
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  return i;
}

/** Reads an SRT timing line (`00:00:01,000 --> 00:00:02,500`, tolerant); null when the line is not one. */
export function parseSrtTimingLine(line: string): SrtTiming | null {
  scanOutOfRange = false;
  const start = scanSrtTime(line, skipBlanks(line, 0));
  if (start < 0) return null;
  let i = skipBlanks(line, scanEnd);
  if (line.charCodeAt(i) === 45 /* - */) i++;
  if (line.charCodeAt(i) === 45) i++;
  if (line.charCodeAt(i) !== 62 /* > */ || line.charCodeAt(i - 1) !== 45) return null;
  const end = scanSrtTime(line, skipBlanks(line, i + 1));
  if (end < 0) return null;
  const rest = scanEnd < line.length ? line.slice(scanEnd).trim() : '';
  return { start, end, rest, outOfRange: scanOutOfRange };
}

/** Reads one tolerant SRT timestamp on its own (`1:1:5,000`, `00:00:28.9670`); null when it is not one. */
export function parseSrtTimestamp(text: string): number | null {
  const trimmed = text.trim();
  const ms = scanSrtTime(trimmed, 0);
  return ms < 0 || scanEnd !== trimmed.length ? null : ms;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Index just past the run of ASCII digits starting at `pos`. */
function digitsEnd(s: string, pos: number): number {
  let i = pos;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i;
}

/**
 * "Collect a WebVTT timestamp" from `s` at `pos`. Returns the time in ms and the position after it,
 * or null on failure (the caller then drops the cue, as the spec says).
 */
export function collectVttTimestamp(s: string, pos: number): { ms: number; pos: number } | null {
  if (pos >= s.length || !isDigit(s.charCodeAt(pos))) return null;
  let end = digitsEnd(s, pos);
  const first = s.slice(pos, end);
  let v1 = Number(first);
  const hoursFirst = first.length !== 2 || v1 > 59;
  if (s[end] !== ':') return null;
  pos = end + 1;
  end = digitsEnd(s, pos);
  if (end - pos !== 2) return null;
  let v2 = Number(s.slice(pos, end));
  pos = end;
  let v3: number;
  if (hoursFirst || s[pos] === ':') {
    if (s[pos] !== ':') return null;
    pos++;
    end = digitsEnd(s, pos);
    if (end - pos !== 2) return null;
    v3 = Number(s.slice(pos, end));
    pos = end;
  } else {
    v3 = v2;
    v2 = v1;
    v1 = 0;
  }
  if (s[pos] !== '.') return null;
  pos++;
  end = digitsEnd(s, pos);
  if (end - pos !== 3) return null;
  const v4 = Number(s.slice(pos, end));
  if (v2 > 59 || v3 > 59) return null;
  return { ms: (v1 * 3600 + v2 * 60 + v3) * 1000 + v4, pos: end };
}

/** True for the characters the WebVTT spec calls ASCII whitespace (tab, LF, FF, CR, space). */
export function isVttSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\f' || ch === '\r';
}

/**
 * "Collect WebVTT cue timings and settings" minus the settings parse: start, end, and the raw settings
 * string after the end time (trimmed). Null when the line is not a valid timing line.
 */
export function parseVttTimingLine(line: string): { start: number; end: number; settings: string } | null {
  let pos = 0;
  while (isVttSpace(line[pos])) pos++;
  const start = collectVttTimestamp(line, pos);
  if (!start) return null;
  pos = start.pos;
  while (isVttSpace(line[pos])) pos++;
  if (!line.startsWith('-->', pos)) return null;
  pos += 3;
  while (isVttSpace(line[pos])) pos++;
  const end = collectVttTimestamp(line, pos);
  if (!end) return null;
  return { start: start.ms, end: end.ms, settings: line.slice(end.pos).replace(/^[ \t\n\f\r]+|[ \t\n\f\r]+$/g, '') };
}
