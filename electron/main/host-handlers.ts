/**
 * The Electron implementation of the host contract, written against injected dependencies (dialogs, files,
 * stores, clock) so it runs and is tested in plain Node without the Electron binary. electron/main/index.ts
 * supplies the real dialog and filesystem.
 *
 * File policy, enforced here rather than trusted to the renderer:
 * - reads happen only for paths the user chose in a dialog, from the recent list, or handed over by the OS;
 * - a write without a dialog (`Save`) is allowed only to a path this session saved to or opened as a project;
 * - the source transcript is never written: any save that would land on an opened transcript is refused;
 * - audio is only ever located, never read into the renderer: peaks, window peaks, timing and the media protocol
 *   work on paths the user chose (dialog) or that a project opened in this session names (`locateAudio`).
 */
import { basename, dirname, join, resolve } from 'node:path';
import {
  DEFAULT_SETTINGS, MAX_READ_BYTES, err, ok,
  type AppInfo, type AudioProgress, type AudioRef, type FileKind, type HostArgs, type HostMethod, type HostValue,
  type OpenedFile, type RecentFile, type Recovery, type Result, type SaveKind, type Settings,
} from '../../shared/ipc';
import { createAudioHandlers, type AudioDeps } from './audio-handlers';
import type { JsonStore } from '../node/json-store';
import { pushRecent } from '../node/settings-file';

export interface HostDeps {
  dialogs: {
    /** Shows an open dialog; resolves to the chosen absolute path or null. */
    showOpen(kind: FileKind): Promise<string | null>;
    showSave(kind: SaveKind, suggestedName: string, defaultDir: string | null): Promise<string | null>;
  };
  files: {
    readFile(path: string): Promise<Uint8Array>;
    size(path: string): Promise<number>;
    writeAtomic(path: string, content: string | Uint8Array): Promise<void>;
    remove(path: string): Promise<void>;
    exists(path: string): Promise<boolean>;
  };
  settings: JsonStore<Settings>;
  recent: JsonStore<RecentFile[]>;
  /** Where the recovery (autosave) record lives; the source bytes it applies to go to `${recoveryPath}.base`. */
  recoveryPath: string;
  /** The bundled sample transcript. */
  samplePath: string;
  appInfo: AppInfo;
  /** A URL the renderer may play this audio file from (the media protocol). */
  mediaUrl(path: string): string;
  /** Peaks, window peaks and timing (electron/node/audio), injected so tests can stub or use the real ones. */
  audio: AudioDeps;
  /** Pushes an `audio-progress` event to the renderer. */
  onAudioProgress(progress: AudioProgress): void;
  /** Called when the renderer reports its document title and dirty state. */
  onDocumentState(state: { title: string; dirty: boolean }): void;
  now?: () => Date;
}

export type HostHandlers = { [M in HostMethod]: (...args: HostArgs<M>) => Promise<Result<HostValue<M>>> };

const baseName = (path: string) => path.replace(/^.*[\\/]/, '');

export interface HostPolicy {
  /** Files the renderer may write without a dialog. */
  writable: Set<string>;
  /** Opened source transcripts: never written. */
  sources: Set<string>;
  /** Audio files the user chose or an opened project named: the only ones peaks, timing and media may touch. */
  audio: Set<string>;
}

/** Extensions `locateAudio` accepts (the open dialog's audio filter). */
const AUDIO_EXTENSIONS = /\.(wav|mp3|m4a|aac|ogg|oga|opus|flac|webm|mp4)$/i;

