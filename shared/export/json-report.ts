/**
 * The JSON report: a stable public contract read by other tools and by our benchmarks.
 * `clean` is raw with exactly the `auto` flags applied; `auto` marks the flags the level (or the user's
 * decisions) applies, after overlapping proposals are resolved by confidence.
 */
import { applyFlags, chooseNonOverlapping, flagsBySegment, isApplied, type DeriveOptions } from '../model/clean';
import type { Diagnostic } from '../model/diagnostics';
import { DEFAULT_LEVEL } from '../model/levels';
import type { Flag, FlagKind } from '../model/flag';
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

/** The level and decisions that decide `auto`. */
function applyOptions(input: ExportInput): DeriveOptions {
  return { level: input.level ?? DEFAULT_LEVEL, ...(input.decisions ? { decisions: input.decisions } : {}) };
}

/** The flags of one segment that are `auto`: applied by the options, overlaps settled by confidence. */
function autoSet(own: readonly Flag[], options: DeriveOptions): Set<Flag> {
  return new Set(chooseNonOverlapping(own.filter((f) => isApplied(f, options))));
}

/** Yields each segment's report entry with its flags, in order; the one place the contract is computed. */
function* reportEntries(
  input: ExportInput,
  bySegment: Map<string, Flag[]> = flagsBySegment(input.flags),
): Generator<{ segment: ReportSegment; flags: ReportFlag[] }> {
  const options = applyOptions(input);
  for (const s of input.transcript.segments) {
    const own = bySegment.get(s.id) ?? [];
    const applied = autoSet(own, options);
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
 * `nested(value, 2)` for a flat object of strings, numbers, booleans and nulls (segments and flags), built
 * directly: the report has one such object per flag (~250,000 for a 15 MB transcript), and stringifying each
 * with indentation and re-indenting it by regex was most of the report's cost. Anything else falls back.
 */
function nestedFlat(value: object): string {
  let out = '{';
  let first = true;
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    // skipped exactly as JSON.stringify skips them; nested values take the general path
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    if (v !== null && typeof v === 'object') return nested(value, 2);
    out += `${first ? '' : ','}\n      ${JSON.stringify(key)}: ${JSON.stringify(v)}`;
    first = false;
  }
  return first ? '{}' : `${out}\n    }`;
}

/** JSON text of a string, finite number, boolean or null; undefined for anything else (the caller falls back). */
function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

/**
 * `nestedFlat(flag)` for a report flag, with its keys written as constants: one template per flag instead of a
 * key loop with two `JSON.stringify` calls per field. Falls back when a field is not a plain scalar (a project
 * file's flag missing its reason, say), so the output is always exactly JSON.stringify's.
 */
function flagJson(f: ReportFlag): string {
  const id = scalar(f.id), segmentId = scalar(f.segmentId), start = scalar(f.start), end = scalar(f.end), text = scalar(f.text);
  const kind = scalar(f.kind), ruleId = scalar(f.ruleId), suggestion = scalar(f.suggestion), confidence = scalar(f.confidence);
  const reason = scalar(f.reason);
  if (id === undefined || segmentId === undefined || start === undefined || end === undefined || text === undefined || kind === undefined ||
    ruleId === undefined || suggestion === undefined || confidence === undefined || reason === undefined) return nestedFlat(f);
  return `{\n      "id": ${id},\n      "segmentId": ${segmentId},\n      "start": ${start},\n      "end": ${end},\n      "text": ${text},\n      "kind": ${kind},\n      "ruleId": ${ruleId},\n      "suggestion": ${suggestion},\n      "confidence": ${confidence},\n      "auto": ${f.auto ? 'true' : 'false'},\n      "reason": ${reason}\n    }`;
}

/** `nestedFlat(segment)` for a report segment, keys written as constants (see flagJson). */
function segmentJson(s: ReportSegment): string {
  const id = scalar(s.id), line = scalar(s.sourceLine), start = scalar(s.start), end = scalar(s.end), lang = scalar(s.lang);
  const raw = scalar(s.raw), clean = scalar(s.clean);
  if (id === undefined || line === undefined || start === undefined || end === undefined || lang === undefined || raw === undefined || clean === undefined) return nestedFlat(s);
  return `{\n      "id": ${id},\n      "sourceLine": ${line},\n      "start": ${start},\n      "end": ${end},\n      "lang": ${lang},\n      "raw": ${raw},\n      "clean": ${clean}\n    }`;
}

/**
 * Writes the report exactly as `JSON.stringify(buildReport(input), null, 2) + '\n'` would, in chunks of
 * about 1 MB, without holding the report or the whole string: a 15 MB transcript has ~250,000 flags.
 * Two passes (segments, then flags, as the contract orders them) so neither list is held in memory; the first
 * computes each segment's clean text and `auto` choice once and keeps only the `auto` bits (a small integer a
 * flag), which the second reads back in the same order.
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
  const options = applyOptions(input);
  const bySegment = flagsBySegment(input.flags);
  const auto: number[] = [];
  let first = true;
  for (const s of input.transcript.segments) {
    const own = bySegment.get(s.id);
    const applied = own ? autoSet(own, options) : null;
    const edit = input.edits?.[s.id];
    const segment: ReportSegment = {
      id: s.id, sourceLine: s.sourceLine, start: s.start ?? null, end: s.end ?? null, lang: s.lang, raw: s.raw,
      clean: edit ?? (applied && applied.size > 0 ? applyFlags(s.raw, [...applied]) : s.raw),
    };
    emit(`${first ? '' : ','}\n    ${segmentJson(segment)}`);
    first = false;
    if (own) for (const f of own) auto.push(applied!.has(f) ? 1 : 0);
  }
  emit(first ? ']' : '\n  ]');
  emit(',\n  "flags": [');
  first = true;
  let k = 0;
  for (const s of input.transcript.segments) {
    const own = bySegment.get(s.id);
    if (!own) continue;
    for (const f of own) {
      const flag: ReportFlag = {
        id: f.id, segmentId: f.segmentId, start: f.start, end: f.end, text: s.raw.slice(f.start, f.end),
        kind: f.kind, ruleId: f.ruleId, suggestion: f.suggestion, confidence: f.confidence,
        auto: auto[k++] === 1, reason: f.reason,
      };
      emit(`${first ? '' : ','}\n    ${flagJson(flag)}`);
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
