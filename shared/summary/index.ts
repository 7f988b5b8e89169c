/**
 * The session summary: turns (turns.ts) named and given roles (naming.ts), with key points and keywords
 * (keypoints.ts), an editing log and the glossary entries the session uses. Pure: the caller passes flags,
 * decisions, edits, the level and a glossary. Markdown rendering lives in export/summary-md.ts.
 *
 * Host tracking: the first turn is the host's; a host names themself (`我是…的薛岚，也是…主持人`), and a
 * hand-over to a new host (`下一个环节的主持人…梁正教授`, `把这个话筒交给张教授`) makes the next turn that
 * host's. Host turns keep the current host's name; a panel opens when the host's words mention a round table
 * and closes when keynotes resume.
 */
import { flagsBySegment } from '../model/clean';
import type { Flag } from '../model/flag';
import { autoAt, DEFAULT_LEVEL } from '../model/levels';
import type { Transcript } from '../model/transcript';
import type { GlossaryEntry } from '../glossary/glossary';
import { keyPoints, keywords, sentencesOf } from './keypoints';
import {
  affiliationFrom, guestRole, guestsFromMetadata, handoverName, mentions, NameBook, panelAfter,
  MentionPool, selfIntroduction,
} from './naming';
import { endsWithHandover } from './cues';
import { detectBoundaries, type Boundary } from './turns';
import type { EditingLog, GlossaryUse, SectionRole, Summary, SummaryOptions, SummarySection } from './types';
import { buildUnits, type Unit } from './units';

export type * from './types';
export { detectBoundaries, THRESHOLD } from './turns';

interface Turn {
  units: Unit[];
  boundary: Boundary | null;
  text: string;
}

const HOST_SELF = /我是[^。]{0,60}?的([\p{Script=Han}]{2,3})(?=[，,。])/u;
// a new host is handed the microphone (话筒交给张教授) or named as the next host (下一个环节的主持人…梁正教授)
const NEW_HOST = /[^。]*(?:主持人|话筒)[^。]*/gu;
/** How far before a video the hand-over that names its speaker may be (…马瓦拉先生。…录制了一段视频演讲。…播放一下。). */
const VIDEO_INTRO = 250;

/** Summarises a transcript into named, timed sections with key points (see the file comment). */
export function summarize(transcript: Transcript, options: SummaryOptions = {}): Summary {
  const flags = options.flags ?? [];
  const derive = { level: options.level ?? DEFAULT_LEVEL, ...(options.decisions ? { decisions: options.decisions } : {}) };
  const units = buildUnits(transcript, flagsBySegment(flags), derive, options.edits);
  if (units.length === 0) return emptySummary(transcript, flags, options);
  const boundaries = detectBoundaries(transcript, units, options.userMarkers);
  const turns = splitTurns(units, boundaries);
  const guests = guestsFromMetadata(transcript.metadata);
  const book = new NameBook({ entries: [...(options.glossary?.entries ?? []), ...guests] });
  const named = nameTurns(turns, book);
  const times = (segment: number): number | null => transcript.segments[segment]?.start ?? null;
  const sentences = turns.map((t) => sentencesOf(t.units));
  const keys = keywords(sentences.map((list) => ({ words: list.flatMap((s) => s.words), compounds: list.flatMap((s) => s.compounds) })));
  const sections: SummarySection[] = turns.map((turn, k) => {
    const first = turn.units[0]!;
    const last = turn.units[turn.units.length - 1]!;
    const lastSeg = transcript.segments[last.segment]!;
    const user = turn.boundary?.forced ? options.userMarkers?.find((m) => transcript.segments[m.beforeSegment] && m.beforeSegment === first.segment) : undefined;
    return {
      startLine: first.line,
      endLine: lastSeg.sourceLine + Math.max(0, lastSeg.raw.split('\n').length - 1),
      start: transcript.segments[first.segment]!.start ?? null,
      end: lastSeg.end ?? null,
      speaker: user?.speaker ?? named[k]!.speaker,
      affiliation: named[k]!.affiliation,
      role: user?.role ?? named[k]!.role,
      keyPoints: keyPoints(sentences[k]!, times, options.maxKeyPoints),
      keywords: keys[k]!,
      from: { segment: first.segment, offset: first.start },
      to: { segment: last.segment, offset: last.end },
      lang: dominantLang(turn.units),
      paragraphs: paragraphs(turn.units),
      cues: turn.boundary?.cues ?? ['start'],
    };
  });
  const langs = new Set(sections.map((s) => s.lang));
  return {
    title: transcript.title,
    metadata: transcript.metadata,
    sections,
    bilingual: langs.has('zh') && langs.has('en'),
    log: editingLog(transcript, flags, options),
    glossaryUsed: glossaryUsed(options.glossary?.entries ?? [], units),
  };
}

