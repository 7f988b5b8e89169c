/**
 * Window security in one place (Electron's security checklist): context isolation, sandbox, no Node in the
 * renderer, a strict Content-Security-Policy sent with every response of our protocol, and no navigation or new
 * windows. External http(s) links are handed to the OS browser instead of opening inside the app.
 */
import type { WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'jiaodui';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const MEDIA_SCHEME = 'jiaodui-media';

/** Blob workers and object URLs are needed by the worker and by downloads; media comes from our media scheme. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  `media-src 'self' blob: ${MEDIA_SCHEME}:`,
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** In-app navigation is never allowed: the app is a single page. */
export function isAllowedNavigation(_url: string): boolean {
  return false;
}

/** Links the user may open in the OS browser (Help ▸ About links). */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
