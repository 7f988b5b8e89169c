/**
 * The audio half of the host contract in the main process: peaks, window peaks (deep zoom) and automatic timing
 * of files in the policy's audio set. The work itself is electron/node/audio (ffmpeg in a separate process,
 * streamed, cached in `.jiaodui-cache/` beside the audio, or in a fallback folder when that one is not writable);
 * this module checks the path, picks the cache, turns progress callbacks into throttled `audio-progress` events,
 * and turns failures into error values. It is written against injected functions so tests run it in plain Node.
 */
import {
  err, ok,
  type AudioPeaks, type AudioProgress, type PeaksLoad, type Result, type SegmentTime, type TimingResult, type TimingSegment,
} from '../../shared/ipc';
import type { Segment } from '../../shared/model/segment';

/** What electron/node/audio provides (loadPeaks, readWindowPeaks, autoTime), narrowed to what is used here. */
export interface AudioDeps {
  loadPeaks(path: string, options: { cacheDir: string; keepWav: boolean; onProgress: (f: number) => void }): Promise<{ peaks: AudioPeaks; cached: boolean; wavPath: string | null }>;
  readWindowPeaks(wavPath: string, startMs: number, endMs: number, peaksPerSecond: number): Promise<AudioPeaks>;
  autoTime(segments: readonly Segment[], path: string, options: { cacheDir: string; onProgress: (stage: string, f: number) => void }): Promise<{
    segments: Segment[]; units: { segmentIndex: number; confidence: number }[]; method: 'alignment' | 'length'; durationMs: number;
  }>;
  /** Cache folders to try for an audio file, best first (beside the project or the audio, then the app's own). */
  cacheDirs(path: string): string[];
}

export interface AudioHandlers {
  loadPeaks: (path: string) => Promise<Result<PeaksLoad>>;
  windowPeaks: (path: string, startMs: number, endMs: number, peaksPerSecond: number) => Promise<Result<AudioPeaks | null>>;
  autoTime: (path: string, segments: TimingSegment[]) => Promise<Result<TimingResult>>;
}

const STAGES = new Set<AudioProgress['stage']>(['decode', 'peaks', 'synthesis', 'mfcc', 'alignment', 'timing']);

/** Emits progress at most once per percent per stage (a 3 h decode reports thousands of chunks). */
function throttled(path: string, emit: (p: AudioProgress) => void): (stage: string, fraction: number) => void {
  let last = { stage: '', pct: -1 };
  return (stage, fraction) => {
    const pct = Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
    if (stage === last.stage && pct === last.pct) return;
    last = { stage, pct };
    emit({ path, stage: STAGES.has(stage as AudioProgress['stage']) ? (stage as AudioProgress['stage']) : 'timing', fraction: pct / 100 });
  };
}

function failure<T>(what: string, path: string, e: unknown): Result<T> {
  const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not-found' : 'io-error';
  return err(code, `${what} ${path.replace(/^.*[\\/]/, '')}: ${(e as Error).message}`);
}

/** Tries each cache folder in turn: an unwritable folder beside the audio falls back to the app's own. */
async function withCache<T>(dirs: string[], run: (dir: string) => Promise<T>): Promise<T> {
  let last: unknown = new Error('no cache folder');
  for (const dir of dirs) {
    try {
      return await run(dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EACCES' && code !== 'EROFS' && code !== 'EPERM') throw e;
      last = e;
    }
  }
  throw last;
}

export function createAudioHandlers(deps: AudioDeps, policy: { audio: Set<string> }, emit: (p: AudioProgress) => void): AudioHandlers {
  const wavOf = new Map<string, string>();
  // one decode of a file at a time: two at once would both write the cached WAV (peaks.ts renames a shared .tmp)
  const queues = new Map<string, Promise<unknown>>();
  const serial = <T>(path: string, run: () => Promise<T>): Promise<T> => {
    const result = (queues.get(path) ?? Promise.resolve()).then(run, run);
    const tail = result.catch(() => undefined);
    queues.set(path, tail);
    void tail.then(() => { if (queues.get(path) === tail) queues.delete(path); });
    return result;
  };
  const allowed = (path: string) => policy.audio.has(path);
  const refuse = (path: string) => err<never>('not-allowed', `${path.replace(/^.*[\\/]/, '')} was not opened as audio in this session`);

  return {
    async loadPeaks(path) {
      if (!allowed(path)) return refuse(path);
      const progress = throttled(path, emit);
      try {
        const r = await serial(path, () => withCache(deps.cacheDirs(path), (cacheDir) => deps.loadPeaks(path, { cacheDir, keepWav: true, onProgress: (f) => progress('decode', f) })));
        if (r.wavPath) wavOf.set(path, r.wavPath);
        return ok({ peaks: r.peaks, cached: r.cached, windowPeaks: r.wavPath !== null });
      } catch (e) {
        return failure('could not read the audio of', path, e);
      }
    },
    async windowPeaks(path, startMs, endMs, peaksPerSecond) {
      if (!allowed(path)) return refuse(path);
      const wav = wavOf.get(path);
      if (!wav) return ok(null);
      try {
        return ok(await deps.readWindowPeaks(wav, startMs, endMs, peaksPerSecond));
      } catch (e) {
        return failure('could not read the cached audio of', path, e);
      }
    },
    async autoTime(path, input) {
      if (!allowed(path)) return refuse(path);
      const segments: Segment[] = input.map((s, i) => ({ id: `t${i}`, sourceLine: i + 1, raw: s.raw, lang: s.lang, start: s.start, end: s.end }));
      try {
        const progress = throttled(path, emit);
        const r = await serial(path, () => withCache(deps.cacheDirs(path), (cacheDir) => deps.autoTime(segments, path, { cacheDir, onProgress: progress })));
        return ok({ times: timesOf(input, r.segments, r.units), method: r.method, durationMs: r.durationMs });
      } catch (e) {
        return failure('could not time the transcript against', path, e);
      }
    },
  };
}

/** New times of the segments that had none; a segment's confidence is the lowest of its units'. */
export function timesOf(
  input: readonly TimingSegment[], timed: readonly Segment[], units: readonly { segmentIndex: number; confidence: number }[],
): (SegmentTime | null)[] {
  const confidence = new Array<number>(input.length).fill(1);
  for (const u of units) confidence[u.segmentIndex] = Math.min(confidence[u.segmentIndex] ?? 1, u.confidence);
  return input.map((s, i) => {
    const t = timed[i];
    if ((s.start !== undefined && s.end !== undefined) || t?.start === undefined || t.end === undefined) return null;
    return { start: t.start, end: t.end, confidence: Math.round((confidence[i] ?? 0) * 100) / 100 };
  });
}
