/**
 * Web mode: the whole UI in a plain browser with the browser host (renderer/host/web-host.ts).
 * `npm run web` serves it; `npm run build:web` writes a static build to dist/web/ with relative URLs, so
 * index.html works from any static server and any sub-path.
 *
 * The built data files (`npm run prepare` writes them to dist/data: the Chinese lexicon, its near-word index and
 * glosses, the English word list, the aligner's dictionary) are served and copied to `data/` beside index.html,
 * where the worker fetches them lazily (renderer/worker/resources.ts). The lexicons go in the CLI's fast form —
 * UTF-16 twins (`.u16`) and prebuilt indexes (`.idx`) — and their `.tsv` text only when a twin is missing. The
 * Electron renderer build uses the same plugin, so they ship inside the app and are served by its app protocol.
 */
import react from '@vitejs/plugin-react';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

/** The files renderer/worker/resources.ts fetches from `data/`. */
export const DATA_FILES = [
  'zh-lexicon.u16', 'zh-lexicon.idx', 'zh-lexicon.tsv', 'zh-near.u16', 'zh-near.idx', 'zh-near.tsv', 'zh-glosses.tsv',
  'en-words.txt', 'en-words.idx', 'align-dict.tsv',
];

/** Fallbacks: a `.tsv` is shipped only when its `.u16` twin was not built (the worker then reads the text). */
const FALLBACK_FOR: Record<string, string> = { 'zh-lexicon.tsv': 'zh-lexicon.u16', 'zh-near.tsv': 'zh-near.u16' };

/** Data files that are binary (the rest are UTF-8 text). */
const isBinary = (name: string): boolean => /\.(u16|idx)$/.test(name);

/** Serves (dev) and emits (build) the built data files under `data/`. */
export function builtData(dir = fileURLToPath(new URL('./dist/data', import.meta.url))): Plugin {
  return {
    name: 'jiaodui-built-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = /\/data\/([\w.-]+)$/.exec((req.url ?? '').split('?')[0] ?? '')?.[1];
        if (!name || !DATA_FILES.includes(name)) return next();
        const file = join(dir, name);
        if (!existsSync(file)) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('Content-Type', isBinary(name) ? 'application/octet-stream' : 'text/plain; charset=utf-8');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const name of DATA_FILES) {
        const file = join(dir, name);
        const twin = FALLBACK_FOR[name];
        if (twin && existsSync(join(dir, twin))) continue;
        if (existsSync(file)) this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(file) });
        else if (!FALLBACK_FOR[name] && !/\.idx$/.test(name)) this.warn(`${file} is missing (run \`npm run prepare\`): the app will detect without it`);
      }
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), builtData()],
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    chunkSizeWarningLimit: 4000,
  },
  server: { fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] } },
});
