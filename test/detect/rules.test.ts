/**
 * Every registered rule's examples are its tests (remark-lint's habit): each runs with the full resources
 * (English words, Chinese lexicon) and with none. With resources every example must hold exactly; without them a
 * rule may miss an edit (the text stays raw) but must never make a different one or flag a negative.
 *
 * An example's own `resources` are honoured in both states: a `glossary` (TSV text) is parsed with
 * parseGlossary and always passed (it is the example's input, not a lexicon); `zhLexicon` / `enWords` name the
 * lexicons the example needs, which the first state loads (they are loaded there anyway).
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../shared/detect/registry';
import type { DetectResources, RuleExample } from '../../shared/detect/rule';
import { parseGlossary } from '../../shared/glossary/index';
import { RESOURCE } from '../../shared/lexicon/types';
import { bareResources, chineseLexicon, englishWords, fullResources } from './resources';
import { runOn } from './run-example';

/** The resources of one example run: the state's base plus what the example asks for. */
function exampleResources(ex: RuleExample, full: boolean): DetectResources {
  const resources = full ? fullResources() : bareResources();
  const wanted = ex.resources;
  if (!wanted) return resources;
  if (wanted.glossary !== undefined) resources[RESOURCE.glossary] = parseGlossary(wanted.glossary, 'example.tsv').glossary;
  if (full && wanted.zhLexicon) resources[RESOURCE.zhLexicon] = chineseLexicon().lexicon;
  if (full && wanted.enWords) resources[RESOURCE.enWords] = englishWords();
  return resources;
}

describe('example resources', () => {
  it('passes an example glossary, parsed from its TSV text, in both states', () => {
    const ex: RuleExample = { in: 'x', flags: [], resources: { glossary: 'Tegmark\t泰格马克\n' } };
    for (const full of [true, false]) {
      const g = exampleResources(ex, full)[RESOURCE.glossary] as { entries: readonly unknown[] } | undefined;
      expect(g?.entries.length).toBe(1);
    }
  });

  it('loads the lexicons an example names only in the lexicon state', () => {
    const ex: RuleExample = { in: 'x', flags: [], resources: { zhLexicon: true, enWords: true } };
    expect(exampleResources(ex, true)[RESOURCE.enWords]).toBeDefined();
    expect(exampleResources(ex, true)[RESOURCE.zhLexicon]).toBeDefined();
    expect(exampleResources(ex, false)[RESOURCE.enWords]).toBeUndefined();
  });
});

const states = [
  ['with lexicons', true],
  ['without lexicons', false],
] as const;

for (const rule of RULES) {
  describe(`${rule.id}: ${rule.title}`, () => {
    for (const [state, full] of states) {
      for (const ex of rule.examples) {
        const name = `${ex.note ?? ex.in} (${state}${ex.level ? `, ${ex.level}` : ''})`;
        if (ex.out === undefined && ex.flags === undefined) throw new Error(`example of ${rule.id} has neither out nor flags`);
        it(name, () => {
          const run = runOn(ex.in, [rule], exampleResources(ex, full), ex.level ?? 'standard');
          if (full) {
            if (ex.out !== undefined) expect(run.clean).toBe(ex.out);
            if (ex.flags !== undefined) expect(run.flagged).toEqual(ex.flags);
            return;
          }
          // Without lexicons a rule may miss an edit, never make a wrong one.
          if (ex.out !== undefined) expect([ex.out, ex.in]).toContain(run.clean);
          if (ex.flags !== undefined) for (const f of run.flagged) expect(ex.flags).toContain(f);
        });
      }
    }
  });
}
