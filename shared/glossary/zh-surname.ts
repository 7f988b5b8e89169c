/**
 * Surname-only mentions: a speaker is often called by surname and title alone (薛老师), and a misheard
 * surname (徐老师 for 薛老师) then has no given name to match. A single character before a title is a
 * candidate when it is a common surname that no glossary person bears and that ends no word (首席), and exactly
 * one surname of the glossary's people is near it in sound (see `nearSurname`) *and* named with a title
 * elsewhere in the transcript (at least twice, and more often than the heard surname). The transcript-wide
 * counts of "character + title" are computed once per run by `titledCounts`. Confidence stays low (review).
 *
 * A wrong surname before the right given name (教兰教授 for 薛澜教授: jiao and xue share nothing): two characters
 * before a title, forming no word, whose second sounds like the given name of exactly one two-character
 * glossary person (same fuzzy class), the only glossary person of that surname, which is named with a title at
 * least twice in the transcript; the pair must not end a word (研究院院长) and
 * whose first is no common surname (王兰教授 is another person), numeral or function character (三班老师) and no
 * surname of the glossary. Review (0.5).
 */
import type { ChineseLexicon } from '../lexicon/types';
import type { GlossaryForm } from './glossary';
import { readPinyin, splitSyllable, syllableDistance, type Reading } from './pinyin-key';
import { looksLikeName, SURNAME_CHARS } from './surnames';

/** Titles a surname alone may carry. */
const TITLED = /(\p{Script=Han})(?=(副?院士|教授|老师|先生|女士|博士|副?院长|副?校长|副?主任|书记|社长|董事长|理事长|部长|秘书长|总裁))/gu;
/** Numerals and function characters: never the first character of a misheard name (三班老师, 这位老师). */
const NOT_A_NAME = new Set([...'一二三四五六七八九十两几每各某本该这那哪的了是在和与及或也都就我你他她它们个不有为对从把被将以于等其中上下来去说要会能到时而并但还所如之请位']);

/** Two characters before a title (a two-character name). */
const TITLED_TWO = /(\p{Script=Han})(\p{Script=Han})(?=(副?院士|教授|老师|先生|女士|博士|副?院长|副?校长|副?主任|书记|社长|董事长|理事长|部长|秘书长|总裁))/gu;

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

/** A two-character glossary person, by the fuzzy class of the given name's syllable. */
interface TwoCharPerson {
  surname: string;
  given: string;
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
  /** Two-character people by their given name's fuzzy class (a wrong surname before the right given name). */
  private readonly byGiven = new Map<string, TwoCharPerson[]>();
  /** Whether any person can be meant by a wrong surname, for the counts last seen (computed once a run). */
  private eligibleFor: ReadonlyMap<string, number> | null = null;
  private eligible = false;
  /** The glossary people of each surname. */
  private readonly bearers = new Map<string, string[]>();

  /** `readOf` returns a term's reading when the caller has it already (one pinyin call per term is slow). */
  constructor(forms: readonly GlossaryForm[], readOf: (text: string) => Reading | undefined = () => undefined) {
    const seen = new Set<string>();
    for (const f of forms) {
      const chars = [...f.text];
      if (f.lang !== 'zh' || chars.length < 2 || chars.length > 3 || !/^\p{Script=Han}+$/u.test(f.text)) continue;
      if (!(f.entry.kind === 'name' || (f.entry.kind === undefined && looksLikeName(f.text)))) continue;
      this.surnames.add(chars[0]!);
      // forms are distinct texts (glossaryForms dedupes them), so each is pushed once; a copy per name was
      // quadratic in the bearers of a common surname (hundreds of 王 in a large glossary)
      const bearers = this.bearers.get(chars[0]!);
      if (bearers) bearers.push(f.text);
      else this.bearers.set(chars[0]!, [f.text]);
      const reading = readOf(f.text) ?? readPinyin(f.text);
      const syllable = reading.syllables[0]!;
      if (chars.length === 2 && reading.key.length === 2) {
        const list = this.byGiven.get(reading.key[1]!) ?? this.byGiven.set(reading.key[1]!, []).get(reading.key[1]!)!;
        list.push({ surname: chars[0]!, given: chars[1]!, syllable: reading.syllables[1]!, form: f });
      }
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
    if (this.byGiven.size > 0) for (const m of this.wrongSurname(text, counts, lexicon)) out.push(m);
    return out;
  }

  /** 教兰教授 → 薛澜 (see the file comment). */
  private wrongSurname(text: string, counts: ReadonlyMap<string, number>, lexicon?: ChineseLexicon): SurnameMatch[] {
    const out: SurnameMatch[] = [];
    // only people whose surname alone points at them and is named with a title twice can be meant
    if (this.eligibleFor !== counts) {
      this.eligibleFor = counts;
      this.eligible = [...this.bearers].some(([surname, names]) => names.length === 1 && (counts.get(surname) ?? 0) >= 2);
    }
    if (!this.eligible) return out;
    for (const m of text.matchAll(TITLED_TWO)) {
      const a = m[1]!;
      const b = m[2]!;
      if (SURNAME_CHARS.has(a) || this.surnames.has(a) || NOT_A_NAME.has(a) || lexicon?.has(a + b)) continue;
      // the tail of a word (研究院院长: 究院) is no name
      const prev = text.slice(Math.max(0, m.index - 1), m.index);
      if (/\p{Script=Han}/u.test(prev) && (lexicon?.has(prev + a) || lexicon?.has(prev + a + b))) continue;
      const given = readChar(b);
      // the titled surname must point at this one person: no other glossary person bears it (高文, 高奇琦)
      const people = (this.byGiven.get(given.key) ?? []).filter((p) => p.surname !== a && (counts.get(p.surname) ?? 0) >= 2 &&
        this.bearers.get(p.surname)!.length === 1);
      if (people.length !== 1) continue;
      const p = people[0]!;
      const same = p.given === b;
      out.push({
        start: m.index, end: m.index + a.length + (same ? 0 : b.length), text: same ? a : a + b,
        suggestion: same ? p.surname : p.form.text, term: p.form.text, form: p.form, confidence: 0.5,
        reason: `${a}${b} (${readChar(a).syllable} ${given.syllable}) before a title ≈ ${p.form.text}: given name ${p.given} (${p.syllable}) in glossary; ` +
          `${p.surname}${m[3]} and the like are named ${counts.get(p.surname)} times in the transcript`,
      });
    }
    return out;
  }
}

const charReadings = new Map<string, { key: string; syllable: string }>();

/** The fuzzy class and syllable of one character read alone, cached (pinyin-pro calls are slow). */
function readChar(c: string): { key: string; syllable: string } {
  let r = charReadings.get(c);
  if (!r) {
    const p = readPinyin(c);
    r = { key: p.key, syllable: p.syllables[0]! };
    charReadings.set(c, r);
  }
  return r;
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
