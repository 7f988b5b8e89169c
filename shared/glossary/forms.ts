/**
 * Matchable forms of glossary entries, robust to how an editor writes a glossary.
 *
 * The same person or institution appears in glossaries in many shapes: `薛澜`, `薛澜教授`, `Prof. Xue Lan`,
 * `约书亚·本吉奥`, `清华大学（Tsinghua University）`, `United Nations University (UNU)`, `GPT-4`, `《…》`,
 * `华信永道（北京）科技股份有限公司`, or an organisation named only in a speaker's note. A speaker says the short
 * form (薛澜, 本吉奥, 国际治理研究院, 华信永道, UNU, GPT), so each entry's term and equivalent are expanded:
 *
 * 1. Cleaning: quotes and 《》 go, `/`, `;` and `、` separate alternatives, a parenthesis holds an alternative
 *    in the other script (`清华大学（Tsinghua University）`, `(UNU)`) and is otherwise dropped (`（北京）`).
 * 2. People: a trailing title (院士, 教授, 院长 …) or a leading honorific (Prof., Dr., Sir …) is dropped and
 *    the form is marked a name; a transliteration `约书亚·本吉奥` gives the joined form and the surname part.
 * 3. Organisations (a Han form ending in 大学, 研究院, 中心 …): company tails (科技股份有限公司) are dropped;
 *    the form's tails from a word boundary (人工智能国际治理研究院, 国际治理研究院 of 清华大学人工智能国际治理研究院)
 *    and its head up to an inner 大学/学院 (清华大学) are forms too, and a leading 省/市 is optional.
 *    Latin `Institute … of Tsinghua University` also gives `Tsinghua University`.
 * 4. A product with a version (`GPT-4`, `GPT-4o`) gives its acronym (GPT).
 * 5. Notes: organisations named in a note (`清华大学苏世民书院院长、…`) become forms of their own.
 * 6. Shared words: an editor's glossary of standard terms may hold 治理 only inside longer entries
 *    (人工智能治理, 国际治理研究院, 前沿人工智能发展与治理). A word (Intl.Segmenter; neighbours that sit side by
 *    side in two entries are one word: 人工|智能) of two to six Han characters found in the terms or organisations
 *    of five characters or more (never names, nor a Han side whose equivalent reads as a person's name) of two or
 *    more entries is a term of its own, marked `part` (it
 *    yields to whole terms), unless it is an organisation, title or company word or an organisation's first word
 *    (香港, 中国政法); a term of seven characters or more without its last word when that word names a series
 *    or programme (现代化新征程 of 现代化新征程丛书); a long term's head up to its first word boundary at four characters or more, with four
 *    more after it (智能向善 of 智能向善全球伙伴计划), is a form of that term, marked `part` too. Both come after every other form.
 *
 * Derived forms carry a copy of their entry with the kind they imply (`name`/`org`), so the matchers treat
 * `薛澜` from `薛澜教授` as a person. The first form of a text wins; an entry's own term comes first.
 */
import type { GlossaryEntry, GlossaryForm, GlossaryKind } from './glossary';
import { termLang } from './glossary';

const TITLE_TAIL = /(?:副?院士|副?教授|博士|先生|女士|老师|副?院长|副?校长|副?主任|副?所长|社长|理事长|董事长|研究员|副?秘书长|副?部长|主席|总裁|讲师)$/u;
const HONORIFIC = /^(?:(?:Prof|Professor|Dr|Mr|Ms|Mrs|Sir|Dame|Academician)\.?\s+)+/;
const ORG_TAIL = /(?:大学|学院|研究院|研究所|研究中心|中心|实验室|委员会|基金会|出版社|集团|研究室|学会|协会|联盟|工程院|科学院|书院)$/u;
const COMPANY_TAIL = /(?:(?:科技|信息|网络|技术)*(?:股份)?有限(?:责任)?公司|股份公司)$/u;
const INNER_ORG = /^\p{Script=Han}{2,10}?(?:大学|学院|研究中心|中心|集团|研究院|科学院)(?=\p{Script=Han}{4})/u;
const PLACE_LEVEL = /^(\p{Script=Han}{2})[省市](?=\p{Script=Han}{4})/u;
const HAN_RUN = /^\p{Script=Han}+$/u;
const QUOTES = /[《》〈〉“”「」『』"'‘’]/g;
const PAREN = /[（(]([^（）()]*)[）)]/g;
/** A Latin cell with nothing to clean: no honorific, version, `of`, parenthesis, quote or separator. */
const PLAIN_LATIN = /^(?!(?:Prof|Professor|Dr|Mr|Ms|Mrs|Sir|Dame|Academician)\b)[A-Za-z][A-Za-z'’-]*(?: [A-Za-z][A-Za-z'’-]*){0,3}$/;
/** A Han cell with nothing to clean or derive: unified ideographs only (NFC leaves them), no title, organisation or company word. */
const PLAIN_HAN = /^[\u3400-\u4dbf\u4e00-\u9fff]+$/;
const ACRONYM = /^[A-Z][A-Z0-9&-]{1,7}$/;
const VERSIONED = /^([A-Z]{2,6})[- ]?\d[\w.]*$/;

