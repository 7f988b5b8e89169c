/** What bench/glossary.bench.mjs needs from the TypeScript sources, in one bundle (see bench/lib.mjs `loadTs`). */
export { detectTranscript } from '../shared/detect/index';
export { zhGlossary } from '../shared/detect/rules/zh-glossary';
export { enGlossary } from '../shared/detect/rules/en-glossary';
export { zhLexicon } from '../shared/detect/rules/zh-lexicon';
export { detectLang } from '../shared/model/lang';
export { applyFlags, chooseNonOverlapping } from '../shared/model/clean';
export { autoAt } from '../shared/model/levels';
export { loadDetectResources, loadChineseLexicon } from '../electron/node/load-resources';
export { parseGlossary } from '../shared/glossary/index';
export { RESOURCE } from '../shared/lexicon/types';
export { createEnglishWords } from '../shared/lexicon/english';
export { pinyin } from 'pinyin-pro';
