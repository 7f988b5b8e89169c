/**
 * `jiaodui summary IN`: the Markdown summary page of one session (export/summary-md.ts), or with `--json` the
 * section structure (a public contract):
 *   { "sections": [ { "startLine", "endLine", "start": ms|null, "end": ms|null, "speaker", "role",
 *                     "keyPoints": ["…"], "keywords": ["…"] } ] }
 * Detection runs first (with the glossaries and references), so the clean text, key points and editing log
 * reflect the chosen level; the glossary also names speakers.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { detectTranscript } from '../../../shared/detect/index';
import { renderSummaryMarkdown } from '../../../shared/export/summary-md';
import { isLevel, DEFAULT_LEVEL } from '../../../shared/model/levels';
import { summarize } from '../../../shared/summary/index';
import type { Summary } from '../../../shared/summary/types';
import { loadDetectResources } from '../../node/load-resources';
import { readInput } from '../../node/read-input';
import { EXIT, UsageError, optFlag, optList, optString, type CliCommand } from '../command';
import { GLOSSARY, LEVEL, OUTPUT, REFERENCE } from './options';

/** The `--json` structure: exactly the contract's fields, in the contract's order. */
export function summaryJson(summary: Summary): string {
  const sections = summary.sections.map((s) => ({
    startLine: s.startLine,
    endLine: s.endLine,
    start: s.start,
    end: s.end,
    speaker: s.speaker,
    role: s.role,
    keyPoints: s.keyPoints.map((k) => k.text),
    keywords: s.keywords,
  }));
  return JSON.stringify({ sections }, null, 2) + '\n';
}

export const summaryCommand: CliCommand = {
  name: 'summary',
  summary: 'Write a Markdown summary: sections by speaker turn, key points, keywords, glossary, editing log.',
  usage: 'jiaodui summary IN [--glossary FILE]... [--reference FILE]... [-o OUT.md] [--json] [--level L]',
  options: [GLOSSARY, REFERENCE, LEVEL, OUTPUT, { name: 'json', type: 'boolean', description: 'print the section structure as JSON (stable contract)' }],
  help: 'Examples:\n  jiaodui summary samples/waic-2024-excerpt.txt -o summary.md\n  jiaodui summary talk.txt --glossary samples/waic-glossary.tsv --json',
  async run(args, io) {
    const [input, ...rest] = args.positionals;
    if (!input || rest.length > 0) throw new UsageError('summary takes exactly one input file');
    const levelText = optString(args, 'level') ?? DEFAULT_LEVEL;
    if (!isLevel(levelText)) throw new UsageError(`unknown level "${levelText}": use conservative, standard or thorough`);
    const loaded = await readInput(resolve(io.cwd, input));
    if (!loaded.ok) {
      io.stderr(`jiaodui summary: ${loaded.message}\n`);
      return EXIT.failed;
    }
    const { transcript } = loaded.value;
    const project = loaded.value.project;
    const res = loadDetectResources({
      glossaryPaths: optList(args, 'glossary').map((p) => resolve(io.cwd, p)),
      referencePaths: optList(args, 'reference').map((p) => resolve(io.cwd, p)),
    });
    for (const d of res.diagnostics) if (d.severity !== 'info') io.stderr(`${d.severity}: ${d.message}\n`);
    const flags = project?.flags.length ? project.flags : detectTranscript(transcript, { resources: { cache: new Map(), ...res.resources } });
    const summary = summarize(transcript, {
      flags,
      level: levelText,
      ...(project ? { decisions: project.decisions, edits: project.edits } : {}),
      ...(res.glossary ? { glossary: res.glossary } : {}),
    });
    const text = optFlag(args, 'json') ? summaryJson(summary) : renderSummaryMarkdown(summary);
    const output = optString(args, 'output');
    if (output) {
      await writeFile(resolve(io.cwd, output), text, 'utf8');
      io.stderr(`wrote ${output} (${summary.sections.length} sections)\n`);
    } else io.stdout(text);
    return EXIT.ok;
  },
};
