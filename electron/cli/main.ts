/**
 * `jiaodui` — the command-line client of shared/. Exit codes: 0 success, 1 processing error, 2 bad usage.
 * Errors go to stderr and name the file (and line, when the problem has one).
 */
import { EXIT, UsageError, formatHelp, parseArgs, type CliIO } from './command';
import { COMMANDS } from './commands/index';
import { VERSION } from './version';

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `jiaodui ${VERSION} — clean, align and export noisy Chinese/English conference transcripts`,
    '',
    'Usage: jiaodui <command> [options]   (jiaodui <command> --help for details)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Formats read (detected by content): plain-text ASR lines, SRT, WebVTT, Whisper JSON, Bilibili BCC JSON,',
    'Markdown transcripts, Jiaodui projects (.jiaodui.json); UTF-8/UTF-16/GB18030/Big5.',
    '',
  ].join('\n');
}

/** Runs the CLI with argv (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(topHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`jiaodui: unknown command "${name}"\n\n${topHelp()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(formatHelp(command));
    return EXIT.ok;
  }
  try {
    return await command.run(parseArgs(rest, command.options), io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`jiaodui ${command.name}: ${e.message}\n${command.usage.replace(/^/, 'usage: ')}\n`);
      return EXIT.usage;
    }
    io.stderr(`jiaodui ${command.name}: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.failed;
  }
}
