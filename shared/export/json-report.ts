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

/** Builds the report object. */
export function buildReport(input: ExportInput): Report {
  const level = input.level ?? DEFAULT_LEVEL;
  const options = { level, ...(input.decisions ? { decisions: input.decisions } : {}) };
  const bySegment = flagsBySegment(input.flags);
  const segments: ReportSegment[] = [];
  const flags: ReportFlag[] = [];
  for (const s of input.transcript.segments) {
    const own = bySegment.get(s.id) ?? [];
    const applied = new Set(chooseNonOverlapping(own.filter((f) => isApplied(f, options))));
    const edit = input.edits?.[s.id];
    segments.push({
      id: s.id,
      sourceLine: s.sourceLine,
      start: s.start ?? null,
      end: s.end ?? null,
      lang: s.lang,
      raw: s.raw,
      clean: edit ?? applyFlags(s.raw, [...applied]),
    });
    for (const f of own) {
      flags.push({
        id: f.id, segmentId: f.segmentId, start: f.start, end: f.end, text: s.raw.slice(f.start, f.end),
        kind: f.kind, ruleId: f.ruleId, suggestion: f.suggestion, confidence: f.confidence,
        auto: applied.has(f), reason: f.reason,
      });
    }
  }
  return {
    tool: 'jiaodui',
    version: input.version ?? '0.0.0',
    source: input.source ? { path: input.source.path, format: input.source.format, encoding: input.source.encoding } : null,
    title: input.transcript.title,
    segments,
    flags,
    diagnostics: [...(input.diagnostics ?? [])],
  };
}

export const jsonReportExporter: Exporter = {
  id: 'json',
  title: 'JSON report',
  extension: '.json',
  timed: false,
  export: (input) => ({ text: JSON.stringify(buildReport(input), null, 2) + '\n', diagnostics: [] }),
};
