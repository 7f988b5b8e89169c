import { resolve } from 'node:path';
import { optFlag, optString, type CliCommand } from '../command';
import { runBatch } from '../run-batch';
import { CACHE_DIR, GLOSSARY, LEVEL, OUTPUT, REFERENCE, ffmpegAvailable } from './options';

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Detect fillers, stutters, artefacts, hallucinations and misrecognitions; print the flags.',
  usage: 'jiaodui check IN... [--glossary FILE]... [--reference FILE]... [--level L] [--json] [--audio AUDIO [--cache-dir DIR]] [-o OUT]',
  options: [
    GLOSSARY, REFERENCE, LEVEL, { name: 'json', type: 'boolean', description: 'print the JSON report (stable contract) instead of a table' },
    { name: 'audio', type: 'string', description: 'recording of a timed transcript: flag text over (near) silence (audio.text-over-silence)' }, CACHE_DIR, OUTPUT,
  ],
  help: 'Examples:\n  jiaodui check samples/waic-2024-excerpt.txt\n  jiaodui check samples/waic-2024-excerpt.txt --glossary samples/waic-glossary.tsv --json > report.json\n  jiaodui check talk.srt --audio talk.mp3 --json > report.json',
  async run(args, io) {
    const json = optFlag(args, 'json');
    const audio = optString(args, 'audio');
    const cacheDir = optString(args, 'cache-dir');
    if (audio && !ffmpegAvailable('check', io)) return 1;
    return runBatch(args, io, {
      command: 'check', to: 'json', ext: '.report.json', suffix: '', table: !json && !args.options['output'],
      ...(audio ? { audio: { path: resolve(io.cwd, audio), ...(cacheDir ? { cacheDir: resolve(io.cwd, cacheDir) } : {}) } } : {}),
    });
  },
};
