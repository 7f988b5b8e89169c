import { describe, expect, it } from 'vitest';
import {
  acceptAllOfKind, acceptAllOfRule, beginBatch, canRedo, cleanText, createEditor, decideFlags, describeStep,
  editSegment, endBatch, isDirty, markSaved, nextRedo, nextUndo, perform, redo, select, undo,
} from '../../shared/edit';
import { sampleDoc } from './fixtures';

const text = (state: { doc: ReturnType<typeof sampleDoc> }, i: number) => cleanText(state.doc, state.doc.transcript.segments[i]!);

describe('history', () => {
  it('undoes "accept all fillers" as one named step', () => {
    let state = createEditor(sampleDoc(), null);
    state = perform(state, acceptAllOfKind(state.doc, 'filler'));
    expect(text(state, 0)).toBe('我们的治理框架非常重要');
    expect(text(state, 2)).toBe('so the the model works');
    expect(describeStep(nextUndo(state)!.label)).toBe('accept 3 filler flags');
    state = undo(state);
    expect(text(state, 0)).toBe('嗯，我们的治理框架啊非常重要');
    expect(text(state, 2)).toBe('um so the the model works');
    expect(state.doc.decisions.size).toBe(0);
  });

  it('names the rule when accepting all of one rule', () => {
    let state = createEditor(sampleDoc(), null);
    state = perform(state, acceptAllOfRule(state.doc, 'zh.glossary'));
    expect(describeStep(nextUndo(state)!.label)).toBe('accept 1 zh.glossary flag');
    expect(text(state, 1)).toBe('这个这个国际治理研究院');
  });

  it('keeps redo when only the selection changes', () => {
    let state = createEditor(sampleDoc(), { flagId: null as string | null });
    const flag = state.doc.flags[0]!;
    state = perform(state, decideFlags(state.doc, [flag], 'rejected'));
    state = undo(state);
    expect(canRedo(state)).toBe(true);
    state = select(state, { flagId: flag.id });
    expect(canRedo(state)).toBe(true);
    state = redo(state);
    expect(state.doc.decisions.get(flag.id)).toBe('rejected');
  });

  it('clears redo when a new change is recorded', () => {
    let state = createEditor(sampleDoc(), null);
    const [a, b] = state.doc.flags;
    state = undo(perform(state, decideFlags(state.doc, [a!], 'accepted')));
    state = perform(state, decideFlags(state.doc, [b!], 'accepted'));
    expect(canRedo(state)).toBe(false);
    expect(nextRedo(state)).toBeUndefined();
  });

  it('skips flags already in the requested state, and records nothing when none change', () => {
    let state = createEditor(sampleDoc(), null);
    state = perform(state, acceptAllOfKind(state.doc, 'filler'));
    const before = state;
    state = perform(state, acceptAllOfKind(state.doc, 'filler'));
    expect(state).toBe(before);
    expect(state.history.past).toHaveLength(1);
  });

  it('keeps a rejected flag rejected when accepting all of its kind (only pending flags)', () => {
    let state = createEditor(sampleDoc(), null);
    const um = state.doc.flags.find((f) => f.ruleId === 'en.filler')!;
    state = perform(state, decideFlags(state.doc, [um], 'rejected'));
    state = perform(state, acceptAllOfKind(state.doc, 'filler'));
    expect(state.doc.decisions.get(um.id)).toBe('rejected');
    expect(describeStep(nextUndo(state)!.label)).toBe('accept 2 filler flags');
  });

  it('batches several operations into one undo step', () => {
    let state = createEditor(sampleDoc(), null);
    state = beginBatch(state, { action: 'batch', text: 'clean segment 2' });
    state = perform(state, acceptAllOfKind(state.doc, 'repetition'));
    state = perform(state, acceptAllOfRule(state.doc, 'zh.glossary'));
    state = endBatch(state);
    expect(state.history.past).toHaveLength(1);
    expect(text(state, 1)).toBe('这个国际治理研究院');
    state = undo(state);
    expect(text(state, 1)).toBe('这个这个国际智理研究院');
  });

  it('refuses to open a batch inside a batch', () => {
    const state = beginBatch(createEditor(sampleDoc(), null), { action: 'batch' });
    expect(() => beginBatch(state, { action: 'batch' })).toThrow(/already open/);
  });

  it('is clean again after undoing back to the save point', () => {
    let state = markSaved(createEditor(sampleDoc(), null));
    expect(isDirty(state)).toBe(false);
    state = perform(state, editSegment(state.doc, 's1', '我们的治理框架非常重要。'));
    expect(isDirty(state)).toBe(true);
    state = undo(state);
    expect(isDirty(state)).toBe(false);
  });

  it('drops the oldest steps beyond the limit', () => {
    let state = createEditor(sampleDoc(), null, 2);
    for (const f of state.doc.flags.slice(0, 3)) state = perform(state, decideFlags(state.doc, [f], 'accepted'));
    expect(state.history.past).toHaveLength(2);
  });
});
