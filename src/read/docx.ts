/**
 * .docx → text, through mammoth's `extractRawText` after our own zip vetting (see zip.ts).
 *
 * Safety: `extractRawText` only parses the XML parts of the package (document, styles, numbering,
 * relationships, notes, comments); it never loads images or embedded objects and never fetches
 * external targets (linked images, hyperlinks, attached templates are relationship strings only).
 * We never call `convertToHtml`, which is the path that reads images. The XML parser (@xmldom/xmldom)
 * does not resolve external entities.
 *
 * Text shape: mammoth ends every paragraph (table cells included) with "\n\n"; we collapse each "\n\n"
 * to "\n" so a paragraph is one line, exactly like the Word-extracted corpus files (the 2025 Beijing and
 * Zhejiang reports in corpus/zh are byte-identical to what this returns for their .docx). An empty
 * paragraph stays an empty line. Known mammoth raw-text quirks: manual line breaks (<w:br/>, Shift+Enter)
 * produce nothing, so the text on both sides of one is joined; headers, footers, footnotes and
 * comments are not included; tabs come out as "\t".
 */
import { ReadError } from './errors.js';
import { isOleSignature, isZipSignature } from './decode.js';
import { checkDeclaredSizes, readCentralDirectory, verifyEntries, type ZipEntry } from './zip.js';

export const DEFAULT_MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024;

export interface DocxLimits {
  maxDocxUncompressed?: number;
}

const MAIN_PART = 'word/document.xml';

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
  if (names.has('content.xml') && names.has('mimetype')) return 'an OpenDocument file (.odt/.ods)';
  return null;
}

/**
 * Vet the zip structure of a supposed .docx and return its central directory. Throws EMPTY,
 * DOCX_ENCRYPTED, DOCX_CORRUPT, ZIP_BOMB or UNSUPPORTED.
 */
export function inspectDocx(buf: Uint8Array, name: string, opts: DocxLimits = {}): ZipEntry[] {
  if (buf.length === 0) throw new ReadError('EMPTY', name, 'empty file (0 bytes)');
  if (isOleSignature(buf)) throw new ReadError('DOCX_ENCRYPTED', name, describeOle(buf));
  const entries = readCentralDirectory(buf, name);
  checkDeclaredSizes(entries, name, { maxUncompressed: opts.maxDocxUncompressed ?? DEFAULT_MAX_DOCX_UNCOMPRESSED });
  if (!entries.some((e) => e.name === MAIN_PART)) {
    const other = otherOfficeKind(entries);
    throw new ReadError(
      'DOCX_CORRUPT',
      name,
      other ? `not a Word document: this is ${other}` : `not a valid .docx (zip has no ${MAIN_PART})`,
    );
  }
  verifyEntries(buf, entries, name);
  return entries;
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

type Mammoth = typeof import('mammoth');
let mammothPromise: Promise<Mammoth> | null = null;

function loadMammoth(): Promise<Mammoth> {
  // loaded on first use: reading .txt files does not pay for mammoth + JSZip + xmldom
  mammothPromise ??= import('mammoth').then((m) => ((m as { default?: Mammoth }).default ?? m) as Mammoth);
  return mammothPromise;
}

/** Extract the text of a .docx: one paragraph a line. Throws ReadError, never anything else. */
export async function readDocx(buf: Uint8Array, name: string, opts: DocxLimits = {}): Promise<string> {
  inspectDocx(buf, name, opts);
  let mammoth: Mammoth;
  try {
    mammoth = await loadMammoth();
  } catch (err) {
    mammothPromise = null;
    const msg = err instanceof Error ? err.message : String(err);
    throw new ReadError('UNSUPPORTED', name, `cannot read .docx files: the mammoth package failed to load (${firstLine(msg)})`, {
      cause: err,
    });
  }
  let raw: string;
  try {
    const buffer = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    // extractRawText, never convertToHtml: no images, no external resources (see the header comment)
    const result = await mammoth.extractRawText({ buffer });
    raw = result.value;
  } catch (err) {
    if (err instanceof ReadError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    throw new ReadError('DOCX_CORRUPT', name, `not a valid .docx (${firstLine(msg)})`, { cause: err });
  }
  const text = raw.replace(/\n\n/g, '\n');
  if (/^[\s\u200b-\u200d\u2060\ufeff]*$/.test(text)) throw new ReadError('EMPTY', name, 'the document contains no text');
  return text;
}

function firstLine(s: string): string {
  const line = s.split(/\r?\n/, 1)[0].trim();
  return line.length > 200 ? line.slice(0, 200) + '…' : line || 'mammoth failed';
}
