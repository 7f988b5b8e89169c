import { describe, expect, it } from 'vitest';
import { applyStep, createDoc, describeStep, type EditDoc } from '../../shared/edit';
import type { Segment } from '../../shared/model/segment';
import { computePeaks, peaksToJson } from '../../shared/timing/peaks';
import { retimeStep, segmentAt, segmentsIn, timedSegments, timedTranscript, timeIndex } from '../../renderer/state/timing';
import { peaksFromJson, timeByLength } from '../../renderer/host/web-audio';

const seg = (id: string, raw: string, start?: number, end?: number): Segment => ({ id, sourceLine: 1, lang: 'en', raw, ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) });

function doc(segments: Segment[]): EditDoc {
  return createDoc({ title: null, segments, markers: [], metadata: {} });
}

describe('segment times set in the app', () => {
  it('retimes as one named step that undo takes back, without touching the parsed transcript', () => {
    const d0 = doc([seg('a', 'one', 0, 1000), seg('b', 'two')]);
    const step = retimeStep(d0, [{ id: 'a', start: 200, end: 900 }, { id: 'b', start: 1000, end: 2500 }])!;
    expect(describeStep(step.label)).toBe('retime');
    expect(step.label).toMatchObject({ action: 'retime', count: 2 });
    const d1 = applyStep(d0, step, 'forward');
    expect(timedSegments(d1).map((s) => [s.start, s.end])).toEqual([[200, 900], [1000, 2500]]);
    expect(d1.transcript.segments[0]!.start).toBe(0);
    expect(timedTranscript(d1).segments[1]!.end).toBe(2500);
    const back = applyStep(d1, step, 'backward');
    expect(timedSegments(back).map((s) => s.start)).toEqual([0, undefined]);
  });

  it('records nothing when the times do not change, and orders a dragged-past start', () => {
    const d0 = doc([seg('a', 'one', 0, 1000)]);
    expect(retimeStep(d0, [{ id: 'a', start: 0, end: 1000 }])).toBeNull();
    const d1 = applyStep(d0, retimeStep(d0, [{ id: 'a', start: 1500.4, end: 1200 }])!, 'forward');
    expect(timedSegments(d1)[0]).toMatchObject({ start: 1200, end: 1500 });
  });

  it('finds the segment under the playhead and the segments of a window by binary search', () => {
    const segments = [seg('a', 'x', 0, 1000), seg('b', 'x', 1000, 3000), seg('c', 'x'), seg('d', 'x', 5000, 6000)];
    const index = timeIndex(segments);
    expect(segmentAt(index, 500)).toBe(0);
    expect(segmentAt(index, 1500)).toBe(1);
    expect(segmentAt(index, 4000)).toBe(-1);
    expect(segmentAt(index, 5999)).toBe(3);
    expect(segmentsIn(index, 2500, 5200)).toEqual([1, 3]);
    expect(segmentsIn(index, 7000, 9000)).toEqual([]);
  });
});

function bursts(): Float32Array {
  // 1 s silence, 2 s tone, 2 s silence, 2 s tone, 1 s silence at 16 kHz
  const rate = 16000;
  const pcm = new Float32Array(8 * rate);
  for (const [a, b] of [[1, 3], [5, 7]]) for (let i = a! * rate; i < b! * rate; i++) pcm[i] = 0.5 * Math.sin((2 * Math.PI * 220 * i) / rate);
  return pcm;
}

describe('timing by length in the browser', () => {
  it('reads the CLI\'s peaks JSON and times by it as by the decoded audio', () => {
    const decoded = computePeaks(bursts(), 16000, 160);
    const fromJson = peaksFromJson(JSON.stringify(peaksToJson(decoded)));
    expect(fromJson.length).toBe(decoded.length);
    expect(Array.from(fromJson.data)).toEqual(Array.from(decoded.data));
    expect(fromJson.durationMs).toBe(decoded.durationMs);
    const input = [{ raw: 'Hello there my friend.', lang: 'en' as const }, { raw: 'See you again soon.', lang: 'en' as const }];
    const a = timeByLength(decoded, input).times;
    const b = timeByLength(fromJson, input).times;
    for (let i = 0; i < 2; i++) {
      expect(Math.abs(a[i]!.start - b[i]!.start)).toBeLessThan(100);
      expect(Math.abs(a[i]!.end - b[i]!.end)).toBeLessThan(100);
    }
    expect(() => peaksFromJson('{"version":1}')).toThrow(/jiaodui peaks/);
  });

  it('gives each untimed segment a share of the detected speech and leaves timed ones alone', () => {
    const peaks = computePeaks(bursts(), 16000, 160);
    const r = timeByLength(peaks, [{ raw: 'Hello there my friend.', lang: 'en' }, { raw: 'Already timed.', lang: 'en', start: 0, end: 10 }, { raw: 'See you again soon.', lang: 'en' }]);
    expect(r.method).toBe('length');
    expect(r.times[1]).toBeNull();
    const [first, , last] = r.times;
    expect(first!.start).toBeGreaterThan(700);
    expect(first!.start).toBeLessThan(1100);
    expect(last!.end).toBeGreaterThan(6800);
    expect(last!.end).toBeLessThan(7300);
    expect(first!.end).toBeLessThanOrEqual(last!.start);
  });
});
