#!/usr/bin/env node
// Dev scoring of the detectors against the hand-made gold (docs/detectors.md shows the figures).
// Bundles bench/dev-detect-entry.ts (bench/lib.mjs), builds reports for the seeds (needs /work/shared or
// JIAODUI_SHARED), then runs the shared scoring tools:
//   node bench/dev-detect.mjs            → CER vs test/fixtures/dev-gold/clean-gold.tsv + false flags on 002/003
//   node bench/dev-detect.mjs --speed    → also time the 150 KB seed and a 100× concatenation
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleTs } from './lib.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.JIAODUI_SHARED ?? resolve(root, '../shared');
if (!existsSync(join(shared, 'seeds'))) { console.error(`no seeds under ${shared}; skipping`); process.exit(0); }
const seed = (prefix) => join(shared, 'seeds', readdirSync(join(shared, 'seeds')).find((f) => f.startsWith(prefix)));
const tmp = mkdtempSync(join(tmpdir(), 'jiaodui-dev-'));
// bundled inside the repo so its external packages (opencc-js, word-list) resolve from node_modules; run as a
// script (it reads its arguments), so bundled with bench/lib.mjs rather than imported
const entry = await bundleTs('bench/dev-detect-entry.ts', { outfile: join(root, 'node_modules/.cache/jiaodui-dev/dev-detect.mjs'), external: true });
const run = (args) => execFileSync('node', [entry, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const tool = (name, args) => execFileSync('node', [join(shared, 'tools', name), ...args], { encoding: 'utf8' }).trim();

const level = process.argv.includes('--level') ? process.argv[process.argv.indexOf('--level') + 1] : 'standard';
const r1 = join(tmp, '001.json');
run([seed('001_'), r1, '--level', level]);
const errors = join(root, 'test/fixtures/dev-gold/errors.tsv');
console.log(`001 vs dev gold (${level}):`, tool('report-vs-gold.mjs', [r1, '--errors', errors, '--gold', join(root, 'test/fixtures/dev-gold/clean-gold.tsv')]));
for (const p of ['002_', '003_']) {
  const r = join(tmp, `${p}.json`);
  run([seed(p), r, '--level', level]);
  console.log(`${p} false flags per 10k chars:`, tool('flags-per-10k.mjs', [r]));
}
if (process.argv.includes('--speed')) {
  run([seed('001_'), join(tmp, 'speed1.json')]);
  run([seed('001_'), join(tmp, 'speed100.json'), '--times', '100']);
}
console.log(`reports in ${tmp}`);
