/**
 * Chinese glossary matcher: finds spans that *sound like* a glossary term but are written differently
 * (姚继志 → 姚期智, 智理 → 治理, 高温院士 → 高文院士).
 *
 * Index (built once): each Han-only term's key string (one unit per syllable's fuzzy class, see pinyin-key)
 * goes into an exact map; terms of three or more syllables also go into a wildcard map once per position
 * with that syllable replaced by `*` (one syllable of slack), and two-syllable names too, used only when a
 * title such as 院士/教授 follows. Small gate sets on the fixed syllables keep wildcard lookups rare.
 *
 * Scan: for every Han position and every indexed term length, the window's key is a `slice` of the text's
 * key; hits become candidates unless the window already reads as a glossary term. Each candidate is scored:
 * a base by length (longer is more distinctive), minus the pinyin distance (0 identical, 0.3 fuzzy pair, 0.6
 * half-syllable, 1 unrelated), tone agreement, plus a title after a name, minus a penalty when the window is
 * itself a common word or straddles one (needs the lexicon). Overlapping candidates: most confident wins.
 * The flag covers only the differing characters, so 国际智理研究院 becomes 智 → 治.
 */
import type { ChineseLexicon } from '../lexicon/types';
import type { GlossaryEntry, GlossaryForm } from './glossary';
import { formatPinyin, NON_HAN, readPinyin, syllableDistance, type Reading } from './pinyin-key';

const HAN_ONLY = /^\p{Script=Han}{2,16}$/u;
const TITLE = /^(?:副?院士|教授|老师|先生|女士|博士|副?院长|副?校长|副?主任|书记|社长|董事长|理事长|研究员|部长|秘书长|总裁)/;

interface ZhTerm {
  text: string;
  chars: string[];
  reading: Reading;
  entry: GlossaryEntry;
}

/** A proposed correction found by the matcher; offsets are UTF-16 units of the searched text. */
export interface ZhMatch {
  start: number;
  end: number;
  text: string;
  suggestion: string;
  term: string;
  entry: GlossaryEntry;
  confidence: number;
  reason: string;
}

interface Candidate {
  term: ZhTerm;
  at: number;
  len: number;
  wild: number;
}

/** Lowest confidence the matcher reports. */
export const ZH_MIN_CONFIDENCE = 0.4;

/** Pinyin index over the Chinese forms of a glossary (see the file comment). */
export class ZhMatcher {
  private readonly exact = new Map<string, ZhTerm[]>();
  private readonly wild = new Map<string, { term: ZhTerm; pos: number }[]>();
  private readonly gates = new Set<string>();
  private readonly terms = new Set<string>();
  private readonly lengths: number[];
  readonly size: number;

  constructor(forms: readonly GlossaryForm[]) {
    const lengths = new Set<number>();
    for (const f of forms) {
      if (f.lang !== 'zh' || !HAN_ONLY.test(f.text) || this.terms.has(f.text)) continue;
      this.terms.add(f.text);
      const reading = readPinyin(f.text);
      const term: ZhTerm = { text: f.text, chars: reading.chars, reading, entry: f.entry };
      const key = reading.key;
      if (key.includes(NON_HAN)) continue;
      push(this.exact, key, term);
      lengths.add(key.length);
      for (let j = 0; j < key.length; j++) {
        push(this.wild, key.slice(0, j) + '*' + key.slice(j + 1), { term, pos: j });
        this.gates.add(gate(key, j));
      }
    }
    this.lengths = [...lengths].sort((a, b) => b - a);
    this.size = this.terms.size;
  }

  /** True when the text is itself a Chinese glossary term. */
  isTerm(text: string): boolean {
    return this.terms.has(text);
  }

  /** Finds sound-alike spans in one text. The lexicon, when given, sharpens precision. */
  match(text: string, lexicon?: ChineseLexicon): ZhMatch[] {
    if (this.size === 0 || !/\p{Script=Han}/u.test(text)) return [];
    const r = readPinyin(text);
    const { cands, correct } = this.candidates(r);
    const scored: ZhMatch[] = [];
    for (const c of cands) {
      const m = this.score(r, c, lexicon);
      if (m && !inside(correct, r, c)) scored.push(m);
    }
    return pickBest(scored);
  }

  private candidates(r: Reading): { cands: Candidate[]; correct: [number, number][] } {
    const cands: Candidate[] = [];
    const correct: [number, number][] = [];
    const key = r.key;
    const n = key.length;
    let runEnd = 0;
    for (let i = 0; i < n; i++) {
      if (key[i] === NON_HAN) continue;
      if (runEnd <= i) {
        runEnd = i;
        while (runEnd < n && key[runEnd] !== NON_HAN) runEnd++;
      }
      for (const len of this.lengths) {
        if (i + len > runEnd) continue;
        const k = key.slice(i, i + len);
        const text = r.chars.slice(i, i + len).join('');
        if (this.terms.has(text)) {
          correct.push([i, i + len]);
          continue;
        }
        const hits = this.exact.get(k);
        if (hits) for (const term of hits) cands.push({ term, at: i, len, wild: -1 });
        // two-syllable terms get slack only before a title (轩兰教授 → 薛澜)
        if (len === 2 && !TITLE.test(r.chars.slice(i + 2, i + 5).join(''))) continue;
        for (let j = 0; j < len; j++) {
          if (!this.gates.has(gate(k, j))) continue;
          const wk = k.slice(0, j) + '*' + k.slice(j + 1);
          const wh = this.wild.get(wk);
          if (wh) for (const w of wh) if (w.term.reading.key[j] !== k[j]) cands.push({ term: w.term, at: i, len, wild: j });
        }
      }
    }
    return { cands, correct };
  }

