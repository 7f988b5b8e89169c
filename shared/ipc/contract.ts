/**
 * The one typed host contract between the renderer and whatever hosts it (VS Code's habit: one interface per
 * service is the whole IPC surface). The Electron main process implements `HostApi` (electron/main/host-handlers.ts),
 * the preload builds `window.host` from `HOST_METHODS` and nothing else, and the web build implements the same
 * interface with browser APIs (renderer/host/web-host.ts), so the whole UI runs in plain Chromium.
 *
 * IPC carries files and settings only; parsing, detection, alignment and export run from shared/ in the renderer's
 * worker. Every method resolves to a `Result` and never rejects across the boundary: errors are values with a stable
 * `code` the UI can translate.
 */
import type { Peaks } from '../timing/peaks';

/** A value or an error; never an exception across IPC. */
export type Result<T> = { ok: true; value: T } | { ok: false; code: HostErrorCode; message: string };

/** Stable error codes a host may return. */
export type HostErrorCode =
  | 'invalid-argument'
  | 'forbidden-sender'
  | 'not-allowed'
  | 'not-found'
  | 'io-error'
  | 'too-large'
  | 'unknown-method'
  | 'internal';

/** What a file dialog is for; decides its filters and which paths may later be written. */
export type FileKind = 'transcript' | 'project' | 'glossary' | 'reference' | 'audio';

export const FILE_KINDS: readonly FileKind[] = ['transcript', 'project', 'glossary', 'reference', 'audio'];

/** A file the user chose (dialog, recent list, drop, OS file association). */
export interface OpenedFile {
  /** Absolute path in Electron; the file name in the browser. */
  path: string;
  name: string;
  kind: FileKind;
  bytes: Uint8Array;
}

/** An audio file: never read into memory, only located (the waveform streams it). */
export interface AudioRef {
  path: string;
  name: string;
  /** A URL the renderer's media element can play (a custom protocol in Electron, an object URL in the browser). */
  url: string;
}

/**
 * Waveform peaks of an audio file (shared/timing `Peaks`): min/max pairs, signed 8-bit, and the mean energy in dB
 * of each block, which speech detection reads instead of decoding again.
 */
export type AudioPeaks = Peaks;

export interface PeaksLoad {
  peaks: AudioPeaks;
  /** True when read from the cache (`.jiaodui-cache/` beside the project or the audio). */
  cached: boolean;
  /** True when `windowPeaks` can give more detail for a window (deep zoom). */
  windowPeaks: boolean;
}

/** What timing needs of a segment: its text and language, and its times when it has them. */
export interface TimingSegment {
  raw: string;
  lang: 'zh' | 'en' | 'mixed';
  start?: number;
  end?: number;
}

export interface SegmentTime {
  start: number;
  end: number;
  /** 0..1; 0.3 when the text was only shared out over the detected speech by length. */
  confidence: number;
}

export interface TimingResult {
  /** One entry per segment sent: its new times, or null when it already had times (left as it was). */
  times: (SegmentTime | null)[];
  /** `alignment`: forced alignment against synthesised speech; `length`: shared over detected speech by length. */
  method: 'alignment' | 'length';
  durationMs: number;
}

/** Progress of a long audio operation, pushed while it runs. */
export interface AudioProgress {
  path: string;
  stage: 'decode' | 'peaks' | 'synthesis' | 'mfcc' | 'alignment' | 'timing';
  /** 0..1 */
  fraction: number;
}

/** Largest number of segments one `autoTime` call may carry. */
export const MAX_TIMING_SEGMENTS = 500_000;

export type SaveKind = 'project' | 'export' | 'glossary';

export const SAVE_KINDS: readonly SaveKind[] = ['project', 'export', 'glossary'];

export interface SaveRequest {
  kind: SaveKind;
  /** File name proposed in the dialog, e.g. `talk.srt`. */
  suggestedName: string;
  content: string;
  /** Write here without asking (Save, not Save as); must be a path this session saved to or opened as a project. */
  path?: string;
}

export interface Saved {
  path: string;
  name: string;
}

export type UiLocale = 'en' | 'zh';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export interface Settings {
  /** null: follow the OS locale. */
  locale: UiLocale | null;
  /** True after the first run opened the bundled sample. */
  sampleShown: boolean;
  autosaveSeconds: number;
  windowBounds: WindowBounds | null;
  zoom: number;
}

export const DEFAULT_SETTINGS: Settings = {
  locale: null,
  sampleShown: false,
  autosaveSeconds: 5,
  windowBounds: null,
  zoom: 1,
};

export interface RecentFile {
  path: string;
  name: string;
  kind: FileKind;
  openedAt: string;
}

export interface Recovery {
  /** The recovery record the renderer wrote (small: decisions, edits and settings over the base). */
  content: string;
  savedAt: string;
  /** The source the record applies to (the opened file's bytes), written once per document. */
  base?: Uint8Array;
}

export interface AppInfo {
  name: string;
  version: string;
  mode: 'electron' | 'web';
  platform: string;
  /** The OS (Electron) or browser locale, e.g. `zh-CN`. */
  locale: string;
}

export interface Sample {
  name: string;
  bytes: Uint8Array;
}

/** Commands the host sends to the renderer (menus, shortcuts handled by the OS menu). */
export type MenuCommand =
  | 'open-transcript' | 'open-audio' | 'open-glossary' | 'add-reference' | 'save' | 'save-as' | 'close'
  | 'export' | 'undo' | 'redo' | 'find' | 'replace' | 'accept' | 'reject' | 'accept-all-kind'
  | 'view-review' | 'view-diff' | 'view-bilingual' | 'view-glossary' | 'about' | 'shortcuts';

