/**
 * The waveform itself: one canvas the size of the visible panel, redrawn from the overview peaks for the window
 * on screen (once an animation frame at most: on scroll, zoom, resize and while the playhead moves), with the
 * played part in the progress colour.
 *
 * Why not wavesurfer's own drawing: it draws the scrolled waveform in canvases one panel wide (plus one each side)
 * and a second "progress" canvas for each, made anew whenever the view reaches an undrawn part. Panning a 3 h
 * recording quickly makes hundreds of them a second — ~1 MB each, freed only by the next garbage collection — and
 * the renderer's memory peaked at 470-930 MB during a 3-second pan across the file (bench/waveform.bench.mjs).
 * So wavesurfer keeps doing everything else (time, scrolling, cursor, regions, minimap, clicks and drags) with a
 * waveform height of 0, which gives its canvases no pixels, and this canvas sits behind its shadow root: the
 * regions, the cursor and the deep-zoom detail (deep-zoom.ts) are drawn over it.
 *
 * The drawing matches wavesurfer's `normalize: true` line waveform: for each device pixel column, the lowest and
 * highest peak in its time span, scaled so the file's largest peak fills half the height.
 */
import type WaveSurfer from 'wavesurfer.js';
import type { AudioPeaks } from '../../../shared/ipc';

export interface OverviewOptions {
  peaks: AudioPeaks;
  /** Largest |peak| of the file, 0..1. */
  maxPeak: number;
  height: number;
  waveColor: string;
  progressColor: string;
}

/**
 * At most `pairs` min/max pairs for wavesurfer's own data (its minimap draws the whole file from it, and nothing
 * else reads it now): the full overview as Float32 was 8.6 MB for 3 h.
 */
export function coarsePeaks(peaks: AudioPeaks, pairs = 8000): Float32Array {
  const n = Math.min(peaks.length, pairs);
  const out = new Float32Array(2 * n);
  for (let k = 0; k < n; k++) {
    const from = Math.floor((k * peaks.length) / n);
    const to = Math.max(from + 1, Math.floor(((k + 1) * peaks.length) / n));
    let lo = 127;
    let hi = -128;
    for (let i = from; i < to; i++) {
      lo = Math.min(lo, peaks.data[2 * i]!);
      hi = Math.max(hi, peaks.data[2 * i + 1]!);
    }
    out[2 * k] = lo / 128;
    out[2 * k + 1] = hi / 128;
  }
  return out;
}

/** Draws the columns of `canvas` for the window starting at `left` (CSS px) at `pxPerSec`. */
function draw(ctx: CanvasRenderingContext2D, o: OverviewOptions, left: number, pxPerSec: number, progressPx: number, ratio: number): void {
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  const { data, length } = o.peaks;
  const peaksPerSec = o.peaks.sampleRate / o.peaks.samplesPerPeak;
  const half = height / 2;
  const scale = half / (128 * Math.max(1e-3, o.maxPeak));
  const split = Math.max(0, Math.min(width, Math.round((progressPx - left) * ratio)));
  for (const [from, to, color] of [[0, split, o.progressColor], [split, width, o.waveColor]] as const) {
    if (to <= from) continue;
    ctx.fillStyle = color;
    for (let x = from; x < to; x++) {
      const t0 = (left + x / ratio) / pxPerSec;
      const t1 = (left + (x + 1) / ratio) / pxPerSec;
      const i0 = Math.floor(t0 * peaksPerSec);
      if (i0 >= length) break;
      const i1 = Math.min(length, Math.max(i0 + 1, Math.floor(t1 * peaksPerSec)));
      let lo = 127;
      let hi = -128;
      for (let i = i0; i < i1; i++) {
        const a = data[2 * i]!;
        const b = data[2 * i + 1]!;
        if (a < lo) lo = a;
        if (b > hi) hi = b;
      }
      const top = half - hi * scale;
      ctx.fillRect(x, top, 1, Math.max(1, half - lo * scale - top));
    }
  }
}

export function attachOverview(ws: WaveSurfer, container: HTMLElement, o: OverviewOptions): () => void {
  const host = ws.getWrapper().getRootNode() instanceof ShadowRoot ? (ws.getWrapper().getRootNode() as ShadowRoot).host as HTMLElement : null;
  // wavesurfer's shadow host above the canvas: its regions and cursor are drawn over the waveform
  if (host) Object.assign(host.style, { position: 'relative', zIndex: '1' });
  container.style.position = 'relative';
  const canvas = document.createElement('canvas');
  canvas.dataset['overview'] = 'true';
  Object.assign(canvas.style, { position: 'absolute', top: '0', left: '0', height: `${o.height}px`, pointerEvents: 'none', zIndex: '0' });
  container.prepend(canvas);
  const ctx = canvas.getContext('2d');

  let frame = 0;
  let pxPerSec = 0;
  let width = 0;
  let left = 0;
  let progressSec = 0;
  let drawn = '';

  const measure = () => {
    const duration = ws.getDuration();
    const wrapper = ws.getWrapper();
    width = wrapper.parentElement?.clientWidth ?? ws.getWidth();
    pxPerSec = duration > 0 ? (wrapper.scrollWidth || width) / duration : 0;
    left = ws.getScroll();
  };
  let measured = false;
  const render = () => {
    frame = 0;
    if (!ctx) return;
    if (!measured) {
      measure();
      measured = true;
    }
    if (!(pxPerSec > 0) || width <= 0) return;
    const ratio = Math.max(1, window.devicePixelRatio || 1);
    const progressPx = progressSec * pxPerSec;
    const key = `${left}|${pxPerSec}|${width}|${ratio}|${Math.round(progressPx * ratio)}`;
    if (key === drawn) return;
    drawn = key;
    const w = Math.round(width * ratio);
    const h = Math.round(o.height * ratio);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      canvas.style.width = `${width}px`;
    }
    draw(ctx, o, left, pxPerSec, progressPx, ratio);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(render);
  };
  const remeasure = () => {
    measured = false;
    schedule();
  };
  const onTime = (seconds: number) => {
    progressSec = seconds;
    schedule();
  };
  const offs = [
    ws.on('scroll', (_start, _end, scrollLeft) => {
      left = scrollLeft;
      schedule();
    }),
    ws.on('redraw', remeasure),
    ws.on('zoom', remeasure),
    ws.on('resize', remeasure),
    ws.on('ready', remeasure),
    ws.on('timeupdate', onTime),
    ws.on('seeking', onTime),
    ws.on('interaction', onTime),
  ];
  remeasure();
  return () => {
    if (frame) cancelAnimationFrame(frame);
    for (const off of offs) off();
    canvas.remove();
    if (host) Object.assign(host.style, { position: '', zIndex: '' });
  };
}
