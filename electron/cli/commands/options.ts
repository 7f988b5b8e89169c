/** Option specs several commands share. */
import { findFfmpeg } from '../../node/audio/ffmpeg';
import { UsageError, optFlag, type CliIO, type OptionSpec, type ParsedArgs } from '../command';

export const OUTPUT: OptionSpec = { name: 'output', short: 'o', type: 'string', description: 'output file (one input) or directory (several)' };
export const GLOSSARY: OptionSpec = { name: 'glossary', short: 'g', type: 'string', multiple: true, description: 'glossary TSV: term<TAB>equivalent<TAB>note' };
export const REFERENCE: OptionSpec = { name: 'reference', short: 'r', type: 'string', multiple: true, description: 'clean reference document to take names and terms from' };
export const LEVEL: OptionSpec = { name: 'level', short: 'l', type: 'string', description: 'conservative | standard (default) | thorough' };
export const CUES: OptionSpec = { name: 'cues', type: 'boolean', description: 'SRT/VTT: split long segments into cues of at most two lines (reading-speed and line-width limits)' };
export const CACHE_DIR: OptionSpec = { name: 'cache-dir', type: 'string', description: 'cache folder (default: .jiaodui-cache beside the audio)' };

/** True when an ffmpeg is available; otherwise says so on stderr for `command`. */
export function ffmpegAvailable(command: string, io: CliIO): boolean {
  if (findFfmpeg()) return true;
  io.stderr(`jiaodui ${command}: ffmpeg not found (install @ffmpeg-installer/ffmpeg or put ffmpeg on PATH)\n`);
  return false;
}

/** `--cues`, refused for outputs that have no cues. */
export function cuesOption(args: ParsedArgs, to: string): boolean {
  if (!optFlag(args, 'cues')) return false;
  if (to !== 'srt' && to !== 'vtt') throw new UsageError(`--cues applies to srt and vtt output, not ${to}`);
  return true;
}
