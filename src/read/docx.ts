/**
 * .docx → text and heading hints, after our own zip vetting (zip.ts), by our own one-pass reader of
 * word/document.xml and word/styles.xml (wordml.ts, xml.ts) — not mammoth, whose DOM cost 2–4 GB on
 * 150 MB of XML, 500k empty runs or a 400k-cell table and took the process down with it.
 *
 * What a Word file may cost is bounded before anything is parsed: the zip's declared sizes (zip.ts),
 * then the main part's inflated size (`maxDocxXml`, 64 MiB) and its tag count (`maxDocxElements`,
 * 4 million) — each a TOO_LARGE error naming the figure and the limit. The parse itself runs in a
 * worker thread with a heap limit (`docxMemoryMb`, 1024 MiB; one worker per thread that reads, one
 * file at a time), so that running out of memory is a TOO_LARGE error for that file and nothing
 * else: the batch goes on, and no other file shares the worker's fate. Where no worker can be
 * started (no build next to the bundle), or with `docxMemoryMb: 0`, the parse runs in this thread,
 * bounded by the same limits.
 *
 * Safety: only the XML of the main document part and its styles are read; images, embedded objects
 * and external targets never are. The XML reader refuses a DOCTYPE, so no entity can be defined.
 *
 * Text shape: one paragraph a line (table cells included), "\n"; an empty paragraph is an empty
 * line; tabs are "\t"; manual line breaks (<w:br/>) give nothing, so the text on both sides of one is
 * joined; headers, footers, footnotes and comments are not included — exactly what mammoth's
 * extractRawText gave (the 2025 Beijing and Zhejiang reports in corpus/zh are byte-identical to what
 * this returns for their .docx). The text is held to the rules of the text path: U+0000, unpaired
 * surrogates or a high share of control characters refuse the file.
 */
import { isUtf8 } from 'node:buffer';
import type { Worker } from 'node:worker_threads';
import { ReadError, formatBytes, type ReadErrorCode } from './errors.js';
import { firstInvalidOffset, isOleSignature, isZipSignature, textProblem } from './decode.js';
import { checkDeclaredSizes, readCentralDirectory, verifyEntries, type ZipEntry } from './zip.js';
import { XmlError, countTags } from './xml.js';
import { documentText, readStyleLevels, type WordText } from './wordml.js';

export const DEFAULT_MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024;
export const DEFAULT_MAX_DOCX_XML = 64 * 1024 * 1024;
export const DEFAULT_MAX_DOCX_ELEMENTS = 4_000_000;
export const DEFAULT_DOCX_MEMORY_MB = 1024;

export type { Heading } from './wordml.js';

export interface DocxLimits {
  /** refuse .docx files whose entries declare more than this in total (ZIP_BOMB). Default 200 MiB. */
  maxDocxUncompressed?: number;
  /** refuse a main document part (or styles part) that inflates to more than this (TOO_LARGE). Default 64 MiB. */
  maxDocxXml?: number;
  /** refuse a main document part (or styles part) with more tags than this (TOO_LARGE). Default 4,000,000. */
  maxDocxElements?: number;
  /**
   * heap (MiB) the worker thread that parses one .docx may use; running out is TOO_LARGE for that
   * file. 0 parses in this thread instead. Default 1024.
   */
  docxMemoryMb?: number;
}

const MAIN_PART = 'word/document.xml';
const STYLES_PART = 'word/styles.xml';
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

/** UTF-16LE "EncryptedPackage": the stream an encrypted OOXML file keeps inside its OLE container. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

function describeOle(buf: Uint8Array): string {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.indexOf(ENCRYPTED_PACKAGE) >= 0) {
    return 'is password-protected (an encrypted Word document); remove the password in Word and save it again';
  }
  return 'is not a .docx but an OLE compound file: an old Word 97-2003 .doc (or WPS) renamed .docx, or a password-protected document; open it in Word and save it as .docx';
}

/** What kind of zip is this, when it is not a Word document? */
function otherOfficeKind(entries: ZipEntry[]): string | null {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml')) return 'an Excel workbook (.xlsx)';
  if (names.has('ppt/presentation.xml')) return 'a PowerPoint presentation (.pptx)';
  if (names.has('content.xml') && names.has('mimetype')) return 'an OpenDocument file (.odt/.ods): save it as .docx';
  return null;
}

