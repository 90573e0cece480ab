/**
 * Batches that use every core. `analyzeFiles(paths)` spreads documents over worker threads — each
 * worker reads, decodes and analyzes its own files — and streams the results back in input order:
 *
 *   for await (const r of analyzeFiles(paths, { jobs: 4, analyze: { claims: false } })) {
 *     if (r.error) console.error(r.error.message);   // { code, message }; the batch goes on
 *     else use(r.report);
 *   }
 *
 * `jobs` is how many threads analyze, this one included: `jobs: N` starts N − 1 worker threads and
 * this thread takes documents too while it waits for theirs (so it is busy while you iterate, as
 * with `jobs: 1`). Without it, a batch of WORKERS_FROM_BYTES or more (files' sizes, texts as UTF-8)
 * gets os.availableParallelism() threads and a smaller one this thread alone, where a worker's
 * start-up and JIT warm-up cost more than it saves; `jobs: 1` (or a batch of one) runs in this
 * thread alone. `'-'` is standard input, read once by this thread. Results are the same
 * whatever `jobs` is: every thread runs the same loadTask + finishTask.
 * Workers are started per call and stopped when the iteration ends (or is broken off), so each call
 * pays for starting them (and their JIT warm-up) and, when claims are on, for loading jieba's
 * dictionary once (about 0.3 s, in this thread, shared with the workers): batch many documents per
 * call.
 */
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import type { AnalyzeOptions } from '../model/analyze.js';
import type { Encoding } from '../read/decode.js';
import type { Report } from '../schema/index.js';
import { expandInputs, fileSystemPath, readDocument, type ReadOptions } from '../read/index.js';
import { OMITTABLE, toBatchError, type BatchError, type MapSpec, type OmittablePart, type Outcome, type TaskInput, type TaskOptions } from './task.js';
import { runPool } from './pool.js';

export type { BatchError, MapDocument, MapFunction, MapSpec, OmittablePart } from './task.js';

/** how standard input ('-') is named in messages, as readDocument names it */
const STDIN = '<stdin>';

export interface BatchOptions {
  /**
   * threads that analyze, this one included (N starts N − 1 workers); 1 runs in-process. Default:
   * os.availableParallelism() for 16 MB of input or more (WORKERS_FROM_BYTES), else 1
   */
  jobs?: number;
  /** options for analyze(), the same for every document */
  analyze?: AnalyzeOptions;
  /** options for readDocument() (analyzeFiles only) */
  read?: ReadOptions;
  /**
   * analyzeFiles only: the extensions a directory in `paths` is searched for (as expandInputs
   * takes them). Default: .txt, .md, .docx, .html, .htm
   */
  extensions?: string[];
  /** include the decoded text (and, for files, its encoding) in each result; off by default */
  text?: boolean;
  /**
   * Parts of each report the caller does not need: they come back empty ([] or null), `stats`
   * still counts them. A worker then sends less back, and a long batch holds less.
   */
  omit?: OmittablePart[];
  /**
   * A function every thread runs on each report it makes — `{ module, name }`, an export of an ES or
   * CommonJS module by path or file URL, called as `fn(report, { text, label, encoding })` — whose
   * result comes back as `value` instead of the report. Sending a report between threads costs about
   * a fifth of analysing it (packing and unpacking it); a table's rows cost far less. The value must be structured-cloneable.
   */
  map?: MapSpec;
}

export interface FileResult {
  /** the file (a directory's files come one by one, in expandInputs' order) */
  path: string;
  /** position among the results: in `paths`, with each directory standing for the files found in it */
  index: number;
  /** the model, unless the file could not be read or analyzed (or a `map` was given) */
  report?: Report;
  /** with `map`: what it returned for this document */
  value?: unknown;
  /** why there is no report */
  error?: BatchError;
  /** with `text: true`: the decoded text the report's offsets refer to */
  text?: string;
  encoding?: Encoding;
}

export interface TextResult {
  /** position in `texts` */
  index: number;
  report?: Report;
  /** with `map`: what it returned for this text */
  value?: unknown;
  error?: BatchError;
  text?: string;
}

/**
 * Below this many bytes of input, a batch without `jobs` runs in this thread alone: starting a
 * worker (its start-up, and its JIT compiling the pipeline again on the helper threads this one's
 * compiler uses) costs more than it saves. Measured on 2 cores with whole reports (analyzeFiles, at
 * 435fc79): 10, 67 and 200 corpus reports took 0.96–0.97, 1.68–1.72 and 2.76–2.90 s on one thread
 * against 1.06–1.28, 2.23–2.56 and 3.48–3.53 s on two; 300 reports (17 MB) 4.0–4.5 s against
 * 3.6–3.9 s, 1,000 (57 MB) 10.6–12.5 s against 8.6–9.6 s. The CLI uses the same bound.
 */
export const WORKERS_FROM_BYTES = 16 * 1024 * 1024;

/** Whether these sizes reach WORKERS_FROM_BYTES; it stops pulling sizes once they do. */
export function worthWorkers(sizes: Iterable<number>): boolean {
  let bytes = 0;
  for (const b of sizes) {
    bytes += b;
    if (bytes >= WORKERS_FROM_BYTES) return true;
  }
  return false;
}

/** A file's size on disk, 0 when it cannot be stat'ed (reading it reports why). */
function fileSize(path: string): number {
  try {
    return statSync(fileSystemPath(path)).size;
  } catch {
    return 0;
  }
}

/** Sizes of files on disk, one by one, as they are pulled (fileSize). */
export function* fileSizes(paths: Iterable<string>): Generator<number> {
  for (const p of paths) yield fileSize(p);
}

