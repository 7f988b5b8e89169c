/**
 * Text scanning for the English glossary matcher: the Latin tokens of a transcript line, the words of a
 * glossary form, and the leading letters a form or a token starts with (en-index.ts keeps the forms' in a set,
 * so most windows need no text of their own to be looked up among the forms).
 *
 * Tokens: Latin words (a possessive `'s` is not part of the name), with URLs, e-mail addresses and dotted host
 * names masked out; `joinsPrev` says only spaces or a hyphen separate a token from the previous one. Scanning
 * stays with regular expressions where it reads every character of a text: the matcher's code runs cold once
 * per check, and there irregexp's compiled code beats a JavaScript loop over char codes (measured).
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

const TOKEN = /[A-Za-z]+(?:['’][A-Za-z]+)?/g;

/** The Latin tokens of a text (see the file comment). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const masked = /[@./]/.test(text) ? text.replace(NOT_SPEECH, (m) => ' '.repeat(m.length)) : text;
  let prevEnd = -1;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(masked); m; m = TOKEN.exec(masked)) {
    const start = m.index;
    const whole = m[0];
    // a possessive is not part of the name (`Tsinghua's` is Tsinghua as written)
    const word = endsPossessive(whole) ? whole.slice(0, -2) : whole;
    out.push({ text: word, start, end: start + word.length, joinsPrev: prevEnd >= 0 && joins(text, prevEnd, start) });
    prevEnd = start + whole.length;
  }
  return out;
}

/** Whether a token ends in `'s` or `’s`. */
function endsPossessive(token: string): boolean {
  const n = token.length;
  if (n < 2 || token.charCodeAt(n - 1) !== 115) return false;
  const apostrophe = token.charCodeAt(n - 2);
  return apostrophe === 39 || apostrophe === 0x2019;
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
  return text.split(/[\s\-‐]+/).filter((w) => /[A-Za-z]/.test(w));
}

/** The leading letters a-z of a lower-cased text (a window equal to a form starts with the form's). */
export function leadingLetters(lower: string): string {
  let i = 0;
  while (i < lower.length && lower.charCodeAt(i) >= 97 && lower.charCodeAt(i) <= 122) i++;
  return lower.slice(0, i);
}
