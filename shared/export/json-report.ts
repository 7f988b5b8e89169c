/**
 * The JSON report: a stable public contract read by other tools and by our benchmarks.
 * `clean` is raw with exactly the `auto` flags applied; `auto` marks the flags the level (or the user's
 * decisions) applies, after overlapping proposals are resolved by confidence.
 */
import { applyFlags, chooseNonOverlapping, flagsBySegment, isApplied } from '../model/clean';
import type { Diagnostic } from '../model/diagnostics';
import { DEFAULT_LEVEL } from '../model/levels';
import type { FlagKind } from '../model/flag';
import type { Lang } from '../model/segment';
import type { Exporter, ExportInput } from './exporter';

export interface ReportSegment {
  id: string;
  sourceLine: number;
  start: number | null;
  end: number | null;
  lang: Lang;
  raw: string;
  clean: string;
}

export interface ReportFlag {
  id: string;
  segmentId: string;
  start: number;
  end: number;
  text: string;
  kind: FlagKind;
  ruleId: string;
  suggestion: string;
  confidence: number;
  auto: boolean;
  reason: string;
}

export interface Report {
  tool: 'jiaodui';
  version: string;
  source: { path: string; format: string; encoding: string } | null;
  title: string | null;
  segments: ReportSegment[];
  flags: ReportFlag[];
  diagnostics: Diagnostic[];
}

interface ReportHead {
  tool: 'jiaodui';
  version: string;
  source: Report['source'];
  title: string | null;
}

function head(input: ExportInput): ReportHead {
  return {
    tool: 'jiaodui',
    version: input.version ?? '0.0.0',
    source: input.source ? { path: input.source.path, format: input.source.format, encoding: input.source.encoding } : null,
    title: input.transcript.title,
  };
}

/** Yields each segment's report entry with its flags, in order; the one place the contract is computed. */
function* reportEntries(input: ExportInput): Generator<{ segment: ReportSegment; flags: ReportFlag[] }> {
  const level = input.level ?? DEFAULT_LEVEL;
  const options = { level, ...(input.decisions ? { decisions: input.decisions } : {}) };
  const bySegment = flagsBySegment(input.flags);
  for (const s of input.transcript.segments) {
    const own = bySegment.get(s.id) ?? [];
    const applied = new Set(chooseNonOverlapping(own.filter((f) => isApplied(f, options))));
    const edit = input.edits?.[s.id];
    const segment: ReportSegment = {
      id: s.id,
      sourceLine: s.sourceLine,
      start: s.start ?? null,
      end: s.end ?? null,
      lang: s.lang,
      raw: s.raw,
      clean: edit ?? applyFlags(s.raw, [...applied]),
    };
    const flags = own.map((f): ReportFlag => ({
      id: f.id, segmentId: f.segmentId, start: f.start, end: f.end, text: s.raw.slice(f.start, f.end),
      kind: f.kind, ruleId: f.ruleId, suggestion: f.suggestion, confidence: f.confidence,
      auto: applied.has(f), reason: f.reason,
    }));
    yield { segment, flags };
  }
}

/** Builds the report object. */
export function buildReport(input: ExportInput): Report {
  const segments: ReportSegment[] = [];
  const flags: ReportFlag[] = [];
  for (const entry of reportEntries(input)) {
    segments.push(entry.segment);
    for (const f of entry.flags) flags.push(f);
  }
  return { ...head(input), segments, flags, diagnostics: [...(input.diagnostics ?? [])] };
}

/** `JSON.stringify(value, null, 2)` indented to sit at `depth` inside an enclosing pretty-printed document. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));
}

/**
 * Writes the report exactly as `JSON.stringify(buildReport(input), null, 2) + '\n'` would, in chunks of
 * about 1 MB, without holding the report or the whole string: a 15 MB transcript has ~250,000 flags.
 */
export function writeReport(input: ExportInput, write: (chunk: string) => void): void {
  let buffer = '';
  const emit = (text: string): void => {
    buffer += text;
    if (buffer.length > 1 << 20) {
      write(buffer);
      buffer = '';
    }
  };
  const h = head(input);
  emit(`{\n  "tool": ${JSON.stringify(h.tool)},\n  "version": ${JSON.stringify(h.version)},\n  "source": ${nested(h.source, 1)},\n  "title": ${JSON.stringify(h.title)},\n  "segments": [`);
  // Two passes (segments, then flags, as the contract orders them) so neither list is held in memory.
  let first = true;
  for (const entry of reportEntries(input)) {
    emit(`${first ? '' : ','}\n    ${nested(entry.segment, 2)}`);
    first = false;
  }
  emit(first ? ']' : '\n  ]');
  emit(',\n  "flags": [');
  first = true;
  for (const entry of reportEntries(input)) {
    for (const f of entry.flags) {
      emit(`${first ? '' : ','}\n    ${nested(f, 2)}`);
      first = false;
    }
  }
  emit(first ? ']' : '\n  ]');
  const diagnostics = input.diagnostics ?? [];
  emit(`,\n  "diagnostics": ${diagnostics.length ? nested(diagnostics, 1) : '[]'}\n}\n`);
  if (buffer) write(buffer);
}

export const jsonReportExporter: Exporter = {
  id: 'json',
  title: 'JSON report',
  extension: '.json',
  timed: false,
  export(input) {
    const chunks: string[] = [];
    writeReport(input, (chunk) => chunks.push(chunk));
    return { text: chunks.join(''), diagnostics: [] };
  },
  stream(input, write) {
    writeReport(input, write);
    return [];
  },
};
