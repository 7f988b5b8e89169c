import { describe, expect, it } from 'vitest';
import { acceptAllOfKind, createEditor, Decisions, perform, undo } from '../../shared/edit';
import { sampleDoc } from './fixtures';

describe('Decisions (persistent map)', () => {
  it('returns a new map and leaves the old one unchanged', () => {
    const a = Decisions.from({ x: 'accepted' });
    const b = a.with([['y', 'rejected'], ['x', undefined]]);
    expect([a.get('x'), a.get('y'), a.size]).toEqual(['accepted', undefined, 1]);
    expect([b.get('x'), b.get('y'), b.size]).toEqual([undefined, 'rejected', 1]);
  });

  it('counts each id once however often it is set', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `zh.filler@s${i}:0-1`);
    const d = Decisions.EMPTY.with(ids.map((id) => [id, 'accepted'] as const)).with(ids.slice(0, 10).map((id) => [id, 'rejected'] as const));
    expect(d.size).toBe(5000);
    expect(Object.values(d.toRecord()).filter((v) => v === 'rejected')).toHaveLength(10);
    expect(d.pick([{ id: ids[0]! }, { id: 'nope' }])).toEqual({ [ids[0]!]: 'rejected' });
  });

  it('undoes a bulk accept back to the very same decisions', () => {
    const doc = sampleDoc();
    const before = createEditor(doc, null);
    const after = perform(before, acceptAllOfKind(doc, 'filler'));
    expect(after.doc.decisions.size).toBe(3);
    expect(before.doc.decisions.size).toBe(0);
    expect(undo(after).doc.decisions.size).toBe(0);
  });
});
