/**
 * The `baogao` command line. `main(argv, io)` is the testable entry point; `run()` is what
 * bin/baogao.cjs calls: it wires main to the process and sets process.exitCode.
 */
import { main } from './main.js';

export { main, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, type Io, type OutStream } from './main.js';

export async function run(argv: string[] = process.argv.slice(2)): Promise<void> {
  // `baogao indicators … | head`: stop quietly when the reader goes away
  const onError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  };
  process.stdout.on('error', onError);
  process.stderr.on('error', onError);
  process.exitCode = await main(argv, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() });
}
