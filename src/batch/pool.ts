/**
 * A pool of worker threads that runs the tasks of one batch and streams their outcomes back in input
 * order. Each worker holds at most PER_WORKER tasks (so it never waits for the main thread between
 * two documents), and no more than `window` outcomes are sent ahead of the one the consumer is
 * waiting for (so a slow first document, or a slow consumer, does not pile up reports in memory).
 * Idle workers are unref'd: a consumer that stops pulling does not keep the process alive.
 *
 * The calling thread is one of the `jobs` threads: it starts `jobs - 1` workers and, whenever the
 * result it must yield next is not in yet, analyzes the next unsent document itself. On two cores
 * that keeps both busy with analysis rather than one of them waiting for (and copying) the other's
 * reports. A worker's reports arrive packed (codec.ts) and are unpacked when their turn comes: about
 * 2 ms a report for both ends together, against 4 ms with structured cloning and ~9 ms to analyse it.
 *
 * A worker that dies (an uncaught error, running out of memory) fails only the tasks it held —
 * `WORKER_FAILED` outcomes — and is replaced; a worker that dies before it has even loaded is a setup
 * problem (a missing build, say), and that error is thrown to the consumer instead.
 */
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from './spawn.js';
import { READ_AHEAD, finishTask, loadMap, loadTask, unpacked, type Loaded, type Outcome, type TaskInput, type TaskOptions } from './task.js';
import type { WorkerJieba, WorkerReply, WorkerRequest } from './worker.js';
import { sharedJieba } from '../annotate/tokens.js';
import type { JiebaData } from '../annotate/jieba.js';

/** tasks a worker holds at once: the one it analyses and the ones it reads meanwhile */
const PER_WORKER = 1 + READ_AHEAD;

interface Slot {
  worker: Worker;
  ready: boolean;
  /** ids sent to this worker and not yet answered, oldest first */
  held: number[];
  dead: boolean;
}

/**
 * Run `count` tasks (`input(i)` builds the i-th) over this thread and `jobs - 1` workers (none for
 * jobs 1); yields `[i, outcome]` for i = 0, 1, 2… in order.
 */
export async function* runPool(
  count: number,
  input: (i: number) => TaskInput,
  label: (i: number) => string,
  jobs: number,
  options: TaskOptions,
): AsyncGenerator<[number, Outcome]> {
  // the map function for this thread's documents (a bad module throws here, before any worker starts)
  const map = await loadMap(options.map);
  // answers not yet yielded
  const outcomes = new Map<number, Outcome>();
  const window = Math.max(16, jobs * 4);
  let nextToSend = 0;
  let nextToYield = 0;
  let fatal: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };

  const slots: Slot[] = [];
  // jieba's dictionary in shared memory, when claims need words: built once here, sent to each worker
  let jieba: JiebaData | null = null;
  // documents this thread has taken, oldest first, each already being read
  const mine: Array<{ id: number; loading: Promise<Loaded> }> = [];

  const pump = (): void => {
    for (const s of slots) {
      if (s.dead) continue;
      while (s.held.length < PER_WORKER && nextToSend < count && nextToSend - nextToYield < window) {
        const id = nextToSend++;
        s.held.push(id);
        s.worker.postMessage({ id, ...input(id) } satisfies WorkerRequest);
      }
      if (s.held.length) s.worker.ref();
      else s.worker.unref();
    }
  };

  const fail = (s: Slot, err: unknown): void => {
    if (s.dead) return;
    s.dead = true;
    const why = err instanceof Error ? err.message : String(err);
    if (!s.ready) {
      fatal ??= err instanceof Error ? err : new Error(why);
    } else {
      for (const id of s.held) {
        outcomes.set(id, { error: { code: 'WORKER_FAILED', message: `${label(id)}: the worker analyzing it stopped (${why.split('\n')[0]})` } });
      }
      s.held = [];
      void s.worker.terminate();
      const k = slots.indexOf(s);
      try {
        if (k !== -1) slots[k] = start();
        pump();
      } catch (e) {
        fatal ??= e instanceof Error ? e : new Error(String(e));
      }
    }
    notify();
  };

  const start = (): Slot => {
    const s: Slot = { worker: spawnWorker(options), ready: false, held: [], dead: false };
    s.worker.on('message', (msg: WorkerReply) => {
      if ('ready' in msg) {
        s.ready = true;
        return;
      }
      const k = s.held.indexOf(msg.id);
      if (k !== -1) s.held.splice(k, 1);
      outcomes.set(msg.id, msg.outcome);
      pump();
      if (msg.id === nextToYield) notify();
    });
    s.worker.on('error', (err) => fail(s, err));
    s.worker.on('exit', (code) => fail(s, new Error(`exited with code ${code}`)));
    if (jieba) s.worker.postMessage({ jieba } satisfies WorkerJieba);
    return s;
  };

  try {
    for (let k = 0; k < Math.min(jobs - 1, count); k++) slots.push(start());
    if (slots.length && options.analyze?.claims !== false) {
      // while the workers start, load the dictionary once for all threads (it is sent before any
      // request, so a worker never builds its own); a batch of English texts pays for it in vain
      jieba = sharedJieba();
      if (jieba) for (const s of slots) s.worker.postMessage({ jieba } satisfies WorkerJieba);
    }
    pump();
    while (nextToYield < count) {
      if (fatal) throw fatal;
      const o = outcomes.get(nextToYield);
      if (o === undefined) {
        // nothing to hand on yet: analyze a document here (reading the next few meanwhile), then let
        // the workers' answers in
        while (mine.length < READ_AHEAD && nextToSend < count && nextToSend - nextToYield < window) {
          const id = nextToSend++;
          mine.push({ id, loading: loadTask(input(id), options) });
        }
        const next = mine.shift();
        if (next) {
          outcomes.set(next.id, finishTask(await next.loading, options, map));
          await new Promise<void>((resolve) => setImmediate(resolve));
          pump();
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      outcomes.delete(nextToYield);
      const i = nextToYield++;
      pump();
      // a worker's report is unpacked only now, so those waiting their turn stay compact
      yield [i, unpacked(o)];
    }
  } finally {
    for (const s of slots) s.dead = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
