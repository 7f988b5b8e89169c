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
