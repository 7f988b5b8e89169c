/**
 * Alignment units: the pieces of a segment that get their own times. A unit ends after sentence-final
 * punctuation (。！？!?; and `.` before a space or the end); a unit longer than `maxChars` code points
 * is cut again after a clause mark (，、,:：;) so long unpunctuated-ish sentences still get anchors.
 * Offsets are UTF-16 code units of the text; units cover the text without gaps (leading/trailing
 * spaces stay with the unit before).
 */

/** One piece of a segment's text. */
export interface TextUnit {
  text: string;
  start: number;
  end: number;
}

const SENTENCE_END = /[。！？!?；;]+[」』”"’)）]*|\.(?=\s|$)[」』”"’)）]*/gu;
const CLAUSE_END = /[，、,：:]+/gu;

function cutAt(text: string, re: RegExp, offset: number): TextUnit[] {
  const out: TextUnit[] = [];
  let from = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let to = m.index + m[0].length;
    while (to < text.length && /\s/u.test(text[to]!)) to++;
    if (to > from && to < text.length) {
      out.push({ text: text.slice(from, to), start: offset + from, end: offset + to });
      from = to;
    }
  }
  if (from < text.length) out.push({ text: text.slice(from), start: offset + from, end: offset + text.length });
  return out;
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Splits text into alignment units (see the file comment). Empty text gives no units. */
export function splitUnits(text: string, maxChars = 60): TextUnit[] {
  if (text.trim() === '') return [];
  const out: TextUnit[] = [];
  for (const sentence of cutAt(text, SENTENCE_END, 0)) {
    if (codePoints(sentence.text) <= maxChars) out.push(sentence);
    else out.push(...mergeShort(cutAt(sentence.text, CLAUSE_END, sentence.start), Math.floor(maxChars / 3)));
  }
  return out;
}

/** Joins clauses shorter than `min` code points to their neighbour. */
function mergeShort(units: TextUnit[], min: number): TextUnit[] {
  const out: TextUnit[] = [];
  for (const u of units) {
    const last = out[out.length - 1];
    if (last && (codePoints(last.text) < min || codePoints(u.text) < min)) {
      out[out.length - 1] = { text: last.text + u.text, start: last.start, end: u.end };
    } else out.push({ ...u });
  }
  return out;
}
