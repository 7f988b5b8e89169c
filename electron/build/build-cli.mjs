// Bundles the CLI (electron/cli) into dist/cli/ with esbuild so `npx jiaodui` starts fast after `npm ci`
// (run from the `prepare` script). Also runs the data builds the CLI needs (they skip when up to date).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();

// chunk names carry a content hash: drop the previous build's so dist/cli holds only what the entries import
const outDir = join(root, 'dist/cli');
if (existsSync(outDir)) for (const f of readdirSync(outDir)) if (/^chunk-.*\.mjs(\.map)?$/.test(f)) rmSync(join(outDir, f));

await build({
  absWorkingDir: root,
  entryPoints: { jiaodui: 'electron/cli/entry.ts', worker: 'electron/cli/worker.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  // Code both entries use goes to shared chunks, and dynamic imports (the 1.1 MB Simplified → Traditional
  // dictionaries) to chunks of their own, loaded only when asked for: a `check` run compiles ~1.2 MB instead of
  // 3.4 MB. Chunks sit beside the entries, so `new URL('./worker.mjs', import.meta.url)` and the data-directory
  // search still resolve from any of them. UTF-8 output keeps Chinese strings at their size (not \u escapes).
  splitting: true,
  chunkNames: 'chunk-[hash]',
  charset: 'utf8',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // CommonJS dependencies (chardet) call require() for Node built-ins; give the ESM bundle a real one.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __jiaoduiRequire } from 'node:module';\nconst require = __jiaoduiRequire(import.meta.url);" },
});
await chmod(join(root, 'dist/cli/jiaodui.mjs'), 0o755);

for (const step of ['build-lexicon.mjs', 'build-english-words.mjs', 'build-align-dict.mjs']) {
  const path = join(root, 'electron/build', step);
  if (existsSync(path)) await import(pathToFileURL(path).href);
}
await writeIndexes();

/**
 * Prebuilt line indexes of the data texts (`.idx` beside each): the scan shared/lexicon does on load (line starts,
 * the bit-set filter, word-list order) done once here with the same code, so the CLI loads a lexicon in
 * milliseconds. Rewritten when older than their text or the code; a loader ignores an index that does not fit.
 */
async function writeIndexes() {
  const data = join(root, 'dist/data');
  const code = ['shared/lexicon/chinese.ts', 'shared/lexicon/english.ts'].map((f) => join(root, f));
  const jobs = [['zh-lexicon.u16', 'zh-lexicon.idx'], ['zh-near.u16', 'zh-near.idx'], ['en-words.txt', 'en-words.idx']]
    .map(([text, idx]) => [join(data, text), join(data, idx)])
    .filter(([text, idx]) => existsSync(text) && (!existsSync(idx) || [text, ...code].some((f) => statSync(f).mtimeMs > statSync(idx).mtimeMs)));
  if (jobs.length === 0) return;
  const bundled = await build({
    absWorkingDir: root, stdin: { contents: "export { SortedLines } from './shared/lexicon/chinese'; export { englishWordsIndex } from './shared/lexicon/english';", resolveDir: root, loader: 'ts' },
    bundle: true, platform: 'neutral', format: 'esm', write: false, logLevel: 'warning',
  });
  const lexicon = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
  for (const [text, idx] of jobs) {
    const bytes = text.endsWith('.u16')
      ? new lexicon.SortedLines(new Uint16Array(readFileSync(text).buffer.slice(0))).serialize()
      : lexicon.englishWordsIndex(readFileSync(text, 'utf8'));
    if (bytes) writeFileSync(`${idx}.tmp`, bytes);
    if (bytes) renameSync(`${idx}.tmp`, idx);
  }
}
console.error(`jiaodui: CLI built in ${Date.now() - started} ms`);
