/**
 * Turn boundaries. Every gap between two clause units gets an evidence score:
 *   after-cues of the clause before it (hand-over, close), reaching back across light clauses (🎼, 呃。, 第二颗。)
 * + before-cues of the clause after it (open, host thanks), reaching forward across light clauses
 * + at a segment start (ASR lines break at pauses): 0.3 when a speech cue is there, 0.4 more when a strong
 *   hand-over ends the line before
 * + a slide marker (0.8) or a section marker / `---` (3) at a segment start
 * + a change of `segment.speaker` (5) or an inline `Name：` / `Name补充道：` label at a segment start (3; not when
 *   the same label repeats: `宋教授继续说道：`)
 * + a language switch into a sustained run of the other language (1.5; 0.7 when the run is short)
 * + a thank-you or closing after a long turn (0.8, decided left to right: see `select`).
 * A gap is a boundary when its score reaches THRESHOLD; a language switch or a marker alone never does.
 * Non-maximum suppression keeps the best gap among neighbours that only light clauses separate, so
 * `…有请姚先生。🎼非常感谢…的介绍` yields one boundary. User markers always win: when the user has set section
 * markers, they alone define the sections (the user has reviewed the structure). Linear in the number of clauses.
 */
import type { Transcript } from '../model/transcript';
import { clauseCues, type ClauseCues } from './cues';
import type { UserSectionMarker } from './types';
import type { Unit } from './units';

/** A detected (or user-set) start of a new turn, at a clause unit. */
export interface Boundary {
  unit: number;
  score: number;
  cues: string[];
  forced?: boolean;
  /** A name the input gave (speaker label, inline `Name：`, user marker). */
  speaker?: string;
}

/** Evidence a gap needs to become a boundary. */
export const THRESHOLD = 2.0;
/** A thank-you or closing after this much speech (Han characters + 1.5 per Latin word) weighs LONG_BONUS more. */
const LONG_TURN = 400;
const LONG_BONUS = 0.8;
/** ASR lines break at pauses: a speech cue at a line start weighs a little more; a hand-over ending a line more. */
const SEGMENT_START = 0.3;
const HANDOVER_AT_LINE_END = 0.4;
const ENDS_ON_PERSON = /(?:有请|请出|请上|欢迎|交给|邀请)[^。，！!？?]{1,24}(?:教授|博士|先生|女士|老师|院士|院长|校长|医生|社长|主任|[A-Za-z])[。！!]*\s*$/u;
/** Gaps below this never become boundaries, whatever the bonus. */
const FLOOR = 1.0;
/**
 * A video played inside a talk is short: after VIDEO_MIN of its sound, a line that opens like live speech
 * (正像刚刚…介绍了) is where the presenter resumes (VIDEO_RETURN more evidence).
 */
const VIDEO_MIN = 150;
const VIDEO_RETURN = 0.9;
/** Scores are sums of decimals: compare with a little slack. */
const EPSILON = 1e-9;

const NAME = String.raw`([\p{Script=Han}·]{2,6}|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2})`;
const SAYS = '(?:回答道|补充道|继续说道|继续道|总结道|表示|提到|说道|说)';
const INLINE_LABEL = new RegExp(String.raw`^\s*(?:[^：:。“”\n]{0,30}[，,]\s*)?${NAME}(?:老师|教授|博士|先生|女士)?${SAYS}?\s*[：:]\s*\S`, 'u');
const SAYS_END = new RegExp(`${SAYS}$`, 'u');

/** Speech weight of a clause: Han characters plus 1.5 per Latin word. */
function weight(u: Unit): number {
  return (u.clean.match(/\p{Script=Han}/gu)?.length ?? 0) + 1.5 * (u.clean.match(/[A-Za-z]+/g)?.length ?? 0);
}

/** The sentence from each clause on (within its segment), at most 80 code units: cues that ASR cuts at commas. */
function sentenceRests(units: readonly Unit[]): string[] {
  const rest: string[] = new Array<string>(units.length);
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i]!;
    const next = units[i + 1];
    const tail = u.sentenceEnd || !next || next.segment !== u.segment ? '' : rest[i + 1]!;
    rest[i] = (u.clean + tail).slice(0, 80);
  }
  return rest;
}