/**
 * Vet the zip structure of a supposed .docx and return its central directory. Throws EMPTY,
 * DOCX_ENCRYPTED, DOCX_CORRUPT, ZIP_BOMB or UNSUPPORTED.
 */
export function inspectDocx(buf: Uint8Array, name: string, opts: DocxLimits = {}): ZipEntry[] {
  return vet(buf, name, opts).entries;
}

function vet(buf: Uint8Array, name: string, opts: DocxLimits): { entries: ZipEntry[]; parts: Map<string, Buffer>; main: string; styles: string } {
  if (buf.length === 0) throw new ReadError('EMPTY', name, 'empty file (0 bytes)');
  if (isOleSignature(buf)) throw new ReadError('DOCX_ENCRYPTED', name, describeOle(buf));
  const entries = readCentralDirectory(buf, name);
  checkDeclaredSizes(entries, name, { maxUncompressed: opts.maxDocxUncompressed ?? DEFAULT_MAX_DOCX_UNCOMPRESSED });
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) if (!byName.has(e.name)) byName.set(e.name, e);
  // the relationships are tiny: read them first, to find the parts as Word does
  const rels = verifyEntries(buf, entries.filter((e) => e.name.endsWith('.rels')), name, new Set(['_rels/.rels']));
  const main = relTarget(rels.get('_rels/.rels'), '', OFFICE_DOCUMENT, byName) ?? MAIN_PART;
  if (!byName.has(main)) {
    const other = otherOfficeKind(entries);
    throw new ReadError('DOCX_CORRUPT', name, other ? `not a Word document: this is ${other}` : `not a valid .docx (zip has no ${MAIN_PART})`);
  }
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const mainRelsName = `${dir}_rels/${main.slice(dir.length)}.rels`;
  const mainRels = verifyEntries(buf, entries.filter((e) => e.name === mainRelsName), name, new Set([mainRelsName]));
  const styles = relTarget(mainRels.get(mainRelsName), dir, STYLES, byName) ?? STYLES_PART;
  const maxXml = opts.maxDocxXml ?? DEFAULT_MAX_DOCX_XML;
  for (const part of [main, styles]) {
    const e = byName.get(part);
    if (e && e.uncompressedSize > maxXml) {
      throw new ReadError(
        'TOO_LARGE',
        name,
        `too large to read: ${part} inflates to ${formatBytes(e.uncompressedSize)} of XML (limit ${formatBytes(maxXml)})`,
      );
    }
  }
  const parts = verifyEntries(buf, entries, name, new Set([main, styles]));
  return { entries, parts, main, styles };
}

/** The target of the first relationship of `type` in a .rels part that names an existing entry. */
function relTarget(rels: Buffer | undefined, base: string, type: string, byName: Map<string, ZipEntry>): string | null {
  if (!rels) return null;
  const s = rels.toString('utf8');
  const tail = type.slice(type.lastIndexOf('/') + 1);
  // a .rels part is a flat list of <Relationship .../>: read its attributes without a parser
  for (const m of s.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attrs = m[1];
    const t = /\bType\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1];
    const target = /\bTarget\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1];
    if (!t || !target || (t !== type && t !== STRICT + tail)) continue;
    const path = normalizePath(target.startsWith('/') ? target.slice(1) : base + target);
    if (byName.has(path)) return path;
  }
  return null;
}

function normalizePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** Is this a zip that holds a Word document (used to sniff .docx content under another name)? */
export function looksLikeDocx(buf: Uint8Array): boolean {
  if (!isZipSignature(buf)) return false;
  try {
    return readCentralDirectory(buf, '').some((e) => e.name === MAIN_PART);
  } catch {
    return false;
  }
}

/** The bytes of an XML part as UTF-8, checked; throws DOCX_CORRUPT naming the part. */
function xmlBytes(part: string, data: Buffer, name: string, opts: DocxLimits): Buffer {
  let b = data;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    // UTF-16 with a byte-order mark (Word writes UTF-8, other tools may not): re-encoded once
    const le = b[0] === 0xff ? b.subarray(2) : Buffer.from(b.subarray(2)).swap16();
    if (le.length % 2) throw new ReadError('DOCX_CORRUPT', name, `not a valid .docx (${part} is UTF-16 with an odd number of bytes)`);
    b = Buffer.from(le.toString('utf16le'), 'utf8');
  } else if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  if (!isUtf8(b)) {
    const off = firstInvalidOffset('utf-8', b).offset;
    throw new ReadError(
      'DOCX_CORRUPT',
      name,
      `not a valid .docx (${part} is not UTF-8 text: byte 0x${b[off].toString(16).toUpperCase().padStart(2, '0')} at offset ${off}; the part is damaged or is not XML)`,
    );
  }
  const maxTags = opts.maxDocxElements ?? DEFAULT_MAX_DOCX_ELEMENTS;
  const tags = countTags(b);
  if (tags > maxTags) {
    throw new ReadError(
      'TOO_LARGE',
      name,
      `too large to read: ${part} has ${tags.toLocaleString('en-US')} XML tags (limit ${maxTags.toLocaleString('en-US')})`,
    );
  }
  return b;
}

