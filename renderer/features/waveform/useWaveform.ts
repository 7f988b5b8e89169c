/**
 * The wavesurfer.js v8 instance of the open audio: peaks from the host (computed off the UI thread in Electron,
 * decoded in the browser in web mode), then `WaveSurfer.create({ peaks, duration, media })` with an <audio>
 * element streaming the AudioRef URL — never wavesurfer's own fetch-and-decode, which holds the whole decoded file
 * (a 3 h MP3 fails at ~4.7 GB). wavesurfer keeps time, scrolling, cursor, clicks, regions and the minimap at a
 * waveform height of 0; the waveform (overview.ts), the time ruler (timeline.ts) and the regions
 * (segment-regions.ts) are made for the visible window only, so a 3 h recording costs the renderer ~12 MB.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import WaveSurfer from 'wavesurfer.js';
import MinimapPlugin from 'wavesurfer.js/dist/plugins/minimap.esm.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { AudioRef, PeaksLoad } from '../../../shared/ipc';
import { host } from '../../host';
import { performStep, selectSegment } from '../../state/actions';
import { getState, setState, subscribe } from '../../state/store';
import { retimeStep, timedSegments } from '../../state/timing';
import { attachPlayer, seekMs } from './player';
import { syncRegions, type RegionSync } from './segment-regions';
import { attachDeepZoom } from './deep-zoom';
import { attachOverview, coarsePeaks } from './overview';
import { attachTimeline } from './timeline';
import { setLoadedPeaks } from './speech-check';

const HEIGHT = 88;
const WAVE_COLOR = '#94a3b8';
const PROGRESS_COLOR = '#475569';

/** Largest |peak| of the overview, 0..1. */
function maxPeakOf(data: Int8Array): number {
  let max = 0;
  for (let i = 0; i < data.length; i++) max = Math.max(max, Math.abs(data[i]!));
  return max / 128;
}

/** Zoom steps, pixels per second (0 = the whole file fits). Peaks are 100 a second; above that, deep zoom. */
export const ZOOMS = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] as const;
/** Longer files open at 20 px/s (about a minute across the panel) rather than squeezed to fit. */
const FIT_UP_TO_MS = 3 * 60 * 1000;

/** The zoom step a file opens at. */
export function defaultZoomIndex(durationMs: number): number {
  return durationMs <= FIT_UP_TO_MS ? 0 : ZOOMS.indexOf(20);
}

export interface WaveformStatus {
  state: 'idle' | 'loading' | 'ready' | 'error';
  message?: string;
  durationMs?: number;
  cached?: boolean;
}

function startRegionSync(ws: WaveSurfer, regions: InstanceType<typeof RegionsPlugin>): () => void {
  const sync: RegionSync = syncRegions(
    ws, regions,
    (id, start, end) => performStep(retimeStep(getState().editor.doc, [{ id, start, end }])),
    (id) => {
      selectSegment(id);
      const seg = timedSegments(getState().editor.doc).find((s) => s.id === id);
      if (seg?.start !== undefined) seekMs(seg.start);
    },
  );
  let last: { segments: unknown; selected: string | null } = { segments: null, selected: null };
  const update = () => {
    const s = getState();
    const segments = timedSegments(s.editor.doc);
    const selected = s.editor.selection.segmentId;
    if (segments === last.segments && selected === last.selected) return;
    last = { segments, selected };
    sync.setSegments(segments, selected);
  };
  update();
  const off = subscribe(update);
  (window as unknown as { __jiaoduiRegions?: () => number }).__jiaoduiRegions = () => sync.count();
  return () => {
    off();
    sync.destroy();
  };
}

