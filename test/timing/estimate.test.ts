import { describe, expect, it } from 'vitest';
import type { Segment } from '../../shared/model/segment';
import { estimateTimes } from '../../shared/timing/estimate';
import { speakingDurationMs } from '../../shared/timing/reading-speed';

const seg = (id: string, raw: string, start?: number, end?: number): Segment => ({ id, sourceLine: 1, lang: 'zh', raw, start, end });

describe('estimateTimes', () => {
  it('fills untimed segments one after another from zero', () => {
    const { segments, estimated } = estimateTimes([seg('a', '各位嘉宾，女士们先生们。'), seg('b', '欢迎各位莅临世界人工智能大会。')]);
    expect(estimated).toBe(2);
    const [a, b] = segments;
    expect(a!.start).toBe(0);
    expect(a!.end).toBe(speakingDurationMs('各位嘉宾，女士们先生们。'));
    expect(b!.start!).toBeGreaterThan(a!.end!);
    expect(b!.end! - b!.start!).toBe(speakingDurationMs('欢迎各位莅临世界人工智能大会。'));
  });

  it('leaves timed segments untouched and places untimed ones after the previous end', () => {
    const input = [seg('a', '第一句。', 10_000, 12_000), seg('b', 'Second sentence here.')];
    const { segments, estimated } = estimateTimes(input);
    expect(estimated).toBe(1);
    expect(segments[0]).toEqual(input[0]);
    expect(segments[1]!.start!).toBeGreaterThanOrEqual(12_000);
    expect(input[1]!.start).toBeUndefined();
  });

  it('squeezes a run into the gap before the next timed segment instead of overlapping it', () => {
    const long = '人工智能的治理发展已经走到了关键的十字路口，尤其是生成式人工智能所带来的挑战是前所未有的。';
    const { segments } = estimateTimes([seg('a', '开场。', 0, 1000), seg('b', long), seg('c', long), seg('d', '结束。', 6000, 7000)]);
    expect(segments[2]!.end!).toBeLessThanOrEqual(6000);
    expect(segments[1]!.start!).toBeGreaterThanOrEqual(1000);
    expect(segments[2]!.start!).toBeGreaterThan(segments[1]!.end!);
  });

  it('reads English by words: a longer sentence takes longer', () => {
    expect(speakingDurationMs('This is a much longer sentence with many more words in it.')).toBeGreaterThan(speakingDurationMs('Short one.'));
  });
});
