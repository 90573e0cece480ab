/**
 * The worker thread of a batch (built to dist/worker.js and dist/worker.cjs). It receives the batch's
 * shared options as workerData, says `{ ready: true }` once loaded, then answers each request
 * `{ id, path }` or `{ id, text, label }` with `{ id, outcome }`, one at a time, in the order received.
 * Each worker reads and decodes its own files; jieba's dictionary is loaded by the first claim that
 * needs it, once per worker, and never when claims are off.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { finishTask, loadTask, toBatchError, type Outcome, type TaskInput, type TaskOptions } from './task.js';

export type WorkerRequest = { id: number } & TaskInput;
/**
 * The outcome is structured-cloned, report and all. (Sending the report as JSON text instead cost
 * about 5% more CPU time over a batch of 600 reports with jobs 2, measured end to end.)
 */
export type WorkerReply = { ready: true } | { id: number; outcome: Outcome };

const port = parentPort;
if (port) {
  const options = (workerData ?? {}) as TaskOptions;
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (req: WorkerRequest) => {
    // start reading at once: the file is read while the request before it is being analysed
    const loading = loadTask(req, options);
    queue = queue.then(async () => {
      const outcome = finishTask(await loading, options);
      try {
        port.postMessage({ id: req.id, outcome } satisfies WorkerReply);
      } catch (err) {
        // a report that cannot be sent would be a bug in the model; report it, keep going
        const label = 'path' in req ? req.path : 'label' in req ? req.label : String(req.id);
        port.postMessage({ id: req.id, outcome: { error: toBatchError(err, label, 'WORKER_FAILED') } } satisfies WorkerReply);
      }
    });
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
}
