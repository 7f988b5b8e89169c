/** The work worker: runs one task at a time and reports progress. Cancel = the client terminates it. */
import type { TaskRequest, WorkerMessage } from './protocol';
import { runTask } from './tasks';

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = (event: MessageEvent<{ id: number; request: TaskRequest }>) => {
  const { id, request } = event.data;
  let last = 0;
  try {
    const value = runTask(request, (done, total) => {
      const now = performance.now();
      if (now - last > 50 || done === total) {
        last = now;
        post({ id, type: 'progress', done, total });
      }
    });
    post({ id, type: 'done', value });
  } catch (e) {
    post({ id, type: 'error', message: (e as Error).message });
  }
};
