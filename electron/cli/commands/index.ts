/** The CLI's commands, in the order `jiaodui --help` lists them. One module each; one line here each. */
import type { CliCommand } from '../command';
import { alignCommand } from './align';
import { checkCommand } from './check';
import { cleanCommand } from './clean';
import { convertCommand } from './convert';
import { summaryCommand } from './summary';
import { peaksCommand } from './peaks';
import { timeCommand } from './time';

export const COMMANDS: readonly CliCommand[] = [
  checkCommand,
  cleanCommand,
  convertCommand,
  alignCommand,
  summaryCommand,
  peaksCommand,
  timeCommand,
];
