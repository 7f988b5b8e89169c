/**
 * Document actions: each builds a step with shared/edit and performs it, or moves the selection (which never
 * touches history). Keyboard, menus, buttons and tests all call these.
 */
import {
  acceptAllOfKind, acceptAllOfRule, decideFlags, editSegment, nextRedo, nextUndo, perform, redo, select, setLevel,
  undo, type Step,
} from '../../shared/edit';
import type { Decision } from '../../shared/model/flag';
import type { Level } from '../../shared/model/levels';
import { findFlag, segmentPositions, visibleFlags } from './derived';
import { getState, setState, type Selection, type View } from './store';

export function performStep(step: Step | null): void {
  if (!step) return;
  setState((s) => ({ editor: perform(s.editor, step) }));
}

export function undoAction(): void {
  if (!nextUndo(getState().editor)) return;
  setState((s) => ({ editor: undo(s.editor), editing: null }));
}

export function redoAction(): void {
  if (!nextRedo(getState().editor)) return;
  setState((s) => ({ editor: redo(s.editor), editing: null }));
}

export function selectFlag(flagId: string | null): void {
  const s = getState();
  const flag = flagId ? findFlag(s.editor.doc.flags, flagId) : undefined;
  const selection: Selection = { flagId: flag?.id ?? null, segmentId: flag?.segmentId ?? s.editor.selection.segmentId };
  setState({ editor: select(s.editor, selection) });
}

export function selectSegment(segmentId: string): void {
  const s = getState();
  setState({ editor: select(s.editor, { flagId: null, segmentId }) });
}

/** J/K: the next or previous flag the filters show, relative to the selection. */
export function moveFlag(direction: 1 | -1): void {
  const s = getState();
  const list = visibleFlags(s.editor.doc, s.filters);
  if (list.length === 0) return;
  const current = s.editor.selection.flagId;
  let index = current ? list.findIndex((f) => f.id === current) : -1;
  if (index < 0 && s.editor.selection.segmentId) {
    // start from the selected segment
    const positions = segmentPositions(s.editor.doc.transcript.segments, null);
    const here = positions.get(s.editor.selection.segmentId) ?? 0;
    index = list.findIndex((f) => (positions.get(f.segmentId) ?? 0) >= here) - (direction === 1 ? 1 : 0);
  }
  const next = index < 0 ? (direction === 1 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + direction));
  selectFlag(list[next]!.id);
}

/** Accepts or rejects the selected flag, then moves on to the next one (Descript's rhythm). */
export function decideSelected(decision: Decision | undefined): void {
  const s = getState();
  const flag = s.editor.selection.flagId ? findFlag(s.editor.doc.flags, s.editor.selection.flagId) : undefined;
  if (!flag) return;
  performStep(decideFlags(s.editor.doc, [flag], decision));
  if (decision) moveFlag(1);
}

export function decideFlag(flagId: string, decision: Decision | undefined): void {
  const s = getState();
  const flag = findFlag(s.editor.doc.flags, flagId);
  if (flag) performStep(decideFlags(s.editor.doc, [flag], decision));
}

/** Shift+A: every pending flag of the selected flag's kind. */
export function acceptAllOfSelectedKind(): void {
  const s = getState();
  const flag = s.editor.selection.flagId ? findFlag(s.editor.doc.flags, s.editor.selection.flagId) : undefined;
  if (flag) performStep(acceptAllOfKind(s.editor.doc, flag.kind));
}

export function acceptRule(ruleId: string): void {
  performStep(acceptAllOfRule(getState().editor.doc, ruleId));
}

export function commitEdit(segmentId: string, text: string): void {
  performStep(editSegment(getState().editor.doc, segmentId, text));
  setState({ editing: null });
}

export function changeLevel(level: Level): void {
  performStep(setLevel(getState().editor.doc, level));
}

export function setView(view: View): void {
  setState({ view, editing: null });
}

export function notify(text: string, error = false): void {
  setState({ notice: { text, error } });
}
