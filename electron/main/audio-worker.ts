/**
 * The audio worker thread (see audio-worker-protocol.ts): started by the main process with electron-vite's
 * `?nodeWorker` import, it answers peaks, window-peaks and timing requests one message at a time.
 */
import { parentPort } from 'node:worker_threads';
import { autoTime } from '../node/audio/auto-time';
import { loadPeaks, readWindowPeaks } from '../node/audio/peaks';
import { handleAudioRequest, type AudioRequest } from './audio-worker-protocol';

const port = parentPort;
if (!port) throw new Error('audio-worker.ts runs as a worker thread');
port.on('message', (request: AudioRequest) => {
  void handleAudioRequest(request, { loadPeaks, readWindowPeaks, autoTime }, (reply) => port.postMessage(reply));
});
