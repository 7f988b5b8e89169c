/**
 * Audio for the browser host (web mode): peaks from the chosen File, and automatic timing by length.
 *
 * Peaks: Web Audio's `decodeAudioData` on an OfflineAudioContext at 16 kHz decodes (and resamples) the whole file
 * at once, then the channels are mixed to mono and fed slice by slice to shared/timing's PeakAccumulator, yielding
 * to the event loop between slices so the progress bar moves; the result has the same shape as the Electron host's
 * (100 peaks a second, min/max as signed 8 bits, energy per block). The decoded file is dropped afterwards (a
 * recording of up to 20 minutes keeps its 16 kHz mono PCM as Int16 for deep-zoom window peaks). This
 * holds the whole decoded file in memory, so it suits recordings up to about an hour; Chromium gives up at about
 * 2 GiB of decoded audio (docs/audio.md). The desktop app streams through ffmpeg instead.
 *
 * A long recording can be opened with its peaks instead: `jiaodui peaks AUDIO -o AUDIO.peaks.json` on a machine
 * with the CLI, then both files chosen together; the JSON (audiowaveform version 2, 8 bits, one channel) is read
 * and nothing is decoded. It has no energies, so they are estimated from each block's peak amplitude (enough for
 * the speech detector, whose thresholds are percentiles of the file's own levels).
 *
 * Timing: the energy speech detector (shared/timing/vad) over the peaks' energies, the segments cut into sentences
 * (units), and the detected speech shared between the units by speaking weight — the same "length" method the
 * desktop app uses without espeak-ng. No forced alignment in the browser.
 */
import type { AudioPeaks, SegmentTime, TimingResult, TimingSegment } from '../../shared/ipc';
import { distributeOverSpeech } from '../../shared/timing/align';
import { PeakAccumulator, SILENCE_DB, computePeaks, type PeaksJson } from '../../shared/timing/peaks';
import { speechWeight } from '../../shared/timing/reading-speed';
import { splitUnits } from '../../shared/timing/units';
import { detectSpeech } from '../../shared/timing/vad';

/** Rate the browser decodes at for peaks and speech detection (the desktop app's analysis rate). */
export const WEB_ANALYSIS_RATE = 16000;
const SAMPLES_PER_PEAK = WEB_ANALYSIS_RATE / 100;
const SLICE = 1 << 20;

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Recordings up to this long keep their 16 kHz mono PCM (Int16, 1.9 MB a minute) for deep-zoom window peaks. */
export const KEEP_PCM_UP_TO_MS = 20 * 60 * 1000;

export interface DecodedAudio {
  peaks: AudioPeaks;
  /** 16 kHz mono PCM, kept for short recordings only (deep zoom). */
  pcm: Int16Array | null;
}

/** Decodes an audio file in the browser and computes its peaks; `onProgress` gets 0..1. */
export async function decodeFilePeaks(file: Blob, onProgress: (fraction: number) => void): Promise<DecodedAudio> {
  onProgress(0);
  const bytes = await file.arrayBuffer();
  onProgress(0.05);
  const context = new OfflineAudioContext(1, 1, WEB_ANALYSIS_RATE);
  const buffer = await context.decodeAudioData(bytes);
  onProgress(0.5);
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
  const acc = new PeakAccumulator(WEB_ANALYSIS_RATE, SAMPLES_PER_PEAK, buffer.length / SAMPLES_PER_PEAK + 1);
  const mono = new Float32Array(Math.min(SLICE, buffer.length));
  const pcm = (buffer.length / WEB_ANALYSIS_RATE) * 1000 <= KEEP_PCM_UP_TO_MS ? new Int16Array(buffer.length) : null;
  for (let from = 0; from < buffer.length; from += SLICE) {
    const n = Math.min(SLICE, buffer.length - from);
    const slice = mono.subarray(0, n);
    slice.set(channels[0]!.subarray(from, from + n));
    for (let c = 1; c < channels.length; c++) {
      const ch = channels[c]!;
      for (let i = 0; i < n; i++) slice[i] = slice[i]! + ch[from + i]!;
    }
    if (channels.length > 1) for (let i = 0; i < n; i++) slice[i] = slice[i]! / channels.length;
    acc.push(slice);
    if (pcm) for (let i = 0; i < n; i++) pcm[from + i] = Math.max(-32768, Math.min(32767, Math.round(slice[i]! * 32768)));
    onProgress(0.5 + 0.5 * ((from + n) / buffer.length));
    await tick();
  }
  onProgress(1);
  return { peaks: acc.finish(), pcm };
}

/** Detailed peaks of a window of kept PCM (deep zoom), like the desktop app's reading of its cached WAV. */
export function pcmWindowPeaks(pcm: Int16Array, startMs: number, endMs: number, peaksPerSecond: number): AudioPeaks {
  const spp = Math.max(1, Math.round(WEB_ANALYSIS_RATE / peaksPerSecond));
  const from = Math.min(pcm.length, Math.floor(((startMs / 1000) * WEB_ANALYSIS_RATE) / spp) * spp);
  const to = Math.min(pcm.length, Math.ceil((endMs / 1000) * WEB_ANALYSIS_RATE));
  return computePeaks(pcm.subarray(from, Math.max(from, to)), WEB_ANALYSIS_RATE, spp);
}

