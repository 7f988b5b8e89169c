/** Runs the built CLI (dist/cli/jiaodui.mjs, built by `npm run build:cli`) as a user would. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers';

export const CLI = join(ROOT, 'dist', 'cli', 'jiaodui.mjs');

/** Builds the CLI once if a plain `vitest run` comes before `npm run build:cli`. */
export function ensureBuilt(): void {
  if (existsSync(CLI)) return;
  const built = spawnSync(process.execPath, [join(ROOT, 'electron', 'build', 'build-cli.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`CLI build failed: ${built.stderr}`);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = ROOT): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
