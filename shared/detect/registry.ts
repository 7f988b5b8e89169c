/**
 * The ordered list of detector rules. Adding a rule is one module plus one line here.
 * Order: hallucinations and artefacts first (they remove whole spans), then misrecognitions (glossary,
 * lexicon), then stutters and fillers, then
 * normalisation (script, punctuation, spacing). Order only sets the listing order; overlaps between flags
 * are settled by confidence (shared/model/clean.ts).
 */
import type { Rule } from './rule';
import { anyHallucination } from './rules/any-hallucination';
import { anyLoop } from './rules/any-loop';
import { anyPunctuation } from './rules/any-punctuation';
import { anyReadingSpeed } from './rules/any-reading-speed';
import { anySpacing } from './rules/any-spacing';
import { anyStraySymbol } from './rules/any-stray-symbol';
import { enFiller } from './rules/en-filler';
import { enGarble } from './rules/en-garble';
import { enGlossary } from './rules/en-glossary';
import { enRepetition } from './rules/en-repetition';
import { zhDiscourse } from './rules/zh-discourse';
import { zhFiller } from './rules/zh-filler';
import { zhGlossary } from './rules/zh-glossary';
import { zhLexicon } from './rules/zh-lexicon';
import { zhRepetition } from './rules/zh-repetition';
import { zhScript } from './rules/zh-script';

export const RULES: readonly Rule[] = [
  anyHallucination,
  anyLoop,
  anyStraySymbol,
  anyReadingSpeed,
  enGarble,
  zhGlossary,
  enGlossary,
  zhLexicon,
  zhRepetition,
  enRepetition,
  zhFiller,
  enFiller,
  zhDiscourse,
  zhScript,
  anyPunctuation,
  anySpacing,
];
