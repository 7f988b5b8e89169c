/**
 * Cache files beside a project: `<dir>/.jiaodui-cache/<audio name>.<size>-<mtime>.<kind>`. The key is
 * the audio file's size and modification time, so an edited or replaced recording misses the cache
 * and a reopened one hits it without reading the audio at all.
 */
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Where cached artefacts of one audio file live. */
export interface CacheKey {
  dir: string;
  stem: string;
  size: number;
  mtimeMs: number;
}

/** Default cache folder: `.jiaodui-cache` beside the project file, or beside the audio. */
export function defaultCacheDir(audioPath: string, projectPath?: string): string {
  return join(dirname(projectPath ?? audioPath), '.jiaodui-cache');
}

/** Builds the cache key of an audio file (stats it). */
export async function cacheKey(audioPath: string, cacheDir: string): Promise<CacheKey> {
  const s = await stat(audioPath);
  return { dir: cacheDir, stem: basename(audioPath).replace(/[^\p{L}\p{N}._-]+/gu, '_'), size: s.size, mtimeMs: Math.round(s.mtimeMs) };
}

/** Path of one cached artefact (`peaks`, `16k.wav`, `cbr.mp3`…). */
export function cachePath(key: CacheKey, kind: string): string {
  return join(key.dir, `${key.stem}.${key.size}-${key.mtimeMs}.${kind}`);
}

/** Creates the cache folder. */
export async function ensureCacheDir(key: CacheKey): Promise<void> {
  await mkdir(key.dir, { recursive: true });
}

/**
 * A temporary name beside `path` that no other writer uses (the app and a CLI run may cache the same recording at
 * once): the finished file is renamed onto `path`, so readers only ever see whole files. `ext` keeps a suffix a
 * tool needs to pick its format (ffmpeg: `.mp3`).
 */
export function tempBeside(path: string, ext = ''): string {
  return `${path}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp${ext}`;
}