function* utf8Sizes(texts: Iterable<string>): Generator<number> {
  // a text that is not a string gives its error result when analysed, not a throw here
  for (const t of texts) yield typeof t === 'string' ? Buffer.byteLength(t, 'utf8') : 0;
}

function checkJobs(jobs: number | undefined): void {
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new RangeError(`jobs must be a positive integer (got ${String(jobs)})`);
}

/** `jobs`, or when it is not given, the cores for a batch whose inputs (`sizes`) repay workers, else 1. */
function resolveJobs(jobs: number | undefined, sizes: () => Iterable<number>): number {
  checkJobs(jobs);
  if (jobs !== undefined) return jobs;
  return worthWorkers(sizes()) ? Math.max(1, availableParallelism()) : 1;
}

function taskOptions(options: BatchOptions): TaskOptions {
  for (const p of options.omit ?? []) if (!OMITTABLE.includes(p)) throw new RangeError(`omit: ${String(p)} is not one of ${OMITTABLE.join(', ')}`);
  const m = options.map;
  if (m !== undefined && (typeof m !== 'object' || m === null || typeof m.module !== 'string' || (m.name !== undefined && typeof m.name !== 'string'))) {
    throw new TypeError('map must be { module: string, name?: string }');
  }
  const o: TaskOptions = { analyze: options.analyze, read: options.read, text: options.text, omit: options.omit, ...(m ? { map: { module: m.module, name: m.name } } : {}) };
  // fail now, not in every worker, if the options cannot be sent to a thread (a function, say)
  structuredClone(o);
  return o;
}

async function* run(
  count: number,
  input: (i: number) => TaskInput,
  label: (i: number) => string,
  options: BatchOptions,
  sizes: () => Iterable<number>,
): AsyncGenerator<[number, Outcome]> {
  const jobs = Math.max(1, Math.min(resolveJobs(options.jobs, sizes), count));
  // jobs 1 is the pool without workers: this thread alone, reading ahead as it does beside them
  yield* runPool(count, input, label, jobs, taskOptions(options));
}

/** Is this path a directory (not '-'; false when it cannot be stat'ed: reading it says why)? */
function isDirectory(path: string): boolean {
  if (path === '-' || typeof path !== 'string') return false;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `paths` with each directory replaced by the files expandInputs finds in it (as the CLI takes
 * FILES|DIRS), and what it could not search (NO_FILES, an unreadable subdirectory) in its place.
 * Files named more than once stay: one result each.
 */
async function expandDirectories(paths: string[], extensions: string[] | undefined): Promise<{ list: string[]; failed: Map<number, BatchError> }> {
  const list: string[] = [];
  const failed = new Map<number, BatchError>();
  for (const p of paths) {
    if (!isDirectory(p)) {
      list.push(p);
      continue;
    }
    const { files, errors } = await expandInputs([p], extensions ? { extensions } : {});
    for (const e of errors) {
      failed.set(list.length, { code: e.code, message: e.message });
      list.push(e.file);
    }
    for (const f of files) list.push(f);
  }
  return { list, failed };
}

/**
 * Read and analyze files on worker threads; one result per file, in the order of `paths`. A
 * directory stands for the files found in it, as the CLI finds them (expandInputs: recursively,
 * sorted, hidden files skipped), and a directory without any gives one NO_FILES result. A file
 * that cannot be read (or analyzed) gives a result with `error` and the batch goes on. Throws only
 * for bad options, or when the workers cannot be started at all.
 */
export async function* analyzeFiles(paths: string[], options: BatchOptions = {}): AsyncGenerator<FileResult> {
  if (!Array.isArray(paths)) throw new TypeError('analyzeFiles(paths): paths must be an array of strings');
  const { list, failed } = await expandDirectories(paths.slice(), options.extensions);
  // '-' is this process's standard input, which a worker cannot read: read it here, once, whatever
  // `jobs` is, and hand its text over like any other
  let stdin: TaskInput | null = null;
  if (list.includes('-')) {
    checkJobs(options.jobs);
    try {
      const r = await readDocument('-', options.read);
      stdin = { text: r.text, label: STDIN, encoding: r.encoding, headings: r.headings, warnings: r.warnings };
    } catch (err) {
      stdin = { failed: toBatchError(err, STDIN, 'UNREADABLE') };
    }
  }
  const input = (i: number): TaskInput => {
    const f = failed.get(i);
    if (f) return { failed: f };
    if (list[i] === '-' && stdin) return stdin;
    // a name that is not UTF-8 goes with its bytes: a worker opens the file by them
    const raw = fileSystemPath(list[i]);
    return typeof raw === 'string' ? { path: list[i] } : { path: list[i], raw };
  };
  const stdinBytes = stdin && 'text' in stdin ? Buffer.byteLength(stdin.text, 'utf8') : 0;
  const sizes = function* (): Generator<number> {
    for (const p of list) yield p === '-' ? stdinBytes : fileSize(p);
  };
  for await (const [index, o] of run(list.length, input, (i) => (list[i] === '-' ? STDIN : list[i]), options, sizes)) {
    yield { path: list[index], index, ...o };
  }
}

/** `analyzeFiles` for texts already in memory (each text is copied to its worker). */
export async function* analyzeTexts(texts: string[], options: Omit<BatchOptions, 'read'> = {}): AsyncGenerator<TextResult> {
  if (!Array.isArray(texts)) throw new TypeError('analyzeTexts(texts): texts must be an array of strings');
  const list = texts.slice();
  const label = (i: number): string => `<text ${i}>`;
  for await (const [index, o] of run(list.length, (i) => ({ text: list[i], label: label(i) }), label, options, () => utf8Sizes(list))) {
    yield { index, ...o };
  }
}
