/**
 * One unit of CLI work: read an input, optionally detect, write one output. Runs the same in-process (one
 * input) or in a worker thread (batches), so results are identical either way.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { detectTranscript, prepareDetection, RULES } from '../../shared/detect/index';
import { buildReport, exporterById } from '../../shared/export/index';
import type { ExportInput } from '../../shared/export/index';
import type { Diagnostic } from '../../shared/model/diagnostics';
import type { Flag } from '../../shared/model/flag';
import type { Level } from '../../shared/model/levels';
import type { DetectResources } from '../../shared/detect/rule';
import { RESOURCE, type ChineseLexicon } from '../../shared/lexicon/types';
import type { CueOptions } from '../../shared/timing/cues';
import { writeFileAtomic } from '../node/atomic-write';
import { withAudioFlags } from './audio-check';
import { readInput } from '../node/read-input';
import { formatReportTable } from './report-table';
import { detectParallel, laneCount } from './parallel-detect';
import { loadDetectResources } from './resources';
import { startRuleSplit, wantsRuleSplit } from './rule-split';
import { VERSION } from './version';

export interface Job {
  command: 'convert' | 'check' | 'clean';
  input: string;
  /** Output path; null writes to the returned `text` (stdout). */
  output: string | null;
  /** Exporter id ('srt', 'vtt', 'txt', 'md', 'json'). */
  to: string;
  level: Level;
  glossaries: string[];
  references: string[];
  /** `check` without --json: a human table instead of the report. */
  table?: boolean;
  /** SRT/VTT: split segments into cues of at most two lines (`--cues`). */
  cues?: boolean;
  /** `check --audio`: the recording to check timed text against (text over silence), and its cache folder. */
  audio?: { path: string; cacheDir?: string };
}

export interface JobResult {
  input: string;
  ok: boolean;
  /** Output text when `output` was null. */
  text?: string;
  /** A processing error, already naming the file. */
  error?: string;
  diagnostics: Diagnostic[];
  flags: number;
  segments: number;
}

/** Cue splitting that keeps the compact lexicon's words whole when detection loaded it. */
function cueOptions(resources: DetectResources | null): CueOptions {
  const lexicon = resources?.[RESOURCE.zhLexicon] as ChineseLexicon | undefined;
  return lexicon ? { isWord: (w) => lexicon.has(w) } : {};
}

/**
 * Runs one job; never throws for user-data problems (they come back as `ok: false`). With `stdout`, output
 * meant for standard output is streamed to it in chunks instead of returned as `text`.
 */
export async function runJob(job: Job, stdout?: (chunk: string) => void): Promise<JobResult> {
  const base: JobResult = { input: job.input, ok: false, diagnostics: [], flags: 0, segments: 0 };
  // a large glossary's rules start in a worker thread now, to overlap its start-up with the reading below
  const split = wantsRuleSplit(job) ? startRuleSplit(job) : null;
  const read = await readInput(job.input);
  if (!read.ok) {
    split?.cancel();
    return { ...base, error: read.message };
  }
  const { transcript, format, encoding } = read.value;
  const diagnostics = [...read.value.diagnostics];
  const detect = job.command !== 'convert';
  const resources = detect ? await loadDetectResources({ glossaries: job.glossaries, references: job.references }) : null;
  if (resources && !resources.ok) {
    split?.cancel();
    return { ...base, error: `${job.input}: ${resources.message}`, diagnostics };
  }
  if (resources?.ok) diagnostics.push(...resources.diagnostics);
  if (resources?.ok) await prepareDetection(resources.value);
  const lanes = resources ? laneCount(read.value.size ?? 0, transcript.segments.length) : 1;
  if (lanes > 1 || !resources) split?.cancel();
  let flags = !resources ? [] : lanes > 1
    ? await detectParallel(job, transcript, resources.value, lanes)
    : split ? await split.finish(transcript, resources.value)
      : detectTranscript(transcript, { resources: resources.value });
  if (job.audio) {
    try {
      const checked = await withAudioFlags(transcript, flags, job.audio.path, job.audio.cacheDir);
      flags = checked.flags;
      diagnostics.push(...checked.diagnostics);
    } catch (e) {
      return { ...base, error: `${job.audio.path}: ${(e as Error).message}`, diagnostics };
    }
  }
  const exporter = exporterById(job.to);
  if (!exporter) return { ...base, error: `unknown output format "${job.to}"`, diagnostics };
  const input: ExportInput = {
    transcript,
    flags,
    level: job.level,
    mode: job.command === 'convert' ? 'verbatim' : 'clean',
    source: { path: job.input, format, encoding },
    version: VERSION,
    diagnostics,
    ...(read.value.project ? { decisions: read.value.project.decisions, edits: read.value.project.edits } : {}),
    ...(job.cues ? { cues: cueOptions(resources?.ok ? resources.value : null) } : {}),
  };
  const done = { ...base, ok: true, diagnostics, flags: flags.length, segments: transcript.segments.length };
  if (job.table) {
    const table = formatReportTable(buildReport(input), job.input);
    if (stdout) stdout(table);
    return stdout ? done : { ...done, text: table };
  }
  const chunks: string[] = [];
  const write = job.output === null && stdout ? stdout : (chunk: string) => void chunks.push(chunk);
  if (exporter.stream) done.diagnostics = [...diagnostics, ...exporter.stream(input, write)];
  else {
    const result = exporter.export(input);
    write(result.text);
    done.diagnostics = [...diagnostics, ...result.diagnostics];
  }
  if (job.output === null) return stdout ? done : { ...done, text: chunks.join('') };
  try {
    await mkdir(dirname(job.output), { recursive: true });
    await writeFileAtomic(job.output, chunks.join(''));
  } catch (e) {
    return { ...done, ok: false, error: `${job.output}: cannot write (${(e as Error).message})` };
  }
  return done;
}

/**
 * The flags of segments `range` of a job's input, read, parsed and with resources loaded exactly as `runJob`
 * does them (a worker's share of one large input; see parallel-detect.ts). Throws with the job's error.
 */
export async function detectRange(job: Job, range: { start: number; end: number }): Promise<Flag[]> {
  const read = await readInput(job.input);
  if (!read.ok) throw new Error(read.message);
  const resources = await loadDetectResources({ glossaries: job.glossaries, references: job.references });
  if (!resources.ok) throw new Error(resources.message);
  await prepareDetection(resources.value);
  return detectTranscript(read.value.transcript, { resources: resources.value, range });
}

/**
 * The flags of a job's whole input from only the rules `ruleIds`, read, parsed and with resources loaded exactly
 * as `runJob` does them (a worker's share of a rule split; see rule-split.ts). Throws with the job's error.
 */
export async function detectRules(job: Job, ruleIds: readonly string[]): Promise<Flag[]> {
  const read = await readInput(job.input);
  if (!read.ok) throw new Error(read.message);
  const resources = await loadDetectResources({ glossaries: job.glossaries, references: job.references });
  if (!resources.ok) throw new Error(resources.message);
  await prepareDetection(resources.value);
  return detectTranscript(read.value.transcript, { resources: resources.value, rules: RULES.filter((r) => ruleIds.includes(r.id)) });
}
