/**
 * "Time automatically" and the `[` / `]` keys: segment times from the host (forced alignment or shared out by
 * length over detected speech in Electron, by length in the browser) or from the playhead, applied as one
 * undoable `retime` step. Progress of peaks and timing arrives as host `audio-progress` events and is shown in
 * the waveform panel (state `audioTask`).
 */
import { host } from '../../host';
import { translator } from '../../i18n/i18n';
import { notify, performStep } from '../../state/actions';
import { getState, setState } from '../../state/store';
import { retimeStep, timedSegments } from '../../state/timing';
import { currentMs, hasPlayer } from './player';

/** Segments of the document without a start or an end. */
export function untimedCount(): number {
  return timedSegments(getState().editor.doc).filter((s) => s.start === undefined || s.end === undefined).length;
}

export async function timeAutomatically(): Promise<void> {
  const s = getState();
  const t = translator(s.locale);
  if (!s.audio || s.audioTask) return;
  const segments = timedSegments(s.editor.doc);
  if (untimedCount() === 0) return notify(t('audio.allTimed'));
  setState({ audioTask: { kind: 'timing', fraction: 0 } });
  try {
    const r = await host.autoTime(s.audio.path, segments.map((seg) => ({
      raw: seg.raw, lang: seg.lang, ...(seg.start !== undefined ? { start: seg.start } : {}), ...(seg.end !== undefined ? { end: seg.end } : {}),
    })));
    if (!r.ok) return notify(t('audio.timingFailed', { message: r.message }), true);
    const doc = getState().editor.doc;
    if (timedSegments(doc).length !== segments.length) return;
    const changes = r.value.times.flatMap((time, i) => (time ? [{ id: segments[i]!.id, start: time.start, end: time.end }] : []));
    performStep(retimeStep(doc, changes));
    notify(t('audio.timed', { count: changes.length, method: t(`audio.method.${r.value.method}`) }));
  } finally {
    setState({ audioTask: null });
  }
}

/** `[` / `]`: the selected segment starts / ends at the playhead (the other end kept, or 2 s after/before). */
export function setEdgeAtPlayhead(edge: 'start' | 'end'): void {
  const s = getState();
  const id = s.editor.selection.segmentId;
  if (!id || !hasPlayer()) return;
  const seg = timedSegments(s.editor.doc).find((x) => x.id === id);
  if (!seg) return;
  const now = currentMs();
  const start = edge === 'start' ? now : (seg.start !== undefined && seg.start < now ? seg.start : Math.max(0, now - 2000));
  const end = edge === 'end' ? now : (seg.end !== undefined && seg.end > now ? seg.end : now + 2000);
  performStep(retimeStep(s.editor.doc, [{ id, start, end }]));
}
