/**
 * Deep zoom: past 100 pixels a second the overview peaks (100 a second) would only be stretched, so the detail of
 * the visible window (plus half a window each side, at most ten minutes) is asked of the host at one peak per
 * pixel (`windowPeaks`: the desktop app reads its cached 16 kHz WAV, the browser its kept PCM of a short file) and
 * drawn on a canvas laid over wavesurfer's own, inside its scrolling wrapper: above the waveform and the progress
 * layer, below the regions and the cursor. Requests are debounced (scrolling asks once it settles) and a stale
 * answer (the view moved on) is dropped. Zooming back out removes the canvas.
 */
import type WaveSurfer from 'wavesurfer.js';
import type { AudioPeaks } from '../../../shared/ipc';

/** Above this zoom (pixels a second) detail is fetched; the overview has 100 peaks a second. */
export const DETAIL_ABOVE_PX_PER_SEC = 100;
const MAX_WINDOW_MS = 10 * 60 * 1000;
const DEBOUNCE_MS = 120;

export interface DeepZoomOptions {
  fetchWindow: (startMs: number, endMs: number, peaksPerSecond: number) => Promise<AudioPeaks | null>;
  /** Largest |peak| of the overview, 0..1: wavesurfer normalises to it, so the detail is scaled alike. */
  maxPeak: number;
  height: number;
  color: string;
  background: string;
}

/** Draws min/max columns, one per pixel, centred, scaled so `maxPeak` fills the height. */
function draw(canvas: HTMLCanvasElement, peaks: AudioPeaks, options: DeepZoomOptions): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width, height } = canvas;
  ctx.fillStyle = options.background;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = options.color;
  const half = height / 2;
  const scale = half / (128 * Math.max(1e-3, options.maxPeak));
  const perPixel = peaks.length / width;
  for (let x = 0; x < width; x++) {
    const i = Math.min(peaks.length - 1, Math.floor(x * perPixel));
    const lo = peaks.data[2 * i]!;
    const hi = peaks.data[2 * i + 1]!;
    const top = half - hi * scale;
    ctx.fillRect(x, top, 1, Math.max(1, half - lo * scale - top));
  }
}

export function attachDeepZoom(ws: WaveSurfer, options: DeepZoomOptions): () => void {
  let timer = 0;
  let request = 0;
  let canvas: HTMLCanvasElement | null = null;
  let shown: { from: number; to: number; px: number } | null = null;
  let windowSec: [number, number] | null = null;

  const clear = () => {
    canvas?.remove();
    canvas = null;
    shown = null;
  };
  const update = async () => {
    timer = 0;
    const px = ws.options.minPxPerSec;
    if (px <= DETAIL_ABOVE_PX_PER_SEC) return clear();
    const duration = ws.getDuration();
    const width = ws.getWidth() / px;
    const [start, end] = windowSec ?? [ws.getScroll() / px, ws.getScroll() / px + width];
    if (shown && shown.px === px && start >= shown.from && end <= shown.to) return;
    const from = Math.max(0, start - width / 2);
    const to = Math.min(duration, end + width / 2, from + MAX_WINDOW_MS / 1000);
    if (to <= from) return;
    const id = ++request;
    const peaks = await options.fetchWindow(Math.round(from * 1000), Math.round(to * 1000), px).catch(() => null);
    if (id !== request || ws.options.minPxPerSec !== px) return;
    if (!peaks || peaks.length === 0) return clear();
    canvas ??= document.createElement('canvas');
    canvas.dataset['deepZoom'] = 'true';
    canvas.width = Math.max(1, Math.round((to - from) * px));
    canvas.height = options.height;
    Object.assign(canvas.style, { position: 'absolute', top: '0', left: `${from * px}px`, width: `${canvas.width}px`, height: `${options.height}px`, zIndex: '3', pointerEvents: 'none' });
    draw(canvas, peaks, options);
    if (!canvas.parentElement) ws.getWrapper().append(canvas);
    shown = { from, to, px };
  };
  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void update(), DEBOUNCE_MS);
  };
  const offs = [
    ws.on('zoom', () => {
      // the old detail is laid out for the old scale: drop it at once
      windowSec = null;
      clear();
      schedule();
    }),
    ws.on('scroll', (start, end) => {
      windowSec = [start, end];
      schedule();
    }),
  ];
  return () => {
    window.clearTimeout(timer);
    request++;
    for (const off of offs) off();
    clear();
  };
}
