/**
 * The host contract for a plain browser (web mode): open dialogs are hidden file inputs, saves are downloads,
 * settings live in localStorage, the recovery file and recent files in IndexedDB, and the sample is a bundled
 * asset. Same `Result` values as Electron so the UI cannot tell the difference except through `appInfo().mode`.
 */
import sampleUrl from '../../samples/waic-2024-excerpt.txt?url';
import {
  DEFAULT_SETTINGS, err, ok,
  type AudioProgress, type AudioRef, type FileKind, type HostApi, type HostEventName, type HostEvents,
  type OpenedFile, type RecentFile, type Recovery, type Settings,
} from '../../shared/ipc';
import { idb } from './idb';
import { decodeFilePeaks, pcmWindowPeaks, peaksFromJson, timeByLength, type DecodedAudio } from './web-audio';

const SETTINGS_KEY = 'jiaodui.settings';
const RECOVERY_KEY = 'recovery';
const RECOVERY_BASE_KEY = 'recovery-base';
const RECENT_KEY = 'recent';
const RECENT_MAX = 8;
const RECENT_BYTES_MAX = 20 * 1024 * 1024;

const ACCEPT: Record<FileKind, string> = {
  transcript: '.txt,.srt,.vtt,.json,.md,.markdown,text/plain',
  project: '.json',
  glossary: '.tsv,.csv,.txt,.json',
  reference: '.txt,.md,.markdown',
  audio: 'audio/*,.wav,.mp3,.m4a,.aac,.ogg,.opus,.flac,.json',
};

/** Shows a file picker; resolves null on cancel. */
export function pickFile(accept: string): Promise<File | null> {
  return pickFiles(accept, false).then((files) => files?.[0] ?? null);
}

/** Shows a file picker for one or several files; resolves null on cancel. */
export function pickFiles(accept: string, multiple: boolean): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    input.dataset['testid'] = 'file-input';
    document.body.append(input);
    const finish = (files: File[] | null) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => {
      performance.mark('jiaodui:file-chosen');
      finish(input.files?.length ? [...input.files] : null);
    }, { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    input.click();
  });
}

