/**
 * `jiaodui time TRANSCRIPT AUDIO [-o OUT.srt]`: times an untimed transcript against its recording
 * (speech detection, espeak-ng synthesis and multi-resolution DTW when espeak-ng is installed, else
 * distribution over detected speech) and writes subtitle cues split for reading. `--vad` picks the speech
 * detector (energy, Silero VAD, or auto); the compact Chinese lexicon, when built, keeps cues from
 * breaking inside words.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatClock } from '../../../shared/model/time';
import type { Cue } from '../../../shared/timing/cues';
import { autoTime, cuesForTimed } from '../../node/audio/auto-time';
import type { VadChoice } from '../../node/audio/speech';
import { loadChineseLexicon } from '../../node/load-resources';
import { readInput } from '../../node/read-input';
import { EXIT, UsageError, optFlag, optString, type CliCommand } from '../command';
import { CACHE_DIR, ffmpegAvailable } from './options';

/** SRT text of timed cues (lines kept as split). */
export function cuesToSrt(cues: readonly Cue[]): string {
  return cues
    .filter((c) => c.start !== undefined && c.end !== undefined)
    .map((c, i) => `${i + 1}\n${formatClock(c.start!, ',')} --> ${formatClock(c.end!, ',')}\n${c.lines.join('\n')}\n`)
    .join('\n');
}

export const timeCommand: CliCommand = {
  name: 'time',
  summary: 'Time an untimed transcript against its audio and write SRT cues (two lines at most, reading-speed aware).',
  usage: 'jiaodui time TRANSCRIPT AUDIO [-o OUT.srt] [--length-only] [--vad auto|energy|silero] [--cache-dir DIR] [--units OUT.json]',
  options: [
    { name: 'output', short: 'o', type: 'string', description: 'write the SRT here (default: standard output)' },
    { name: 'length-only', type: 'boolean', description: 'skip forced alignment: share detected speech by text length' },
    { name: 'vad', type: 'string', description: 'speech detector: auto (default: Silero up to 10 min when installed), energy, silero' },
    CACHE_DIR,
    { name: 'units', type: 'string', description: 'also write per-sentence times and confidences as JSON' },
  ],
  help: 'Forced alignment needs espeak-ng (GPL, run as a separate process): apt-get install espeak-ng.\nExample:\n  jiaodui time samples/waic-excerpt-speech.txt samples/waic-excerpt-speech.ogg -o timed.srt',
  async run(args, io) {
    if (args.positionals.length !== 2) throw new UsageError('time needs TRANSCRIPT and AUDIO');
    if (!ffmpegAvailable('time', io)) return EXIT.failed;
    const input = await readInput(resolve(io.cwd, args.positionals[0]!));
    if (!input.ok) {
      io.stderr(`jiaodui time: ${input.message}\n`);
      return EXIT.failed;
    }
    const cacheDir = optString(args, 'cache-dir');
    const vad = (optString(args, 'vad') ?? 'auto') as VadChoice;
    if (!['auto', 'energy', 'silero'].includes(vad)) throw new UsageError(`--vad must be auto, energy or silero, not ${vad}`);
    try {
      const started = Date.now();
      const result = await autoTime(input.value.transcript.segments, resolve(io.cwd, args.positionals[1]!), {
        cacheDir: cacheDir ? resolve(io.cwd, cacheDir) : undefined,
        align: !optFlag(args, 'length-only'),
        vad,
        onProgress: (stage, f) => io.isTTY && io.stderr(`\r${stage} ${Math.floor(f * 100)}%   `),
      });
      if (io.isTTY) io.stderr('\r');
      if (vad === 'silero' && result.vad !== 'silero') io.stderr(`jiaodui time: Silero VAD unavailable (${result.vadNote ?? 'unknown reason'}); used the energy detector\n`);
      const { lexicon } = loadChineseLexicon();
      const cues = cuesForTimed(result, { isWord: lexicon ? (w) => lexicon.has(w) : undefined });
      const srt = cuesToSrt(cues);
      const output = optString(args, 'output');
      if (output) await writeFile(resolve(io.cwd, output), srt);
      else io.stdout(srt);
      const unitsPath = optString(args, 'units');
      if (unitsPath) await writeFile(resolve(io.cwd, unitsPath), JSON.stringify({ method: result.method, units: result.units }, null, 1) + '\n');
      const low = result.units.filter((u) => u.confidence < 0.5).length;
      io.stderr(`${result.units.length} sentences timed by ${result.method} (speech: ${result.vad}) in ${Date.now() - started} ms; ${cues.length} cues; ${low} low-confidence (< 0.5)\n`);
      return EXIT.ok;
    } catch (e) {
      io.stderr(`jiaodui time: ${(e as Error).message}\n`);
      return EXIT.failed;
    }
  },
};
