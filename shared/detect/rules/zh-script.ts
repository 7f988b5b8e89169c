/**
 * zh.script — Traditional characters in Simplified Chinese speech (Whisper mixes both): converted with
 * opencc-js (Traditional → Mainland Simplified, a one-pass dictionary engine; the converter is built once per
 * process, lazily). Each changed run becomes a flag; when the segment is mostly Traditional (≥ 30% of its Han
 * characters change) the runs are 0.9, otherwise isolated characters are 0.75 (a word like 乾隆 or a quoted
 * name may be meant). If the conversion changes the length, the whole segment is one flag.
 *
 * Set resource `targetScript: 'hant'` to convert the other way (Simplified → Traditional, Taiwan standard); the
 * host then awaits `prepareDetection(resources)` once, which loads that converter (see loadTraditionalConverter).
 *
 * Speed: almost every segment of Simplified speech would come back unchanged, so before converting, a segment is
 * checked for a character that can change at all (`mayChangeToSimplified`). The trigger set is read from
 * opencc-js's own t2s dictionaries, once: every single-character entry whose value differs from its key, plus, for
 * each differing phrase entry made only of non-trigger characters (函覆 → 函复: 覆 also occurs in Simplified 覆盖),
 * the phrase itself, looked up only when its first character occurs. A dictionary match needs its whole key in
 * the text, and when no changing key matches the conversion is the identity, so the check never skips a segment
 * the converter would change; on the 150 KB seed it spares building the converter (~15 ms) and converting 675
 * segments. Should the dictionaries' shape change in a future opencc-js, every segment is converted as before.
 */
import * as OpenCC from 'opencc-js/t2cn';
import type { Proposal, Rule } from '../rule';
import { countHan } from '../../model/lang';

type Convert = (text: string) => string;
let toHans: Convert | null = null;
let toHant: Convert | null = null;
let reverseModule: { Converter: (options: { from: string; to: string }) => Convert } | null = null;

/**
 * Loads the Simplified → Traditional converter that `targetScript: 'hant'` needs: 1.1 MB of dictionaries that
 * Simplified output (every run the CLI makes) never uses, so they are imported only on request (a separate chunk
 * in the CLI bundle). `prepareDetection` (shared/detect/index.ts) calls this when the resources ask for it.
 */
export async function loadTraditionalConverter(): Promise<void> {
  reverseModule ??= await import('opencc-js/cn2t');
}

function converter(target: 'hans' | 'hant'): Convert {
  if (target === 'hant') {
    if (!reverseModule) throw new Error("zh.script: targetScript 'hant' needs the Traditional converter: await prepareDetection(resources) before detecting");
    return (toHant ??= reverseModule.Converter({ from: 'cn', to: 'tw' }));
  }
  return (toHans ??= OpenCC.Converter({ from: 't', to: 'cn' }));
}

/**
 * What the t2s conversion may change, as flags per UTF-16 unit (`TRIGGER` a BMP character some entry changes,
 * `ASTRAL` the high surrogate of such a character beyond the BMP, listed in `astral`, `PHRASE` the first unit of
 * a changing phrase made only of non-trigger characters, listed in `phrases`): one table read per unit of text.
 */
interface Triggers {
  units: Uint8Array;
  astral: Set<number>;
  phrases: Map<number, string[]>;
}
const TRIGGER = 1;
const ASTRAL = 2;
const PHRASE = 4;

/** What the t2s dictionaries hold: "key value|key value…" strings or [key, value] pairs, in groups and chains. */
type DictChain = ReadonlyArray<ReadonlyArray<string | ReadonlyArray<readonly [string, string]>>>;

let triggers: Triggers | null | undefined;

/** Calls `entry(key, value)` for every dictionary entry of the chains; false when a dictionary has another shape. */
function eachEntry(chains: readonly DictChain[], entry: (key: string, value: string) => void): boolean {
  for (const chain of chains) {
    for (const group of chain as readonly unknown[]) {
      if (!Array.isArray(group)) return false;
      for (const dict of group as DictChain[number]) {
        if (typeof dict !== 'string') {
          for (const pair of dict) {
            if (typeof pair[0] !== 'string' || typeof pair[1] !== 'string') return false;
            entry(pair[0], pair[1]);
          }
          continue;
        }
        // "key value|key value…", read in place (the dictionaries hold ~19,000 entries)
        for (let from = 0; from < dict.length;) {
          let bar = dict.indexOf('|', from);
          if (bar < 0) bar = dict.length;
          const space = dict.indexOf(' ', from);
          if (space < 0 || space > bar) return false;
          entry(dict.slice(from, space), dict.slice(space + 1, bar));
          from = bar + 1;
        }
      }
    }
  }
  return true;
}

