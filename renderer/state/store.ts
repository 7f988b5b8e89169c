/**
 * The app state and a minimal store (no framework): one immutable state object, `setState` with an updater,
 * and `useApp(selector)` over `useSyncExternalStore`, so a component re-renders only when its slice changes.
 * Document changes go through the editor state (shared/edit), which owns undo/redo.
 */
import { useSyncExternalStore } from 'react';
import { createDoc, createEditor, type EditorState } from '../../shared/edit';
import { emptyTranscript, type SourceInfo } from '../../shared/model/transcript';
import type { Diagnostic } from '../../shared/model/diagnostics';
import type { FlagKind } from '../../shared/model/flag';
import type { AppInfo, AudioRef, Recovery, Settings, UiLocale } from '../../shared/ipc';
import { DEFAULT_SETTINGS } from '../../shared/ipc';

export interface Selection {
  flagId: string | null;
  segmentId: string | null;
}

export type View = 'review' | 'diff' | 'bilingual' | 'glossary';
export type DialogName = 'export' | 'shortcuts' | 'about' | null;

export interface Filters {
  kinds: readonly FlagKind[];
  ruleId: string | null;
  minConfidence: number;
  showDecided: boolean;
  onlyFlagged: boolean;
}

export interface Task {
  id: number;
  label: string;
  done: number;
  total: number;
}

export interface AppState {
  editor: EditorState<Selection>;
  /** Whether a document is open (the start screen shows otherwise). */
  loaded: boolean;
  title: string;
  source: SourceInfo | null;
  projectPath: string | null;
  diagnostics: Diagnostic[];
  audio: AudioRef | null;
  /** The project names an audio file that is not open (web mode, or moved): the user is asked to pick it. */
  audioMissing: { path: string; name: string } | null;
  /** Peaks or timing under way for the open audio (progress from the host's `audio-progress` events). */
  audioTask: { kind: 'peaks' | 'timing'; fraction: number } | null;
  view: View;
  filters: Filters;
  locale: UiLocale;
  settings: Settings;
  info: AppInfo | null;
  task: Task | null;
  dialog: DialogName;
  findOpen: boolean;
  recovery: Recovery | null;
  notice: { text: string; error?: boolean } | null;
  /** Segment being edited inline. */
  editing: string | null;
}

export const NO_SELECTION: Selection = { flagId: null, segmentId: null };

export function initialState(): AppState {
  return {
    editor: createEditor(createDoc(emptyTranscript()), NO_SELECTION),
    loaded: false,
    title: '',
    source: null,
    projectPath: null,
    diagnostics: [],
    audio: null,
    audioMissing: null,
    audioTask: null,
    view: 'review',
    filters: { kinds: [], ruleId: null, minConfidence: 0, showDecided: true, onlyFlagged: false },
    locale: 'en',
    settings: DEFAULT_SETTINGS,
    info: null,
    task: null,
    dialog: null,
    findOpen: false,
    recovery: null,
    notice: null,
    editing: null,
  };
}

type Listener = () => void;

let state: AppState = initialState();
const listeners = new Set<Listener>();

export function getState(): AppState {
  return state;
}

export function setState(update: Partial<AppState> | ((s: AppState) => Partial<AppState>)): void {
  const patch = typeof update === 'function' ? update(state) : update;
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useApp<T>(selector: (s: AppState) => T): T {
  return useSyncExternalStore(subscribe, () => selector(state), () => selector(state));
}

/** Shortcut for the document. */
export function useDoc() {
  return useApp((s) => s.editor.doc);
}
