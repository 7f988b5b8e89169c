/**
 * The event glossary: names, organisations and terms an editor expects in a transcript.
 *
 * File format (UTF-8, one entry a line): `term<TAB>other-language equivalent<TAB>note`. Only the term is
 * required; `#` starts a comment line; blank lines are skipped. A pair such as `姚期智<TAB>Andrew Chi-Chih Yao`
 * keeps both language tracks consistent: the Chinese side feeds the pinyin matcher, the English side the
 * phonetic matcher. Several glossaries combine with `mergeGlossaries` (first file wins a duplicate term, later
 * files may fill in a missing equivalent or note). Parsing never throws: oddities become diagnostics.
 */
import type { Diagnostic } from '../model/diagnostics';
import { DiagnosticSink } from '../model/diagnostics';
import { expandForms, type FormOptions } from './forms';

/** Where an entry came from: a glossary file, or a reference document it was extracted from. */
export type GlossaryKind = 'name' | 'org' | 'term';

/** One glossary line. */
export interface GlossaryEntry {
  term: string;
  /** The other language's form ('' when none). */
  equivalent: string;
  note: string;
  /** File name (or `reference:<name>` for extracted entries) and 1-based line, for messages. */
  source: string;
  line: number;
  kind?: GlossaryKind;
  /**
   * Set on a word shared by several entries (治理 of 人工智能治理) or a long term's head (智能向善 of
   * 智能向善全球伙伴计划), see forms.ts: it yields to whole terms and is matched without gaps or swaps.
   */
  part?: boolean;
}

/** A proposed correction found by a glossary matcher; offsets are UTF-16 units of the searched text. */
export interface GlossaryMatch {
  start: number;
  end: number;
  text: string;
  suggestion: string;
  term: string;
  entry: GlossaryEntry;
  confidence: number;
  reason: string;
}

export interface Glossary {
  entries: GlossaryEntry[];
}

export interface GlossaryParse {
  glossary: Glossary;
  diagnostics: Diagnostic[];
}

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/** `zh` when the text has Han characters, `en` when it has Latin letters only, otherwise null. */
export function termLang(text: string): 'zh' | 'en' | null {
  if (HAN.test(text)) return 'zh';
  if (LATIN.test(text)) return 'en';
  return null;
}

function splitColumns(line: string, lineNo: number, sink: DiagnosticSink): string[] {
  if (line.includes('\t')) return line.split('\t').map((c) => c.trim());
  // Editors often paste columns separated by runs of spaces; accept two or more spaces between scripts.
  const parts = line.split(/ {2,}|\u3000+/).map((c) => c.trim()).filter((c) => c !== '');
  if (parts.length > 1) {
    sink.warn(lineNo, 'glossary.no-tab', 'columns separated by spaces, not a tab; read as columns');
    return parts;
  }
  return [line.trim()];
}

/**
 * Parses glossary text. `fileName` is kept on each entry for messages. Handles a BOM, CRLF line endings,
 * `#` comments, missing columns and extra columns (joined into the note, with a warning).
 */
export function parseGlossary(text: string, fileName = 'glossary'): GlossaryParse {
  const sink = new DiagnosticSink();
  const entries: GlossaryEntry[] = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const rawLine = lines[i]!;
    if (rawLine.trim() === '' || rawLine.trimStart().startsWith('#')) continue;
    const cols = splitColumns(rawLine, lineNo, sink);
    const term = (cols[0] ?? '').normalize('NFC');
    if (term === '') {
      sink.warn(lineNo, 'glossary.empty-term', 'line has no term in the first column; skipped');
      continue;
    }
    if (cols.length > 3) sink.warn(lineNo, 'glossary.extra-columns', `${cols.length} columns; columns after the third were joined to the note`);
    if (termLang(term) === null) {
      sink.warn(lineNo, 'glossary.no-letters', `"${term}" has no Chinese or Latin letters; it cannot be matched`);
    }
    const prev = seen.get(term);
    if (prev !== undefined) {
      sink.info(lineNo, 'glossary.duplicate', `"${term}" already defined on line ${prev}; the first definition is kept`);
      continue;
    }
    seen.set(term, lineNo);
    entries.push({
      term,
      equivalent: (cols[1] ?? '').normalize('NFC'),
      note: cols.slice(2).join(' ').trim(),
      source: fileName,
      line: lineNo,
    });
  }
  if (entries.length === 0) sink.warn(0, 'glossary.empty', `${fileName} has no glossary entries`);
  return { glossary: { entries }, diagnostics: sink.items };
}

/** Writes a glossary back to the TSV format; escapes nothing but drops tabs/newlines inside cells. */
export function serializeGlossary(glossary: Glossary): string {
  const cell = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const lines = ['# term\tequivalent\tnote'];
  for (const e of glossary.entries) {
    const cols = [cell(e.term), cell(e.equivalent), cell(e.note)];
    while (cols.length > 1 && cols[cols.length - 1] === '') cols.pop();
    lines.push(cols.join('\t'));
  }
  return lines.join('\n') + '\n';
}

/** Combines glossaries; a term defined twice keeps its first definition, completed by later ones. */
export function mergeGlossaries(list: readonly Glossary[]): Glossary {
  const byTerm = new Map<string, GlossaryEntry>();
  const entries: GlossaryEntry[] = [];
  for (const g of list) {
    for (const e of g.entries) {
      const prev = byTerm.get(e.term);
      if (!prev) {
        const copy = { ...e };
        byTerm.set(e.term, copy);
        entries.push(copy);
        continue;
      }
      if (prev.equivalent === '' && e.equivalent !== '') prev.equivalent = e.equivalent;
      if (prev.note === '' && e.note !== '') prev.note = e.note;
      if (prev.kind === undefined && e.kind !== undefined) prev.kind = e.kind;
    }
  }
  return { entries };
}

/** One matchable form: a term or an equivalent, with the entry it belongs to. */
export interface GlossaryForm {
  text: string;
  lang: 'zh' | 'en';
  entry: GlossaryEntry;
}

/**
 * Every matchable form of the glossary: each term and equivalent, cleaned of titles, parentheses and quotes,
 * plus the short forms a speaker uses (see forms.ts: 薛澜 of 薛澜教授, 国际治理研究院 of 清华大学人工智能国际治理研究院).
 */
export function glossaryForms(glossary: Glossary, options: FormOptions = {}): GlossaryForm[] {
  return expandForms(glossary.entries, options);
}
