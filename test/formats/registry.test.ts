import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FORMATS, parseBytes, parseText, serializeTranscript } from '../../shared/formats/index';
import type { Segment } from '../../shared/model/segment';
import { SAMPLES, readBytes } from '../helpers';

const SAMPLE_FORMATS: Record<string, string> = {
  'waic-2024-excerpt.txt': 'txt',
  'forum-transcript.md': 'markdown',
  'bilingual-panel.srt': 'srt',
  'whisper-talk.json': 'whisper-json',
  'bilibili-subtitle.bcc.json': 'bcc-json',
  'panel-voices.vtt': 'vtt',
};

/** The fields a round trip must keep (ids and source lines legitimately change). */
function content(segments: Segment[]): unknown[] {
  return segments.map((s) => ({ raw: s.raw, start: s.start, end: s.end, speaker: s.speaker, lang: s.lang }));
}

describe('format registry', () => {
  it('has unique ids and a sample for every format', () => {
    const ids = FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sampled = new Set(Object.values(SAMPLE_FORMATS));
    for (const id of ids) expect(sampled, `no sample for ${id}`).toContain(id);
  });

  it.each(Object.entries(SAMPLE_FORMATS))('detects %s as %s by content, whatever its name', (file, format) => {
    const bytes = readBytes(join(SAMPLES, file));
    for (const name of [file, 'renamed.txt', 'no-extension']) {
      const result = parseBytes(bytes, { fileName: name });
      expect(result.ok && result.value.format, `${file} named ${name}`).toBe(format);
    }
  });

  it.each(Object.keys(SAMPLE_FORMATS))('round-trips %s: parse(serialize(parse(x))) equals parse(x)', (file) => {
    const first = parseBytes(readBytes(join(SAMPLES, file)), { fileName: file });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const { transcript, format } = first.value;
    const again = parseText(serializeTranscript(transcript, format)!, { format });
    expect(content(again.transcript.segments)).toEqual(content(transcript.segments));
    expect(again.transcript.title).toBe(transcript.title);
  });

  it('reads every file in samples/ that looks like a transcript without an error diagnostic', () => {
    for (const file of readdirSync(SAMPLES).filter((f) => /\.(txt|srt|vtt|json|md)$/.test(f) && f !== 'README.md' && !f.endsWith('summary.md'))) {
      const result = parseBytes(readBytes(join(SAMPLES, file)), { fileName: file });
      expect(result.ok, file).toBe(true);
      if (result.ok) expect(result.value.diagnostics.filter((d) => d.severity === 'error'), file).toEqual([]);
    }
  });
});

describe('bad input never crashes', () => {
  const cases: [string, Uint8Array][] = [
    ['empty', new Uint8Array(0)],
    ['whitespace only', new TextEncoder().encode('\n\n   \n')],
    ['truncated SRT', new TextEncoder().encode('1\n00:00:01,000 --> 00:0')],
    ['truncated VTT', new TextEncoder().encode('WEBVTT\n\n00:01.000 --> ')],
    ['truncated JSON', new TextEncoder().encode('{"segments": [{"start": 0, "end": 1, "te')],
    ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)],
  ];
  it.each(cases)('%s ends in a result or a clear error', (_name, bytes) => {
    for (const format of [undefined, ...FORMATS.map((f) => f.id)]) {
      const result = parseBytes(bytes, { fileName: 'input', ...(format ? { format } : {}) });
      if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
      else expect(Array.isArray(result.value.transcript.segments)).toBe(true);
    }
  });

  it('parses a 50 MB generated transcript in one linear pass', () => {
    const line = '呃，我们越越来越来越认识到，人工智能治理需要国际合作 and and cooperation。\n\n';
    const count = Math.ceil((50 * 1024 * 1024) / new TextEncoder().encode(line).length);
    const bytes = new TextEncoder().encode(line.repeat(count));
    expect(bytes.length).toBeGreaterThan(50 * 1024 * 1024);
    const result = parseBytes(bytes, { fileName: 'big.txt' });
    expect(result.ok && result.value.transcript.segments.length).toBe(count);
  });
});
