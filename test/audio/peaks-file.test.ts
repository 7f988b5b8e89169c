import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFfmpeg } from '../../electron/node/audio/ffmpeg';
import { decodePeaks, encodePeaks, loadPeaks, readWindowPeaks } from '../../electron/node/audio/peaks';
import { detectVbrMp3, playableMedia } from '../../electron/node/audio/vbr';

const sample = join(import.meta.dirname, '../../samples/waic-excerpt-speech.ogg');
const ffmpeg = findFfmpeg();
const withFfmpeg = ffmpeg ? describe : describe.skip;
if (!ffmpeg) console.warn('skipping audio file tests: no ffmpeg (install @ffmpeg-installer/ffmpeg or put ffmpeg on PATH)');

/** The whole file decoded at once (fine for a one-minute sample) and min/max per 160 samples by brute force. */
function bruteForcePeaks(): { data: number[]; samples: Int16Array } {
  const r = spawnSync(ffmpeg!, ['-hide_banner', '-i', sample, '-ac', '1', '-ar', '16000', '-f', 's16le', 'pipe:1'], { maxBuffer: 64 << 20 });
  const buf = Buffer.from(r.stdout);
  const samples = new Int16Array(buf.buffer, buf.byteOffset, buf.length / 2);
  const data: number[] = [];
  for (let a = 0; a < samples.length; a += 160) {
    const block = Array.from(samples.subarray(a, a + 160), (v) => v / 32768);
    const q = (v: number) => Math.max(-128, Math.min(127, Math.round(v * 128))) + 0; // + 0 turns -0 into 0
    data.push(q(Math.min(...block)), q(Math.max(...block)));
  }
  return { data, samples };
}

withFfmpeg('loadPeaks on the committed sample', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'jiaodui-peaks-'));

  it('streams the same peaks as a brute-force pass over the fully decoded file, then serves them from the cache', async () => {
    const progress: number[] = [];
    const first = await loadPeaks(sample, { cacheDir, keepWav: true, onProgress: (f) => progress.push(f) });
    const brute = bruteForcePeaks();
    expect(first.cached).toBe(false);
    expect(Array.from(first.peaks.data)).toEqual(brute.data);
    expect(first.peaks.durationMs).toBeGreaterThan(50_000);
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
    const again = await loadPeaks(sample, { cacheDir, keepWav: true });
    expect(again.cached).toBe(true);
    expect(Array.from(again.peaks.data)).toEqual(brute.data);
    expect(Array.from(again.peaks.energyDb)).toEqual(Array.from(first.peaks.energyDb));

    const window = await readWindowPeaks(first.wavPath!, 10_000, 10_100, 1000);
    const expected = Array.from(brute.samples.subarray(160_000, 161_600)).filter((_, i) => i % 16 === 0).length;
    expect(window.length).toBe(expected);
    expect(window.data[1]).toBe(Math.max(-128, Math.min(127, Math.round((Math.max(...Array.from(brute.samples.subarray(160_000, 160_016))) / 32768) * 128))));
  });

  it('round-trips the cache format', () => {
    const fake = { sampleRate: 16000, samplesPerPeak: 160, length: 3, data: Int8Array.from([-1, 1, -5, 7, 0, 0]), energyDb: Float32Array.from([-20, -30.5, -100]), durationMs: 30 };
    expect(decodePeaks(encodePeaks(fake))).toEqual(fake);
    expect(decodePeaks(Buffer.from('not peaks'))).toBeNull();
  });

  it('plays a VBR MP3 from a constant-rate copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiaodui-vbr-'));
    const vbr = join(dir, 'talk.mp3');
    spawnSync(ffmpeg!, ['-hide_banner', '-y', '-i', sample, '-t', '8', '-c:a', 'libmp3lame', '-q:a', '4', vbr]);
    expect(await detectVbrMp3(vbr)).toBe(true);
    const play = await playableMedia(vbr, { cacheDir: dir });
    expect(play.converted).toBe(true);
    expect(await detectVbrMp3(play.path)).toBe(false);
    expect(readFileSync(play.path).length).toBeGreaterThan(10_000);
  });
});
