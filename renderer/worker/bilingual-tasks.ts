/**
 * Bilingual alignment for the bilingual view, in the worker.
 *
 * - A transcript that is bilingual per cue (most cues hold a Chinese run and an English run, like subtitles with
 *   the Chinese line over the English line) is paired inside each cue: the cue's Chinese sentences are aligned
 *   with its English sentences by the aligner, so a pair's confidence is the aligner's bead score, and a cue
 *   with one language only gives a one-sided pair rather than borrowing a neighbour's sentence.
 * - A transcript and a translation file (a second transcript or subtitle file the user opened): the sentences
 *   of each are aligned as two documents, with the aligner's dictionary and times when both sides are timed.
 * - Anything else (an interpreted or code-switching talk where Chinese and English runs are different speech) is
 *   not a translation pair: `alignTranscript` returns no pairs and the view asks for a translation file instead of
 *   pairing unrelated sentences.
 */
import { alignSentences, documentSentences, dominantLang, splitLanguageRuns, splitSentences } from '../../shared/align';
import type { AlignDictionary } from '../../shared/align';
import type { AlignedPair, Sentence } from '../../shared/edit';
import { parseBytes } from '../../shared/formats';
import type { Diagnostic } from '../../shared/model/diagnostics';
import type { Transcript } from '../../shared/model/transcript';
import type { DataUrl, TaskRequest } from './protocol';
import { alignDictionary } from './resources';

type Progress = (done: number, total: number) => void;

/** Share of non-empty cues holding both languages above which a transcript counts as bilingual per cue. */
export const BILINGUAL_CUE_SHARE = 0.6;

interface CueSides {
  zh: Sentence[];
  en: Sentence[];
}

function cueSides(text: string, segmentId: string): CueSides {
  const sides: CueSides = { zh: [], en: [] };
  for (const run of splitLanguageRuns(text)) {
    for (const s of splitSentences(text.slice(run.start, run.end), run.lang)) {
      if (!s.text.trim()) continue;
      const list = sides[run.lang];
      list.push({ id: `${segmentId}:${run.lang}${list.length + 1}`, text: s.text, segmentId });
    }
  }
  return sides;
}

/** True when most cues hold both a Chinese and an English run. */
export function isBilingualPerCue(transcript: Transcript, clean: readonly string[]): boolean {
  let both = 0;
  let nonEmpty = 0;
  transcript.segments.forEach((segment, i) => {
    const runs = splitLanguageRuns(clean[i] ?? segment.raw);
    if (runs.length === 0) return;
    nonEmpty++;
    if (runs.some((r) => r.lang === 'zh') && runs.some((r) => r.lang === 'en')) both++;
  });
  return nonEmpty > 0 && both / nonEmpty >= BILINGUAL_CUE_SHARE;
}

function pairsFromBeads(zh: readonly Sentence[], en: readonly Sentence[], dictionary: AlignDictionary | null, prefix: string): AlignedPair[] {
  if (zh.length === 0 || en.length === 0) {
    // one side only: nothing to align, and nothing to pretend
    return zh.length + en.length === 0 ? [] : [{ id: `${prefix}a`, zh: [...zh], en: [...en], confidence: 0 }];
  }
  const result = alignSentences(zh.map((s) => ({ text: s.text })), en.map((s) => ({ text: s.text })), dictionary ? { dictionary } : {});
  return result.beads.map((bead, k) => ({
    id: `${prefix}${k + 1}`,
    zh: bead.zh.map((i) => zh[i]!),
    en: bead.en.map((i) => en[i]!),
    confidence: bead.zh.length && bead.en.length ? Math.round(bead.score * 100) / 100 : 0,
  }));
}

/** Pairs a transcript that is bilingual per cue, cue by cue; [] when it is not bilingual per cue. */
export async function alignTranscript(transcript: Transcript, clean: readonly string[], dataUrl: DataUrl, progress: Progress): Promise<AlignedPair[]> {
  if (!isBilingualPerCue(transcript, clean)) return [];
  const dictionary = await alignDictionary(dataUrl);
  const out: AlignedPair[] = [];
  transcript.segments.forEach((segment, i) => {
    const sides = cueSides(clean[i] ?? segment.raw, segment.id);
    out.push(...pairsFromBeads(sides.zh, sides.en, dictionary, `p${i + 1}.`));
    if (i % 500 === 0) progress(i, transcript.segments.length);
  });
  return out;
}

/** Aligns the current transcript (its clean text) with a translation file. */
export async function alignWithTranslation(
  req: Extract<TaskRequest, { type: 'align-translation' }>, dataUrl: DataUrl,
): Promise<{ pairs: AlignedPair[]; diagnostics: Diagnostic[] }> {
  const parsed = parseBytes(req.bytes, { fileName: req.name });
  if (!parsed.ok) throw new Error(parsed.message);
  const other = parsed.value.transcript;
  const mine: Transcript = { ...req.transcript, segments: req.transcript.segments.map((s, i) => ({ ...s, raw: req.clean[i] ?? s.raw })) };
  const text = (t: Transcript) => t.segments.map((s) => s.raw).join('\n');
  const mineLang = dominantLang(text(mine));
  const otherLang = dominantLang(text(other));
  if (mineLang === otherLang) {
    throw new Error(`both files are mostly ${mineLang === 'zh' ? 'Chinese' : 'English'}: open a translation in the other language`);
  }
  const mineSentences = documentSentences(mine, mineLang);
  const otherSentences = documentSentences(other, otherLang);
  const [zhSide, enSide] = mineLang === 'zh' ? [mineSentences, otherSentences] : [otherSentences, mineSentences];
  const toSentence = (from: Transcript, isMine: boolean, lang: 'zh' | 'en') => (s: (typeof mineSentences)[number], k: number): Sentence => ({
    id: `${lang}${k + 1}`, text: s.text, ...(isMine ? { segmentId: from.segments[s.segment]!.id } : {}),
  });
  const zh = zhSide.map(toSentence(mineLang === 'zh' ? mine : other, mineLang === 'zh', 'zh'));
  const en = enSide.map(toSentence(mineLang === 'en' ? mine : other, mineLang === 'en', 'en'));
  const dictionary = await alignDictionary(dataUrl);
  const result = alignSentences(zhSide, enSide, dictionary ? { dictionary } : {});
  const pairs = result.beads.map((bead, k): AlignedPair => ({
    id: `t${k + 1}`,
    zh: bead.zh.map((i) => zh[i]!),
    en: bead.en.map((i) => en[i]!),
    confidence: bead.zh.length && bead.en.length ? Math.round(bead.score * 100) / 100 : 0,
  }));
  return { pairs, diagnostics: parsed.value.diagnostics };
}
