import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseText, parseBytes } from '../../shared/formats/index';
import { txtFormat } from '../../shared/formats/txt';
import { SAMPLES, readBytes } from '../helpers';

describe('plain-text ASR lines', () => {
  it('makes one segment per non-empty line with its physical line number', () => {
    const { transcript, format } = parseText('# 论坛\n\n第一句。\n\n\n第二句 with English words here.\n');
    expect(format).toBe('txt');
    expect(transcript.title).toBe('论坛');
    expect(transcript.segments.map((s) => [s.sourceLine, s.raw])).toEqual([
      [3, '第一句。'],
      [6, '第二句 with English words here.'],
    ]);
  });

  it('turns Markdown image lines into slide markers, not speech', () => {
    const { transcript } = parseText('甲。\n![](img/slide-01.png)\n乙。\n');
    expect(transcript.segments.map((s) => s.raw)).toEqual(['甲。', '乙。']);
    expect(transcript.markers).toEqual([{ kind: 'slide', line: 2, beforeSegment: 1, text: 'img/slide-01.png' }]);
  });

  it('tags languages: Latin terms inside Chinese stay zh, an English sentence makes it mixed', () => {
    const { transcript } = parseText('这个 model 的 performance 很好。\nThank you all for listening.\n时间到了。OK谢谢大家。 Okay， Mr。 Ca， I know that you have experience。\n');
    expect(transcript.segments.map((s) => s.lang)).toEqual(['zh', 'en', 'mixed']);
  });

  it('reads the WAIC sample as txt although its first line is a Markdown heading', () => {
    const result = parseBytes(readBytes(join(SAMPLES, 'waic-2024-excerpt.txt')), { fileName: 'waic-2024-excerpt.txt' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.format).toBe('txt');
    expect(result.value.transcript.title).toMatch(/^2024世界人工智能大会/);
    expect(result.value.transcript.segments[0]!.sourceLine).toBe(3);
    expect(result.value.transcript.segments.length).toBeGreaterThan(80);
  });

  it('serialises with the title and slide markers so a round trip keeps them', () => {
    const first = parseText('# T\n\n甲。\n\n![](a.png)\n\n乙。\n').transcript;
    const again = parseText(txtFormat.serialize!(first)).transcript;
    expect(again.title).toBe('T');
    expect(again.markers.map((m) => [m.kind, m.beforeSegment, m.text])).toEqual([['slide', 1, 'a.png']]);
    expect(again.segments.map((s) => s.raw)).toEqual(['甲。', '乙。']);
  });
});
