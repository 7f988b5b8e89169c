/**
 * Synthetic speech for forced alignment, from espeak-ng run as a separate process (it is GPL-3; the
 * app only talks to it through a pipe and works without it).
 *
 * Units are synthesised in chunks of up to 10 with one voice (Mandarin `cmn`, which reads Latin words
 * as English, for zh/mixed; `en-us` for English), written as SSML with a 1.6 s break between units.
 * espeak-ng renders a break as exact digital silence and never pauses that long inside a sentence, so
 * the zero runs of ≥ 1.2 s in its output mark the unit boundaries. The breaks are cut to 300 ms and the
 * chunk's MFCCs computed at once, so only one chunk of PCM (a few MB) exists at a time. When a chunk
 * shows the wrong number of breaks its units are synthesised one process each instead. Chunks stay
 * small (10 units, ~35 s of estimated speech) because espeak-ng 1.51 slows down by 1.6-1.9× once one
 * run has produced about 80-100 s of audio (measured here: the same sentence takes 8.0 s at the start
 * of a run and 12.7 s after 100 s), which would put the synthetic tempo off by half.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { Lang } from '../../../shared/model/segment';
import { mfcc, type Cepstra } from '../../../shared/timing/mfcc';
import { speechWeight } from '../../../shared/timing/reading-speed';
import type { SynthUnit } from '../../../shared/timing/align';

const BREAK_MS = 1600;
const MIN_BREAK_MS = 1200;
const KEPT_SILENCE_MS = 300;
const CHUNK_UNITS = 10;
/** Estimated speech per espeak-ng run, s (see the file comment). */
const CHUNK_SECONDS = 35;

let espeakPath: string | null | undefined;

/** Path of espeak-ng when installed (`JIAODUI_ESPEAK` overrides), else null. */
export function findEspeak(): string | null {
  if (espeakPath !== undefined) return espeakPath;
  const c = process.env.JIAODUI_ESPEAK ?? 'espeak-ng';
  const probe = spawnSync(c, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  return (espeakPath = probe.status === 0 ? c : null);
}

export interface SynthOptions {
  /** espeak-ng voice per language. */
  voices?: { zh: string; en: string };
  /** Words per minute (espeak's -s). */
  speed?: number;
  onProgress?: (fraction: number) => void;
  /** espeak-ng processes run at once (default 2). */
  concurrency?: number;
}

/** Synthetic track: MFCCs at 40 ms and where each unit's speech lies in it. */
export interface SynthTrack {
  cepstra: Cepstra;
  units: SynthUnit[];
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Runs espeak-ng on SSML and returns its PCM and sample rate. */
function speak(ssml: string, voice: string, speed: number): Promise<{ pcm: Int16Array; rate: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(findEspeak() ?? 'espeak-ng', ['-v', voice, '-s', String(speed), '-m', '--stdout'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const parts: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => parts.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`espeak-ng exited with ${code}`));
      const buf = Buffer.concat(parts);
      const dataAt = buf.indexOf('data', 12, 'ascii');
      if (buf.toString('ascii', 0, 4) !== 'RIFF' || dataAt < 0) return reject(new Error('espeak-ng gave no WAV'));
      const rate = buf.readUInt32LE(24);
      const body = Buffer.from(buf.subarray(dataAt + 8));
      resolve({ pcm: new Int16Array(body.buffer, body.byteOffset, Math.floor(body.length / 2)), rate });
    });
    child.stdin.end(`<speak>${ssml}</speak>`);
  });
}

/** Zero runs of at least `minSamples` in the PCM: [start, end) sample pairs. */
function silences(pcm: Int16Array, minSamples: number): [number, number][] {
  const out: [number, number][] = [];
  let runStart = -1;
  for (let i = 0; i <= pcm.length; i++) {
    const zero = i < pcm.length && pcm[i] === 0;
    if (zero && runStart < 0) runStart = i;
    else if (!zero && runStart >= 0) {
      if (i - runStart >= minSamples) out.push([runStart, i]);
      runStart = -1;
    }
  }
  return out;
}

/** First and last non-zero sample of [a, b), or null when all silent. */
function voiced(pcm: Int16Array, a: number, b: number): [number, number] | null {
  let s = a;
  while (s < b && pcm[s] === 0) s++;
  if (s >= b) return null;
  let e = b;
  while (e > s && pcm[e - 1] === 0) e--;
  return [s, e];
}

interface Piece {
  pcm: Int16Array;
  /** Per unit: voiced [start, end) in samples of `pcm`. */
  spans: [number, number][];
}

