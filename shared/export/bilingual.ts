/**
 * Bilingual exports from an alignment: SRT/WebVTT cues with the Chinese line over the English line and one
 * shared timing per cue, and two-column Markdown/TSV for translators.
 *
 * Building cues (`bilingualPairs`): each bead becomes one pair; its text is the bead's sentences joined (no
 * space between Chinese sentences, one space between English ones). Timing comes from whichever sides are
 * timed: the union of both sides' spans when both are (so an interpreter's lag stays inside the cue), else
 * the timed side's span. A bead with no timed sentence (a translation sentence the timed track has no
 * counterpart for) is not a cue of its own: its text joins the previous pair (the next one at the start).
 * Cues are then made strictly sequential: a cue starting before its predecessor ends is moved to start
 * there (the overlap is reported). With neither side timed, times are estimated from speaking rates.
 *
 * Checks are diagnostics only (nothing is cut): per language line length (Chinese by characters, default
 * 16 a line; English by characters, default 42) and reading speed (Chinese 9 characters/s, English 20
 * characters/s, over the cue's duration) — the usual broadcast limits for Simplified Chinese and English.
 */
import type { Diagnostic } from '../model/diagnostics';
import { formatClock } from '../model/time';
import { speakingDurationMs } from '../timing/reading-speed';

/** One bilingual unit: the Chinese and English text of a bead with its shared time (ms) when known. */
export interface BilingualPair {
  zh: string;
  en: string;
  start?: number;
  end?: number;
  /** Alignment confidence, 0..1. */
  score?: number;
}

/** A sentence of one side with optional times (ms). */
export interface TimedText {
  text: string;
  start?: number;
  end?: number;
}

/** A bead as indices into the two sentence lists. */
export interface PairBead {
  zh: readonly number[];
  en: readonly number[];
  score: number;
}

export interface BilingualLimits {
  zhLineChars: number;
  enLineChars: number;
  zhCharsPerSecond: number;
  enCharsPerSecond: number;
}

export const DEFAULT_LIMITS: BilingualLimits = { zhLineChars: 16, enLineChars: 42, zhCharsPerSecond: 9, enCharsPerSecond: 20 };

export interface BilingualOutput {
  text: string;
  diagnostics: Diagnostic[];
}

function spanOf(items: readonly TimedText[]): { start: number; end: number } | null {
  const starts = items.map((s) => s.start).filter((t): t is number => typeof t === 'number');
  const ends = items.map((s) => s.end).filter((t): t is number => typeof t === 'number');
  if (!starts.length || !ends.length) return null;
  return { start: Math.min(...starts), end: Math.max(...ends) };
}

function joinText(parts: readonly string[], lang: 'zh' | 'en'): string {
  return parts.map((p) => p.trim()).filter((p) => p !== '').join(lang === 'zh' ? '' : ' ');
}

/** Turns beads over two sentence lists into bilingual pairs (see the file comment for timing). */
export function bilingualPairs(zh: readonly TimedText[], en: readonly TimedText[], beads: readonly PairBead[]): BilingualPair[] {
  const pairs: BilingualPair[] = [];
  const orphans: { zh: string; en: string }[] = [];
  const untimedInput = zh.every((s) => s.start === undefined) && en.every((s) => s.start === undefined);
  for (const bead of beads) {
    const zs = bead.zh.map((i) => zh[i]!);
    const es = bead.en.map((j) => en[j]!);
    const zhText = joinText(zs.map((s) => s.text), 'zh');
    const enText = joinText(es.map((s) => s.text), 'en');
    const a = spanOf(zs);
    const b = spanOf(es);
    const span = a && b ? { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) } : a ?? b;
    if (!span && !untimedInput) {
      const last = pairs[pairs.length - 1];
      if (last) {
        last.zh = joinText([last.zh, zhText], 'zh');
        last.en = joinText([last.en, enText], 'en');
      } else orphans.push({ zh: zhText, en: enText });
      continue;
    }
    const pair: BilingualPair = { zh: zhText, en: enText, score: bead.score };
    if (span) {
      pair.start = span.start;
      pair.end = span.end;
    }
    if (orphans.length && pairs.length === 0) {
      pair.zh = joinText([...orphans.map((o) => o.zh), pair.zh], 'zh');
      pair.en = joinText([...orphans.map((o) => o.en), pair.en], 'en');
      orphans.length = 0;
    }
    pairs.push(pair);
  }
  return pairs;
}

