/**
 * Starting a worker thread of this package: dist/worker.js next to dist/index.js (dist/worker.cjs
 * next to the .cjs bundles), or, run from the TypeScript sources (vitest, tsx), src/batch/worker.ts
 * through tsx's loader, which is a devDependency. The same entry serves the batch's workers and the
 * .docx parse workers; `workerData.role` tells them apart (see worker.ts).
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

/** The worker entry beside this module (or the bundle it is in), and whether it is TypeScript. */
export function workerEntry(): { file: string; tsx: boolean } {
  const here = import.meta.url;
  const tsx = /\.[cm]?ts$/.test(new URL(here).pathname);
  const ext = tsx ? '.ts' : here.endsWith('.cjs') ? '.cjs' : '.js';
  // from the sources, the entry is src/batch/worker.ts whichever module asks
  const url = tsx ? new URL('./worker.ts', here) : new URL('./worker' + ext, here);
  return { file: fileURLToPath(url), tsx };
}

/** The ESM entry of tsx's register API (`tsx/esm/api`), as a file URL. */
function tsxApi(): string {
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const entry = JSON.parse(readFileSync(pkg, 'utf8')).exports['./esm/api'].import.default as string;
  return pathToFileURL(join(dirname(pkg), entry)).href;
}

/**
 * Workers inherit the parent's node options, and one of them breaks a worker started from a file:
 * --input-type (`node --input-type=module -e "…analyzeFiles…"`). Only then are options given
 * explicitly — without it — and if the worker refuses one of those (V8 flags such as
 * --max-semi-space-size are per process), with none.
 */
function workerExecArgv(): string[] | undefined {
  const argv = process.execArgv;
  if (!argv.some((a) => a === '--input-type' || a.startsWith('--input-type='))) return undefined;
  const out: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] === '--input-type') k++;
    else if (!argv[k].startsWith('--input-type=')) out.push(argv[k]);
  }
  return out;
}

/** Start a worker of this package; throws when its entry is missing (a build that lacks it). */
export function spawnWorker(workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const { file, tsx } = workerEntry();
  if (!existsSync(file)) {
    throw new Error(`baogao: the batch worker ${file} is missing; build the package (npm run build) or use jobs: 1`);
  }
  const limits = resourceLimits ? { resourceLimits } : {};
  if (tsx) {
    const code = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`;
    return new Worker(code, { eval: true, workerData, ...limits });
  }
  const execArgv = workerExecArgv();
  if (!execArgv) return new Worker(file, { workerData, ...limits });
  try {
    return new Worker(file, { workerData, execArgv, ...limits });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
    return new Worker(file, { workerData, execArgv: [], ...limits });
  }
}

/** spawnWorker, or null when this package has no worker entry to start (a bundle without it). */
export function spawnPackageWorker(workerData: unknown, resourceLimits?: ResourceLimits): Worker | null {
  if (!existsSync(workerEntry().file)) return null;
  return spawnWorker(workerData, resourceLimits);
}