let segmenter: Intl.Segmenter | null | undefined;
/** Segmentations of one `expandForms` call: an organisation's words serve its tails and the shared words. */
const segmented = new Map<string, string[]>();
function words(text: string): string[] {
  let ws = segmented.get(text);
  if (ws) return ws;
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  ws = segmenter ? [...segmenter.segment(text)].map((s) => s.segment) : [...text];
  segmented.set(text, ws);
  return ws;
}

/** What `expandForms` derives. */
export interface FormOptions {
  /**
   * Step 6, the shared words (default true). They are Han only, so a host that needs only the Latin forms (the
   * English matcher) skips the word segmentation they cost; every other form comes out the same, in order.
   */
  sharedWords?: boolean;
}

/** Every matchable form of every entry (see the file comment), deduplicated by text. */
export function expandForms(entries: readonly GlossaryEntry[], options: FormOptions = {}): GlossaryForm[] {
  const out: GlossaryForm[] = [];
  const seen = new Set<string>();
  const add = (text: string, entry: GlossaryEntry, kind?: GlossaryKind): void => {
    const lang = termLang(text);
    if (!lang || seen.has(text) || text.length < 2) return;
    seen.add(text);
    out.push({ text, lang, entry: kind && kind !== entry.kind ? { ...entry, kind } : entry });
  };
  const derived: [string, GlossaryEntry, GlossaryKind | undefined][] = [];
  const noted: [string, GlossaryEntry][] = [];
  // loops by index, tuples read by index: thousands of entries go through here once, in code not yet optimised,
  // where each destructuring or for-of allocates an iterator
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e]!;
    // each cell's cleaned whole first: an entry's own forms win over forms derived from other entries
    const remarks: string[] = [entry.note];
    for (let c = 0; c < 2; c++) {
      const forms = cellForms(c === 0 ? entry.term : entry.equivalent, remarks);
      if (forms.length > 0) add(forms[0]![0], entry, forms[0]![1]);
      for (let k = 1; k < forms.length; k++) derived.push([forms[k]![0], entry, forms[k]![1]]);
    }
    for (let r = 0; r < remarks.length; r++) for (const org of noteOrgs(remarks[r]!)) noted.push([org, entry]);
  }
  for (let k = 0; k < derived.length; k++) add(derived[k]![0], derived[k]![1], derived[k]![2]);
  // organisations named in notes come last, as entries of their own (a person's note is not the person)
  for (const [text, entry] of noted) {
    const own: GlossaryEntry = { ...entry, term: text, equivalent: '', kind: 'org' };
    for (const f of [text, ...orgParts(text)]) add(f, own, 'org');
  }
  if (options.sharedWords !== false) for (const [text, entry] of sharedParts(out)) add(text, entry, 'term');
  segmented.clear();
  return out;
}

