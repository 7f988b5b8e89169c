/** SRT, WebVTT, plain-text and Markdown-transcript exporters over the format serialisers. */
import { markdownFormat } from '../formats/markdown';
import { srtFormat } from '../formats/srt';
import { txtFormat } from '../formats/txt';
import { serializeVtt } from '../formats/vtt';
import type { Transcript } from '../model/transcript';
import { derivedTranscript, withTimes } from './derive';
import type { Exporter } from './exporter';

function timedExporter(id: string, title: string, extension: string, write: (t: Transcript) => string): Exporter {
  return {
    id,
    title,
    extension,
    timed: true,
    export(input) {
      const { transcript, diagnostics } = withTimes(derivedTranscript(input));
      return { text: write(transcript), diagnostics };
    },
  };
}

export const srtExporter = timedExporter('srt', 'SubRip (SRT)', '.srt', (t) => srtFormat.serialize!(t));
/**
 * WebVTT export leaves out STYLE and REGION blocks a source carried: ffmpeg stops reading cues at the first
 * such block (ffmpeg trac #9064), and exported subtitles must load everywhere. The format module's own
 * serialiser keeps them for round trips.
 */
export const vttExporter = timedExporter('vtt', 'WebVTT', '.vtt', (t) => serializeVtt(t, { styleAndRegionBlocks: false }));

export const txtExporter: Exporter = {
  id: 'txt',
  title: 'Plain text',
  extension: '.txt',
  timed: false,
  export: (input) => ({ text: txtFormat.serialize!(derivedTranscript(input)), diagnostics: [] }),
};

export const markdownExporter: Exporter = {
  id: 'md',
  title: 'Markdown transcript',
  extension: '.md',
  aliases: ['.markdown'],
  timed: false,
  export: (input) => ({ text: markdownFormat.serialize!(derivedTranscript(input)), diagnostics: [] }),
};
