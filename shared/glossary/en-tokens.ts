/**
 * Text scanning for the English glossary matcher: the Latin tokens of a transcript line, the words of a
 * glossary form, and a hash of the leading letters a form or a token starts with (en-index.ts keeps a bit set
 * of the forms' hashes, so most windows need no text of their own to be looked up among the forms). Each
 * replaces a regular expression it must agree with (test/glossary/speed-paths.test.ts checks them).
 *
 * Tokens: Latin words (a possessive `'s` is not part of the name), with URLs, e-mail addresses and dotted host
 * names masked out; `joinsPrev` says only spaces or a hyphen separate a token from the previous one.
 */

/** One Latin token of the searched text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** True when only spaces or a hyphen separate this token from the previous one. */
  joinsPrev: boolean;
}

/** URLs, e-mail addresses and dotted host names: their letters are not speech. */
const NOT_SPEECH = /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+){2,}/g;

/**
 * The Latin tokens of a text: runs of letters A-Z/a-z, with one apostrophe inside (`don't`, `O’Brien`) but not
 * a possessive `'s`, skipping URLs and e-mail addresses.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const masked = /[@./]/.test(text) ? text.replace(NOT_SPEECH, (m) => ' '.repeat(m.length)) : text;
  const n = masked.length;
  let prevEnd = -1;
  let i = 0;
  while (i < n) {
    if (!isLatinLetter(masked.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isLatinLetter(masked.charCodeAt(i))) i++;
    let end = i;
    const apostrophe = i < n ? masked.charCodeAt(i) : 0;
    if ((apostrophe === 39 || apostrophe === 0x2019) && i + 1 < n && isLatinLetter(masked.charCodeAt(i + 1))) {
      i += 2;
      while (i < n && isLatinLetter(masked.charCodeAt(i))) i++;
      // a possessive is not part of the name (`Tsinghua's` is Tsinghua as written)
      if (i !== end + 2 || masked.charCodeAt(end + 1) !== 115) end = i;
    }
    out.push({ text: masked.slice(start, end), start, end, joinsPrev: prevEnd >= 0 && joins(text, prevEnd, start) });
    prevEnd = i;
  }
  return out;
}

function isLatinLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether text[from, to) is one to three spaces, tabs or hyphens. */
function joins(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 45 && c !== 0x2010) return false;
  }
  return true;
}

/** A form's words: the pieces between runs of white space and hyphens that hold a Latin letter. */
export function formWords(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let letter = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c === -1 || c === 32 || c === 45 || (c >= 9 && c <= 13) || (c >= 128 && SEPARATOR.test(text[i]!))) {
      if (letter) out.push(text.slice(start, i));
      start = i + 1;
      letter = false;
    } else if (isLatinLetter(c)) {
      letter = true;
    }
  }
  return out;
}

/** White space and the Unicode hyphen, beyond ASCII (the ASCII ones are tested by code in `formWords`). */
const SEPARATOR = /[\s‐]/;

/** Bits of the form-lead set (a power of two). */
export const LEAD_BITS = 1 << 18;

/**
 * A hash, below LEAD_BITS, of the leading letters a-z of a text once lower-cased, as `lowerLeadHash` of its
 * `toLowerCase()`. ASCII is lower-cased here; a non-ASCII character met first sends the text through
 * `toLowerCase`, which can make a-z of it (the Kelvin sign is k).
 */
export function leadHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return lowerLeadHash(text.toLowerCase());
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if (lower < 97 || lower > 122) break;
    h = (Math.imul(h, 31) + lower) | 0;
  }
  return h & (LEAD_BITS - 1);
}

/** A hash, below LEAD_BITS, of the leading letters a-z of a lower-cased text. */
export function lowerLeadHash(lower: string): number {
  let h = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 97 || c > 122) break;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h & (LEAD_BITS - 1);
}

