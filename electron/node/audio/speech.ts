/**
 * Speech detection for a recording, choosing the detector: the energy detector (shared/timing/vad.ts,
 * instant, from the peaks' energies) or Silero VAD (silero-vad.ts, a neural model over the cached 16 kHz
 * WAV, better at telling speech from applause and music but ~1-2 s a minute of audio here).
 *
 * `auto` takes Silero when it is installed and the recording is at most `sileroAutoMaxMs` long (the
 * default keeps its cost to about ten seconds on this kind of machine), else the energy detector; a
 * Silero result is cached beside the peaks (`<audio>.<size>-<mtime>.silero5.json`), so a second run of
 * a long file costs nothing and `silero` is then cheap to ask for.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { Peaks } from '../../../shared/timing/peaks';
import { detectSpeech, type SpeechInterval } from '../../../shared/timing/vad';
import { cacheKey, cachePath, defaultCacheDir, ensureCacheDir, tempBeside } from './cache';
import { detectSpeechSilero, sileroStatus } from './silero-vad';

/** Which speech detector to use. */
export type VadChoice = 'energy' | 'silero' | 'auto';

/** Up to this length `auto` uses Silero (measured: see docs/audio.md). */
export const SILERO_AUTO_MAX_MS = 10 * 60_000;

export interface SpeechOptions {
  vad?: VadChoice;
  cacheDir?: string;
  sileroAutoMaxMs?: number;
  /** Silero model file (default: found by `findSileroModel`). */
  sileroModel?: string;
  onProgress?: (fraction: number) => void;
}

export interface SpeechResult {
  speech: SpeechInterval[];
  /** The detector that produced `speech`. */
  vad: 'energy' | 'silero';
  /** Why Silero was not used when it was asked for (package or model missing, no WAV). */
  note?: string;
  cached?: boolean;
}

/** Speech intervals of a recording by the chosen detector (see the file comment). */
export async function detectRecordingSpeech(audioPath: string, peaks: Peaks, wavPath: string | null, options: SpeechOptions = {}): Promise<SpeechResult> {
  const choice = options.vad ?? 'auto';
  const energy = (): SpeechInterval[] => detectSpeech(peaks.energyDb, { frameMs: 1000 / (peaks.sampleRate / peaks.samplesPerPeak) });
  if (choice === 'energy') return { speech: energy(), vad: 'energy' };
  const key = await cacheKey(audioPath, options.cacheDir ?? defaultCacheDir(audioPath));
  const cacheFile = cachePath(key, 'silero5.json');
  const cached = await readFile(cacheFile, 'utf8').then((t) => JSON.parse(t) as { speech?: SpeechInterval[] }, () => null);
  if (cached?.speech) return { speech: cached.speech, vad: 'silero', cached: true };
  if (choice === 'auto' && peaks.durationMs > (options.sileroAutoMaxMs ?? SILERO_AUTO_MAX_MS)) return { speech: energy(), vad: 'energy' };
  const status = await sileroStatus(options.sileroModel);
  if (!status.available) return { speech: energy(), vad: 'energy', note: status.reason };
  if (!wavPath) return { speech: energy(), vad: 'energy', note: 'no 16 kHz WAV copy in the cache' };
  const result = await detectSpeechSilero(wavPath, { modelPath: status.modelPath, onProgress: options.onProgress });
  await ensureCacheDir(key);
  // the cache is an optimisation: a failed write (read-only folder) leaves no temp file and still returns the result
  const tmp = tempBeside(cacheFile);
  await writeFile(tmp, JSON.stringify({ model: 'silero_vad_v5', frameMs: result.frameMs, speech: result.speech }))
    .then(() => rename(tmp, cacheFile))
    .catch(() => rm(tmp, { force: true }));
  return { speech: result.speech, vad: 'silero' };
}
