/**
 * Seam for the audio feature (issue 7): the waveform panel (wavesurfer.js v8 with precomputed peaks and a media
 * element) mounts here. The host already locates audio (`host.openAudio()` → `state.audio.url`); peaks, the media
 * protocol and timing come from the audio work. Until then the review view has no waveform.
 */
export const WAVEFORM_AVAILABLE = false;
