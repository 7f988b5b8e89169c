/**
 * `jiaodui align A [B]`: sentence alignment of a Chinese text and its English counterpart (either file may
 * be the Chinese one; the language of each is read from its content), or, with one file, of the Chinese and
 * English runs of a mixed (interpreted) transcript. JSON output is a public contract:
 * `{ "beads": [ { "a": [0], "b": [0, 1], "score": 0.93 } ] }` with 0-based sentence indices of A and B
 * (with one file, A = its Chinese sentences and B = its English sentences, in order).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { alignSentences } from '../../../shared/align/align';
import type { GlossaryPair } from '../../../shared/align/dictionary';
import type { AlignSentence } from '../../../shared/align/features';
import { documentSentences, dominantLang, languageSentences } from '../../../shared/align/transcript-sentences';
import { bilingualMarkdown, bilingualPairs, bilingualSubtitles, bilingualTsv } from '../../../shared/export/bilingual';
import type { Diagnostic } from '../../../shared/model/diagnostics';
import { decodeBytes } from '../../../shared/text/encoding';
import { loadAlignDictionary } from '../../node/load-align-dict';
import { readInput } from '../../node/read-input';
import { loadGlossaryFiles } from '../../node/load-resources';
import { EXIT, UsageError, optFlag, optList, optString, type CliCommand, type CliIO } from '../command';
import { GLOSSARY, OUTPUT } from './options';

/** Mean bead Dice below which the inputs do not look like translations of each other (see AlignResult). */
const LOW_OVERLAP = 0.2;
const TARGETS = ['json', 'tsv', 'srt', 'vtt', 'md'] as const;
type Target = (typeof TARGETS)[number];

interface Side {
  sentences: AlignSentence[];
  lang: 'zh' | 'en';
}

class InputError extends Error {}

async function readLines(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new InputError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) throw new InputError(`${path}: ${decoded.message}`);
  return decoded.value.text.replace(/^\uFEFF/, '');
}

/** One file as one side: `--lines` keeps each non-empty line as a sentence; otherwise parse and split. */
async function loadSide(path: string, lines: boolean, diagnostics: Diagnostic[]): Promise<Side> {
  if (lines) {
    const sentences = (await readLines(path)).split('\n').map((l) => l.trim()).filter((l) => l !== '').map((text) => ({ text }));
    return { sentences, lang: dominantLang(sentences.map((s) => s.text).join('\n')) };
  }
  const input = await readInput(path);
  if (!input.ok) throw new InputError(input.message);
  diagnostics.push(...input.value.diagnostics.filter((d) => d.severity === 'error'));
  const lang = dominantLang(input.value.transcript.segments.map((s) => s.raw).join('\n'));
  return { sentences: documentSentences(input.value.transcript, lang), lang };
}

/** Glossary files as zh↔en pairs (entries without both scripts are skipped). */
function glossaryPairs(paths: string[], diagnostics: Diagnostic[]): GlossaryPair[] {
  if (!paths.length) return [];
  const { glossary, diagnostics: found } = loadGlossaryFiles(paths);
  diagnostics.push(...found);
  const pairs: GlossaryPair[] = [];
  const han = /\p{Script=Han}/u;
  for (const entry of glossary.entries) {
    if (!entry.equivalent) continue;
    if (han.test(entry.term) && !han.test(entry.equivalent)) pairs.push({ zh: entry.term, en: entry.equivalent });
    else if (han.test(entry.equivalent) && !han.test(entry.term)) pairs.push({ zh: entry.equivalent, en: entry.term });
  }
  return pairs;
}

function targetOf(to: string | undefined, output: string | undefined): Target {
  const chosen = to ?? (output ? extname(output).slice(1).toLowerCase().replace('markdown', 'md') : 'json');
  if (!(TARGETS as readonly string[]).includes(chosen)) {
    throw new UsageError(`unknown output format "${chosen}": use --to ${TARGETS.join('|')}`);
  }
  return chosen as Target;
}

async function sidesOf(positionals: string[], lines: boolean, diagnostics: Diagnostic[]): Promise<{ zh: Side; en: Side; zhIsA: boolean }> {
  if (positionals.length === 1) {
    if (lines) throw new UsageError('--lines needs two files (one sentence a line each)');
    const input = await readInput(positionals[0]!);
    if (!input.ok) throw new InputError(input.message);
    const { zh, en } = languageSentences(input.value.transcript);
    return { zh: { sentences: zh, lang: 'zh' }, en: { sentences: en, lang: 'en' }, zhIsA: true };
  }
  const a = await loadSide(positionals[0]!, lines, diagnostics);
  const b = await loadSide(positionals[1]!, lines, diagnostics);
  if (a.lang === b.lang) {
    throw new InputError(`both files look ${a.lang === 'zh' ? 'Chinese' : 'English'}: align needs one Chinese and one English file`);
  }
  return a.lang === 'zh' ? { zh: a, en: b, zhIsA: true } : { zh: b, en: a, zhIsA: false };
}

