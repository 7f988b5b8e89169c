/**
 * From a transcript to aligner sentences that remember where they came from: segment index, offsets into
 * the segment's `raw` and, for timed segments, times interpolated by speech weight (a sentence that holds
 * 40 % of a segment's spoken units gets 40 % of its duration).
 *
 * Two ways in: a one-language document (`documentSentences`: every segment split as that language) and a
 * mixed document (`languageSentences`: each segment split into language runs first, then each run into
 * sentences of its language), which is how the interpreted forum transcripts come.
 */
import { countHan, countLatinWords } from '../model/lang';
import type { Segment } from '../model/segment';
import type { Transcript } from '../model/transcript';
import { speechWeight } from '../timing/reading-speed';
import type { AlignSentence } from './features';
import { splitLanguageRuns } from './lang-split';
import { splitSentences, type SplitOptions } from './sentence-split';

/** An aligner sentence with its source: segment index and UTF-16 offsets into that segment's raw. */
export interface SourcedSentence extends AlignSentence {
  segment: number;
  from: number;
  to: number;
}

/** The main language of a text: Han characters count 1/1.5 word each against Latin words. */
export function dominantLang(text: string): 'zh' | 'en' {
  return countHan(text) / 1.5 >= countLatinWords(text) ? 'zh' : 'en';
}

function timesFor(segment: Segment, from: number, to: number): { start?: number; end?: number } {
  if (segment.start === undefined || segment.end === undefined) return {};
  const total = speechWeight(segment.raw);
  const before = from > 0 ? speechWeight(segment.raw.slice(0, from)) : 0;
  const upto = speechWeight(segment.raw.slice(0, to));
  const duration = segment.end - segment.start;
  const at = (w: number): number => Math.round(segment.start! + (duration * Math.min(w, total)) / total);
  return { start: at(before), end: Math.max(at(before), at(upto)) };
}

function pushSentences(out: SourcedSentence[], segment: Segment, index: number, offset: number, text: string, lang: 'zh' | 'en', options?: SplitOptions): void {
  for (const s of splitSentences(text, lang, options)) {
    const from = offset + s.start;
    const to = offset + s.end;
    out.push({ text: s.text, segment: index, from, to, ...timesFor(segment, from, to) });
  }
}

/** Sentences of a one-language document (`lang` decides the splitter), in segment order. */
export function documentSentences(transcript: Transcript, lang: 'zh' | 'en', options?: SplitOptions): SourcedSentence[] {
  const out: SourcedSentence[] = [];
  transcript.segments.forEach((segment, index) => pushSentences(out, segment, index, 0, segment.raw, lang, options));
  return out;
}

/** Chinese and English sentences of a mixed document, each list in segment order. */
export function languageSentences(transcript: Transcript, options?: SplitOptions): { zh: SourcedSentence[]; en: SourcedSentence[] } {
  const zh: SourcedSentence[] = [];
  const en: SourcedSentence[] = [];
  transcript.segments.forEach((segment, index) => {
    for (const run of splitLanguageRuns(segment.raw)) {
      const text = segment.raw.slice(run.start, run.end);
      pushSentences(run.lang === 'zh' ? zh : en, segment, index, run.start, text, run.lang, options);
    }
  });
  return { zh, en };
}