/** Builds the handlers; `policy` is exposed for the OS "open file" path (file association, second instance). */
export function createHostHandlers(deps: HostDeps): HostHandlers & { policy: HostPolicy; readChosen(path: string, kind: FileKind): Promise<Result<OpenedFile>> } {
  const now = deps.now ?? (() => new Date());
  const basePath = `${deps.recoveryPath}.base`;
  const policy: HostPolicy = { writable: new Set(), sources: new Set(), audio: new Set() };
  const audioRef = (full: string): AudioRef => ({ path: full, name: baseName(full), url: deps.mediaUrl(full) });
  const audio = createAudioHandlers(deps.audio, policy, (p) => deps.onAudioProgress(p));

  async function readChosen(path: string, kind: FileKind): Promise<Result<OpenedFile>> {
    const full = resolve(path);
    try {
      if ((await deps.files.size(full)) > MAX_READ_BYTES) return err('too-large', `${baseName(full)} is larger than ${MAX_READ_BYTES / 1024 / 1024} MB`);
      const bytes = await deps.files.readFile(full);
      if (kind === 'transcript') policy.sources.add(full);
      if (kind === 'project') policy.writable.add(full);
      await deps.recent.set(pushRecent(await deps.recent.get(), { path: full, name: baseName(full), kind }, now()));
      return ok({ path: full, name: baseName(full), kind, bytes });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not-found' : 'io-error';
      return err(code, `could not read ${baseName(full)}: ${(e as Error).message}`);
    }
  }

  async function save(kind: SaveKind, suggestedName: string, content: string, path?: string): Promise<Result<{ path: string; name: string } | null>> {
    let target: string;
    if (path !== undefined) {
      target = resolve(path);
      if (!policy.writable.has(target)) return err('not-allowed', `${baseName(target)} was not chosen for saving in this session; use Save as`);
    } else {
      const settingsDir = [...policy.writable].pop() ?? null;
      const chosen = await deps.dialogs.showSave(kind, suggestedName, settingsDir ? settingsDir.replace(/[\\/][^\\/]*$/, '') : null);
      if (chosen === null) return ok(null);
      target = resolve(chosen);
    }
    if (policy.sources.has(target)) return err('not-allowed', `${baseName(target)} is the source transcript; Jiaodui never overwrites it — choose another name`);
    try {
      await deps.files.writeAtomic(target, content);
    } catch (e) {
      return err('io-error', `could not write ${baseName(target)}: ${(e as Error).message}`);
    }
    if (kind === 'project') {
      policy.writable.add(target);
      await deps.recent.set(pushRecent(await deps.recent.get(), { path: target, name: baseName(target), kind: 'project' }, now()));
    }
    return ok({ path: target, name: baseName(target) });
  }

  const handlers: HostHandlers = {
    appInfo: () => Promise.resolve(ok(deps.appInfo)),
    async openFile(kind) {
      if (kind === 'audio') return err('invalid-argument', 'use openAudio for audio files');
      const path = await deps.dialogs.showOpen(kind);
      return path === null ? ok(null) : readChosen(path, kind);
    },
    async openAudio() {
      const path = await deps.dialogs.showOpen('audio');
      if (path === null) return ok<AudioRef | null>(null);
      const full = resolve(path);
      await deps.recent.set(pushRecent(await deps.recent.get(), { path: full, name: baseName(full), kind: 'audio' }, now()));
      policy.audio.add(full);
      return ok<AudioRef | null>(audioRef(full));
    },
    async locateAudio(path, projectPath) {
      const project = projectPath === null ? null : resolve(projectPath);
      if (project !== null && !policy.writable.has(project)) return err('not-allowed', `${baseName(project)} is not a project opened in this session`);
      const full = resolve(project ? dirname(project) : '/', path);
      if (!AUDIO_EXTENSIONS.test(full)) return err('invalid-argument', `${baseName(full)} is not an audio file`);
      const candidates = [full, ...(project ? [join(dirname(project), basename(full))] : [])];
      for (const candidate of candidates) {
        if (policy.audio.has(candidate) || (project !== null && await deps.files.exists(candidate))) {
          policy.audio.add(candidate);
          return ok(audioRef(candidate));
        }
      }
      return err('not-found', `${baseName(full)} was not found at ${full}${project ? ' or beside the project' : ''}`);
    },
    loadPeaks: audio.loadPeaks,
    windowPeaks: audio.windowPeaks,
    autoTime: audio.autoTime,
    async openRecent(path) {
      const full = resolve(path);
      const entry = (await deps.recent.get()).find((r) => r.path === full);
      if (!entry) return err('not-allowed', `${baseName(full)} is not in the recent files list`);
      if (entry.kind === 'audio') return err('invalid-argument', 'audio is opened with openAudio');
      return readChosen(full, entry.kind);
    },
    async recentFiles() {
      return ok(await deps.recent.get());
    },
    async clearRecent() {
      await deps.recent.set([]);
      return ok(null);
    },
    saveFile: (request) => save(request.kind, request.suggestedName, request.content, request.path),
    async loadSample() {
      try {
        return ok({ name: baseName(deps.samplePath), bytes: await deps.files.readFile(deps.samplePath) });
      } catch (e) {
        return err('not-found', `the bundled sample is missing: ${(e as Error).message}`);
      }
    },
    async getSettings() {
      return ok({ ...DEFAULT_SETTINGS, ...(await deps.settings.get()) });
    },
    async setSettings(patch) {
      return ok(await deps.settings.set({ ...(await deps.settings.get()), ...patch }));
    },
    async writeRecovery(content) {
      try {
        const record: Recovery = { content, savedAt: now().toISOString() };
        await deps.files.writeAtomic(deps.recoveryPath, JSON.stringify(record));
        return ok(null);
      } catch (e) {
        return err('io-error', `could not write the recovery file: ${(e as Error).message}`);
      }
    },
    async writeRecoveryBase(bytes) {
      try {
        await deps.files.writeAtomic(basePath, bytes);
        return ok(null);
      } catch (e) {
        return err('io-error', `could not write the recovery file: ${(e as Error).message}`);
      }
    },
    async readRecovery() {
      if (!(await deps.files.exists(deps.recoveryPath))) return ok<Recovery | null>(null);
      try {
        const data = JSON.parse(new TextDecoder().decode(await deps.files.readFile(deps.recoveryPath))) as Partial<Recovery>;
        if (typeof data.content !== 'string' || typeof data.savedAt !== 'string') return ok<Recovery | null>(null);
        const base = (await deps.files.exists(basePath)) ? await deps.files.readFile(basePath) : undefined;
        return ok<Recovery | null>({ content: data.content, savedAt: data.savedAt, ...(base ? { base } : {}) });
      } catch {
        return ok<Recovery | null>(null);
      }
    },
    async clearRecovery() {
      try {
        for (const p of [deps.recoveryPath, basePath]) if (await deps.files.exists(p)) await deps.files.remove(p);
        return ok(null);
      } catch (e) {
        return err('io-error', `could not remove the recovery file: ${(e as Error).message}`);
      }
    },
    setDocumentState(state) {
      deps.onDocumentState(state);
      return Promise.resolve(ok(null));
    },
  };
  return { ...handlers, policy, readChosen };
}
