// Detection speed and memory (issue 3): `detectTranscript` on the 150 KB seed transcript (../shared/seeds/001_*)
// and on a 100× concatenation (15 MB; time and peak RSS measured in a child process with
// process.resourceUsage().maxRSS), opencc-js converting the same texts (t2cn: one pass of a dictionary engine,
// our floor), and the whole CLI `jiaodui check --json` on the seed (and, with --cli100, on the 100× file).
// Lexicon loading is timed apart from detection (lexicons build lazily; they are forced before the clock).
// Prints one JSON line; skips when ../shared is absent. Usage: node bench/detect.bench.mjs [--cli100]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SHARED_DATA, loadTs, mb } from './lib.mjs';

const seedDir = join(SHARED_DATA, 'seeds');
if (!existsSync(seedDir)) {
  console.log(JSON.stringify({ bench: 'detect', skipped: `no ${seedDir}` }));
  process.exit(0);
}
const seedPath = join(seedDir, readdirSync(seedDir).find((f) => f.startsWith('001_')));
const dataDir = join(ROOT, 'dist/data');
const round = (x) => Math.round(x * 10) / 10;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Child mode: `--child TIMES MODE` detects (MODE detect) or also builds and stringifies the report (report). */
async function child(times, mode) {
  const m = await loadTs('bench/detect-bench-entry.ts');
  const seed = readFileSync(seedPath, 'utf8');
  const text = times > 1 ? Array.from({ length: times }, () => seed).join('\n') : seed;
  let t = performance.now();
  const parsed = m.parseText(text, { fileName: seedPath });
  const parseMs = performance.now() - t;
  t = performance.now();
  const resources = { cache: new Map() };
  const en = join(dataDir, 'en-words.txt');
  const zh = join(dataDir, 'zh-lexicon.tsv');
  if (existsSync(en)) resources[m.RESOURCE.enWords] = m.createEnglishWords(readFileSync(en, 'utf8'));
  if (existsSync(zh)) resources[m.RESOURCE.zhLexicon] = m.createChineseLexicon(readFileSync(zh, 'utf8'));
  for (const k of [m.RESOURCE.enWords, m.RESOURCE.zhLexicon]) resources[k]?.has('的');
  const resourcesMs = performance.now() - t;
  const rssBefore = process.memoryUsage().rss;
  t = performance.now();
  const cpu0 = process.cpuUsage();
  const flags = m.detectTranscript(parsed.transcript, { resources });
  const cpu = process.cpuUsage(cpu0);
  const detectMs = performance.now() - t;
  const again = [];
  if (times === 1) {
    for (let i = 0; i < 3; i++) {
      const t1 = performance.now();
      m.detectTranscript(parsed.transcript, { resources: { ...resources, cache: new Map() } });
      again.push(performance.now() - t1);
    }
  }
  const rssDetect = process.memoryUsage().rss;
  let jsonChars = 0;
  let reportMs = 0;
  if (mode === 'report') {
    t = performance.now();
    const report = m.buildReport({ transcript: parsed.transcript, flags, level: 'standard', mode: 'clean', source: null, version: 'bench' });
    jsonChars = (JSON.stringify(report, null, 2) + '\n').length;
    reportMs = performance.now() - t;
  }
  console.log(JSON.stringify({
    chars: text.length, segments: parsed.transcript.segments.length, flags: flags.length,
    parseMs: round(parseMs), resourcesMs: round(resourcesMs), detectMs: round(detectMs),
    detectCpuMs: round((cpu.user + cpu.system) / 1000), warmDetectMs: again.length ? round(median(again)) : undefined,
    reportMs: mode === 'report' ? round(reportMs) : undefined, jsonChars: jsonChars || undefined,
    rssBeforeDetectMB: mb(rssBefore), rssAfterDetectMB: mb(rssDetect), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }));
}

