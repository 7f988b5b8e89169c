/**
 * Silero VAD (v5, ONNX) over the cached 16 kHz WAV, run by onnxruntime-web's WebAssembly backend in Node.
 *
 * The model takes one 32 ms window (512 samples at 16 kHz) after 64 samples of context and carries an
 * LSTM-like state from window to window; it returns a speech probability per window. One model call per
 * window costs ~1 ms of overhead in wasm, more than the arithmetic, so the file is cut into `streams`
 * contiguous stretches that are run side by side as one batch ([streams, 576] per call), each with its own
 * state. A stretch starts `warmupWindows` windows (~1 s) early and discards those probabilities, so every
 * kept window has a settled state. Samples are read from the WAV a round (`roundWindows` windows a stream)
 * at a time: memory stays at a few MB whatever the length. Probabilities become intervals in the shared
 * `speechFromProbabilities` (hysteresis, minimum durations), the same `SpeechInterval[]` the energy
 * detector returns, so the caller can swap them.
 *
 * onnxruntime-web and the model are loaded on first use only (dynamic import with a computed specifier, so
 * bundlers leave the package out and `jiaodui check` never pays for it). When either is missing,
 * `sileroStatus()` says why and callers fall back to the energy detector.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Ort from 'onnxruntime-web';
import { speechFromProbabilities, type ProbabilityVadOptions } from '../../../shared/timing/vad-probabilities';
import type { SpeechInterval } from '../../../shared/timing/vad';
import { readWavInfo, readWavSamples } from './wav';

/** Samples per Silero window at 16 kHz, and the context the v5 model expects before each. */
export const SILERO_WINDOW = 512;
const CONTEXT = 64;
const RATE = 16000;
/** Duration of one probability window, ms. */
export const SILERO_FRAME_MS = (SILERO_WINDOW / RATE) * 1000;
const MODEL_FILE = 'silero_vad_v5.onnx';
// A computed specifier keeps esbuild/vite from bundling the package (its wasm must stay beside its JS).
const ORT_PACKAGE = ['onnxruntime', 'web'].join('-');

export interface SileroVadOptions extends Partial<Omit<ProbabilityVadOptions, 'frameMs'>> {
  /** The .onnx file (default: found by `findSileroModel`). */
  modelPath?: string;
  /** Stretches of the file run side by side in one batch (default: up to 32, fewer for short files). */
  streams?: number;
  /** Windows run and discarded before each stretch so its state settles (default 32, ~1 s). */
  warmupWindows?: number;
  /** Windows a stream reads per round (default 512, ~16 s). */
  roundWindows?: number;
  /** WebAssembly threads (default 1: the machine's other cores belong to decoding and synthesis). */
  threads?: number;
  onProgress?: (fraction: number) => void;
}

export interface SileroVadResult {
  speech: SpeechInterval[];
  /** Speech probability per 32 ms window. */
  probabilities: Float32Array;
  frameMs: number;
  /** Wall-clock ms: model load and inference. */
  loadMs: number;
  runMs: number;
}

/**
 * Where the model file is: the option (only it, when given), $JIAODUI_SILERO_MODEL, the app's resources/models, then
 * electron/node/audio/models or dist/data found walking up from this module or the working directory.
 */
export function findSileroModel(explicit?: string): string | null {
  if (explicit) return existsSync(explicit) ? explicit : null;
  const candidates: string[] = [];
  if (process.env['JIAODUI_SILERO_MODEL']) candidates.push(process.env['JIAODUI_SILERO_MODEL']);
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(join(resources, 'models', MODEL_FILE));
  const here = dirname(fileURLToPath(import.meta.url));
  candidates.push(join(here, 'models', MODEL_FILE));
  for (const start of [here, process.cwd()]) {
    let dir = start;
    for (let i = 0; i < 6; i++) {
      candidates.push(join(dir, 'electron', 'node', 'audio', 'models', MODEL_FILE), join(dir, 'dist', 'data', MODEL_FILE));
      dir = dirname(dir);
    }
  }
  return candidates.find((p) => existsSync(p)) ?? null;
}

type OrtModule = typeof Ort;
let ortPromise: Promise<OrtModule> | null = null;

/**
 * The package's Node entry found by walking up from `start` (for code bundled into a temporary folder,
 * where a bare import cannot see the project's node_modules).
 */
function findOrtEntry(start: string): string | null {
  let dir = start;
  for (let i = 0; i < 8; i++) {
    const pkg = join(dir, 'node_modules', ORT_PACKAGE, 'package.json');
    if (existsSync(pkg)) {
      const exports = (JSON.parse(readFileSync(pkg, 'utf8')) as { exports?: { '.'?: { node?: { import?: string } } } }).exports;
      const entry = exports?.['.']?.node?.import;
      return entry ? join(dirname(pkg), entry) : null;
    }
    dir = dirname(dir);
  }
  return null;
}

