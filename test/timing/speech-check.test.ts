import { describe, expect, it } from 'vitest';
import type { Segment } from '../../shared/model/segment';
import { SPEECH_OVER_SILENCE_RULE, checkSpeechOverSilence } from '../../shared/timing/speech-check';

const seg = (id: string, start: number, end: number, raw = '谢谢观看'): Segment => ({ id, sourceLine: 1, lang: 'zh', raw, start, end });

describe('checkSpeechOverSilence', () => {
  const speech = [{ start: 0, end: 10_000 }];

  it('flags text sitting over silence as a possible hallucination', () => {
    const flags = checkSpeechOverSilence([seg('a', 2000, 5000), seg('b', 20_000, 24_000)], speech);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ segmentId: 'b', kind: 'hallucination', ruleId: SPEECH_OVER_SILENCE_RULE, start: 0, end: 4 });
    expect(flags[0]!.confidence).toBeLessThan(0.9);
  });

  it('leaves untimed and very short segments alone', () => {
    const untimed: Segment = { id: 'u', sourceLine: 1, lang: 'zh', raw: '你好' };
    expect(checkSpeechOverSilence([untimed, seg('s', 20_000, 20_200)], speech)).toEqual([]);
  });
});
