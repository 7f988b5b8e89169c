/**
 * Detection of one input with a large glossary on two cores, split by rules instead of by segment range. The
 * glossary rules (zh.glossary, en.glossary) cost about as much as all other rules together once the glossary
 * has thousands of entries (building its pinyin and phonetic index, then matching every window of the
 * transcript); they read only the glossary, the lexicons and the transcript, and no other rule reads what they
 * compute. So a worker thread (the batch worker, dist/cli/worker.mjs) reads and parses the same input, loads the
 * same resources and runs `WORKER_RULE_IDS` (zh.glossary) over the whole transcript, while the main thread runs
 * every other rule; `mergeRuleFlags` (shared/detect) then orders and deduplicates each segment's flags exactly as one
 * `detectTranscript` run does, so the report is byte-identical to a single-thread run.
 *
 * The worker is started first thing in `runJob`, before the main thread reads the input, so its start-up (~0.1 s
 * to load the bundle) and its index build overlap the main thread's own reading and rules. It is used only for
 * a glossary of at least `RULE_SPLIT_MIN_ENTRIES` entries (counted as the glossary files' term lines), on the
 * main thread (never inside a batch worker, which already has a core per input), with the bundled worker
 * present, and on at least `AUTO_MIN_CORES` cores. A failed worker costs time, never the result: its rules are
 * then run here.
 *
 * `JIAODUI_GLOSSARY_SPLIT_MIN=N` sets the entry threshold (0 = always, tests use it); `JIAODUI_DETECT_THREADS=1`
 * turns the split off like the range split, and `JIAODUI_DETECT_THREADS=2` (or more) turns it on whatever the
 * number of cores.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker } from 'node:worker_threads';
import { detectTranscript, mergeRuleFlags, RULES, type DetectResources } from '../../shared/detect/index';
import type { Flag } from '../../shared/model/flag';
import type { Transcript } from '../../shared/model/transcript';
import type { Job } from './jobs';
import { workerExecArgv } from './parallel-detect';

/** Glossaries with at least this many entries have their rules run in a worker thread. */
export const RULE_SPLIT_MIN_ENTRIES = 500;

/**
 * Cores needed before the split is used without `JIAODUI_DETECT_THREADS`. On two cores it did not pay: V8's
 * background compiler threads already keep the second core ~60% busy in a one-thread check (~0.8 s of ~1.9 s
 * CPU for seed 001 with 5,000 entries), and the worker adds ~0.3 s of CPU (its own start-up, resources and
 * compilation), so interleaved medians were 1.33-1.37 s one-thread against 1.38 s split (see docs/glossary.md).
 */
export const AUTO_MIN_CORES = 3;

/**
 * The rules the worker runs: they depend on no other rule's output and no other rule on theirs (each keeps its
 * run caches under its own keys). Only zh.glossary: with 5,000 entries it costs the worker thread ~0.45 s of CPU
 * (start-up included) against the main thread's ~0.65 s for everything else, en.glossary included (~0.25 s); with
 * both glossary rules there the worker thread took ~0.65 s and the main thread ~0.45 s. (Wall times of the two
 * choices were within the noise: V8's background compiler threads share the same two cores.)
 */
export const WORKER_RULE_IDS: readonly string[] = ['zh.glossary'];

const WORKER_URL = new URL('./worker.mjs', import.meta.url);

/** A message to the worker: detect `job`'s whole input with only the rules `rules` (ids). */
export interface RulesRequest {
  type: 'detect-rules';
  job: Job;
  rules: string[];
}

/** Term lines of the glossary files (not blank, not a `#` comment); unreadable files count 0. */
function glossaryLines(paths: readonly string[]): number {
  let n = 0;
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) if (line.trim() !== '' && !line.startsWith('#')) n++;
  }
  return n;
}

/** Whether `job` should run its glossary rules in a worker thread (see the top of this file). */
export function wantsRuleSplit(job: Job): boolean {
  if (job.command === 'convert' || job.glossaries.length === 0 || !isMainThread) return false;
  const threads = Number(process.env['JIAODUI_DETECT_THREADS']);
  const lanes = Number.isInteger(threads) && threads >= 1 ? threads : availableParallelism() >= AUTO_MIN_CORES ? 2 : 1;
  if (lanes < 2) return false;
  const env = process.env['JIAODUI_GLOSSARY_SPLIT_MIN'];
  const min = env !== undefined && env !== '' && Number.isFinite(Number(env)) ? Number(env) : RULE_SPLIT_MIN_ENTRIES;
  const path = WORKER_URL.protocol === 'file:' ? fileURLToPath(WORKER_URL) : '';
  return existsSync(path) && glossaryLines(job.glossaries) >= min;
}

/** A worker already running the glossary rules of a job. */
export interface RuleSplit {
  /** All flags of the job's transcript: the other rules run here, merged with the worker's. */
  finish(transcript: Transcript, resources: DetectResources): Promise<Flag[]>;
  /** Stops the worker when its result is not wanted (the input failed, or the range split is used). */
  cancel(): void;
}

/** Starts the worker for `job` (call `wantsRuleSplit` first). */
export function startRuleSplit(job: Job): RuleSplit | null {
  const ids = [...WORKER_RULE_IDS];
  let worker: Worker;
  try {
    worker = new Worker(fileURLToPath(WORKER_URL), { execArgv: workerExecArgv() });
  } catch {
    return null; // e.g. the parent runs with a V8 option a worker refuses: detect in this thread
  }
  const result = new Promise<Flag[]>((resolve, reject) => {
    worker.once('message', (reply: { type: 'flags'; flags: Flag[] } | { type: 'error'; message: string }) => {
      void worker.terminate();
      if (reply.type === 'flags') resolve(reply.flags);
      else reject(new Error(reply.message));
    });
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('worker exited')));
  });
  result.catch(() => undefined);
  worker.postMessage({ type: 'detect-rules', job, rules: ids } satisfies RulesRequest);
  const theirs = RULES.filter((r) => ids.includes(r.id));
  const mine = RULES.filter((r) => !ids.includes(r.id));
  return {
    async finish(transcript, resources) {
      const own = detectTranscript(transcript, { resources, rules: mine });
      const other = await result.catch(() => detectTranscript(transcript, { resources, rules: theirs }));
      return mergeRuleFlags(transcript, [own, other]) ?? detectTranscript(transcript, { resources });
    },
    cancel() {
      void worker.terminate();
    },
  };
}
