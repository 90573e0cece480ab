/**
 * What a batch's worker thread does (worker.ts starts it). It receives the batch's
 * shared options as workerData, says `{ ready: true }` once loaded, then answers each request
 * `{ id, path }` or `{ id, text, label }` with `{ id, outcome }`, one at a time, in the order received.
 * Each worker reads and decodes its own files. When claims are on, the main thread loads jieba's
 * dictionary once, in shared memory, and sends it first (`{ jieba }`); a worker never loads its own
 * unless that message is missing.
 */
import type { MessagePort } from 'node:worker_threads';
import { finishTask, loadMap, loadTask, packedOutcome, toBatchError, type Outcome, type TaskInput, type TaskOptions } from './task.js';
import { adoptJieba } from '../annotate/tokens.js';
import type { JiebaData } from '../annotate/jieba.js';

export type WorkerRequest = { id: number } & TaskInput;
/**
 * A report goes packed (codec.ts), its buffers transferred; the rest of the outcome, and a report
 * that is not plain data, is structured-cloned. (Sending the report as JSON text instead cost about
 * 5% more CPU time over a batch of 600 reports with jobs 2, measured end to end.)
 */
export type WorkerReply = { ready: true } | { id: number; outcome: Outcome };

/** jieba's dictionary, loaded once by the main thread in shared memory; sent before any request */
export type WorkerJieba = { jieba: JiebaData };

/** Serve a batch's requests on the worker's port, with the batch's options. */
export function serveBatch(port: MessagePort, workerData: unknown): void {
  const options = (workerData ?? {}) as TaskOptions;
  // the batch's map function, if any, before any request (a module that fails to load stops this
  // worker before it says it is ready, which the pool reports as a setup error)
  const mapping = loadMap(options.map);
  let queue: Promise<void> = mapping.then(() => undefined);
  port.on('message', (req: WorkerRequest | WorkerJieba) => {
    if ('jieba' in req) {
      adoptJieba(req.jieba);
      return;
    }
    // start reading at once: the file is read while the request before it is being analysed
    const loading = loadTask(req, options);
    queue = queue.then(async () => {
      const outcome = finishTask(await loading, options, await mapping);
      try {
        const sent = packedOutcome(outcome);
        port.postMessage({ id: req.id, outcome: sent.outcome } satisfies WorkerReply, sent.transfer);
      } catch (err) {
        // a report that cannot be sent would be a bug in the model (a map's value, in the map); report
        // it, keep going
        const label = 'path' in req ? req.path : 'label' in req ? req.label : String(req.id);
        port.postMessage({ id: req.id, outcome: { error: toBatchError(err, label, 'WORKER_FAILED') } } satisfies WorkerReply);
      }
    });
  });
  void mapping.then(() => port.postMessage({ ready: true } satisfies WorkerReply));
}
