/**
 * What bench/detect.bench.mjs needs from the TypeScript sources, in one bundle: parsing, detection, the
 * lexicon builders, the CLI's resource loader (prebuilt indexes, as `jiaodui check` loads them) and the JSON
 * report builder (to see where the CLI's memory goes).
 */
export { RULES, detectTranscript } from '../shared/detect/index';
export { parseText } from '../shared/formats/index';
export { createChineseLexicon } from '../shared/lexicon/chinese';
export { createEnglishWords } from '../shared/lexicon/english';
export { RESOURCE } from '../shared/lexicon/types';
export { buildReport } from '../shared/export/json-report';
export { loadDetectResources } from '../electron/cli/resources';
