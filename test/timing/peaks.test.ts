import { describe, expect, it } from 'vitest';
import { PeakAccumulator, computePeaks, peaksToJson } from '../../shared/timing/peaks';

/** Brute force: every block's min and max straight from the samples. */
function bruteForce(samples: Int16Array, spp: number): number[] {
  const out: number[] = [];
  for (let a = 0; a < samples.length; a += spp) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = a; i < Math.min(samples.length, a + spp); i++) {
      min = Math.min(min, samples[i]! / 32768);
      max = Math.max(max, samples[i]! / 32768);
    }
    out.push(Math.max(-128, Math.min(127, Math.round(min * 128))), Math.max(-128, Math.min(127, Math.round(max * 128))));
  }
  return out;
}

const signal = Int16Array.from({ length: 16000 * 3 + 77 }, (_, i) => Math.round(20000 * Math.sin(i / 9) * Math.sin(i / 4000) + ((i * 7919) % 301) - 150));

describe('PeakAccumulator', () => {
  it('matches a brute-force min/max however the stream is chunked', () => {
    const expected = bruteForce(signal, 160);
    for (const chunk of [1, 159, 160, 4096, 10_007]) {
      const acc = new PeakAccumulator(16000, 160, 4);
      for (let i = 0; i < signal.length; i += chunk) acc.push(signal.subarray(i, i + chunk));
      const peaks = acc.finish();
      expect(Array.from(peaks.data)).toEqual(expected);
      expect(peaks.length).toBe(Math.ceil(signal.length / 160));
    }
  });

  it('reports duration and energy in dB, with digital silence at the floor', () => {
    const pcm = new Int16Array(32000);
    pcm.fill(16384, 16000);
    const p = computePeaks(pcm, 16000, 160);
    expect(p.durationMs).toBe(2000);
    expect(p.energyDb[0]).toBe(-100);
    expect(p.energyDb[150]).toBeCloseTo(20 * Math.log10(0.5), 3);
  });

  it('writes audiowaveform JSON', () => {
    const p = computePeaks(signal.subarray(0, 1600), 16000, 160);
    const json = peaksToJson(p);
    expect(json).toMatchObject({ version: 2, channels: 1, sample_rate: 16000, samples_per_pixel: 160, bits: 8, length: 10 });
    expect(json.data).toHaveLength(20);
  });
});
