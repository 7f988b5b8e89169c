/** `jiaodui peaks AUDIO -o PEAKS.json`: waveform peaks (100/s, audiowaveform JSON) through the cache. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { peaksToJson } from '../../../shared/timing/peaks';
import { loadPeaks } from '../../node/audio/peaks';
import { EXIT, UsageError, optFlag, optString, type CliCommand } from '../command';
import { CACHE_DIR, ffmpegAvailable } from './options';

export const peaksCommand: CliCommand = {
  name: 'peaks',
  summary: 'Compute waveform peaks (min/max 100 a second, audiowaveform JSON) of an audio file, cached beside it.',
  usage: 'jiaodui peaks AUDIO [-o PEAKS.json] [--cache-dir DIR] [--force]',
  options: [
    { name: 'output', short: 'o', type: 'string', description: 'write the JSON here (default: standard output)' },
    CACHE_DIR,
    { name: 'force', type: 'boolean', description: 'recompute even when the cache is fresh' },
  ],
  help: 'Decodes with the bundled ffmpeg (@ffmpeg-installer/ffmpeg) or ffmpeg on PATH: WAV, MP3, M4A/AAC, OGG/Opus, FLAC.\nExample:\n  jiaodui peaks samples/waic-excerpt-speech.ogg -o peaks.json',
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('peaks needs exactly one AUDIO file');
    if (!ffmpegAvailable('peaks', io)) return EXIT.failed;
    const audio = resolve(io.cwd, args.positionals[0]!);
    const cacheDir = optString(args, 'cache-dir');
    const started = Date.now();
    let shown = -1;
    try {
      const { peaks, cached } = await loadPeaks(audio, {
        cacheDir: cacheDir ? resolve(io.cwd, cacheDir) : undefined,
        force: optFlag(args, 'force'),
        onProgress: (f) => {
          const pct = Math.floor(f * 100);
          if (io.isTTY && pct !== shown) io.stderr(`\rpeaks ${(shown = pct)}%`);
        },
      });
      if (io.isTTY) io.stderr('\r');
      const json = JSON.stringify(peaksToJson(peaks));
      const output = optString(args, 'output');
      if (output) await writeFile(resolve(io.cwd, output), json + '\n');
      else io.stdout(json + '\n');
      io.stderr(`${args.positionals[0]}: ${peaks.length} peaks, ${(peaks.durationMs / 1000).toFixed(1)} s of audio, ${cached ? 'from cache' : 'decoded'} in ${Date.now() - started} ms\n`);
      return EXIT.ok;
    } catch (e) {
      io.stderr(`jiaodui peaks: ${(e as Error).message}\n`);
      return EXIT.failed;
    }
  },
};
