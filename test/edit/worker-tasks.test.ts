/** The worker's streaming pieces, run in Node: chunked detection, flag columns, bilingual pairing. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectTranscript } from '../../shared/detect';
import { parseBytes } from '../../shared/formats';
import type { Rule } from '../../shared/detect';
import type { Flag } from '../../shared/model/flag';
import type { Transcript } from '../../shared/model/transcript';
import { alignTranscript, isBilingualPerCue } from '../../renderer/worker/bilingual-tasks';
import { detectInChunks } from '../../renderer/worker/chunked-detect';
import { decodeFlags, encodeFlags } from '../../renderer/worker/flag-columns';
import { fullResources } from '../detect/resources';

function load(path: string): Transcript {
  const r = parseBytes(readFileSync(path), { fileName: path });
  if (!r.ok) throw new Error(r.message);
  return r.value.transcript;
}

function chunked(t: Transcript, chunkSize: number): Flag[] {
  const out: Flag[] = [];
  detectInChunks(t, { resources: {}, chunkSize, onChunk: (flags) => { out.push(...flags); } });
  return out;
}

describe('chunked detection', () => {
  const sample = load('samples/waic-2024-excerpt.txt');

  it('gives exactly the flags of one whole pass, whatever the chunk size', () => {
    const whole = detectTranscript(sample);
    expect(whole.length).toBeGreaterThan(20);
    for (const size of [1, 7, 50, 1000]) expect(chunked(sample, size)).toEqual(whole);
  });

  it('gives exactly the whole pass with the real lexicons too (the near-word index and run cache shared by chunks)', () => {
    const resources = fullResources();
    const whole = detectTranscript(sample, { resources: { ...resources, cache: new Map() } });
    const out: Flag[] = [];
    detectInChunks(sample, { resources: { ...resources, cache: new Map() }, chunkSize: 9, onChunk: (flags) => void out.push(...flags) });
    expect(out).toEqual(whole);
  });

  it('still sees a loop of repeated segments that spans a chunk boundary', () => {
    const raw = '你只能选择两个答案里面的一个';
    const segments = ['开场白在这里。', raw, raw, raw, raw, '结束。'].map((text, i) => ({ id: `s${i + 1}`, sourceLine: i + 1, lang: 'zh' as const, raw: text }));
    const t: Transcript = { title: 't', segments, markers: [], metadata: {} };
    const whole = detectTranscript(t);
    expect(whole.some((f) => f.ruleId === 'any.loop')).toBe(true);
    expect(chunked(t, 2)).toEqual(whole);
  });

  it('lets a rule see the whole transcript from every chunk, however far it looks (no fixed margin)', () => {
    // a rule that compares each segment with the first one: a margin of a few segments would hide it
    const echo: Rule = {
      id: 'test.echo', title: 'repeats the opening line', languages: ['zh'], defaultLevel: 'thorough', examples: [],
      detect: (segment, ctx) => (ctx.index > 0 && ctx.transcript.segments[0]!.raw === segment.raw
        ? [{ start: 0, end: segment.raw.length, kind: 'hallucination', suggestion: '', confidence: 0.5, reason: 'echo' }] : []),
    };
    const texts = Array.from({ length: 40 }, (_, i) => (i % 13 === 0 ? '开场白在这里。' : `第${i}句话。`));
    const segments = texts.map((text, i) => ({ id: `s${i + 1}`, sourceLine: i + 1, lang: 'zh' as const, raw: text }));
    const t: Transcript = { title: 't', segments, markers: [], metadata: {} };
    const out: Flag[] = [];
    detectInChunks(t, { resources: {}, rules: [echo], chunkSize: 5, onChunk: (flags) => void out.push(...flags) });
    expect(out.map((f) => f.segmentId)).toEqual(['s14', 's27', 's40']);
    expect(out).toEqual(detectTranscript(t, { rules: [echo] }));
  });

  it('reports progress chunk by chunk and stops when asked', () => {
    const seen: number[] = [];
    const count = detectInChunks(sample, {
      resources: {}, chunkSize: 10,
      onChunk: (_flags, done, total) => {
        seen.push(done);
        expect(total).toBe(sample.segments.length);
        return done >= 20;
      },
    });
    expect(seen).toEqual([10, 20]);
    expect(count).toBe(detectTranscript(sample).filter((f) => sample.segments.findIndex((s) => s.id === f.segmentId) < 20).length);
  });
});

describe('flag columns', () => {
  it('round-trips flags through typed arrays and a string table', () => {
    const sample = load('samples/waic-2024-excerpt.txt');
    const flags = detectTranscript(sample);
    const positions = new Map(sample.segments.map((s, i) => [s.id, i]));
    const columns = encodeFlags(flags, (id) => positions.get(id)!);
    expect(columns.strings.length).toBeLessThan(flags.length * 2);
    expect(decodeFlags(columns, sample.segments)).toEqual(flags);
  });
});

describe('bilingual pairing', () => {
  it('pairs the Chinese and English lines inside each cue of a bilingual subtitle file', async () => {
    const t = load('samples/bilingual-panel.srt');
    const clean = t.segments.map((s) => s.raw);
    expect(isBilingualPerCue(t, clean)).toBe(true);
    const pairs = await alignTranscript(t, clean, null, () => undefined);
    const first = pairs[0]!;
    expect(first.zh.map((s) => s.text).join('')).toContain('人工智能治理论坛');
    expect(first.en.map((s) => s.text).join(' ')).toContain('forum on AI governance');
    for (const p of pairs) {
      const ids = new Set([...p.zh, ...p.en].map((s) => s.segmentId));
      expect(ids.size).toBe(1);
      expect(p.confidence).toBeGreaterThanOrEqual(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('does not pair the Chinese and English speech of an interpreted talk', async () => {
    const t = load('samples/waic-2024-excerpt.txt');
    const clean = t.segments.map((s) => s.raw);
    expect(isBilingualPerCue(t, clean)).toBe(false);
    expect(await alignTranscript(t, clean, null, () => undefined)).toEqual([]);
  });
});
