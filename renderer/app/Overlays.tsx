/** Dialogs, the recovery offer, find/replace and notices. */
import { useEffect } from 'react';
import { Dialog } from '../components/Dialog';
import { useT } from '../i18n/i18n';
import { discardRecovery, recover } from '../state/recovery';
import { setState, useApp } from '../state/store';
import { ExportDialog } from '../features/export/ExportDialog';
import { FindReplace } from '../features/find/FindReplace';
import { SHORTCUTS } from './commands';

export function Overlays() {
  const t = useT();
  const dialog = useApp((s) => s.dialog);
  const recovery = useApp((s) => s.recovery);
  const findOpen = useApp((s) => s.findOpen);
  const notice = useApp((s) => s.notice);
  const version = useApp((s) => s.info?.version ?? '');
  const close = () => setState({ dialog: null });
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setState({ notice: null }), notice.error ? 8000 : 3000);
    return () => window.clearTimeout(timer);
  }, [notice]);
  return (
    <>
      {findOpen && <FindReplace />}
      {dialog === 'export' && <ExportDialog onClose={close} />}
      {dialog === 'shortcuts' && (
        <Dialog title={t('shortcuts.title')} onClose={close}>
          <table className="shortcuts"><tbody>{SHORTCUTS.map(([k, v]) => <tr key={k}><th><kbd>{k}</kbd></th><td>{v}</td></tr>)}</tbody></table>
        </Dialog>
      )}
      {dialog === 'about' && <Dialog title="Jiaodui 校对" onClose={close}><p>{t('about.body', { version })}</p></Dialog>}
      {recovery && (
        <Dialog title={t('recovery.title')} onClose={() => void discardRecovery()} testId="recovery">
          <p>{t('recovery.body', { time: new Date(recovery.savedAt).toLocaleString() })}</p>
          <div className="actions">
            <button type="button" className="primary" data-testid="recover" onClick={() => void recover()}>{t('recovery.recover')}</button>
            <button type="button" onClick={() => void discardRecovery()}>{t('recovery.discard')}</button>
          </div>
        </Dialog>
      )}
      {notice && <div className={notice.error ? 'notice error' : 'notice'} role="status" data-testid="notice">{notice.text}</div>}
    </>
  );
}
