import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cueTextToPlain, escapeCueText, parseCueText } from '../../shared/formats/vtt-cue-text';
import { VTT_METADATA, parseVtt, serializeVtt, sniffVtt, vttFormat } from '../../shared/formats/vtt';
import type { Segment } from '../../shared/model/segment';
import { formatClock } from '../../shared/model/time';
import { emptyTranscript } from '../../shared/model/transcript';
import { codes, decodedFixture, fixtureText, items } from './support/fixtures';

describe('WebVTT import', () => {
  it('reads cue ids, times, settings and text into segments', () => {
    const { transcript, diagnostics } = parseVtt('WEBVTT\n\nintro\n00:01.000 --> 00:02.500 align:start line:10%\nHello\nthere\n\n01:00:00.000 --> 01:00:01.000\n大家好\n');
    expect(diagnostics).toEqual([]);
    expect(transcript.segments).toEqual([
      { id: 's1', sourceLine: 3, start: 1000, end: 2500, lang: 'en', raw: 'Hello\nthere', cueId: 'intro', settings: 'align:start line:10%' },
      { id: 's2', sourceLine: 8, start: 3_600_000, end: 3_601_000, lang: 'zh', raw: '大家好' },
    ]);
  });

  it('lifts a whole-cue voice into the speaker and keeps raw without the tag', () => {
    const [a, b] = parseVtt('WEBVTT\n\n00:01.000 --> 00:02.000\n<v Mary>No way!</v>\n\n00:02.000 --> 00:03.000\n<v.loud  Dr.   Li >第一行\n第二行\n').transcript.segments;
    expect(a).toMatchObject({ speaker: 'Mary', raw: 'No way!' });
    expect(b).toMatchObject({ speaker: 'Dr. Li', raw: '第一行\n第二行' });
  });

  it('keeps no speaker when a cue has two voices, and says so', () => {
    const result = parseVtt('WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>Hi</v>\n<v B>Hello</v>\n');
    expect(result.transcript.segments[0]).toMatchObject({ raw: 'Hi\nHello' });
    expect(result.transcript.segments[0]?.speaker).toBeUndefined();
    expect(codes(result)).toEqual(['vtt.multiple-voices', 'vtt.markup-dropped']);
  });

  it('decodes character references and removes formatting tags from raw', () => {
    const result = parseVtt('WEBVTT\n\n00:01.000 --> 00:02.000\n<i>Tom</i> &amp; <b.red>Jerry</b> &lt;3&gt; a&nbsp;b &#x4E2D; <00:01.500>x <ruby>漢<rt>kan</rt></ruby>\n');
    expect(result.transcript.segments[0]?.raw).toBe('Tom & Jerry <3> a\u00a0b 中 x 漢');
    expect(codes(result)).toEqual(['vtt.markup-dropped']);
  });

  it('keeps the header, STYLE and REGION blocks in metadata and counts NOTE comments', () => {
    const text = 'WEBVTT - Talk\nKind: captions\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r1 width:40%\n\nNOTE a comment\n\n00:01.000 --> 00:02.000 region:r1\nHi\n';
    const result = parseVtt(text);
    expect(result.transcript.metadata).toEqual({
      [VTT_METADATA.header]: ' - Talk\nKind: captions', [VTT_METADATA.styles]: '::cue { color: red }', [VTT_METADATA.regions]: 'id:r1 width:40%',
    });
    expect(codes(result)).toEqual(['vtt.notes-dropped']);
  });

  it('warns about cue settings it does not understand but keeps them as written', () => {
    const result = parseVtt('WEBVTT\n\n00:01.000 --> 00:02.000 align:middle size:50% region:nowhere\nHi\n');
    expect(result.transcript.segments[0]?.settings).toBe('align:middle size:50% region:nowhere');
    expect(result.diagnostics).toMatchObject([{ code: 'vtt.bad-setting', line: 3 }]);
    expect(result.diagnostics[0]?.message).toContain('align:middle region:nowhere');
  });

  it('drops cues whose timestamps break the WebVTT syntax, as browsers do, with an error on the line', () => {
    const result = parseVtt('WEBVTT\n\n00:01:39 --> 00:01:41.040\nno fraction\n\n00:00:01.5 --> 00:00:02.000\nshort fraction\n\n00:02.000 --> 00:03.000\nkept\n');
    expect(result.transcript.segments.map((s) => s.raw)).toEqual(['kept']);
    expect(result.diagnostics.filter((d) => d.code === 'vtt.bad-timing').map((d) => d.line)).toEqual([3, 6]);
  });

  it('rejects a file without the WEBVTT signature with one error and no segments', () => {
    for (const text of ['', 'webvtt\n\n00:01.000 --> 00:02.000\nx', 'WEBVTTX\n', '1\n00:00:01,000 --> 00:00:02,000\nsrt']) {
      const result = parseVtt(text);
      expect(result.transcript.segments).toEqual([]);
      expect(codes(result)).toEqual(['vtt.bad-signature']);
    }
  });

  it('never throws: header only, cut-off timing and garbage end in diagnostics', () => {
    expect(codes(parseVtt('WEBVTT\n'))).toEqual(['vtt.no-cues']);
    expect(codes(parseVtt('WEBVTT\n\n00:01.000 --> 00:0'))).toEqual(['vtt.bad-timing', 'vtt.no-cues']);
    expect(codes(parseVtt('WEBVTT\n\nsome garbage\nmore\n\n\u0000\ufffd'))).toEqual(['vtt.ignored-block', 'vtt.ignored-block', 'vtt.no-cues']);
  });

  it('parses a generated 100,000-cue file', () => {
    let text = 'WEBVTT\n\n';
    for (let i = 0; i < 100_000; i++) text += `${formatClock(i * 2000, '.')} --> ${formatClock(i * 2000 + 1500, '.')}\n<v S${i % 3}>第${i}句 line ${i}\n\n`;
    const result = parseVtt(text);
    expect(result.transcript.segments.length).toBe(100_000);
    expect(result.transcript.segments[99_999]).toMatchObject({ speaker: 'S0', start: 199_998_000 });
  });
});

