/**
 * The read → decode stage: a path (or '-' for stdin) in, the exact text out.
 *
 * - Text files are decoded without asking (see decode.ts): UTF-16 by BOM, UTF-8 (with or without BOM),
 *   else GB18030. Nothing in the text is changed — CRLF stays CRLF — so every offset downstream is an
 *   offset into `ReadResult.text` (a leading BOM is not part of it).
 * - .docx files (by extension, or any file whose bytes are a zip holding word/document.xml) are vetted
 *   for zip bombs and corruption, bounded, and read by our own one-pass reader in a worker with a heap
 *   limit (docx.ts): one paragraph a line, "\n", as mammoth's extractRawText read them; their heading
 *   styles and outline levels come back as `headings`.
 * - .html/.htm pages (or text that is one) are read with parse5 (html.ts): the main text one block a
 *   line, h1–h6 as `headings`.
 * - .pdf, .doc, .wps, .odt and .rtf are UNSUPPORTED, with what to save them as.
 * - Every failure is a ReadError with a code and a one-line message `${file}: ${reason}`; nothing else
 *   is thrown. What is read with a repair (stray bytes that are not UTF-8) says so in `warnings`.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { existsSync, type Dirent, type Stats } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { extname, join, resolve, sep } from 'node:path';
import { ReadError, fsError, formatBytes } from './errors.js';
import { decodeBytes, isOleSignature, isZipSignature, UNSUPPORTED_FORMATS, type Encoding } from './decode.js';
import { HTML_EXTENSIONS, htmlText, looksLikeHtml, readHtml } from './html.js';
import {
  looksLikeDocx,
  readDocxDocument,
  DEFAULT_MAX_DOCX_UNCOMPRESSED,
  DEFAULT_MAX_DOCX_XML,
  DEFAULT_MAX_DOCX_ELEMENTS,
  DEFAULT_DOCX_MEMORY_MB,
  type Heading,
} from './docx.js';

export { ReadError, isReadError, type ReadErrorCode } from './errors.js';
export { decodeBytes, type Encoding } from './decode.js';
export { readDocx, readDocxDocument, inspectDocx, type Heading } from './docx.js';

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
export { DEFAULT_MAX_DOCX_UNCOMPRESSED, DEFAULT_MAX_DOCX_XML, DEFAULT_MAX_DOCX_ELEMENTS, DEFAULT_DOCX_MEMORY_MB };
export const DEFAULT_EXTENSIONS = ['.txt', '.md', '.docx', '.html', '.htm'];
/** extensions read as Word documents (the macro-enabled and template variants share the format) */
const DOCX_EXTENSIONS = new Set(['.docx', '.docm', '.dotx', '.dotm']);
const STDIN_NAME = '<stdin>';

export interface ReadResult {
  /** the path as given; '-' for stdin */
  path: string;
  /** the decoded text, unchanged (CRLF kept); offsets are into this string */
  text: string;
  encoding: Encoding;
  /** size of the input in bytes */
  bytes: number;
  /**
   * Headings the file itself marks (a .docx's heading styles and outline levels, an HTML page's
   * h1–h6): each the span in `text` of its paragraph, level 0 the top. Absent for plain text; [] when
   * the document marks none. Give them to analyze as its `headings` option.
   */
  headings?: Heading[];
  /** what was read with a repair (a stray byte that is not UTF-8, say), one line each */
  warnings?: string[];
}

export interface ReadOptions {
  /** refuse inputs larger than this (TOO_LARGE). Default 64 MiB. */
  maxBytes?: number;
  /** refuse .docx files whose entries declare more than this in total (ZIP_BOMB). Default 200 MiB. */
  maxDocxUncompressed?: number;
  /** refuse a .docx whose main part inflates to more than this much XML (TOO_LARGE). Default 64 MiB. */
  maxDocxXml?: number;
  /** refuse a .docx whose main part has more XML tags than this (TOO_LARGE). Default 4,000,000. */
  maxDocxElements?: number;
  /**
   * heap (MiB) the worker thread that parses a .docx may use: running out is TOO_LARGE for that file
   * alone. 0 parses in the calling thread. Default 1024.
   */
  docxMemoryMb?: number;
}

/** What a document decodes to (ReadResult without path and size). */
export interface DecodedDocument {
  text: string;
  encoding: Encoding;
  headings?: Heading[];
  warnings?: string[];
}

function toReadError(err: unknown, file: string): ReadError {
  if (err instanceof ReadError) return err;
  if ((err as NodeJS.ErrnoException | undefined)?.code) return fsError(err, file);
  const msg = err instanceof Error ? err.message : String(err);
  return new ReadError('UNREADABLE', file, `cannot read: ${msg}`, { cause: err });
}

function tooLarge(file: string, size: number | null, max: number): ReadError {
  return new ReadError(
    'TOO_LARGE',
    file,
    `too large (${size === null ? 'more than ' + formatBytes(max) : formatBytes(size)}; limit ${formatBytes(max)})`,
  );
}

