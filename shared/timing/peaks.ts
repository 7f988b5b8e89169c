/**
 * Waveform peaks computed as the audio streams past, never holding the decoded file.
 *
 * The decoder delivers mono PCM in chunks of any size. Every `samplesPerPeak` samples (160 at 16 kHz for
 * 100 peaks a second) the accumulator records the block's minimum and maximum, quantised to signed
 * 8 bits (-128..127) the way BBC audiowaveform stores them, and the block's mean energy in dB, which
 * the speech detector (vad.ts) reads instead of decoding the file again. A trailing partial block is
 * kept as a last peak. Memory is O(number of peaks): a 3 h file at 100/s is 1.08 M peaks ≈ 6.5 MB.
 */

/** Peaks of one mono channel, audiowaveform-compatible (`data` interleaves min, max). */
export interface Peaks {
  /** Sample rate of the PCM the peaks were computed from. */
  sampleRate: number;
  samplesPerPeak: number;
  /** Number of peaks (pairs in `data`). */
  length: number;
  /** Interleaved min/max per peak, signed 8-bit (-128..127). */
  data: Int8Array;
  /** Mean energy per peak in dB relative to full scale (-100 for digital silence). */
  energyDb: Float32Array;
  durationMs: number;
}

/** Floor used for the energy of digital silence. */
export const SILENCE_DB = -100;

function quantise(v: number): number {
  const q = Math.round(v * 128);
  return q > 127 ? 127 : q < -128 ? -128 : q;
}

/**
 * Streaming min/max/energy accumulator. Feed PCM with {@link PeakAccumulator.push} (Int16 samples or
 * floats in -1..1) and call {@link PeakAccumulator.finish} once.
 */
export class PeakAccumulator {
  private mins: Int8Array;
  private maxs: Int8Array;
  private energy: Float32Array;
  private count = 0;
  private blockMin = Infinity;
  private blockMax = -Infinity;
  private blockSq = 0;
  private blockFill = 0;
  private samples = 0;

  constructor(readonly sampleRate: number, readonly samplesPerPeak: number, expectedPeaks = 1024) {
    if (!(samplesPerPeak >= 1)) throw new RangeError('samplesPerPeak must be at least 1');
    const cap = Math.max(16, Math.ceil(expectedPeaks));
    this.mins = new Int8Array(cap);
    this.maxs = new Int8Array(cap);
    this.energy = new Float32Array(cap);
  }

  /** Adds samples: Int16Array (scaled by 1/32768) or Float32Array already in -1..1. */
  push(chunk: Int16Array | Float32Array): void {
    const scale = chunk instanceof Int16Array ? 1 / 32768 : 1;
    const spp = this.samplesPerPeak;
    let min = this.blockMin;
    let max = this.blockMax;
    let sq = this.blockSq;
    let fill = this.blockFill;
    for (let i = 0; i < chunk.length; i++) {
      const v = chunk[i]! * scale;
      if (v < min) min = v;
      if (v > max) max = v;
      sq += v * v;
      if (++fill === spp) {
        this.emit(min, max, sq, fill);
        min = Infinity;
        max = -Infinity;
        sq = 0;
        fill = 0;
      }
    }
    this.blockMin = min;
    this.blockMax = max;
    this.blockSq = sq;
    this.blockFill = fill;
    this.samples += chunk.length;
  }

  /** Samples seen so far. */
  get samplesSeen(): number {
    return this.samples;
  }

  private emit(min: number, max: number, sq: number, n: number): void {
    if (this.count === this.mins.length) this.grow();
    this.mins[this.count] = quantise(min);
    this.maxs[this.count] = quantise(max);
    const mean = sq / n;
    this.energy[this.count] = mean > 1e-10 ? 10 * Math.log10(mean) : SILENCE_DB;
    this.count++;
  }

  private grow(): void {
    const cap = this.mins.length * 2;
    const mins = new Int8Array(cap);
    mins.set(this.mins);
    const maxs = new Int8Array(cap);
    maxs.set(this.maxs);
    const energy = new Float32Array(cap);
    energy.set(this.energy);
    this.mins = mins;
    this.maxs = maxs;
    this.energy = energy;
  }

  /** Flushes the partial last block and returns the peaks. */
  finish(): Peaks {
    if (this.blockFill > 0) this.emit(this.blockMin, this.blockMax, this.blockSq, this.blockFill);
    this.blockFill = 0;
    const data = new Int8Array(this.count * 2);
    for (let i = 0; i < this.count; i++) {
      data[2 * i] = this.mins[i]!;
      data[2 * i + 1] = this.maxs[i]!;
    }
    return {
      sampleRate: this.sampleRate,
      samplesPerPeak: this.samplesPerPeak,
      length: this.count,
      data,
      energyDb: this.energy.slice(0, this.count),
      durationMs: Math.round((this.samples / this.sampleRate) * 1000),
    };
  }
}

/** Peaks of a whole buffer at once (small files, tests, a zoomed window read from the cached WAV). */
export function computePeaks(samples: Int16Array | Float32Array, sampleRate: number, samplesPerPeak: number): Peaks {
  const acc = new PeakAccumulator(sampleRate, samplesPerPeak, samples.length / samplesPerPeak + 1);
  acc.push(samples);
  return acc.finish();
}

/** The audiowaveform JSON shape (version 2, one channel, 8 bits) the CLI writes. */
export interface PeaksJson {
  version: 2;
  channels: 1;
  sample_rate: number;
  samples_per_pixel: number;
  bits: 8;
  length: number;
  duration_ms: number;
  data: number[];
}

/** Converts peaks to audiowaveform-style JSON. */
export function peaksToJson(peaks: Peaks): PeaksJson {
  return {
    version: 2,
    channels: 1,
    sample_rate: peaks.sampleRate,
    samples_per_pixel: peaks.samplesPerPeak,
    bits: 8,
    length: peaks.length,
    duration_ms: peaks.durationMs,
    data: Array.from(peaks.data),
  };
}
