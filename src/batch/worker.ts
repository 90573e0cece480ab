/**
 * The entry of this package's worker threads (built to dist/worker.js and dist/worker.cjs), started
 * by spawn.ts. `workerData.role` says what the worker is for: 'docx' parses one .docx at a time for
 * the read stage (src/read/docx.ts, under a heap limit); anything else is a batch worker
 * (serve.ts). Each loads only what its role needs; messages sent before it has are queued.
 */
import { parentPort, workerData } from 'node:worker_threads';

export type { WorkerJieba, WorkerReply, WorkerRequest } from './serve.js';

const port = parentPort;
if (port) {
  if ((workerData as { role?: unknown } | null)?.role === 'docx') {
    void import('../read/docx.js').then((m) => m.serveDocx(port));
  } else {
    void import('./serve.js').then((m) => m.serveBatch(port, workerData));
  }
}
