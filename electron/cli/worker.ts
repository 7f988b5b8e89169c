/** Worker-thread entry for batch runs: receives jobs, posts results. */
import { parentPort } from 'node:worker_threads';
import { runJob, type Job } from './jobs';

parentPort?.on('message', (job: Job) => {
  runJob(job).then(
    (result) => parentPort?.postMessage(result),
    (e: unknown) => parentPort?.postMessage({ input: job.input, ok: false, error: `${job.input}: internal error: ${String(e)}`, diagnostics: [], flags: 0, segments: 0 }),
  );
});
