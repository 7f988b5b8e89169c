/** Runs one rule on one text as a one-segment transcript and derives the clean text at a level. */
import { deriveClean } from '../../shared/model/clean';
import type { Flag } from '../../shared/model/flag';
import { detectLang } from '../../shared/model/lang';
import { autoAt, type Level } from '../../shared/model/levels';
import type { Segment } from '../../shared/model/segment';
import { detectTranscript } from '../../shared/detect/index';
import type { DetectResources, Rule } from '../../shared/detect/rule';

export interface ExampleRun {
  flags: Flag[];
  /** Substrings of raw flagged at or above the level, in offset order. */
  flagged: string[];
  clean: string;
}

/** Builds a transcript of segments (one per text) and detects with the given rules. */
export function detectTexts(texts: readonly string[], rules: readonly Rule[], resources: DetectResources,
  extra: Partial<Segment> = {}): Flag[] {
  const segments: Segment[] = texts.map((raw, i) => ({ id: `s${i + 1}`, sourceLine: i + 1, lang: detectLang(raw), raw, ...extra }));
  return detectTranscript({ title: null, segments, markers: [], metadata: {} }, { rules, resources });
}

/** Runs rules on one text. */
export function runOn(text: string, rules: readonly Rule[], resources: DetectResources, level: Level = 'standard',
  extra: Partial<Segment> = {}): ExampleRun {
  const flags = detectTexts([text], rules, resources, extra);
  const flagged = flags.filter((f) => autoAt(f.confidence, level)).map((f) => text.slice(f.start, f.end));
  return { flags, flagged, clean: deriveClean(text, flags, { level }) };
}
