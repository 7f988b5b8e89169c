/**
 * `check --json` streams its report (shared/export/json-report.ts writeReport) in one pass per list with keys
 * written as constants; whatever a project file or a rule puts in a flag, the text must stay exactly what
 * `JSON.stringify(buildReport(input), null, 2)` writes.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, writeReport } from '../../shared/export/json-report';
import type { ExportInput } from '../../shared/export/exporter';
import type { Flag } from '../../shared/model/flag';
import type { Segment } from '../../shared/model/segment';

const streamed = (input: ExportInput): string => {
  const chunks: string[] = [];
  writeReport(input, (c) => chunks.push(c));
  return chunks.join('');
};

const segment = (id: string, raw: string, extra: Partial<Segment> = {}): Segment => ({ id, sourceLine: 1, lang: 'zh', raw, ...extra });
const flag = (segmentId: string, start: number, end: number, extra: Partial<Flag> = {}): Flag => ({
  id: `r@${segmentId}:${start}-${end}`, segmentId, start, end, kind: 'filler', ruleId: 'zh.filler', suggestion: '',
  confidence: 0.95, reason: 'a "quoted" reason\twith a tab', ...extra,
});

describe('the streamed JSON report', () => {
  it('writes odd flags exactly as JSON.stringify does (missing reason, NaN confidence, quotes, emoji, timing)', () => {
    const segments = [segment('s1', '呃，我们😊开始', { start: 0, end: 1500 }), segment('s2', 'um so "yes"', { lang: 'en' }), segment('s3', '没有旗标')];
    const flags = [
      flag('s1', 0, 2), flag('s1', 4, 6, { suggestion: '', confidence: 0.9, kind: 'hallucination' }),
      flag('s2', 0, 3, { reason: undefined as unknown as string }), flag('s2', 7, 12, { confidence: Number.NaN, suggestion: '«yes»' }),
      flag('nowhere', 0, 1),
    ];
    const input: ExportInput = { transcript: { title: '标题 "t"', segments, markers: [], metadata: {} }, flags, level: 'standard', mode: 'clean', version: '1', source: null, diagnostics: [] };
    expect(streamed(input)).toBe(JSON.stringify(buildReport(input), null, 2) + '\n');
  });

  it('honours decisions and manual edits, and a segment id listed twice', () => {
    const segments = [segment('s1', '我我们'), segment('s1', '我我们'), segment('s2', '嗯好')];
    const flags = [flag('s1', 0, 1, { ruleId: 'zh.repetition', kind: 'repetition', confidence: 0.5 }), flag('s2', 0, 1)];
    const input: ExportInput = {
      transcript: { title: null, segments, markers: [], metadata: {} }, flags, level: 'conservative', mode: 'clean', version: '1',
      source: { path: 'x.txt', format: 'txt', encoding: 'utf-8' }, decisions: { [flags[0]!.id]: 'accepted' }, edits: { s2: '好的' },
    };
    const text = streamed(input);
    expect(text).toBe(JSON.stringify(buildReport(input), null, 2) + '\n');
    const report = JSON.parse(text) as { segments: { clean: string }[]; flags: { auto: boolean }[] };
    expect(report.segments.map((s) => s.clean)).toEqual(['我们', '我们', '好的']);
    expect(report.flags.map((f) => f.auto)).toEqual([true, true, true]);
  });
});
