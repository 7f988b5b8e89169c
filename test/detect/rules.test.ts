/**
 * Every registered rule's examples are its tests (remark-lint's habit): each runs with the full resources
 * (English words, Chinese lexicon) and with none. With resources every example must hold exactly; without them a
 * rule may miss an edit (the text stays raw) but must never make a different one or flag a negative.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../shared/detect/registry';
import { bareResources, fullResources } from './resources';
import { runOn } from './run-example';

const states = [
  ['with lexicons', fullResources],
  ['without lexicons', bareResources],
] as const;

for (const rule of RULES) {
  describe(`${rule.id}: ${rule.title}`, () => {
    for (const [state, resources] of states) {
      for (const ex of rule.examples) {
        const name = `${ex.note ?? ex.in} (${state}${ex.level ? `, ${ex.level}` : ''})`;
        if (ex.out === undefined && ex.flags === undefined) throw new Error(`example of ${rule.id} has neither out nor flags`);
        it(name, () => {
          const run = runOn(ex.in, [rule], resources(), ex.level ?? 'standard');
          if (state === 'with lexicons') {
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
