import fc from 'fast-check';
import { parseSync } from 'subtitle';
import { describe, expect, it } from 'vitest';
import { parseSrt, serializeSrt, sniffSrt, srtFormat, stripSrtMarkup } from '../../shared/formats/srt';
import { parseSrtTimestamp } from '../../shared/formats/timestamps';
import type { Segment } from '../../shared/model/segment';
import { formatClock } from '../../shared/model/time';
import { emptyTranscript } from '../../shared/model/transcript';
import { codes, decodedFixture, fixtureText, items } from './support/fixtures';

const cue = (n: number | null, timing: string, ...text: string[]): string => `${n === null ? '' : `${n}\n`}${timing}\n${text.join('\n')}\n`;

describe('SubRip import', () => {
  it('reads a cue into a segment with id, source line, index, times, language and raw text', () => {
    const { transcript, diagnostics } = parseSrt(`${cue(1, '00:00:01,000 --> 00:00:02,500', 'Hello there')}\n${cue(2, '00:00:03,000 --> 00:00:04,000', '大家好')}`);
    expect(diagnostics).toEqual([]);
    expect(transcript.segments).toEqual([
      { id: 's1', sourceLine: 1, start: 1000, end: 2500, lang: 'en', raw: 'Hello there', cueId: '1' },
      { id: 's2', sourceLine: 5, start: 3000, end: 4000, lang: 'zh', raw: '大家好', cueId: '2' },
    ]);
  });

  it('reads cues without index lines, reporting each, with the timing line as source line', () => {
    const result = parseSrt('\n00:00:01,000 --> 00:00:02,000\nA\n\n00:00:03,000 --> 00:00:04,000\nB\n');
    expect(result.transcript.segments.map((s) => [s.raw, s.sourceLine, s.cueId])).toEqual([['A', 2, undefined], ['B', 5, undefined]]);
    expect(codes(result)).toEqual(['srt.missing-index', 'srt.missing-index']);
  });

  it('reads fractions as decimal seconds, dots, short hours and missing milliseconds', () => {
    const text = [cue(1, '0:00:01.9 --> 0:00:02,04', 'a'), cue(2, '00:01:39 --> 00:01:41.9670', 'b'), cue(3, '01:02.5 --> 01:03,250', 'c')].join('\n');
    expect(parseSrt(text).transcript.segments.map((s) => [s.start, s.end])).toEqual([[1900, 2040], [99000, 101967], [62500, 63250]]);
  });

  it('survives a byte-order mark, CRLF and lone CR line endings', () => {
    const lf = `${cue(1, '00:00:01,000 --> 00:00:02,000', 'one', 'two')}\n${cue(2, '00:00:03,000 --> 00:00:04,000', 'three')}`;
    const expected = parseSrt(lf).transcript.segments;
    expect(parseSrt(`\ufeff${lf.replace(/\n/g, '\r\n')}`).transcript.segments).toEqual(expected);
    expect(parseSrt(lf.replace(/\n/g, '\r')).transcript.segments).toEqual(expected);
  });

  it('ignores extra blank lines between cues and at the end', () => {
    const result = parseSrt(`\n\n${cue(1, '00:00:01,000 --> 00:00:02,000', 'a')}\n\n\n\n${cue(2, '00:00:03,000 --> 00:00:04,000', 'b')}\n\n\n`);
    expect(result.transcript.segments.map((s) => s.raw)).toEqual(['a', 'b']);
    expect(result.diagnostics).toEqual([]);
  });

  it('joins text that follows a blank line inside a cue, and says so on that line', () => {
    const result = parseSrt(`${cue(1, '00:00:01,000 --> 00:00:02,000', 'first', '', 'second')}\n${cue(2, '00:00:03,000 --> 00:00:04,000', 'next')}`);
    expect(result.transcript.segments.map((s) => s.raw)).toEqual(['first\nsecond', 'next']);
    expect(result.diagnostics).toMatchObject([{ line: 5, code: 'srt.blank-line-in-text', severity: 'warning' }]);
  });

  it('splits cues that lack the blank line between them, taking the index back from the text', () => {
    const result = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nfirst\n2\n00:00:03,000 --> 00:00:04,000\nsecond\n');
    expect(result.transcript.segments.map((s) => [s.raw, s.cueId, s.sourceLine])).toEqual([['first', '1', 1], ['second', '2', 4]]);
    expect(codes(result)).toEqual(['srt.missing-blank-line']);
  });

  it('drops trailing X1/X2/Y1/Y2 coordinates with an info diagnostic and keeps the times', () => {
    const result = parseSrt(cue(1, '00:02:04,08 --> 00:02:07,12 X1:40 X2:600 Y1:20 Y2:50', 'MAN:'));
    expect(result.transcript.segments[0]).toMatchObject({ start: 124080, end: 127120, raw: 'MAN:' });
    expect(result.diagnostics).toMatchObject([{ code: 'srt.coordinates-dropped', severity: 'info', line: 2 }]);
  });

  it('keeps overlapping cues and cues that end before they start, with diagnostics', () => {
    const result = parseSrt(`${cue(1, '00:00:01,000 --> 00:00:05,000', 'a')}\n${cue(2, '00:00:03,000 --> 00:00:02,000', 'b')}`);
    expect(result.transcript.segments.map((s) => [s.start, s.end])).toEqual([[1000, 5000], [3000, 2000]]);
    expect(codes(result)).toEqual(['srt.end-before-start', 'srt.overlap']);
  });

  it('reports duplicate and non-contiguous indices but keeps them as cue ids', () => {
    const result = parseSrt([cue(3, '00:00:01,000 --> 00:00:02,000', 'a'), cue(3, '00:00:03,000 --> 00:00:04,000', 'b'), cue(9, '00:00:05,000 --> 00:00:06,000', 'c')].join('\n'));
    expect(result.transcript.segments.map((s) => s.cueId)).toEqual(['3', '3', '9']);
    expect(codes(result)).toEqual(['srt.index-gap', 'srt.duplicate-index', 'srt.index-gap']);
  });

  it('keeps a truncated last cue: a timing line with no text is an empty cue', () => {
    const result = parseSrt(`${cue(1, '00:00:01,000 --> 00:00:02,000', 'a')}\n2\n00:00:03,000 --> 00:00:04,000`);
    expect(result.transcript.segments.map((s) => [s.raw, s.start, s.end])).toEqual([['a', 1000, 2000], ['', 3000, 4000]]);
    expect(codes(result)).toEqual(['srt.empty-cue']);
  });

  it('keeps a cue whose timing line is cut short, untimed, with an error', () => {
    const result = parseSrt(`${cue(1, '00:00:01,000 --> 00:00:02,000', 'a')}\n2\n00:00:05,000 -->\ncut off`);
    expect(result.transcript.segments[1]).toMatchObject({ raw: 'cut off', start: 5000, cueId: '2' });
    expect(result.transcript.segments[1]?.end).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'srt.bad-timing', severity: 'error', line: 6 }]);
  });

  it('skips text before the first cue with a warning that quotes it', () => {
    const result = parseSrt(`Subtitles by someone\n\n${cue(1, '00:00:01,000 --> 00:00:02,000', 'a')}`);
    expect(result.transcript.segments.map((s) => s.raw)).toEqual(['a']);
    expect(result.diagnostics).toMatchObject([{ code: 'srt.text-before-first-cue', line: 1 }]);
    expect(result.diagnostics[0]?.message).toContain('Subtitles by someone');
  });

  it('keeps "a --> b" inside cue text as text', () => {
    const result = parseSrt(cue(1, '00:00:01,000 --> 00:00:02,000', 'cause', 'effect --> outcome'));
    expect(result.transcript.segments.map((s) => s.raw)).toEqual(['cause\neffect --> outcome']);
  });

  it('removes SubRip formatting tags from raw but keeps other angle brackets and entities as text', () => {
    const result = parseSrt(cue(1, '00:00:01,000 --> 00:00:02,000', '{\\an8}<i>Hello</i> <font color="#fff">a < b</font> &amp;'));
    expect(result.transcript.segments[0]?.raw).toBe('Hello a < b &amp;');
    expect(codes(result)).toEqual(['srt.markup-dropped']);
    expect(stripSrtMarkup('<<i>i>x<</i>/i>')).toBe('x');
  });

  it('never throws: empty, header-only, garbage and cut-off inputs end in diagnostics', () => {
    const inputs = ['', '\n\n', '1\n', 'WEBVTT\n', 'just some words\nand more', '1\n00:00:0', '\u0000\u0001\ufffd', '-->', '1\n-->\n'];
    for (const input of inputs) {
      const result = parseSrt(input);
      expect(result.diagnostics.length, JSON.stringify(input)).toBeGreaterThan(0);
    }
    expect(codes(parseSrt(''))).toEqual(['srt.empty']);
    expect(codes(parseSrt('just some words'))).toEqual(['srt.text-before-first-cue', 'srt.no-cues']);
  });
});

