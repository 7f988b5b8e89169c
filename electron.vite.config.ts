/**
 * electron-vite build of the three parts: main (Node, ESM), preload (CommonJS, one self-contained file, because
 * sandboxed preloads cannot load ES modules or node_modules) and the renderer (the same React app as web mode,
 * with the built data files in `data/`, served by the app protocol).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { builtData } from './vite.web.config';

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: path('./out/main'),
      rollupOptions: { input: { index: path('./electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: path('./out/preload'),
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: path('./electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: path('./renderer'),
    plugins: [react(), builtData()],
    worker: { format: 'es' },
    build: {
      outDir: path('./out/renderer'),
      rollupOptions: { input: { index: path('./renderer/index.html') } },
    },
  },
});
