// Bundles the CLI (electron/cli) into dist/cli/ with esbuild so `npx jiaodui` starts fast after `npm ci`
// (run from the `prepare` script). Also runs the data builds the CLI needs (they skip when up to date).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();

await build({
  absWorkingDir: root,
  entryPoints: { jiaodui: 'electron/cli/entry.ts', worker: 'electron/cli/worker.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
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
console.error(`jiaodui: CLI built in ${Date.now() - started} ms`);
