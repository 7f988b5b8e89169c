/**
 * The CLI is a thin client of shared/ (Subtitle Edit's habit: the library knows nothing of the UI).
 * One module per command in electron/cli/commands/, listed in commands/index.ts.
 *
 * Exit codes: 0 success, 1 a processing error (bad input file…), 2 bad usage.
 */

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (progress lines are drawn only then). */
  isTTY: boolean;
  cwd: string;
}

export interface ParsedArgs {
  positionals: string[];
  /** `--flag value` → string; repeated flags → string[]; bare `--flag` → true. */
  options: Record<string, string | string[] | boolean>;
}

export interface OptionSpec {
  name: string;
  /** Single-letter alias, e.g. `o` for `-o`. */
  short?: string;
  type: 'string' | 'boolean';
  multiple?: boolean;
  description: string;
}

export interface CliCommand {
  name: string;
  summary: string;
  /** Usage line(s), e.g. `jiaodui convert IN -o OUT [--to FORMAT]`. */
  usage: string;
  options: readonly OptionSpec[];
  /** Extra help text (examples). */
  help?: string;
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

export class UsageError extends Error {}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Parses argv against a command's option specs; throws UsageError with a precise message. */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = {};
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else {
      const spec = byShort.get(arg.slice(1));
      if (!spec) throw new UsageError(`unknown option ${arg}`);
      name = spec.name;
    }
    const spec = byName.get(name);
    if (!spec) throw new UsageError(`unknown option --${name}`);
    let value: string | boolean = true;
    if (spec.type === 'string') {
      value = inline ?? argv[++i] ?? '';
      if (value === '' && inline === undefined) throw new UsageError(`option --${name} needs a value`);
    } else if (inline !== undefined) {
      throw new UsageError(`option --${name} takes no value`);
    }
    if (spec.multiple) {
      const prev = options[name];
      options[name] = [...(Array.isArray(prev) ? prev : []), String(value)];
    } else {
      options[name] = value;
    }
  }
  return { positionals, options };
}

/** A string option's value, or undefined. */
export function optString(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}

/** A repeatable option's values. */
export function optList(args: ParsedArgs, name: string): string[] {
  const v = args.options[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export function optFlag(args: ParsedArgs, name: string): boolean {
  return args.options[name] === true;
}

/** Renders a command's --help. */
export function formatHelp(cmd: CliCommand): string {
  const lines = [`Usage: ${cmd.usage}`, '', cmd.summary, ''];
  if (cmd.options.length) {
    lines.push('Options:');
    for (const o of cmd.options) {
      const flag = `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.type === 'string' ? ' VALUE' : ''}`;
      lines.push(`  ${flag.padEnd(28)} ${o.description}${o.multiple ? ' (repeatable)' : ''}`);
    }
    lines.push('  -h, --help                   show this help');
  }
  if (cmd.help) lines.push('', cmd.help);
  return lines.join('\n') + '\n';
}
