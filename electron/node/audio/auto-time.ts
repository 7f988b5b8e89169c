/**
 * Automatic timing of a transcript against its recording (the node side of shared/timing/align.ts).
 *
 * 1. Peaks with a cached 16 kHz WAV (peaks.ts); speech intervals by the energy detector or Silero VAD
 *    (speech.ts chooses; `vad` option).
 * 2. Segments are cut into units (sentences, long ones at clauses: units.ts).
 * 3. Without espeak-ng: units share the detected speech by speaking weight (confidence 0.3).
 *    With it: the units are synthesised (tts.ts), MFCCs of the WAV are computed a minute at a time,
 *    and multi-resolution DTW places every unit (alignToSynthesis).
 * 4. Each untimed segment takes the span of its units; timed segments are left as they were. The unit
 *    times come back too, as anchors for the cue splitter (they act as word times).
 */
import type { Segment, Word } from '../../../shared/model/segment';
import { alignToSynthesis, distributeOverSpeech, type UnitTiming } from '../../../shared/timing/align';
import { mfcc, normaliseCepstra, type Cepstra } from '../../../shared/timing/mfcc';
import { speechWeight } from '../../../shared/timing/reading-speed';
import { splitUnits } from '../../../shared/timing/units';
import { splitAllCues, type Cue, type CueOptions } from '../../../shared/timing/cues';
import type { SpeechInterval } from '../../../shared/timing/vad';
import { ANALYSIS_RATE, loadPeaks } from './peaks';
import { detectRecordingSpeech, type VadChoice } from './speech';
import { findEspeak, synthesizeUnits } from './tts';
import { readWavInfo, readWavSamples } from './wav';

export interface AutoTimeOptions {
  cacheDir?: string;
  /** Use forced alignment when espeak-ng is present (default true). */
  align?: boolean;
  /** Speech detector: `auto` (default: Silero for short recordings when installed), `energy`, `silero`. */
  vad?: VadChoice;
  onProgress?: (stage: string, fraction: number) => void;
}

/** A timed unit of a segment's text, with the segment it belongs to. */
export interface TimedUnit extends UnitTiming {
  segmentIndex: number;
  text: string;
}

export interface AutoTimeResult {
  segments: Segment[];
  units: TimedUnit[];
  method: 'alignment' | 'length';
  speech: SpeechInterval[];
  /** The speech detector used, and why Silero was not when it was asked for. */
  vad: 'energy' | 'silero';
  vadNote?: string;
  durationMs: number;
  /** Wall-clock ms per stage. */
  timings: Record<string, number>;
}

const HOP = 640;
const CHUNK_FRAMES = 1500;

/** MFCCs of a 16 kHz WAV at 40 ms, computed a minute at a time. */
export async function wavCepstra(wavPath: string): Promise<Cepstra> {
  const info = await readWavInfo(wavPath);
  if (!info) throw new Error(`not a 16-bit mono WAV: ${wavPath}`);
  const total = info.samples === 0 ? 0 : Math.floor((info.samples - 1) / HOP) + 1;
  const window = 512;
  let data = new Float32Array(0);
  for (let first = 0; first < total; first += CHUNK_FRAMES) {
    const count = Math.min(CHUNK_FRAMES, total - first);
    const from = Math.max(0, first * HOP - window);
    const to = (first + count) * HOP + window;
    const pcm = await readWavSamples(wavPath, info, from, to - from);
    const c = mfcc(pcm, { sampleRate: info.sampleRate, hop: HOP, window, origin: from, firstFrame: first, frameCount: count });
    if (data.length === 0) data = new Float32Array(total * c.dim);
    data.set(c.data, first * c.dim);
  }
  return { data, frames: total, dim: 13, hopMs: (HOP / ANALYSIS_RATE) * 1000 };
}

/** Times the untimed segments of a transcript against an audio file. */
export async function autoTime(segments: readonly Segment[], audioPath: string, options: AutoTimeOptions = {}): Promise<AutoTimeResult> {
  const timings: Record<string, number> = {};
  let t = Date.now();
  const lap = (name: string) => {
    const now = Date.now();
    timings[name] = now - t;
    t = now;
  };
  const progress = options.onProgress ?? (() => {});
  const { peaks, wavPath } = await loadPeaks(audioPath, { cacheDir: options.cacheDir, keepWav: true, onProgress: (f) => progress('decode', f) });
  lap('peaks');
  const detected = await detectRecordingSpeech(audioPath, peaks, wavPath, { vad: options.vad, cacheDir: options.cacheDir, onProgress: (f) => progress('speech', f) });
  const speech = detected.speech;
  lap('vad');
  const units = segments.flatMap((s, segmentIndex) => splitUnits(s.raw).map((u) => ({ segmentIndex, text: u.text, lang: s.lang })));
  let timed: UnitTiming[];
  let method: AutoTimeResult['method'] = 'length';
  if ((options.align ?? true) && findEspeak() && wavPath && units.length > 0) {
    const synth = await synthesizeUnits(units, { onProgress: (f) => progress('synthesis', f) });
    lap('synthesis');
    const real = normaliseCepstra(await wavCepstra(wavPath));
    lap('mfcc');
    progress('alignment', 0);
    timed = alignToSynthesis(real, normaliseCepstra(synth.cepstra), synth.units, speech);
    lap('alignment');
    method = 'alignment';
  } else {
    timed = distributeOverSpeech(units.map((u) => speechWeight(u.text)), speech, peaks.durationMs);
    lap('distribution');
  }
  const timedUnits: TimedUnit[] = units.map((u, k) => ({ ...timed[k]!, segmentIndex: u.segmentIndex, text: u.text }));
  return { segments: applyUnitTimes(segments, timedUnits), units: timedUnits, method, speech, vad: detected.vad, vadNote: detected.note, durationMs: peaks.durationMs, timings };
}

/** Copies of the segments with untimed ones spanning their units. */
export function applyUnitTimes(segments: readonly Segment[], units: readonly TimedUnit[]): Segment[] {
  const out = segments.map((s) => ({ ...s }));
  for (const u of units) {
    const s = out[u.segmentIndex]!;
    if (segments[u.segmentIndex]!.start !== undefined && segments[u.segmentIndex]!.end !== undefined) continue;
    s.start = s.start === undefined ? u.start : Math.min(s.start, u.start);
    s.end = s.end === undefined ? u.end : Math.max(s.end, u.end);
  }
  return out;
}

/** Unit times of one segment as word-like anchors for the cue splitter. */
export function unitAnchors(units: readonly TimedUnit[], segmentIndex: number): Word[] {
  return units.filter((u) => u.segmentIndex === segmentIndex).map((u) => ({ text: u.text, start: u.start, end: u.end }));
}

/**
 * Subtitle cues of a timed result: each segment split for reading, with its unit times as anchors.
 * Pass `isWord` (a lexicon lookup) so cues never break inside a known word.
 */
export function cuesForTimed(result: Pick<AutoTimeResult, 'segments' | 'units'>, options: CueOptions = {}): Cue[] {
  return splitAllCues(result.segments.map((s, i) => ({ id: s.id, text: s.raw, lang: s.lang, start: s.start, end: s.end, words: s.words ?? unitAnchors(result.units, i) })), options);
}
