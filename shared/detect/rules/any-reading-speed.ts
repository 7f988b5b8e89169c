/**
 * any.reading-speed — text too long for the time it was spoken in, a sign of hallucinated text (or of broken
 * timing). Only timed segments; speech rates above ~15 Han characters or ~8 English words a second (double
 * fast speech) are flagged. The flag proposes deleting the segment but is never applied automatically (0.35):
 * the user checks the audio.
 */
import type { Rule } from '../rule';
import { countHan, countLatinWords } from '../../model/lang';

const MAX_HAN_PER_S = 15;
const MAX_WORDS_PER_S = 8;
const MIN_UNITS = 8;

export const anyReadingSpeed: Rule = {
  id: 'any.reading-speed',
  title: 'Impossible speaking rate for the segment’s timing',
  languages: ['zh', 'en', 'mixed'],
  defaultLevel: 'thorough',
  examples: [
    { in: '没有时间的文本从不按语速检查，无论它多长多长多长多长。', flags: [], level: 'thorough', note: 'untimed segments are not checked' },
  ],
  detect(segment) {
    if (segment.start === undefined || segment.end === undefined) return [];
    const seconds = Math.max(0.05, (segment.end - segment.start) / 1000);
    const han = countHan(segment.raw);
    const words = countLatinWords(segment.raw);
    const units = han + words * 2;
    if (units < MIN_UNITS) return [];
    const rate = han / seconds + (words * MAX_HAN_PER_S) / MAX_WORDS_PER_S / seconds;
    if (rate <= MAX_HAN_PER_S) return [];
    return [{
      start: 0, end: segment.raw.length, kind: 'hallucination', suggestion: '', confidence: 0.35,
      reason: `${han} characters and ${words} words in ${seconds.toFixed(1)} s is faster than anyone speaks; check the audio`,
    }];
  },
};
