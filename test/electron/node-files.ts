import { access, readFile, stat, unlink } from 'node:fs/promises';
import { writeFileAtomic } from '../../electron/node/atomic-write';
import type { HostDeps } from '../../electron/main/host-handlers';

/** The same filesystem adapter electron-deps.ts builds, without importing Electron. */
export const nodeFilesForTest: HostDeps['files'] = {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  size: async (path) => (await stat(path)).size,
  writeAtomic: (path, content) => writeFileAtomic(path, content),
  remove: (path) => unlink(path),
  exists: (path) => access(path).then(() => true, () => false),
};
