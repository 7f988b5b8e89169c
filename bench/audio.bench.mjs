// Audio benchmark: peaks cold/warm, speech detection F1, automatic timing speed and accuracy on degraded
// synthetic speech generated from the seed transcript (bench/audio-speech.mjs). Nothing generated is
// committed; files go to $TMPDIR/jiaodui-audio-bench.
//
//   node bench/audio.bench.mjs [--minutes 180] [--break-minutes 15] [--keep] [--silero] [--noise-minutes 20]
//   node bench/audio.bench.mjs --make-sample      # regenerates samples/waic-excerpt-speech.*
//
// --silero also runs Silero VAD over the whole recording (minutes here); --noise-minutes N compares the
// energy detector and Silero on the first N minutes with applause-like pink-noise bursts and with a
// music-like tone bed and interludes mixed in (sox makes the noises; the speech truth is unchanged).
//
// Needs espeak-ng and sox (apt-get install espeak-ng sox) and ffmpeg (bundled @ffmpeg-installer/ffmpeg).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ffmpegPath, generateSpeech, haveTools, rng } from './audio-speech.mjs';
import { ROOT as root, loadTs } from './lib.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};

async function loadModules() {
  // loadTs bundles into a temporary folder, where the bundled code cannot resolve packages that must stay
  // outside the bundle (the ffmpeg binary's package, onnxruntime-web's wasm): point at them explicitly.
  process.env.JIAODUI_FFMPEG ??= ffmpegPath();
  process.chdir(root);
  const entry = join(mkdtempSync(join(tmpdir(), 'jiaodui-audio-entry-')), 'entry.ts');
  const from = (p) => JSON.stringify(join(root, p));
  writeFileSync(entry, `
    export { splitUnits } from ${from('shared/timing/units')};
    export { detectLang } from ${from('shared/model/lang')};
    export { detectSpeech, speechF1 } from ${from('shared/timing/vad')};
    export { loadPeaks } from ${from('electron/node/audio/peaks')};
    export { detectSpeechSilero, sileroStatus } from ${from('electron/node/audio/silero-vad')};
    export { autoTime, cuesForTimed } from ${from('electron/node/audio/auto-time')};
    export { formatClock } from ${from('shared/model/time')};
    export { loadChineseLexicon } from ${from('electron/node/load-resources')};`);
  return loadTs(entry);
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
  const timed = await m.autoTime(segments, audio, { cacheDir, vad: 'energy' });
  const timeMs = Date.now() - t;
  clearInterval(sampler);
  const errs = timed.units.map((u, k) => Math.abs(u.start - gen.units[k].start));
  const within = errs.filter((e) => e <= 250).length / errs.length;
  const wrong = errs.map((e) => e > 250);
  const low = timed.units.map((u) => u.confidence < 0.5);
  const tally = (f) => errs.filter((_, k) => f(k)).length;
  // The break follows unit floor(n/2); its neighbourhood is where the coarse pass misplaces sentences.
  const brk = Math.floor(units.length / 2);
  const near = (k) => k > brk - 30 && k <= brk + 40;
  const { lexicon } = m.loadChineseLexicon();
  const cues = m.cuesForTimed(timed, { isWord: lexicon ? (w) => lexicon.has(w) : undefined });
  const { wavPath } = await m.loadPeaks(audio, { cacheDir, keepWav: true });
  let silero = null;
  if (args.includes('--silero')) silero = await sileroRun(m, wavPath, gen.speech);
  const result = {
    audioMinutes: +(gen.durationMs / 60000).toFixed(1),
    breakMinutes,
    sentences: units.length,
    peaks: { coldMs, warmMs, cachedOnWarm: warm.cached, peaks: cold.peaks.length },
    vad: { precision: +vad.precision.toFixed(3), recall: +vad.recall.toFixed(3), f1: +vad.f1.toFixed(3) },
    silero,
    timing: {
      totalMs: timeMs, stages: timed.timings, method: timed.method,
      within250: +within.toFixed(3), medianErrMs: percentile(errs, 0.5), p90ErrMs: percentile(errs, 0.9),
      wrong: tally((k) => wrong[k]), lowConfidence: tally((k) => low[k]), lowConfidenceWrong: tally((k) => low[k] && wrong[k]),
      nearBreak: { wrong: tally((k) => near(k) && wrong[k]), wrongLow: tally((k) => near(k) && wrong[k] && low[k]), rightLow: tally((k) => near(k) && !wrong[k] && low[k]) },
    },
    cues: { count: cues.length, over2Lines: cues.filter((c) => c.lines.length > 2).length },
    peakRssMB: Math.round(peakRss / 1048576),
  };
  if (opt('noise-minutes')) result.noise = await noiseRun(m, join(dir, 'noise'), wavPath, gen.speech, Number(opt('noise-minutes')));
  console.log(JSON.stringify(result, null, 2));
  if (!args.includes('--keep')) rmSync(cacheDir, { recursive: true, force: true });
}

const f1 = (x) => ({ precision: +x.precision.toFixed(3), recall: +x.recall.toFixed(3), f1: +x.f1.toFixed(3) });

/** Silero VAD over a 16 kHz WAV: time, peak RSS, F1 against the truth (null when not installed). */
async function sileroRun(m, wavPath, truth) {
  const status = await m.sileroStatus();
  if (!status.available || !wavPath) return { skipped: status.reason ?? 'no WAV' };
  // Inference is synchronous wasm between awaits, so timers do not fire: sample memory on progress.
  let peak = process.memoryUsage().rss;
  const t = Date.now();
  const r = await m.detectSpeechSilero(wavPath, { onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) });
  return { ms: Date.now() - t, loadMs: r.loadMs, peakRssMB: Math.round(peak / 1048576), ...f1(m.speechF1(r.speech, truth)) };
}

