import { exporterById, exporterForPath } from '../../../shared/export/index';
import { UsageError, optString, type CliCommand } from '../command';
import { runBatch } from '../run-batch';
import { CUES, OUTPUT, cuesOption } from './options';

const CONVERTIBLE = ['srt', 'vtt', 'txt', 'md', 'json'];

export const convertCommand: CliCommand = {
  name: 'convert',
  summary: 'Convert a transcript or subtitle file to another format, verbatim (no cleanup).',
  usage: 'jiaodui convert IN... -o OUT [--to srt|vtt|txt|md|json] [--cues]',
  options: [OUTPUT, { name: 'to', short: 't', type: 'string', description: 'output format (default: from OUT\'s extension)' }, CUES],
  help: 'Examples:\n  jiaodui convert samples/bilingual-panel.srt -o panel.vtt\n  jiaodui convert samples/ -o out/ --to srt',
  run(args, io) {
    const output = optString(args, 'output');
    if (!output) throw new UsageError('convert needs -o OUT');
    const to = optString(args, 'to') ?? exporterForPath(output)?.id;
    if (!to || !CONVERTIBLE.includes(to)) throw new UsageError(`cannot tell the output format${to ? ` "${to}"` : ''}: use --to ${CONVERTIBLE.join('|')}`);
    return runBatch(args, io, { command: 'convert', to, ext: exporterById(to)!.extension, suffix: '', cues: cuesOption(args, to) });
  },
};
