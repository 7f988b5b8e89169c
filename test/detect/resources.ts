/**
 * Builds the detection resources the way a host does, from installed packages only (never ../shared):
 * English words from the `word-list` package; the Chinese lexicon from dist/data/zh-lexicon.tsv when the
 * lexicon build has run, otherwise a small fake holding the words the examples need.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import wordListPath from 'word-list';
import type { DetectResources } from '../../shared/detect/rule';
import { createChineseLexicon, lexiconFromWords } from '../../shared/lexicon/chinese';
import { createEnglishWords } from '../../shared/lexicon/english';
import { RESOURCE } from '../../shared/lexicon/types';
import { ROOT } from '../helpers';

let english: ReturnType<typeof createEnglishWords> | null = null;

/** The English word list (built once per test file). */
export function englishWords(): ReturnType<typeof createEnglishWords> {
  english ??= createEnglishWords(readFileSync(wordListPath, 'utf8'));
  return english;
}

const FAKE_ZH = ['看看', '常常', '谢谢', '星星', '多多', '方面', '的确', '人工智能', '人工', '每天', '其实', '个人', '一个', '问题'];

let chinese: { lexicon: ReturnType<typeof lexiconFromWords>; real: boolean } | null = null;

/** The real lexicon when built, else a fake; `real` says which (built once per test file). */
export function chineseLexicon(): { lexicon: ReturnType<typeof lexiconFromWords>; real: boolean } {
  if (chinese) return chinese;
  const file = join(ROOT, 'dist/data/zh-lexicon.tsv');
  chinese = existsSync(file)
    ? { lexicon: createChineseLexicon(readFileSync(file, 'utf8')), real: true }
    : { lexicon: lexiconFromWords(FAKE_ZH), real: false };
  return chinese;
}

/** Full resources (both lexicons), fresh cache. */
export function fullResources(): DetectResources {
  return { cache: new Map(), [RESOURCE.enWords]: englishWords(), [RESOURCE.zhLexicon]: chineseLexicon().lexicon };
}

/** Resources with no lexicon at all: rules must still work. */
export function bareResources(): DetectResources {
  return { cache: new Map() };
}