function loadOrt(): Promise<OrtModule> {
  ortPromise ??= (import(/* @vite-ignore */ ORT_PACKAGE) as Promise<OrtModule>).catch((e: unknown) => {
    const entry = findOrtEntry(process.cwd()) ?? findOrtEntry(dirname(fileURLToPath(import.meta.url)));
    if (!entry) throw e;
    return import(/* @vite-ignore */ pathToFileURL(entry).href) as Promise<OrtModule>;
  });
  return ortPromise;
}

/** Whether Silero can run here, and if not, why (package or model missing). */
export async function sileroStatus(modelPath?: string): Promise<{ available: true; modelPath: string } | { available: false; reason: string }> {
  const model = findSileroModel(modelPath);
  if (!model) return { available: false, reason: `Silero model ${MODEL_FILE} not found (set JIAODUI_SILERO_MODEL)` };
  try {
    await loadOrt();
  } catch (e) {
    ortPromise = null;
    return { available: false, reason: `${ORT_PACKAGE} is not installed (${(e as Error).message.split('\n')[0]})` };
  }
  return { available: true, modelPath: model };
}

/** Speech intervals of a 16 kHz mono WAV by Silero VAD; throws when Silero is unavailable. */
export async function detectSpeechSilero(wavPath: string, options: SileroVadOptions = {}): Promise<SileroVadResult> {
  const status = await sileroStatus(options.modelPath);
  if (!status.available) throw new Error(status.reason);
  const info = await readWavInfo(wavPath);
  if (!info || info.sampleRate !== RATE) throw new Error(`not a 16 kHz 16-bit mono WAV: ${wavPath}`);
  const ort = await loadOrt();
  ort.env.wasm.numThreads = options.threads ?? 1;
  const t0 = Date.now();
  const session = await ort.InferenceSession.create(readFileSync(status.modelPath));
  const loadMs = Date.now() - t0;
  try {
    const probabilities = await runStreams(ort, session, wavPath, info, options);
    const speech = speechFromProbabilities(probabilities, { ...options, frameMs: SILERO_FRAME_MS });
    return { speech, probabilities, frameMs: SILERO_FRAME_MS, loadMs, runMs: Date.now() - t0 - loadMs };
  } finally {
    await session.release();
  }
}

interface Stream {
  /** First window run (warm-up included), first window kept, end of the stretch. */
  begin: number;
  keep: number;
  end: number;
}

async function runStreams(ort: OrtModule, session: Ort.InferenceSession, wavPath: string, info: { sampleRate: number; samples: number; dataOffset: number }, options: SileroVadOptions): Promise<Float32Array> {
  const windows = Math.ceil(info.samples / SILERO_WINDOW);
  const probabilities = new Float32Array(windows);
  if (windows === 0) return probabilities;
  const warm = options.warmupWindows ?? 32;
  const count = Math.max(1, Math.min(options.streams ?? 32, Math.floor(windows / (8 * warm)) || 1));
  const per = Math.ceil(windows / count);
  const streams: Stream[] = [];
  for (let b = 0; b * per < windows; b++) streams.push({ begin: Math.max(0, b * per - (b ? warm : 0)), keep: b * per, end: Math.min(windows, (b + 1) * per) });
  const batch = streams.length;
  const longest = Math.max(...streams.map((s) => s.end - s.begin));
  const round = options.roundWindows ?? 512;
  const row = CONTEXT + SILERO_WINDOW;
  let state: Ort.Tensor = new ort.Tensor('float32', new Float32Array(2 * batch * 128), [2, batch, 128]);
  const sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(RATE)]), []);
  for (let r = 0; r < longest; r += round) {
    // One read per stream per round: the samples of its next `round` windows plus the context before.
    const pcm = await Promise.all(streams.map(async (s) => {
      const first = s.begin + r;
      const last = Math.min(s.end, first + round);
      if (first >= last) return null;
      return await readWavSamples(wavPath, info, first * SILERO_WINDOW - CONTEXT, (last - first) * SILERO_WINDOW + CONTEXT).then((samples) => ({ first, last, samples, origin: Math.max(0, first * SILERO_WINDOW - CONTEXT) }));
    }));
    const steps = Math.min(round, longest - r);
    for (let k = 0; k < steps; k++) {
      const input = new Float32Array(batch * row);
      streams.forEach((_, b) => {
        const chunk = pcm[b];
        const w = (chunk?.first ?? 0) + k;
        if (!chunk || w >= chunk.last) return;
        const from = w * SILERO_WINDOW - CONTEXT;
        for (let i = 0; i < row; i++) {
          const at = from + i - chunk.origin;
          if (at >= 0 && at < chunk.samples.length) input[b * row + i] = chunk.samples[at]! / 32768;
        }
      });
      const out = await session.run({ input: new ort.Tensor('float32', input, [batch, row]), state, sr });
      state = out['stateN'] as Ort.Tensor;
      const p = out['output']!.data as Float32Array;
      streams.forEach((s, b) => {
        const w = s.begin + r + k;
        if (w >= s.keep && w < s.end) probabilities[w] = p[b]!;
      });
    }
    options.onProgress?.(Math.min(1, (r + steps) / longest));
  }
  return probabilities;
}