/** Cuts a chunk's PCM at its long silences; null when the count of units does not match. */
function cutChunk(pcm: Int16Array, rate: number, count: number): Piece | null {
  const gaps = silences(pcm, Math.round((MIN_BREAK_MS / 1000) * rate));
  const inner = gaps.filter(([a, b]) => a > 0 && b < pcm.length);
  if (inner.length !== count - 1) return null;
  const kept = Math.round((KEPT_SILENCE_MS / 1000) * rate);
  const bounds = [0, ...inner.flatMap(([a, b]) => [a, b]), pcm.length];
  const out = new Int16Array(pcm.length + kept * (count + 1));
  let len = 0;
  const spans: [number, number][] = [];
  for (let u = 0; u < count; u++) {
    const v = voiced(pcm, bounds[2 * u]!, bounds[2 * u + 1]!) ?? [bounds[2 * u]!, bounds[2 * u]!];
    len += kept;
    out.set(pcm.subarray(v[0], v[1]), len);
    spans.push([len, len + v[1] - v[0]]);
    len += v[1] - v[0];
  }
  len += kept;
  return { pcm: out.slice(0, len), spans };
}

interface ChunkResult {
  indices: number[];
  /** Per piece: MFCC frames and unit spans in ms from the piece's start. */
  pieces: { cepstra: Cepstra; spans: { unit: number; start: number; end: number }[] }[];
}

/** Runs `task` over items with at most `limit` at once, keeping order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next++;
      out[k] = await task(items[k]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Synthesises units in order and returns the synthetic track's MFCCs and unit positions. */
export async function synthesizeUnits(units: readonly { text: string; lang: Lang }[], options: SynthOptions = {}): Promise<SynthTrack> {
  if (!findEspeak()) throw new Error('espeak-ng not found: automatic timing falls back to speech-length distribution');
  const voices = options.voices ?? { zh: 'cmn', en: 'en-us' };
  const speed = options.speed ?? 175;
  const spoken = (t: string) => /[\p{L}\p{Nd}]/u.test(t);
  const voiceOf = (k: number) => (units[k]!.lang === 'en' ? voices.en : voices.zh);
  const chunks: number[][] = [];
  for (let i = 0; i < units.length; ) {
    const chunk: number[] = [];
    const voice = voiceOf(i);
    let seconds = 0;
    while (i < units.length && chunk.length < CHUNK_UNITS && voiceOf(i) === voice && (chunk.length === 0 || seconds + speechWeight(units[i]!.text) <= CHUNK_SECONDS)) {
      seconds += speechWeight(units[i]!.text);
      chunk.push(i++);
    }
    chunks.push(chunk);
  }
  let done = 0;
  const results = await mapLimit(chunks, options.concurrency ?? 2, async (chunk): Promise<ChunkResult> => {
    const speakable = chunk.filter((k) => spoken(units[k]!.text));
    const pieces = await synthChunk(speakable.map((k) => units[k]!.text), voiceOf(chunk[0]!), speed);
    done += chunk.length;
    options.onProgress?.(done / units.length);
    return {
      indices: chunk,
      pieces: pieces.map((p) => ({
        cepstra: mfcc(p.pcm, { sampleRate: p.rate, hop: Math.round(p.rate * 0.04), window: 512 }),
        spans: p.spans.map(([a, b], n) => ({ unit: speakable[p.first + n]!, start: (a / p.rate) * 1000, end: (b / p.rate) * 1000 })),
      })),
    };
  });
  const hopMs = 40;
  const positions: SynthUnit[] = new Array<SynthUnit>(units.length);
  let frameCount = 0;
  let dim = 13;
  for (const r of results) {
    const offsetMs = frameCount * hopMs;
    for (const piece of r.pieces) {
      const at = frameCount * hopMs;
      for (const s of piece.spans) positions[s.unit] = { start: at + s.start, end: at + s.end };
      frameCount += piece.cepstra.frames;
      dim = piece.cepstra.dim;
    }
    // Units with nothing to say sit where the unit before them ended.
    let last = offsetMs;
    for (const k of r.indices) {
      if (positions[k]) last = positions[k].end;
      else positions[k] = { start: last, end: last };
    }
  }
  const data = new Float32Array(frameCount * dim);
  let at = 0;
  for (const r of results) for (const p of r.pieces) {
    data.set(p.cepstra.data, at);
    at += p.cepstra.data.length;
  }
  return { cepstra: { data, frames: frameCount, dim, hopMs }, units: positions };
}

/** One chunk: a single espeak run when its breaks can be found, else one run per unit. */
async function synthChunk(texts: string[], voice: string, speed: number): Promise<(Piece & { rate: number; first: number })[]> {
  if (texts.length === 0) return [];
  const ssml = texts.map(escapeXml).join(`<break time="${BREAK_MS}ms"/>`);
  const { pcm, rate } = await speak(ssml, voice, speed);
  const piece = cutChunk(pcm, rate, texts.length);
  if (piece) return [{ ...piece, rate, first: 0 }];
  const out: (Piece & { rate: number; first: number })[] = [];
  for (const [n, t] of texts.entries()) {
    const one = await speak(escapeXml(t), voice, speed);
    const p = cutChunk(one.pcm, one.rate, 1) ?? { pcm: one.pcm, spans: [[0, one.pcm.length] as [number, number]] };
    out.push({ ...p, rate: one.rate, first: n });
  }
  return out;
}
