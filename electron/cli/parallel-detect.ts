/**
 * Detection of one large input on several cores. `detectTranscript` takes a segment range and still lets the
 * rules see the whole transcript, so the flags of consecutive ranges, concatenated in order, are exactly the
 * flags of one whole run. Here the main thread detects the last range itself while worker threads (the batch
 * worker, dist/cli/worker.mjs) each read and parse the same input, load the same resources and detect one of
 * the earlier ranges; the results come back as plain flag objects. Below `PARALLEL_MIN_BYTES` (the 150 KB seed
 * is far below), or without the bundled worker (tests run the TypeScript), or on one core, it runs in-process:
 * a worker costs ~0.3 s to start, read and parse, which only a large input repays.
 *
 * `JIAODUI_DETECT_THREADS=N` sets the number of lanes (1 = never split; default: the available cores, at most 4);
 * `JIAODUI_PARALLEL_MIN_BYTES=B` the size threshold (tests split small inputs with it).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { detectTranscript, type DetectResources } from '../../shared/detect/index';
import type { Flag } from '../../shared/model/flag';
import type { Transcript } from '../../shared/model/transcript';
import type { Job } from './jobs';

/** Inputs at least this large (bytes of the source text) are split across worker threads. */
export const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

/** A message to the worker: detect `range` of `job`'s input. */
export interface RangeRequest {
  type: 'detect-range';
  job: Job;
  range: { start: number; end: number };
}

/** The worker's answer to a RangeRequest. */
export type RangeReply = { type: 'flags'; flags: Flag[] } | { type: 'error'; message: string };

/** How many lanes to use for an input of `bytes` bytes and `segments` segments. */
export function laneCount(bytes: number, segments: number): number {
  const env = Number(process.env['JIAODUI_DETECT_THREADS']);
  const lanes = Number.isInteger(env) && env >= 1 ? env : Math.min(4, availableParallelism());
  const path = WORKER_URL.protocol === 'file:' ? fileURLToPath(WORKER_URL) : '';
  const minBytes = Number(process.env['JIAODUI_PARALLEL_MIN_BYTES'] || PARALLEL_MIN_BYTES);
  if (lanes <= 1 || bytes < minBytes || segments < 2 * lanes || !existsSync(path)) return 1;
  return lanes;
}

/**
 * Node options for worker threads: the parent's, minus `--input-type` (allowed only with `-e`; a parent started
 * as `node --input-type=module -e …`, as the benchmark does, would otherwise pass it on and the worker fail).
 */
export function workerExecArgv(): string[] {
  return process.execArgv.filter((a) => !a.startsWith('--input-type'));
}

/** Runs one range in a worker thread. */
function detectInWorker(request: RangeRequest): Promise<Flag[]> {
  return new Promise<Flag[]>((resolve, reject) => {
    const worker = new Worker(fileURLToPath(WORKER_URL), { execArgv: workerExecArgv() });
    worker.once('message', (reply: RangeReply) => {
      void worker.terminate();
      if (reply.type === 'flags') resolve(reply.flags);
      else reject(new Error(reply.message));
    });
    worker.once('error', reject);
    worker.postMessage(request);
  });
}

/**
 * The flags of the whole transcript, split over `lanes` ranges of about equal length in characters (the main
 * thread takes the last one, workers the others).
 */
export async function detectParallel(job: Job, transcript: Transcript, resources: DetectResources, lanes: number): Promise<Flag[]> {
  const segments = transcript.segments;
  let chars = 0;
  for (const s of segments) chars += s.raw.length;
  const bounds = [0];
  let acc = 0;
  for (let i = 0; i < segments.length && bounds.length < lanes; i++) {
    acc += segments[i]!.raw.length;
    if (acc >= (chars * bounds.length) / lanes) bounds.push(i + 1);
  }
  while (bounds.length < lanes) bounds.push(segments.length);
  bounds.push(segments.length);
  const ranges = bounds.slice(0, -1).map((start, k) => ({ start, end: bounds[k + 1]! }));
  const last = ranges.pop()!;
  // a worker that fails (cannot start, runs out of memory) costs time, never the result: its range is redone here
  const pending = ranges.map((range) => detectInWorker({ type: 'detect-range', job, range }).catch(() => detectTranscript(transcript, { resources, range })));
  const mine = detectTranscript(transcript, { resources, range: last });
  const parts = await Promise.all(pending);
  const flags: Flag[] = [];
  for (const part of parts) for (const f of part) flags.push(f);
  for (const f of mine) flags.push(f);
  return flags;
}
