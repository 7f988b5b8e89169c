import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { peaksFromJson } from '../../renderer/host/web-audio';
import { coarsePeaks } from '../../renderer/features/waveform/overview';
import { notchInterval, notchLabel } from '../../renderer/features/waveform/timeline';

const header = { version: 2, channels: 1, sample_rate: 16000, samples_per_pixel: 160, bits: 8 };

describe('reading a peaks file from its bytes', () => {
  it('reads exactly what JSON.parse reads, whatever the spacing and key order', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: -128, max: 127 }), { maxLength: 400 }).map((a) => (a.length % 2 ? a.slice(1) : a)),
      fc.constantFrom(0, 2), fc.boolean(),
      (data, indent, dataFirst) => {
        const body = dataFirst ? { data, ...header, length: data.length / 2 } : { ...header, length: data.length / 2, data };
        const text = JSON.stringify(body, null, indent);
        const peaks = peaksFromJson(new TextEncoder().encode(text));
        expect(Array.from(peaks.data)).toEqual(data);
        expect(peaks.length).toBe(data.length / 2);
        expect(peaks.durationMs).toBe(Math.round((data.length / 2) * 160 * 1000 / 16000));
      },
    ), { numRuns: 200 });
  });

  it('refuses values outside 8 bits, fractions and a missing data array with the readable message', () => {
    for (const bad of [[0, 128], [0, -129], [0, 1.5]]) {
      const text = JSON.stringify({ ...header, length: 1, data: [] }).replace('[]', `[${bad.join(',')}]`);
      expect(() => peaksFromJson(text)).toThrow(/jiaodui peaks/);
    }
    expect(() => peaksFromJson(JSON.stringify(header))).toThrow(/jiaodui peaks/);
    expect(() => peaksFromJson('{"data":[1,2] garbage')).toThrow(/jiaodui peaks/);
  });

  it('computes the energies only when read, from the peaks', () => {
    const peaks = peaksFromJson(JSON.stringify({ ...header, length: 2, data: [-64, 64, 0, 0] }));
    expect(peaks.energyDb[0]).toBeCloseTo(10 * Math.log10(0.125), 5);
    expect(peaks.energyDb[1]).toBeLessThan(-90);
  });
});

describe('the overview the minimap draws', () => {
  it('keeps the lowest and highest peak of each span, at most the pairs asked for', () => {
    const data = new Int8Array([-10, 20, -50, 5, -1, 100, -128, 0]);
    const peaks = { sampleRate: 16000, samplesPerPeak: 160, length: 4, data, energyDb: new Float32Array(4), durationMs: 40 };
    expect(Array.from(coarsePeaks(peaks, 2))).toEqual([-50 / 128, 20 / 128, -128 / 128, 100 / 128]);
    expect(coarsePeaks(peaks, 8000).length).toBe(8);
  });
});

describe('the time ruler', () => {
  it('spaces notches like the Timeline plugin and labels them m:ss past a minute', () => {
    expect(notchInterval(100)).toBe(1);
    expect(notchInterval(10)).toBe(5);
    expect(notchInterval(2)).toBe(15);
    expect(notchInterval(0.1)).toBe(300);
    expect(notchLabel(30)).toBe('30');
    expect(notchLabel(65)).toBe('1:05');
    expect(notchLabel(3600)).toBe('60:00');
  });
});

describe('text over silence in the app', () => {
  it('flags the timed segment over silence, keeps other flags and replaces its own earlier run', async () => {
    const { computePeaks } = await import('../../shared/timing/peaks');
    const { speechCheckFlags } = await import('../../renderer/features/waveform/speech-check');
    const rate = 16000;
    // 1 s silence, 2 s tone (speech), 3 s silence
    const pcm = new Float32Array(6 * rate);
    for (let i = rate; i < 3 * rate; i++) pcm[i] = 0.5 * Math.sin((2 * Math.PI * 220 * i) / rate);
    const peaks = computePeaks(pcm, rate, 160);
    const seg = (id: string, start: number, end: number) => ({ id, sourceLine: 1, lang: 'en' as const, raw: 'Thanks for watching.', start, end });
    const segments = [seg('a', 1000, 3000), seg('b', 3500, 5800)];
    const other = { id: 'x', segmentId: 'a', start: 0, end: 6, kind: 'filler' as const, ruleId: 'en.filler', suggestion: '', confidence: 0.9, reason: 'r' };
    const stale = { ...other, id: 'old', segmentId: 'a', kind: 'hallucination' as const, ruleId: 'audio.text-over-silence' };
    const r = speechCheckFlags([other, stale], segments, peaks);
    expect(r.found).toBe(1);
    expect(r.flags.map((f) => f.id)).toEqual(['x', 'audio.text-over-silence@b:0-20']);
    expect(r.flags[1]).toMatchObject({ kind: 'hallucination', segmentId: 'b', suggestion: '' });
    expect(r.flags[1]!.confidence).toBeGreaterThanOrEqual(0.8);
  });
});
