// Detection speed and memory (issue 3): `detectTranscript` on the 150 KB seed transcript (../shared/seeds/001_*)
// and on a 100× concatenation (15 MB; time and peak RSS measured in a child process with
// process.resourceUsage().maxRSS), opencc-js converting the same texts (t2cn: one pass of a dictionary engine,
// our floor), and the whole CLI `jiaodui check --json` on the seed (and, with --cli100, on the 100× file).
// Lexicons are loaded as the CLI loads them (dist/data, prebuilt indexes) and timed apart from detection.
// `core` = the issue-3 detectors; `all` = every registered rule, including the glossary and lexicon
// misrecognition rules. Prints one JSON line; skips when ../shared is absent.
// Usage: [BENCH_RUNS=3] node bench/detect.bench.mjs [--cli100]
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

/** The glossary and lexicon-misrecognition rules (issue 2's), kept apart so each set's cost shows. */
const MISRECOGNITION = new Set(['zh.glossary', 'en.glossary', 'zh.lexicon']);

/**
 * Child mode: `--child TIMES MODE SET` detects (MODE detect) or also builds and stringifies the report
 * (report), with all registered rules (SET all) or without the misrecognition rules (SET core).
 */
async function child(times, mode, set) {
  const m = await loadTs('bench/detect-bench-entry.ts');
  const rules = set === 'core' ? m.RULES.filter((r) => !MISRECOGNITION.has(r.id)) : m.RULES;
  const seed = readFileSync(seedPath, 'utf8');
  const text = times > 1 ? Array.from({ length: times }, () => seed).join('\n') : seed;
  let t = performance.now();
  const parsed = m.parseText(text, { fileName: seedPath });
  const parseMs = performance.now() - t;
  t = performance.now();
  // loaded as `jiaodui check` loads them (UTF-16 data and prebuilt indexes from dist/data; the bundle lives in
  // a temporary directory, so the data directory is named)
  process.env.JIAODUI_DATA_DIR ??= dataDir;
  const loaded = await m.loadDetectResources({ glossaries: [], references: [] });
  const resources = loaded.value;
  for (const k of [m.RESOURCE.enWords, m.RESOURCE.zhLexicon]) resources[k]?.has('的');
  const resourcesMs = performance.now() - t;
  const rssBefore = process.memoryUsage().rss;
  t = performance.now();
  const cpu0 = process.cpuUsage();
  const flags = m.detectTranscript(parsed.transcript, { resources, rules });
  const cpu = process.cpuUsage(cpu0);
  const detectMs = performance.now() - t;
  const again = [];
  const perRuleMs = {};
  if (times === 1) {
    for (let i = 0; i < 3; i++) {
      const t1 = performance.now();
      m.detectTranscript(parsed.transcript, { resources: { ...resources, cache: new Map() }, rules });
      again.push(performance.now() - t1);
    }
    for (const rule of rules) {
      const t1 = performance.now();
      m.detectTranscript(parsed.transcript, { resources: { ...resources, cache: new Map() }, rules: [rule] });
      perRuleMs[rule.id] = round(performance.now() - t1);
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
    reportMs: mode === 'report' ? round(reportMs) : undefined, jsonChars: jsonChars || undefined, perRuleMs: times === 1 ? perRuleMs : undefined,
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
  const wrapper = `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nMAXRSS ' + u.maxRSS + ' CPU ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });
process.argv = [process.argv[0], 'jiaodui', 'check', ${JSON.stringify(input)}, '--json'];
await import(${JSON.stringify(cli)});`;
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', wrapper], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const wallMs = performance.now() - t;
  const rss = /MAXRSS (\d+) CPU (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !rss) throw new Error(`CLI failed: ${r.stderr}`);
  // CPU: user + system of the main process and its worker threads (libuv counts the whole process)
  return { wallMs: round(wallMs), cpuMs: round(Number(rss[2]) / 1000), maxRssMB: Math.round(Number(rss[1]) / 1024) };
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
  await child(Number(process.argv[3]), process.argv[4] ?? 'detect', process.argv[5] ?? 'all');
} else {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const seedCore = Array.from({ length: runs }, () => runChild(['1', 'detect', 'core']));
  const seedAll = Array.from({ length: runs }, () => runChild(['1', 'detect', 'all']));
  const x100Core = Array.from({ length: runs }, () => runChild(['100', 'detect', 'core']));
  const x100All = runChild(['100', 'detect', 'all']);
  const report100 = runChild(['100', 'report', 'core']);
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
    cli = {
      seedWallMs: median(seedRuns.map((r) => r.wallMs)), seedCpuMs: median(seedRuns.map((r) => r.cpuMs)),
      seedMaxRssMB: median(seedRuns.map((r) => r.maxRssMB)),
    };
    if (process.argv.includes('--cli100')) {
      const file = join(mkdtempSync(join(tmpdir(), 'jiaodui-bench-')), 'seed100.txt');
      writeFileSync(file, text100);
      const r = runCli(file);
      cli.x100WallMs = r.wallMs;
      cli.x100CpuMs = r.cpuMs;
      cli.x100MaxRssMB = r.maxRssMB;
    }
  }
  const med = (xs, k) => median(xs.map((x) => x[k]));
  const seedFigures = (xs) => ({
    flags: xs[0].flags, detectMs: med(xs, 'detectMs'), detectCpuMs: med(xs, 'detectCpuMs'), warmDetectMs: med(xs, 'warmDetectMs'),
    perRuleWarmMs: xs[0].perRuleMs,
  });
  console.log(JSON.stringify({
    bench: 'detect',
    machine: { cpus: cpus().length, node: process.version, loadavg: loadavg().map((x) => Math.round(x * 10) / 10) },
    runs,
    seed: {
      chars: seedCore[0].chars, segments: seedCore[0].segments, lexiconLoadMs: med(seedCore, 'resourcesMs'),
      core: seedFigures(seedCore), all: seedFigures(seedAll),
    },
    x100: {
      chars: x100Core[0].chars, segments: x100Core[0].segments,
      core: {
        flags: x100Core[0].flags, detectMs: med(x100Core, 'detectMs'), detectCpuMs: med(x100Core, 'detectCpuMs'), maxRssMB: med(x100Core, 'maxRssMB'),
        rssBeforeDetectMB: med(x100Core, 'rssBeforeDetectMB'), rssAfterDetectMB: med(x100Core, 'rssAfterDetectMB'),
      },
      all: { flags: x100All.flags, detectMs: x100All.detectMs, detectCpuMs: x100All.detectCpuMs, maxRssMB: x100All.maxRssMB },
      coreWithReport: { reportMs: report100.reportMs, jsonChars: report100.jsonChars, maxRssMB: report100.maxRssMB },
    },
    opencc: {
      seedConvertMs: med(openccSeed, 'convertMs'), x100ConvertMs: med(openccBig, 'convertMs'), converterBuildMs: openccSeed[0].buildMs,
    },
    cli,
  }));
}
