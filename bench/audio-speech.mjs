// Test speech with known unit times, generated from text with espeak-ng and sox (both GPL tools run as
// separate processes; nothing of theirs is linked or shipped). Used by bench/audio.bench.mjs and to make
// samples/waic-excerpt-speech.*. The audio deliberately differs from the aligner's own synthesis: another
// voice variant, speed varied ±20% per chunk, other pitch, random pauses between units, optional
// untranscribed speech inserted as a long break, pink noise and room reverb.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function ffmpegPath() {
  try {
    return require('@ffmpeg-installer/ffmpeg').path;
  } catch {
    return 'ffmpeg';
  }
}

export function haveTools() {
  const ok = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
  return ok('espeak-ng', ['--version']) && ok('sox', ['--version']) && ok(ffmpegPath(), ['-version']);
}

/** Small deterministic PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function run(cmd, args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    let err = '';
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`${cmd} ${code}: ${err.slice(-300)}`))));
    child.stdin.end(input ?? '');
  });
}

const RATE = 22050;
const esc = (s) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);

async function speak(texts, voice, speed, pitch) {
  const ssml = `<speak>${texts.map(esc).join('<break time="1600ms"/>')}</speak>`;
  const wav = await run('espeak-ng', ['-v', voice, '-s', String(speed), '-p', String(pitch), '-m', '--stdout'], ssml);
  const at = wav.indexOf('data', 12, 'ascii');
  const body = Buffer.from(wav.subarray(at + 8));
  return new Int16Array(body.buffer, body.byteOffset, body.length >> 1);
}

/** Splits PCM at zero runs ≥ 1.2 s into `count` voiced pieces, or null. */
function cut(pcm, count) {
  const min = 1.2 * RATE;
  const gaps = [];
  let s = -1;
  for (let i = 0; i <= pcm.length; i++) {
    const z = i < pcm.length && pcm[i] === 0;
    if (z && s < 0) s = i;
    else if (!z && s >= 0) {
      if (i - s >= min && s > 0 && i < pcm.length) gaps.push([s, i]);
      s = -1;
    }
  }
  if (gaps.length !== count - 1) return null;
  const bounds = [0, ...gaps.flat(), pcm.length];
  const out = [];
  for (let u = 0; u < count; u++) {
    let a = bounds[2 * u];
    let b = bounds[2 * u + 1];
    while (a < b && pcm[a] === 0) a++;
    while (b > a && pcm[b - 1] === 0) b--;
    out.push(pcm.subarray(a, b));
  }
  return out;
}

async function speakUnits(texts, voice, speed, pitch) {
  const pieces = cut(await speak(texts, voice, speed, pitch), texts.length);
  if (pieces) return pieces;
  const out = [];
  for (const t of texts) out.push((cut(await speak([t], voice, speed, pitch), 1) ?? [new Int16Array(0)])[0]);
  return out;
}

/**
 * Generates degraded speech. `units`: [{ text, lang }] in order. Options: out (path with .opus/.mp3/.wav),
 * voices { zh, en }, speedJitter (0.2 = ±20%), pitch, noise (linear amplitude, 0 = none), reverb (0-100),
 * breakAfter { unit, seconds, text } (untranscribed speech), seed.
 * Returns { units: [{ start, end }] ms, speech: [{ start, end }] ms (truth for VAD), durationMs }.
 */
export async function generateSpeech(units, options) {
  const random = rng(options.seed ?? 1);
  const voices = options.voices ?? { zh: 'cmn+f3', en: 'en-us+m7' };
  const rawPath = `${options.out}.raw`;
  const raw = createWriteStream(rawPath);
  let written = 0;
  const write = async (pcm) => {
    const buf = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
    written += pcm.length;
    if (!raw.write(buf)) await new Promise((r) => raw.once('drain', r));
  };
  const silence = async (ms) => write(new Int16Array(Math.round((ms / 1000) * RATE)));
  const ms = () => (written / RATE) * 1000;
  const truth = [];
  const speech = [];
  const addSpeech = (start, end) => {
    const last = speech[speech.length - 1];
    if (last && start - last.end < 300) last.end = end;
    else speech.push({ start, end });
  };
  await silence(1500);
  let i = 0;
  while (i < units.length) {
    const lang = units[i].lang === 'en' ? 'en' : 'zh';
    const chunk = [];
    // espeak-ng slows down after ~90 s of audio in one run, so runs stay short (~150 characters).
    let chars = 0;
    while (i < units.length && chunk.length < 10 && (units[i].lang === 'en' ? 'en' : 'zh') === lang && (chunk.length === 0 || chars + units[i].text.length <= 150)) {
      chars += units[i].text.length;
      chunk.push(i++);
    }
    const speed = Math.round(175 * (1 + (random() * 2 - 1) * (options.speedJitter ?? 0.2)));
    const pitch = options.pitch ?? 65;
    const pieces = await speakUnits(chunk.map((k) => units[k].text), voices[lang], speed, pitch);
    for (const [n, pcm] of pieces.entries()) {
      await silence(250 + random() * 650);
      const start = ms();
      await write(pcm);
      truth[chunk[n]] = { start: Math.round(start), end: Math.round(ms()) };
      if (pcm.length) addSpeech(start, ms());
      const brk = options.breakAfter;
      if (brk && chunk[n] === brk.unit) {
        await silence(800);
        const other = await speak([brk.text], voices.en === 'en-us+m7' ? 'en-gb+m3' : voices.en, 170, 40);
        for (let t = 0; t < brk.seconds * 1000; ) {
          const s0 = ms();
          await write(other);
          addSpeech(s0, ms());
          await silence(700);
          t += (other.length / RATE) * 1000 + 700;
        }
      }
    }
  }
  await silence(1500);
  await new Promise((r) => raw.end(r));
  const wavPath = `${options.out}.tmp.wav`;
  const effects = ['rate', '16000'];
  if (options.reverb) effects.push('reverb', String(options.reverb), '50', '60');
  await run('sox', ['-t', 'raw', '-r', String(RATE), '-e', 'signed', '-b', '16', '-c', '1', rawPath, '-r', '16000', wavPath, ...effects, 'norm', '-3']);
  let input = wavPath;
  const mixed = `${options.out}.mix.wav`;
  if (options.noise) {
    const durationS = (written / RATE).toFixed(3);
    await run('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', `${options.out}.noise.wav`, 'synth', durationS, 'pinknoise', 'vol', String(options.noise)]);
    await run('sox', ['-m', wavPath, `${options.out}.noise.wav`, mixed]);
    input = mixed;
  }
  const codec = options.out.endsWith('.opus') || options.out.endsWith('.ogg')
    ? ['-c:a', 'libopus', '-b:a', options.bitrate ?? '24k']
    : options.out.endsWith('.mp3') ? ['-c:a', 'libmp3lame', ...(options.vbr ? ['-q:a', '5'] : ['-b:a', options.bitrate ?? '64k'])] : ['-c:a', 'pcm_s16le'];
  await run(ffmpegPath(), ['-hide_banner', '-y', '-i', input, '-ac', '1', ...codec, options.out]);
  for (const p of [rawPath, wavPath, mixed, `${options.out}.noise.wav`]) await rm(p, { force: true });
  return { units: truth, speech: speech.map((s) => ({ start: Math.round(s.start), end: Math.round(s.end) })), durationMs: Math.round(ms()) };
}
