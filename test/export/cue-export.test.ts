import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseBytes } from '../../shared/formats/index';
import { srtExporter, vttExporter } from '../../shared/export/subtitles';
import { detectTranscript } from '../../shared/detect/index';
import { displayWidth } from '../../shared/timing/cue-atoms';
import { SAMPLES, readBytes } from '../helpers';

function sample() {
  const r = parseBytes(readBytes(join(SAMPLES, 'waic-2024-excerpt.txt')), { fileName: 'waic-2024-excerpt.txt' });
  if (!r.ok) throw new Error(r.message);
  return r.value.transcript;
}

/** Cues of an SRT text: their times and lines. */
function readCues(srt: string) {
  return srt.trim().split(/\n\n+/).map((block) => {
    const [, times, ...lines] = block.split('\n');
    const [a, b] = times!.split(' --> ').map((c) => {
      const m = /(\d+):(\d+):(\d+),(\d+)/.exec(c)!;
      return ((+m[1]! * 60 + +m[2]!) * 60 + +m[3]!) * 1000 + +m[4]!;
    });
    return { start: a!, end: b!, lines };
  });
}

describe('subtitle export split into cues', () => {
  const transcript = sample();
  const flags = detectTranscript(transcript);
  const whole = srtExporter.export({ transcript, flags, mode: 'clean' });
  const split = srtExporter.export({ transcript, flags, mode: 'clean', cues: true });

  it('keeps every character of the clean text, in order', () => {
    const text = (srt: string) => readCues(srt).map((c) => c.lines.join('')).join('').replace(/\s+/g, '');
    expect(text(split.text)).toBe(text(whole.text));
    expect(readCues(split.text).length).toBeGreaterThan(readCues(whole.text).length * 3);
  });

  it('writes cues of at most two lines within the Chinese line width, in time order inside each segment span', () => {
    const cues = readCues(split.text);
    for (const c of cues) {
      expect(c.lines.length).toBeLessThanOrEqual(2);
      for (const line of c.lines) expect(displayWidth(line)).toBeLessThanOrEqual(42);
      expect(c.end).toBeGreaterThan(c.start);
    }
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.start).toBeGreaterThanOrEqual(cues[i - 1]!.end - 1);
    const segs = readCues(whole.text);
    expect(cues[0]!.start).toBe(segs[0]!.start);
    expect(cues.at(-1)!.end).toBe(segs.at(-1)!.end);
  });

  it('never breaks inside a word the segmenter or the built-in compounds know', () => {
    const cues = readCues(split.text);
    for (let i = 1; i < cues.length; i++) {
      const joint = `${cues[i - 1]!.lines.at(-1)!.slice(-2)}|${cues[i]!.lines[0]!.slice(0, 2)}`;
      expect(joint).not.toMatch(/人工\|智能|人\|工智|清华\|大学|治\|理/);
    }
  });

  it('writes the same cues to WebVTT', () => {
    const vtt = vttExporter.export({ transcript, flags, mode: 'clean', cues: true }).text;
    expect(vtt.match(/ --> /g)?.length).toBe(readCues(split.text).length);
    if (process.env['SHOW_CUES']) console.log(split.text.slice(0, 3000));
  });

  it('leaves the laid-out cues of a subtitle file whole (a Chinese line over its English line)', () => {
    const r = parseBytes(readBytes(join(SAMPLES, 'bilingual-panel.srt')), { fileName: 'bilingual-panel.srt' });
    if (!r.ok) throw new Error(r.message);
    const input = { transcript: r.value.transcript, flags: [], mode: 'verbatim' as const };
    expect(srtExporter.export({ ...input, cues: true }).text).toBe(srtExporter.export(input).text);
  });
});