function generatedSrt(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    parts.push(`${i + 1}\n${formatClock(i * 2000, ',')} --> ${formatClock(i * 2000 + 1500, ',')}\n第${i}句 我们今天讨论人工智能\nline ${i} of the English translation\n\n`);
  }
  return parts.join('');
}

describe('SubRip at scale', () => {
  it('parses a generated 100,000-cue file in one pass', () => {
    const result = parseSrt(generatedSrt(100_000));
    expect(result.transcript.segments.length).toBe(100_000);
    expect(result.transcript.segments[99_999]).toMatchObject({ start: 199_998_000, cueId: '100000' });
    expect(result.diagnostics).toEqual([]);
  });

  it('parses a 50 MB generated file', () => {
    const block = generatedSrt(1000);
    const copies = Math.ceil((50 * 1024 * 1024) / block.length);
    const result = parseSrt(block.repeat(copies));
    expect(result.transcript.segments.length).toBe(copies * 1000);
    // Each repeated block restarts at index 1 and time 0: only those two oddities may be reported.
    expect(new Set(result.diagnostics.map((d) => d.code))).toEqual(new Set(['srt.index-order', 'srt.overlap']));
  });
});

const segment = (n: number, start: number | undefined, end: number | undefined, raw: string): Segment => ({ id: `s${n}`, sourceLine: 0, start, end, lang: 'en', raw });

