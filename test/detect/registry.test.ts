import { describe, expect, it } from 'vitest';
import { RULES } from '../../shared/detect/registry';
import { LEVELS } from '../../shared/model/levels';

describe('the rule registry', () => {
  it('has unique rule ids of the form lang.name', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(zh|en|any)\.[a-z-]+$/);
  });

  it('gives every rule a title, languages, a level and examples including a negative one', () => {
    for (const rule of RULES) {
      expect(rule.title.length, rule.id).toBeGreaterThan(5);
      expect(rule.languages.length, rule.id).toBeGreaterThan(0);
      expect(LEVELS, rule.id).toContain(rule.defaultLevel);
      expect(rule.examples.length, rule.id).toBeGreaterThan(0);
      const negatives = rule.examples.filter((e) => (e.flags && e.flags.length === 0) || e.out === e.in);
      expect(negatives.length, `${rule.id} needs a negative example`).toBeGreaterThan(0);
    }
  });
});
