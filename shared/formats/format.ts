/**
 * One module per subtitle/transcript format, in the manner of Subtitle Edit's libse: each says whether a
 * text is its own (`sniff`), parses without throwing on user data, and (when it can be written) serialises.
 */
import type { ParseResult, Transcript, FormatId } from '../model/transcript';

export interface FormatModule {
  id: Exclude<FormatId, 'project'>;
  title: string;
  /** File extensions, lower case, with the dot. The first is the one we write. */
  extensions: readonly string[];
  /**
   * 0..1: how sure we are the text is in this format, from content alone. The registry picks the best
   * score; the extension only breaks ties.
   */
  sniff(text: string): number;
  /** Parses decoded text (line endings already `\n`, BOM removed). Never throws on user data. */
  parse(text: string): ParseResult;
  /** Serialises a transcript; absent for formats we only read. */
  serialize?(transcript: Transcript): string;
}