function splitTurns(units: readonly Unit[], boundaries: readonly Boundary[]): Turn[] {
  const turns: Turn[] = [];
  const starts = [0, ...boundaries.map((b) => b.unit)];
  starts.forEach((start, k) => {
    const slice = units.slice(start, starts[k + 1] ?? units.length);
    turns.push({ units: slice, boundary: k === 0 ? null : boundaries[k - 1]!, text: slice.map((u) => u.clean).join('') });
  });
  return turns;
}

interface Naming {
  speaker: string | null;
  affiliation: string | null;
  role: SectionRole;
}

function isHostTurn(turn: Turn, k: number): boolean {
  if (k === 0) return true;
  const cues = turn.boundary?.cues ?? [];
  if (cues.includes('thanks') && (!cues.includes('handover') || cues.includes('close'))) return true;
  if (cues.includes('close') && !cues.includes('open') && !cues.includes('handover')) return true;
  const letters = turn.text.length;
  // a turn that ends by giving the floor away is the host's: short, or opened by the host's thanks/hand-over
  const opensAsHost = cues.includes('thanks') || (cues.includes('handover') && !cues.includes('open'));
  return (letters < 700 || opensAsHost) && !cues.includes('open') && endsWithHandover(turn.text.slice(-300));
}

function nameTurns(turns: readonly Turn[], book: NameBook): Naming[] {
  let host: string | null = null;
  let panel = false;
  let nextHost: string | null = null;
  let pool = new MentionPool();
  const hostTurns: boolean[] = [];
  const named: Naming[] = [];
  turns.forEach((turn, k) => {
    named.push(nameTurn(turn, k));
    hostTurns[k] = named[k]!.role === 'host';
  });
  return named;

  function nameTurn(turn: Turn, k: number): Naming {
    pool.addAll(mentions(turn.text));
    // the presenter resumes after the video they played
    if (turn.boundary?.cues.includes('after-video') && k >= 2) return named[k - 2]!;
    const labelled = turn.boundary?.speaker;
    const own = selfIntroduction(turn.text);
    if ((isHostTurn(turn, k) && !labelled) || (own !== null && own === host)) {
      const self = selfIntroduction(turn.text.slice(0, 400)) ?? HOST_SELF.exec(turn.text.slice(0, 400))?.[1];
      const before = host;
      if (self && selfIntroduction(`我是${self}`)) host = self;
      else if (nextHost) host = nextHost;
      // a new host starts a new part of the programme: surnames resolve among the names said from here on
      if (before !== null && host !== before) pool = new MentionPool().addAll(mentions(turn.text));
      nextHost = null;
      const handedTo = [...turn.text.matchAll(NEW_HOST)].pop()?.[0];
      const handed = handedTo ? mentions(handedTo).pop() : undefined;
      if (handed) nextHost = pool.resolve(handed.name);
      panel = panelAfter(turn.text, panel);
      return canonical(host, null, 'host', book);
    }
    const before = k > 0 ? turns[k - 1]!.text : '';
    const intro = before.slice(-600);
    // the role comes from the host's hand-over; a talk that follows another talk has none
    const hosted = k > 0 && (hostTurns[k - 1] === true || (turn.boundary?.cues.includes('handover') ?? false));
    const role = hosted ? guestRole(intro, panel) : panel ? 'panel' : 'keynote';
    // a video is named only by the hand-over that starts it (a promotional film has no speaker)
    const name = labelled ?? own ?? handoverName(role === 'video' ? intro.slice(-VIDEO_INTRO) : intro, pool);
    const full = name ? pool.resolve(name) : null;
    const affiliation = full ? affiliationFrom(before, full) ?? affiliationFrom(turn.text.slice(0, 300), full) : null;
    return canonical(full, affiliation, role, book);
  }
}

