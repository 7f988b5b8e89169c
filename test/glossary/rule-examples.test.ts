/**
 * The examples of zh.glossary, en.glossary and zh.lexicon, run with the resources each example names (a
 * glossary from its TSV text, the real lexicons), in the two states test/detect/rules.test.ts uses for
 * registered rules: with lexicons every example must hold exactly; without them a rule may miss an edit but
 * must never flag a negative. Kept here while these rules are not in shared/detect/registry.ts.
 */
import { describe, expect, it } from 'vitest';
import type { DetectResources, RuleExample } from '../../shared/detect/rule';
import { enGlossary } from '../../shared/detect/rules/en-glossary';
import { zhGlossary } from '../../shared/detect/rules/zh-glossary';
import { zhLexicon } from '../../shared/detect/rules/zh-lexicon';
import { parseGlossary } from '../../shared/glossary/index';
import { RESOURCE } from '../../shared/lexicon/types';
import { bareResources, chineseLexicon, englishWords } from '../detect/resources';
import { runOn } from '../detect/run-example';

function resourcesFor(ex: RuleExample, full: boolean): DetectResources {
  const resources = bareResources();
  const wanted = ex.resources ?? {};
  if (wanted.glossary !== undefined) resources[RESOURCE.glossary] = parseGlossary(wanted.glossary, 'example.tsv').glossary;
  if (full && wanted.zhLexicon) resources[RESOURCE.zhLexicon] = chineseLexicon().lexicon;
  if (full && wanted.enWords) resources[RESOURCE.enWords] = englishWords();
  return resources;
}

const lexiconBuilt = chineseLexicon().real;

for (const rule of [zhGlossary, enGlossary, zhLexicon]) {
  describe(`${rule.id} examples`, () => {
    it('has positive and negative examples that use resources', () => {
      expect(rule.examples.some((e) => (e.flags?.length ?? 0) > 0 && e.resources)).toBe(true);
      expect(rule.examples.some((e) => e.flags?.length === 0 && e.resources)).toBe(true);
    });
    for (const full of [true, false]) {
      for (const ex of rule.examples) {
        const needsRealLexicon = full && ex.resources?.zhLexicon && !lexiconBuilt;
        it.skipIf(needsRealLexicon)(`${ex.note ?? ex.in} (${full ? 'with' : 'without'} lexicons)`, () => {
          const run = runOn(ex.in, [rule], resourcesFor(ex, full), ex.level ?? 'standard');
          if (full) expect(run.flagged).toEqual(ex.flags);
          else for (const f of run.flagged) expect(ex.flags ?? []).toContain(f);
        });
      }
    }
  });
}
