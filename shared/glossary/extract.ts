/**
 * Candidate glossary terms from clean reference documents (programmes, guest lists, press articles).
 *
 * Evidence, strongest first: bold `**name**` list items (Chinese names written with a spacing `薛 澜` are
 * joined); a Chinese 2-3 character name right after a title (院士/教授/主任/部长 …) and before punctuation,
 * or right before one (姚期智院士), or before a parenthesised affiliation (高文（鹏城实验室主任）), when it
 * starts with a common surname; organisations ending in 大学/研究院/实验室/中心/委员会/学院/研究所/集团
 * (trimmed at function characters); capitalised Latin phrases and acronyms; and recurring domain n-grams
 * (3-5 Han characters, no function characters, seen at least four times, maximal). Each candidate carries its
 * kind, how often it occurs and one short evidence snippet, so a user can decide what to keep.
 */
import type { Glossary, GlossaryEntry, GlossaryKind } from './glossary';
import { glossaryForms, mergeGlossaries } from './glossary';
import { SURNAME_CHARS as SURNAMES } from './surnames';
import { ZhMatcher } from './zh-matcher';

/** One extracted term with why it was picked. */
export interface TermCandidate {
  term: string;
  kind: GlossaryKind;
  count: number;
  evidence: string;
  /** True for list, header, title and affiliation evidence; false for weaker hints a body may misspell. */
  strong: boolean;
}

const TITLES = '院士|教授|副教授|主任|副主任|研究员|副部长|部长|副院长|院长|副校长|校长|秘书长|主席|书记|董事长|总裁|首席执行官|负责人|经理|专家|博士|科学家|所长|社长|理事长';
const NAME_AFTER_TITLE = new RegExp(`(?:${TITLES})(\\p{Script=Han}{2,3}?)(?=[，、。；：（(\\s]|等|$)`, 'gu');
const NAME_BEFORE_TITLE = new RegExp(`(?:^|[，、。；：\\s（(“])(\\p{Script=Han}{2,3}?)(?:院士|教授|博士|老师|先生|女士|研究员)`, 'gmu');
const NAME_BEFORE_AFFIL = /(?:^|[，、。；：\s（(])(\p{Script=Han}{2,3})[（(][^）)\n]{2,40}[）)]/gmu;
const BOLD = /\*\*([^*\n]{2,40}?)\*\*/g;
const ORG = /\p{Script=Han}{2,18}?(?:大学|研究院|实验室|研究所|研究中心|创新中心|中心|委员会|学院|集团|基金会|出版社)/gu;
const LATIN = /\b[A-Z][A-Za-z]+(?:[ -](?:[A-Z][A-Za-z]+|of|for|and))*\b/g;
const FUNCTION_CHARS = /[的了是在和与及或也都就这那我你他她它们个一不有为对从把被将以于等及其中上下来去说要会能到时而并但还所如]/u;
const LATIN_STOP = new Set(['The', 'This', 'That', 'These', 'And', 'But', 'For', 'In', 'On', 'It', 'We', 'I', 'A', 'An', 'Of', 'To', 'Our', 'If', 'As']);

function snippet(text: string, at: number, len: number): string {
  return text.slice(Math.max(0, at - 12), Math.min(text.length, at + len + 12)).replace(/\s+/g, ' ').trim();
}

class Collector {
  readonly map = new Map<string, TermCandidate>();
  add(term: string, kind: GlossaryKind, evidence: string, strong = true): void {
    const prev = this.map.get(term);
    if (prev) {
      if (strong) prev.strong = true;
      return;
    }
    this.map.set(term, { term, kind, count: 0, evidence, strong });
  }
}

function isName(s: string): boolean {
  return /^\p{Script=Han}{2,3}$/u.test(s) && SURNAMES.has(s[0]!) && !FUNCTION_CHARS.test(s.slice(1));
}

function trimOrg(org: string): string | null {
  // keep the part after the last function character or title-ish break
  const parts = org.split(/[的了是在和与及或也都就这那我你他她它们个为对从把被将以于等由]/u);
  const tail = parts[parts.length - 1]!;
  return [...tail].length >= 4 ? tail : null;
}

