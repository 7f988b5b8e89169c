/**
 * Variable-bitrate MP3 detection and a constant-rate copy for playback.
 *
 * Chromium seeks in an MP3 by assuming a constant bitrate unless a seek table helps; in VBR files
 * seeks drift by seconds (1.9 s at 33 min, 18 s at 2 h 10 min, measured), so waveform, text and sound
 * disagree. Detection reads the first 256 KB: skip an ID3v2 tag, find the first frame header; a
 * `Xing` or `VBRI` header in that frame means VBR (`Info` is LAME's CBR marker); otherwise the bitrate
 * field of the first 200 frames is compared, and any difference means VBR. A VBR file gets a CBR copy
 * (libmp3lame, 128 kbit/s) in the cache; everything else plays as it is.
 */
import { rename, rm, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { cacheKey, cachePath, defaultCacheDir, ensureCacheDir, tempBeside } from './cache';
import { runFfmpeg } from './ffmpeg';
import { readHead } from './peaks';

const BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES = [[11025, 12000, 8000], [0, 0, 0], [22050, 24000, 16000], [44100, 48000, 32000]];

interface FrameHeader {
  bitrateIndex: number;
  length: number;
  mono: boolean;
  mpeg1: boolean;
}

function parseFrame(b: Buffer, at: number): FrameHeader | null {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return null;
  const version = (b[at + 1]! >> 3) & 3;
  const layer = (b[at + 1]! >> 1) & 3;
  const bitrateIndex = b[at + 2]! >> 4;
  const rateIndex = (b[at + 2]! >> 2) & 3;
  const padding = (b[at + 2]! >> 1) & 1;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const mpeg1 = version === 3;
  const kbps = (mpeg1 ? BITRATES_V1_L3 : BITRATES_V2_L3)[bitrateIndex]!;
  const rate = RATES[version]![rateIndex]!;
  const length = Math.floor(((mpeg1 ? 144 : 72) * kbps * 1000) / rate) + padding;
  return { bitrateIndex, length, mono: (b[at + 3]! >> 6) === 3, mpeg1 };
}

/** Whether MP3 bytes (the file's head) are variable-bitrate; null when no MP3 frame is found. */
export function isVbrMp3(head: Buffer): boolean | null {
  let at = 0;
  if (head.toString('latin1', 0, 3) === 'ID3' && head.length >= 10) {
    at = 10 + ((head[6]! << 21) | (head[7]! << 14) | (head[8]! << 7) | head[9]!);
  }
  let first: FrameHeader | null = null;
  for (; at + 4 <= head.length; at++) {
    first = parseFrame(head, at);
    if (first && parseFrame(head, at + first.length)) break;
    first = null;
  }
  if (!first) return null;
  const sideInfo = first.mpeg1 ? (first.mono ? 17 : 32) : first.mono ? 9 : 17;
  const tag = head.toString('latin1', at + 4 + sideInfo, at + 8 + sideInfo);
  if (tag === 'Xing' || head.toString('latin1', at + 36, at + 40) === 'VBRI') return true;
  if (tag === 'Info') return false;
  const seen = new Set<number>();
  for (let k = 0; k < 200; k++) {
    const f = parseFrame(head, at);
    if (!f) break;
    seen.add(f.bitrateIndex);
    at += f.length;
  }
  return seen.size > 1;
}

/** Whether an audio file is a VBR MP3 (reads its first 256 KB). */
export async function detectVbrMp3(path: string): Promise<boolean> {
  if (extname(path).toLowerCase() !== '.mp3') return false;
  return (isVbrMp3(await readHead(path, 256 * 1024))) === true;
}

/**
 * The file to play: the original, or for a VBR MP3 a cached CBR copy (made once, reported through
 * `onProgress` only as start/end since ffmpeg's own progress is not parsed here).
 */
export async function playableMedia(path: string, options: { cacheDir?: string; onProgress?: (f: number) => void } = {}): Promise<{ path: string; converted: boolean }> {
  if (!(await detectVbrMp3(path))) return { path, converted: false };
  const key = await cacheKey(path, options.cacheDir ?? defaultCacheDir(path));
  const out = cachePath(key, 'cbr.mp3');
  if (await stat(out).then((s) => s.size > 0, () => false)) return { path: out, converted: true };
  await ensureCacheDir(key);
  options.onProgress?.(0);
  const tmp = tempBeside(out, '.mp3');
  try {
    await runFfmpeg(['-i', path, '-vn', '-map_metadata', '-1', '-c:a', 'libmp3lame', '-b:a', '128k', '-write_xing', '0', tmp]);
    await rename(tmp, out);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  options.onProgress?.(1);
  return { path: out, converted: true };
}
