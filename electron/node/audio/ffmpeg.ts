/**
 * Finds and runs ffmpeg. The binary of `@ffmpeg-installer/ffmpeg` ships inside the npm package (a GPL
 * build), so it is only ever run as a separate process, never linked. Fallbacks: `JIAODUI_FFMPEG`,
 * then `ffmpeg` on PATH (Debian's package).
 */
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';

let cached: string | null | undefined;

/** Path of a working ffmpeg, or null when none is installed. */
export function findFfmpeg(): string | null {
  if (cached !== undefined) return cached;
  const candidates: string[] = [];
  if (process.env.JIAODUI_FFMPEG) candidates.push(process.env.JIAODUI_FFMPEG);
  try {
    const require = createRequire(import.meta.url);
    const mod = require('@ffmpeg-installer/ffmpeg') as { path?: string };
    // Inside an asar archive the binary lives in the unpacked copy.
    if (mod.path) candidates.push(mod.path.replace('app.asar', 'app.asar.unpacked'));
  } catch {
    // The optional platform package is missing: fall through to PATH.
  }
  candidates.push('ffmpeg');
  for (const c of candidates) {
    if (c !== 'ffmpeg' && !existsSync(c)) continue;
    const probe = spawnSync(c, ['-hide_banner', '-version'], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
    if (probe.status === 0) return (cached = c);
  }
  return (cached = null);
}

/** A running decode: 16-bit little-endian mono PCM on `stdout`. */
export interface DecodeProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Resolves with the duration ffmpeg announced (ms), or null when it announced none. */
  duration: Promise<number | null>;
  /** Resolves when the process exits; rejects with ffmpeg's last stderr lines on failure. */
  done: Promise<void>;
}

/** Starts ffmpeg decoding `file` to mono s16le PCM at `sampleRate`. */
export function decodePcm(file: string, sampleRate = 16000): DecodeProcess {
  const ffmpeg = findFfmpeg();
  if (!ffmpeg) throw new Error('ffmpeg not found: install @ffmpeg-installer/ffmpeg or put ffmpeg on PATH');
  const child = spawn(ffmpeg, ['-hide_banner', '-nostdin', '-i', file, '-vn', '-ac', '1', '-ar', String(sampleRate), '-f', 's16le', '-acodec', 'pcm_s16le', 'pipe:1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let resolveDuration: (ms: number | null) => void = () => {};
  const duration = new Promise<number | null>((r) => (resolveDuration = r));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    stderr = (stderr + d).slice(-8000);
    const m = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
    if (m) resolveDuration(Math.round((Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000));
    else if (/Output #0|Stream mapping/.test(stderr)) resolveDuration(null);
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      resolveDuration(null);
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg failed (${code}) on ${file}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
  return { child, duration, done };
}

/** Runs ffmpeg with arguments to completion (transcodes); rejects with its last stderr lines. */
export function runFfmpeg(args: readonly string[]): Promise<void> {
  const ffmpeg = findFfmpeg();
  if (!ffmpeg) return Promise.reject(new Error('ffmpeg not found'));
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, ['-hide_banner', '-nostdin', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg failed (${code}): ${stderr.trim().split('\n').slice(-2).join(' | ')}`))));
  });
}
