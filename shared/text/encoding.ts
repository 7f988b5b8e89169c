/**
 * Turns the bytes of a user's file into text, detecting the encoding from the content.
 *
 * Order: a byte-order mark decides (UTF-8, UTF-16 LE/BE); NUL bytes in alternate positions mean BOM-less
 * UTF-16; other NULs or control bytes mean a binary file (an error, never garbage segments); strict UTF-8
 * is tried next (most files); otherwise chardet's statistical detectors choose among the legacy Chinese
 * encodings we support (GB18030, which covers GBK and GB2312, and Big5), and the choice must decode
 * without errors. Line endings are normalised to `\n` here, once, at the parse boundary.
 */
import chardet from 'chardet';

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface Decoded {
  text: string;
  encoding: EncodingName;
  hadBom: boolean;
}

export type DecodeResult = { ok: true; value: Decoded } | { ok: false; code: string; message: string };

const SAMPLE = 64 * 1024;

function strictDecode(bytes: Uint8Array, encoding: EncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of NUL bytes at even and odd offsets of the sample. */
function nulPattern(sample: Uint8Array): { even: number; odd: number } {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const half = Math.max(1, sample.length / 2);
  return { even: even / half, odd: odd / half };
}

/** Text whose characters are nearly all printable (any script), whitespace or common punctuation. */
function plausibleText(text: string): boolean {
  if (text.length === 0) return false;
  const odd = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\ufffd]|\p{Cs}/gu)?.length ?? 0;
  return odd / text.length < 0.01;
}

/** Control bytes other than tab, LF, CR, FF and ESC suggest a binary file. */
function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  // by index: a for-of over the bytes makes one iterator result per byte until the JIT optimises the loop
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control > 0 && control / sample.length > 0.01;
}

/** Normalises CRLF and lone CR line endings to LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function done(text: string, encoding: EncodingName, hadBom: boolean): DecodeResult {
  return { ok: true, value: { text: normalizeNewlines(text), encoding, hadBom } };
}

/** Decodes a file's bytes; `encoding` forces one instead of detecting. */
export function decodeBytes(bytes: Uint8Array, encoding?: EncodingName): DecodeResult {
  if (encoding) {
    const text = strictDecode(bytes, encoding);
    return text === null
      ? { ok: false, code: 'encoding.invalid', message: `the file is not valid ${encoding}` }
      : done(text.replace(/^\uFEFF/, ''), encoding, text.startsWith('\uFEFF'));
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictDecode(bytes.subarray(3), 'utf-8');
    if (text !== null) return done(text, 'utf-8', true);
    return { ok: false, code: 'encoding.invalid', message: 'the file starts with a UTF-8 byte-order mark but is not valid UTF-8' };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const enc: EncodingName = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = strictDecode(bytes.subarray(2), enc);
    if (text !== null) return done(text, enc, true);
    return { ok: false, code: 'encoding.invalid', message: `the file starts with a ${enc} byte-order mark but is not valid ${enc}` };
  }
  const sample = bytes.subarray(0, SAMPLE);
  if (sample.includes(0)) {
    // BOM-less UTF-16: ASCII characters put NULs at odd offsets (LE) or even ones (BE); Chinese text has
    // few of them, so decode and judge the result instead of counting.
    const nul = nulPattern(sample);
    const order: EncodingName[] = nul.odd >= nul.even ? ['utf-16le', 'utf-16be'] : ['utf-16be', 'utf-16le'];
    for (const enc of order) {
      const text = bytes.length % 2 === 0 ? strictDecode(bytes, enc) : null;
      if (text !== null && plausibleText(text.slice(0, 8192))) return done(text, enc, false);
    }
    return { ok: false, code: 'encoding.binary', message: 'this looks like a binary file, not a text transcript or subtitle file' };
  }
  if (looksBinary(sample)) {
    return { ok: false, code: 'encoding.binary', message: 'this looks like a binary file, not a text transcript or subtitle file' };
  }
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 !== null) return done(utf8, 'utf-8', false);
  // a truncated file can end mid-character: accept UTF-8 when only the last 1-3 bytes fail
  for (let cut = 1; cut <= 3 && bytes.length > cut; cut++) {
    if (strictDecode(bytes.subarray(0, bytes.length - cut), 'utf-8') !== null) {
      return done(new TextDecoder('utf-8').decode(bytes), 'utf-8', false);
    }
  }
  for (const guess of chardet.analyse(sample)) {
    const enc = guess.name === 'GB18030' ? 'gb18030' : guess.name === 'Big5' ? 'big5' : null;
    if (!enc) continue;
    const text = strictDecode(bytes, enc);
    if (text !== null) return done(text, enc, false);
  }
  for (const enc of ['gb18030', 'big5'] as const) {
    const text = strictDecode(bytes, enc);
    if (text !== null) return done(text, enc, false);
  }
  return {
    ok: false,
    code: 'encoding.unknown',
    message: 'could not decode the file: it is not UTF-8, UTF-16, GB18030/GBK/GB2312 or Big5',
  };
}
