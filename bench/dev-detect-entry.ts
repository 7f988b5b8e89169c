/**
 * Dev report builder for the detectors (bundled by bench/dev-detect.mjs): parses a transcript with the real
 * format registry, detects with the real resources, and writes a report shaped like `jiaodui check --json`
 * (docs/dev/report-contract.md), so the shared scoring tools can read it before/without the CLI.
 * usage (bundled): node dev-detect-entry.mjs IN OUT.json [--level L] [--times N] [--repeat N] [--profile]
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import wordListPath from 'word-list';
import { RULES, detectTranscript } from '../shared/detect/index';
import { parseText } from '../shared/formats/index';
import { createChineseLexicon } from '../shared/lexicon/chinese';
import { createEnglishWords } from '../shared/lexicon/english';
import { RESOURCE } from '../shared/lexicon/types';
import { deriveClean, flagsBySegment, isApplied } from '../shared/model/clean';
import { isLevel, type Level } from '../shared/model/levels';

const [input, output, ...rest] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: dev-detect-entry IN OUT.json [--level L] [--times N]');
const opt = (name: string): string | undefined => { const i = rest.indexOf(name); return i >= 0 ? rest[i + 1] : undefined; };
const levelArg = opt('--level') ?? 'standard';
const level: Level = isLevel(levelArg) ? levelArg : 'standard';
const times = Number(opt('--times') ?? 1);
const root = process.cwd();

const t0 = performance.now();
let text = readFileSync(input, 'utf8');
if (times > 1) text = Array.from({ length: times }, () => text).join('\n');
const parsed = parseText(text, { fileName: input });
const t1 = performance.now();
const zhFile = join(root, 'dist/data/zh-lexicon.tsv');
const enFile = join(root, 'dist/data/en-words.txt');
const resources = {
  cache: new Map(),
  [RESOURCE.enWords]: createEnglishWords(readFileSync(existsSync(enFile) ? enFile : wordListPath, 'utf8')),
  ...(existsSync(zhFile) ? { [RESOURCE.zhLexicon]: createChineseLexicon(readFileSync(zhFile, 'utf8')) } : {}),
};
// lexicons may build lazily on their first lookup: do it here so `detect` times detection alone
for (const key of [RESOURCE.enWords, RESOURCE.zhLexicon]) ((resources as Record<string, unknown>)[key] as { has(w: string): boolean } | undefined)?.has('的');
const t2 = performance.now();
const rssBefore = process.memoryUsage().rss;
if ((globalThis as { gc?: () => void }).gc) {
  (globalThis as { gc: () => void }).gc();
  console.error(`  live heap before detection: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}
const flags = detectTranscript(parsed.transcript, { resources });
const t3 = performance.now();
const rssDetect = process.memoryUsage().rss;
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  gc();
  console.error(`  live heap after detection: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}
for (let i = 1; i < Number(opt('--repeat') ?? 1); i++) {
  const t = performance.now();
  detectTranscript(parsed.transcript, { resources: { ...resources, cache: new Map() } });
  console.error(`  detect again: ${(performance.now() - t).toFixed(0)} ms`);
}
if (rest.includes('--profile')) {
  for (const rule of RULES) {
    const t = performance.now();
    detectTranscript(parsed.transcript, { resources, rules: [rule] });
    console.error(`  ${rule.id}: ${(performance.now() - t).toFixed(0)} ms`);
  }
}
const bySeg = flagsBySegment(flags);
const segText = new Map(parsed.transcript.segments.map((s) => [s.id, s.raw]));
const report = {
  tool: 'jiaodui', version: 'dev', source: { path: input, format: parsed.format, encoding: 'utf-8' },
  title: parsed.transcript.title,
  segments: parsed.transcript.segments.map((s) => ({
    id: s.id, sourceLine: s.sourceLine, start: s.start ?? null, end: s.end ?? null, lang: s.lang, raw: s.raw,
    clean: deriveClean(s.raw, bySeg.get(s.id) ?? [], { level }),
  })),
  flags: flags.map((f) => ({ ...f, text: segText.get(f.segmentId)!.slice(f.start, f.end), auto: isApplied(f, { level }) })),
  diagnostics: parsed.diagnostics,
};
writeFileSync(output, JSON.stringify(report, null, 1));
const t4 = performance.now();
const mb = `${(rssBefore / 1e6).toFixed(0)} MB before detection, ${(rssDetect / 1e6).toFixed(0)} MB after detection, ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB at the end`;
console.error(`parse ${(t1 - t0).toFixed(0)} ms, resources ${(t2 - t1).toFixed(0)} ms, detect ${(t3 - t2).toFixed(0)} ms, report ${(t4 - t3).toFixed(0)} ms; ${text.length} chars, ${parsed.transcript.segments.length} segments, ${flags.length} flags, rss ${mb}`);
