/**
 * A region per timed segment, for the visible window only. Thousands of labelled regions cost seconds and
 * hundreds of megabytes when they all exist (FIELD-NOTES: 3,000 took 1.5 s and 700 MB), so after every scroll,
 * zoom or time change (coalesced to one animation frame) the set is reconciled with the segments overlapping the
 * visible window plus half a window on each side: regions that left are removed, new ones added, moved ones
 * updated in place. At most MAX_REGIONS exist; a zoomed-out view of a long file shows the ones around the centre.
 * Region ids are segment ids; dragging an edge reports the new times to `onRetime` (one undo step per drag).
 * While the view moves by more than a window from one scroll event to the next (a fast pan, a drag of the
 * minimap), every region would be new each frame and gone the next — thousands of elements made and dropped a
 * second — so the reconcile waits until the view moves slowly again or stops for FAST_PAN_SETTLE_MS.
 */
import type WaveSurfer from 'wavesurfer.js';
import type RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { Segment } from '../../../shared/model/segment';
import { segmentsIn, timeIndex } from '../../state/timing';

export const MAX_REGIONS = 150;
const FAST_PAN_SETTLE_MS = 100;
const LABEL_CHARS = 18;
const COLOR = 'rgba(37, 99, 235, 0.10)';
const COLOR_SELECTED = 'rgba(234, 179, 8, 0.28)';

type Regions = InstanceType<typeof RegionsPlugin>;

export interface RegionSync {
  /** Reconcile now-ish (next frame). */
  schedule(): void;
  /** New segments or selection: reconcile next frame. */
  setSegments(segments: readonly Segment[], selectedId: string | null): void;
  count(): number;
  destroy(): void;
}

function label(text: string): string {
  const chars = [...text.trim()];
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS).join('')}…` : chars.join('');
}

/** The visible window of the waveform, seconds. */
function visibleWindow(ws: WaveSurfer): [number, number] {
  const duration = ws.getDuration();
  const total = ws.getWrapper().scrollWidth || 1;
  const from = (ws.getScroll() / total) * duration;
  return [from, from + (ws.getWidth() / total) * duration];
}

export function syncRegions(
  ws: WaveSurfer, regions: Regions, onRetime: (id: string, startMs: number, endMs: number) => void, onClick: (id: string) => void,
): RegionSync {
  let segments: readonly Segment[] = [];
  let selected: string | null = null;
  let frame = 0;
  let settle = 0;
  let dragging = false;
  /** Where the previous scroll event put the view (seconds), to tell a fast pan from a scroll. */
  let lastScroll: number | null = null;
  let jumpedAt = -Infinity;
  const live = new Map<string, Region>();
  /** The window the last `scroll` event reported (no layout read); null after a zoom or redraw. */
  let known: [number, number] | null = null;

  const reconcile = () => {
    frame = 0;
    if (dragging) return;
    const [from, to] = known ?? visibleWindow(ws);
    const margin = (to - from) / 2;
    const index = timeIndex(segments);
    let wanted = segmentsIn(index, (from - margin) * 1000, (to + margin) * 1000);
    if (wanted.length > MAX_REGIONS) {
      const centre = ((from + to) / 2) * 1000;
      let mid = wanted.findIndex((i) => (segments[i]!.start ?? 0) >= centre);
      if (mid < 0) mid = wanted.length - 1;
      const first = Math.max(0, Math.min(wanted.length - MAX_REGIONS, mid - MAX_REGIONS / 2));
      wanted = wanted.slice(first, first + MAX_REGIONS);
    }
    const keep = new Set<string>();
    for (const i of wanted) {
      const s = segments[i]!;
      const start = s.start! / 1000;
      const end = Math.max(start + 0.05, (s.end ?? s.start!) / 1000);
      const color = s.id === selected ? COLOR_SELECTED : COLOR;
      keep.add(s.id);
      const r = live.get(s.id);
      if (!r) {
        live.set(s.id, regions.addRegion({ id: s.id, start, end, color, drag: false, resize: true, minLength: 0.05, content: label(s.raw) }));
      } else if (Math.abs(r.start - start) > 1e-3 || Math.abs(r.end - end) > 1e-3 || r.color !== color) {
        r.setOptions({ start, end, color });
      }
    }
    for (const [id, r] of live) {
      if (!keep.has(id)) {
        r.remove();
        live.delete(id);
      }
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(reconcile);
  };
  /**
   * After a scroll event: at once, unless the view jumped by more than a window from one event to the next within
   * the last FAST_PAN_SETTLE_MS (wavesurfer may report one frame's scroll twice, so a fast pan is judged over that
   * time, not event by event); then once it has settled.
   */
  const scheduleScroll = (start: number, end: number) => {
    const previous = lastScroll;
    lastScroll = start;
    const now = performance.now();
    if (previous !== null && Math.abs(start - previous) > Math.max(end - start, 1e-3)) jumpedAt = now;
    window.clearTimeout(settle);
    settle = 0;
    if (now - jumpedAt >= FAST_PAN_SETTLE_MS) return schedule();
    settle = window.setTimeout(() => {
      settle = 0;
      schedule();
    }, FAST_PAN_SETTLE_MS - (now - jumpedAt));
  };
  const relayout = () => {
    known = null;
    schedule();
  };
  const offs = [
    ws.on('scroll', (start, end) => {
      known = [start, end];
      scheduleScroll(start, end);
    }),
    ws.on('zoom', relayout),
    ws.on('redraw', relayout),
    regions.on('region-update', () => { dragging = true; }),
    regions.on('region-updated', (r) => {
      dragging = false;
      onRetime(r.id, Math.round(r.start * 1000), Math.round(r.end * 1000));
      schedule();
    }),
    regions.on('region-clicked', (r, e) => {
      e.stopPropagation();
      onClick(r.id);
    }),
  ];
  return {
    schedule,
    setSegments(next, selectedId) {
      segments = next;
      selected = selectedId;
      relayout();
    },
    count: () => live.size,
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      window.clearTimeout(settle);
      for (const off of offs) off();
      live.clear();
    },
  };
}
