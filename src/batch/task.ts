/**
 * One unit of batch work in two halves — loadTask reads and decodes a file (or takes a text),
 * finishTask analyzes it — shared by this thread and the worker threads, so all give the same result
 * for the same input. Nothing here throws: every failure becomes `{ error: { code, message } }`.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, type AnalyzeOptions } from '../model/analyze.js';
import { ReadError, readDocumentAt, type ReadOptions } from '../read/index.js';
import type { Encoding } from '../read/decode.js';
import type { Heading } from '../read/docx.js';
import type { Report } from '../schema/index.js';
import { pack, unpack, type Packed } from './codec.js';

/** A document that could not be read or analyzed: `code` to switch on, a one-line `message`. */
export interface BatchError {
  /** a ReadErrorCode (NOT_FOUND, DECODE, TOO_LARGE…), `ANALYZE_FAILED` or `WORKER_FAILED` */
  code: string;
  /** one line, starting with the path (or `<text N>`) */
  message: string;
}

/** What a worker (or the in-process path) hands back for one input. */
export interface Outcome {
  report?: Report;
  /** a report on its way from a worker, packed (see codec.ts); `report` again once it has arrived */
  packed?: Packed;
  /** with a `map`: what it returned for the report, sent instead of the report */
  value?: unknown;
  error?: BatchError;
  /** the decoded text, when asked for (`text: true`) */
  text?: string;
  encoding?: Encoding;
}

/** Parts of a report a batch can leave out (BatchOptions.omit). */
export const OMITTABLE = ['title', 'sections', 'statements', 'placeholders', 'claims', 'duplicates'] as const;
export type OmittablePart = (typeof OMITTABLE)[number];

/** The options every task of a batch shares; sent once to each worker as workerData. */
export interface TaskOptions {
  analyze?: AnalyzeOptions;
  read?: ReadOptions;
  /** include the decoded text (and its encoding) in each outcome */
  text?: boolean;
  /** parts of each report to leave empty */
  omit?: OmittablePart[];
  /** a function to run on each report in the thread that made it; only its result is sent back */
  map?: MapSpec;
}

/**
 * Names a function exported by a module (a path or a file URL; ES module or CommonJS), which every
 * thread of a batch imports once and calls on each report it makes, with the document's text.
 */
export interface MapSpec {
  module: string;
  /** the export's name; default 'default' */
  name?: string;
}

/** What a map function receives besides the report. */
export interface MapDocument {
  /** the decoded text the report's offsets refer to */
  text: string;
  /** the file's path as given (`<stdin>`, `<text N>` for texts) */
  label: string;
  encoding?: Encoding;
}

export type MapFunction = (report: Report, doc: MapDocument) => unknown;

/** Import the function a MapSpec names (once per thread); throws a clear error when it is not one. */
export async function loadMap(spec: MapSpec | undefined): Promise<MapFunction | undefined> {
  if (!spec) return undefined;
  const url = /^file:/.test(spec.module) ? spec.module : pathToFileURL(isAbsolute(spec.module) ? spec.module : resolve(spec.module)).href;
  const name = spec.name ?? 'default';
  const m = (await import(url)) as Record<string, unknown> & { default?: Record<string, unknown> };
  // a CommonJS module's exports are its default export, and may not all be named exports too
  const fn = m[name] ?? (name !== 'default' ? m.default?.[name] : undefined);
  if (typeof fn !== 'function') throw new TypeError(`map: ${spec.module} has no exported function ${JSON.stringify(name)}`);
  return fn as MapFunction;
}

/**
 * One input: a file to read; a text given in memory (`label` names it in messages; `encoding` is what
 * it was decoded from, when it was read from somewhere: standard input); or an input already known to
 * have failed.
 */
export type TaskInput =
  /** `raw`: the bytes of the file's name, when it is not UTF-8 (`path` is then its readable form) */
  | { path: string; raw?: Uint8Array }
  | { text: string; label: string; encoding?: Encoding; headings?: Heading[]; warnings?: string[] }
  | { failed: BatchError };

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n\t]+\s*/g, ' ').trim();
}

