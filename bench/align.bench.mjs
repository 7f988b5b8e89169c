#!/usr/bin/env node
// Aligner benchmark: speed on 5,000 × 5,000 sentences, and quality (strict bead F1) on the dev sets.
//
//   node bench/align.bench.mjs                 speed + quality (quality only when ../shared/eval exists)
//   node bench/align.bench.mjs --speed-only
//
// Prints one JSON line; `ms` is wall time, `cpuMs` CPU time (the two differ when other work shares the cores). Speed data is generated here: a document of 5,000 English sentences built from the
// Tatoeba test sample (test/fixtures/third_party/tatoeba), shuffled, with ~3 % of sentences dropped on
// either side and ~5 % merged, so the path has 1-0, 0-1, 1-2 and 2-1 beads. Quality reads the IWSLT 2017
// TED talks and the full Tatoeba export from ../shared/eval (never copied into the repo; non-commercial data
// stays there). The shared/ TypeScript is loaded through bench/lib.mjs `loadTs` (an esbuild bundle).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT as root, loadTs } from './lib.mjs';

const evalDir = join(root, '..', 'shared', 'eval');
const A = await loadTs('shared/align/index.ts');

const key = (a, b) => `[${a.join(',')}]:[${b.join(',')}]`;
function score(golds, preds) {
  let tp = 0, g = 0, p = 0;
  for (let k = 0; k < golds.length; k++) {
    const gold = new Set(golds[k]);
    for (const x of preds[k]) if (gold.has(x)) tp++;
    g += golds[k].length;
    p += preds[k].length;
  }
  const P = tp / p, R = tp / g;
  return +((2 * P * R) / (P + R)).toFixed(4);
}
function rng(seed) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** A synthetic document from (zh, en) pairs with drops and merges; returns sentences and gold beads. */
function syntheticDoc(pairs, count, rnd, rates = { drop: 0.03, merge: 0.05 }) {
  const zh = [], en = [], gold = [];
  const pick = () => pairs[Math.floor(rnd() * pairs.length)];
  while (en.length < count) {
    const r = rnd();
    if (r < rates.drop) { en.push(pick()[0]); gold.push(key([], [en.length - 1])); }
    else if (r < 2 * rates.drop) { zh.push(pick()[1]); gold.push(key([zh.length - 1], [])); }
    else if (r < 2 * rates.drop + rates.merge) { const x = pick(), y = pick(); zh.push(x[1] + y[1]); en.push(x[0], y[0]); gold.push(key([zh.length - 1], [en.length - 2, en.length - 1])); }
    else if (r < 2 * rates.drop + 2 * rates.merge) { const x = pick(), y = pick(); en.push(`${x[0]} ${y[0]}`); zh.push(x[1], y[1]); gold.push(key([zh.length - 2, zh.length - 1], [en.length - 1])); }
    else { const x = pick(); zh.push(x[1]); en.push(x[0]); gold.push(key([zh.length - 1], [en.length - 1])); }
  }
  return { zh: zh.map((text) => ({ text })), en: en.map((text) => ({ text })), gold };
}

const dictPath = join(root, 'dist/data/align-dict.tsv');
let t = performance.now();
const cpu0 = process.cpuUsage();
const dictionary = existsSync(dictPath) ? A.parseAlignDictionary(readFileSync(dictPath, 'utf8')) : undefined;
const result = { bench: 'align', dictionary: Boolean(dictionary), dictionaryLoadMs: Math.round(performance.now() - t), dictionaryLoadCpuMs: Math.round(process.cpuUsage(cpu0).user / 1000) };

// Speed: 5,000 × 5,000.
const sample = readFileSync(join(root, 'test/fixtures/third_party/tatoeba/cmn-eng-sample.tsv'), 'utf8')
  .split('\n').filter(Boolean).map((l) => l.split('\t'));
const doc = syntheticDoc(sample, 5000, rng(7));
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
t = performance.now();
const cpu = process.cpuUsage();
const big = A.alignSentences(doc.zh, doc.en, { dictionary });
const ms = performance.now() - t;
const cpuUsed = process.cpuUsage(cpu);
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
Object.assign(result, {
  speed: { zh: doc.zh.length, en: doc.en.length, ms: Math.round(ms), cpuMs: Math.round((cpuUsed.user + cpuUsed.system) / 1000), rssMB: Math.round(peak / 1048576), rssGrowthMB: Math.round((peak - rssBefore) / 1048576), f1: score([doc.gold], [big.beads.map((b) => key(b.zh, b.en))]) },
});

