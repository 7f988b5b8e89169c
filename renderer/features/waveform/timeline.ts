/**
 * The time ruler under the waveform, drawn for the visible window only.
 *
 * wavesurfer's Timeline plugin makes one notch element for every interval of the whole file, appends each to
 * measure it (a layout per notch), and rebuilds them all on every zoom and redraw: a 3 h recording at 50 px/s is
 * 10,800 elements with their inline styles, made twice per zoom step — tens of megabytes of Blink's heap churned,
 * most of it never on screen. This ruler keeps a small pool of notch elements and places them over the visible
 * window plus half a window on each side, again only when the view leaves that range or the scale changes. It looks
 * and is addressed like the plugin's (`part="timeline-notch timeline-notch-primary|secondary|tick"`, the same
 * intervals and labels), inside wavesurfer's scrolling wrapper so it scrolls with the waveform.
 */
import type WaveSurfer from 'wavesurfer.js';

export interface TimelineOptions {
  height: number;
  style?: Partial<CSSStyleDeclaration>;
}

/** Seconds between notches at a scale (pixels a second): the Timeline plugin's defaults. */
export function notchInterval(pxPerSec: number): number {
  if (pxPerSec >= 25) return 1;
  if (pxPerSec * 5 >= 25) return 5;
  if (pxPerSec * 15 >= 25) return 15;
  return 60 * Math.ceil(0.5 / pxPerSec);
}

const primaryInterval = (pxPerSec: number) => (pxPerSec >= 25 ? 10 : pxPerSec * 5 >= 25 ? 6 : 4);
const secondaryInterval = (pxPerSec: number) => (pxPerSec >= 25 ? 5 : 2);

/** A notch's label, as the plugin writes it: `m:ss` past a minute, else seconds. */
export function notchLabel(seconds: number): string {
  if (seconds / 60 > 1) {
    const s = Math.round(seconds % 60);
    return `${Math.floor(seconds / 60)}:${s < 10 ? '0' : ''}${s}`;
  }
  return `${Math.round(seconds * 1000) / 1000}`;
}

export function attachTimeline(ws: WaveSurfer, options: TimelineOptions): () => void {
  const root = document.createElement('div');
  root.setAttribute('part', 'timeline-wrapper');
  root.style.pointerEvents = 'none';
  const strip = document.createElement('div');
  strip.setAttribute('part', 'timeline');
  Object.assign(strip.style, { height: `${options.height}px`, overflow: 'hidden', fontSize: `${options.height / 2}px`, whiteSpace: 'nowrap', position: 'relative' }, options.style ?? {});
  root.append(strip);
  ws.getWrapper().append(root);

  const pool: HTMLDivElement[] = [];
  /** What each pooled notch shows, so an unchanged notch is not written again (each write makes garbage). */
  const shownAs: string[] = [];
  let used = 0;
  let pxPerSec = 0;
  let scaleKnown = false;
  /** The visible window (seconds) from the last scroll event; null: read it from wavesurfer. */
  let view: [number, number] | null = null;
  let shown: { from: number; to: number; px: number } | null = null;
  let frame = 0;

  const notch = (k: number): HTMLDivElement => {
    let el = pool[k];
    if (!el) {
      el = document.createElement('div');
      Object.assign(el.style, { width: '0', display: 'flex', flexDirection: 'column', justifyContent: 'flex-end', bottom: '0', overflow: 'visible', borderLeft: '1px solid currentColor', position: 'absolute', zIndex: '1' });
      pool.push(el);
    }
    if (!el.parentElement) strip.append(el);
    return el;
  };

  const render = () => {
    frame = 0;
    const duration = ws.getDuration();
    if (!duration) return;
    if (!scaleKnown) {
      pxPerSec = (ws.getWrapper().scrollWidth || ws.getWidth()) / duration;
      scaleKnown = true;
      view = null;
    }
    if (!(pxPerSec > 0)) return;
    const [start, end] = view ?? [ws.getScroll() / pxPerSec, (ws.getScroll() + ws.getWidth()) / pxPerSec];
    if (shown && shown.px === pxPerSec && start >= shown.from && end <= shown.to) return;
    const margin = (end - start) / 2;
    const interval = notchInterval(pxPerSec);
    const primary = Math.round(100 * primaryInterval(pxPerSec));
    const secondary = Math.round(100 * secondaryInterval(pxPerSec));
    const from = Math.max(0, start - margin);
    const to = Math.min(duration, end + margin);
    used = 0;
    for (let t = Math.ceil(from / interval) * interval; t < to; t += interval) {
      const el = notch(used++);
      const isPrimary = Math.round(100 * t) % primary === 0;
      const isSecondary = Math.round(100 * t) % secondary === 0;
      const kind = isPrimary ? 'primary' : isSecondary ? 'secondary' : 'tick';
      const label = isPrimary || isSecondary ? notchLabel(t) : '';
      const state = `${kind}|${t}|${pxPerSec}|${label}`;
      if (shownAs[used - 1] === state) continue;
      shownAs[used - 1] = state;
      el.setAttribute('part', `timeline-notch timeline-notch-${kind}`);
      el.style.left = `${t * pxPerSec}px`;
      el.style.height = isPrimary || isSecondary ? '100%' : '50%';
      el.style.textIndent = isPrimary || isSecondary ? '3px' : '';
      el.style.opacity = isPrimary ? '1' : '0.25';
      el.textContent = label;
    }
    for (let k = used; k < pool.length; k++) pool[k]!.remove();
    // a pool far larger than the window needs (after zooming out from a deep zoom) is dropped
    if (pool.length > used * 2 + 64) {
      pool.length = used;
      shownAs.length = used;
    }
    shown = { from, to, px: pxPerSec };
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(render);
  };
  const rescale = () => {
    scaleKnown = false;
    shown = null;
    schedule();
  };
  const offs = [
    ws.on('scroll', (start, end) => {
      view = [start, end];
      schedule();
    }),
    ws.on('zoom', rescale),
    ws.on('redraw', rescale),
    ws.on('resize', rescale),
    ws.on('ready', rescale),
  ];
  rescale();
  return () => {
    if (frame) cancelAnimationFrame(frame);
    for (const off of offs) off();
    root.remove();
    pool.length = 0;
    shownAs.length = 0;
  };
}
