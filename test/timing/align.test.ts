import { describe, expect, it } from 'vitest';
import { alignToSynthesis, distributeOverSpeech, matchTempo } from '../../shared/timing/align';
import type { Cepstra } from '../../shared/timing/mfcc';

describe('distributeOverSpeech', () => {
  it('shares detected speech by weight and skips the silences between', () => {
    const speech = [{ start: 1000, end: 3000 }, { start: 5000, end: 7000 }];
    const t = distributeOverSpeech([1, 1], speech, 8000);
    expect(t[0]).toMatchObject({ start: 1000, end: 3000 });
    expect(t[1]).toMatchObject({ start: 5000, end: 7000 });
  });

  it('uses the whole file when no speech was detected', () => {
    const t = distributeOverSpeech([1, 3], [], 4000);
    expect(t.map((x) => [x.start, x.end])).toEqual([[0, 1000], [1000, 4000]]);
  });
});

/** Frames of 13 coefficients; each "phone" is a distinct pseudo-random vector. */
function phones(count: number, seed: number): Float32Array[] {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296) * 2 - 1;
  return Array.from({ length: count }, () => Float32Array.from({ length: 13 }, rnd));
}

function track(frames: Float32Array[]): Cepstra {
  const data = new Float32Array(frames.length * 13);
  frames.forEach((f, i) => data.set(f, i * 13));
  return { data, frames: frames.length, dim: 13, hopMs: 40 };
}

describe('alignToSynthesis', () => {
  it('recovers unit starts in slower real speech with an untranscribed stretch', () => {
    const p = phones(120, 7);
    const silence = new Float32Array(13);
    const unitPhones = Array.from({ length: 12 }, (_, u) => p.slice(u * 10, u * 10 + 10));
    const synthFrames: Float32Array[] = [];
    const synthUnits: { start: number; end: number }[] = [];
    const realFrames: Float32Array[] = [];
    const truth: number[] = [];
    const other = phones(50, 99);
    unitPhones.forEach((ph, u) => {
      for (let k = 0; k < 5; k++) synthFrames.push(silence);
      synthUnits.push({ start: synthFrames.length * 40, end: (synthFrames.length + ph.length * 3) * 40 });
      for (const f of ph) synthFrames.push(f, f, f);
      for (let k = 0; k < 8; k++) realFrames.push(silence);
      if (u === 6) for (let k = 0; k < 600; k++) realFrames.push(other[k % 50]!);
      truth.push(realFrames.length * 40);
      for (const f of ph) for (let k = 0; k < 4; k++) realFrames.push(f);
    });
    for (let k = 0; k < 5; k++) synthFrames.push(silence);
    const speech = truth.map((t, u) => ({ start: t, end: t + unitPhones[u]!.length * 4 * 40 }));
    const result = alignToSynthesis(track(realFrames), track(synthFrames), synthUnits, speech);
    if (process.env.DEBUG_ALIGN) console.log(result.map((r, u) => [r.start, truth[u], r.confidence]));
    result.forEach((r, u) => expect(Math.abs(r.start - truth[u]!)).toBeLessThanOrEqual(80));
    expect(result.every((r) => r.confidence > 0.5)).toBe(true);
  });

  it('stretches the synthetic track to the detected speech tempo', () => {
    const t = track(phones(100, 3));
    const m = matchTempo(t, [{ start: 0, end: 4000 }], [{ start: 0, end: 6000 }]);
    expect(m.ratio).toBeCloseTo(1.5, 5);
    expect(m.synth.frames).toBe(150);
    expect(m.units[0]).toEqual({ start: 0, end: 6000 });
  });
});
