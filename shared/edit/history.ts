/**
 * Undo history with named steps (tldraw/Excalidraw's habits): a whole operation is one step ("Undo accept 214
 * filler flags"); recording a new step clears redo, but a selection change is not a step and never does; a batch
 * collects several operations (e.g. a drag, a multi-part edit) into one step when it closes.
 *
 * `EditorState` bundles the document, its history, the selection and the save point. Everything is immutable;
 * each function returns a new state. Dirty = the top of the undo stack is not the step that was current at the
 * last save, so undoing back to the save point makes the document clean again.
 */
import { applyStep, mergeSteps, type EditDoc, type Step, type StepLabel } from './document';

export interface History {
  readonly past: readonly Step[];
  readonly future: readonly Step[];
  /** Steps kept; older ones are dropped. */
  readonly limit: number;
}

export function createHistory(limit = 1000): History {
  return { past: [], future: [], limit };
}

export interface EditorState<Selection = unknown> {
  readonly doc: EditDoc;
  readonly history: History;
  readonly selection: Selection;
  /** The step on top of `past` when last saved; null = saved with empty history. `undefined` = never saved. */
  readonly savedAt: Step | null | undefined;
  /** An open batch: steps performed since `beginBatch`, recorded as one when it ends. */
  readonly batch: { label: StepLabel; steps: Step[] } | null;
}

export function createEditor<S>(doc: EditDoc, selection: S, limit?: number): EditorState<S> {
  return { doc, history: createHistory(limit), selection, savedAt: null, batch: null };
}

function record(history: History, step: Step): History {
  const past = [...history.past, step];
  if (past.length > history.limit) past.splice(0, past.length - history.limit);
  return { ...history, past, future: [] };
}

/** Performs a step: applies it and records it (or adds it to the open batch). A null or empty step is a no-op. */
export function perform<S>(state: EditorState<S>, step: Step | null): EditorState<S> {
  if (!step || step.changes.length === 0) return state;
  const doc = applyStep(state.doc, step, 'forward');
  if (state.batch) return { ...state, doc, batch: { ...state.batch, steps: [...state.batch.steps, step] } };
  return { ...state, doc, history: record(state.history, step) };
}

/** Opens a batch; steps performed until `endBatch` become one undo step with this label. */
export function beginBatch<S>(state: EditorState<S>, label: StepLabel): EditorState<S> {
  if (state.batch) throw new Error('beginBatch: a batch is already open; end it first');
  return { ...state, batch: { label, steps: [] } };
}

/** Closes the open batch, recording its steps as one. */
export function endBatch<S>(state: EditorState<S>): EditorState<S> {
  if (!state.batch) throw new Error('endBatch: no batch is open');
  const { label, steps } = state.batch;
  if (steps.length === 0) return { ...state, batch: null };
  return { ...state, batch: null, history: record(state.history, mergeSteps(label, steps)) };
}

/** Changes the selection only; history (and redo) is untouched. */
export function select<S>(state: EditorState<S>, selection: S): EditorState<S> {
  return { ...state, selection };
}

export function canUndo(state: EditorState<unknown>): boolean {
  return state.history.past.length > 0 && !state.batch;
}

export function canRedo(state: EditorState<unknown>): boolean {
  return state.history.future.length > 0 && !state.batch;
}

/** The step undo would revert, for its label. */
export function nextUndo(state: EditorState<unknown>): Step | undefined {
  return state.history.past[state.history.past.length - 1];
}

/** The step redo would re-apply. */
export function nextRedo(state: EditorState<unknown>): Step | undefined {
  return state.history.future[state.history.future.length - 1];
}

export function undo<S>(state: EditorState<S>): EditorState<S> {
  const step = nextUndo(state);
  if (!step || state.batch) return state;
  const { past, future } = state.history;
  return {
    ...state,
    doc: applyStep(state.doc, step, 'backward'),
    history: { ...state.history, past: past.slice(0, -1), future: [...future, step] },
  };
}

export function redo<S>(state: EditorState<S>): EditorState<S> {
  const step = nextRedo(state);
  if (!step || state.batch) return state;
  const { past, future } = state.history;
  return {
    ...state,
    doc: applyStep(state.doc, step, 'forward'),
    history: { ...state.history, past: [...past, step], future: future.slice(0, -1) },
  };
}

/** Marks the current state as saved. */
export function markSaved<S>(state: EditorState<S>): EditorState<S> {
  return { ...state, savedAt: nextUndo(state) ?? null };
}

/** True when the document differs from the last save (or was never saved and has changes). */
export function isDirty(state: EditorState<unknown>): boolean {
  return (nextUndo(state) ?? null) !== state.savedAt || state.batch !== null && state.batch.steps.length > 0;
}

/** Replaces the document wholesale (open a file): a fresh history, clean. */
export function resetEditor<S>(state: EditorState<S>, doc: EditDoc, selection: S): EditorState<S> {
  return { doc, history: createHistory(state.history.limit), selection, savedAt: null, batch: null };
}
