/**
 * Start-up: host info and settings, the interface language (saved choice, else the OS locale), an offer to
 * recover autosaved work after a crash, and on the very first run the bundled sample, so a new user sees the
 * product working at once.
 */
import { host } from '../host';
import { localeFrom } from '../i18n/i18n';
import { openSample, saveProject } from '../state/project-io';
import { startAutosave } from '../state/recovery';
import { setState } from '../state/store';
import { runCommand } from './commands';
import { openOpened } from '../state/project-io';
import type { UiLocale } from '../../shared/ipc';

let started: Promise<() => void> | null = null;

/** Starts once even when React's StrictMode runs effects twice in development. */
export function startApp(): Promise<() => void> {
  started ??= start();
  return started;
}

async function start(): Promise<() => void> {
  const [info, settings, recovery] = await Promise.all([host.appInfo(), host.getSettings(), host.readRecovery()]);
  const appInfo = info.ok ? info.value : null;
  const s = settings.ok ? settings.value : null;
  const locale = s?.locale ?? localeFrom(appInfo?.locale ?? navigator.language);
  setState({ info: appInfo, locale, ...(s ? { settings: s } : {}) });
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  const offMenu = host.on('menu', (command) => runCommand(command));
  const offOpen = host.on('open-file', (file) => void openOpened(file));
  const offSave = host.on('save-before-close', () => void saveProject(false));
  const stopAutosave = startAutosave();
  if (recovery.ok && recovery.value) {
    setState({ recovery: recovery.value });
  } else if (s && !s.sampleShown) {
    await host.setSettings({ sampleShown: true });
    await openSample();
  }
  return () => {
    offMenu();
    offOpen();
    offSave();
    stopAutosave();
  };
}

export async function switchLocale(locale: UiLocale): Promise<void> {
  setState({ locale });
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  const r = await host.setSettings({ locale });
  if (r.ok) setState({ settings: r.value });
}
