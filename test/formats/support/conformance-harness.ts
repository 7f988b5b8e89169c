/**
 * Runs the third-party WebVTT suites against our spec layer (shared/formats/vtt-parser.ts + vtt-settings.ts).
 *
 * WPT: each `.test` states its expectations as a block of testharness.js JavaScript (assert_equals on
 * `cues[i].id/.text/.startTime/…`, with loops and arrays). Rather than re-implement a JS subset, the block
 * is evaluated as a function whose only free names are our stand-ins: `cues` (TextTrackCue-like objects built
 * from our parse), `document.styleSheets` (one entry per STYLE block), `CSSRule`, and the assert functions,
 * which count passes and failures. A value we do not model (CSS rules inside a style sheet) is a sentinel
 * that makes any assertion on it count as "unsupported" rather than pass or fail. The data is vendored,
 * BSD-licensed test data, evaluated in the test process only.
 */
import { readFileSync } from 'node:fs';
import { DiagnosticSink } from '../../../shared/model/diagnostics';
import { parseVttDocument } from '../../../shared/formats/vtt-parser';
import { parseCueSettings, parseRegionSettings, type VttRegion } from '../../../shared/formats/vtt-settings';

export const THIRD_PARTY = new URL('../../fixtures/third_party/', import.meta.url);

/** Reads a fixture as UTF-8, keeping any BOM and line endings (the parser must cope). */
export function readFixture(path: string): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(new URL(path, THIRD_PARTY)));
}

/** A TextTrackCue-like view of one of our cues, as the suites expect it. */
export interface CueView {
  id: string;
  text: string;
  startTime: number;
  endTime: number;
  line: number | 'auto';
  snapToLines: boolean;
  lineAlign: string;
  position: number | 'auto';
  positionAlign: string;
  size: number;
  align: string;
  vertical: string;
  region: VttRegion | null;
}

/** Parses a WebVTT text and presents its cues and style sheets the way a browser would expose them. */
export function viewOf(text: string): { ok: boolean; cues: CueView[]; styles: number } {
  const doc = parseVttDocument(text, new DiagnosticSink());
  const regions = new Map<string, VttRegion>();
  for (const body of doc.regions) {
    const region = parseRegionSettings(body);
    if (region.id !== '') regions.set(region.id, region);
  }
  const ids = [...regions.keys()];
  const cues = doc.cues.map((cue): CueView => {
    const s = parseCueSettings(cue.settings, ids);
    return {
      id: cue.id, text: cue.text, startTime: cue.start / 1000, endTime: cue.end / 1000,
      line: s.line, snapToLines: s.snapToLines, lineAlign: s.lineAlign, position: s.position,
      positionAlign: s.positionAlign, size: s.size, align: s.align, vertical: s.vertical,
      region: s.region === null ? null : regions.get(s.region) ?? null,
    };
  });
  return { ok: doc.ok, cues, styles: doc.styles.length };
}

/** The outcome of one WPT .test file. */
export interface WptOutcome {
  name: string;
  passed: number;
  failed: string[];
  unsupported: number;
  error?: string;
}

const UNSUPPORTED: object = new Proxy(function unsupported() {}, { get: (_t, key) => (key === Symbol.toPrimitive ? () => 'unsupported' : UNSUPPORTED) });

/** Splits a .test file into its assertion block and its name (the .vtt bytes live in tests/support/). */
function assertionBlock(source: string): string {
  const lines = source.split('\n');
  const firstBlank = lines.indexOf('');
  const end = lines.indexOf('===');
  return lines.slice(firstBlank + 1, end).join('\n');
}

/** Runs one WPT file-parsing case: `name` without extension. */
export function runWptCase(name: string): WptOutcome {
  const base = 'wpt-webvtt/webvtt/parsing/file-parsing/';
  const js = assertionBlock(readFixture(`${base}support/${name}.test`));
  const view = viewOf(readFixture(`${base}tests/support/${name}.vtt`));
  const outcome: WptOutcome = { name, passed: 0, failed: [], unsupported: 0 };
  const record = (ok: boolean, what: string): void => {
    if (ok) outcome.passed++;
    else outcome.failed.push(what);
  };
  const isUnsupported = (...values: unknown[]): boolean => values.some((v) => v === UNSUPPORTED);
  const assertEquals = (actual: unknown, expected: unknown, message?: string): void => {
    if (isUnsupported(actual, expected)) outcome.unsupported++;
    else record(Object.is(actual, expected) || actual === expected, `${message ?? ''} expected ${String(expected)}, got ${String(actual)}`);
  };
  const assertNotEquals = (actual: unknown, expected: unknown): void => record(actual !== expected, 'expected values to differ');
  const assertTrue = (actual: unknown, message?: string): void => record(actual === true, `${message ?? ''} expected true`);
  const assertFalse = (actual: unknown, message?: string): void => record(actual === false, `${message ?? ''} expected false`);
  const styleSheets = Object.assign(Array.from({ length: view.styles }, () => ({ cssRules: UNSUPPORTED })), {});
  const document = { styleSheets };
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const run = new Function('cues', 'document', 'CSSRule', 'assert_equals', 'assert_not_equals', 'assert_true', 'assert_false', js) as (...args: unknown[]) => void;
    run(view.cues, document, { STYLE_RULE: 1 }, assertEquals, assertNotEquals, assertTrue, assertFalse);
  } catch (error) {
    outcome.error = error instanceof Error ? error.message : String(error);
  }
  return outcome;
}

/** Names of the WPT cases: every .test file in support/. */
export function wptCaseNames(list: (dir: URL) => string[]): string[] {
  return list(new URL('wpt-webvtt/webvtt/parsing/file-parsing/support/', THIRD_PARTY))
    .filter((f) => f.endsWith('.test')).map((f) => f.slice(0, -5)).sort();
}

/** One row of vtt.js's manifest. */
export interface VttJsCase {
  vtt: string;
  expected: string;
  comparison: string;
}

/** Reads mozilla-vttjs/manifest.tsv. */
export function vttJsCases(): VttJsCase[] {
  return readFixture('mozilla-vttjs/manifest.tsv').split('\n').slice(1).filter((l) => l.trim() !== '').map((line) => {
    const [vtt = '', expected = '', comparison = ''] = line.split('\t');
    return { vtt, expected, comparison };
  });
}

interface ExpectedCue { id: string; startTime: number; endTime: number; text: string }

/** Compares our parse of a vtt.js case with its expected JSON on id, startTime, endTime and text. */
export function runVttJsCase(c: VttJsCase): string[] {
  const view = viewOf(readFixture(`mozilla-vttjs/tests/${c.vtt}`));
  const expected = (JSON.parse(readFixture(`mozilla-vttjs/tests/${c.expected}`)) as { cues?: ExpectedCue[] }).cues ?? [];
  const problems: string[] = [];
  if (view.cues.length !== expected.length) problems.push(`cue count ${view.cues.length}, expected ${expected.length}`);
  expected.forEach((e, i) => {
    const got = view.cues[i];
    if (!got) return;
    for (const key of ['id', 'startTime', 'endTime', 'text'] as const) {
      if (got[key] !== e[key]) problems.push(`cue ${i} ${key}: ${JSON.stringify(got[key])}, expected ${JSON.stringify(e[key])}`);
    }
  });
  return problems;
}
