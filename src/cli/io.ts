/** What `main` needs from the outside world: process itself, or a test double. */
import { truncate } from '../render/width.js';
import { printable } from '../render/printable.js';

export interface OutStream {
  write(s: string | Uint8Array): unknown;
  isTTY?: boolean;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  /** standard input, for `-`; defaults to process.stdin */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** the working directory relative paths are resolved against; defaults to process.cwd() */
  cwd?: string;
}

/**
 * "[3/28] file" on one stderr line, rewritten in place — only when stderr is a terminal and there is
 * more than one file. `clear()` before printing anything else to stderr.
 */
export class Progress {
  private shown = false;
  private readonly on: boolean;

  constructor(
    private readonly stderr: OutStream,
    total: number,
  ) {
    this.on = Boolean(stderr.isTTY) && total > 1;
  }

  update(i: number, total: number, label: string): void {
    if (!this.on) return;
    const cols = Math.max(20, (this.stderr as { columns?: number }).columns ?? 80);
    const line = truncate(printable(`[${i}/${total}] ${label}`).replace(/\t/g, ' '), cols - 1);
    this.stderr.write(`\r\x1b[K${line}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}

/** What writeChunks gathers before each write (1 MiB). */
const CHUNK = 1 << 20;

/**
 * Write `pieces` to `out` a part of about 1 MiB at a time, never joined into one string (an output
 * of a few MB of input can be longer than V8's longest string). When the stream says its buffer is
 * full (write returns false), waits for it to drain — or to fail or close, so that a dead pipe
 * cannot hang the command (the failure itself is reported by the stream's 'error' listener).
 */
export async function writeChunks(out: OutStream, pieces: Iterable<string>): Promise<void> {
  let parts: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const s = parts.join('');
    parts = [];
    size = 0;
    if (out.write(s) === false) await drained(out);
  };
  for (const p of pieces) {
    if (p.length === 0) continue;
    parts.push(p);
    size += p.length;
    if (size >= CHUNK) await flush();
  }
  await flush();
}

type Emitter = { once?(event: string, f: () => void): unknown; off?(event: string, f: () => void): unknown };

function drained(out: OutStream): Promise<void> {
  const e = out as OutStream & Emitter;
  if (typeof e.once !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      for (const ev of ['drain', 'error', 'close']) e.off?.(ev, done);
      resolve();
    };
    for (const ev of ['drain', 'error', 'close']) e.once!(ev, done);
  });
}

/** Lines as pieces for writeChunks: each line, then its line break. */
export function* linesOf(lines: readonly string[]): Generator<string> {
  for (const l of lines) {
    yield l;
    yield '\n';
  }
}