if (!process.argv.includes('--speed-only') && existsSync(evalDir)) {
  t = performance.now();
  const talks = JSON.parse(readFileSync(join(evalDir, 'iwslt17-ted-zh-en/ted_talks_zh_en.json'), 'utf8'));
  const lines = { gold: [], pred: [] }, resplit = { gold: [], pred: [] };
  const linesNoDict = { gold: lines.gold, pred: [] };
  const noDict = { gold: [], pred: [] }, timedNoDict = { gold: [], pred: [] };
  const jitter = rng(5);
  for (const talk of talks) {
    const zh = talk.segments.map((s) => ({ text: s.zh })), en = talk.segments.map((s) => ({ text: s.en }));
    lines.gold.push(zh.map((_, i) => key([i], [i])));
    lines.pred.push(A.alignSentences(zh, en, { dictionary }).beads.map((b) => key(b.zh, b.en)));
    linesNoDict.pred.push(A.alignSentences(zh, en).beads.map((b) => key(b.zh, b.en)));
    // Re-split: each segment into sentences on both sides; a gold bead = the sentences of one segment pair.
    // Synthetic times for the timed variant: segments follow each other at 4.2 Han characters a second,
    // sentences share their segment's span by length, and the English side lags 3 s with ±0.5 s jitter.
    const zs = [], es = [], gold = [];
    let clock = 0;
    for (const s of talk.segments) {
      const a = A.splitSentences(s.zh, 'zh'), b = A.splitSentences(s.en, 'en');
      gold.push(key(a.map((_, k) => zs.length + k), b.map((_, k) => es.length + k)));
      const duration = Math.max(1000, (s.zh.length / 4.2) * 1000);
      const place = (parts, lag) => {
        const total = parts.reduce((n, x) => n + x.text.length, 0);
        let at = 0;
        return parts.map((x) => {
          const start = clock + lag + (duration * at) / total + (jitter() - 0.5) * 1000;
          at += x.text.length;
          return { text: x.text, start: Math.round(start), end: Math.round(clock + lag + (duration * at) / total + (jitter() - 0.5) * 1000) };
        });
      };
      zs.push(...place(a, 0));
      es.push(...place(b, 3000));
      clock += duration + 300;
    }
    resplit.gold.push(gold);
    noDict.gold.push(gold);
    timedNoDict.gold.push(gold);
    resplit.pred.push(A.alignSentences(zs, es, { dictionary, useTime: false }).beads.map((b) => key(b.zh, b.en)));
    noDict.pred.push(A.alignSentences(zs, es, { useTime: false }).beads.map((b) => key(b.zh, b.en)));
    timedNoDict.pred.push(A.alignSentences(zs, es).beads.map((b) => key(b.zh, b.en)));
  }
  const rows = readFileSync(join(evalDir, 'tatoeba-cmn-eng/cmn.txt'), 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
  const tat = { gold: [], pred: [] }, tatNoDict = { gold: [], pred: [] };
  const rnd = rng(20261123);
  for (let d = 0; d < 20; d++) {
    const synthetic = syntheticDoc(rows, 150, rnd, { drop: 0.06, merge: 0.08 });
    tat.gold.push(synthetic.gold);
    tat.pred.push(A.alignSentences(synthetic.zh, synthetic.en, { dictionary }).beads.map((b) => key(b.zh, b.en)));
    tatNoDict.gold.push(synthetic.gold);
    tatNoDict.pred.push(A.alignSentences(synthetic.zh, synthetic.en).beads.map((b) => key(b.zh, b.en)));
  }
  // A long document with an 800-sentence untranslated stretch: the coarse pass must follow it.
  const gapRnd = rng(3);
  const gap = { zh: [], en: [], gold: [] };
  for (let i = 0; i < 4000; i++) {
    const r = rows[Math.floor(gapRnd() * rows.length)];
    gap.zh.push({ text: r[1] });
    if (i >= 1500 && i < 2300) gap.gold.push(key([gap.zh.length - 1], []));
    else { gap.en.push({ text: r[0] }); gap.gold.push(key([gap.zh.length - 1], [gap.en.length - 1])); }
  }
  const gapPred = A.alignSentences(gap.zh, gap.en, { dictionary }).beads.map((b) => key(b.zh, b.en));
  result.quality = {
    tatoebaLongGap: score([gap.gold], [gapPred]),
    tedLines: score(lines.gold, lines.pred),
    tedLinesNoDictionary: score(linesNoDict.gold, linesNoDict.pred),
    tedResplit: score(resplit.gold, resplit.pred),
    tedResplitNoDictionary: score(noDict.gold, noDict.pred),
    tedResplitNoDictionaryTimed: score(timedNoDict.gold, timedNoDict.pred),
    tatoebaSynthetic: score(tat.gold, tat.pred),
    tatoebaSyntheticNoDictionary: score(tatNoDict.gold, tatNoDict.pred),
    ms: Math.round(performance.now() - t),
  };
}
console.log(JSON.stringify(result));
