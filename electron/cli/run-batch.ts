/**
 * The body shared by convert, check and clean: expand inputs, plan outputs, run jobs (in parallel for
 * batches), draw a progress line on a terminal, report per-input errors naming the file, and exit 1 when
 * any input failed (the others still complete).
 */
import { basename } from 'node:path';
import { isLevel, DEFAULT_LEVEL, type Level } from '../../shared/model/levels';
import { runJobs } from './batch';
import { EXIT, UsageError, optList, optString, type CliIO, type ParsedArgs } from './command';
import { expandInputs, planOutputs } from './inputs';
import type { Job, JobResult } from './jobs';

export interface BatchPlan {
  command: Job['command'];
  to: string;
  ext: string;
  suffix: string;
  /** `check` without --json prints a human table instead of the report. */
  table?: boolean;
  /** SRT/VTT output split into cues (`--cues`). */
  cues?: boolean;
  /** `check --audio`: one transcript checked against its recording. */
  audio?: { path: string; cacheDir?: string };
}

export function levelOf(args: ParsedArgs): Level {
  const level = optString(args, 'level') ?? DEFAULT_LEVEL;
  if (!isLevel(level)) throw new UsageError(`--level must be conservative, standard or thorough (got "${level}")`);
  return level;
}

function printDiagnostics(r: JobResult, io: CliIO): void {
  for (const d of r.diagnostics) {
    if (d.severity === 'info') continue;
    io.stderr(`${r.input}${d.line ? `:${d.line}` : ''}: ${d.severity}: ${d.message} [${d.code}]\n`);
  }
}

export async function runBatch(args: ParsedArgs, io: CliIO, plan: BatchPlan): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('no input file given');
  const inputs = expandInputs(args.positionals, io.cwd);
  if (plan.audio && inputs.length !== 1) throw new UsageError(`--audio checks one transcript against its recording, not ${inputs.length}`);
  const outputs = planOutputs(inputs, optString(args, 'output'), io.cwd, plan.ext, plan.suffix);
  const level = levelOf(args);
  const jobs: Job[] = inputs.map((input, i) => ({
    command: plan.command, input, output: outputs[i]!, to: plan.to, level,
    glossaries: optList(args, 'glossary'), references: optList(args, 'reference'),
    ...(plan.table ? { table: true } : {}),
    ...(plan.cues ? { cues: true } : {}),
    ...(plan.audio ? { audio: plan.audio } : {}),
  }));
  const progress = io.isTTY && jobs.length > 1;
  const results = await runJobs(jobs, (done, total, r) => {
    if (progress) io.stderr(`\r\x1b[K[${done}/${total}] ${basename(r.input)}${done === total ? '\n' : ''}`);
  }, io.stdout);
  const texts: string[] = [];
  for (const r of results) {
    printDiagnostics(r, io);
    if (!r.ok) io.stderr(`error: ${r.error ?? r.input}\n`);
    else if (r.text !== undefined) texts.push(r.text);
  }
  if (jobs.length === 1 || plan.table) io.stdout(texts.join(''));
  else if (texts.length > 1) io.stdout(`[\n${texts.map((t) => t.trimEnd()).join(',\n')}\n]\n`);
  const failed = results.filter((r) => !r.ok).length;
  if (jobs.length > 1) io.stderr(`${jobs.length - failed} of ${jobs.length} inputs done${failed ? `, ${failed} failed` : ''}\n`);
  return failed ? EXIT.failed : EXIT.ok;
}
