/** Small helpers for reading untrusted JSON shapes without throwing. */

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Seconds (float) to integer milliseconds. */
export function secondsToMs(v: unknown): number | undefined {
  const n = num(v);
  return n === undefined ? undefined : Math.round(n * 1000);
}

/** Parses JSON text, returning the error message instead of throwing. */
export function tryJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

/**
 * 1-based line of the n-th occurrence of `"key"` in JSON text, so diagnostics and `sourceLine` point into
 * the file, counting from offset `from`. Scans once; returns a lookup function.
 */
export function keyLines(text: string, key: string, from = 0): (n: number) => number {
  const lines: number[] = [];
  const needle = `"${key}"`;
  let line = 1;
  let last = 0;
  for (let at = text.indexOf(needle, from); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    for (let i = last; i < at; i++) if (text.charCodeAt(i) === 10) line++;
    last = at;
    lines.push(line);
  }
  return (n) => lines[n] ?? 1;
}
