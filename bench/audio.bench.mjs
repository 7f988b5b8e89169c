// Audio benchmark: peaks cold/warm, speech detection F1, automatic timing speed and accuracy on degraded
// synthetic speech generated from the seed transcript (bench/audio-speech.mjs). Nothing generated is
// committed; files go to $TMPDIR/jiaodui-audio-bench.
//
//   node bench/audio.bench.mjs [--minutes 180] [--break-minutes 15] [--keep]
//   node bench/audio.bench.mjs --make-sample      # regenerates samples/waic-excerpt-speech.*
//
// Needs espeak-ng and sox (apt-get install espeak-ng sox) and ffmpeg (bundled @ffmpeg-installer/ffmpeg).
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateSpeech, haveTools } from './audio-speech.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};

async function loadModules() {
  const out = join(root, 'node_modules/.cache/jiaodui-audio/bench-entry.mjs');
  mkdirSync(dirname(out), { recursive: true });
  await build({
    stdin: {
      contents: `
        export { splitUnits } from './shared/timing/units';
        export { detectLang } from './shared/model/lang';
        export { detectSpeech, speechF1 } from './shared/timing/vad';
        export { splitAllCues } from './shared/timing/cues';
        export { loadPeaks } from './electron/node/audio/peaks';
        export { autoTime, unitAnchors } from './electron/node/audio/auto-time';
        export { cuesToSrt } from './electron/cli/commands/time';
        export { formatClock } from './shared/model/time';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'warning',
    external: ['@ffmpeg-installer/ffmpeg'],
  });
  return import(pathToFileURL(out).href);
}

function seedLines() {
  const path = '/work/shared/seeds/001_bba91134d444285e.txt';
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
}

const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function makeSample(m) {
  const lines = seedLines();
  const chosen = [lines[0], lines.find((l) => l.startsWith('UNU is also acting')), lines.find((l) => l.startsWith('The UNU Global AI network'))];
  const segments = chosen.map((raw, i) => ({ id: `s${i + 1}`, sourceLine: i + 1, raw, lang: m.detectLang(raw) }));
  const units = segments.flatMap((s) => m.splitUnits(s.raw).map((u) => ({ text: u.text, lang: s.lang })));
  const out = join(root, 'samples/waic-excerpt-speech.ogg');
  const gen = await generateSpeech(units, { out, reverb: 30, noise: 0.01, seed: 7, bitrate: '20k' });
  writeFileSync(join(root, 'samples/waic-excerpt-speech.txt'), chosen.join('\n\n') + '\n');
  const srt = units.map((u, i) => `${i + 1}\n${m.formatClock(gen.units[i].start, ',')} --> ${m.formatClock(gen.units[i].end, ',')}\n${u.text.trim()}\n`).join('\n');
  writeFileSync(join(root, 'samples/waic-excerpt-speech.srt'), srt);
  console.log(`sample: ${units.length} sentences, ${(gen.durationMs / 1000).toFixed(1)} s → ${out}`);
}

async function main() {
  if (!haveTools()) {
    console.error('audio bench skipped: needs espeak-ng, sox and ffmpeg');
    process.exit(0);
  }
  const m = await loadModules();
  if (args.includes('--make-sample')) return makeSample(m);
  const minutes = Number(opt('minutes', '180'));
  const breakMinutes = Number(opt('break-minutes', String(Math.max(1, Math.round(minutes / 12)))));
  const dir = join(tmpdir(), 'jiaodui-audio-bench');
  mkdirSync(dir, { recursive: true });
  const lines = seedLines();
  // The test voice reads the seed at ~28 s a line (with pauses); the seed repeats when more is asked for.
  const count = Math.ceil(((minutes - breakMinutes) * 60) / 28);
  const segments = Array.from({ length: count }, (_, i) => {
    const raw = lines[i % lines.length];
    return { id: `s${i + 1}`, sourceLine: i + 1, raw, lang: m.detectLang(raw) };
  });
  const units = segments.flatMap((s) => m.splitUnits(s.raw).map((u) => ({ text: u.text, lang: s.lang })));
  const audio = join(dir, `speech-${minutes}m-${count}l-${breakMinutes}b.mp3`);
  const truthPath = `${audio}.truth.json`;
  let gen;
  if (existsSync(audio) && existsSync(truthPath)) gen = JSON.parse(readFileSync(truthPath, 'utf8'));
  else {
    const t0 = Date.now();
    gen = await generateSpeech(units, {
      out: audio, reverb: 40, noise: 0.02, seed: 11, bitrate: '64k',
      breakAfter: { unit: Math.floor(units.length / 2), seconds: breakMinutes * 60, text: 'This part of the meeting was never transcribed. The speakers talk about lunch, the schedule and the weather, and none of it is in the text.' },
    });
    writeFileSync(truthPath, JSON.stringify(gen));
    console.log(`generated ${(gen.durationMs / 60000).toFixed(1)} min, ${units.length} sentences in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const cacheDir = join(dir, 'cache');
  rmSync(cacheDir, { recursive: true, force: true });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  let t = Date.now();
  const cold = await m.loadPeaks(audio, { cacheDir });
  const coldMs = Date.now() - t;
  t = Date.now();
  const warm = await m.loadPeaks(audio, { cacheDir });
  const warmMs = Date.now() - t;
  const speech = m.detectSpeech(warm.peaks.energyDb, { frameMs: 10 });
  const vad = m.speechF1(speech, gen.speech);
  t = Date.now();
  const timed = await m.autoTime(segments, audio, { cacheDir });
  const timeMs = Date.now() - t;
  clearInterval(sampler);
  const errs = timed.units.map((u, k) => Math.abs(u.start - gen.units[k].start));
  const within = errs.filter((e) => e <= 250).length / errs.length;
  const lowConf = timed.units.filter((u) => u.confidence < 0.5);
  const lowConfWrong = lowConf.filter((u) => Math.abs(u.start - gen.units[timed.units.indexOf(u)].start) > 250).length;
  const cues = m.splitAllCues(timed.segments.map((s, i) => ({ id: s.id, text: s.raw, lang: s.lang, start: s.start, end: s.end, words: m.unitAnchors(timed.units, i) })));
  const result = {
    audioMinutes: +(gen.durationMs / 60000).toFixed(1),
    breakMinutes,
    sentences: units.length,
    peaks: { coldMs, warmMs, cachedOnWarm: warm.cached, peaks: cold.peaks.length },
    vad: { precision: +vad.precision.toFixed(3), recall: +vad.recall.toFixed(3), f1: +vad.f1.toFixed(3) },
    timing: {
      totalMs: timeMs, stages: timed.timings, method: timed.method,
      within250: +within.toFixed(3), medianErrMs: percentile(errs, 0.5), p90ErrMs: percentile(errs, 0.9),
      lowConfidence: lowConf.length, lowConfidenceWrong: lowConfWrong,
    },
    cues: { count: cues.length, over2Lines: cues.filter((c) => c.lines.length > 2).length },
    peakRssMB: Math.round(peakRss / 1048576),
  };
  console.log(JSON.stringify(result, null, 2));
  if (!args.includes('--keep')) rmSync(cacheDir, { recursive: true, force: true });
}

await main();
