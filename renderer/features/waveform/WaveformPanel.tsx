/**
 * The waveform above the review list: transport (play/pause, replay segment, slower/faster), time, zoom,
 * "Time automatically", progress while peaks or timing are computed, and the waveform itself (useWaveform).
 * When a project names audio the browser cannot reach, the panel says so and offers to choose the file again.
 */
import { useRef, useState } from 'react';
import { formatShort } from '../../../shared/model/time';
import { useT } from '../../i18n/i18n';
import { closeAudio, openAudioFromHost } from '../../state/audio-io';
import { useApp } from '../../state/store';
import { timedSegments } from '../../state/timing';
import type { Segment } from '../../../shared/model/segment';
import { timeAutomatically } from './auto-timing';
import { checkTextOverSilence } from './speech-check';
import { replaySegment, stepRate, togglePlay, usePlayer } from './player';
import { defaultZoomIndex, useWaveform, ZOOMS } from './useWaveform';

const untimedCache = new WeakMap<readonly Segment[], number>();

/** Segments without a start or an end (cached per segment array: the selector runs on every state change). */
function untimedIn(segments: readonly Segment[]): number {
  let n = untimedCache.get(segments);
  if (n === undefined) {
    n = 0;
    for (const seg of segments) if (seg.start === undefined || seg.end === undefined) n++;
    untimedCache.set(segments, n);
  }
  return n;
}

function clock(ms: number): string {
  const tenths = Math.floor((ms % 1000) / 100);
  return `${formatShort(ms)}.${tenths}`;
}

function Transport() {
  const t = useT();
  const playing = usePlayer((p) => p.playing);
  const rate = usePlayer((p) => p.rate);
  const time = usePlayer((p) => p.timeMs);
  const duration = usePlayer((p) => p.durationMs);
  return (
    <>
      <button type="button" className="primary play" onClick={togglePlay} data-testid="play" title={`${playing ? t('audio.pause') : t('audio.play')} (Esc)`}>
        {playing ? '❚❚' : '▶'} {playing ? t('audio.pause') : t('audio.play')}
      </button>
      <button type="button" onClick={replaySegment} title={`${t('audio.replay')} (R)`}>↺ {t('audio.replay')}</button>
      <span className="rate" title={t('audio.rateHint')}>
        <button type="button" onClick={() => stepRate(-1)} aria-label={t('audio.slower')} title={`${t('audio.slower')} (F3)`}>−</button>
        <span data-testid="rate">{rate}×</span>
        <button type="button" onClick={() => stepRate(1)} aria-label={t('audio.faster')} title={`${t('audio.faster')} (F4)`}>+</button>
      </span>
      <span className="clock" data-testid="clock">{clock(time)} / {formatShort(duration)}</span>
    </>
  );
}

function Missing({ name }: { name: string }) {
  const t = useT();
  const web = useApp((s) => s.info?.mode !== 'electron');
  return (
    <section className="waveform missing" data-testid="audio-missing" role="alert">
      <p>{web ? t('audio.missingWeb', { name }) : t('audio.missingDesktop', { name })}</p>
      <button type="button" className="primary" onClick={() => void openAudioFromHost()}>{t('audio.choose', { name })}</button>
      <button type="button" className="link" onClick={closeAudio}>{t('audio.forget')}</button>
    </section>
  );
}

export function WaveformPanel() {
  const t = useT();
  const audio = useApp((s) => s.audio);
  const missing = useApp((s) => s.audioMissing);
  const task = useApp((s) => s.audioTask);
  const untimed = useApp((s) => untimedIn(timedSegments(s.editor.doc)));
  const container = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState<number | null>(null);
  const status = useWaveform(audio, container, zoom);
  if (!audio && missing) return <Missing name={missing.name} />;
  if (!audio) return null;
  const pct = task ? Math.round(task.fraction * 100) : 0;
  return (
    <section className="waveform" data-testid="waveform" data-state={status.state} data-duration-ms={status.durationMs ?? ''}>
      <div className="waveform-bar">
        <Transport />
        <label className="zoom">
          {t('audio.zoom')}
          <input
            type="range" min={0} max={ZOOMS.length - 1} step={1} data-testid="zoom"
            value={zoom ?? defaultZoomIndex(status.durationMs ?? 0)} onChange={(e) => setZoom(Number(e.target.value))}
          />
        </label>
        <button
          type="button" onClick={() => void timeAutomatically()} disabled={status.state !== 'ready' || task !== null || untimed === 0}
          data-testid="auto-time" title={untimed ? t('audio.untimed', { count: untimed }) : t('audio.allTimed')}
        >
          {t('audio.timeAuto')}{untimed ? ` (${untimed})` : ''}
        </button>
        <button
          type="button" onClick={checkTextOverSilence} disabled={status.state !== 'ready' || task !== null}
          data-testid="check-silence" title={t('audio.checkSilenceTitle')}
        >
          {t('audio.checkSilence')}
        </button>
        <span className="spacer" />
        <span className="audio-name" title={audio.path}>♪ {audio.name}{status.cached ? ` · ${t('audio.cached')}` : ''}</span>
        <button type="button" className="icon" onClick={closeAudio} aria-label={t('audio.close')} title={t('audio.close')}>×</button>
      </div>
      {task && (
        <div className="waveform-progress" role="status" data-testid="audio-progress">
          <span>{task.kind === 'peaks' ? t('audio.loading') : t('audio.timing')}</span>
          <progress max={100} value={pct} />
          <span>{pct}%</span>
        </div>
      )}
      {status.state === 'error' && <p className="waveform-error" role="alert">{t('audio.error', { message: status.message ?? '' })}</p>}
      <div className="waveform-canvas" ref={container} />
    </section>
  );
}