describe('SubRip export', () => {
  it('writes numbered blocks renumbered from 1 with comma milliseconds', () => {
    const transcript = { ...emptyTranscript(), segments: [segment(7, 1000, 2500, 'one\ntwo'), segment(9, 3_723_004, 3_724_000, '三')] };
    expect(serializeSrt(transcript)).toBe('1\n00:00:01,000 --> 00:00:02,500\none\ntwo\n\n2\n01:02:03,004 --> 01:02:04,000\n三\n\n');
  });

  it('writes 0 for missing times instead of failing, and drops blank lines inside raw', () => {
    const transcript = { ...emptyTranscript(), segments: [segment(1, undefined, undefined, 'a\n\nb')] };
    expect(serializeSrt(transcript)).toBe('1\n00:00:00,000 --> 00:00:00,000\na\nb\n\n');
  });

  it('drops leading, trailing and white-space-only lines, and writes an empty cue for blank text', () => {
    const transcript = { ...emptyTranscript(), segments: [segment(1, 0, 1000, ' \na\n \t\nb\n'), segment(2, 1000, 2000, '  ')] };
    expect(serializeSrt(transcript)).toBe('1\n00:00:00,000 --> 00:00:01,000\na\nb\n\n2\n00:00:01,000 --> 00:00:02,000\n\n');
  });

  it('formats times past 99 hours and rounds fractional milliseconds', () => {
    const transcript = { ...emptyTranscript(), segments: [segment(1, 360_000_000.4, 360_000_009.6, 'x')] };
    expect(serializeSrt(transcript)).toBe('1\n100:00:00,000 --> 100:00:00,010\nx\n\n');
  });

  it('produces files the subtitle package reads back with the same times and text', () => {
    const parsed = parseSrt(fixtureText('go-astisub/testdata/example-in.srt'));
    const theirs = parseSync(serializeSrt(parsed.transcript)).filter((n) => n.type === 'cue');
    expect(theirs.map((n) => (n.type === 'cue' ? [n.data.start, n.data.end, n.data.text] : []))).toEqual(
      parsed.transcript.segments.map((s) => [s.start, s.end, s.raw]),
    );
  });

  it('round-trips random cue lists (serialize → parse gives the same cues)', () => {
    const line = fc.string({ minLength: 1, maxLength: 20, unit: fc.constantFrom('a', 'Z', ' ', '字', '。', '-', '1', '&', '<', '😀') })
      .filter((l) => l.trim() !== '' && !/^\s*\d+\s*$/.test(l));
    const cueArb = fc.record({ start: fc.nat(360_000_000), length: fc.nat(60_000), lines: fc.array(line, { maxLength: 3 }) });
    fc.assert(fc.property(fc.array(cueArb, { maxLength: 20 }), (cues) => {
      const segments = cues.map((c, i) => segment(i + 1, c.start, c.start + c.length, c.lines.join('\n')));
      const back = parseSrt(serializeSrt({ ...emptyTranscript(), segments })).transcript.segments;
      expect(back.map((s) => [s.raw, s.start, s.end, s.cueId])).toEqual(segments.map((s, i) => [s.raw, s.start, s.end, String(i + 1)]));
    }));
  });
});

