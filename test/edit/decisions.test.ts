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

describe('appendFlags', () => {
  it('indexes streamed flags by segment without re-indexing, keeping offset order', async () => {
    const { appendFlags, flagIndex } = await import('../../shared/edit');
    const doc = sampleDoc();
    const [a, b, c, d, e] = doc.flags;
    const first = [a!, c!];
    expect(flagIndex(first).get('s1')).toEqual([a]);
    const next = appendFlags(first, [b!, d!, e!]);
    expect(flagIndex(next).get('s1')).toEqual([a, b]);
    expect(flagIndex(next).get('s2')).toEqual([c, d]);
    expect(flagIndex(next).get('s3')).toEqual([e]);
    expect(next).toHaveLength(5);
  });
});

describe('flag counts (renderer/state/derived)', () => {
  it('updates by delta to exactly what a full count gives, through accept-all, a reject and undo', async () => {
    const { flagStats } = await import('../../renderer/state/derived');
    const { decideFlags } = await import('../../shared/edit');
    const fresh = (d: ReturnType<typeof sampleDoc>) => {
      // a different (equal) flags array forces a full count
      const s = flagStats([...d.flags], d.decisions);
      return { all: s.all, kinds: Object.fromEntries(s.byKind), rules: Object.fromEntries(s.byRule) };
    };
    let state = createEditor(sampleDoc(), null);
    flagStats(state.doc.flags, state.doc.decisions);
    const steps = [
      (s: typeof state) => perform(s, acceptAllOfKind(s.doc, 'filler')),
      (s: typeof state) => perform(s, decideFlags(s.doc, [s.doc.flags[2]!], 'rejected')),
      (s: typeof state) => undo(s),
    ];
    for (const step of steps) {
      state = step(state);
      const byDelta = flagStats(state.doc.flags, state.doc.decisions);
      const expected = fresh(state.doc);
      expect({ all: byDelta.all, kinds: Object.fromEntries(byDelta.byKind), rules: Object.fromEntries(byDelta.byRule) }).toEqual(expected);
    }
    expect(flagStats(state.doc.flags, state.doc.decisions).all).toMatchObject({ accepted: 3, rejected: 0, pending: 2 });
  });
});

describe('recovery record (renderer/state/recovery-record)', () => {
  it('stores decisions as one character per flag and restores the same decisions', async () => {
    const { decodeDecisions, encodeDecisions, flagsHash, recoveryRecord } = await import('../../renderer/state/recovery-record');
    const { decideFlags } = await import('../../shared/edit');
    let state = createEditor(sampleDoc(), null);
    state = perform(state, acceptAllOfKind(state.doc, 'filler'));
    state = perform(state, decideFlags(state.doc, [state.doc.flags[3]!], 'rejected'));
    expect(encodeDecisions(state.doc)).toBe('aa.ra');
    const { encodeDecisionsInSlices } = await import('../../renderer/state/recovery-record');
    let pauses = 0;
    expect(await encodeDecisionsInSlices(state.doc, () => Promise.resolve(void pauses++), 2)).toBe('aa.ra');
    expect(pauses).toBe(2);
    const record = recoveryRecord(state.doc, { name: 'x.txt' }, { title: 'x', projectPath: null });
    expect(record.flagHash).toBe(flagsHash([...state.doc.flags]));
    expect(decodeDecisions(state.doc.flags, record.decisions).toRecord()).toEqual(state.doc.decisions.toRecord());
  });

  it('gives a different hash when detection gives different flags', async () => {
    const { flagsHash } = await import('../../renderer/state/recovery-record');
    const flags = sampleDoc().flags;
    expect(flagsHash(flags.slice(1))).not.toBe(flagsHash([...flags]));
  });
});

describe('decisions in a batch step', () => {
  it('undoes a step that decided the same flag twice back to pending', async () => {
    const { beginBatch, endBatch, decideFlags } = await import('../../shared/edit');
    let state = createEditor(sampleDoc(), null);
    const f = state.doc.flags[0]!;
    state = beginBatch(state, { action: 'batch', text: 'twice' });
    state = perform(state, decideFlags(state.doc, [f], 'accepted'));
    state = perform(state, decideFlags(state.doc, [f], 'rejected'));
    state = endBatch(state);
    expect(state.doc.decisions.get(f.id)).toBe('rejected');
    state = undo(state);
    expect(state.doc.decisions.get(f.id)).toBeUndefined();
    expect(state.doc.decisions.size).toBe(0);
  });
});
