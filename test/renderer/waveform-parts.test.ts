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
