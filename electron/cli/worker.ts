/**
 * Worker-thread entry: receives batch jobs (posting their results) or, for one large input split across
 * threads, range requests (posting that range's flags; see parallel-detect.ts) or rule requests (posting the
 * flags of some rules over the whole input; see rule-split.ts).
 */
import { parentPort } from 'node:worker_threads';
import { runJob, detectRange, detectRules, type Job } from './jobs';
import type { RangeReply, RangeRequest } from './parallel-detect';
import type { RulesRequest } from './rule-split';

parentPort?.on('message', (message: Job | RangeRequest | RulesRequest) => {
  if ('type' in message && message.type === 'detect-rules') {
    detectRules(message.job, message.rules).then(
      (flags) => parentPort?.postMessage({ type: 'flags', flags } satisfies RangeReply),
      (e: unknown) => parentPort?.postMessage({ type: 'error', message: String(e) } satisfies RangeReply),
    );
    return;
  }
  if ('type' in message && message.type === 'detect-range') {
    detectRange(message.job, message.range).then(
      (flags) => parentPort?.postMessage({ type: 'flags', flags } satisfies RangeReply),
      (e: unknown) => parentPort?.postMessage({ type: 'error', message: String(e) } satisfies RangeReply),
    );
    return;
  }
  const job = message;
  runJob(job).then(
    (result) => parentPort?.postMessage(result),
    (e: unknown) => parentPort?.postMessage({ input: job.input, ok: false, error: `${job.input}: internal error: ${String(e)}`, diagnostics: [], flags: 0, segments: 0 }),
  );
});