async function run(args: Parameters<CliCommand['run']>[0], io: CliIO): Promise<number> {
  const positionals = args.positionals;
  if (positionals.length < 1 || positionals.length > 2) throw new UsageError('align needs two files A B (or one mixed-language file)');
  const output = optString(args, 'output');
  const target = targetOf(optString(args, 'to'), output);
  const diagnostics: Diagnostic[] = [];
  let sides: Awaited<ReturnType<typeof sidesOf>>;
  try {
    sides = await sidesOf(positionals.map((p) => resolve(io.cwd, p)), optFlag(args, 'lines'), diagnostics);
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`jiaodui align: ${e.message}\n`);
      return EXIT.failed;
    }
    throw e;
  }
  const { dictionary, diagnostics: dictDiagnostics } = optFlag(args, 'no-dictionary') ? { dictionary: null, diagnostics: [] } : loadAlignDictionary();
  diagnostics.push(...dictDiagnostics);
  const glossary = glossaryPairs(optList(args, 'glossary').map((p) => resolve(io.cwd, p)), diagnostics);
  const result = alignSentences(sides.zh.sentences, sides.en.sentences, { dictionary: dictionary ?? undefined, glossary });
  let text: string;
  if (target === 'json') {
    const beads = result.beads.map((b) => (sides.zhIsA ? { a: b.zh, b: b.en, score: b.score } : { a: b.en, b: b.zh, score: b.score }));
    text = JSON.stringify({ beads }) + '\n';
  } else {
    const pairs = bilingualPairs(sides.zh.sentences, sides.en.sentences, result.beads);
    if (target === 'tsv') text = bilingualTsv(pairs);
    else if (target === 'md') text = bilingualMarkdown(pairs);
    else {
      const out = bilingualSubtitles(pairs, target);
      text = out.text;
      diagnostics.push(...out.diagnostics);
    }
  }
  const low = result.beads.filter((b) => b.score < 0.5).length;
  io.stderr(`jiaodui align: ${sides.zh.sentences.length} Chinese × ${sides.en.sentences.length} English sentences → ${result.beads.length} beads (${low} below 0.5 confidence)${result.lagMs !== null ? `, time lag ${result.lagMs} ms` : ''}\n`);
  if (result.lexicalOverlap !== null && result.lexicalOverlap < LOW_OVERLAP) {
    diagnostics.unshift({
      line: 0,
      severity: 'warning',
      code: 'align.not-parallel',
      message: `the two sides share few words (mean lexical overlap ${result.lexicalOverlap}; TED translations score 0.36-0.56): they may not be translations of each other, and pairs are guesses by length`,
    });
  }
  for (const d of diagnostics.slice(0, 20)) io.stderr(`  ${d.severity}: ${d.message}\n`);
  if (diagnostics.length > 20) io.stderr(`  … ${diagnostics.length - 20} more diagnostics\n`);
  if (output) await writeFile(resolve(io.cwd, output), text);
  else io.stdout(text);
  return EXIT.ok;
}

export const alignCommand: CliCommand = {
  name: 'align',
  summary: 'Align Chinese and English sentences (two files, or the two languages of one mixed transcript).',
  usage: 'jiaodui align A [B] [--lines] [--to json|tsv|srt|vtt|md] [-o OUT] [--glossary FILE]...',
  options: [
    { name: 'lines', type: 'boolean', description: 'one sentence a line, already split (no re-splitting)' },
    { name: 'to', short: 't', type: 'string', description: 'json (default) | tsv | md (two columns) | srt | vtt (bilingual subtitles)' },
    OUTPUT,
    GLOSSARY,
    { name: 'no-dictionary', type: 'boolean', description: 'do not use the CEDICT dictionary (length and anchors only)' },
  ],
  help: [
    'Either file may be the Chinese one. JSON: {"beads":[{"a":[0],"b":[0,1],"score":0.93}]}, 0-based sentence',
    'indices of A and B, score = confidence 0..1. SRT/VTT put the Chinese line over the English line.',
    'Examples:',
    '  jiaodui align talk.zh.txt talk.en.txt --lines > beads.json',
    '  jiaodui align talk.zh.srt talk.en.txt --to vtt -o talk.bilingual.vtt',
    '  jiaodui align forum.txt --to tsv            # a mixed transcript: its Chinese vs its English',
  ].join('\n'),
  run,
};
