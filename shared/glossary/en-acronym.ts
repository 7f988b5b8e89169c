/**
 * Acronyms in the English glossary matcher: an all-caps token one confusable letter, one swap or one missing
 * letter away from a glossary acronym (GBT → GPT, WIAC → WAIC, ITO → ITU, UU → UNU, IEA → IAEA), and an
 * acronym spoken letter by letter and written as words (`you and you` → U-N-U, `you new` → UNU). Well-known
 * acronyms (GPU, API …) are left alone except for a missing letter of a glossary acronym.
 */
import type { EnMatch, Target } from './en-index';
import type { Token } from './en-tokens';
import { acronymRelation } from './phonetic';

/** Acronyms common enough in AI talk that a near-miss of a glossary acronym is probably meant as written. */
const KNOWN_ACRONYMS = new Set(
  'AI AGI ASI API GPU CPU TPU LLM NLP CEO CTO CFO GDP UN EU US UK USA PPT ID IT ICT IEA IAEA IPCC ICC OECD UNDP UNESCO WHO WTO ITU NGO R&D PR HR QA IoT VR AR XR OK'.split(' '),
);

/** Words a recogniser writes for spoken letter names (`you and you` is U-N-U; `new` is N-U). */
const LETTER_WORDS: Record<string, string> = Object.fromEntries(
  ('a:A ay:A bee:B be:B see:C sea:C dee:D ee:E ef:F eff:F gee:G ji:G aitch:H eye:I jay:J kay:K el:L ell:L em:M ' +
    'and:N en:N an:N new:NU knew:NU nu:NU oh:O owe:O pee:P pea:P cue:Q queue:Q are:R ar:R es:S ess:S tee:T tea:T ' +
    'you:U yu:U vee:V ex:X why:Y zee:Z zed:Z').split(' ').map((p) => p.split(':') as [string, string]),
);

/** Longest word in LETTER_WORDS: a longer token (most of them) is no letter name. */
const LONGEST_LETTER_WORD = Math.max(...Object.keys(LETTER_WORDS).map((w) => w.length));

/** The letters a token stands for when spoken letter by letter, or null. */
function lettersOf(token: string): string | null {
  if (token.length > LONGEST_LETTER_WORD) return null;
  if (isCaps(token, 1, 1)) return token;
  return LETTER_WORDS[token.toLowerCase()] ?? null;
}

/** Whether a token is `min` to `max` capital letters A-Z (as /^[A-Z]{min,max}$/). */
function isCaps(token: string, min: number, max: number): boolean {
  if (token.length < min || token.length > max) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/**
 * An acronym spoken letter by letter and written as words (`you and you` → UNU): two to four touching
 * tokens whose letter names spell a glossary acronym of three letters or more, at least one of them a word.
 */
export function matchSpelled(text: string, tokens: Token[], i: number, acronyms: readonly Target[], out: EnMatch[]): void {
  if (acronyms.length === 0) return;
  let letters = '';
  let words = 0;
  for (let n = 1; n <= 4 && i + n <= tokens.length; n++) {
    const tok = tokens[i + n - 1]!;
    if (n > 1 && !tok.joinsPrev) return;
    const l = lettersOf(tok.text);
    if (l === null) return;
    letters += l;
    if (tok.text.length > 1) words++;
    if (n < 2 || words === 0 || letters.length < 3) continue;
    const t = acronyms.find((a) => a.form === letters);
    if (!t) continue;
    const end = tok.end;
    const start = tokens[i]!.start;
    out.push({
      start, end, text: text.slice(start, end), suggestion: t.form, term: t.form, entry: t.entry,
      confidence: 0.6, reason: `${text.slice(start, end)} spells ${letters.split('').join('-')}: ${t.form} in glossary`,
    });
    return;
  }
}


export function matchAcronym(tokens: Token[], i: number, acronyms: readonly Target[], forms: ReadonlySet<string>, out: EnMatch[]): void {
  if (acronyms.length === 0) return;
  let tok = tokens[i]!;
  // spelled-out letters (`U U system`) read as one acronym
  const next = tokens[i + 1];
  if (isCaps(tok.text, 1, 1) && next && next.joinsPrev && isCaps(next.text, 1, 1)) {
    tok = { text: tok.text + next.text, start: tok.start, end: next.end, joinsPrev: tok.joinsPrev };
  }
  if (!isCaps(tok.text, 2, 6) || forms.has(tok.text)) return;
  // a well-known acronym is corrected only to a glossary acronym it lacks a letter of (IEA → IAEA)
  const known = KNOWN_ACRONYMS.has(tok.text);
  for (const t of acronyms) {
    const rel = acronymRelation(tok.text, t.form);
    if (!rel || (known && !(rel === 'gap' && tok.text.length >= 3 && tok.text.length < t.form.length))) continue;
    const conf = known ? 0.4 : rel === 'gap' ? 0.45 : 0.6;
    const why = rel === 'confusable' ? 'one letter misheard' : rel === 'swap' ? 'two letters swapped' : 'one letter missing or extra';
    out.push({
      start: tok.start, end: tok.end, text: tok.text, suggestion: t.form, term: t.form, entry: t.entry,
      confidence: conf, reason: `${tok.text} is ${t.form} in glossary with ${why}`,
    });
  }
}