function sox(...a) {
  const r = spawnSync('sox', a, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`sox ${a.join(' ')}: ${r.stderr}`);
}

function readPcm(path) {
  const b = readFileSync(path);
  const at = b.indexOf('data', 12, 'ascii') + 8;
  return new Int16Array(b.buffer.slice(b.byteOffset + at, b.byteOffset + b.length - ((b.length - at) % 2)));
}

function writePcm(path, pcm) {
  const raw = `${path}.raw`;
  writeFileSync(raw, Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength));
  sox('-t', 'raw', '-r', '16000', '-e', 'signed', '-b', '16', '-c', '1', raw, path);
  rmSync(raw);
}

/**
 * Energy detector vs Silero on the first `minutes` of the recording, clean and with non-speech spliced in
 * at pauses every 30-50 s: applause (pink-noise bursts of 3-6 s with a fast tremolo, as loud as the
 * speech) or music (8 s chord-progression interludes as loud as the speech, plus a quiet chord bed under
 * everything).
 */
async function noiseRun(m, dir, wavPath, truthAll, minutes) {
  mkdirSync(dir, { recursive: true });
  const endMs = minutes * 60000;
  const truth = truthAll.filter((s) => s.start < endMs).map((s) => ({ start: s.start, end: Math.min(endMs, s.end) }));
  const base = join(dir, 'clean.wav');
  sox(wavPath, base, 'trim', '0', String(minutes * 60));
  const speech = readPcm(base);
  let sq = 0;
  let n = 0;
  for (const s of truth) {
    for (let i = Math.floor(s.start * 16); i < Math.min(speech.length, s.end * 16); i += 7) {
      sq += speech[i] ** 2;
      n++;
    }
  }
  const speechRms = Math.sqrt(sq / Math.max(1, n));
  const burstWav = join(dir, 'burst.wav');
  sox('-n', '-r', '16000', '-c', '1', burstWav, 'synth', '6', 'pinknoise', 'tremolo', '11', '80', 'fade', 'q', '0.3', '6', '1.5');
  const notes = [['220', '277.18', '329.63'], ['196', '246.94', '293.66'], ['174.61', '220', '261.63'], ['164.81', '207.65', '246.94']];
  const chordWavs = notes.map((chord, c) => {
    const parts = chord.map((f, i) => {
      const p = join(dir, `note-${c}-${i}.wav`);
      sox('-n', '-r', '16000', '-c', '1', p, 'synth', '2', 'sine', f, 'tremolo', '5', '30', 'fade', 'q', '0.05', '2', '0.3');
      return p;
    });
    const out = join(dir, `chord-${c}.wav`);
    sox('-m', ...parts, out);
    return out;
  });
  const chords = chordWavs.map(readPcm);
  const burst = readPcm(burstWav);
  const clip = (v) => Math.max(-32768, Math.min(32767, Math.round(v)));
  const rms = (x) => Math.sqrt(x.reduce((a, v) => a + v * v, 0) / x.length) || 1;
  const add = (out, src, at, gain) => {
    for (let i = 0; i < src.length && at + i < out.length; i++) out[at + i] = Math.max(-32768, Math.min(32767, out[at + i] + src[i] * gain));
  };
  // Non-speech is spliced in at pauses (applause after a sentence, a musical interlude), shifting the
  // truth, about every 40 s; the music variant also has a quiet chord bed under everything.
  const chordRms = rms(chords[0]);
  const interlude = new Int16Array(chords.reduce((a, c) => a + c.length, 0));
  chords.reduce((at, c) => (interlude.set(c, at), at + c.length), 0);
  const burstGain = speechRms / rms(burst);
  const chordGain = speechRms / chordRms;
  const splice = (kind) => {
    const rand = rng(kind === 'applause' ? 5 : 6);
    const parts = [];
    const spans = [];
    let from = 0;
    let shift = 0;
    let next = 20_000;
    for (const s of truth) {
      spans.push({ start: s.start + shift, end: s.end + shift });
      if (s.end < next) continue;
      const at = Math.floor(s.end * 16 + 250 * 16);
      if (at >= speech.length) break;
      parts.push(speech.subarray(from, at));
      const noise = kind === 'applause' ? Int16Array.from(burst.subarray(0, Math.floor((3 + rand() * 3) * 16000)), (v) => clip(v * burstGain)) : Int16Array.from(interlude, (v) => clip(v * chordGain));
      parts.push(noise);
      shift += noise.length / 16;
      from = at;
      next = s.end + 30_000 + rand() * 20_000;
    }
    parts.push(speech.subarray(from));
    const out = new Int16Array(parts.reduce((a, p) => a + p.length, 0));
    parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
    if (kind === 'music') for (let at = 0, c = 0; at < out.length; at += chords[0].length, c++) add(out, chords[c % 4], at, (0.12 * speechRms) / chordRms);
    return { pcm: out, truth: spans };
  };
  const applause = splice('applause');
  const music = splice('music');
  const out = {};
  for (const [name, variant] of [['clean', { pcm: null, truth }], ['applause', applause], ['music', music]]) {
    const path = variant.pcm ? join(dir, `${name}.wav`) : base;
    if (variant.pcm) writePcm(path, variant.pcm);
    const cache = join(dir, `cache-${name}`);
    rmSync(cache, { recursive: true, force: true });
    const loaded = await m.loadPeaks(path, { cacheDir: cache, keepWav: true });
    const energy = f1(m.speechF1(m.detectSpeech(loaded.peaks.energyDb, { frameMs: 10 }), variant.truth));
    out[name] = { minutes: +(loaded.peaks.durationMs / 60000).toFixed(1), energy, silero: await sileroRun(m, loaded.wavPath, variant.truth) };
  }
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  return { minutes, ...out };
}

await main();
