/**
 * Runs tasks in the work worker with progress, streamed partial results and cancel. Detection is synchronous inside the worker, so a cancel
 * cannot be a message the worker reads: the client terminates the worker and starts a fresh one instead.
 */
import type { TaskPartial, TaskRequest, TaskResults, WorkerMessage } from './protocol';

export class TaskCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

let worker: Worker | null = null;
let nextId = 1;
interface Entry {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  progress?: ((d: number, t: number) => void) | undefined;
  partial?: ((p: TaskPartial) => void) | undefined;
}
const pending = new Map<number, Entry>();

let generation = 0;

/** Changes whenever a new worker starts (after a cancel): what an older worker kept is gone. */
export function workerGeneration(): number {
  return generation;
}

function spawn(): Worker {
  generation++;
  const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const m = event.data;
    const entry = pending.get(m.id);
    if (!entry) return;
    if (m.type === 'progress') entry.progress?.(m.done, m.total);
    else if (m.type === 'partial') entry.partial?.(m.value);
    else {
      pending.delete(m.id);
      if (m.type === 'done') entry.resolve(m.value);
      else entry.reject(new Error(m.message));
    }
  };
  w.onerror = (e) => {
    for (const [id, entry] of pending) {
      pending.delete(id);
      entry.reject(new Error(e.message || 'the worker failed'));
    }
  };
  return w;
}

export interface RunningTask<T> {
  id: number;
  promise: Promise<T>;
}

/** Starts a task; `partial` receives its streamed partial results (in order, before it resolves). */
export function runInWorker<R extends TaskRequest>(
  request: R, progress?: (done: number, total: number) => void, partial?: (p: TaskPartial) => void,
): RunningTask<TaskResults[R['type']]> {
  worker ??= spawn();
  const id = nextId++;
  const promise = new Promise<TaskResults[R['type']]>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress, partial });
  });
  worker.postMessage({ id, request });
  return { id, promise };
}

/** Cancels every running task (terminates the worker). */
export function cancelTasks(): void {
  worker?.terminate();
  worker = null;
  for (const [id, entry] of pending) {
    pending.delete(id);
    entry.reject(new TaskCancelled());
  }
}
