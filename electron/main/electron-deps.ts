/**
 * The real dependencies of the host handlers: Electron dialogs and the filesystem. Kept apart from
 * host-handlers.ts so that module stays testable without Electron.
 */
import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import { access, readFile, stat, unlink } from 'node:fs/promises';
import type { FileKind, SaveKind } from '../../shared/ipc';
import { writeFileAtomic } from '../node/atomic-write';
import type { HostDeps } from './host-handlers';

const OPEN_FILTERS: Record<FileKind, FileFilter[]> = {
  transcript: [
    { name: 'Transcripts and subtitles', extensions: ['txt', 'srt', 'vtt', 'json', 'md', 'markdown'] },
    { name: 'All files', extensions: ['*'] },
  ],
  project: [{ name: 'Jiaodui project', extensions: ['json'] }],
  glossary: [{ name: 'Glossary', extensions: ['tsv', 'csv', 'txt', 'json'] }, { name: 'All files', extensions: ['*'] }],
  reference: [{ name: 'Reference documents', extensions: ['txt', 'md', 'markdown'] }, { name: 'All files', extensions: ['*'] }],
  audio: [{ name: 'Audio', extensions: ['wav', 'mp3', 'm4a', 'aac', 'ogg', 'opus', 'flac', 'webm', 'mp4'] }],
};

const SAVE_FILTERS: Record<SaveKind, FileFilter[]> = {
  project: [{ name: 'Jiaodui project', extensions: ['jiaodui.json'] }],
  export: [],
  glossary: [{ name: 'Glossary (TSV)', extensions: ['tsv'] }],
};

export function electronDialogs(getWindow: () => BrowserWindow | null): HostDeps['dialogs'] {
  return {
    async showOpen(kind) {
      const win = getWindow();
      const options = { properties: ['openFile' as const], filters: OPEN_FILTERS[kind] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async showSave(kind, suggestedName, defaultDir) {
      const win = getWindow();
      const options = {
        defaultPath: defaultDir ? `${defaultDir}/${suggestedName}` : suggestedName,
        filters: SAVE_FILTERS[kind].length ? SAVE_FILTERS[kind] : [{ name: suggestedName.replace(/^.*\./, '').toUpperCase(), extensions: [suggestedName.replace(/^.*\./, '')] }],
      };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}

export const nodeFiles: HostDeps['files'] = {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  size: async (path) => (await stat(path)).size,
  writeAtomic: (path, content) => writeFileAtomic(path, content),
  remove: (path) => unlink(path),
  exists: (path) => access(path).then(() => true, () => false),
};
