/**
 * A detector rule is one module (after remark-lint): its id, title, languages, default level and
 * examples travel with the code, and the examples are the test suite (test/detect/rules.test.ts runs
 * every registered rule's examples).
 */
import type { FlagKind } from '../model/flag';
import type { Level } from '../model/levels';
import type { Lang, Segment } from '../model/segment';
import type { Transcript } from '../model/transcript';

/** What a rule proposes; the registry fills in id and segmentId. */
export interface Proposal {
  start: number;
  end: number;
  kind: FlagKind;
  suggestion: string;
  confidence: number;
  reason: string;
}

/** Shared state for one detection run: the whole transcript (for cross-segment rules) and options. */
export interface DetectContext {
  transcript: Transcript;
  /** Index of the segment in transcript.segments. */
  index: number;
  /** Extra resources some rules need (glossary, lexicon); rules must work when they are absent. */
  resources: DetectResources;
}

/** Optional resources loaded by the caller (the CLI, the app's worker). */
export interface DetectResources {
  /** Opaque per-run caches keyed by rule id. */
  cache: Map<string, unknown>;
  [name: string]: unknown;
}

export interface RuleExample {
  /** Raw segment text (the example's segment is `zh` or `en` as detected, untimed). */
  in: string;
  /** Expected clean text at `level` (default `standard`) when all auto flags are applied. */
  out?: string;
  /** Or: expected flagged substrings, in order (`[]` = nothing flagged: a negative example). */
  flags?: string[];
  level?: Level;
  /**
   * Resources the example needs, by name: `glossary` is glossary TSV text (term<TAB>equivalent<TAB>note
   * lines); `zhLexicon` / `enWords` set to true load the real lexicons in the example test.
   */
  resources?: { glossary?: string; zhLexicon?: boolean; enWords?: boolean };
  /** Why the example matters, e.g. "keeps 是啊 as a reply particle". */
  note?: string;
}

export interface Rule {
  id: string;
  title: string;
  languages: readonly Lang[];
  /** The lowest level whose threshold this rule's typical confidence reaches. */
  defaultLevel: Level;
  examples: readonly RuleExample[];
  detect(segment: Segment, ctx: DetectContext): Proposal[];
}
