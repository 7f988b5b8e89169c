/**
 * Flags are proposed edits produced by detectors. A flag never changes `raw`; the user's decision is stored
 * beside it and the clean text is derived (see clean.ts).
 */
export type FlagKind =
  | 'filler'
  | 'repetition'
  | 'misrecognition'
  | 'artifact'
  | 'hallucination'
  | 'punctuation'
  | 'script'
  | 'spacing';

export const FLAG_KINDS: readonly FlagKind[] = [
  'filler', 'repetition', 'misrecognition', 'artifact', 'hallucination', 'punctuation', 'script', 'spacing',
];

export interface Flag {
  /** Stable across re-detection: `${ruleId}@${segmentId}:${start}-${end}`, so decisions survive a re-run. */
  id: string;
  segmentId: string;
  /** UTF-16 offsets into the segment's raw text; `start === end` is an insertion. */
  start: number;
  end: number;
  kind: FlagKind;
  ruleId: string;
  /** Replacement text; `""` deletes the span. */
  suggestion: string;
  /** 0..1; the cleanup level a flag falls into is decided by this number alone (see levels.ts). */
  confidence: number;
  /** Why the rule fired, in words a user can check. */
  reason: string;
}

export type Decision = 'accepted' | 'rejected';

/** Builds the stable id of a flag. */
export function flagId(ruleId: string, segmentId: string, start: number, end: number): string {
  return `${ruleId}@${segmentId}:${start}-${end}`;
}

/** Orders flags by segment order is the caller's job; this orders flags inside one segment. */
export function compareFlags(a: Flag, b: Flag): number {
  return a.start - b.start || a.end - b.end || b.confidence - a.confidence || a.ruleId.localeCompare(b.ruleId);
}