/** Gives every pair a time: estimated from speaking rates when missing, then made sequential. */
function timedCues(pairs: readonly BilingualPair[], diagnostics: Diagnostic[]): { start: number; end: number; pair: BilingualPair }[] {
  const out: { start: number; end: number; pair: BilingualPair }[] = [];
  let clock = 0;
  let estimated = 0;
  let overlaps = 0;
  for (const pair of pairs) {
    let start = pair.start;
    let end = pair.end;
    if (start === undefined || end === undefined) {
      estimated++;
      start = clock;
      end = clock + Math.max(speakingDurationMs(pair.zh), speakingDurationMs(pair.en), 1000);
    }
    if (start < clock) {
      overlaps++;
      start = clock;
    }
    if (end <= start) end = start + 500;
    out.push({ start, end, pair });
    clock = end;
  }
  if (estimated) diagnostics.push({ line: 0, severity: 'warning', code: 'bilingual.untimed', message: `${estimated} cue(s) had no times; estimated from speaking rates` });
  if (overlaps) diagnostics.push({ line: 0, severity: 'info', code: 'bilingual.overlap-fixed', message: `${overlaps} cue(s) started before the previous one ended; moved to start after it` });
  return out;
}

function checkCue(n: number, cue: { start: number; end: number; pair: BilingualPair }, limits: BilingualLimits, out: Diagnostic[]): void {
  const seconds = Math.max(0.001, (cue.end - cue.start) / 1000);
  const zhChars = [...cue.pair.zh.replace(/\s/g, '')].length;
  const enChars = cue.pair.en.length;
  const add = (code: string, message: string): void => {
    out.push({ line: n, severity: 'warning', code, message: `cue ${n}: ${message}` });
  };
  if (zhChars > limits.zhLineChars) add('bilingual.zh-line-long', `Chinese line has ${zhChars} characters (limit ${limits.zhLineChars})`);
  if (enChars > limits.enLineChars) add('bilingual.en-line-long', `English line has ${enChars} characters (limit ${limits.enLineChars})`);
  if (zhChars / seconds > limits.zhCharsPerSecond) {
    add('bilingual.zh-reading-speed', `Chinese reads at ${(zhChars / seconds).toFixed(1)} characters/s (limit ${limits.zhCharsPerSecond})`);
  }
  if (enChars / seconds > limits.enCharsPerSecond) {
    add('bilingual.en-reading-speed', `English reads at ${(enChars / seconds).toFixed(1)} characters/s (limit ${limits.enCharsPerSecond})`);
  }
}

/** One line of cue text: no line breaks, no blank lines (they would end a cue). */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Bilingual SRT or WebVTT: Chinese line over English line, one timing per cue, checks as diagnostics. */
export function bilingualSubtitles(
  pairs: readonly BilingualPair[],
  format: 'srt' | 'vtt',
  limits: BilingualLimits = DEFAULT_LIMITS,
): BilingualOutput {
  const diagnostics: Diagnostic[] = [];
  const cues = timedCues(pairs, diagnostics);
  const blocks: string[] = [];
  cues.forEach((cue, k) => {
    const n = k + 1;
    checkCue(n, cue, limits, diagnostics);
    const sep = format === 'srt' ? ',' : '.';
    const lines = [oneLine(cue.pair.zh), oneLine(cue.pair.en)].filter((l) => l !== '');
    const body = format === 'vtt' ? lines.map(escapeVtt) : lines;
    if (body.length === 0) body.push(format === 'vtt' ? '&nbsp;' : ' ');
    blocks.push([String(n), `${formatClock(cue.start, sep)} --> ${formatClock(cue.end, sep)}`, ...body].join('\n'));
  });
  const text = (format === 'vtt' ? 'WEBVTT\n\n' : '') + blocks.join('\n\n') + (blocks.length ? '\n' : '');
  return { text, diagnostics };
}

function cell(text: string): string {
  return oneLine(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/** Two-column Markdown table for translators (a time column when the pairs are timed). */
export function bilingualMarkdown(pairs: readonly BilingualPair[]): string {
  const timed = pairs.some((p) => p.start !== undefined);
  const head = timed ? '| # | Time | 中文 | English |\n|---:|---|---|---|' : '| # | 中文 | English |\n|---:|---|---|';
  const rows = pairs.map((p, k) => {
    const time = timed ? ` ${p.start !== undefined ? formatClock(p.start, '.') : ''} |` : '';
    return `| ${k + 1} |${time} ${cell(p.zh)} | ${cell(p.en)} |`;
  });
  return `${head}\n${rows.join('\n')}\n`;
}

/** Two-column TSV (Chinese, English), one pair a line; tabs and line breaks inside text become spaces. */
export function bilingualTsv(pairs: readonly BilingualPair[]): string {
  const clean = (t: string): string => oneLine(t).replace(/\t/g, ' ');
  return pairs.map((p) => `${clean(p.zh)}\t${clean(p.en)}`).join('\n') + (pairs.length ? '\n' : '');
}
