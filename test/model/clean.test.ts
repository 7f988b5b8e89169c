import { describe, expect, it } from 'vitest';
import { applyFlags, chooseNonOverlapping, deriveClean } from '../../shared/model/clean';
import { flagId, type Flag } from '../../shared/model/flag';

function flag(start: number, end: number, suggestion: string, confidence: number, ruleId = 'r'): Flag {
  return { id: flagId(ruleId, 's1', start, end), segmentId: 's1', start, end, kind: 'filler', ruleId, suggestion, confidence, reason: '' };
}

describe('deriving clean text', () => {
  const raw = '呃，我我觉得智理很重要。';

  it('applies chosen flags exactly, right to left', () => {
    expect(applyFlags(raw, [flag(0, 2, '', 0.95), flag(2, 3, '', 0.9), flag(6, 8, '治理', 0.8)])).toBe('我觉得治理很重要。');
  });

  it('keeps the more confident of two overlapping proposals', () => {
    const chosen = chooseNonOverlapping([flag(2, 4, '我', 0.9, 'a'), flag(3, 5, '', 0.5, 'b'), flag(0, 2, '', 0.95)]);
    expect(chosen.map((f) => f.ruleId)).toEqual(['r', 'a']);
  });

  it('applies pending flags by level, and decisions over levels', () => {
    const flags = [flag(0, 2, '', 0.95), flag(6, 8, '治理', 0.5)];
    expect(deriveClean(raw, flags, { level: 'standard' })).toBe('我我觉得智理很重要。');
    expect(deriveClean(raw, flags, { level: 'thorough' })).toBe('我我觉得治理很重要。');
    expect(deriveClean(raw, flags, { level: 'standard', decisions: { [flags[0]!.id]: 'rejected', [flags[1]!.id]: 'accepted' } })).toBe('呃，我我觉得治理很重要。');
  });

  it('lets a manual edit win over flags', () => {
    expect(deriveClean(raw, [flag(0, 2, '', 0.95)], { level: 'standard' }, '手工编辑。')).toBe('手工编辑。');
  });

  it('treats two insertions at one point as a conflict', () => {
    const chosen = chooseNonOverlapping([flag(3, 3, ' ', 0.6, 'a'), flag(3, 3, '-', 0.7, 'b')]);
    expect(chosen.map((f) => f.ruleId)).toEqual(['b']);
  });
});
