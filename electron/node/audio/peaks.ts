/**
 * Waveform peaks of any audio file ffmpeg can decode, streamed, cached.
 *
 * ffmpeg (a separate process) decodes to 16 kHz mono s16le on a pipe; the chunks feed the shared
 * PeakAccumulator (min/max and energy per 10 ms) and, when asked, a 16 kHz WAV copy in the cache that
 * later reads (deep zoom, speech detection, timing) use without decoding again. Nothing holds more than
 * a pipe chunk of PCM. Progress is the decoded time over the duration ffmpeg announces.
 * The cache file is `<magic "JDPK1\n"><u32 header length><JSON header><Int8 min/max pairs><pad><Float32
 * energies>`; reading it back takes milliseconds, so reopening a project is instant.
 */
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { PeakAccumulator, computePeaks, type Peaks } from '../../../shared/timing/peaks';
import { cacheKey, cachePath, defaultCacheDir, ensureCacheDir, tempBeside } from './cache';
import { decodePcm } from './ffmpeg';
import { WavWriter, readWavInfo, readWavSamples } from './wav';

/** PCM rate the app analyses audio at. */
export const ANALYSIS_RATE = 16000;
/** Peaks per second of the overview waveform. */
export const PEAKS_PER_SECOND = 100;

const MAGIC = Buffer.from('JDPK1\n', 'ascii');

export interface PeaksOptions {
  /** Cache folder (default: `.jiaodui-cache` beside the audio). */
  cacheDir?: string;
  /** Also keep a 16 kHz mono WAV copy in the cache (needed by timing and deep zoom). */
  keepWav?: boolean;
  /** Called with 0..1 as decoding advances (0 and 1 always). */
  onProgress?: (fraction: number) => void;
  /** Skip the cache read (recompute). */
  force?: boolean;
}

export interface PeaksResult {
  peaks: Peaks;
  /** True when read from the cache. */
  cached: boolean;
  /** Cached 16 kHz WAV, when it exists. */
  wavPath: string | null;
}

