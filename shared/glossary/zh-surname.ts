/**
 * Surname-only mentions: a speaker is often called by surname and title alone (薛老师), and a misheard
 * surname (徐老师 for 薛老师) then has no given name to match. A single character before a title is a
 * candidate when it is a common surname that no glossary person bears and that ends no word (首席), and exactly
 * one surname of the glossary's people is near it in sound (see `nearSurname`) *and* named with a title
 * elsewhere in the transcript (at least twice, and more often than the heard surname). The transcript-wide
 * counts of "character + title" are computed once per run by `titledCounts`. Confidence stays low (review).
 */
import type { ChineseLexicon } from '../lexicon/types';
import type { GlossaryForm } from './glossary';
import { readPinyin, splitSyllable, syllableDistance, type Reading } from './pinyin-key';
import { looksLikeName, SURNAME_CHARS } from './surnames';

/** Titles a surname alone may carry. */
const TITLED = /(\p{Script=Han})(?=(副?院士|教授|老师|先生|女士|博士|副?院长|副?校长|副?主任|书记|社长|董事长|理事长|部长|秘书长|总裁))/gu;

/** A proposed surname correction; offsets are UTF-16 units of the searched text. */
export interface SurnameMatch {
  start: number;
  end: number;
  text: string;
  suggestion: string;
  term: string;
  form: GlossaryForm;
  confidence: number;
  reason: string;
}

interface Person {
  surname: string;
  syllable: string;
  form: GlossaryForm;
}

/** How often each character stands right before a title, over all the given texts. */
export function titledCounts(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) for (const m of t.matchAll(TITLED)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return counts;
}

/** Surnames of the glossary's people (two- to three-character Han names). */
export class SurnameMatcher {
  /** The first person of each (surname, reading), in glossary order: thousands of names share ~100 surnames. */
  private readonly people: Person[] = [];
  private readonly surnames = new Set<string>();

  /** `readOf` returns a term's reading when the caller has it already (one pinyin call per term is slow). */
  constructor(forms: readonly GlossaryForm[], readOf: (text: string) => Reading | undefined = () => undefined) {
    const seen = new Set<string>();
    for (const f of forms) {
      const chars = [...f.text];
      if (f.lang !== 'zh' || chars.length < 2 || chars.length > 3 || !/^\p{Script=Han}+$/u.test(f.text)) continue;
      if (!(f.entry.kind === 'name' || (f.entry.kind === undefined && looksLikeName(f.text)))) continue;
      this.surnames.add(chars[0]!);
      const syllable = (readOf(f.text) ?? readPinyin(f.text)).syllables[0]!;
      if (seen.has(chars[0]! + syllable)) continue;
      seen.add(chars[0]! + syllable);
      this.people.push({ surname: chars[0]!, syllable, form: f });
    }
  }

  /** Surname-before-title spans in `text` that stand for a glossary person named so elsewhere. */
  match(text: string, counts: ReadonlyMap<string, number>, lexicon?: ChineseLexicon): SurnameMatch[] {
    if (this.people.length === 0) return [];
    const out: SurnameMatch[] = [];
    for (const m of text.matchAll(TITLED)) {
      const c = m[1]!;
      if (!SURNAME_CHARS.has(c) || this.surnames.has(c)) continue;
      const prev = text.slice(Math.max(0, m.index - 1), m.index);
      // the last character of a longer name (李小明老师) or of a word (首席副校长) is not a surname
      if (/\p{Script=Han}/u.test(prev) && (SURNAME_CHARS.has(prev) || lexicon?.has(prev + c))) continue;
      const heard = readPinyin(c).syllables[0]!;
      const seen = counts.get(c) ?? 0;
      const near = this.people.filter((p) => nearSurname(heard, p.syllable) && (counts.get(p.surname) ?? 0) >= 2 &&
        (counts.get(p.surname) ?? 0) > seen);
      const surnames = new Set(near.map((p) => p.surname));
      if (surnames.size !== 1) continue;
      const p = near[0]!;
      const title = m[2]!;
      out.push({
        start: m.index, end: m.index + c.length, text: c, suggestion: p.surname, term: p.form.text, form: p.form,
        confidence: 0.5,
        reason: `${c} (${heard}) before a title ≈ ${p.surname} (${p.syllable}) of ${p.form.text} in glossary; ` +
          `${p.surname}${title} and the like are named ${counts.get(p.surname)} times in the transcript`,
      });
    }
    return out;
  }
}

/**
 * Near surnames: the same fuzzy class, or the same initial with one final extending the other (徐 xu / 薛 xue);
 * not merely the same initial (周 zhou is not 张 zhang, 肖 xiao not 薛 xue).
 */
function nearSurname(a: string, b: string): boolean {
  if (syllableDistance(a, b) <= 0.3) return true;
  const [ai, af] = splitSyllable(a);
  const [bi, bf] = splitSyllable(b);
  return ai === bi && ai !== '' && af !== bf && (af.startsWith(bf) || bf.startsWith(af));
}
