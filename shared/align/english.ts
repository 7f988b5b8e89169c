/**
 * English word handling for the aligner's lexical evidence: tokenise, drop function words, and reduce
 * each word to a crude stem so that a CEDICT gloss ("to discover", "planets") meets the sentence's word
 * ("discovered", "planet"). The stemmer is deliberately small (suffix stripping with a few guards): it only
 * has to make both sides agree, not produce linguistic stems.
 */

const STOP = new Set(
  ('a an the of to in on at by for from with about as into onto over under up down out off than then '
    + 'and or but nor so if because while although though that this these those it its it\'s is are was were '
    + 'be been being am do does did done have has had having will would shall should can could may might must '
    + 'i me my mine we us our you your he him his she her they them their there here what which who whom whose '
    + 'when where why how not no yes very just also too such some any all each every one s t ll re ve d m '
    + 'oneself sb sth something someone somebody etc e g i.e. eg ie esp cf lit fig abbr variant '
    + 'classifier cl particle surname sth. sb.').split(/\s+/),
);

/** True for English function words and CEDICT gloss boilerplate that carry no alignment evidence. */
export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

const WORD_G = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower-cased word tokens (letters/digits; inner apostrophes kept, then possessive 's removed). */
export function englishTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD_G)) {
    let w = m[0].replace(/’/g, "'");
    if (w.endsWith("'s")) w = w.slice(0, -2);
    out.push(w);
  }
  return out;
}

const VOWEL = /[aeiouy]/;
const SUFFIXES = ['ingly', 'edly', 'ing', 'ed', 'ly', 'ment', 'ness', 'ation', 'ity', 'er', 'est', 'ful'];

/** Irregular inflections mapped to the base form CEDICT glosses use ("went" meets "to go"). */
const IRREGULAR = new Map<string, string>(
  ('went:go gone:go goes:go saw:see seen:see sees:see took:take taken:take made:make gave:give given:give came:come '
    + 'knew:know known:know thought:think told:tell said:say says:say found:find got:get gotten:get left:leave felt:feel '
    + 'kept:keep held:hold brought:bring bought:buy caught:catch taught:teach fought:fight sought:seek wrote:write '
    + 'written:write spoke:speak spoken:speak broke:break broken:break chose:choose chosen:choose drove:drive '
    + 'driven:drive ate:eat eaten:eat fell:fall fallen:fall forgot:forget forgotten:forget began:begin begun:begin '
    + 'ran:run sang:sing sung:sing swam:swim drank:drink drunk:drink sat:sit stood:stand understood:understand '
    + 'met:meet led:lead fed:feed fled:flee slept:sleep wept:weep sent:send spent:spend built:build lent:lend lost:lose '
    + 'paid:pay laid:lay lay:lie heard:hear sold:sell won:win wore:wear worn:wear tore:tear torn:tear grew:grow '
    + 'grown:grow threw:throw thrown:throw flew:fly flown:fly drew:draw drawn:draw blew:blow shook:shake rose:rise '
    + 'risen:rise woke:wake hid:hide hidden:hide bit:bite bitten:bite rode:ride ridden:ride struck:strike hung:hang '
    + 'dug:dig stuck:stick meant:mean dealt:deal dreamt:dream learnt:learn burnt:burn shot:shoot lit:light '
    + 'children:child men:man women:woman people:person feet:foot teeth:tooth mice:mouse geese:goose lives:life '
    + 'wives:wife knives:knife leaves:leaf wolves:wolf halves:half thieves:thief better:good best:good worse:bad '
    + 'worst:bad').split(' ').map((pair) => pair.split(':') as [string, string]),
);

/** A crude, deterministic stem: strips common inflectional and derivational suffixes. */
export function stem(word: string): string {
  let w = IRREGULAR.get(word) ?? word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(?:ch|sh|x|z|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  // Two passes, so that a form and its base meet: discovered → discover → discov, discover → discov.
  for (let pass = 0; pass < 2; pass++) {
    for (const suffix of SUFFIXES) {
      if (w.endsWith(suffix)) {
        const base = w.slice(0, -suffix.length);
        if (base.length >= 3 && VOWEL.test(base)) {
          w = base;
          break;
        }
      }
    }
  }
  if (w.length > 3 && /([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1); // stopped → stopp → stop
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1); // change/changing → chang
  if (w.length > 3 && w.endsWith('i')) w = w.slice(0, -1) + 'y';
  return w;
}

/** Content-word stems of an English text, in order (duplicates kept). */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const t of englishTokens(text)) {
    if (STOP.has(t) || /^\d+$/.test(t)) continue;
    out.push(stem(t));
  }
  return out;
}