/** Any thrown value as `{ code, message }`, the message prefixed with `label` unless it already is. */
export function toBatchError(err: unknown, label: string, fallbackCode: string): BatchError {
  // a ReadError's message already starts with the file as it names it ('<stdin>' for '-')
  if (err instanceof ReadError) return { code: err.code, message: err.message };
  const e = err as { code?: unknown; message?: unknown } | null | undefined;
  const code = typeof e?.code === 'string' && e.code ? e.code : fallbackCode;
  const raw = oneLine(typeof e?.message === 'string' ? e.message : String(err));
  const message = raw.startsWith(label + ':') ? raw : `${label}: ${raw}`;
  return { code, message };
}

/**
 * Documents a thread keeps reading ahead of the one it analyses. A read takes several trips through
 * libuv's threads (stat, open, read, close), and each moves only while the thread waits; with one
 * read ahead, 13% of a batch was idle waiting, with four none (measured on 1,000 corpus reports).
 */
export const READ_AHEAD = 4;

/** A task whose input has been read (or has failed already: then `outcome` is all there is). */
export type Loaded =
  | { text: string; encoding?: Encoding; label: string; headings?: Heading[]; warnings?: string[] }
  | { outcome: Outcome };

/**
 * The reading half of a task: the file read and decoded (or the text as given). Kept apart from the
 * analysing half so a loop can read the next document while this thread analyses the current one.
 */
export async function loadTask(input: TaskInput, options: TaskOptions): Promise<Loaded> {
  if ('failed' in input) return { outcome: { error: input.failed } };
  if (!('path' in input)) return { ...input };
  try {
    const r = await readDocumentAt(input.raw ? Buffer.from(input.raw) : input.path, input.path, options.read);
    return { text: r.text, encoding: r.encoding, label: input.path, headings: r.headings, warnings: r.warnings };
  } catch (err) {
    // readDocument throws ReadError only; anything else is still reported, never thrown
    return { outcome: { error: toBatchError(err, input.path, 'UNREADABLE') } };
  }
}

/**
 * An outcome as a worker posts it: its report packed, in the place `report` had, with the buffers to
 * transfer (a report that is not plain data goes as it is, structured-cloned).
 */
export function packedOutcome(o: Outcome): { outcome: Outcome; transfer: ArrayBuffer[] } {
  const packed = o.report ? pack(o.report) : null;
  if (!packed) return { outcome: o, transfer: [] };
  const { report: _packed, ...rest } = o;
  return { outcome: { packed, ...rest }, transfer: [packed.ops.buffer as ArrayBuffer, packed.nums.buffer as ArrayBuffer] };
}

/** An outcome with its packed report (if it has one) unpacked, in the place `report` had. */
export function unpacked(o: Outcome): Outcome {
  if (!o.packed) return o;
  const { packed, ...rest } = o;
  return { report: unpack(packed) as Report, ...rest };
}

/** The analysing half of a task (`map`: the function options.map names, loaded by loadMap). */
export function finishTask(loaded: Loaded, options: TaskOptions, map?: MapFunction): Outcome {
  if ('outcome' in loaded) return loaded.outcome;
  const { text, encoding, label, headings, warnings } = loaded;
  // keys in this order — report or error, then text and encoding — whichever thread builds the result
  const out: Outcome = {};
  try {
    // the headings the file marks (a .docx's styles, an HTML page's h1-h6) are hints for its sections
    const report = analyze(text, headings ? { ...options.analyze, headings } : options.analyze);
    // what the read stage repaired (a stray byte that is not UTF-8) is said with the report
    if (warnings?.length) report.warnings.push(...warnings);
    for (const p of options.omit ?? []) {
      if (p === 'title') report.title = null;
      else report[p] = [];
    }
    if (map) {
      try {
        out.value = map(report, encoding ? { text, label, encoding } : { text, label });
      } catch (err) {
        out.error = toBatchError(err, label, 'MAP_FAILED');
      }
    } else out.report = report;
  } catch (err) {
    out.error = toBatchError(err, label, 'ANALYZE_FAILED');
  }
  if (options.text) {
    out.text = text;
    if (encoding) out.encoding = encoding;
  }
  return out;
}
