/**
 * Language runs inside a mixed segment. Forum transcripts put an interpreter's English right after the
 * Chinese (`时间到了。OK谢谢大家。谢院。 Okay， Mr。 Ca， I know that…`); the aligner needs the two apart.
 *
 * The text is cut into sentences with a splitter that knows both languages' end marks (and English
 * abbreviations, so `Mr。` does not end a sentence). Each sentence is tagged by weight: Han characters
 * count 1/1.5 of a word (a Chinese word is about 1.5 characters), Latin words count one each, and a
 * sentence is English only when it has no Han at all or its Latin words clearly outweigh its Han words and
 * form a run of three or more. So `这个 model 的 performance 很好。` stays Chinese: Latin terms inside a Chinese
 * sentence stay in the Chinese run. Sentences with neither script (`😊`, `2024.`) join the run before them.
 * Adjacent sentences of one language merge into a run; runs cover the trimmed text without gaps.
 */
import { countHan, countLatinWords } from '../model/lang';
import { splitSentences } from './sentence-split';

/** A run of one language: offsets into the text (UTF-16 code units). */
export interface LanguageRun {
  lang: 'zh' | 'en';
  start: number;
  end: number;
}

const ENGLISH_RUN = /\p{Script=Latin}[\p{Script=Latin}'’-]*(?:[\s,.!?;:"“”()，-]+\p{Script=Latin}[\p{Script=Latin}'’-]*){2,}/u;

/** The language of one sentence, or null when it has neither Han nor Latin letters. */
export function sentenceLang(text: string): 'zh' | 'en' | null {
  const han = countHan(text);
  const latin = countLatinWords(text);
  if (han === 0 && latin === 0) return null;
  if (han === 0) return 'en';
  if (latin === 0) return 'zh';
  return latin > han / 1.5 && ENGLISH_RUN.test(text) ? 'en' : 'zh';
}

/** Splits text into alternating language runs at sentence boundaries. */
export function splitLanguageRuns(text: string): LanguageRun[] {
  // Split with the Chinese marks first, then English marks inside English-looking pieces (abbreviation-aware).
  const pieces: { start: number; end: number; lang: 'zh' | 'en' | null }[] = [];
  for (const zhSentence of splitSentences(text, 'zh', { maxLength: Number.MAX_SAFE_INTEGER })) {
    const lang = sentenceLang(zhSentence.text);
    if (lang === 'en' || lang === null) {
      pieces.push({ start: zhSentence.start, end: zhSentence.end, lang });
      continue;
    }
    // A Chinese-tagged piece may still hide an English sentence after a half-width stop.
    for (const s of splitSentences(zhSentence.text, 'en', { maxLength: Number.MAX_SAFE_INTEGER })) {
      pieces.push({ start: zhSentence.start + s.start, end: zhSentence.start + s.end, lang: sentenceLang(s.text) });
    }
  }
  const runs: LanguageRun[] = [];
  for (const piece of pieces) {
    const last = runs[runs.length - 1];
    const lang = piece.lang ?? last?.lang ?? null;
    if (lang === null) continue;
    if (last && last.lang === lang) last.end = piece.end;
    else runs.push({ lang, start: piece.start, end: piece.end });
  }
  // Leading neutral pieces (before any tagged one) join the first run.
  if (runs.length && pieces.length && pieces[0]!.start < runs[0]!.start) runs[0]!.start = pieces[0]!.start;
  return runs;
}
