/**
 * The ordered list of detector rules. Adding a rule is one module plus one line here.
 * Order: hallucinations and artefacts first (they remove whole spans), then stutters and fillers, then
 * normalisation (script, punctuation, spacing). Order only sets the listing order; overlaps between flags
 * are settled by confidence (shared/model/clean.ts).
 */
import type { Rule } from './rule';
import { zhFiller } from './rules/zh-filler';
import { zhRepetition } from './rules/zh-repetition';

export const RULES: readonly Rule[] = [zhRepetition, zhFiller];