describe('SubRip sniffing', () => {
  it('scores numbered comma timing lines highest, bare timing lines lower, WebVTT and prose low', () => {
    const full = sniffSrt(cue(1, '00:00:01,000 --> 00:00:02,000', 'a'));
    const bare = sniffSrt('00:00:01.000 --> 00:00:02.000\na\n');
    expect(full).toBe(1);
    expect(bare).toBeGreaterThan(0.5);
    expect(bare).toBeLessThan(full);
    expect(sniffSrt('WEBVTT\n\n00:01.000 --> 00:02.000\na')).toBeLessThan(0.5);
    expect(sniffSrt('一段普通的文字。\nA plain paragraph.')).toBe(0);
    expect(srtFormat.extensions[0]).toBe('.srt');
  });
});

describe('peer fixtures: go-astisub', () => {
  const expected = (JSON.parse(fixtureText('go-astisub/expected-items.json')) as { items: unknown[] }).items;

  it.each(['example-in.srt', 'missing-sequence-in.srt', 'example-in-non-utf8.srt'])('reads %s as the six expected items', (file) => {
    expect(items(parseSrt(fixtureText(`go-astisub/testdata/${file}`)))).toEqual(expected);
  });

  it('decodes the UTF-16 file astisub itself rejects', () => {
    expect(decodedFixture('go-astisub/testdata/example-in-non-utf8.srt').encoding).toBe('utf-16le');
  });

  // astisub ends the file right after the last cue; we end it with the blank line every other cue has.
  const lastBlankLine = (text: string): string => text.replace(/\n\n$/, '\n');

  it('writes example-in.srt back as example-out.srt (less the BOM the host adds and our final blank line)', () => {
    const out = fixtureText('go-astisub/testdata/example-out.srt');
    expect(lastBlankLine(serializeSrt(parseSrt(fixtureText('go-astisub/testdata/example-in.srt')).transcript))).toBe(out);
    expect(lastBlankLine(serializeSrt(parseSrt(fixtureText('go-astisub/testdata/missing-sequence-in.srt')).transcript))).toBe(out);
  });

  it('keeps &nbsp; &amp; &lt; as text and writes example-out-html-entities.srt', () => {
    const parsed = parseSrt(fixtureText('go-astisub/testdata/example-in-html-entities.srt'));
    expect(parsed.transcript.segments[2]?.raw).toBe('there are other &lt; worlds than these.');
    expect(lastBlankLine(serializeSrt(parsed.transcript))).toBe(fixtureText('go-astisub/testdata/example-out-html-entities.srt'));
  });

  it('reads CR-only line endings like LF', () => {
    const result = parseSrt(fixtureText('go-astisub/testdata/example-in-carriage-return.srt'));
    expect(result.transcript.segments.map((s) => s.start)).toEqual([0, 3767, 10733]);
    expect(result.transcript.segments[1]?.raw).toBe("That's true. You don\u2019t often find 632\npieces of gum stuck on a sidewalk");
  });

  it('reads the 10 styled items with tags removed; the styled export equals ours once its tags are removed', () => {
    const parsed = parseSrt(fixtureText('go-astisub/testdata/example-in-styled.srt'));
    expect(parsed.transcript.segments.map((s) => s.raw)).toEqual([
      '[instrumental music]', '[ticks]', '[instrumental music]', '[dog barking]', '[beeping]',
      "[automated]\n'The time is 7:35.'", 'Test with multi line italics\nTerminated on the next line',
      'Unterminated styles', 'Do no fall to the next item', 'x^3 * x = 100',
    ]);
    const theirs = parseSrt(fixtureText('go-astisub/testdata/example-out-styled.srt')).transcript.segments;
    expect(theirs.map((s) => [s.raw, s.start, s.end])).toEqual(parsed.transcript.segments.map((s) => [s.raw, s.start, s.end]));
  });
});