export const MENU_COMMANDS: readonly MenuCommand[] = [
  'open-transcript', 'open-audio', 'open-glossary', 'add-reference', 'save', 'save-as', 'close',
  'export', 'undo', 'redo', 'find', 'replace', 'accept', 'reject', 'accept-all-kind',
  'view-review', 'view-diff', 'view-bilingual', 'view-glossary', 'about', 'shortcuts',
];

/** Events pushed from the host. */
export interface HostEvents {
  menu: MenuCommand;
  /** A file arrived from the OS (second instance, file association, open-recent menu). */
  'open-file': OpenedFile;
  /** The window is closing with unsaved work and the user chose to save first. */
  'save-before-close': null;
  /** Progress of `loadPeaks` / `autoTime`. */
  'audio-progress': AudioProgress;
}

export type HostEventName = keyof HostEvents;

export const HOST_EVENTS: readonly HostEventName[] = ['menu', 'open-file', 'save-before-close', 'audio-progress'];

/**
 * The host's methods. Each returns a Promise of a Result; `null` values mean "the user cancelled".
 */
export interface HostApi {
  appInfo(): Promise<Result<AppInfo>>;
  /** Shows an open dialog for this kind of file and reads it. */
  openFile(kind: FileKind): Promise<Result<OpenedFile | null>>;
  /** Chooses an audio file without reading it. */
  openAudio(): Promise<Result<AudioRef | null>>;
  /**
   * Finds a project's audio again (Electron): at `path`, else a file of the same name beside the project
   * (`projectPath`, which must be a project opened or saved in this session). `not-found` when it is in neither
   * place; the browser cannot reach a path and always answers `not-found` (the user picks the file again).
   */
  locateAudio(path: string, projectPath: string | null): Promise<Result<AudioRef>>;
  /**
   * Waveform peaks (100 a second) of an opened audio, with `audio-progress` events while they are computed.
   * Electron streams the file through ffmpeg in the main process and caches the result; the browser decodes the
   * chosen file with Web Audio (the whole file in memory: see docs/audio.md for the limit).
   */
  loadPeaks(path: string): Promise<Result<PeaksLoad>>;
  /**
   * Detailed peaks of a window, for deep zoom; null when the host cannot (no cached WAV yet in Electron; in the
   * browser, a recording longer than 20 minutes, whose decoded audio is not kept).
   */
  windowPeaks(path: string, startMs: number, endMs: number, peaksPerSecond: number): Promise<Result<AudioPeaks | null>>;
  /** Times the untimed segments against the audio (progress as `audio-progress` events). */
  autoTime(path: string, segments: TimingSegment[]): Promise<Result<TimingResult>>;
  /** Reads a file from the recent list again. */
  openRecent(path: string): Promise<Result<OpenedFile>>;
  recentFiles(): Promise<Result<RecentFile[]>>;
  clearRecent(): Promise<Result<null>>;
  /** Saves text (asking where unless `path` is given); never overwrites an opened source transcript. */
  saveFile(request: SaveRequest): Promise<Result<Saved | null>>;
  loadSample(): Promise<Result<Sample>>;
  getSettings(): Promise<Result<Settings>>;
  setSettings(patch: Partial<Settings>): Promise<Result<Settings>>;
  writeRecovery(content: string): Promise<Result<null>>;
  /** Stores the bytes of the document's source beside the recovery record (once per opened document). */
  writeRecoveryBase(bytes: Uint8Array): Promise<Result<null>>;
  readRecovery(): Promise<Result<Recovery | null>>;
  clearRecovery(): Promise<Result<null>>;
  /** Tells the host whether there is unsaved work (window title marker, confirm on close). */
  setDocumentState(state: { title: string; dirty: boolean }): Promise<Result<null>>;
  /** Subscribes to a host event; returns the unsubscribe function. Not an IPC method itself. */
  on<E extends HostEventName>(event: E, listener: (payload: HostEvents[E]) => void): () => void;
}

/** The invokable methods (everything but `on`). */
export type HostMethod = Exclude<keyof HostApi, 'on'>;

/** The method list the preload exposes, in a fixed order; nothing else crosses the bridge. */
export const HOST_METHODS = [
  'appInfo', 'openFile', 'openAudio', 'locateAudio', 'loadPeaks', 'windowPeaks', 'autoTime', 'openRecent', 'recentFiles', 'clearRecent', 'saveFile', 'loadSample',
  'getSettings', 'setSettings', 'writeRecovery', 'writeRecoveryBase', 'readRecovery', 'clearRecovery', 'setDocumentState',
] as const satisfies readonly HostMethod[];

/** Compile-time check that HOST_METHODS lists every method. */
type Missing = Exclude<HostMethod, (typeof HOST_METHODS)[number]>;
const _complete: Missing extends never ? true : Missing = true;
void _complete;

/** The IPC channel of a method or event. */
export function channelOf(name: HostMethod | HostEventName): string {
  return `jiaodui:${name}`;
}

/** Arguments and results by method, for implementers. */
export type HostArgs<M extends HostMethod> = Parameters<HostApi[M]>;
export type HostValue<M extends HostMethod> = Awaited<ReturnType<HostApi[M]>> extends Result<infer T> ? T : never;

/** Helpers for building results. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: HostErrorCode, message: string): Result<T> {
  return { ok: false, code, message };
}

/** Largest file the host reads into memory (transcripts are text; 100× the seed is 15 MB). */
export const MAX_READ_BYTES = 200 * 1024 * 1024;
/** Largest text a renderer may ask the host to write. */
export const MAX_WRITE_CHARS = 256 * 1024 * 1024;
