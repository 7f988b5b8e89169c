import { describe, expect, it } from 'vitest';
import { splitUnits } from '../../shared/timing/units';

describe('splitUnits', () => {
  it('cuts after sentence ends and covers the text without gaps', () => {
    const text = '各位嘉宾，女士们先生们。欢迎各位莅临论坛！Thank you. Next one?';
    const units = splitUnits(text);
    expect(units.map((u) => u.text)).toEqual(['各位嘉宾，女士们先生们。', '欢迎各位莅临论坛！', 'Thank you. ', 'Next one?']);
    expect(units.map((u) => text.slice(u.start, u.end))).toEqual(units.map((u) => u.text));
    expect(units[units.length - 1]!.end).toBe(text.length);
  });

  it('cuts a long sentence again at clause marks', () => {
    const text = '因此，就特别需要加强国与国之间另外不同领域之间人工智能治理沟通与合作，在这样的背景下，我们齐聚世界人工智能大会组织这样一场论坛，专门研讨人工智能的治理挑战。';
    const units = splitUnits(text, 40);
    expect(units.length).toBeGreaterThan(1);
    expect(units.map((u) => u.text).join('')).toBe(text);
  });

  it('gives nothing for blank text', () => {
    expect(splitUnits('  ')).toEqual([]);
  });
});
