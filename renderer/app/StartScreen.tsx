import { useEffect, useState } from 'react';
import type { RecentFile } from '../../shared/ipc';
import { host } from '../host';
import { useT } from '../i18n/i18n';
import { openOpened } from '../state/project-io';
import { runCommand } from './commands';

export function StartScreen() {
  const t = useT();
  const [recent, setRecent] = useState<RecentFile[]>([]);
  useEffect(() => {
    void host.recentFiles().then((r) => r.ok && setRecent(r.value.filter((f) => f.kind !== 'audio')));
  }, []);
  return (
    <section className="start">
      <h1>校对 Jiaodui</h1>
      <p className="lead">{t('start.heading')}</p>
      <p>{t('start.body')}</p>
      <div className="start-actions">
        <button type="button" className="primary" onClick={() => runCommand('open-transcript')}>{t('toolbar.open')}</button>
        <button type="button" data-testid="open-sample" onClick={() => runCommand('open-sample')}>{t('toolbar.openSample')}</button>
      </div>
      {recent.length > 0 && (
        <>
          <h2>{t('start.recent')}</h2>
          <ul className="recent">
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" className="link" onClick={() => void host.openRecent(r.path).then((x) => (x.ok ? openOpened(x.value) : undefined))}>{r.name}</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