/** Extracts candidate glossary terms from one document's text (Markdown or plain). */
export function extractTerms(text: string): TermCandidate[] {
  const c = new Collector();
  // Latin names in the first part of a document (a programme's header, a guest list) are strong evidence;
  // later ones may be the body's own misspellings.
  const rule = /^(?:---|\*\*\*)\s*$/m.exec(text.slice(200));
  const headerEnd = rule ? rule.index + 200 : Math.max(2000, text.length * 0.15);
  for (const m of text.matchAll(BOLD)) {
    const inner = m[1]!.replace(/[：:]$/, '').trim();
    const joined = inner.replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1');
    if (/[，。！？,.!?]/.test(joined)) continue;
    if (isName(joined) || /^\p{Script=Han}{1,5}·\p{Script=Han}{1,6}$/u.test(joined)) c.add(joined, 'name', snippet(text, m.index, m[0].length));
    else if (/^[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){1,3}$/.test(joined)) c.add(joined, 'name', snippet(text, m.index, m[0].length));
  }
  for (const re of [NAME_AFTER_TITLE, NAME_BEFORE_AFFIL, NAME_BEFORE_TITLE]) {
    for (const m of text.matchAll(re)) {
      const name = m[1]!;
      if (isName(name)) c.add(name, 'name', snippet(text, m.index, m[0].length), re !== NAME_BEFORE_TITLE);
    }
  }
  for (const m of text.matchAll(ORG)) {
    const org = trimOrg(m[0]);
    if (org && [...org].length <= 16) c.add(org, 'org', snippet(text, m.index, m[0].length));
  }
  for (const m of text.matchAll(LATIN)) {
    const t = m[0].replace(/(?: (?:of|for|and))+$/, '');
    if (LATIN_STOP.has(t) || t.length < 3) continue;
    c.add(t, 'name', snippet(text, m.index, m[0].length), m.index < headerEnd);
  }
  for (const m of text.matchAll(/\b[A-Z]{3,6}\b/g)) c.add(m[0], 'term', snippet(text, m.index, m[0].length), m.index < headerEnd);
  addRecurring(text, c);
  for (const cand of c.map.values()) cand.count = Math.max(1, countOf(text, cand.term));
  return [...c.map.values()].sort((a, b) => order(a.kind) - order(b.kind) || b.count - a.count || a.term.localeCompare(b.term));
}

function order(kind: GlossaryKind): number {
  return kind === 'name' ? 0 : kind === 'org' ? 1 : 2;
}

function countOf(text: string, term: string): number {
  let n = 0;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) n++;
  return n;
}

function addRecurring(text: string, c: Collector): void {
  const counts = new Map<string, number>();
  for (const run of text.match(/\p{Script=Han}{3,}/gu) ?? []) {
    for (let len = 3; len <= 5; len++) {
      for (let i = 0; i + len <= run.length; i++) {
        const g = run.slice(i, i + len);
        if (FUNCTION_CHARS.test(g)) continue;
        counts.set(g, (counts.get(g) ?? 0) + 1);
      }
    }
  }
  const frequent = [...counts.entries()].filter(([, n]) => n >= 4);
  const kept = frequent.filter(([g, n]) => !frequent.some(([h, m]) => h.length > g.length && m >= n && h.includes(g)));
  kept.sort((a, b) => b[1] - a[1]);
  for (const [g] of kept.slice(0, 60)) {
    const at = text.indexOf(g);
    c.add(g, 'term', snippet(text, at, g.length), false);
  }
}

/**
 * A glossary from reference documents: only strong evidence (list and header names, names beside titles or
 * affiliations, organisations, header Latin names and acronyms), plus Chinese names found beside a title in
 * the body when they do not sound like a strong name (邵信 beside 邵婧 is the body's own misspelling).
 * Recurring n-grams stay out: they are for the user to review (`extractTerms`), and as glossary terms they
 * would turn every near-homophone of an everyday phrase into a flag. `texts` are document texts or
 * `{ name, text }`.
 */
export function glossaryFromReferences(texts: readonly (string | { name: string; text: string })[]): Glossary {
  const glossaries: Glossary[] = texts.map((doc, i) => {
    const { name, text } = typeof doc === 'string' ? { name: `reference ${i + 1}`, text: doc } : doc;
    const toEntry = (t: TermCandidate): GlossaryEntry =>
      ({ term: t.term, equivalent: '', note: `from ${name}: ${t.evidence}`, source: `reference:${name}`, line: 0, kind: t.kind });
    const all = extractTerms(text);
    const strong: Glossary = { entries: all.filter((t) => t.strong).map(toEntry) };
    const zh = new ZhMatcher(glossaryForms(strong));
    const weakNames = all.filter((t) => !t.strong && t.kind === 'name' && /^\p{Script=Han}+$/u.test(t.term) &&
      zh.match(t.term + '老师').length === 0);
    // of two body names that sound alike (张凌寒, 张灵翰), the rarer is the misspelling
    const weak = weakNames.filter((t) => !weakNames.some((u) => u !== t && u.count > t.count &&
      new ZhMatcher(glossaryForms({ entries: [toEntry(u)] })).match(t.term + '老师').length > 0));
    return { entries: [...strong.entries, ...weak.map(toEntry)] };
  });
  return mergeGlossaries(glossaries);
}
