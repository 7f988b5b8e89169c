/**
 * Builds `window.host` from the contract's method list and nothing else: each method is one `invoke` on its
 * channel, each event one `on` on its channel. No Node or Electron object crosses into the page (the listener
 * wrapper drops the IpcRendererEvent), so sandbox and context isolation hold.
 */
import { channelOf, HOST_EVENTS, HOST_METHODS, type HostApi, type HostEventName, type HostEvents } from '../../shared/ipc';

/** The slice of ipcRenderer the preload uses (an interface so tests can pass a fake). */
export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function buildHost(ipc: IpcLike): HostApi {
  const host: Record<string, unknown> = {};
  for (const method of HOST_METHODS) {
    host[method] = (...args: unknown[]) => ipc.invoke(channelOf(method), ...args);
  }
  host['on'] = <E extends HostEventName>(event: E, listener: (payload: HostEvents[E]) => void): (() => void) => {
    if (!HOST_EVENTS.includes(event)) throw new Error(`host.on: unknown event "${String(event)}"`);
    const wrapped = (_event: unknown, payload: unknown) => listener(payload as HostEvents[E]);
    ipc.on(channelOf(event), wrapped);
    return () => void ipc.removeListener(channelOf(event), wrapped);
  };
  return Object.freeze(host) as unknown as HostApi;
}
