/**
 * Speaking-rate model for text without times.
 *
 * Conference speech runs at roughly 4.2 Chinese characters a second and 2.6 English words a second
 * (about 250 characters / 155 words a minute). A segment's expected duration is the sum of its Han
 * characters, Latin words and digit groups at those rates, plus a short pause after every sentence end
 * inside it. The same weights tell the aligner how to share a stretch of speech between sentences, and
 * the cue splitter how long a reader needs.
 */

const HAN_G = /\p{Script=Han}/gu;
const LATIN_WORD_G = /\p{Script=Latin}[\p{Script=Latin}'’-]*/gu;
const NUMBER_G = /\p{Nd}+(?:[.,:]\p{Nd}+)*/gu;
const SENTENCE_END_G = /[。！？!?；;]+|\.(?=\s|$)/gu;

/** Speaking-rate constants; override per call when a speaker is known to be faster or slower. */
export interface SpeakingRate {
  /** Han characters per second. */
  hanPerSecond: number;
  /** Latin words per second. */
  wordsPerSecond: number;
  /** Digit groups per second (a number is read as several syllables). */
  numbersPerSecond: number;
  /** Pause after each sentence end inside a segment, ms. */
  sentencePauseMs: number;
  /** Pause between consecutive segments, ms. */
  segmentGapMs: number;
  /** Shortest duration given to any non-empty segment, ms. */
  minDurationMs: number;
}

/** Rates measured for conference talks (WAIC-style forums); see docs/audio.md. */
export const DEFAULT_RATE: SpeakingRate = {
  hanPerSecond: 4.2,
  wordsPerSecond: 2.6,
  numbersPerSecond: 1.6,
  sentencePauseMs: 300,
  segmentGapMs: 250,
  minDurationMs: 600,
};

/** Counts of the units that take time to say. */
export interface SpokenUnits {
  han: number;
  words: number;
  numbers: number;
  sentenceEnds: number;
}

/** Counts Han characters, Latin words, digit groups and sentence ends in a text. */
export function spokenUnits(text: string): SpokenUnits {
  return {
    han: text.match(HAN_G)?.length ?? 0,
    words: text.match(LATIN_WORD_G)?.length ?? 0,
    numbers: text.match(NUMBER_G)?.length ?? 0,
    sentenceEnds: text.trimEnd().match(SENTENCE_END_G)?.length ?? 0,
  };
}

/**
 * Speaking time of a text in ms, without the trailing pause: units at the rate, plus a pause per
 * sentence end that is not the last one. Empty text (no spoken units) takes 0 ms.
 */
export function speakingDurationMs(text: string, rate: SpeakingRate = DEFAULT_RATE): number {
  const u = spokenUnits(text);
  const spoken = u.han / rate.hanPerSecond + u.words / rate.wordsPerSecond + u.numbers / rate.numbersPerSecond;
  if (spoken === 0) return 0;
  const innerPauses = Math.max(0, u.sentenceEnds - 1) * rate.sentencePauseMs;
  return Math.max(rate.minDurationMs, Math.round(spoken * 1000 + innerPauses));
}

/**
 * A relative length weight for sharing speech time between texts (seconds of speech at the default
 * rate, never zero so that every text gets a sliver).
 */
export function speechWeight(text: string, rate: SpeakingRate = DEFAULT_RATE): number {
  const u = spokenUnits(text);
  return Math.max(0.05, u.han / rate.hanPerSecond + u.words / rate.wordsPerSecond + u.numbers / rate.numbersPerSecond);
}
