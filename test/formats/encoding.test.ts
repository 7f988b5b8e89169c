import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { decodeBytes } from '../../shared/text/encoding';
import { parseBytes } from '../../shared/formats/index';
import { FIXTURES, readBytes, readText } from '../helpers';

const dir = join(FIXTURES, 'encodings');
const expected = readText(join(dir, 'expected.txt'));

describe('encoding detection', () => {
  it.each([
    ['gb18030.txt', 'gb18030'],
    ['gbk-crlf.txt', 'gb18030'],
    ['utf16le-bom.txt', 'utf-16le'],
    ['utf16be-bom.txt', 'utf-16be'],
    ['utf16le-nobom.txt', 'utf-16le'],
    ['utf8-bom.txt', 'utf-8'],
    ['utf8-cr-only.txt', 'utf-8'],
  ])('decodes %s as %s to the same text', (file, encoding) => {
    const result = decodeBytes(readBytes(join(dir, file)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.encoding).toBe(encoding);
    expect(result.value.text).toBe(expected);
  });

  it('decodes Big5 Traditional Chinese', () => {
    const result = decodeBytes(readBytes(join(dir, 'big5.txt')));
    expect(result.ok && result.value.encoding).toBe('big5');
    expect(result.ok && result.value.text).toContain('各位嘉賓，女士們先生們');
  });

  it('refuses a binary file with a clear error instead of garbage segments', () => {
    const result = parseBytes(readBytes(join(dir, 'binary.png')), { fileName: 'slide.png' });
    expect(result).toMatchObject({ ok: false, code: 'encoding.binary' });
  });

  it('keeps a UTF-8 file truncated mid-character, marking the broken tail', () => {
    const result = decodeBytes(readBytes(join(dir, 'truncated-utf8.txt')));
    expect(result.ok && result.value.encoding).toBe('utf-8');
    expect(result.ok && result.value.text.endsWith('\uFFFD')).toBe(true);
  });

  it('reports a forced encoding that does not fit', () => {
    const result = decodeBytes(readBytes(join(dir, 'gb18030.txt')), 'utf-8');
    expect(result).toMatchObject({ ok: false, code: 'encoding.invalid' });
  });

  it('treats an empty file as an empty transcript with a warning, not a crash', () => {
    const result = parseBytes(new Uint8Array(0), { fileName: 'empty.txt' });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.transcript.segments).toHaveLength(0);
      expect(result.value.diagnostics.map((d) => d.code)).toContain('txt.empty');
    }
  });
});
