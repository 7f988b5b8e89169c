/**
 * Runs jobs: one in-process, several on a pool of worker threads (one per core, at most one per job).
 * A failing input never stops the others; results come back in input order.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runJob, type Job, type JobResult } from './jobs';
import { workerExecArgv } from './parallel-detect';

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

/**
 * Runs all jobs; `onDone(finished, total, result)` is called as each finishes. A single job runs in-process
 * and streams its standard output to `stdout` when given.
 */
export async function runJobs(
  jobs: Job[],
  onDone: (done: number, total: number, r: JobResult) => void,
  stdout?: (chunk: string) => void,
): Promise<JobResult[]> {
  const results: JobResult[] = new Array<JobResult>(jobs.length);
  let finished = 0;
  const record = (i: number, r: JobResult): void => {
    results[i] = r;
    onDone(++finished, jobs.length, r);
  };
  const workerPath = WORKER_URL.protocol === 'file:' ? fileURLToPath(WORKER_URL) : '';
  if (jobs.length <= 1 || !existsSync(workerPath)) {
    for (let i = 0; i < jobs.length; i++) record(i, await runJob(jobs[i]!, jobs.length === 1 ? stdout : undefined));
    return results;
  }
  let next = 0;
  const failed = (i: number, message: string): JobResult => ({ input: jobs[i]!.input, ok: false, error: `${jobs[i]!.input}: ${message}`, diagnostics: [], flags: 0, segments: 0 });
  /** One lane: a worker fed job after job; a crashed worker fails its job and is replaced. */
  const lane = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = new Worker(workerPath, { execArgv: workerExecArgv() });
      let current = -1;
      const feed = (): void => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage(jobs[current]);
      };
      worker.on('message', (r: JobResult) => {
        record(current, r);
        feed();
      });
      worker.on('error', (e) => {
        if (current >= 0 && !results[current]) record(current, failed(current, `internal error: ${e.message}`));
        void lane().then(resolve);
      });
      feed();
    });
  const size = Math.min(jobs.length, Math.max(1, availableParallelism()));
  await Promise.all(Array.from({ length: size }, lane));
  return results;
}
