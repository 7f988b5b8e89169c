import { describe, expect, it } from 'vitest';
import {
  alignmentOf, alignmentStep, cleanText, compileQuery, createEditor, decideFlags, editSegment, findAll,
  linkPairs, mergeWithNext, perform, replaceAll, replaceFlags, setLevel, splitPair, undo, unlinkPair,
  type AlignedPair,
} from '../../shared/edit';
import { sampleDoc } from './fixtures';

describe('document operations', () => {
  it('keeps a manual edit only when it differs from the derived clean text', () => {
    const doc = sampleDoc();
    expect(editSegment(doc, 's1', doc.transcript.segments[0]!.raw)).toBeNull();
    const step = editSegment(doc, 's1', '我们的治理框架非常重要。');
    expect(step?.changes).toEqual([{ type: 'edit', segmentId: 's1', before: undefined, after: '我们的治理框架非常重要。' }]);
  });

  it('keeps manual edits and decisions across re-detection', () => {
    let state = createEditor(sampleDoc(), null);
    const misrecognition = state.doc.flags[3]!;
    state = perform(state, decideFlags(state.doc, [misrecognition], 'accepted'));
    state = perform(state, editSegment(state.doc, 's3', 'So the model works.'));
    state = perform(state, replaceFlags(state.doc, state.doc.flags.map((f) => ({ ...f }))));
    expect(cleanText(state.doc, state.doc.transcript.segments[1]!)).toBe('这个这个国际治理研究院');
    expect(cleanText(state.doc, state.doc.transcript.segments[2]!)).toBe('So the model works.');
  });

  it('applies pending flags at or above the level', () => {
    let state = createEditor(sampleDoc(), null);
    state = perform(state, setLevel(state.doc, 'thorough'));
    expect(cleanText(state.doc, state.doc.transcript.segments[1]!)).toBe('这个国际治理研究院');
    state = undo(state);
    expect(state.doc.level).toBe('standard');
  });

  it('finds plain text literally and regex text as a pattern', () => {
    const doc = sampleDoc();
    const plain = compileQuery('治理.');
    expect(plain.ok && findAll(doc, plain.pattern)).toEqual([]);
    const regex = compileQuery('治理.', { regex: true });
    expect(regex.ok && findAll(doc, regex.pattern)).toEqual([{ segmentId: 's1', start: 5, end: 8 }]);
    expect(compileQuery('(', { regex: true }).ok).toBe(false);
  });

  it('replaces across segments as one step, with regex groups', () => {
    let state = createEditor(sampleDoc(), null);
    const q = compileQuery('(\\S+) works', { regex: true });
    if (!q.ok) throw new Error(q.message);
    state = perform(state, replaceAll(state.doc, q.pattern, '$1 runs'));
    expect(cleanText(state.doc, state.doc.transcript.segments[2]!)).toBe('um so the the model runs');
    expect(state.history.past).toHaveLength(1);
    state = undo(state);
    expect(state.doc.edits).toEqual({});
  });

  it('matches case-insensitively unless asked', () => {
    const doc = sampleDoc();
    const q = compileQuery('MODEL');
    expect(q.ok && findAll(doc, q.pattern)).toHaveLength(1);
    const cs = compileQuery('MODEL', { caseSensitive: true });
    expect(cs.ok && findAll(doc, cs.pattern)).toHaveLength(0);
  });
});

describe('alignment editing', () => {
  const s = (id: string, text: string) => ({ id, text });
  const pairs: AlignedPair[] = [
    { id: 'p1', zh: [s('z1', '你好。')], en: [s('e1', 'Hello.')], confidence: 0.9 },
    { id: 'p2', zh: [s('z2', '谢谢。')], en: [], confidence: 0.3 },
    { id: 'p3', zh: [], en: [s('e2', 'Thank you.')], confidence: 0.3 },
  ];

  it('links a Chinese-only pair with an English-only pair', () => {
    const next = linkPairs(pairs, 1, 2);
    expect(next).toHaveLength(2);
    expect(next[1]).toMatchObject({ zh: [{ id: 'z2' }], en: [{ id: 'e2' }], confidence: 1, manual: true });
  });

  it('unlinks, merges and splits without mutating the input', () => {
    const unlinked = unlinkPair(pairs, 0);
    expect(unlinked.map((p) => [p.zh.length, p.en.length])).toEqual([[1, 0], [0, 1], [1, 0], [0, 1]]);
    const merged = mergeWithNext(pairs, 0);
    expect(merged[0]!.zh.map((x) => x.id)).toEqual(['z1', 'z2']);
    const split = splitPair(merged, 0, 1, 1);
    expect(split.map((p) => p.zh.map((x) => x.id))).toEqual([['z1'], ['z2'], []]);
    expect(pairs[0]!.zh).toHaveLength(1);
    expect(() => splitPair(pairs, 0, 5, 0)).toThrow(/outside pair/);
  });

  it('undoes an alignment edit through the same history', () => {
    let state = createEditor({ ...sampleDoc(), extras: { alignment: pairs } }, null);
    state = perform(state, alignmentStep(state.doc, linkPairs(alignmentOf(state.doc), 1, 2), 'link'));
    expect(alignmentOf(state.doc)).toHaveLength(2);
    state = undo(state);
    expect(alignmentOf(state.doc)).toBe(pairs);
  });
});
