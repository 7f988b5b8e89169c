/**
 * Runs the registered rules over a transcript and turns their proposals into flags with stable ids.
 * Proposals with bad offsets are a programmer error in a rule and throw, with the rule named.
 */
import { flagId, type Flag } from '../model/flag';
import type { Transcript } from '../model/transcript';
import { RULES } from './registry';
import type { DetectResources, Rule } from './rule';
import { loadTraditionalConverter } from './rules/zh-script';

export { RULES } from './registry';
export type { Rule, Proposal, DetectContext, DetectResources, RuleExample } from './rule';

export interface DetectOptions {
  rules?: readonly Rule[];
  resources?: Partial<DetectResources>;
  /**
   * Detect only in segments `start` (inclusive) to `end` (exclusive) of `transcript.segments`. The rules still
   * see the whole transcript (cross-segment rules look at neighbours, and some at whole-transcript counts), so
   * the flags of a range are exactly the whole run's flags for those segments: a host may split a long
   * transcript into ranges, detect them in parallel (each worker given the whole transcript) and concatenate
   * the results in range order. `onProgress` then counts segments of the range.
   */
  range?: { start: number; end: number };
  /** Called every few hundred segments with (done, total); return true to cancel. */
  onProgress?: (done: number, total: number) => boolean | void;
}

export class DetectionCancelled extends Error {
  constructor() {
    super('detection cancelled');
  }
}

/**
 * Loads, once per process, what the given resources need beyond the always-loaded code: today the Simplified →
 * Traditional converter when `targetScript` is `'hant'` (1.1 MB of opencc-js dictionaries, imported on demand).
 * A host that sets such an option awaits this before `detectTranscript`; detection itself stays synchronous.
 */
export async function prepareDetection(resources: Partial<DetectResources> = {}): Promise<void> {
  if (resources['targetScript'] === 'hant') await loadTraditionalConverter();
}

/** Detects flags in every segment. Flags come out in segment order, then offset order. */
export function detectTranscript(transcript: Transcript, options: DetectOptions = {}): Flag[] {
  const rules = options.rules ?? RULES;
  const resources: DetectResources = { ...options.resources, cache: options.resources?.cache ?? new Map<string, unknown>() };
  const flags: Flag[] = [];
  const segments = transcript.segments;
  const from = Math.max(0, Math.min(segments.length, options.range?.start ?? 0));
  const to = Math.max(from, Math.min(segments.length, options.range?.end ?? segments.length));
  const total = to - from;
  for (let index = from; index < to; index++) {
    const segment = segments[index]!;
    const ctx = { transcript, index, resources };
    const here: Flag[] = [];
    for (const rule of rules) {
      // a mixed segment holds both languages, so every rule looks at it
      if (segment.lang !== 'mixed' && !rule.languages.includes(segment.lang)) continue;
      for (const p of rule.detect(segment, ctx)) {
        if (!(p.start >= 0 && p.end >= p.start && p.end <= segment.raw.length)) {
          throw new RangeError(`rule ${rule.id} proposed offsets ${p.start}-${p.end} outside segment ${segment.id}`);
        }
        here.push({
          id: flagId(rule.id, segment.id, p.start, p.end),
          segmentId: segment.id,
          start: p.start,
          end: p.end,
          kind: p.kind,
          ruleId: rule.id,
          suggestion: p.suggestion,
          confidence: Math.round(p.confidence * 1000) / 1000,
          reason: p.reason,
        });
      }
    }
    if (here.length > 1) {
      here.sort((a, b) => a.start - b.start || a.end - b.end || compareIds(a.ruleId, b.ruleId));
      for (const f of dedupe(here)) flags.push(f);
    } else if (here.length === 1) flags.push(here[0]!);
    const done = index - from + 1;
    if (options.onProgress && (done % 256 === 0 || done === total)) {
      if (options.onProgress(done, total) === true) throw new DetectionCancelled();
    }
  }
  return flags;
}

/**
 * The flags of one run from the flags of several runs over the same transcript with disjoint rule sets (a host
 * may run some rules in another thread): each segment's flags of all lists, ordered and deduplicated exactly as
 * `detectTranscript` orders them. Each list must be a `detectTranscript` result over the whole transcript. Flag
 * ids carry the rule id, so two rule sets never share an id and the order of identical keys is kept. Returns
 * null when segment ids repeat (the lists cannot then be told apart by segment) or a flag matches no segment.
 */
export function mergeRuleFlags(transcript: Transcript, lists: readonly (readonly Flag[])[]): Flag[] | null {
  const segments = transcript.segments;
  if (new Set(segments.map((s) => s.id)).size !== segments.length) return null;
  const at = lists.map(() => 0);
  const flags: Flag[] = [];
  for (const segment of segments) {
    const here: Flag[] = [];
    lists.forEach((list, k) => {
      let i = at[k]!;
      while (i < list.length && list[i]!.segmentId === segment.id) here.push(list[i++]!);
      at[k] = i;
    });
    if (here.length > 1) {
      here.sort((a, b) => a.start - b.start || a.end - b.end || compareIds(a.ruleId, b.ruleId));
      for (const f of dedupe(here)) flags.push(f);
    } else if (here.length === 1) flags.push(here[0]!);
  }
  return lists.every((list, k) => at[k] === list.length) ? flags : null;
}

let collator: Intl.Collator | null = null;
/** `a.localeCompare(b)` with one collator for the run instead of one per call. */
function compareIds(a: string, b: string): number {
  collator ??= new Intl.Collator();
  return collator.compare(a, b);
}

/** Two rules can propose the same edit; keep the most confident one of identical ids. */
function dedupe(flags: Flag[]): Flag[] {
  const byId = new Map<string, Flag>();
  for (const f of flags) {
    const prev = byId.get(f.id);
    if (!prev || f.confidence > prev.confidence) byId.set(f.id, f);
  }
  return [...byId.values()];
}
