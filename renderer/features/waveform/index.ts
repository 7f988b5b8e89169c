/**
 * The audio feature (issue 7): the waveform panel (wavesurfer.js v8 with precomputed peaks and a media element),
 * playback shared with the list and the keyboard, and automatic timing. The review view mounts the panel.
 */
export const WAVEFORM_AVAILABLE = true;
export { WaveformPanel } from './WaveformPanel';
export { playSegment, replaySegment, skip, stepRate, togglePlay, usePlayer, hasPlayer, SKIP_SECONDS } from './player';
export { setEdgeAtPlayhead, timeAutomatically } from './auto-timing';
