import { describe, expect, it } from 'vitest';
import { contentWords, keyPoints, MAX_RANKED, sentencesOf } from '../../shared/summary/keypoints';
import { buildUnits } from '../../shared/summary/units';
import { fromLines } from './helpers';

describe('key points', () => {
  it('segments a long unpunctuated text in pieces and keeps every word of it', () => {
    const sentence = '人工智能安全治理需要国际合作';
    const long = sentence.repeat(200); // 2,800 characters with no punctuation at all
    const words = contentWords(long);
    expect(words.length).toBeGreaterThan(400);
    expect(new Set(words)).toEqual(new Set(contentWords(sentence)));
    // a surrogate pair at a piece boundary is never split
    expect(contentWords('𠮷'.repeat(300)).join('')).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
  });

  it('ranks a very long section on a bounded graph and returns 3-5 points in spoken order', () => {
    const topics = ['数据安全', '可证明安全', '国际合作', '人才培养', '评测基准'];
    const lines = Array.from({ length: MAX_RANKED * 3 }, (_, i) => `第${i + 1}点，我们讨论${topics[i % 5]}和人工智能治理的关系，以及${topics[(i + 2) % 5]}在其中的作用。`);
    const t = fromLines(...lines);
    const sentences = sentencesOf(buildUnits(t, new Map(), {}));
    expect(sentences.length).toBe(MAX_RANKED * 3);
    const points = keyPoints(sentences, () => null);
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.length).toBeLessThanOrEqual(5);
    const order = points.map((p) => p.line);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const p of points) expect(lines).toContain(p.text);
  });
});
