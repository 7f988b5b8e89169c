/**
 * Playback, shared by the waveform panel, the segment list and the keyboard: one wavesurfer instance at a time
 * attaches here, and commands (play/pause, skip, speed, seek to a segment, replay it) go through these functions,
 * so a key works the same as a button. A small store of its own holds what the UI shows (playing, time, speed,
 * the playing segment); the time is published at most every 100 ms and the playing segment only when it changes,
 * so playback does not re-render the app 60 times a second.
 */
import { useSyncExternalStore } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import { getState } from '../../state/store';
import { segmentAt, timedSegments, timeIndex } from '../../state/timing';

/** Playback speeds F3/F4 step through (oTranscribe's habit: slower for dictation-speed listening). */
export const RATES = [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;
/** F1/F2 jump, seconds. */
export const SKIP_SECONDS = 2;

export interface PlayerState {
  ready: boolean;
  playing: boolean;
  timeMs: number;
  durationMs: number;
  rate: number;
  /** The segment under the playhead (highlighted and followed in the list). */
  segmentId: string | null;
}

let state: PlayerState = { ready: false, playing: false, timeMs: 0, durationMs: 0, rate: 1, segmentId: null };
const listeners = new Set<() => void>();
let wavesurfer: WaveSurfer | null = null;
let lastPublished = 0;

function set(patch: Partial<PlayerState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function usePlayer<T>(selector: (s: PlayerState) => T): T {
  return useSyncExternalStore((l) => (listeners.add(l), () => void listeners.delete(l)), () => selector(state), () => selector(state));
}

export function playerState(): PlayerState {
  return state;
}

function segmentIdAt(ms: number): string | null {
  const segments = timedSegments(getState().editor.doc);
  const i = segmentAt(timeIndex(segments), ms);
  return i < 0 ? null : segments[i]!.id;
}

/** Called on every time update: publishes the time (throttled) and the playing segment (on change). */
function onTime(seconds: number, force = false): void {
  const ms = Math.round(seconds * 1000);
  const segmentId = segmentIdAt(ms);
  const now = performance.now();
  if (!force && segmentId === state.segmentId && now - lastPublished < 100) return;
  lastPublished = now;
  set({ timeMs: ms, segmentId });
}

/** Connects a ready wavesurfer instance; returns the function that disconnects it. */
export function attachPlayer(ws: WaveSurfer, durationMs: number): () => void {
  wavesurfer = ws;
  ws.setPlaybackRate(state.rate, true);
  set({ ready: true, playing: false, durationMs, timeMs: 0, segmentId: segmentIdAt(0) });
  const offs = [
    ws.on('timeupdate', (t) => onTime(t)),
    ws.on('seeking', (t) => onTime(t, true)),
    ws.on('play', () => set({ playing: true })),
    ws.on('pause', () => set({ playing: false })),
    ws.on('finish', () => set({ playing: false })),
  ];
  return () => {
    for (const off of offs) off();
    if (wavesurfer === ws) {
      wavesurfer = null;
      set({ ready: false, playing: false, segmentId: null });
    }
  };
}

export function hasPlayer(): boolean {
  return wavesurfer !== null;
}

/**
 * Seeks the media element itself: wavesurfer's setTime defers a seek made while the element is still seeking
 * (readyState below HAVE_FUTURE_DATA) and reports the old time meanwhile, so F2 pressed three times quickly moved
 * 2 s, not 6. The element's currentTime is the new position at once and a newer seek replaces an older one.
 */
function setSeconds(ws: WaveSurfer, seconds: number): number {
  const media = ws.getMediaElement();
  const duration = ws.getDuration();
  const t = Math.max(0, Number.isFinite(duration) && duration > 0 ? Math.min(seconds, duration) : seconds);
  // wavesurfer keeps a seek asked before the element could play as "pending" and applies it at the next
  // `canplay` — which also fires after any later seek, and would jump back; asking it too keeps the two equal
  ws.setTime(t);
  if (media && media.readyState >= HTMLMediaElement.HAVE_METADATA) media.currentTime = t;
  onTime(t, true);
  return t;
}

function nowSeconds(ws: WaveSurfer): number {
  return ws.getMediaElement()?.currentTime ?? ws.getCurrentTime();
}

export function currentMs(): number {
  return wavesurfer ? Math.round(nowSeconds(wavesurfer) * 1000) : state.timeMs;
}

export function togglePlay(): void {
  void wavesurfer?.playPause().catch(() => undefined);
}

export function skip(seconds: number): void {
  if (wavesurfer) setSeconds(wavesurfer, nowSeconds(wavesurfer) + seconds);
}

/** Moves the speed one step along RATES (direction -1 slower, +1 faster). */
export function stepRate(direction: 1 | -1): void {
  const at = RATES.findIndex((r) => r >= state.rate - 1e-6);
  const next = RATES[Math.max(0, Math.min(RATES.length - 1, (at < 0 ? RATES.length - 1 : at) + direction))]!;
  wavesurfer?.setPlaybackRate(next, true);
  set({ rate: next });
}

export function seekMs(ms: number, play = false): void {
  if (!wavesurfer) return;
  setSeconds(wavesurfer, ms / 1000);
  if (play && !wavesurfer.isPlaying()) void wavesurfer.play().catch(() => undefined);
}

/** Seeks to a segment's start and plays from there (a click on a row). False when it has no time. */
export function playSegment(segmentId: string): boolean {
  const seg = timedSegments(getState().editor.doc).find((s) => s.id === segmentId);
  if (!wavesurfer || seg?.start === undefined) return false;
  seekMs(seg.start, true);
  return true;
}

/** Plays the playing (else the selected) segment again from its start. */
export function replaySegment(): void {
  const id = state.segmentId ?? getState().editor.selection.segmentId;
  if (id) playSegment(id);
}
