import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseBytes } from '../../shared/formats/index';
import { buildReport, writeReport } from '../../shared/export/json-report';
import { detectTranscript } from '../../shared/detect/index';
import { SAMPLES, readBytes } from '../helpers';

describe('the JSON report', () => {
  const loaded = parseBytes(readBytes(join(SAMPLES, 'waic-2024-excerpt.txt')), { fileName: 'waic-2024-excerpt.txt' });
  if (!loaded.ok) throw new Error(loaded.message);
  const { transcript } = loaded.value;
  const flags = detectTranscript(transcript);
  const input = {
    transcript, flags, mode: 'clean' as const, level: 'standard' as const, version: '9.9.9',
    source: { path: 'samples/waic-2024-excerpt.txt', format: 'txt' as const, encoding: 'utf-8' },
    diagnostics: [{ line: 3, severity: 'warning' as const, code: 'x.y', message: 'm' }],
  };

  it('streams exactly the text JSON.stringify would write, in chunks', () => {
    const chunks: string[] = [];
    writeReport(input, (c) => chunks.push(c));
    expect(chunks.join('')).toBe(JSON.stringify(buildReport(input), null, 2) + '\n');
  });

  it('streams an empty transcript as valid JSON', () => {
    const chunks: string[] = [];
    writeReport({ ...input, transcript: { ...transcript, segments: [] }, flags: [], diagnostics: [] }, (c) => chunks.push(c));
    expect(JSON.parse(chunks.join(''))).toMatchObject({ segments: [], flags: [], diagnostics: [] });
  });

  it('marks as auto exactly the flags its clean text applies', () => {
    const report = buildReport(input);
    expect(report.flags.some((f) => f.auto)).toBe(true);
    for (const s of report.segments) {
      const applied = report.flags.filter((f) => f.segmentId === s.id && f.auto).sort((a, b) => b.start - a.start);
      let text = s.raw;
      for (const f of applied) text = text.slice(0, f.start) + f.suggestion + text.slice(f.end);
      expect(text).toBe(s.clean);
    }
  });
});
