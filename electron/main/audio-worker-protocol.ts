/**
 * The audio work (peaks, window peaks, automatic timing) runs in a worker thread of the main process, so ffmpeg's
 * PCM, the MFCCs and the DTW (seconds of CPU for a 3 h recording) never block the main process's event loop, which
 * serves every window event and IPC call. This file is the message protocol and the worker's request handler as a
 * plain function (`handleAudioRequest`), so both ends are tested in Node without threads; audio-worker.ts wires it
 * to `parentPort`, audio-worker-client.ts is the main-process side (an `AudioDeps`).
 */
import type { Segment } from '../../shared/model/segment';
import type { AudioDeps } from './audio-handlers';

export type AudioRequest =
  | { id: number; op: 'loadPeaks'; path: string; cacheDir: string; keepWav: boolean }
  | { id: number; op: 'readWindowPeaks'; wavPath: string; startMs: number; endMs: number; peaksPerSecond: number }
  | { id: number; op: 'autoTime'; path: string; cacheDir: string; segments: Segment[] };

export type AudioReply =
  | { id: number; kind: 'progress'; stage: string; fraction: number }
  | { id: number; kind: 'done'; value: unknown }
  | { id: number; kind: 'error'; message: string; code?: string };

/** The worker's side: runs one request with the real (or injected) audio functions and posts progress and the answer. */
export async function handleAudioRequest(
  request: AudioRequest, work: Omit<AudioDeps, 'cacheDirs'>, post: (reply: AudioReply, transfer?: ArrayBuffer[]) => void,
): Promise<void> {
  const progress = (stage: string, fraction: number) => post({ id: request.id, kind: 'progress', stage, fraction });
  try {
    if (request.op === 'loadPeaks') {
      const r = await work.loadPeaks(request.path, { cacheDir: request.cacheDir, keepWav: request.keepWav, onProgress: (f) => progress('decode', f) });
      post({ id: request.id, kind: 'done', value: r });
    } else if (request.op === 'readWindowPeaks') {
      post({ id: request.id, kind: 'done', value: await work.readWindowPeaks(request.wavPath, request.startMs, request.endMs, request.peaksPerSecond) });
    } else {
      const r = await work.autoTime(request.segments, request.path, { cacheDir: request.cacheDir, onProgress: progress });
      // only what the handler reads crosses back (not the speech intervals or per-stage timings)
      post({ id: request.id, kind: 'done', value: { segments: r.segments, units: r.units.map((u) => ({ segmentIndex: u.segmentIndex, confidence: u.confidence })), method: r.method, durationMs: r.durationMs } });
    }
  } catch (e) {
    post({ id: request.id, kind: 'error', message: (e as Error).message, ...((e as NodeJS.ErrnoException).code ? { code: (e as NodeJS.ErrnoException).code } : {}) });
  }
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** What the client needs of a worker thread (node:worker_threads `Worker`, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: AudioRequest): void;
  on(event: 'message', listener: (reply: AudioReply) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Ends the thread (node:worker_threads `Worker.terminate`); optional so test fakes may omit it. */
  terminate?(): unknown;
}

/**
 * The main-process side: every call is one request to the (lazily started) worker; progress callbacks are called
 * as replies arrive; a failed request rejects with an Error carrying the worker's errno code, so the handlers can
 * still tell a read-only cache folder (fallback) from other failures. If the worker dies, pending calls reject
 * and the next call starts a new one. Automatic timing loads Silero VAD (onnxruntime's WebAssembly heap: 270-370 MB
 * for a 3 h recording, docs/benchmarks.md), which a thread never gives back, so the worker is ended once a timing
 * run has finished and nothing else is pending; the next request starts a fresh, small one.
 */
export function audioWorkerClient(start: () => WorkerLike, cacheDirs: (path: string) => string[]): AudioDeps {
  let worker: WorkerLike | null = null;
  let next = 1;
  const pending = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void; progress?: (stage: string, f: number) => void }>();
  let retire = false;
  const retireIfIdle = () => {
    if (!retire || pending.size > 0 || !worker) return;
    const w = worker;
    worker = null;
    retire = false;
    void w.terminate?.();
  };
  const ensure = (): WorkerLike => {
    if (worker) return worker;
    const w = start();
    w.on('message', (reply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      if (reply.kind === 'progress') return p.progress?.(reply.stage, reply.fraction);
      pending.delete(reply.id);
      if (reply.kind === 'done') p.resolve(reply.value as never);
      else p.reject(Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {}));
      if (worker === w) retireIfIdle();
    });
    w.on('error', (e) => {
      if (worker === w) { worker = null; retire = false; }
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
    worker = w;
    return w;
  };
  const call = <T>(request: WithoutId<AudioRequest>, progress?: (stage: string, f: number) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve, reject, ...(progress ? { progress } : {}) });
      ensure().postMessage({ ...request, id });
    });
  return {
    cacheDirs,
    loadPeaks: (path, o) => call({ op: 'loadPeaks', path, cacheDir: o.cacheDir, keepWav: o.keepWav }, (_s, f) => o.onProgress(f)),
    readWindowPeaks: (wavPath, startMs, endMs, peaksPerSecond) => call({ op: 'readWindowPeaks', wavPath, startMs, endMs, peaksPerSecond }),
    autoTime: (segments, path, o) => {
      const answer = call<Awaited<ReturnType<AudioDeps['autoTime']>>>({ op: 'autoTime', path, cacheDir: o.cacheDir, segments: [...segments] }, o.onProgress);
      retire = true;
      return answer;
    },
  };
}
