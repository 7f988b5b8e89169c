#!/usr/bin/env node
/**
 * Builds the English word list the detectors use (dist/data/en-words.txt) from the `word-list` package (MIT,
 * sindresorhus/word-list): lower-case words, one a line, deduplicated and sorted, with the package's licence
 * noted in a `#` header line. shared/lexicon/english.ts parses it (`createEnglishWords`); skips when up to date.
 *
 * Usage: node electron/build/build-english-words.mjs [OUT]
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = resolve(process.argv[2] ?? `${root}/dist/data/en-words.txt`);
/** The package's default export is the path of its words.txt. */
const { default: source } = await import('word-list');

if (!existsSync(out) || statSync(out).mtimeMs < statSync(source).mtimeMs) {
  const words = new Set();
  for (const line of readFileSync(source, 'utf8').split('\n')) {
    const w = line.trim().toLowerCase();
    if (w && /^[a-z][a-z'-]*$/.test(w)) words.add(w);
  }
  mkdirSync(dirname(out), { recursive: true });
  const header = '# English words from the word-list package (MIT, github.com/sindresorhus/word-list)\n';
  writeFileSync(out, header + [...words].sort().join('\n') + '\n');
  console.error(`en-words: ${words.size} words → ${out}`);
}
