/**
 * Timestamp reading for the subtitle formats, in two temperaments.
 *
 * SRT has no normative grammar, so `parseSrtTimingLine` is tolerant the way real files need: 1-3 digit
 * hours (or none: `mm:ss`), 1-2 digit minutes and seconds, `,` or `.` before the fraction, a 1-4 digit
 * fraction read as decimal seconds (`,04` = 40 ms, `.9` = 900 ms, `.9670` = 967 ms, see `fractionToMs`),
 * or no fraction at all (`00:01:39`), `-->` or `->` as the arrow, and anything after the end time returned as
 * `rest` (SubRip's `X1:40 X2:600 Y1:20 Y2:50` coordinates) for the caller to judge.
 *
 * WebVTT has a normative algorithm ("collect a WebVTT timestamp", W3C WebVTT §6.2), followed step by step in
 * `collectVttTimestamp`: `mm:ss.ttt` or `h…h:mm:ss.ttt`, exactly two digits for minutes and seconds (each
 * ≤ 59), exactly three for the fraction, any number (≥ 1) for hours; a first field that is not exactly two
 * digits or is above 59 must be hours. Anything else fails, as it does in browsers.
 *
 * All results are integer milliseconds.
 */
import { fractionToMs } from '../model/time';

/** A parsed SRT timing line. `start`/`end` are absent when that side could not be read. */
export interface SrtTiming {
  start: number;
  end: number;
  /** Text after the end time, trimmed (coordinates, garbage); '' when none. */
  rest: string;
  /** True when a minute or second field was above 59 (accepted, but worth a diagnostic). */
  outOfRange: boolean;
}

const SRT_TIME = String.raw`(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[,.](\d{1,4}))?`;
const SRT_TIMING_LINE = new RegExp(String.raw`^[ \t]*${SRT_TIME}[ \t]*-{1,2}>[ \t]*${SRT_TIME}(.*)$`);

function srtMs(h: string | undefined, m: string, s: string, f: string | undefined): number {
  return (Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s)) * 1000 + fractionToMs(f ?? '');
}

/** Reads an SRT timing line (`00:00:01,000 --> 00:00:02,500`, tolerant); null when the line is not one. */
export function parseSrtTimingLine(line: string): SrtTiming | null {
  const m = SRT_TIMING_LINE.exec(line);
  if (!m) return null;
  const [, h1, m1 = '0', s1 = '0', f1, h2, m2 = '0', s2 = '0', f2, rest = ''] = m;
  const outOfRange = Number(m1) > 59 || Number(s1) > 59 || Number(m2) > 59 || Number(s2) > 59;
  return { start: srtMs(h1, m1, s1, f1), end: srtMs(h2, m2, s2, f2), rest: rest.trim(), outOfRange };
}

/** Reads one tolerant SRT timestamp on its own (`1:1:5,000`, `00:00:28.9670`); null when it is not one. */
export function parseSrtTimestamp(text: string): number | null {
  const m = new RegExp(`^${SRT_TIME}$`).exec(text.trim());
  if (!m) return null;
  return srtMs(m[1], m[2] ?? '0', m[3] ?? '0', m[4]);
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
