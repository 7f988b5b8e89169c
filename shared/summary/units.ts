/**
 * Clause units: the transcript cut into clauses (at 。！？；，, sentence-final periods and emoji) with their
 * place (segment, UTF-16 offsets into raw), their clean text and their language. Turn detection reads cues
 * clause by clause, because hand-overs often happen inside one ASR line (`…下面我们掌声有请姚先生。🎼非常感谢…`).
 *
 * Clean text per clause: the segment's applied flags (clean.ts rules: decisions, level, non-overlapping
 * choice) are given to the clause holding their start offset and applied there; a manual edit replaces the
 * segment's text, so the edited segment becomes one clause. A clause is *blocked* for key points when an
 * unresolved (not applied, not rejected) hallucination or garble flag touches it. One linear pass.
 */
import { chooseNonOverlapping, applyFlags, isApplied, type DeriveOptions } from '../model/clean';
import type { Flag } from '../model/flag';
import type { Transcript } from '../model/transcript';

/** One clause of the transcript. */
export interface Unit {
  segment: number;
  start: number;
  end: number;
  raw: string;
  clean: string;
  /** `zh`, `en`, or null when the clause has too little text to say. */
  lang: 'zh' | 'en' | null;
  /** The clause ends a sentence (。！？ or a period), not just a comma clause. */
  sentenceEnd: boolean;
  /** An unresolved hallucination/garble flag touches it: never a key point. */
  blocked: boolean;
  line: number;
}

const BREAK = /[。！？!?；;，,…]/u;
const SENTENCE_END = /[。！？!?；;…]/u;
const PICTO = /\p{Extended_Pictographic}/u;
/** `Dr. 瑞敏河`, `Prof. Xiong`: a period after a title does not end a sentence. */
const ABBREVIATION = /(?:^|[^A-Za-z])(?:Dr|Prof|Mr|Mrs|Ms|St|vs|etc|e\.g|i\.e|No)$/;
const HAN_G = /\p{Script=Han}/gu;
const LATIN_WORD_G = /[A-Za-z][A-Za-z'’-]*/g;

/** Language of a short piece of text, or null when it has too few letters to tell. */
export function unitLang(text: string): 'zh' | 'en' | null {
  const han = text.match(HAN_G)?.length ?? 0;
  const words = text.match(LATIN_WORD_G)?.length ?? 0;
  if (han >= 2 && han >= words) return 'zh';
  if (words >= 2 && han <= 1) return 'en';
  if (han > 0 && words === 0) return 'zh';
  return null;
}

/** Offsets [start, end) of the clauses of a text. */
export function clauseSpans(text: string): { start: number; end: number; sentenceEnd: boolean }[] {
  const out: { start: number; end: number; sentenceEnd: boolean }[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number, sentenceEnd: boolean) => {
    if (text.slice(start, end).trim() !== '') out.push({ start, end, sentenceEnd });
    else if (out.length > 0 && end > start) out[out.length - 1]!.end = end;
    start = end;
  };
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    if (ch === '请' && text[i - 1] === '有' && /^[好嗯呃谢]/u.test(text.slice(next, next + 1))) {
      // ASR run-on `有请好的，` : the hand-over ends and the guest's reply starts
      push(next, false);
      i = next;
      continue;
    }
    if (BREAK.test(ch)) {
      let j = next;
      while (j < text.length && BREAK.test(text[j]!)) j++;
      push(j, SENTENCE_END.test(text.slice(i, j)));
      i = j;
      continue;
    }
    if (ch === '.' && (next >= text.length || /\s/.test(text[next]!)) && /[a-z0-9)]/i.test(text[i - 1] ?? '') && !ABBREVIATION.test(text.slice(Math.max(0, i - 5), i))) {
      push(next, true);
      i = next;
      continue;
    }
    if (PICTO.test(ch)) {
      // an emoji (applause 🎼, 😊) separates clauses; it joins the clause before it
      let j = next;
      while (j < text.length && (text[j] === '\uFE0F' || text[j] === '\u200D' || text[j] === '，' || text[j] === ',')) j++;
      push(j, false);
      i = j;
      continue;
    }
    i = next;
  }
  push(text.length, true);
  return out;
}

function unresolvedBad(flag: Flag, options: DeriveOptions): boolean {
  if (options.decisions?.[flag.id] === 'rejected') return false;
  if (isApplied(flag, options)) return false;
  return flag.kind === 'hallucination' || /garble/.test(flag.ruleId);
}

/** Cuts the transcript into clause units with clean text (see the file comment). */
export function buildUnits(
  transcript: Transcript,
  flagsBySegment: ReadonlyMap<string, readonly Flag[]>,
  options: DeriveOptions,
  edits?: Readonly<Record<string, string>>,
): Unit[] {
  const units: Unit[] = [];
  transcript.segments.forEach((segment, index) => {
    const flags = flagsBySegment.get(segment.id) ?? [];
    const edit = edits?.[segment.id];
    if (edit !== undefined) {
      units.push({ segment: index, start: 0, end: segment.raw.length, raw: segment.raw, clean: edit, lang: unitLang(edit), sentenceEnd: true, blocked: false, line: segment.sourceLine });
      return;
    }
    const applied = chooseNonOverlapping(flags.filter((f) => isApplied(f, options)));
    const bad = flags.filter((f) => unresolvedBad(f, options));
    let next = 0;
    for (const span of clauseSpans(segment.raw)) {
      const last = span.end >= segment.raw.length;
      const mine: Flag[] = [];
      while (next < applied.length && (applied[next]!.start < span.end || last)) {
        const f = applied[next++]!;
        mine.push({ ...f, start: f.start - span.start, end: Math.min(f.end, segment.raw.length) - span.start });
      }
      const raw = segment.raw.slice(span.start, span.end);
      const clipped = mine.map((f) => ({ ...f, start: Math.max(0, f.start), end: Math.min(Math.max(f.end, f.start), raw.length) }));
      const clean = applyFlags(raw, clipped.filter((f) => f.start <= raw.length));
      units.push({
        segment: index,
        start: span.start,
        end: span.end,
        raw,
        clean,
        lang: unitLang(clean),
        sentenceEnd: span.sentenceEnd,
        blocked: bad.some((f) => f.start < span.end && f.end > span.start),
        line: segment.sourceLine,
      });
    }
  });
  return units;
}
