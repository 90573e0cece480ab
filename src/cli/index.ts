/**
 * The `baogao` command line. `main(argv, io)` is the testable entry point; `run()` is what
 * bin/baogao.cjs calls: it wires main to the process and sets process.exitCode.
 */
import { writeSync } from 'node:fs';
import { main, EXIT_USAGE } from './main.js';

export { main, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, type Io, type OutStream } from './main.js';

/** Why a write failed, in a few words, by error code. */
const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EFBIG: 'file too large',
  EBADF: 'it is closed',
  ECONNRESET: 'the reader went away',
  EACCES: 'permission denied',
};

/**
 * What to do when standard output or standard error fails. A closed pipe (EPIPE: `baogao … | head`)
 * is the reader having read enough: stop at once, quietly, with the status so far (0 if none yet).
 * Any other failure (a full disk: `> /dev/full`) is one line on standard error and status 2 — never
 * a stack trace, and never status 1, which means "findings".
 */
export function onStreamError(stream: 'stdout' | 'stderr', err: NodeJS.ErrnoException, exit: (code: number) => never = process.exit): never {
  if (err.code === 'EPIPE') exit(Number(process.exitCode ?? 0));
  if (stream === 'stdout') {
    const why = WRITE_FAILURES[err.code ?? ''] ?? err.message;
    try {
      writeSync(2, `baogao: cannot write standard output: ${why}\n`);
    } catch {
      /* standard error is gone too: the status says it */
    }
  }
  exit(EXIT_USAGE);
}

export async function run(argv: string[] = process.argv.slice(2)): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => onStreamError('stdout', err));
  process.stderr.on('error', (err: NodeJS.ErrnoException) => onStreamError('stderr', err));
  process.exitCode = await main(argv, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() });
}