function runChild(args) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/detect.bench.mjs'), '--child', ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`child ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** Runs the built CLI once under a wrapper that reports the process's peak RSS; returns wall ms and MB. */
function runCli(input) {
  const cli = pathToFileURL(join(ROOT, 'dist/cli/jiaodui.mjs')).href;
  const wrapper = `process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'));
process.argv = [process.argv[0], 'jiaodui', 'check', ${JSON.stringify(input)}, '--json'];
await import(${JSON.stringify(cli)});`;
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', wrapper], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const wallMs = performance.now() - t;
  const rss = /MAXRSS (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !rss) throw new Error(`CLI failed: ${r.stderr}`);
  return { wallMs: round(wallMs), maxRssMB: Math.round(Number(rss[1]) / 1024) };
}

async function opencc(text) {
  const OpenCC = await import('opencc-js/t2cn');
  let t = performance.now();
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  const buildMs = performance.now() - t;
  const lines = text.split('\n');
  t = performance.now();
  for (const line of lines) convert(line);
  return { buildMs: round(buildMs), convertMs: round(performance.now() - t) };
}

if (process.argv[2] === '--child') {
  await child(Number(process.argv[3]), process.argv[4] ?? 'detect');
} else {
  const runs = 3;
  const seed1 = Array.from({ length: runs }, () => runChild(['1', 'detect']));
  const seed100 = Array.from({ length: runs }, () => runChild(['100', 'detect']));
  const report100 = runChild(['100', 'report']);
  const seedText = readFileSync(seedPath, 'utf8');
  const text100 = Array.from({ length: 100 }, () => seedText).join('\n');
  const openccSeed = [];
  const openccBig = [];
  for (let i = 0; i < runs; i++) {
    openccSeed.push(await opencc(seedText));
    openccBig.push(await opencc(text100));
  }
  let cli = null;
  if (existsSync(join(ROOT, 'dist/cli/jiaodui.mjs'))) {
    const seedRuns = Array.from({ length: runs }, () => runCli(seedPath));
    cli = { seedWallMs: median(seedRuns.map((r) => r.wallMs)), seedMaxRssMB: median(seedRuns.map((r) => r.maxRssMB)) };
    if (process.argv.includes('--cli100')) {
      const file = join(mkdtempSync(join(tmpdir(), 'jiaodui-bench-')), 'seed100.txt');
      writeFileSync(file, text100);
      const r = runCli(file);
      cli.x100WallMs = r.wallMs;
      cli.x100MaxRssMB = r.maxRssMB;
    }
  }
  const med = (xs, k) => median(xs.map((x) => x[k]));
  console.log(JSON.stringify({
    bench: 'detect',
    machine: { cpus: cpus().length, node: process.version, loadavg: loadavg().map((x) => Math.round(x * 10) / 10) },
    seed: {
      chars: seed1[0].chars, segments: seed1[0].segments, flags: seed1[0].flags, runs,
      detectMs: med(seed1, 'detectMs'), detectCpuMs: med(seed1, 'detectCpuMs'), warmDetectMs: med(seed1, 'warmDetectMs'),
      lexiconLoadMs: med(seed1, 'resourcesMs'),
    },
    x100: {
      chars: seed100[0].chars, segments: seed100[0].segments, flags: seed100[0].flags, runs,
      detectMs: med(seed100, 'detectMs'), detectCpuMs: med(seed100, 'detectCpuMs'), maxRssMB: med(seed100, 'maxRssMB'),
      rssBeforeDetectMB: med(seed100, 'rssBeforeDetectMB'), rssAfterDetectMB: med(seed100, 'rssAfterDetectMB'),
      withReport: { reportMs: report100.reportMs, jsonChars: report100.jsonChars, maxRssMB: report100.maxRssMB },
    },
    opencc: {
      seedConvertMs: med(openccSeed, 'convertMs'), x100ConvertMs: med(openccBig, 'convertMs'), converterBuildMs: openccSeed[0].buildMs,
    },
    cli,
  }));
}