/** True for a key of exactly one character (one unit, or a surrogate pair). */
function oneChar(key: string): boolean {
  return key.length === 1 || (key.length === 2 && key.codePointAt(0)! > 0xffff);
}

/** The trigger table (see the file comment), or null when opencc-js does not expose its t2s dictionaries. */
function t2sTriggers(): Triggers | null {
  if (triggers !== undefined) return triggers;
  triggers = null;
  const configs = (OpenCC.Locale as { configs?: Record<string, { normalizationChain?: DictChain; conversionChain?: DictChain }> }).configs;
  const config = configs?.['t2s'];
  if (!config?.conversionChain) return null;
  const units = new Uint8Array(0x10000);
  const astral = new Set<number>();
  const changingPhrases: string[] = [];
  const isTrigger = (cp: number): boolean => (cp > 0xffff ? astral.has(cp) : (units[cp]! & TRIGGER) !== 0);
  const ok = eachEntry([config.normalizationChain ?? [], config.conversionChain], (key, value) => {
    if (key === value || key === '') return;
    if (!oneChar(key)) {
      changingPhrases.push(key);
      return;
    }
    const cp = key.codePointAt(0)!;
    if (cp > 0xffff) {
      astral.add(cp);
      units[key.charCodeAt(0)] = units[key.charCodeAt(0)]! | ASTRAL;
    } else units[cp] = units[cp]! | TRIGGER;
  });
  if (!ok) return null;
  const phrases = new Map<number, string[]>();
  for (const key of changingPhrases) {
    if ([...key].some((c) => isTrigger(c.codePointAt(0)!))) continue;
    const lead = key.charCodeAt(0);
    units[lead] = units[lead]! | PHRASE;
    const list = phrases.get(lead);
    if (list) list.push(key);
    else phrases.set(lead, [key]);
  }
  triggers = { units, astral, phrases };
  return triggers;
}

/**
 * False when opencc-js's t2s conversion is certain to leave `text` unchanged: it holds no character any
 * dictionary entry changes, nor a changing phrase (see the file comment). True when it may change.
 */
export function mayChangeToSimplified(text: string): boolean {
  const t = t2sTriggers();
  if (!t) return true;
  const units = t.units;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const f = units[unit]!;
    if (f === 0) continue;
    if ((f & TRIGGER) !== 0) return true;
    if ((f & ASTRAL) !== 0 && t.astral.has(text.codePointAt(i)!)) return true;
    if ((f & PHRASE) !== 0 && t.phrases.get(unit)!.some((p) => text.startsWith(p, i))) return true;
  }
  return false;
}

export const zhScript: Rule = {
  id: 'zh.script',
  title: 'Traditional characters in Simplified speech (後來 → 后来)',
  languages: ['zh', 'mixed'],
  defaultLevel: 'standard',
  examples: [
    { in: '這個問題很重要，我們後來再談。', out: '这个问题很重要，我们后来再谈。', note: 'a Traditional segment' },
    { in: '人工智能的发展很快。', flags: [], note: 'Simplified text is untouched' },
    { in: '他是著名的学者。', flags: [], note: '著 in 著名 is Simplified too' },
    { in: '我们下一个话题……好的。', flags: [], note: 'the Chinese ellipsis stays' },
  ],
  detect(segment, ctx) {
    const raw = segment.raw;
    const target = ctx.resources['targetScript'] === 'hant' ? 'hant' : 'hans';
    if (target === 'hans' && !mayChangeToSimplified(raw)) return [];
    const converted = converter(target)(raw);
    if (converted === raw) return [];
    const label = target === 'hans' ? 'Simplified' : 'Traditional';
    if (converted.length !== raw.length) {
      return [{ start: 0, end: raw.length, kind: 'script', suggestion: converted, confidence: 0.75, reason: `written in the other script; ${label} form` }];
    }
    const runs: Array<[number, number]> = [];
    let changed = 0;
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === converted[i]) continue;
      changed++;
      const last = runs[runs.length - 1];
      if (last && last[1] === i) last[1] = i + 1;
      else runs.push([i, i + 1]);
    }
    const mostly = changed >= 0.3 * Math.max(1, countHan(raw));
    return runs.map(([start, end]): Proposal => ({
      start, end, kind: 'script', suggestion: converted.slice(start, end), confidence: mostly ? 0.9 : 0.75,
      reason: `"${raw.slice(start, end)}" is ${label === 'Simplified' ? 'Traditional' : 'Simplified'} script; ${label}: "${converted.slice(start, end)}"`,
    }));
  },
};
