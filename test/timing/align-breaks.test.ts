import { describe, expect, it } from 'vitest';
import { lowerNearBreaks, type SynthUnit, type UnitTiming } from '../../shared/timing/align';

/** 40 units of 4 s speech + 1 s pause; `gapAfter` inserts that much untranscribed speech after unit 19. */
function scene(gapAfter: number): { out: UnitTiming[]; synth: SynthUnit[]; speech: { start: number; end: number }[] } {
  const synth: SynthUnit[] = [];
  const out: UnitTiming[] = [];
  const speech: { start: number; end: number }[] = [];
  let t = 0;
  for (let i = 0; i < 40; i++) {
    synth.push({ start: i * 5000, end: i * 5000 + 4000 });
    out.push({ start: t, end: t + 4000, confidence: 0.8 });
    speech.push({ start: t, end: t + 4000 });
    t += 5000;
    if (i === 19 && gapAfter > 0) {
      speech.push({ start: t, end: t + gapAfter });
      t += gapAfter + 1000;
    }
  }
  return { out, synth, speech };
}

describe('lowerNearBreaks', () => {
  it('leaves units alone when the audio holds no untranscribed speech', () => {
    const { out, synth, speech } = scene(0);
    expect(lowerNearBreaks(out, synth, speech)).toEqual([]);
    expect(out.every((u) => u.confidence === 0.8)).toBe(true);
  });

  it('doubts the units before and right after a jump over two minutes of untranscribed speech', () => {
    const { out, synth, speech } = scene(120_000);
    const breaks = lowerNearBreaks(out, synth, speech);
    expect(breaks).toHaveLength(1);
    // The units the coarse pass could have put inside the break (up to its length before it) and the
    // first ones after it are below 0.5; units far from it keep their confidence.
    for (const i of [15, 19, 20, 21]) expect(out[i]!.confidence).toBeLessThan(0.5);
    expect(out[39]!.confidence).toBe(0.8);
  });

  it('ignores a long pause with no speech in it (silence or music the detector rejected)', () => {
    const { out, synth } = scene(120_000);
    const speechOnlyUnits = out.map((u) => ({ start: u.start, end: u.end }));
    expect(lowerNearBreaks(out, synth, speechOnlyUnits)).toEqual([]);
  });

  it('ignores a short aside below breakSpeechMs', () => {
    const { out, synth, speech } = scene(15_000);
    expect(lowerNearBreaks(out, synth, speech)).toEqual([]);
  });
});