describe('WebVTT cue text', () => {
  it('builds the spec tree: unknown tags dropped, rt only inside ruby, mismatched end tags ignored', () => {
    expect(parseCueText('<foo>a</i><ruby>b<rt>c</ruby>d')).toEqual([
      { type: 'text', value: 'a' },
      { type: 'element', name: 'ruby', classes: [], annotation: '', children: [
        { type: 'text', value: 'b' }, { type: 'element', name: 'rt', classes: [], annotation: '', children: [{ type: 'text', value: 'c' }] },
      ] },
      { type: 'text', value: 'd' },
    ]);
  });

  it('escapes &, < and > so plain text survives', () => {
    expect(escapeCueText('a <b> & c --> d')).toBe('a &lt;b&gt; &amp; c --&gt; d');
    expect(cueTextToPlain(escapeCueText('a <b> & c --> d')).text).toBe('a <b> & c --> d');
  });
});

const segment = (n: number, fields: Partial<Segment>): Segment => ({ id: `s${n}`, sourceLine: 0, lang: 'en', raw: '', ...fields });

describe('WebVTT export', () => {
  it('writes the signature, cue ids, settings, voice tags and escaped text', () => {
    const transcript = { ...emptyTranscript(), segments: [
      segment(1, { start: 1000, end: 2000, raw: 'Tom & Jerry <3>', cueId: 'c1', settings: 'align:start', speaker: 'Mary' }),
      segment(2, { start: 3_723_004, end: 3_724_000, raw: 'a --> b\n\nc' }),
    ] };
    expect(serializeVtt(transcript)).toBe(
      'WEBVTT\n\nc1\n00:00:01.000 --> 00:00:02.000 align:start\n<v Mary>Tom &amp; Jerry &lt;3&gt;\n\n01:02:03.004 --> 01:02:04.000\na --&gt; b\nc\n\n',
    );
  });

  it('leaves out ids and settings that would break the file, and writes 0 for missing times', () => {
    const transcript = { ...emptyTranscript(), segments: [segment(1, { raw: 'x', cueId: 'a --> b', settings: 'line:1\nevil' })] };
    expect(serializeVtt(transcript)).toBe('WEBVTT\n\n00:00:00.000 --> 00:00:00.000\nx\n\n');
  });

  it('writes the kept header, STYLE and REGION blocks back', () => {
    const text = 'WEBVTT - Talk\nKind: captions\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r1 width:40%\n\n00:01.000 --> 00:02.000 region:r1\nHi\n';
    expect(serializeVtt(parseVtt(text).transcript)).toBe(text.replace('00:01.000 --> 00:02.000', '00:00:01.000 --> 00:00:02.000') + '\n');
  });

  it('can leave STYLE and REGION blocks out for ffmpeg, which stops reading at them', () => {
    const parsed = parseVtt('WEBVTT\n\nSTYLE\n::cue { color: red }\n\n00:01.000 --> 00:02.000\nHi\n').transcript;
    expect(serializeVtt(parsed, { styleAndRegionBlocks: false })).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n\n');
    expect(vttFormat.serialize?.(parsed)).toContain('STYLE\n::cue { color: red }\n\n');
  });

  it('round-trips random cue lists with speakers, ids, settings and markup characters', () => {
    const unit = fc.constantFrom('a', 'Z', ' ', '字', '。', '&', '<', '>', '-', ';', '😀', '\u00a0');
    const line = fc.string({ minLength: 1, maxLength: 16, unit });
    const word = fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom('a', 'b', '1', '字', '-', '.') });
    const cueArb = fc.record({
      start: fc.nat(360_000_000), length: fc.nat(60_000), lines: fc.array(line, { maxLength: 3 }),
      speaker: fc.option(word, { nil: undefined }), cueId: fc.option(word, { nil: undefined }),
      settings: fc.option(fc.constantFrom('align:start', 'line:0 position:10%', 'size:50%'), { nil: undefined }),
    });
    fc.assert(fc.property(fc.array(cueArb, { maxLength: 12 }), (cues) => {
      const segments = cues.map((c, i) => segment(i + 1, {
        start: c.start, end: c.start + c.length, raw: c.lines.join('\n'), speaker: c.speaker, cueId: c.cueId, settings: c.settings,
      }));
      const back = parseVtt(serializeVtt({ ...emptyTranscript(), segments }));
      const pick = (s: Segment): unknown[] => [s.raw, s.start, s.end, s.speaker, s.cueId, s.settings];
      expect(back.transcript.segments.map(pick)).toEqual(segments.map(pick));
      expect(back.diagnostics.filter((d) => d.severity !== 'info' && d.code !== 'vtt.no-cues')).toEqual([]);
    }));
  });
});

