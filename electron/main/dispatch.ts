/**
 * The IPC gate: every call from a renderer passes through `dispatch`, which refuses untrusted senders, validates
 * the arguments against the contract, runs the handler and turns any exception into an `internal` error value
 * (nothing throws across IPC). `isTrustedSender` accepts only our own window's main frame on our app origin.
 */
import { err, isHostMethod, validateArgs, type HostMethod, type Result } from '../../shared/ipc';
import type { HostHandlers } from './host-handlers';

/** The origin the renderer is served from in production (custom protocol) and the dev server's, if any. */
export interface SenderInfo {
  /** URL of the frame that sent the message. */
  frameUrl: string | undefined;
  /** True when the frame is the top frame of our main window. */
  isMainWindowTopFrame: boolean;
}

export function isTrustedSender(sender: SenderInfo, allowedOrigins: readonly string[]): boolean {
  if (!sender.isMainWindowTopFrame || !sender.frameUrl) return false;
  let origin: string;
  try {
    const url = new URL(sender.frameUrl);
    origin = url.protocol === 'app:' ? `app://${url.host}` : url.origin;
  } catch {
    return false;
  }
  return allowedOrigins.includes(origin);
}

export async function dispatch(
  handlers: HostHandlers,
  method: string,
  args: unknown,
  sender: SenderInfo,
  allowedOrigins: readonly string[],
  log: (message: string) => void = () => undefined,
): Promise<Result<unknown>> {
  if (!isTrustedSender(sender, allowedOrigins)) {
    log(`refused ${method} from ${sender.frameUrl ?? 'an unknown frame'}`);
    return err('forbidden-sender', 'this frame may not call the host');
  }
  if (!isHostMethod(method)) return err('unknown-method', `unknown host method "${method}"`);
  const checked = validateArgs(method, Array.isArray(args) ? args : []);
  if (!checked.ok) return checked;
  try {
    const handler = handlers[method] as (...a: unknown[]) => Promise<Result<unknown>>;
    return await handler(...(checked.value as unknown[]));
  } catch (e) {
    log(`${method} failed: ${(e as Error).stack ?? String(e)}`);
    return err('internal', `${method} failed: ${(e as Error).message}`);
  }
}

export type { HostMethod };