describe('peer fixtures: srt-parser-2, cdown/srt, subsrt-ts', () => {
  const table = fixtureText('srt-parser-2/timestamp-cases.tsv').split('\n').slice(1).filter((l) => l !== '').map((l) => l.split('\t'));

  it.each(table.map(([input = '', want = '']) => [input, want]))('normalises timestamp %s to %s', (input, want) => {
    const ms = parseSrtTimestamp(input);
    expect(ms === null ? null : formatClock(ms, ',')).toBe(want);
  });

  it.each([
    ['dot-as-separator.srt', 'correct.srt'], ['single-digit-hour.srt', '1.normal.srt'], ['2.dot.srt', '2.dot.srt'],
    ['3.dot and millisecond two digit.srt', 'Welcome-648062.en.srt'], ['single-digit-timecodes.srt', 'single-digit-timecodes.srt'],
  ])('reads %s like %s, one segment per timing line, without errors', (file, reference) => {
    const text = fixtureText(`srt-parser-2/test-file/${file}`);
    const result = parseSrt(text);
    expect(result.transcript.segments.length).toBe(text.split('\n').filter((l) => l.includes('-->')).length);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ref = parseSrt(fixtureText(`srt-parser-2/test-file/${reference}`)).transcript.segments;
    const n = Math.min(ref.length, result.transcript.segments.length);
    expect(result.transcript.segments.slice(0, n).map((s) => [s.start, s.end, s.raw])).toEqual(ref.slice(0, n).map((s) => [s.start, s.end, s.raw]));
  });

  it('reads single-digit timecodes 0:0:7,560 as 7.56 s', () => {
    expect(parseSrt(fixtureText('srt-parser-2/test-file/single-digit-timecodes.srt')).transcript.segments[0]).toMatchObject({ start: 7560, end: 9700 });
  });

  it('decodes GB2312 Chinese, keeps double spaces and the non-contiguous indices 2, 4, 6', () => {
    const decoded = decodedFixture('cdown-srt/gb2312.srt');
    const result = parseSrt(decoded.text);
    expect(decoded.encoding).toBe('gb18030');
    expect(result.transcript.segments.map((s) => [s.cueId, s.raw, s.lang])).toEqual([
      ['2', '宇宙守护神  保护我们远离邪恶', 'zh'], ['4', '他能徒手抓住子弹  拦住疾速的火车', 'zh'], ['6', '轻轻一跳就能飞跃高楼', 'zh'],
    ]);
    expect(codes(result)).toEqual(['srt.index-gap', 'srt.index-gap', 'srt.index-gap']);
    expect(serializeSrt(result.transcript)).toMatch(/^1\n00:00:27,000 --> 00:00:30,730\n宇宙守护神 {2}保护/);
  });

  it('reads subsrt-ts sample.srt as its canonical sample.json (times and text as written)', () => {
    const canonical = JSON.parse(fixtureText('subsrt-ts/sample.json')) as { start: number; end: number; content: string }[];
    const result = parseSrt(fixtureText('subsrt-ts/sample.srt'));
    expect(result.transcript.segments.map((s) => [s.start, s.end, s.raw])).toEqual(canonical.map((c) => [c.start, c.end, c.content.replace(/\r\n/g, '\n')]));
  });
});
