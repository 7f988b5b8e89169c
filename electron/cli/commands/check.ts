import { optFlag, type CliCommand } from '../command';
import { runBatch } from '../run-batch';
import { GLOSSARY, LEVEL, OUTPUT, REFERENCE } from './options';

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Detect fillers, stutters, artefacts, hallucinations and misrecognitions; print the flags.',
  usage: 'jiaodui check IN... [--glossary FILE]... [--reference FILE]... [--level L] [--json] [-o OUT]',
  options: [GLOSSARY, REFERENCE, LEVEL, { name: 'json', type: 'boolean', description: 'print the JSON report (stable contract) instead of a table' }, OUTPUT],
  help: 'Examples:\n  jiaodui check samples/waic-2024-excerpt.txt\n  jiaodui check samples/waic-2024-excerpt.txt --glossary samples/waic-glossary.tsv --json > report.json',
  run(args, io) {
    const json = optFlag(args, 'json');
    return runBatch(args, io, { command: 'check', to: 'json', ext: '.report.json', suffix: '', table: !json && !args.options['output'] });
  },
};
