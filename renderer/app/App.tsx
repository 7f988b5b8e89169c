/**
 * The application frame only: toolbar, the current view, status bar, and the overlays. Each view and dialog
 * lives in its feature folder; behaviour lives in state/ and app/commands.ts.
 */
import { useEffect, useState } from 'react';
import { isElectron } from '../host';
import { useT } from '../i18n/i18n';
import { useApp } from '../state/store';
import { handleKey } from './commands';
import { startApp } from './startup';
import { Toolbar } from './Toolbar';
import { StatusBar } from './StatusBar';
import { StartScreen } from './StartScreen';
import { Overlays } from './Overlays';
import { useFileDrop } from './useFileDrop';
import { ReviewView } from '../features/review/ReviewView';
import { DiffView } from '../features/diff/DiffView';
import { GlossaryPanel } from '../features/glossary/GlossaryPanel';
import { BilingualView } from '../features/bilingual/BilingualView';
import { WaveformPanel } from '../features/waveform';

export function App() {
  const loaded = useApp((s) => s.loaded);
  const view = useApp((s) => s.view);
  const busy = useApp((s) => s.task !== null);
  const [ready, setReady] = useState(false);
  const t = useT();
  const dropping = useFileDrop();

  useEffect(() => {
    void startApp().then(() => setReady(true));
    const onKey = (e: KeyboardEvent) => handleKey(e, isElectron);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  return (
    <div className="app" data-ready={ready ? 'true' : 'false'} data-busy={busy ? 'true' : 'false'}>
      <Toolbar />
      <main className="main">
        {view === 'glossary' ? <GlossaryPanel /> : !loaded ? <StartScreen /> : (
          // the waveform stays mounted across Review, Diff and Bilingual, so switching views does not stop playback
          <div className="view-frame">
            <WaveformPanel />
            {view === 'review' ? <ReviewView /> : view === 'diff' ? <DiffView /> : <BilingualView />}
          </div>
        )}
      </main>
      <StatusBar />
      <Overlays />
      {dropping && <div className="drop-overlay">{t('drop.here')}</div>}
    </div>
  );
}
