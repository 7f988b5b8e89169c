/** SRT, WebVTT, plain-text and Markdown-transcript exporters over the format serialisers. */
import { markdownFormat } from '../formats/markdown';
import { srtFormat } from '../formats/srt';
import { txtFormat } from '../formats/txt';
import { vttFormat } from '../formats/vtt';
import type { FormatModule } from '../formats/format';
import { derivedTranscript, withTimes } from './derive';
import type { Exporter } from './exporter';

function timedExporter(id: string, title: string, extension: string, format: FormatModule): Exporter {
  return {
    id,
    title,
    extension,
    timed: true,
    export(input) {
      const { transcript, diagnostics } = withTimes(derivedTranscript(input));
      return { text: format.serialize!(transcript), diagnostics };
    },
  };
}

export const srtExporter = timedExporter('srt', 'SubRip (SRT)', '.srt', srtFormat);
export const vttExporter = timedExporter('vtt', 'WebVTT', '.vtt', vttFormat);

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
