/** Option specs several commands share. */
import { findFfmpeg } from '../../node/audio/ffmpeg';
import type { CliIO, OptionSpec } from '../command';

export const OUTPUT: OptionSpec = { name: 'output', short: 'o', type: 'string', description: 'output file (one input) or directory (several)' };
export const GLOSSARY: OptionSpec = { name: 'glossary', short: 'g', type: 'string', multiple: true, description: 'glossary TSV: term<TAB>equivalent<TAB>note' };
export const REFERENCE: OptionSpec = { name: 'reference', short: 'r', type: 'string', multiple: true, description: 'clean reference document to take names and terms from' };
export const LEVEL: OptionSpec = { name: 'level', short: 'l', type: 'string', description: 'conservative | standard (default) | thorough' };
export const CACHE_DIR: OptionSpec = { name: 'cache-dir', type: 'string', description: 'cache folder (default: .jiaodui-cache beside the audio)' };

/** True when an ffmpeg is available; otherwise says so on stderr for `command`. */
export function ffmpegAvailable(command: string, io: CliIO): boolean {
  if (findFfmpeg()) return true;
  io.stderr(`jiaodui ${command}: ffmpeg not found (install @ffmpeg-installer/ffmpeg or put ffmpeg on PATH)\n`);
  return false;
}