function langRuns(units: readonly Unit[]): { before: ('zh' | 'en' | null)[]; after: { lang: 'zh' | 'en' | null; size: number }[] } {
  const before: ('zh' | 'en' | null)[] = [];
  let last: 'zh' | 'en' | null = null;
  for (const u of units) {
    before.push(last);
    if (u.lang) last = u.lang;
  }
  // size of the same-language run starting at each unit (letters), measured right to left
  const after: { lang: 'zh' | 'en' | null; size: number }[] = [];
  let runLang: 'zh' | 'en' | null = null;
  let size = 0;
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i]!;
    if (u.lang && u.lang !== runLang) {
      runLang = u.lang;
      size = 0;
    }
    if (u.lang) size += u.lang === 'zh' ? [...u.clean].length : u.clean.split(/\s+/).length * 2;
    after[i] = { lang: u.lang ? runLang : null, size };
  }
  return { before, after };
}

/**
 * An after-cue of the clauses before gap i, across light clauses; a hand-over also reaches across one short
 * clause that is not itself an opening (有请。大家欢迎。 / 交给主持人君怡。感谢您的参与。).
 */
function reachBack(cues: readonly ClauseCues[], i: number, key: 'handover' | 'close'): { value: number; at: number } {
  let shortLeft = key === 'handover' ? 1 : 0;
  for (let j = i - 1, hops = 0; j >= 0 && hops < 3; j--, hops++) {
    const c = cues[j]!;
    if (c[key] > 0) return { value: c[key], at: j };
    // 让我们欢迎张教授。早上好，谢谢安远。: once the guest has opened, the hand-over is behind that gap
    if (c.open > 0) return { value: 0, at: -1 };
    if (c.light) continue;
    if (shortLeft > 0 && c.short && c.open === 0 && c.thanks === 0) {
      shortLeft--;
      continue;
    }
    return { value: 0, at: -1 };
  }
  return { value: 0, at: -1 };
}

/** The host goes on handing over (a list of guests coming on stage): a strong hand-over in the next clauses. */
function handoverAhead(cues: readonly ClauseCues[], i: number): boolean {
  for (let j = i; j < Math.min(cues.length, i + 3); j++) if (cues[j]!.handover >= 1.5) return true;
  return false;
}

function reachForward(cues: readonly ClauseCues[], i: number, key: 'open' | 'thanks'): number {
  for (let j = i, hops = 0; j < cues.length && hops < 5; j++, hops++) {
    if (cues[j]![key] > 0) return cues[j]![key];
    // 我就说这么多，谢谢大家。我们感谢…: the closing comes first, the thanks belongs to the gap after it
    if (cues[j]!.close >= 1.2) return 0;
    if (!cues[j]!.light && !cues[j]!.short) return 0;
  }
  return 0;
}

interface Candidate extends Boundary {
  /** Evidence from speech cues (not markers, labels or language). */
  speech: number;
  /** A thank-you or closing is part of the evidence (the long-turn bonus applies). */
  thankful: boolean;
  /** A video is started here (我们看一个视频); `opens`: an opening cue at a line start (a return from a video). */
  video: boolean;
  opens: boolean;
  hard: boolean;
}