/** Read all of a byte stream, refusing more than maxBytes. */
async function readStream(stream: AsyncIterable<Uint8Array | string>, file: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += b.length;
    if (total > maxBytes) throw tooLarge(file, null, maxBytes);
    chunks.push(b);
  }
  return Buffer.concat(chunks, total);
}

/** Read a file, refusing more than maxBytes even if it grows after stat (or is a pipe or device). */
async function readFileBounded(real: string | Buffer, path: string, maxBytes: number, sizeHint: number): Promise<Uint8Array> {
  const fh = await open(real, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const chunkSize = Math.min(Math.max(sizeHint + 1, 64 * 1024), maxBytes + 1, 16 * 1024 * 1024);
    for (;;) {
      const buf = Buffer.allocUnsafe(chunkSize);
      const { bytesRead } = await fh.read(buf, 0, chunkSize, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(path, null, maxBytes);
      chunks.push(bytesRead === chunkSize ? buf : buf.subarray(0, bytesRead));
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    await fh.close();
  }
}

/**
 * Decode the bytes of a document whose name is `name`: .docx (by extension or by content) through
 * mammoth, anything else through `decodeBytes`. Throws ReadError only.
 */
export async function decodeDocument(buf: Uint8Array, name: string, opts: ReadOptions = {}): Promise<DecodedDocument> {
  try {
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    if (buf.length > maxBytes) throw tooLarge(name, buf.length, maxBytes);
    const ext = extname(name).toLowerCase();
    if (DOCX_EXTENSIONS.has(ext) || (isZipSignature(buf) && looksLikeDocx(buf))) {
      const { text, headings } = await readDocxDocument(buf, name, opts);
      return { text, encoding: 'docx', headings };
    }
    if (HTML_EXTENSIONS.has(ext)) return { ...(await readHtml(buf, name)), encoding: 'html' };
    const unsupported = UNSUPPORTED_FORMATS[ext];
    if (unsupported && buf.length > 0) {
      // an old .doc is an OLE file; anything else of these names that decodes as text is read as text
      if (isOleSignature(buf) || ext === '.pdf' || ext === '.odt' || isZipSignature(buf)) throw new ReadError('UNSUPPORTED', name, unsupported);
    }
    const decoded = decodeBytes(buf, name);
    // a page saved under another name, or piped in: read as HTML
    if (looksLikeHtml(decoded.text)) return { ...(await htmlText(decoded.text, name)), encoding: 'html', ...(decoded.warnings ? { warnings: decoded.warnings } : {}) };
    return decoded;
  } catch (err) {
    throw toReadError(err, name);
  }
}

/**
 * File names that are not UTF-8 (GBK names from a Windows zip, say): expandInputs lists such a file
 * under a readable name (its bytes read as GB18030, else with U+FFFD), and remembers here the bytes
 * to open it by; readDocument, and analyzeFiles for its workers, look the name up.
 */
const RAW_PATHS = new Map<string, Buffer>();

/**
 * What to open for a path: the bytes of the file's name when expandInputs listed it under a readable
 * name because the name is not UTF-8, else the path itself.
 */
export function fileSystemPath(path: string): string | Buffer {
  return RAW_PATHS.get(path) ?? path;
}

/** A readable name for a file name's bytes: UTF-8, else GB18030, else UTF-8 with U+FFFD. */
function readableName(name: Buffer): string {
  if (isUtf8(name)) return name.toString('utf8');
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(name);
  } catch {
    return name.toString('utf8');
  }
}

/**
 * Read and decode one document. `'-'` reads all of standard input. A path as bytes (a Buffer) opens
 * a file whose name is not UTF-8; so does a name expandInputs listed for one. Throws ReadError only.
 */
export async function readDocument(path: string | Buffer, opts: ReadOptions = {}): Promise<ReadResult> {
  if (typeof path !== 'string') return readDocumentAt(path, readableName(Buffer.from(path)), opts);
  return readDocumentAt(fileSystemPath(path), path, opts);
}

/** readDocument of the file at `real`, named `path` in the result and in messages. */
export async function readDocumentAt(real: string | Buffer, path: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (path === '-' && real === '-') {
    let buf: Uint8Array;
    try {
      buf = await readStream(process.stdin, STDIN_NAME, maxBytes);
    } catch (err) {
      throw toReadError(err, STDIN_NAME);
    }
    return { path, ...(await decodeDocument(buf, STDIN_NAME, opts)), bytes: buf.length };
  }

  let buf: Uint8Array;
  try {
    const st = await stat(real);
    if (st.isDirectory()) throw new ReadError('IS_DIRECTORY', path, 'is a directory, not a file');
    if (st.isFile() && st.size > maxBytes) throw tooLarge(path, st.size, maxBytes);
    buf = await readFileBounded(real, path, maxBytes, st.isFile() ? st.size : 0);
  } catch (err) {
    throw toReadError(err, path);
  }
  return { path, ...(await decodeDocument(buf, path, opts)), bytes: buf.length };
}

function normalizeExtensions(exts: string[]): Set<string> {
  return new Set(exts.map((e) => (e.startsWith('.') ? e : '.' + e).toLowerCase()));
}

function describeExtensions(exts: Set<string>): string {
  const list = [...exts];
  if (list.length <= 1) return list.join('');
  return list.slice(0, -1).join(', ') + ' or ' + list[list.length - 1];
}

/** Skipped while walking: hidden entries (.git, .DS_Store) and Office lock files (~$report.docx). */
function skipped(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

async function walk(
  dir: string,
  rawDir: string | Buffer,
  exts: Set<string>,
  out: string[],
  errors: ReadError[],
  visited: Set<string>,
  unread: Map<string, number>,
): Promise<void> {
  let entries: Array<Dirent<Buffer>>;
  try {
    // names as bytes: a name that is not UTF-8 would not survive being made a string
    entries = (await readdir(rawDir, { withFileTypes: true, encoding: 'buffer' })) as unknown as Array<Dirent<Buffer>>;
  } catch (err) {
    errors.push(toReadError(err, dir));
    return;
  }
  for (const ent of entries) {
    const utf8 = isUtf8(ent.name);
    const name = readableName(ent.name);
    if (skipped(name)) continue;
    let p = join(dir, name);
    let raw: string | Buffer = typeof rawDir === 'string' && utf8 ? join(rawDir, name) : Buffer.concat([Buffer.from(rawDir), Buffer.from(sep), ent.name]);
    if (!utf8) {
      // never the name of another file: if a file of that (UTF-8) name exists, show the bytes' U+FFFD form
      if (existsSync(p)) p = join(dir, ent.name.toString('utf8'));
      RAW_PATHS.set(p, raw as Buffer);
    } else if (typeof raw !== 'string') RAW_PATHS.set(p, raw);
    let isDir = ent.isDirectory();
    let isFile = ent.isFile();
    if (ent.isSymbolicLink()) {
      let st: Stats;
      try {
        st = await stat(raw);
      } catch {
        continue; // dangling link inside a directory: not something the user asked for
      }
      isDir = st.isDirectory();
      isFile = st.isFile();
    }
    if (isDir) {
      let key: string;
      try {
        const st = await stat(raw);
        key = `${st.dev}:${st.ino}`;
      } catch (err) {
        errors.push(toReadError(err, p));
        continue;
      }
      if (visited.has(key)) continue; // a symlink cycle or a second route to the same directory
      visited.add(key);
      await walk(p, raw, exts, out, errors, visited, unread);
    } else if (isFile && exts.has(extname(name).toLowerCase())) {
      out.push(p);
    } else if (isFile && UNSUPPORTED_FORMATS[extname(name).toLowerCase()]) {
      const e = extname(name).toLowerCase();
      unread.set(e, (unread.get(e) ?? 0) + 1);
    }
  }
}

/**
 * Turn command-line inputs into a list of files. Directories are walked recursively (hidden entries
 * and ~$ lock files skipped, symlink cycles followed once) and their matching files listed in sorted
 * order; explicit files are taken whatever their extension; '-' (stdin) is passed through. Duplicates
 * are dropped. Problems do not stop the walk: a missing path is a NOT_FOUND error, a directory without
 * matching files a NO_FILES error, an unreadable directory an UNREADABLE error.
 */
export async function expandInputs(
  inputs: string[],
  opts: { extensions?: string[] } = {},
): Promise<{ files: string[]; errors: ReadError[] }> {
  const exts = normalizeExtensions(opts.extensions ?? DEFAULT_EXTENSIONS);
  const files: string[] = [];
  const errors: ReadError[] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    const key = p === '-' ? '-' : resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(p);
  };

  for (const input of inputs) {
    if (input === '-') {
      add(input);
      continue;
    }
    let st: Stats;
    try {
      st = await stat(input);
    } catch (err) {
      errors.push(toReadError(err, input));
      continue;
    }
    if (!st.isDirectory()) {
      add(input);
      continue;
    }
    const found: string[] = [];
    const before = errors.length;
    const unread = new Map<string, number>();
    await walk(input, fileSystemPath(input), exts, found, errors, new Set([`${st.dev}:${st.ino}`]), unread);
    found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const rootUnreadable = errors.slice(before).some((e) => e.file === input);
    if (found.length === 0 && !rootUnreadable) {
      // say what is there that is not read, and what to do with it
      const total = [...unread.values()].reduce((a, b) => a + b, 0);
      const kinds = [...unread].map(([e, n]) => (total === 1 ? e : `${n} ${e}`)).join(', ');
      const why =
        total === 0 ? '' : total === 1 ? `; the ${kinds} file here is not read: save it as .docx or UTF-8 text` : `; the ${kinds} files here are not read: save them as .docx or UTF-8 text`;
      errors.push(new ReadError('NO_FILES', input, `no ${describeExtensions(exts)} files found in this directory (searched recursively)${why}`));
    }
    for (const f of found) add(f);
  }
  return { files, errors };
}