/** The `data` array of a peaks JSON file, read from its bytes straight into an Int8Array (null: not found or not integers). */
function scanPeakData(bytes: Uint8Array): { data: Int8Array; from: number; to: number } | null {
  const key = new TextEncoder().encode('"data"');
  let at = -1;
  search: for (let i = 0; i + key.length <= bytes.length; i++) {
    for (let k = 0; k < key.length; k++) if (bytes[i + k] !== key[k]) continue search;
    at = i;
    break;
  }
  if (at < 0) return null;
  let i = at + key.length;
  const skipSpace = () => {
    while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  };
  skipSpace();
  if (bytes[i] !== 0x3a) return null; // :
  i++;
  skipSpace();
  if (bytes[i] !== 0x5b) return null; // [
  i++;
  // at most one value per two bytes ("0,"): the array is cut to its length at the end
  const out = new Int8Array(Math.ceil((bytes.length - i) / 2));
  let n = 0;
  skipSpace();
  if (bytes[i] === 0x5d) return { data: out.subarray(0, 0), from: at, to: i + 1 };
  for (;;) {
    skipSpace();
    let sign = 1;
    if (bytes[i] === 0x2d) {
      sign = -1;
      i++;
    }
    let value = 0;
    let digits = 0;
    while (i < bytes.length && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) {
      value = value * 10 + bytes[i]! - 0x30;
      digits++;
      i++;
    }
    if (!digits || value * sign < -128 || value * sign > 127) return null;
    out[n++] = value * sign;
    skipSpace();
    if (bytes[i] === 0x2c) i++;
    else if (bytes[i] === 0x5d) return { data: out.slice(0, n), from: at, to: i + 1 };
    else return null;
  }
}

/**
 * Peaks from audiowaveform JSON (as `jiaodui peaks` writes it); throws a readable message on anything else.
 * The file of a 3 h recording holds 2.2 million numbers (6.8 MB): its bytes are scanned straight into an
 * Int8Array and only the small header goes through JSON.parse — `JSON.parse` of the whole file built a 2.2
 * million-element array (17 MB, and a copy of it) on the UI thread's heap. The energies (4.3 MB for 3 h) are
 * computed when first read (automatic timing), not when the waveform opens.
 */
export function peaksFromJson(input: string | Uint8Array): AudioPeaks {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const bad = () => new Error('not a peaks file from `jiaodui peaks` (audiowaveform JSON version 2, one channel, 8 bits)');
  const scanned = scanPeakData(bytes);
  if (!scanned) throw bad();
  const decoder = new TextDecoder();
  let j: Partial<PeaksJson>;
  try {
    j = JSON.parse(`${decoder.decode(bytes.subarray(0, scanned.from))}"data":[]${decoder.decode(bytes.subarray(scanned.to))}`) as Partial<PeaksJson>;
  } catch {
    throw bad();
  }
  if (j.version !== 2 || j.channels !== 1 || j.bits !== 8 || !j.sample_rate || !j.samples_per_pixel) throw bad();
  const length = Math.floor(scanned.data.length / 2);
  const data = scanned.data.length === length * 2 ? scanned.data : scanned.data.slice(0, length * 2);
  const durationMs = j.duration_ms ?? Math.round((length * j.samples_per_pixel * 1000) / j.sample_rate);
  let energyDb: Float32Array | null = null;
  const peaks = { sampleRate: j.sample_rate, samplesPerPeak: j.samples_per_pixel, length, data, durationMs } as AudioPeaks;
  Object.defineProperty(peaks, 'energyDb', {
    enumerable: true,
    get() {
      if (!energyDb) {
        energyDb = new Float32Array(length);
        for (let i = 0; i < length; i++) {
          const amp = Math.max(Math.abs(data[2 * i]!), Math.abs(data[2 * i + 1]!)) / 128;
          // a sine's mean power is half its peak squared; digital silence gets the accumulator's floor
          energyDb[i] = amp > 0 ? 10 * Math.log10((amp * amp) / 2) : SILENCE_DB;
        }
      }
      return energyDb;
    },
  });
  return peaks;
}

/**
 * Times the untimed segments by length over the detected speech (see the file comment). Timed segments get null
 * and keep their times; an untimed segment spans its units.
 */
export function timeByLength(peaks: AudioPeaks, segments: readonly TimingSegment[]): TimingResult {
  const speech = detectSpeech(peaks.energyDb, { frameMs: (1000 * peaks.samplesPerPeak) / peaks.sampleRate });
  const units = segments.flatMap((s, index) => splitUnits(s.raw).map((u) => ({ index, text: u.text })));
  const timed = distributeOverSpeech(units.map((u) => speechWeight(u.text)), speech, peaks.durationMs);
  const times: (SegmentTime | null)[] = segments.map(() => null);
  units.forEach((u, k) => {
    const s = segments[u.index]!;
    if (s.start !== undefined && s.end !== undefined) return;
    const t = timed[k]!;
    const prev = times[u.index];
    times[u.index] = prev
      ? { start: Math.min(prev.start, t.start), end: Math.max(prev.end, t.end), confidence: Math.min(prev.confidence, t.confidence) }
      : { ...t };
  });
  return { times, method: 'length', durationMs: peaks.durationMs };
}