/** Scores every gap and picks the boundaries (see the file comment). */
export function detectBoundaries(transcript: Transcript, units: readonly Unit[], userMarkers: readonly UserSectionMarker[] = []): Boundary[] {
  let sentence = '';
  const rests = sentenceRests(units);
  const cues = units.map((u, i) => {
    if (i > 0 && (units[i - 1]!.sentenceEnd || units[i - 1]!.segment !== u.segment)) sentence = '';
    sentence += u.clean;
    return clauseCues(u.clean, sentence, rests[i]);
  });
  const runs = langRuns(units);
  const markerAt = new Map<number, number>();
  for (const m of transcript.markers) markerAt.set(m.beforeSegment, Math.max(markerAt.get(m.beforeSegment) ?? 0, m.kind === 'section' ? 3 : 0.8));
  const candidates: Candidate[] = [];
  let lastLabel: string | undefined;
  for (let i = 1; i < units.length; i++) {
    const u = units[i]!;
    const segStart = u.start === 0 && units[i - 1]!.segment !== u.segment;
    const names: string[] = [];
    let score = 0;
    const add = (name: string, value: number) => {
      if (value <= 0) return;
      score += value;
      names.push(name);
    };
    const handover = reachBack(cues, i, 'handover');
    const close = reachBack(cues, i, 'close').value;
    add('handover', handover.value);
    if (handover.value >= 2) names.push('video-start');
    add('close', handover.value > 0 ? close * 0.5 : close);
    const open = reachForward(cues, i, 'open');
    const thanks = reachForward(cues, i, 'thanks');
    add(open >= thanks ? 'open' : 'thanks', Math.max(open, thanks) + 0.3 * Math.min(open, thanks));
    const speech = score;
    // 有请A。我们第二位嘉宾是B，有请。: the host is still talking unless someone opens or thanks
    if (handover.value > 0 && open === 0 && thanks === 0 && close === 0 && handoverAhead(cues, i)) continue;
    let speaker: string | undefined;
    let hard = false;
    if (segStart) {
      if (speech > 0) score += SEGMENT_START;
      // a hand-over ending the line counts more when it ends on the person (让我们热烈欢迎瑞敏河医生！), or when
      // the next speaker answers; not a rule explanation (我会请您集中回答1到2个问题。)
      const pure = open === 0 && thanks === 0 && close === 0;
      if (handover.value >= 1.5 && handover.at === i - 1 && (!pure || ENDS_ON_PERSON.test(units[i - 1]!.clean))) score += HANDOVER_AT_LINE_END;
      add('marker', markerAt.get(u.segment) ?? 0);
      hard = (markerAt.get(u.segment) ?? 0) >= 3;
      const seg = transcript.segments[u.segment]!;
      const prev = transcript.segments[units[i - 1]!.segment]!;
      if (seg.speaker && seg.speaker !== prev.speaker) {
        add('speaker-label', 5);
        speaker = seg.speaker;
        hard = true;
      } else {
        const label = seg.speaker ? null : INLINE_LABEL.exec(seg.raw.slice(0, 80));
        const name = label?.[1]?.replace(SAYS_END, '').replace(/(?:继续|又)$/u, '');
        if (name && name !== lastLabel) {
          add('inline-label', 3);
          speaker = name;
          hard = true;
        }
        if (name) lastLabel = name;
      }
    }
    const prevLang = runs.before[i];
    // the new language may start one or two short clauses later (`Okay， Mr。 Ca， I know…`)
    const ahead = [i, i + 1, i + 2].find((k) => k < units.length && units[k]!.lang !== null);
    const nextLang = ahead === undefined ? null : units[ahead]!.lang;
    const lookedAhead = ahead !== undefined && ahead > i && runs.before[ahead] === prevLang;
    // a bilingual host switches language mid-question (…want to ask Mr。 we all know…): a weak question cue
    // alone does not make a switch a turn; an answer opener or a strong hand-over does
    const switchCounts = open > 0 || thanks > 0 || close > 0 || handover.value >= 1.5;
    if (switchCounts && nextLang && prevLang && nextLang !== prevLang && (ahead === i || lookedAhead)) {
      add('language-switch', runs.after[ahead]!.size >= 80 ? 1.5 : 0.7);
    }
    // a switch or a marker alone is not a turn: some speech cue must be there too
    if (score >= FLOOR && (speech > 0 || hard)) {
      candidates.push({ unit: i, score, cues: names, speech, thankful: thanks > 0 || close > 0, video: handover.value >= 2, opens: segStart && open > 0, hard, ...(speaker ? { speaker } : {}) });
    }
  }
  return withUserMarkers(spaced(select(suppress(candidates, cues), units), units), units, userMarkers);
}

/**
 * Left to right: a candidate is a boundary when its score reaches THRESHOLD; a thank-you or closing after a
 * long turn (LONG_TURN since the last boundary) gets LONG_BONUS — a long answer followed by `Thank you.` is
 * where an English panel changes speaker.
 */
function select(candidates: readonly Candidate[], units: readonly Unit[]): Boundary[] {
  const out: Boundary[] = [];
  let since = 0;
  let at = 0;
  let inVideo = false;
  for (const c of candidates) {
    for (; at < c.unit; at++) since += weight(units[at]!);
    const long = c.thankful && since >= LONG_TURN ? LONG_BONUS : 0;
    const back = inVideo && c.opens && since >= VIDEO_MIN ? VIDEO_RETURN : 0;
    if (c.score + long + back < THRESHOLD - EPSILON) continue;
    const cues = [...c.cues, ...(long ? ['long-turn'] : []), ...(back ? ['after-video'] : [])];
    out.push({ unit: c.unit, score: c.score + long + back, cues, ...(c.speaker ? { speaker: c.speaker } : {}) });
    since = 0;
    inVideo = c.video;
  }
  return out;
}

