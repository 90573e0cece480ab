/** What `main` needs from the outside world: process itself, or a test double. */
import { truncate } from '../render/width.js';

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
    const line = truncate(`[${i}/${total}] ${label}`.replace(/[\x00-\x1f\x7f]/g, ' '), cols - 1);
    this.stderr.write(`\r\x1b[K${line}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}
