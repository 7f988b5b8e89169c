import { describe, expect, it } from 'vitest';
import { speechFromProbabilities } from '../../shared/timing/vad-probabilities';

const frames = (pattern: string) => Array.from(pattern, (c) => (c === '#' ? 0.9 : c === '-' ? 0.4 : 0.05));

describe('speechFromProbabilities', () => {
  it('turns runs above the threshold into padded intervals', () => {
    const speech = speechFromProbabilities(frames('....##########..........'), { frameMs: 32, padMs: 0, minSilenceMs: 100 });
    expect(speech).toEqual([{ start: 4 * 32, end: 14 * 32 }]);
  });

  it('keeps speech through a dip that stays above the lower threshold', () => {
    const speech = speechFromProbabilities(frames('..#####------#####...'), { frameMs: 32, padMs: 0, minSilenceMs: 0 });
    expect(speech).toHaveLength(1);
  });

  it('bridges pauses shorter than minSilenceMs and keeps longer ones', () => {
    const p = frames('########....########..............########');
    expect(speechFromProbabilities(p, { frameMs: 32, padMs: 0, minSilenceMs: 200 })).toHaveLength(2);
    expect(speechFromProbabilities(p, { frameMs: 32, padMs: 0, minSilenceMs: 100 })).toHaveLength(3);
  });

  it('drops bursts shorter than minSpeechMs (a click)', () => {
    expect(speechFromProbabilities(frames('.....##.........'), { frameMs: 32, minSpeechMs: 250 })).toEqual([]);
  });
});