function xmlError(err: unknown, part: string, name: string): never {
  if (err instanceof XmlError) {
    throw new ReadError('DOCX_CORRUPT', name, `not a valid .docx (${part} is not well-formed XML: ${err.message}, at byte ${err.offset})`, { cause: err });
  }
  throw err;
}

/** Read a .docx in this thread: vet, bound, parse. Throws ReadError only (or RangeError when out of memory). */
export function readDocxHere(buf: Uint8Array, name: string, opts: DocxLimits = {}): WordText {
  const { parts, main, styles } = vet(buf, name, opts);
  const mainXml = xmlBytes(main, parts.get(main)!, name, opts);
  const stylesData = parts.get(styles);
  let levels;
  try {
    levels = readStyleLevels(stylesData ? xmlBytes(styles, stylesData, name, opts) : null);
  } catch (err) {
    xmlError(err, styles, name);
  }
  let out: WordText;
  try {
    out = documentText(mainXml, levels);
  } catch (err) {
    xmlError(err, main, name);
  }
  if (/^[\s\u200b-\u200d\u2060\ufeff]*$/.test(out.text)) throw new ReadError('EMPTY', name, 'the document contains no text');
  const problem = textProblem(out.text);
  if (problem) throw new ReadError(problem.code, name, `${problem.reason} in the text of ${main}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// the parse worker: one per memory limit per thread, one file at a time

/** What the parse worker answers. */
export type DocxReply = { id: number; ok: WordText } | { id: number; error: { code: ReadErrorCode; file: string; reason: string } };
export interface DocxRequest {
  id: number;
  buf: Uint8Array;
  name: string;
  opts: DocxLimits;
}

interface Job {
  req: DocxRequest;
  resolve: (r: WordText) => void;
  reject: (e: unknown) => void;
}

interface ParseWorker {
  worker: Worker;
  queue: Job[];
  busy: Job | null;
}

const workers = new Map<number, ParseWorker>();
let nextId = 1;
let spawnUnavailable = false;

type Spawn = (workerData: unknown, resourceLimits?: { maxOldGenerationSizeMb: number }) => Worker | null;
let spawnPromise: Promise<Spawn> | null = null;

function loadSpawn(): Promise<Spawn> {
  spawnPromise ??= import('../batch/spawn.js').then((m) => m.spawnPackageWorker as Spawn);
  return spawnPromise;
}

function startParseWorker(mb: number, spawn: Spawn): ParseWorker | null {
  let worker: Worker | null;
  try {
    worker = spawn({ role: 'docx' }, { maxOldGenerationSizeMb: mb });
  } catch {
    worker = null;
  }
  if (!worker) return null;
  const pw: ParseWorker = { worker, queue: [], busy: null };
  worker.unref();
  worker.on('message', (msg: DocxReply | { ready: true }) => {
    if ('ready' in msg) {
      // a batch worker's greeting: the worker entry is a build from before it parsed .docx files
      // (a stale dist/worker.js): parse in this thread from now on
      spawnUnavailable = true;
      workers.delete(mb);
      void worker.terminate();
      const jobs = pw.busy ? [pw.busy, ...pw.queue] : pw.queue;
      pw.busy = null;
      pw.queue = [];
      for (const j of jobs) {
        try {
          j.resolve(readDocxHere(j.req.buf, j.req.name, j.req.opts));
        } catch (err) {
          j.reject(err);
        }
      }
      return;
    }
    const job = pw.busy;
    if (!job || job.req.id !== msg.id || !('ok' in msg || 'error' in msg)) return;
    pw.busy = null;
    if ('ok' in msg) job.resolve(msg.ok);
    else job.reject(new ReadError(msg.error.code, msg.error.file, msg.error.reason));
    next(pw);
  });
  const died = (err: Error | null): void => {
    if (workers.get(mb) !== pw || spawnUnavailable) return;
    workers.delete(mb);
    const job = pw.busy;
    pw.busy = null;
    if (job) {
      const oom = (err as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      job.reject(
        oom
          ? new ReadError('TOO_LARGE', job.req.name, `too large to read: parsing it needed more than ${mb} MiB of memory (the docxMemoryMb limit)`)
          : new ReadError('UNREADABLE', job.req.name, `the .docx reader stopped (${err?.message.split('\n')[0] ?? 'exited'})`),
      );
    }
    // the files queued behind it were never started: a new worker reads them
    for (const j of pw.queue) void runJob(j.req, mb).then(j.resolve, j.reject);
    pw.queue = [];
  };
  worker.on('error', (err) => died(err));
  worker.on('exit', (code) => died(new Error(`exited with code ${code}`)));
  return pw;
}

function next(pw: ParseWorker): void {
  if (pw.busy) return;
  const job = pw.queue.shift();
  if (!job) {
    pw.worker.unref();
    return;
  }
  pw.busy = job;
  pw.worker.ref();
  // a copy of exactly these bytes, transferred (the file's buffer may be a slice of a larger one)
  const copy = new Uint8Array(job.req.buf);
  pw.worker.postMessage({ ...job.req, buf: copy } satisfies DocxRequest, [copy.buffer]);
}

async function runJob(req: DocxRequest, mb: number): Promise<WordText> {
  const spawn = spawnUnavailable ? null : await loadSpawn().catch(() => null);
  let pw = workers.get(mb);
  if (!pw && spawn) {
    pw = startParseWorker(mb, spawn) ?? undefined;
    if (pw) workers.set(mb, pw);
    else spawnUnavailable = true;
  }
  if (!pw) return readDocxHere(req.buf, req.name, req.opts);
  const target = pw;
  return new Promise<WordText>((resolve, reject) => {
    target.queue.push({ req, resolve, reject });
    next(target);
  });
}

/** Extract the text of a .docx (one paragraph a line) and its headings. Throws ReadError, never anything else. */
export async function readDocxDocument(buf: Uint8Array, name: string, opts: DocxLimits = {}): Promise<WordText> {
  // cheap refusals here, before a worker is woken for them
  if (buf.length === 0) throw new ReadError('EMPTY', name, 'empty file (0 bytes)');
  if (isOleSignature(buf)) throw new ReadError('DOCX_ENCRYPTED', name, describeOle(buf));
  const limits: DocxLimits = {
    maxDocxUncompressed: opts.maxDocxUncompressed,
    maxDocxXml: opts.maxDocxXml,
    maxDocxElements: opts.maxDocxElements,
  };
  const mb = opts.docxMemoryMb ?? DEFAULT_DOCX_MEMORY_MB;
  try {
    if (!(mb > 0)) return readDocxHere(buf, name, limits);
    return await runJob({ id: nextId++, buf, name, opts: limits }, mb);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    if (err instanceof RangeError) {
      throw new ReadError('TOO_LARGE', name, `too large to read: ${err.message}`, { cause: err });
    }
    const msg = err instanceof Error ? err.message : String(err);
    throw new ReadError('DOCX_CORRUPT', name, `not a valid .docx (${msg.split('\n')[0]})`, { cause: err });
  }
}

/** Extract the text of a .docx: one paragraph a line. Throws ReadError, never anything else. */
export async function readDocx(buf: Uint8Array, name: string, opts: DocxLimits = {}): Promise<string> {
  return (await readDocxDocument(buf, name, opts)).text;
}

/** Serve parse requests on a worker's port (the worker's role 'docx'; see src/batch/worker.ts). */
export function serveDocx(port: import('node:worker_threads').MessagePort): void {
  port.on('message', (req: DocxRequest) => {
    let reply: DocxReply;
    try {
      reply = { id: req.id, ok: readDocxHere(req.buf, req.name, req.opts) };
    } catch (err) {
      const e =
        err instanceof ReadError
          ? err
          : err instanceof RangeError
            ? new ReadError('TOO_LARGE', req.name, `too large to read: ${err.message}`)
            : new ReadError('DOCX_CORRUPT', req.name, `not a valid .docx (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
      reply = { id: req.id, error: { code: e.code, file: e.file, reason: e.reason } };
    }
    port.postMessage(reply);
  });
}

