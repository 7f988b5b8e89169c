/** The preload: exposes the host contract as `window.host`, and nothing else. */
import { contextBridge, ipcRenderer } from 'electron';
import { buildHost } from './build-host';

contextBridge.exposeInMainWorld('host', buildHost(ipcRenderer));
