/** SRT, WebVTT, plain-text and Markdown-transcript exporters over the format serialisers. */
import { markdownFormat } from '../formats/markdown';
import { srtFormat } from '../formats/srt';
import { txtFormat } from '../formats/txt';
import { serializeVtt } from '../formats/vtt';
import type { Segment } from '../model/segment';
import type { Transcript } from '../model/transcript';
import { splitCues, type CueOptions } from '../timing/cues';
import { derivedTranscript, withTimes } from './derive';
import type { Exporter } from './exporter';

/**
 * The transcript with each segment split into subtitle cues: one segment a cue, its lines joined by a line break,
 * with the cue's times (shared from the segment's span by the words' times or speaking weight). Cue ids are the
 * segment's id and the cue's number (`s12.2`); speaker and language carry over. Segments that already hold line
 * breaks (cues of a subtitle file, such as a Chinese line over its English line) are left whole.
 */
export function cueTranscript(transcript: Transcript, options: CueOptions = {}): Transcript {
  const segments: Segment[] = [];
  for (const s of transcript.segments) {
    // a segment with line breaks is a cue someone laid out (a bilingual pair, two speakers): kept as it is
    if (s.raw.includes('\n')) {
      segments.push(s);
      continue;
    }
    const cues = splitCues({ id: s.id, text: s.raw, lang: s.lang, start: s.start, end: s.end, words: s.words }, options);
    if (cues.length <= 1) {
      segments.push(cues[0] ? { ...s, raw: cues[0].lines.join('\n') } : s);
      continue;
    }
    cues.forEach((c, k) => {
      segments.push({
        id: `${s.id}.${k + 1}`, sourceLine: s.sourceLine, lang: s.lang, raw: c.lines.join('\n'),
        ...(c.start !== undefined ? { start: c.start } : {}), ...(c.end !== undefined ? { end: c.end } : {}),
        ...(s.speaker !== undefined ? { speaker: s.speaker } : {}),
      });
    });
  }
  return { ...transcript, segments };
}

function timedExporter(id: string, title: string, extension: string, write: (t: Transcript) => string): Exporter {
  return {
    id,
    title,
    extension,
    timed: true,
    export(input) {
      const { transcript, diagnostics } = withTimes(derivedTranscript(input));
      const out = input.cues ? cueTranscript(transcript, input.cues === true ? {} : input.cues) : transcript;
      return { text: write(out), diagnostics };
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