/** Forms of one glossary cell: the cleaned whole first, then what it implies; remarks go to `remarks`. */
function cellForms(cell: string, remarks: string[]): [string, GlossaryKind | undefined][] {
  const out: [string, GlossaryKind | undefined][] = [];
  // most cells are a plain name or term: skip the cleaning (thousands of entries are read per run)
  if (PLAIN_LATIN.test(cell) || (PLAIN_HAN.test(cell) && !TITLE_TAIL.test(cell) && !ORG_TAIL.test(cell) && !COMPANY_TAIL.test(cell))) {
    out.push([cell, undefined]);
    return out;
  }
  const text = cell.normalize('NFC').replace(QUOTES, '').trim();
  if (text === '') return out;
  const inner: string[] = [];
  const main = text.replace(PAREN, (_, x: string) => {
    inner.push(x.trim());
    return ' ';
  }).replace(/\s+/g, ' ').trim();
  const mainLang = termLang(main);
  // `薛澜 Xue Lan` in one cell (a single space is no column separator): the two scripts are two forms
  const mixed = /^(\p{Script=Han}[\p{Script=Han}·•・ ]*?)\s+([A-Za-z][A-Za-z .'-]*)$/u.exec(main) ??
    /^([A-Za-z][A-Za-z .'-]*?)\s+(\p{Script=Han}[\p{Script=Han}·•・ ]*)$/u.exec(main);
  if (mixed) {
    pushForms(mixed[1]!.trim(), out);
    pushForms(mixed[2]!.trim(), out);
    return out;
  }
  for (const alt of main.split(/\s*[/／;；]\s*|(?<=\p{Script=Han})[、，,](?=\p{Script=Han})/u)) pushForms(alt.trim(), out);
  // a parenthesis in the other script is another form; in the same script (（北京）, （主持人）) it is a remark
  for (const x of inner) {
    if (x !== '' && (termLang(x) !== mainLang || ACRONYM.test(x)) && !/[、，,]/.test(x)) pushForms(x, out);
    else remarks.push(x);
  }
  return out;
}

function pushForms(text: string, out: [string, GlossaryKind | undefined][]): void {
  if (text === '') return;
  if (termLang(text) === 'en') {
    const bare = text.replace(HONORIFIC, '').replace(/,?\s+(?:PhD|Ph\.D\.|Jr\.?)$/, '').trim();
    out.push([bare, bare !== text ? 'name' : undefined]);
    const v = VERSIONED.exec(bare);
    if (v) out.push([v[1]!, 'term']);
    // `Institute … of Tsinghua University`: the institution after `of` is a form too
    const of = /\s(?:of|at)\s+((?:the\s+)?[A-Z][A-Za-z-]+(?:\s+[A-Z][A-Za-z-]+)+)$/.exec(bare);
    if (of && bare.split(/\s+/).length > 4) out.push([of[1]!.replace(/^the\s+/, ''), 'org']);
    return;
  }
  const han = text.replace(/\s+/g, '');
  const dotted = /^(\p{Script=Han}+)[·•・.](\p{Script=Han}+)$/u.exec(han);
  if (dotted) {
    out.push([dotted[1]! + dotted[2]!, 'name']);
    if ([...dotted[2]!].length >= 2) out.push([dotted[2]!, 'name']);
    return;
  }
  if (!HAN_RUN.test(han)) {
    out.push([han, undefined]);
    return;
  }
  const untitled = han.replace(TITLE_TAIL, '');
  if (untitled !== han && [...untitled].length >= 2 && [...untitled].length <= 4) {
    out.push([untitled, 'name']);
    return;
  }
  out.push([han, undefined]);
  for (const f of orgParts(han)) out.push([f, 'org']);
}

/** Shorter forms of a Han organisation name a speaker may use (see the file comment, step 3). */
function orgParts(org: string): string[] {
  const out: string[] = [];
  const company = org.replace(COMPANY_TAIL, '');
  if (company !== org && [...company].length >= 2) {
    out.push(company);
    return out;
  }
  if (!ORG_TAIL.test(org) || [...org].length < 6) return out;
  const place = PLACE_LEVEL.exec(org);
  if (place) out.push(place[1]! + org.slice(place[0].length));
  // an institution inside an institution (清华大学 | 人工智能国际治理研究院, 阿里巴巴集团 | 政策研究室): both parts
  let last = org;
  for (let m = INNER_ORG.exec(last); m; m = INNER_ORG.exec(last)) {
    out.push(m[0]);
    last = last.slice(m[0].length);
    out.push(last);
  }
  // tails of the last part from word boundaries (国际治理研究院), keeping at least three characters before the
  // organisation word (治理研究院 and 研究院 alone are too generic to stand for this institution)
  const ws = words(last);
  let at = 0;
  for (let i = 0; i + 1 < ws.length; i++) {
    at += ws[i]!.length;
    const tail = last.slice(at);
    const core = tail.replace(ORG_TAIL, '');
    if ([...ws[i + 1]!].length >= 2 && [...core].length >= 3 && [...tail].length >= 5) out.push(tail);
  }
  return out;
}

/** Organisations named in a note (`清华大学苏世民书院院长、人工智能国际治理研究院院长`). */
function noteOrgs(note: string): string[] {
  if (!note || !/\p{Script=Han}/u.test(note)) return [];
  const out: string[] = [];
  for (const part of note.split(/[、，,；;：:\s（）()]+/u)) {
    let p = part.replace(QUOTES, '');
    for (let k = 0; k < 2; k++) p = p.replace(TITLE_TAIL, '').replace(/(?:首席|执行|常务|高级|资深|科学家|负责人|专家|成员)$/u, '');
    if (HAN_RUN.test(p) && [...p].length >= 4 && [...p].length <= 20 && ORG_TAIL.test(p)) out.push(p);
  }
  return out;
}

/** Words too generic to stand for a glossary entry on their own (step 6). */
const GENERIC_PART = /^(?:大学|学院|研究院|研究所|研究|中心|实验室|委员会|基金会|出版社|集团|公司|有限公司|科技|股份|有限|中国|国家|全球|世界|国际)$/u;

/** An equivalent that reads as a person's name (Thomas Russell): its Han side is a transliteration. */
const PERSON_LATIN = /^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}$/;

/**
 * Words of a Han form, with two neighbours that recur side by side in two or more entries joined (人工|智能);
 * where two such pairs overlap, the more frequent wins. Only words of two characters or more join: single
 * characters side by side are a name's (马|史).
 */
function units(ws: readonly string[], pairs: ReadonlyMap<string, Set<string>>): string[] {
  const count = (i: number): number => (i < 1 || i >= ws.length || ws[i - 1]!.length < 2 || ws[i]!.length < 2 ? 0
    : pairs.get(`${ws[i - 1]}|${ws[i]}`)?.size ?? 0);
  const out: string[] = [];
  let joined = false;
  for (let i = 0; i < ws.length; i++) {
    const c = count(i);
    const join: boolean = !joined && c >= 2 && c >= count(i - 1) && c > count(i + 1);
    if (join) out[out.length - 1] += ws[i]!;
    else out.push(ws[i]!);
    joined = join;
  }
  return out;
}

/** Last words that name a kind of publication or programme, not the subject (现代化新征程丛书). */
const SERIES_TAIL = /(?:丛书|系列|文库|书系)$/u;

/** Shared words of several entries and heads of long terms (see the file comment, step 6). */
function sharedParts(forms: readonly GlossaryForm[]): [string, GlossaryEntry][] {
  const split: [GlossaryForm, string[]][] = [];
  const pairs = new Map<string, Set<string>>();
  // people (and anything as short as a name: 袁智冬, 米约理理) never lend their pieces
  const eligible = forms.filter((f) => f.lang === 'zh' && f.entry.kind !== 'name' && f.text.length >= 5 && f.text.length <= 20 &&
    HAN_RUN.test(f.text) && !(PERSON_LATIN.test(f.entry.equivalent) && !ORG_TAIL.test(f.text)));
  // an entry's shorter forms inside a longer one (国际治理研究院 of 清华大学人工智能国际治理研究院) add nothing
  const longest = new Map<string, string[]>();
  for (const f of eligible) (longest.get(f.entry.term) ?? longest.set(f.entry.term, []).get(f.entry.term)!).push(f.text);
  for (const f of eligible) {
    if (longest.get(f.entry.term)!.some((t) => t.length > f.text.length && t.includes(f.text))) continue;
    const ws = words(f.text);
    if (ws.length < 2) continue;
    split.push([f, ws]);
    for (let i = 0; i + 1 < ws.length; i++) {
      const p = `${ws[i]}|${ws[i + 1]}`;
      (pairs.get(p) ?? pairs.set(p, new Set()).get(p)!).add(f.entry.term);
    }
  }
  const owners = new Map<string, Set<string>>();
  const first = new Map<string, GlossaryEntry>();
  const heads: [string, GlossaryEntry][] = [];
  for (const [f, ws] of split) {
    const us = units(ws, pairs);
    const org = f.entry.kind === 'org' || ORG_TAIL.test(f.text) || /(?:公司|集团)$/u.test(f.text);
    for (let i = 0; i < us.length; i++) {
      const u = us[i]!;
      // an organisation's first word is its place or owner (香港, 中国政法), not a term
      if (u.length < 2 || u.length > 6 || u === f.text || (org && i === 0) || GENERIC_PART.test(u) || TITLE_TAIL.test(u) ||
          ORG_TAIL.test(u) || COMPANY_TAIL.test(u)) continue;
      (owners.get(u) ?? owners.set(u, new Set()).get(u)!).add(f.entry.term);
      if (!first.has(u)) first.set(u, f.entry);
    }
    // a long term's head, when four characters or more of the term follow it (智能向善 | 全球伙伴计划)
    if (org) continue;
    let at = 0;
    for (const u of us) {
      at += u.length;
      if (at >= 4 && u.length >= 2) break;
    }
    const head = at >= 4 && f.text.length - at >= 4;
    if (head) heads.push([f.text.slice(0, at), { ...f.entry, part: true }]);
    // a long term without its last word, a series or genre word (现代化新征程 | 丛书)
    const rest = f.text.length - (SERIES_TAIL.exec(f.text)?.[0].length ?? f.text.length);
    if (f.text.length >= 7 && rest >= 5 && !(head && rest === at)) {
      heads.push([f.text.slice(0, rest), { ...f.entry, part: true }]);
    }
  }
  const out: [string, GlossaryEntry][] = [];
  for (const [u, terms] of owners) {
    if (terms.size >= 2) out.push([u, { ...first.get(u)!, term: u, equivalent: '', note: `part of ${[...terms].slice(0, 3).join(', ')}`, kind: 'term', part: true }]);
  }
  return [...heads, ...out];
}
