/**
 * Runs the registered rules over a transcript and turns their proposals into flags with stable ids.
 * Proposals with bad offsets are a programmer error in a rule and throw, with the rule named.
 */
import { flagId, type Flag } from '../model/flag';
import type { Transcript } from '../model/transcript';
import { RULES } from './registry';
import type { DetectResources, Rule } from './rule';

export { RULES } from './registry';
export type { Rule, Proposal, DetectContext, DetectResources, RuleExample } from './rule';

export interface DetectOptions {
  rules?: readonly Rule[];
  resources?: Partial<DetectResources>;
  /** Called every few hundred segments with (done, total); return true to cancel. */
  onProgress?: (done: number, total: number) => boolean | void;
}

export class DetectionCancelled extends Error {
  constructor() {
    super('detection cancelled');
  }
}

/** Detects flags in every segment. Flags come out in segment order, then offset order. */
export function detectTranscript(transcript: Transcript, options: DetectOptions = {}): Flag[] {
  const rules = options.rules ?? RULES;
  const resources: DetectResources = { ...options.resources, cache: options.resources?.cache ?? new Map<string, unknown>() };
  const flags: Flag[] = [];
  const segments = transcript.segments;
  for (let index = 0; index < segments.length; index++) {
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
    here.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
    flags.push(...dedupe(here));
    if (options.onProgress && (index % 256 === 255 || index === segments.length - 1)) {
      if (options.onProgress(index + 1, segments.length) === true) throw new DetectionCancelled();
    }
  }
  return flags;
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
