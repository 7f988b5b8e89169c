/** The work worker: runs tasks, streams partial results and reports progress. Cancel = the client terminates it. */
import type { TaskRequest, WorkerMessage } from './protocol';
import { runTask } from './tasks';

const post = (m: WorkerMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

// one task at a time, in arrival order (a task awaits fetches, and the next must not start inside that gap)
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<{ id: number; request: TaskRequest }>) => {
  const { id, request } = event.data;
  queue = queue.then(async () => {
    let last = 0;
    try {
      const value = await runTask(
        request,
        (partial, transfer) => post({ id, type: 'partial', value: partial }, transfer),
        (done, total) => {
          const now = performance.now();
          if (now - last > 50 || done === total) {
            last = now;
            post({ id, type: 'progress', done, total });
          }
        },
      );
      post({ id, type: 'done', value });
    } catch (e) {
      post({ id, type: 'error', message: (e as Error).message });
    }
  });
};
