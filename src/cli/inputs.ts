/**
 * Inputs of the command line: FILES|DIRS expanded with src/read, each file read and decoded, paths
 * shown relative to the working directory (or as given when absolute) with forward slashes.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fstatSync, realpathSync, statSync } from 'node:fs';
import { DEFAULT_MAX_BYTES, ReadError, decodeDocument, expandInputs, readDocument, type DecodedDocument, type Heading } from '../read/index.js';
import type { Unreadable } from '../render/finding.js';
import type { Io } from './io.js';
import { printable } from '../render/printable.js';

export const STDIN = '<stdin>';

export interface InputFile {
  /** as shown to the user */
  display: string;
  /** absolute path; null for standard input */
  abs: string | null;
}

export interface LoadedFile extends InputFile {
  text: string;
  /** the headings the file marks (a .docx's heading styles, an HTML page's h1-h6): analyze's `headings` */
  headings?: Heading[];
}

function toSlashes(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

export function displayPath(abs: string, given: string, cwd: string): string {
  if (isAbsolute(given)) return toSlashes(abs);
  const rel = relative(cwd, abs);
  return toSlashes(rel === '' ? '.' : rel);
}

/** A one-line problem with an input. */
export function unreadable(file: string, code: string, reason: string): Unreadable {
  return { file, code, message: `${file}: ${reason}` };
}

/** Expand FILES|DIRS (and -) into files, in order, without duplicates. */
export async function expand(inputs: readonly string[], cwd: string): Promise<{ files: InputFile[]; errors: Unreadable[] }> {
  const files: InputFile[] = [];
  const errors: Unreadable[] = [];
  const seen = new Set<string>();
  for (const given of inputs) {
    if (given === '-') {
      if (!seen.has('-')) files.push({ display: STDIN, abs: null });
      seen.add('-');
      continue;
    }
    const abs = resolve(cwd, given);
    const res = await expandInputs([abs]);
    for (const e of res.errors) {
      const shown = displayPath(e.file, given, cwd);
      errors.push(unreadable(shown, e.code, e.reason));
    }
    for (const f of res.files) {
      const key = realOrSame(f);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push({ display: displayPath(f, given, cwd), abs: f });
    }
  }
  return { files, errors };
}

export function realOrSame(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

async function readAll(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += b.length;
    if (total > maxBytes) throw new ReadError('TOO_LARGE', STDIN, `too large (more than ${Math.round(maxBytes / 1048576)} MiB)`);
    chunks.push(b);
  }
  return Buffer.concat(chunks, total);
}

/** The file as loaded; what the read stage repaired (a stray byte, say) is said on stderr. */
function loaded(file: InputFile, d: DecodedDocument, io: Io): LoadedFile {
  // a warning names the file and may quote its bytes: no control character reaches the terminal
  for (const w of d.warnings ?? []) io.stderr.write(`baogao: warning: ${printable(w)}\n`);
  return d.headings ? { ...file, text: d.text, headings: d.headings } : { ...file, text: d.text };
}

/** Read and decode one input; throws an Unreadable. */
export async function load(file: InputFile, io: Io): Promise<LoadedFile> {
  try {
    if (file.abs === null) {
      if (io.stdin) {
        let buf: Uint8Array;
        try {
          buf = await readAll(io.stdin, DEFAULT_MAX_BYTES);
        } catch (err) {
          if (err instanceof ReadError) throw err;
          throw new ReadError('UNREADABLE', STDIN, `cannot read: ${err instanceof Error ? err.message : String(err)}`);
        }
        return loaded(file, await decodeDocument(buf, STDIN), io);
      }
      return loaded(file, await readDocument('-'), io);
    }
    return loaded(file, await readDocument(file.abs), io);
  } catch (err) {
    if (err instanceof ReadError) throw unreadable(file.display, err.code, err.reason);
    throw unreadable(file.display, 'UNREADABLE', `cannot read: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Whether standard input is the file at `path` (`baogao indicators - -o f.csv < f.csv`): writing
 * `path` would then destroy an input, as writing over a named input would. False when standard
 * input is a pipe or a terminal, or `path` does not exist.
 */
export function stdinIs(path: string, fd = 0): boolean {
  try {
    const a = fstatSync(fd);
    if (!a.isFile()) return false;
    const b = statSync(path);
    return a.ino !== 0 && a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

export function isUnreadable(x: unknown): x is Unreadable {
  return typeof x === 'object' && x !== null && 'code' in x && 'message' in x && 'file' in x && !(x instanceof Error);
}
