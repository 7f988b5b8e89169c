/**
 * Worker-thread entry: receives batch jobs (posting their results) or, for one large input split across
 * threads, range requests (posting that range's flags; see parallel-detect.ts).
 */
import { parentPort } from 'node:worker_threads';
import { runJob, detectRange, type Job } from './jobs';
import type { RangeReply, RangeRequest } from './parallel-detect';

parentPort?.on('message', (message: Job | RangeRequest) => {
  if ('type' in message && message.type === 'detect-range') {
    detectRange(message.job, message.range).then(
      (flags) => parentPort?.postMessage({ type: 'flags', flags } satisfies RangeReply),
      (e: unknown) => parentPort?.postMessage({ type: 'error', message: String(e) } satisfies RangeReply),
    );
    return;
  }
  const job = message as Job;
  runJob(job).then(
    (result) => parentPort?.postMessage(result),
    (e: unknown) => parentPort?.postMessage({ input: job.input, ok: false, error: `${job.input}: internal error: ${String(e)}`, diagnostics: [], flags: 0, segments: 0 }),
  );
});
