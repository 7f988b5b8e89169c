/** Option specs several commands share. */
import type { OptionSpec } from '../command';

export const OUTPUT: OptionSpec = { name: 'output', short: 'o', type: 'string', description: 'output file (one input) or directory (several)' };
export const GLOSSARY: OptionSpec = { name: 'glossary', short: 'g', type: 'string', multiple: true, description: 'glossary TSV: term<TAB>equivalent<TAB>note' };
export const REFERENCE: OptionSpec = { name: 'reference', short: 'r', type: 'string', multiple: true, description: 'clean reference document to take names and terms from' };
export const LEVEL: OptionSpec = { name: 'level', short: 'l', type: 'string', description: 'conservative | standard (default) | thorough' };
