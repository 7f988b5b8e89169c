/**
 * Timing, speech detection and cue splitting: the pure half of issue 7. The node half (decoding,
 * caches, espeak-ng synthesis) is electron/node/audio/; docs/audio.md shows how the pieces fit.
 */
export { estimateTimes, type EstimateResult } from './estimate';
export { DEFAULT_RATE, speakingDurationMs, speechWeight, spokenUnits, type SpeakingRate } from './reading-speed';
export { splitCues, splitAllCues, type Cue, type CueOptions, type CueSource } from './cues';
export { atomize, displayWidth, type Atom, type AtomizeOptions } from './cue-atoms';
export { splitUnits, type TextUnit } from './units';
export { PeakAccumulator, computePeaks, peaksToJson, type Peaks, type PeaksJson } from './peaks';
export { detectSpeech, speechF1, speechWithin, type SpeechInterval, type VadOptions } from './vad';
export { speechFromProbabilities, type ProbabilityVadOptions } from './vad-probabilities';
export { checkSpeechOverSilence, speechShare, SPEECH_OVER_SILENCE_RULE } from './speech-check';
export { alignToSynthesis, distributeOverSpeech, lowerNearBreaks, matchTempo, type AlignOptions, type SynthUnit, type UnitTiming } from './align';
export { mfcc, normaliseCepstra, type Cepstra, type MfccOptions } from './mfcc';
export { dtw, multiResolutionDtw, corridorFromPath, type Corridor, type FeatureSequence, type WarpPath } from './dtw';