/** Starts a download of text under a file name. */
export function download(name: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function readSettings(): Settings {
  try {
    const raw = localStorage.getItem(SETTINGS_KEY);
    return { ...DEFAULT_SETTINGS, ...(raw ? (JSON.parse(raw) as Partial<Settings>) : {}) };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

interface StoredRecent extends RecentFile { bytes?: Uint8Array }

async function remember(file: OpenedFile): Promise<void> {
  const list = ((await idb.get<StoredRecent[]>(RECENT_KEY)) ?? []).filter((r) => r.name !== file.name);
  const entry: StoredRecent = { path: file.name, name: file.name, kind: file.kind, openedAt: new Date().toISOString() };
  if (file.bytes.length <= RECENT_BYTES_MAX) entry.bytes = file.bytes;
  await idb.set(RECENT_KEY, [entry, ...list].slice(0, RECENT_MAX));
}

/** The audio files chosen in this page (by name: the browser has no paths) and their peaks once computed. */
interface ChosenAudio {
  file: File;
  /** Peaks JSON chosen with the audio (`jiaodui peaks AUDIO -o X.json`): long recordings without decoding. */
  peaksFile: File | null;
  peaks: Promise<DecodedAudio> | null;
}

export function createWebHost(): HostApi {
  let dirty = false;
  const audio = new Map<string, ChosenAudio>();
  const listeners = new Map<HostEventName, Set<(payload: never) => void>>();
  const emit = <E extends HostEventName>(event: E, payload: HostEvents[E]) => {
    for (const l of listeners.get(event) ?? []) (l as (p: HostEvents[E]) => void)(payload);
  };
  const peaksOf = (path: string): Promise<DecodedAudio> | null => {
    const chosen = audio.get(path);
    if (!chosen) return null;
    const progress = (fraction: number) => emit('audio-progress', { path, stage: 'decode', fraction } satisfies AudioProgress);
    chosen.peaks ??= chosen.peaksFile
      ? chosen.peaksFile.arrayBuffer().then((buffer) => ({ peaks: peaksFromJson(new Uint8Array(buffer)), pcm: null }))
      : decodeFilePeaks(chosen.file, progress);
    chosen.peaks.catch(() => { chosen.peaks = null; });
    return chosen.peaks;
  };
  const notChosen = (path: string) => err<never>('not-found', `${path} is not open in this page: choose the audio file again`);
  window.addEventListener('beforeunload', (e) => {
    if (dirty) e.preventDefault();
  });
  return {
    appInfo: () => Promise.resolve(ok({
      name: 'Jiaodui', version: String(import.meta.env['VITE_APP_VERSION'] ?? '0.1.0'), mode: 'web' as const,
      platform: navigator.platform, locale: navigator.language,
    })),
    async openFile(kind) {
      const file = await pickFile(ACCEPT[kind]);
      if (!file) return ok(null);
      const opened: OpenedFile = { path: file.name, name: file.name, kind, bytes: new Uint8Array(await file.arrayBuffer()) };
      await remember(opened).catch(() => undefined);
      return ok(opened);
    },
    async openAudio() {
      const files = await pickFiles(ACCEPT.audio, true);
      const file = files?.find((f) => !/\.json$/i.test(f.name));
      if (!file) return files ? err('invalid-argument', 'choose an audio file (a peaks .json may be chosen with it)') : ok<AudioRef | null>(null);
      audio.set(file.name, { file, peaksFile: files!.find((f) => /\.json$/i.test(f.name)) ?? null, peaks: null });
      return ok<AudioRef | null>({ path: file.name, name: file.name, url: URL.createObjectURL(file) });
    },
    locateAudio(path) {
      return Promise.resolve(notChosen(path));
    },
    async loadPeaks(path) {
      const peaks = peaksOf(path);
      if (!peaks) return notChosen(path);
      try {
        const decoded = await peaks;
        return ok({ peaks: decoded.peaks, cached: false, windowPeaks: decoded.pcm !== null });
      } catch (e) {
        return err('io-error', `the browser could not decode ${path}: ${(e as Error).message || String(e)}`);
      }
    },
    async windowPeaks(path, startMs, endMs, peaksPerSecond) {
      const decoded = await peaksOf(path)?.catch(() => null);
      return ok(decoded?.pcm ? pcmWindowPeaks(decoded.pcm, startMs, endMs, peaksPerSecond) : null);
    },
    async autoTime(path, segments) {
      const peaks = peaksOf(path);
      if (!peaks) return notChosen(path);
      try {
        const { peaks: p } = await peaks;
        emit('audio-progress', { path, stage: 'timing', fraction: 0 });
        const result = timeByLength(p, segments);
        emit('audio-progress', { path, stage: 'timing', fraction: 1 });
        return ok(result);
      } catch (e) {
        return err('io-error', `the browser could not decode ${path}: ${(e as Error).message || String(e)}`);
      }
    },
    async openRecent(path) {
      const entry = ((await idb.get<StoredRecent[]>(RECENT_KEY)) ?? []).find((r) => r.path === path);
      if (!entry?.bytes) return err('not-found', `${path} is no longer stored in this browser; open it again`);
      return ok({ path: entry.path, name: entry.name, kind: entry.kind, bytes: entry.bytes });
    },
    async recentFiles() {
      const list = (await idb.get<StoredRecent[]>(RECENT_KEY)) ?? [];
      return ok(list.map(({ bytes: _bytes, ...r }) => r));
    },
    async clearRecent() {
      await idb.delete(RECENT_KEY);
      return ok(null);
    },
    saveFile(request) {
      download(request.suggestedName, request.content);
      return Promise.resolve(ok({ path: request.suggestedName, name: request.suggestedName }));
    },
    async loadSample() {
      try {
        const res = await fetch(sampleUrl);
        if (!res.ok) return err('not-found', `the bundled sample could not be loaded (${res.status})`);
        return ok({ name: 'waic-2024-excerpt.txt', bytes: new Uint8Array(await res.arrayBuffer()) });
      } catch (e) {
        return err('io-error', `the bundled sample could not be loaded: ${(e as Error).message}`);
      }
    },
    getSettings: () => Promise.resolve(ok(readSettings())),
    setSettings(patch) {
      const next = { ...readSettings(), ...patch };
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return Promise.resolve(ok(next));
    },
    async writeRecovery(content) {
      try {
        await idb.set(RECOVERY_KEY, { content, savedAt: new Date().toISOString() } satisfies Recovery);
        return ok(null);
      } catch (e) {
        return err('io-error', `autosave failed: ${(e as Error).message}`);
      }
    },
    async writeRecoveryBase(bytes) {
      try {
        await idb.set(RECOVERY_BASE_KEY, bytes);
        return ok(null);
      } catch (e) {
        return err('io-error', `autosave failed: ${(e as Error).message}`);
      }
    },
    async readRecovery() {
      try {
        const record = await idb.get<Recovery>(RECOVERY_KEY);
        if (!record) return ok(null);
        const base = await idb.get<Uint8Array>(RECOVERY_BASE_KEY);
        return ok<Recovery | null>({ ...record, ...(base ? { base } : {}) });
      } catch {
        return ok(null);
      }
    },
    async clearRecovery() {
      await idb.delete(RECOVERY_KEY).catch(() => undefined);
      await idb.delete(RECOVERY_BASE_KEY).catch(() => undefined);
      return ok(null);
    },
    setDocumentState(state) {
      dirty = state.dirty;
      document.title = `${state.dirty ? '• ' : ''}${state.title ? `${state.title} — ` : ''}Jiaodui`;
      return Promise.resolve(ok(null));
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => void set.delete(listener);
    },
  };
}
