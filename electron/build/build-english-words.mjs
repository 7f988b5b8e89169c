#!/usr/bin/env node
/**
 * Builds the English word list the detectors use (dist/data/en-words.txt) from the `word-list` package (MIT,
 * sindresorhus/word-list): lower-case words, one a line, deduplicated and sorted, with the package's licence
 * noted in a `#` header line. shared/lexicon/english.ts parses it (`createEnglishWords`); skips when up to date.
 *
 * A rough usage count follows a word after a tab when it is known: how often the word occurs in the English
 * glosses of CC-CEDICT (CC BY-SA 4.0), read from dist/data/zh-glosses.tsv, which build-lexicon.mjs writes
 * first. en.garble uses it only to choose between equally close repairs (`wite` → white, not waite). Without
 * that file the list has no counts.
 *
 * Usage: node electron/build/build-english-words.mjs [OUT]
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = resolve(process.argv[2] ?? `${root}/dist/data/en-words.txt`);
const glossFile = resolve(dirname(out), 'zh-glosses.tsv');
/** The package's default export is the path of its words.txt. */
const { default: source } = await import('word-list');

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);
const self = fileURLToPath(import.meta.url);
if (!existsSync(out) || mtime(out) < Math.max(mtime(source), mtime(glossFile), mtime(self))) {
  const words = new Set();
  for (const line of readFileSync(source, 'utf8').split('\n')) {
    const w = line.trim().toLowerCase();
    if (w && /^[a-z][a-z'-]*$/.test(w)) words.add(w);
  }
  const counts = new Map();
  if (existsSync(glossFile)) {
    for (const line of readFileSync(glossFile, 'utf8').split('\n')) {
      if (line.startsWith('#')) continue;
      const gloss = line.slice(line.indexOf('\t') + 1).toLowerCase();
      for (const w of gloss.match(/[a-z]+/g) ?? []) if (words.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  mkdirSync(dirname(out), { recursive: true });
  const header = '# English words from the word-list package (MIT, github.com/sindresorhus/word-list); counts: CC-CEDICT glosses (CC BY-SA 4.0)\n';
  const lines = [...words].sort().map((w) => (counts.has(w) ? `${w}\t${counts.get(w)}` : w));
  writeFileSync(out, header + lines.join('\n') + '\n');
  console.error(`en-words: ${words.size} words (${counts.size} with counts) → ${out}`);
}