/** Creates the wavesurfer instance over an <audio> element streaming the AudioRef URL, with its plugins. */
function mountWaveSurfer(el: HTMLElement, audio: AudioRef, loaded: PeaksLoad) {
  const duration = loaded.peaks.durationMs / 1000;
  const media = document.createElement('audio');
  media.preload = 'auto';
  media.src = audio.url;
  media.dataset['testid'] = 'waveform-media';
  el.append(media);
  const regions = RegionsPlugin.create();
  const ws = WaveSurfer.create({
    // height 0: wavesurfer draws no waveform pixels (overview.ts draws it); its minimap reads the coarse peaks
    // (and renderFunction does nothing: its line paths were built for every new canvas even at height 0)
    container: el, height: 0, peaks: [coarsePeaks(loaded.peaks)], duration, media, normalize: true, renderFunction: () => undefined,
    waveColor: WAVE_COLOR, progressColor: PROGRESS_COLOR, cursorColor: '#dc2626', cursorWidth: 2,
    minPxPerSec: ZOOMS[defaultZoomIndex(duration * 1000)], autoScroll: true, autoCenter: true, dragToSeek: true,
    plugins: [
      MinimapPlugin.create({ height: 26, normalize: true, waveColor: '#cbd5e1', progressColor: '#94a3b8', overlayColor: 'rgba(37, 99, 235, 0.15)', insertPosition: 'afterend' }),
      regions,
    ],
  });
  const detachOverview = attachOverview(ws, el, { peaks: loaded.peaks, maxPeak: maxPeakOf(loaded.peaks.data), height: HEIGHT, waveColor: WAVE_COLOR, progressColor: PROGRESS_COLOR });
  const detachTimeline = attachTimeline(ws, { height: 16, style: { fontSize: '11px', color: '#64748b' } });
  const dispose = () => {
    detachTimeline();
    detachOverview();
    ws.destroy();
    media.removeAttribute('src');
    media.remove();
  };
  return { ws, regions, dispose };
}

/** Mounts the waveform of `audio` into `container`; returns its status (the zoom follows `zoomIndex`). */
export function useWaveform(audio: AudioRef | null, container: RefObject<HTMLDivElement | null>, zoomIndex: number | null) {
  const [status, setStatus] = useState<WaveformStatus>({ state: 'idle' });
  const wsRef = useRef<WaveSurfer | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!audio || !el) return;
    let live = true;
    const cleanups: (() => void)[] = [];
    setStatus({ state: 'loading' });
    setState({ audioTask: { kind: 'peaks', fraction: 0 } });
    cleanups.push(host.on('audio-progress', (p) => {
      if (live && p.path === audio.path && p.stage === 'decode') setState((s) => (s.audioTask?.kind === 'peaks' ? { audioTask: { kind: 'peaks', fraction: p.fraction } } : {}));
    }));
    performance.mark('jiaodui:peaks-start');
    void host.loadPeaks(audio.path).then((r) => {
      if (!live) return;
      setState((s) => (s.audioTask?.kind === 'peaks' ? { audioTask: null } : {}));
      if (!r.ok) return setStatus({ state: 'error', message: r.message });
      performance.mark('jiaodui:peaks-end');
      const { ws, regions, dispose } = mountWaveSurfer(el, audio, r.value);
      wsRef.current = ws;
      cleanups.push(() => {
        wsRef.current = null;
        dispose();
      });
      ws.on('error', (e) => live && setStatus({ state: 'error', message: e.message }));
      ws.once('ready', () => {
        if (!live) return;
        performance.mark('jiaodui:waveform-ready');
        cleanups.push(attachPlayer(ws, r.value.peaks.durationMs));
        cleanups.push(startRegionSync(ws, regions));
        if (r.value.windowPeaks) {
          cleanups.push(attachDeepZoom(ws, {
            fetchWindow: (startMs, endMs, pps) => host.windowPeaks(audio.path, startMs, endMs, pps).then((w) => (w.ok ? w.value : null)),
            maxPeak: maxPeakOf(r.value.peaks.data), height: HEIGHT, color: WAVE_COLOR, background: '#ffffff',
          }));
        }
        setLoadedPeaks(r.value.peaks);
        cleanups.push(() => setLoadedPeaks(null));
        setStatus({ state: 'ready', durationMs: r.value.peaks.durationMs, cached: r.value.cached });
      });
    });
    return () => {
      live = false;
      for (const c of cleanups.reverse()) c();
      setState((s) => (s.audioTask?.kind === 'peaks' ? { audioTask: null } : {}));
      setStatus({ state: 'idle' });
    };
  }, [audio, container]);

  useEffect(() => {
    const ws = wsRef.current;
    if (!ws || status.state !== 'ready' || zoomIndex === null) return;
    const px = ZOOMS[zoomIndex] || ws.getWidth() / Math.max(1, ws.getDuration());
    // one zoom: the time ruler (timeline.ts) reads the new scale on `redraw`, once the wrapper has its width (the
    // Timeline plugin did not, and needed a second zoom a frame later — a second full re-render of the waveform)
    ws.zoom(px);
  }, [zoomIndex, status.state]);

  return status;
}
