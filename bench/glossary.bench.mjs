// Glossary/lexicon detectors: dev-set reports and speed (issue 4).
// usage: node bench/glossary.bench.mjs [--seeds /work/shared/seeds] [--out /tmp/jiaodui-glossary]
// Writes `jiaodui check --json`-shaped reports (one segment per non-empty line, only the zh.glossary,
// en.glossary and zh.lexicon rules) for seed 001 with test/fixtures/dev-misrec/glossary.tsv, for 002 and 003
// with the same glossary (false alarms), and for 004 with itself as --reference; then times seed 001 with a
// 5,000-term glossary (also written to OUT/glossary-5k.tsv for timing the CLI). Score the reports with /work/shared/tools/report-vs-gold.mjs and flags-per-10k.mjs.
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const seeds = opt('--seeds', '/work/shared/seeds');
const out = opt('--out', '/tmp/jiaodui-glossary');
// --quick: dev reports only; --speed: the 5,000-term timing only
const mode = args.includes('--quick') ? 'quick' : args.includes('--speed') ? 'speed' : 'all';
mkdirSync(out, { recursive: true });

const entry = `
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { detectTranscript } from './shared/detect/index';
import { zhGlossary } from './shared/detect/rules/zh-glossary';
import { enGlossary } from './shared/detect/rules/en-glossary';
import { zhLexicon } from './shared/detect/rules/zh-lexicon';
import { detectLang } from './shared/model/lang';
import { applyFlags, chooseNonOverlapping } from './shared/model/clean';
import { autoAt } from './shared/model/levels';
import { loadDetectResources, loadChineseLexicon } from './electron/node/load-resources';
import { parseGlossary, mergeGlossaries } from './shared/glossary/index';
import { RESOURCE } from './shared/lexicon/types';
import { createEnglishWords } from './shared/lexicon/english';

const RULES = [zhGlossary, enGlossary, zhLexicon];
const seeds = ${JSON.stringify(seeds)};
const out = ${JSON.stringify(out)};
const file = (p) => readdirSync(seeds).find((f) => f.startsWith(p));
function transcript(text) {
  const segments = [];
  text.split('\\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    segments.push({ id: 's' + (i + 1), sourceLine: i + 1, lang: detectLang(raw), raw });
  });
  return { title: null, segments, markers: [], metadata: {} };
}
const cpuTimes = [];
function report(name, text, resources) {
  const t = transcript(text);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const flags = detectTranscript(t, { rules: RULES, resources: { ...resources, cache: new Map() } });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const bySeg = new Map();
  for (const f of flags) (bySeg.get(f.segmentId) ?? bySeg.set(f.segmentId, []).get(f.segmentId)).push(f);
  const json = { tool: 'jiaodui', version: 'dev', source: { path: name, format: 'txt', encoding: 'utf-8' }, title: null,
    segments: t.segments.map((s) => ({ id: s.id, sourceLine: s.sourceLine, start: null, end: null, lang: s.lang, raw: s.raw,
      clean: applyFlags(s.raw, chooseNonOverlapping((bySeg.get(s.id) ?? []).filter((f) => autoAt(f.confidence, 'standard')))) })),
    flags: flags.map((f) => { const s = t.segments.find((x) => x.id === f.segmentId); return { ...f, text: s.raw.slice(f.start, f.end), auto: autoAt(f.confidence, 'standard') }; }),
    diagnostics: [] };
  writeFileSync(join(out, name + '.json'), JSON.stringify(json, null, 1));
  console.log(name.padEnd(10), String(flags.length).padStart(4), 'flags', ms.toFixed(0).padStart(5), 'ms wall', cpuMs.toFixed(0).padStart(5), 'ms cpu');
  cpuTimes.push(cpuMs);
  return ms;
}
const t0 = performance.now();
const lex = loadChineseLexicon();
console.log('lexicon load', (performance.now() - t0).toFixed(0), 'ms', lex.lexicon ? lex.lexicon.size + ' words' : 'MISSING');
// the English word list, as the CLI passes it (electron/cli/resources.ts)
const enWords = createEnglishWords(readFileSync(join(process.env.JIAODUI_DATA_DIR, 'en-words.txt'), 'utf8'));
const common = { [RESOURCE.zhLexicon]: lex.lexicon, [RESOURCE.enWords]: enWords };
const glossaryPath = './test/fixtures/dev-misrec/glossary.tsv';
if (${JSON.stringify(mode)} !== 'speed') {
  const withG = loadDetectResources({ glossaryPaths: [glossaryPath], lexicon: false }).resources;
  const base = { ...withG, ...common };
  report('001', readFileSync(join(seeds, file('001_')), 'utf8'), base);
  report('002', readFileSync(join(seeds, file('002_')), 'utf8'), base);
  report('003', readFileSync(join(seeds, file('003_')), 'utf8'), base);
  const f004 = join(seeds, file('004_'));
  const t4 = performance.now();
  const ref = loadDetectResources({ referencePaths: [f004], lexicon: false });
  console.log('004 reference glossary', ref.glossary?.entries.length ?? 0, 'entries in', (performance.now() - t4).toFixed(0), 'ms');
  writeFileSync(join(out, '004-ref-glossary.tsv'), (ref.glossary?.entries ?? []).map((e) => e.term + '\\t' + (e.kind ?? '') + '\\t' + e.note).join('\\n') + '\\n');
  report('004-ref', readFileSync(f004, 'utf8'), { ...ref.resources, ...common });
}
if (${JSON.stringify(mode)} === 'quick') process.exit(0);
// speed: the dev glossary padded to 5,000 terms with synthetic names and terms
const rnd = (() => { let s = 7; return () => (s = (s * 48271) % 2147483647) / 2147483647; })();
const han = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰文斌宇浩凯健俊帆鹏辉智慧安全治理模型数据算法学院中心研究所实验室';
const pick = (s) => [...s][Math.floor(rnd() * [...s].length)];
const lines = [readFileSync(glossaryPath, 'utf8')];
const syll = ['ka','lo','mi','ter','son','vel','dra','ing','bor','qua','zen','rik','tal','mon','sha'];
for (let i = 0; lines.length < 5000; i++) {
  const n = 2 + Math.floor(rnd() * 5);
  let zh = ''; for (let k = 0; k < n; k++) zh += pick(han);
  const cap = (w) => w[0].toUpperCase() + w.slice(1);
  const en = cap(syll[Math.floor(rnd()*15)] + syll[Math.floor(rnd()*15)]) + ' ' + cap(syll[Math.floor(rnd()*15)] + syll[Math.floor(rnd()*15)] + syll[Math.floor(rnd()*15)]);
  lines.push(zh + '\\t' + en);
}
writeFileSync(join(out, 'glossary-5k.tsv'), lines.join('\\n') + '\\n'); // for timing the real CLI
const big = parseGlossary(lines.join('\\n'), 'big').glossary;
console.log('big glossary entries', big.entries.length);
const text001 = readFileSync(join(seeds, file('001_')), 'utf8');
const runs = [];
for (let r = 0; r < 3; r++) runs.push(report('001-5k', text001, { [RESOURCE.glossary]: big, ...common }));
const glossOnly = [];
for (let r = 0; r < 3; r++) {
  const t = transcript(text001); const t1 = performance.now();
  detectTranscript(t, { rules: [zhGlossary, enGlossary], resources: { [RESOURCE.glossary]: big, ...common, cache: new Map() } });
  glossOnly.push(performance.now() - t1);
}
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)].toFixed(0);
const cpu5k = cpuTimes.slice(-3);
console.log('001 with 5,000 terms: all three rules', runs.map((x) => x.toFixed(0)).join('/'), 'ms wall (median', med(runs) + '),', cpu5k.map((x) => x.toFixed(0)).join('/'), 'ms cpu (median', med(cpu5k) + '); glossary rules only', glossOnly.map((x) => x.toFixed(0)).join('/'), 'ms (median', med(glossOnly) + ')');
`;

const bundle = join(out, 'glossary-bench.bundle.mjs');
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'glossary-bench-entry.ts' },
  bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
process.chdir(root);
process.env.JIAODUI_DATA_DIR ??= join(root, 'dist/data');
await import(pathToFileURL(bundle).href);
rmSync(bundle, { force: true });
