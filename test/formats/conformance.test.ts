/**
 * Third-party conformance suites for WebVTT (W3C web-platform-tests, mozilla/vtt.js), and the round trip
 * over every vendored SubRip/WebVTT fixture. Cases where we deliberately differ are listed below with the
 * reason; the tests fail if such a case starts passing (so the list stays true) or another case fails.
 * Figures are printed and recorded in docs/conformance.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSrt, serializeSrt } from '../../shared/formats/srt';
import { parseVtt, serializeVtt } from '../../shared/formats/vtt';
import type { ParseResult } from '../../shared/model/transcript';
import { decodeBytes } from '../../shared/text/encoding';
import { THIRD_PARTY, readFixture, runVttJsCase, runWptCase, viewOf, vttJsCases, wptCaseNames } from './support/conformance-harness';

const list = (dir: URL): string[] => readdirSync(fileURLToPath(dir));
const WPT = 'wpt-webvtt/webvtt/parsing/file-parsing/';
const figures: string[] = [];
afterAll(() => console.info(`conformance figures:\n  ${figures.join('\n  ')}`));

/** WPT cases with assertions we do not model (never counted as passes). */
const WPT_UNSUPPORTED: Record<string, string> = {
  'stylesheets-newlines': 'asserts the CSS rules inside a STYLE block (selectorText); we keep STYLE text verbatim and parse no CSS. The style-sheet count is checked.',
};

/** vtt.js cases whose expectation follows the 2013-2015 draft, which the current spec (and WPT) changed. */
const VTTJS_DIFFERENCES: Record<string, string> = {
  'cue-times/min-top-digits.vtt': '"000:00.000": a first field that is not two digits is hours, so a seconds field must follow; the current spec rejects the cue (vtt.js read minutes).',
  'cue-times/minimum-spots-over-sixty.vtt': '"120:00.000": likewise hours without seconds; rejected by the current spec.',
  'file-layout/header-no-new-line.vtt': 'a timing line right after "WEBVTT" ends the header and starts a cue in the current spec (WPT header-timings expects the cue); vtt.js expected none.',
  'integration/id.vtt': 'a block whose first line is a bare "-->" is dropped and the following timing line starts a new cue (spec "collect a block"); vtt.js dropped that next cue too.',
};

describe('WPT WebVTT file parsing', () => {
  const names = wptCaseNames(list);
  const outcomes = names.map(runWptCase);

  it('runs every .test case of the suite (40)', () => {
    expect(names.length).toBe(40);
  });

  it('passes every assertion we model; the cases with unmodelled assertions are exactly the documented ones', () => {
    const failing = outcomes.filter((o) => o.failed.length > 0 || o.error !== undefined);
    expect(failing.map((o) => ({ name: o.name, failed: o.failed.slice(0, 3), error: o.error }))).toEqual([]);
    expect(outcomes.filter((o) => o.unsupported > 0).map((o) => o.name)).toEqual(Object.keys(WPT_UNSUPPORTED));
    const full = outcomes.filter((o) => o.unsupported === 0).length;
    const asserted = outcomes.reduce((n, o) => n + o.passed, 0);
    const skipped = outcomes.reduce((n, o) => n + o.unsupported, 0);
    figures.push(`WPT file-parsing: ${full}/${names.length} cases fully pass (${asserted} assertions pass, ${skipped} unmodelled in ${Object.keys(WPT_UNSUPPORTED).length} case)`);
  });

  it('rejects all 11 files with an invalid signature', () => {
    const invalid = list(new URL(`${WPT}support/`, THIRD_PARTY)).filter((f) => f.endsWith('.vtt'));
    expect(invalid.length).toBe(11);
    const accepted = invalid.filter((f) => viewOf(readFixture(`${WPT}support/${f}`)).ok);
    expect(accepted).toEqual([]);
    const result = parseVtt(readFixture(`${WPT}support/signature-websrt.vtt`));
    expect(result.diagnostics.map((d) => d.code)).toContain('vtt.bad-signature');
    figures.push(`WPT invalid signatures rejected: ${invalid.length - accepted.length}/${invalid.length}`);
  });

  it('reads the region definitions of header-regions.vtt as each cue text states', () => {
    const view = viewOf(readFixture(`${WPT}tests/support/header-regions.vtt`));
    expect(view.cues.length).toBe(9);
    const defaults = { width: 100, lines: 3, regionAnchorX: 0, regionAnchorY: 100, viewportAnchorX: 0, viewportAnchorY: 100, scroll: '' };
    for (const cue of view.cues) {
      const expected = JSON.parse(cue.text) as string | Record<string, unknown>;
      if (expected === 'no region') expect(cue.region).toBeNull();
      else expect(cue.region).toMatchObject({ ...defaults, ...(expected as Record<string, unknown>) });
    }
  });
});

describe('mozilla/vtt.js parser fixtures (id, startTime, endTime, text)', () => {
  const cases = vttJsCases();
  const results = cases.map((c) => ({ c, problems: runVttJsCase(c) }));

  it('runs every case of manifest.tsv (264)', () => {
    expect(cases.length).toBe(264);
  });

  it('matches every case except the documented draft-era differences', () => {
    const failing = results.filter((r) => r.problems.length > 0).map((r) => r.c.vtt);
    expect(failing).toEqual(Object.keys(VTTJS_DIFFERENCES));
    figures.push(`vtt.js: ${cases.length - failing.length}/${cases.length} cases pass (${failing.length} documented differences)`);
  });
});

/** The fields a round trip must keep. */
function essence(result: ParseResult): unknown[] {
  return result.transcript.segments.map((s) => ({ raw: s.raw, start: s.start, end: s.end, speaker: s.speaker, cueId: s.cueId }));
}

function fixtureFiles(ext: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(fileURLToPath(new URL(rel, THIRD_PARTY)), { withFileTypes: true })) {
      if (entry.isDirectory()) walk(`${rel}${entry.name}/`);
      else if (entry.name.endsWith(ext)) out.push(`${rel}${entry.name}`);
    }
  };
  walk('');
  return out.sort();
}

function decodeFixture(path: string): string {
  const decoded = decodeBytes(new Uint8Array(readFileSync(new URL(path, THIRD_PARTY))));
  return decoded.ok ? decoded.value.text : '';
}

describe('round trip over every vendored fixture', () => {
  it('parse(serialize(parse(x))) keeps raw, times and speaker for every SubRip fixture; cue ids become 1..n', () => {
    const files = fixtureFiles('.srt');
    for (const file of files) {
      const first = parseSrt(decodeFixture(file));
      const again = parseSrt(serializeSrt(first.transcript));
      // SubRip export renumbers from 1 (the format's convention), so the index is the one field that changes.
      const renumbered = essence(first).map((s, i) => ({ ...(s as object), cueId: String(i + 1) }));
      expect(essence(again), file).toEqual(renumbered);
    }
    figures.push(`round trip: ${files.length} SubRip fixtures`);
  });

  it('parse(serialize(parse(x))) keeps raw, times, speaker and cue id for every WebVTT fixture', () => {
    const files = fixtureFiles('.vtt');
    let withCues = 0;
    for (const file of files) {
      const first = parseVtt(decodeFixture(file));
      if (first.transcript.segments.length > 0) withCues++;
      const again = parseVtt(serializeVtt(first.transcript));
      expect(essence(again), file).toEqual(essence(first));
      expect(again.transcript.metadata, file).toEqual(first.transcript.metadata);
    }
    figures.push(`round trip: ${files.length} WebVTT fixtures (${withCues} with cues)`);
  });
});