function canonical(name: string | null, affiliation: string | null, role: SectionRole, book: NameBook): Naming {
  if (!name) return { speaker: null, affiliation, role };
  const entry: GlossaryEntry | null = book.lookup(name);
  // ASR writes English names in lower case (mat, dcan Caback): show them capitalised
  if (!entry) return { speaker: name.replace(/(^|\s)([a-z])/g, (_, sp: string, c: string) => sp + c.toUpperCase()), affiliation, role };
  return { speaker: entry.term, affiliation: affiliation ?? (entry.note || null), role };
}

function dominantLang(units: readonly Unit[]): 'zh' | 'en' | 'mixed' {
  let zh = 0;
  let en = 0;
  for (const u of units) {
    if (u.lang === 'zh') zh += u.clean.length;
    else if (u.lang === 'en') en += u.clean.length / 3;
  }
  if (zh > 0 && en > 0 && Math.min(zh, en) / Math.max(zh, en) > 0.25) return 'mixed';
  return en > zh ? 'en' : 'zh';
}

function paragraphs(units: readonly Unit[]): string[] {
  const out: string[] = [];
  let segment = -1;
  for (const u of units) {
    if (u.segment !== segment) {
      out.push('');
      segment = u.segment;
    }
    out[out.length - 1] += u.clean;
  }
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

function editingLog(transcript: Transcript, flags: readonly Flag[], options: SummaryOptions): EditingLog {
  const level = options.level ?? DEFAULT_LEVEL;
  const log: EditingLog = { fillersRemoved: 0, namesCorrected: 0, otherEdits: 0, pending: 0, pendingByKind: {}, pendingNames: [] };
  const raw = new Map(transcript.segments.map((s) => [s.id, s.raw]));
  const pendingNames = new Map<string, { original: string; suggestion: string; count: number }>();
  for (const f of flags) {
    const decision = options.decisions?.[f.id];
    const applied = decision === 'accepted' || (decision === undefined && autoAt(f.confidence, level));
    if (applied) {
      if (f.kind === 'filler' || f.kind === 'repetition') log.fillersRemoved++;
      else if (f.kind === 'misrecognition') log.namesCorrected++;
      else log.otherEdits++;
    } else if (decision !== 'rejected') {
      log.pending++;
      log.pendingByKind[f.kind] = (log.pendingByKind[f.kind] ?? 0) + 1;
      if (f.kind !== 'misrecognition') continue;
      const original = raw.get(f.segmentId)?.slice(f.start, f.end) ?? '';
      const key = `${original}\u0000${f.suggestion}`;
      const entry = pendingNames.get(key) ?? { original, suggestion: f.suggestion, count: 0 };
      entry.count++;
      pendingNames.set(key, entry);
    }
  }
  log.pendingNames = [...pendingNames.values()].sort((a, b) => b.count - a.count || (a.original < b.original ? -1 : a.original > b.original ? 1 : 0));
  return log;
}

function glossaryUsed(entries: readonly GlossaryEntry[], units: readonly Unit[]): GlossaryUse[] {
  if (entries.length === 0) return [];
  const text = units.map((u) => u.clean).join('\n').toLowerCase();
  return entries
    .filter((e) => [e.term, e.equivalent].some((f) => f !== '' && text.includes(f.toLowerCase())))
    .map((e) => ({ term: e.term, equivalent: e.equivalent, note: e.note }));
}

function emptySummary(transcript: Transcript, flags: readonly Flag[], options: SummaryOptions): Summary {
  return { title: transcript.title, metadata: transcript.metadata, sections: [], bilingual: false, log: editingLog(transcript, flags, options), glossaryUsed: [] };
}
