import { exporterById, exporterForPath } from '../../../shared/export/index';
import { UsageError, optString, type CliCommand } from '../command';
import { runBatch } from '../run-batch';
import { CUES, GLOSSARY, LEVEL, OUTPUT, REFERENCE, cuesOption } from './options';

const TARGETS = ['txt', 'srt', 'vtt', 'md', 'json'];

export const cleanCommand: CliCommand = {
  name: 'clean',
  summary: 'Write the clean text: raw with the flags the level accepts applied.',
  usage: 'jiaodui clean IN... [--glossary FILE]... [--reference FILE]... [--level conservative|standard|thorough] [--to txt|srt|vtt|md|json] [--cues] [-o OUT]',
  options: [GLOSSARY, REFERENCE, LEVEL, { name: 'to', short: 't', type: 'string', description: 'output format (default: from OUT\'s extension, else txt)' }, CUES, OUTPUT],
  help: 'Examples:\n  jiaodui clean samples/waic-2024-excerpt.txt --to srt -o clean.srt\n  jiaodui clean samples/waic-2024-excerpt.txt --cues -o clean.srt   (two-line cues)\n  jiaodui clean transcripts/ --level conservative -o cleaned/',
  run(args, io) {
    const output = optString(args, 'output');
    const to = optString(args, 'to') ?? (output ? exporterForPath(output)?.id : undefined) ?? 'txt';
    if (!TARGETS.includes(to)) throw new UsageError(`--to must be one of ${TARGETS.join(', ')} (got "${to}")`);
    return runBatch(args, io, { command: 'clean', to, ext: exporterById(to)!.extension, suffix: '.clean', cues: cuesOption(args, to) });
  },
};
