import { describe, expect, it } from 'vitest';
import { detectSpeech, speechF1, speechWithin } from '../../shared/timing/vad';

/** Energies at 10 ms: speech at -20 dB with small ripple over a -60 dB floor. */
function energies(speech: [number, number][], totalMs: number): Float32Array {
  const e = new Float32Array(totalMs / 10).map((_, i) => -60 + ((i * 7) % 5));
  for (const [a, b] of speech) for (let t = a / 10; t < b / 10; t++) e[t] = -20 + ((t * 3) % 4);
  return e;
}

describe('detectSpeech', () => {
  it('finds speech stretches and leaves silence out', () => {
    const truth: [number, number][] = [[1000, 3000], [5000, 9000]];
    const found = detectSpeech(energies(truth, 12_000), { frameMs: 10 });
    expect(found).toHaveLength(2);
    expect(Math.abs(found[0]!.start - 1000)).toBeLessThanOrEqual(60);
    expect(Math.abs(found[1]!.end - 9000)).toBeLessThanOrEqual(60);
    expect(speechF1(found, truth.map(([start, end]) => ({ start, end }))).f1).toBeGreaterThan(0.95);
  });

  it('bridges short pauses between words', () => {
    const found = detectSpeech(energies([[1000, 2000], [2150, 3000]], 5000), { frameMs: 10 });
    expect(found).toHaveLength(1);
  });

  it('finds nothing in flat silence', () => {
    expect(detectSpeech(new Float32Array(500).fill(-100), { frameMs: 10 })).toEqual([]);
  });

  it('measures speech inside a span', () => {
    const iv = [{ start: 0, end: 100 }, { start: 200, end: 300 }];
    expect(speechWithin(iv, 50, 250)).toBe(100);
  });
});
