/**
 * The renderer's only door to the host: Electron's preload puts the contract on `window.host`; in a plain browser
 * (web mode) the same contract is implemented with file pickers, downloads and IndexedDB.
 */
import type { HostApi } from '../shared/ipc';
import { createWebHost } from './host/web-host';

declare global {
  interface Window {
    host?: HostApi;
  }
}

export const host: HostApi = window.host ?? createWebHost();
export const isElectron = window.host !== undefined;