  private score(r: Reading, c: Candidate, lexicon?: ChineseLexicon): ZhMatch | null {
    const { term, at, len, wild } = c;
    const t = term.reading;
    const diff: number[] = [];
    let dist = 0;
    let toneMiss = 0;
    for (let p = 0; p < len; p++) {
      if (r.chars[at + p] !== term.chars[p]) diff.push(p);
      dist += syllableDistance(r.syllables[at + p]!, t.syllables[p]!);
      if (r.tones[at + p] !== t.tones[p]) toneMiss++;
    }
    if (diff.length === 0) return null;
    const window = r.chars.slice(at, at + len).join('');
    const after = r.chars.slice(at + len, at + len + 3).join('');
    const titled = TITLE.test(after);
    if (wild >= 0) {
      const d = syllableDistance(r.syllables[at + wild]!, t.syllables[wild]!);
      if (len <= 2 && !(titled && d <= 0.6 && dist === d && looksLikeName(term.text))) return null;
      if (len <= 2 && lexicon && (isCommon(lexicon, window) || isCommon(lexicon, (r.chars[at - 1] ?? '') + r.chars[at]!))) return null;
      if (len === 3 && (d > 0.6 || diff.length > 2)) return null;
    }
    let conf = len >= 4 ? 0.9 : len === 3 ? 0.85 : 0.72;
    conf -= 0.5 * dist;
    conf -= (len <= 2 ? 0.08 : 0.05) * toneMiss;
    if (toneMiss === 0) conf += 0.05;
    if (titled) conf += 0.1;
    if (lexicon) {
      const common = isCommon(lexicon, window);
      if (common) conf -= titled ? 0.1 : len <= 3 ? 0.35 : 0.15;
      const before = r.chars[at - 1] ?? '';
      const next = r.chars[at + len] ?? '';
      const straddles = (before && isCommon(lexicon, before + r.chars[at]!)) || (next && isCommon(lexicon, r.chars[at + len - 1]! + next));
      if (straddles && !titled && !common) conf -= len <= 2 ? 0.2 : 0.1;
    }
    conf = Math.min(0.97, conf);
    if (conf < ZH_MIN_CONFIDENCE) return null;
    const lo = diff[0]!;
    const hi = diff[diff.length - 1]! + 1;
    const sign = dist === 0 ? '=' : '≈';
    return {
      start: r.offsets[at + lo]!,
      end: r.offsets[at + hi]!,
      text: r.chars.slice(at + lo, at + hi).join(''),
      suggestion: term.chars.slice(lo, hi).join(''),
      term: term.text,
      entry: term.entry,
      confidence: conf,
      reason: `pinyin ${formatPinyin(r, at, at + len)} ${sign} ${term.text} (${formatPinyin(t)}) in glossary` +
        (titled ? `, before ${after.match(TITLE)![0]}` : ''),
    };
  }
}

const SURNAME_CHARS = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝']);

/** A two-syllable term gets slack before a title only when it looks like a person's name. */
function looksLikeName(term: string): boolean {
  return SURNAME_CHARS.has(term[0]!);
}

function isCommon(lexicon: ChineseLexicon, word: string): boolean {
  if (!lexicon.has(word)) return false;
  const rank = lexicon.rank?.(word);
  return rank === undefined || rank < 60000;
}

/** The gate of a wildcard lookup: length, wildcard position and the first two fixed syllables. */
function gate(key: string, j: number): string {
  const fixed = j === 0 ? key.slice(1, 3) : j === 1 ? key[0]! + (key[2] ?? '') : key.slice(0, 2);
  return `${key.length}:${j}:${fixed}`;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function inside(correct: [number, number][], r: Reading, c: Candidate): boolean {
  // a candidate whose differing span lies inside a correctly written glossary term is noise
  for (const [a, b] of correct) {
    if (c.at >= a && c.at + c.len <= b) return true;
  }
  void r;
  return false;
}

function pickBest(matches: ZhMatch[]): ZhMatch[] {
  matches.sort((a, b) => b.confidence - a.confidence || b.term.length - a.term.length || a.start - b.start);
  const chosen: ZhMatch[] = [];
  for (const m of matches) if (!chosen.some((c) => m.start < c.end && c.start < m.end)) chosen.push(m);
  return chosen.sort((a, b) => a.start - b.start);
}
