/** One large input split across worker threads (electron/cli/parallel-detect.ts) reports exactly what one thread does. */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, SAMPLES } from '../helpers';
import { CLI, ensureBuilt } from './run-cli';

beforeAll(ensureBuilt);

function check(threads: number, args: string[]): { code: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args, '--json'], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, JIAODUI_DETECT_THREADS: String(threads), JIAODUI_PARALLEL_MIN_BYTES: '1' },
  });
  return { code: r.status, stdout: r.stdout };
}

describe('parallel detection of one input', () => {
  it('splits a transcript over three threads without changing a single flag, glossary included', () => {
    const args = [join(SAMPLES, 'waic-2024-excerpt.txt'), '--glossary', join(SAMPLES, 'waic-glossary.tsv')];
    const one = check(1, args);
    const three = check(3, args);
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    expect((JSON.parse(one.stdout) as { flags: unknown[] }).flags.length).toBeGreaterThan(10);
    expect(three.stdout).toBe(one.stdout);
  });
});
