/** Times are integer milliseconds everywhere in the model; these helpers format and parse them. */

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Splits milliseconds into clock parts; negative input clamps to 0. */
export function clockParts(ms: number): { h: number; m: number; s: number; ms: number } {
  const t = Math.max(0, Math.round(ms));
  return { h: Math.floor(t / 3_600_000), m: Math.floor(t / 60_000) % 60, s: Math.floor(t / 1000) % 60, ms: t % 1000 };
}

/** `HH:MM:SS,mmm` (SRT) or `HH:MM:SS.mmm` (WebVTT) with the given fraction separator. */
export function formatClock(ms: number, separator: ',' | '.'): string {
  const t = Math.max(0, Math.round(ms));
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor(t / 60_000) % 60;
  const s = Math.floor(t / 1000) % 60;
  const f = t % 1000;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${s < 10 ? '0' : ''}${s}${separator}${f < 10 ? '00' : f < 100 ? '0' : ''}${f}`;
}

/** Short human form for lists: `1:02:03` or `2:03`. */
export function formatShort(ms: number): string {
  const p = clockParts(ms);
  return p.h > 0 ? `${p.h}:${pad(p.m, 2)}:${pad(p.s, 2)}` : `${p.m}:${pad(p.s, 2)}`;
}

/**
 * Reads a fraction of a second written after `.` or `,` as decimal seconds: `5` = 500 ms, `04` = 40 ms,
 * `123` = 123 ms, `9670` = 967 ms (truncated), as srt-parser-2 and go-astisub both do.
 */
export function fractionToMs(fraction: string): number {
  if (fraction === '') return 0;
  return Number((fraction + '000').slice(0, 3));
}
