/**
 * The speed paths of detection give the same answers as the plain ones: prebuilt lexicon indexes, lexicon text
 * held as UTF-16 code units, and detection split into segment ranges (how a host spreads one long transcript
 * over worker threads).
 */
import { describe, expect, it } from 'vitest';
import { detectTranscript } from '../../shared/detect/index';
import { parseText } from '../../shared/formats/index';
import { createChineseLexicon, SortedLines } from '../../shared/lexicon/chinese';
import { createEnglishWords, englishWordsIndex } from '../../shared/lexicon/english';
import { readText, SAMPLES } from '../helpers';
import { fullResources } from './resources';
import { join } from 'node:path';

const units = (text: string): Uint16Array => Uint16Array.from(text, (c) => c.charCodeAt(0));

const LEXICON = [
  '# jiaodui zh-lexicon v3: test',
  ...['一个\t3', '中国\t2', '人工智能\t10', '共产国际\t\tP', '发展\t1', '智能\t7', '灭顶之灾\t900'].sort(),
].join('\n') + '\n';

describe('lexicon indexes', () => {
  it('answers the same from a prebuilt index, from UTF-16 units and from the plain text', () => {
    const plain = createChineseLexicon(LEXICON);
    const bytes = new SortedLines(units(LEXICON)).serialize();
    const fast = createChineseLexicon(units(LEXICON), '', '', { lexicon: bytes });
    for (const w of ['一个', '中国', '人工智能', '共产国际', '发展', '智能', '灭顶之灾', '人工', '不在', '']) {
      expect([fast.has(w), fast.rank(w), fast.isProperNoun(w)]).toEqual([plain.has(w), plain.rank(w), plain.isProperNoun(w)]);
    }
    expect(fast.rank('共产国际')).toBeUndefined();
    expect(fast.isProperNoun('共产国际')).toBe(true);
    expect(fast.rank('灭顶之灾')).toBe(900);
  });

  it('ignores an index built for another text instead of answering wrongly', () => {
    const stale = new SortedLines('# other\n甲\t1\n').serialize();
    const lex = createChineseLexicon(LEXICON, '', '', { lexicon: stale });
    expect(lex.has('发展')).toBe(true);
    expect(lex.has('甲')).toBe(false);
  });

  it('finds every line of a large sorted text through its hash table and rejects absent keys', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `词${String.fromCharCode(0x4e00 + i)}${i % 7 ? '' : '子'}`).sort();
    const text = '# header\n' + words.map((w, i) => `${w}\t${i}`).join('\r\n') + '\n';
    const lines = new SortedLines(text);
    const fromBytes = new SortedLines(units(text), lines.serialize());
    for (const w of words) {
      expect(lines.find(w)).toBeGreaterThanOrEqual(0);
      expect(fromBytes.line(fromBytes.find(w))).toBe(lines.line(lines.find(w)));
    }
    for (const w of ['词', '子词', '不在', '词一二']) expect(fromBytes.find(w)).toBe(-1);
  });

  it('gives the English word list the same answers with its prebuilt index', () => {
    const list = '# words\napple\t3\napply\nbanana\t12\nbandana\nmotivation\t2\n';
    const index = englishWordsIndex(list);
    expect(index).not.toBeNull();
    const plain = createEnglishWords(list);
    const fast = createEnglishWords(list, [], index);
    for (const w of ['apple', 'Apply', 'banana', 'ai', 'pear', 'motivation']) {
      expect([fast.has(w), fast.frequency(w)]).toEqual([plain.has(w), plain.frequency(w)]);
    }
    expect(fast.near('movation', 2, 1)).toEqual(plain.near('movation', 2, 1));
    expect(englishWordsIndex('zebra\napple\n')).toBeNull();
    expect(createEnglishWords('pear\n', [], index).has('pear')).toBe(true);
  });
});

describe('detection by segment ranges', () => {
  it('gives exactly the whole run\'s flags when ranges are detected apart and joined in order', () => {
    const { transcript } = parseText(readText(join(SAMPLES, 'waic-2024-excerpt.txt')), { fileName: 'waic.txt' });
    const n = transcript.segments.length;
    const whole = detectTranscript(transcript, { resources: fullResources() });
    const cuts = [0, 1, Math.floor(n / 3), Math.floor(n / 2), n - 1, n];
    const joined = cuts.slice(0, -1).flatMap((start, k) => detectTranscript(transcript, { resources: fullResources(), range: { start, end: cuts[k + 1]! } }));
    expect(whole.length).toBeGreaterThan(10);
    expect(joined).toEqual(whole);
  });

  it('still sees neighbours outside the range: a loop across the cut is flagged', () => {
    const text = ['你只能选择两个。', '你只能选择两个。', '你只能选择两个。', '好的。'].join('\n\n');
    const { transcript } = parseText(text, { fileName: 'loop.txt' });
    const flags = detectTranscript(transcript, { resources: fullResources(), range: { start: 2, end: 3 } });
    expect(flags.map((f) => [f.segmentId, f.ruleId])).toEqual([[transcript.segments[2]!.id, 'any.loop']]);
  });
});
