/**
 * A large glossary's rules run in a worker thread beside the other rules (electron/cli/rule-split.ts); the
 * report must be exactly the one-thread report. The threshold is lowered so the repo's small glossaries split.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectTranscript, mergeRuleFlags, RULES } from '../../shared/detect/index';
import { loadDetectResources } from '../../electron/cli/resources';
import { readInput } from '../../electron/node/read-input';
import { WORKER_RULE_IDS } from '../../electron/cli/rule-split';
import { FIXTURES, ROOT, SAMPLES } from '../helpers';
import { CLI, ensureBuilt } from './run-cli';

beforeAll(ensureBuilt);

/** A `check --json` run; `split` forces the rule split (any glossary size), otherwise one thread. */
function check(split: boolean, args: string[]): { code: number | null; stdout: string; workers: number } {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_DEBUG: 'worker' };
  if (split) {
    env['JIAODUI_GLOSSARY_SPLIT_MIN'] = '0';
    env['JIAODUI_DETECT_THREADS'] = '2';
  } else env['JIAODUI_DETECT_THREADS'] = '1';
  const r = spawnSync(process.execPath, [CLI, 'check', ...args, '--json'], { cwd: ROOT, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  // NODE_DEBUG=worker logs one "created Worker" line per worker thread: proof the split ran
  return { code: r.status, stdout: r.stdout, workers: (r.stderr.match(/created Worker with ID/g) ?? []).length };
}

const CASES: [string, string[]][] = [
  ['the WAIC excerpt with its glossary', [join(SAMPLES, 'waic-2024-excerpt.txt'), '--glossary', join(SAMPLES, 'waic-glossary.tsv')]],
  ['the WAIC excerpt with the dev glossary', [join(SAMPLES, 'waic-2024-excerpt.txt'), '--glossary', join(FIXTURES, 'dev-misrec', 'glossary.tsv')]],
  ['the forum transcript with the editor glossary', [join(SAMPLES, 'forum-transcript.md'), '--glossary', join(FIXTURES, 'dev-misrec', 'glossary-editor.tsv')]],
  ['a bilingual subtitle file with two glossaries', [join(SAMPLES, 'bilingual-panel.srt'), '--glossary', join(SAMPLES, 'waic-glossary.tsv'), '--glossary', join(FIXTURES, 'dev-misrec', 'glossary.tsv')]],
];

describe('glossary rules in a worker thread', () => {
  it.each(CASES)('reports exactly the one-thread flags for %s', (_name, args) => {
    const one = check(false, args);
    const split = check(true, args);
    expect(one.code).toBe(0);
    expect(split.code).toBe(0);
    expect(one.workers).toBe(0);
    expect(split.workers).toBe(1);
    expect(split.stdout).toBe(one.stdout);
  });

  it('keeps one thread below the entry threshold', () => {
    const args = [join(SAMPLES, 'waic-2024-excerpt.txt'), '--glossary', join(SAMPLES, 'waic-glossary.tsv')];
    const r = spawnSync(process.execPath, [CLI, 'check', ...args, '--json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'worker', JIAODUI_DETECT_THREADS: '2' } });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/created Worker/);
  });

  it('merges the flags of disjoint rule sets into the flags of one run, order and duplicates included', async () => {
    const read = await readInput(join(SAMPLES, 'waic-2024-excerpt.txt'));
    if (!read.ok) throw new Error(read.message);
    const transcript = read.value.transcript;
    const loaded = await loadDetectResources({ glossaries: [join(SAMPLES, 'waic-glossary.tsv'), join(FIXTURES, 'dev-misrec', 'glossary.tsv')], references: [] });
    if (!loaded.ok) throw new Error(loaded.message);
    const fresh = () => ({ ...loaded.value, cache: new Map<string, unknown>() });
    const whole = detectTranscript(transcript, { resources: fresh() });
    expect(whole.some((f) => WORKER_RULE_IDS.includes(f.ruleId))).toBe(true);
    // the worker's split, and every other rule on its own against the rest
    const splits = [WORKER_RULE_IDS, ...RULES.map((r) => [r.id])];
    for (const ids of splits) {
      const theirs = detectTranscript(transcript, { resources: fresh(), rules: RULES.filter((r) => ids.includes(r.id)) });
      const mine = detectTranscript(transcript, { resources: fresh(), rules: RULES.filter((r) => !ids.includes(r.id)) });
      expect(mergeRuleFlags(transcript, [mine, theirs])).toEqual(whole);
    }
  });

  it('refuses to merge when segment ids repeat', () => {
    const segments = [{ id: 'a', lang: 'zh' as const, raw: '你好', sourceLine: 1 }, { id: 'a', lang: 'zh' as const, raw: '再见', sourceLine: 2 }];
    const transcript = { title: null, segments, markers: [], metadata: {} };
    expect(mergeRuleFlags(transcript, [[], []])).toBeNull();
  });
});
