/** Reading vendored third-party fixtures the way the app reads a user's file (bytes → decodeBytes → text). */
import { readFileSync } from 'node:fs';
import type { ParseResult } from '../../../shared/model/transcript';
import { decodeBytes, type Decoded } from '../../../shared/text/encoding';

const THIRD_PARTY = new URL('../../fixtures/third_party/', import.meta.url);

/** Decodes a fixture under test/fixtures/third_party/ with the app's decoder; throws if it cannot. */
export function decodedFixture(path: string): Decoded {
  const result = decodeBytes(new Uint8Array(readFileSync(new URL(path, THIRD_PARTY))));
  if (!result.ok) throw new Error(`${path}: ${result.message}`);
  return result.value;
}

/** The decoded text of a fixture. */
export function fixtureText(path: string): string {
  return decodedFixture(path).text;
}

/** Codes of a parse's diagnostics, in order. */
export function codes(result: ParseResult): string[] {
  return result.diagnostics.map((d) => d.code);
}

/** Start, end and lines of each segment, the shape go-astisub's expected items use. */
export function items(result: ParseResult): { start?: number; end?: number; lines: string[] }[] {
  return result.transcript.segments.map((s) => ({ start: s.start, end: s.end, lines: s.raw.split('\n') }));
}
