/**
 * Raw-vs-clean diff of one segment with jsdiff: by characters for Chinese (a Chinese "word" is one or two
 * characters and unspaced), by words for English, and for mixed segments by characters too (safe for both).
 */
import { diffChars, diffWordsWithSpace, type ChangeObject } from 'diff';
import type { Lang } from '../../../shared/model/segment';

export interface DiffPart {
  text: string;
  op: 'same' | 'added' | 'removed';
}

export function diffSegment(raw: string, clean: string, lang: Lang): DiffPart[] {
  if (raw === clean) return [{ text: raw, op: 'same' }];
  const changes: ChangeObject<string>[] = lang === 'en' ? diffWordsWithSpace(raw, clean) : diffChars(raw, clean);
  return changes.map((c) => ({ text: c.value, op: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
}