/** Serialises peaks to the cache format. */
export function encodePeaks(peaks: Peaks): Buffer {
  const head = Buffer.from(JSON.stringify({ sampleRate: peaks.sampleRate, samplesPerPeak: peaks.samplesPerPeak, length: peaks.length, durationMs: peaks.durationMs }), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  const before = MAGIC.length + 4 + head.length + peaks.data.length;
  const pad = Buffer.alloc((4 - (before % 4)) % 4);
  return Buffer.concat([MAGIC, len, head, Buffer.from(peaks.data.buffer, peaks.data.byteOffset, peaks.data.byteLength), pad, Buffer.from(peaks.energyDb.buffer, peaks.energyDb.byteOffset, peaks.energyDb.byteLength)]);
}

/** Reads the cache format back; null when the bytes are not a peaks file. */
export function decodePeaks(buf: Buffer): Peaks | null {
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const headLen = buf.readUInt32LE(MAGIC.length);
  const headAt = MAGIC.length + 4;
  const head = JSON.parse(buf.toString('utf8', headAt, headAt + headLen)) as { sampleRate: number; samplesPerPeak: number; length: number; durationMs: number };
  const dataAt = headAt + headLen;
  const data = new Int8Array(head.length * 2);
  data.set(new Int8Array(buf.buffer, buf.byteOffset + dataAt, head.length * 2));
  let energyAt = dataAt + head.length * 2;
  energyAt += (4 - (energyAt % 4)) % 4;
  if (buf.length < energyAt + head.length * 4) return null;
  const energyDb = new Float32Array(head.length);
  energyDb.set(new Float32Array(buf.buffer.slice(buf.byteOffset + energyAt, buf.byteOffset + energyAt + head.length * 4)));
  return { ...head, data, energyDb };
}

/** Peaks of an audio file, from the cache when the file is unchanged, else computed and cached. */
export async function loadPeaks(audioPath: string, options: PeaksOptions = {}): Promise<PeaksResult> {
  const key = await cacheKey(audioPath, options.cacheDir ?? defaultCacheDir(audioPath));
  const peaksFile = cachePath(key, 'peaks');
  const wavFile = cachePath(key, '16k.wav');
  const wavExists = await stat(wavFile).then((s) => s.size > 44, () => false);
  if (!options.force && (!options.keepWav || wavExists)) {
    const buf = await readFile(peaksFile).catch(() => null);
    const peaks = buf && decodePeaks(buf);
    if (peaks) {
      options.onProgress?.(1);
      return { peaks, cached: true, wavPath: wavExists ? wavFile : null };
    }
  }
  await ensureCacheDir(key);
  const peaks = await streamPeaks(audioPath, options.keepWav ? wavFile : null, options.onProgress);
  const tmp = tempBeside(peaksFile);
  try {
    await writeFile(tmp, encodePeaks(peaks));
    await rename(tmp, peaksFile);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  const wavNow = await stat(wavFile).then(() => true, () => false);
  return { peaks, cached: false, wavPath: wavNow ? wavFile : null };
}

/** Decodes through ffmpeg and accumulates peaks (and optionally writes the WAV copy). */
export async function streamPeaks(audioPath: string, wavPath: string | null, onProgress?: (f: number) => void): Promise<Peaks> {
  const proc = decodePcm(audioPath, ANALYSIS_RATE);
  const spp = ANALYSIS_RATE / PEAKS_PER_SECOND;
  let durationMs: number | null = null;
  void proc.duration.then((d) => (durationMs = d));
  const acc = new PeakAccumulator(ANALYSIS_RATE, spp, 1 << 16);
  const tmpWav = wavPath ? tempBeside(wavPath) : null;
  const wav = tmpWav ? await WavWriter.create(tmpWav, ANALYSIS_RATE) : null;
  onProgress?.(0);
  let carry: Buffer | null = null;
  let lastReport = 0;
  try {
    for await (const raw of proc.child.stdout as AsyncIterable<Buffer>) {
      let chunk: Buffer = carry ? Buffer.concat([carry, raw]) : raw;
      carry = null;
      if (chunk.length % 2) {
        carry = chunk.subarray(chunk.length - 1);
        chunk = chunk.subarray(0, chunk.length - 1);
      }
      if (chunk.byteOffset % 2) chunk = Buffer.from(chunk);
      acc.push(new Int16Array(chunk.buffer, chunk.byteOffset, chunk.length / 2));
      if (wav) await wav.write(chunk);
      const seen = (acc.samplesSeen / ANALYSIS_RATE) * 1000;
      if (onProgress && durationMs && seen - lastReport > durationMs / 200) {
        lastReport = seen;
        onProgress(Math.min(0.99, seen / durationMs));
      }
    }
    await proc.done;
  } catch (e) {
    proc.child.kill();
    if (wav) await wav.close().catch(() => {});
    if (tmpWav) await rm(tmpWav, { force: true });
    throw e;
  }
  if (wav && tmpWav && wavPath) {
    await wav.close();
    await rename(tmpWav, wavPath);
  }
  onProgress?.(1);
  return acc.finish();
}

/**
 * Detailed peaks for a window (deep zoom), read from the cached 16 kHz WAV: `peaksPerSecond` up to
 * 16000 (one sample a peak).
 */
export async function readWindowPeaks(wavPath: string, startMs: number, endMs: number, peaksPerSecond: number): Promise<Peaks> {
  const info = await readWavInfo(wavPath);
  if (!info) throw new Error(`not a 16-bit mono WAV: ${wavPath}`);
  const spp = Math.max(1, Math.round(info.sampleRate / peaksPerSecond));
  const from = Math.floor((startMs / 1000) * info.sampleRate / spp) * spp;
  const to = Math.ceil((endMs / 1000) * info.sampleRate);
  const samples = await readWavSamples(wavPath, info, from, to - from);
  return computePeaks(samples, info.sampleRate, spp);
}

/** Reads the leading bytes of a file (format sniffing). */
export async function readHead(path: string, bytes: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