describe('WebVTT sniffing', () => {
  it('is sure of a signature, hesitant about near misses, and ignores SubRip', () => {
    expect(sniffVtt('WEBVTT\n\n00:01.000 --> 00:02.000\nx')).toBe(1);
    expect(sniffVtt('\ufeffWEBVTT - title\n')).toBe(1);
    expect(sniffVtt('webvtt\n')).toBeGreaterThan(0);
    expect(sniffVtt('webvtt\n')).toBeLessThan(1);
    expect(sniffVtt('1\n00:00:01,000 --> 00:00:02,000\nx\n')).toBe(0);
    expect(vttFormat.extensions[0]).toBe('.vtt');
  });
});

describe('peer fixtures: go-astisub, subsrt-ts, vtt.js', () => {
  const expected = (JSON.parse(fixtureText('go-astisub/expected-items.json')) as { items: unknown[] }).items;

  it('reads astisub example-out.vtt (valid WebVTT) as the six expected items, with ids, settings and regions', () => {
    const result = parseVtt(fixtureText('go-astisub/testdata/example-out.vtt'));
    expect(items(result)).toEqual(expected);
    expect(result.transcript.segments[1]).toMatchObject({ cueId: '2', settings: 'align:left position:10%,line-left region:fred size:35%' });
  });

  it('drops the cues of astisub example-in.vtt, whose timestamps (00:01:39, .04) are not WebVTT, and says why', () => {
    const result = parseVtt(fixtureText('go-astisub/testdata/example-in.vtt'));
    expect(result.transcript.segments.length).toBe(0);
    expect(result.diagnostics.filter((d) => d.code === 'vtt.bad-timing').map((d) => d.line)).toEqual([29, 36, 40, 45, 49, 54]);
    expect(result.transcript.metadata[VTT_METADATA.styles]).toContain('::cue(b)');
  });

  it('decodes astisub html-entities cues and CR-only line endings; rejects BROKENVTT; reads the UTF-16 file', () => {
    const entities = parseVtt(fixtureText('go-astisub/testdata/example-in-html-entities.vtt')).transcript.segments;
    expect(entities.map((s) => s.raw)).toEqual([
      'The man in black fled across the desert, \u00a0\n& the gunslinger followed.', 'Go,\u00a0then,', 'there are other < worlds than these.',
    ]);
    expect(parseVtt(fixtureText('go-astisub/testdata/example-in-carriage-return.vtt')).transcript.segments.map((s) => s.start)).toEqual([0, 3767, 10733]);
    expect(codes(parseVtt(fixtureText('go-astisub/testdata/broken-1-in.vtt')))).toEqual(['vtt.bad-signature']);
    expect(decodedFixture('go-astisub/testdata/example-in-non-utf8.vtt').encoding).toBe('utf-16le');
  });

  it('reads subsrt-ts sample.vtt: STYLE kept, NOTE skipped, ids on the cues that have them', () => {
    const result = parseVtt(fixtureText('subsrt-ts/sample.vtt'));
    expect(result.transcript.segments.map((s) => s.cueId).filter(Boolean)).toEqual(['test', '123', 'crédit de transcription']);
    expect(result.transcript.segments[0]?.raw).toBe('— Hi, my name is Alice Miller and this is John Brown.\n— And we\'re the owners of Miller Bakery.');
    expect(result.transcript.metadata[VTT_METADATA.styles]).toContain('papayawhip');
  });

  it('reads the vtt.js voice fixture speaker', () => {
    expect(parseVtt(fixtureText('mozilla-vttjs/tests/cuetext/voice/with-annotation.vtt')).transcript.segments[0]).toMatchObject({ speaker: 'Mary', raw: 'No way!' });
  });
});