/** Keeps the best of neighbouring candidates separated only by light clauses (earliest on ties). */
function suppress<T extends Boundary>(candidates: readonly T[], cues: readonly ClauseCues[]): T[] {
  const out: T[] = [];
  for (const c of candidates) {
    const prev = out[out.length - 1];
    if (prev && onlyLightBetween(cues, prev.unit, c.unit)) {
      // the better score wins; on a tie the later gap, nearer where the new speech starts
      if (c.score >= prev.score) out[out.length - 1] = c;
      continue;
    }
    out.push(c);
  }
  return out;
}

/** Turns shorter than this many letters are merged into a neighbour unless both ends are strong. */
const MIN_TURN = 60;
/** A second thank-you of the host within this many letters is the same host turn (再次感谢姚先生的精彩分享). */
const REPEATED_THANKS = 400;
const STRONG = 3;

/**
 * A host thanks twice (特别感谢姚先生… / 再次感谢姚先生的精彩分享): two boundaries close together keep the better
 * one, unless both are strong (a short host turn between two guests: `感谢刘院长… 那么有请顾院长。好的，`).
 */
function spaced(candidates: Boundary[], units: readonly Unit[]): Boundary[] {
  const out: Boundary[] = [];
  let lettersSince = 0;
  let lastUnit = 0;
  for (const c of candidates) {
    for (let j = lastUnit; j < c.unit; j++) lettersSince += units[j]!.clean.length;
    lastUnit = c.unit;
    const prev = out[out.length - 1];
    // the host thanking again (那非常感谢马娃的校长的分享) after taking the floor back is not a new turn
    if (prev && hostTakesBack(prev) && c.cues.length === 1 && c.cues[0] === 'thanks' && lettersSince < REPEATED_THANKS) continue;
    // a short host turn between two guests (感谢刘院长… 那么有请顾院长。好的，) keeps both ends
    // …and a video started right after a presenter's first words (首先我们看一个视频) is a turn of its own
    const interjection = (prev && prev.cues.includes('thanks') && c.cues.includes('handover')) || c.cues.includes('video-start');
    if (prev && lettersSince < MIN_TURN && !(prev.score >= STRONG && c.score >= STRONG) && !interjection) {
      if (c.score > prev.score) {
        out[out.length - 1] = c;
        lettersSince = 0;
      }
      continue;
    }
    out.push(c);
    lettersSince = 0;
  }
  // a closing remark after the last turn (临走的时候把耳机换一下，谢谢。) is not a turn of its own
  const last = out[out.length - 1];
  if (last && last.score < STRONG) {
    let tail = 0;
    for (let j = last.unit; j < units.length && tail < MIN_TURN; j++) tail += units[j]!.clean.length;
    if (tail < MIN_TURN) out.pop();
  }
  return out;
}

function hostTakesBack(b: Boundary): boolean {
  return b.cues.includes('thanks') && !b.cues.includes('handover');
}

function onlyLightBetween(cues: readonly ClauseCues[], a: number, b: number): boolean {
  if (b - a > 3) return false;
  for (let j = a; j < b - 1; j++) if (!cues[j]!.light) return false;
  return true;
}

function withUserMarkers(detected: Boundary[], units: readonly Unit[], markers: readonly UserSectionMarker[]): Boundary[] {
  if (markers.length === 0) return detected;
  const firstUnit = new Map<number, number>();
  units.forEach((u, i) => {
    if (!firstUnit.has(u.segment)) firstUnit.set(u.segment, i);
  });
  const forced: Boundary[] = [];
  for (const m of markers) {
    const unit = firstUnit.get(m.beforeSegment);
    if (unit === undefined || unit === 0) continue;
    forced.push({ unit, score: Infinity, cues: ['user-marker'], forced: true, ...(m.speaker ? { speaker: m.speaker } : {}) });
  }
  forced.sort((a, b) => a.unit - b.unit);
  return forced.filter((b, i) => i === 0 || forced[i - 1]!.unit !== b.unit);
}
