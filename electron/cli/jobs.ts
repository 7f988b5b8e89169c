/**
 * One unit of CLI work: read an input, optionally detect, write one output. Runs the same in-process (one
 * input) or in a worker thread (batches), so results are identical either way.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { detectTranscript } from '../../shared/detect/index';
import { exporterById } from '../../shared/export/index';
import type { Diagnostic } from '../../shared/model/diagnostics';
import type { Level } from '../../shared/model/levels';
import { writeFileAtomic } from '../node/atomic-write';
import { readInput } from '../node/read-input';
import { loadDetectResources } from './resources';
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

/** Runs one job; never throws for user-data problems (they come back as `ok: false`). */
export async function runJob(job: Job): Promise<JobResult> {
  const base: JobResult = { input: job.input, ok: false, diagnostics: [], flags: 0, segments: 0 };
  const read = await readInput(job.input);
  if (!read.ok) return { ...base, error: read.message };
  const { transcript, format, encoding } = read.value;
  const diagnostics = [...read.value.diagnostics];
  const detect = job.command !== 'convert';
  const resources = detect ? await loadDetectResources({ glossaries: job.glossaries, references: job.references }) : null;
  if (resources && !resources.ok) return { ...base, error: `${job.input}: ${resources.message}`, diagnostics };
  if (resources?.ok) diagnostics.push(...resources.diagnostics);
  const flags = resources ? detectTranscript(transcript, { resources: resources.value }) : [];
  const exporter = exporterById(job.to);
  if (!exporter) return { ...base, error: `unknown output format "${job.to}"`, diagnostics };
  const result = exporter.export({
    transcript,
    flags,
    level: job.level,
    mode: job.command === 'convert' ? 'verbatim' : 'clean',
    source: { path: job.input, format, encoding },
    version: VERSION,
    diagnostics,
    ...(read.value.project ? { decisions: read.value.project.decisions, edits: read.value.project.edits } : {}),
  });
  const all = [...diagnostics, ...result.diagnostics];
  const done = { ...base, ok: true, diagnostics: all, flags: flags.length, segments: transcript.segments.length };
  if (job.output === null) return { ...done, text: result.text };
  try {
    await mkdir(dirname(job.output), { recursive: true });
    await writeFileAtomic(job.output, result.text);
  } catch (e) {
    return { ...done, ok: false, error: `${job.output}: cannot write (${(e as Error).message})` };
  }
  return done;
}

/** Plain (non-atomic) write for outputs that are streams or devices, e.g. /dev/stdout. */
export async function writePlain(path: string, text: string): Promise<void> {
  await writeFile(path, text);
}
