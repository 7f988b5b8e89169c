/**
 * Types of the session summary: sections (speaker turns) with speaker, role, time range, key points and
 * keywords. `SummarySection` is the public JSON contract of `jiaodui summary --json` (lines are the input's
 * 1-based lines, times integer ms or null).
 */
import type { Decision, Flag } from '../model/flag';
import type { Level } from '../model/levels';
import type { Lang } from '../model/segment';
import type { Glossary } from '../glossary/glossary';

/**
 * What a turn is in the programme: `launch` presents a report, book or white paper (进行发布和介绍 / 对报告进行介绍),
 * `remarks` an address (致辞).
 */
export type SectionRole = 'host' | 'keynote' | 'video' | 'panel' | 'launch' | 'remarks';

/** A position in the transcript: a segment and a UTF-16 offset into its raw text. */
export interface TextPoint {
  segment: number;
  offset: number;
}

/** A section break the user set in the app; it always wins over detected boundaries. */
export interface UserSectionMarker {
  /** Index of the first segment of the new section. */
  beforeSegment: number;
  /** Optional speaker name the user gave the section. */
  speaker?: string;
  role?: SectionRole;
}

/** One extractive key point: a clean sentence of the section and where it was said. */
export interface KeyPoint {
  text: string;
  /** Segment start time in ms when the input is timed. */
  start: number | null;
  line: number;
}

/** One section of the summary: a speaker turn. */
export interface SummarySection {
  startLine: number;
  endLine: number;
  start: number | null;
  end: number | null;
  speaker: string | null;
  /** Affiliation from the introduction (`清华大学交叉信息研究院院长`), when it gives one. */
  affiliation: string | null;
  role: SectionRole;
  keyPoints: KeyPoint[];
  keywords: string[];
  /** Start and end of the turn inside the transcript (end exclusive). */
  from: TextPoint;
  to: TextPoint;
  /** Dominant language of the turn. */
  lang: Lang;
  /** The clean text of the turn, one entry per (part of a) segment. */
  paragraphs: string[];
  /** Why the section starts here (cue names), for review and the dev report. */
  cues: string[];
}

/** Counts for the editing log. */
export interface EditingLog {
  fillersRemoved: number;
  namesCorrected: number;
  otherEdits: number;
  pending: number;
  pendingByKind: Record<string, number>;
  /** Name and term corrections (misrecognition flags) not applied yet, grouped by spoken form, most frequent first. */
  pendingNames: { original: string; suggestion: string; count: number }[];
}

export interface Summary {
  title: string | null;
  metadata: Record<string, string>;
  sections: SummarySection[];
  /** Both Chinese and English carry whole turns. */
  bilingual: boolean;
  log: EditingLog;
  /** Glossary entries that occur in the session (term or equivalent found in the clean text). */
  glossaryUsed: GlossaryUse[];
}

export interface GlossaryUse {
  term: string;
  equivalent: string;
  note: string;
}

export interface SummaryOptions {
  flags?: readonly Flag[];
  decisions?: Readonly<Record<string, Decision>>;
  edits?: Readonly<Record<string, string>>;
  /** Pending flags at or above this level's threshold count as applied (default `standard`). */
  level?: Level;
  glossary?: Glossary;
  /** Explicit section breaks; when given they win over every detected boundary near them. */
  userMarkers?: readonly UserSectionMarker[];
  /** How many key points at most per section (3-5; default chosen by length). */
  maxKeyPoints?: number;
}
