/**
 * A small JSON file store for settings and the recent-files list: read once with a validator that repairs or
 * replaces bad content (a hand-edited or truncated file must not stop the app from starting), written atomically.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write';

export interface JsonStore<T> {
  get(): Promise<T>;
  set(value: T): Promise<T>;
}

/** `repair` turns whatever was parsed (or undefined when missing/unparsable) into a valid value. */
export function jsonFileStore<T>(path: string, repair: (data: unknown) => T): JsonStore<T> {
  let cached: T | undefined;
  let writing: Promise<void> = Promise.resolve();
  return {
    async get() {
      if (cached !== undefined) return cached;
      let data: unknown;
      try {
        data = JSON.parse(await readFile(path, 'utf8'));
      } catch {
        data = undefined;
      }
      cached = repair(data);
      return cached;
    },
    async set(value) {
      cached = value;
      // serialise writes so the last value wins even when two arrive together
      writing = writing.then(() => writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n')).catch(() => undefined);
      await writing;
      return value;
    },
  };
}

/** An in-memory store with the same interface, for tests. */
export function memoryStore<T>(initial: T): JsonStore<T> {
  let value = initial;
  return { get: () => Promise.resolve(value), set: (v) => Promise.resolve((value = v)) };
}
