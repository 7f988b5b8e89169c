// Shared benchmark helpers: load TypeScript modules from the repo by bundling them with esbuild into a
// temporary ESM file (the benchmarks are plain Node scripts), and time a function over repeated runs.
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DATA = join(ROOT, '..', 'shared');

/**
 * Bundles a TypeScript entry (path relative to the repo root) into `outfile` (default: a new temporary
 * directory) and returns the file's path. `external`: leave packages to node_modules (the outfile must then
 * sit inside the repo, e.g. under node_modules/.cache, so they resolve).
 */
export async function bundleTs(entry, { outfile = join(mkdtempSync(join(tmpdir(), 'jiaodui-bench-')), 'bundle.mjs'), external = false } = {}) {
  await build({
    absWorkingDir: ROOT, entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm',
    target: 'node20', logLevel: 'error', ...(external ? { packages: 'external' } : {}),
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return outfile;
}

/** Bundles a TypeScript entry (path relative to the repo root) and imports it. */
export async function loadTs(entry) {
  return import(pathToFileURL(await bundleTs(entry)).href);
}

/** Median wall time in ms of `fn` over `runs` runs (after one warm-up). */
export function time(fn, runs = 5) {
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}

export function mb(bytes) {
  return Math.round(bytes / 1048576);
}
