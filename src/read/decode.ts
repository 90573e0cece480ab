/**
 * Bytes → text, without asking the user for an encoding.
 *
 * Order of decisions:
 *   1. 0 bytes → EMPTY.
 *   2. UTF-32 BOM → UNSUPPORTED; UTF-16 BOM (FF FE / FE FF) → strict UTF-16LE / UTF-16BE.
 *   3. A known non-text format by its signature (zip/.docx, OLE .doc/.wps, PDF, RTF) → UNSUPPORTED.
 *      (`readDocument` routes .docx files to `readDocx` before getting here.)
 *   4. UTF-8 BOM (EF BB BF) → strict UTF-8, encoding 'utf-8-bom'.
 *   5. NUL bytes or a high share of C0 control characters → BINARY.
 *   6. Strict UTF-8 → 'utf-8'.
 *   7. UTF-8 with a few stray bytes (at most one bad sequence per 200 valid multi-byte characters:
 *      a byte a tool put before the text, a character cut by an editor) → 'utf-8', each bad sequence
 *      U+FFFD in the text and a warning naming the first ones and their byte offsets; GB18030 would
 *      read such a file as mojibake.
 *   8. Strict GB18030 (a superset of GBK and GB2312) → 'gb18030' — unless the bytes were clearly
 *      UTF-8 up to a late error (many valid multi-byte characters before it) and damaged in more
 *      places than step 7 takes, in which case the GB18030 reading would be mojibake and we throw
 *      DECODE instead.
 *   9. Otherwise DECODE, naming the byte offset of the first bad byte.
 *  10. Text that is only whitespace / BOMs / zero-width characters → EMPTY.
 *
 * The returned text is exactly what the bytes decode to — CRLF, lone CR, U+3000 indents, zero-width
 * characters, a second U+FEFF inside the text are all kept. Only a leading byte-order mark is not part
 * of the text (it is consumed by the decoder), so every offset downstream is an offset into the
 * returned `text`, not into the bytes.
 */
import { ReadError } from './errors.js';

/** How the text was got: a text encoding, or the format it was extracted from ('docx', 'html'). */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'docx' | 'html';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** what was read with a repair (stray bytes that are not UTF-8), one line each */
  warnings?: string[];
}

type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le';

/** valid multi-byte UTF-8 characters above which a file is UTF-8, not GB18030, whatever its errors */
const UTF8_EVIDENCE = 16;
/** a UTF-8 file with at most one bad spot per this many valid multi-byte characters is read with U+FFFD */
const STRAY_PER = 200;

interface Utf8Stats {
  /** valid multi-byte sequences */
  valid: number;
  /** ill-formed sequences (each a U+FFFD in a lenient decoding, the WHATWG way) */
  bad: number;
  /** the first few: byte offset, and whether it is a character cut off at the end */
  first: Array<{ offset: number; atEnd: boolean }>;
}

/** Count valid and ill-formed UTF-8 sequences in one pass (maximal subparts, as WHATWG decodes). */
function utf8Stats(buf: Uint8Array): Utf8Stats {
  const out: Utf8Stats = { valid: 0, bad: 0, first: [] };
  const bad = (offset: number, atEnd: boolean): void => {
    out.bad++;
    if (out.first.length < 3) out.first.push({ offset, atEnd });
  };
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else {
      bad(i, false);
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      if (j >= n) {
        bad(i, true);
        return out;
      }
      const c = buf[j];
      if (c < (k === 0 ? lo : 0x80) || c > (k === 0 ? hi : 0xbf)) {
        ok = false;
        break;
      }
    }
    if (ok) {
      out.valid++;
      i = j;
    } else {
      bad(i, false);
      i = j; // resume at the byte that broke the sequence
    }
  }
  return out;
}

function strayWarning(name: string, buf: Uint8Array, s: Utf8Stats): string {
  const where = s.first
    .map((f) => (f.atEnd ? `a character cut off at the end (byte offset ${f.offset})` : `0x${buf[f.offset].toString(16).toUpperCase().padStart(2, '0')} at byte offset ${f.offset}`))
    .join(', ');
  const more = s.bad > s.first.length ? `, and ${s.bad - s.first.length} more` : '';
  return `${name}: read as UTF-8, but ${s.bad === 1 ? 'one byte sequence is' : `${s.bad} byte sequences are`} not UTF-8 (${where}${more}); shown as U+FFFD`;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function startsWith(buf: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (buf.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (buf[at + i] !== sig[i]) return false;
  return true;
}

export function isZipSignature(buf: Uint8Array): boolean {
  // local file header, or the EOCD of an empty archive
  return startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06]);
}

export function isOleSignature(buf: Uint8Array): boolean {
  return startsWith(buf, OLE_SIGNATURE);
}

/**
 * Document formats that are not read, by extension, each with what to convert it to. (A file of
 * these names that is in fact a .docx or text is read as what it is.)
 */
export const UNSUPPORTED_FORMATS: Readonly<Record<string, string>> = {
  '.pdf': 'a PDF, which is not read: save the report as .docx or UTF-8 text from where it was made, or extract its text (pdftotext -enc UTF-8 report.pdf)',
  '.doc': 'an old Word 97-2003 document (.doc, or a WPS or Excel file of that age), which is not read: open it in Word or WPS and save it as .docx (Word document) or UTF-8 text',
  '.wps': 'a WPS Writer document (.wps), which is not read: open it in WPS Office and save it as .docx (Word document) or UTF-8 text',
  '.odt': 'an OpenDocument text (.odt), which is not read: open it in LibreOffice or Word and save it as .docx',
  '.rtf': 'an RTF document, which is not read: open it in Word or WPS and save it as .docx or UTF-8 text',
};

/** Name a well-known non-text format by its first bytes, or null. */
function sniffNonText(buf: Uint8Array): string | null {
  if (isZipSignature(buf)) return 'a zip archive (a .docx? name it .docx), not a text file';
  if (isOleSignature(buf)) return UNSUPPORTED_FORMATS['.doc'];
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return UNSUPPORTED_FORMATS['.pdf'];
  if (startsWith(buf, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return UNSUPPORTED_FORMATS['.rtf'];
  return null;
}

function hexAt(buf: Uint8Array, offset: number, n = 4): string {
  const out: string[] = [];
  for (let i = offset; i < Math.min(buf.length, offset + n); i++) {
    out.push('0x' + buf[i].toString(16).toUpperCase().padStart(2, '0'));
  }
  return out.join(' ');
}

function tryDecode(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Where strict decoding first fails: the byte offset at which the offending character starts, and
 * whether the only problem is a character cut off at the end. Found by bisection on prefixes decoded
 * in streaming mode (a prefix ending mid-character is fine in streaming mode, and once a prefix fails
 * every longer one fails), then by backing up to the last character boundary (a prefix that decodes
 * in non-streaming mode ends on one). Only called on the error path: O(n log n).
 */
export function firstInvalidOffset(encoding: TextEncodingName, bytes: Uint8Array): { offset: number; atEnd: boolean } {
  const decodes = (len: number, stream: boolean): boolean => {
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, len), { stream });
      return true;
    } catch {
      return false;
    }
  };
  const boundaryBefore = (end: number): number => {
    for (let k = end; k >= Math.max(0, end - 4); k--) if (decodes(k, false)) return k;
    return end;
  };
  if (decodes(bytes.length, true)) return { offset: boundaryBefore(bytes.length), atEnd: true };
  // smallest len that fails: the decoder noticed the error at bytes[len - 1]
  let lo = 1;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (decodes(mid, true)) lo = mid + 1;
    else hi = mid;
  }
  return { offset: boundaryBefore(lo - 1), atEnd: false };
}

let gbSupport: boolean | undefined;
function gb18030Available(): boolean {
  if (gbSupport === undefined) {
    try {
      new TextDecoder('gb18030');
      gbSupport = true;
    } catch {
      gbSupport = false; // a small-icu Node build
    }
  }
  return gbSupport;
}

/** C0 controls other than TAB LF VT FF CR and SUB (0x1A, the DOS end-of-file mark), plus DEL: never in real report text. */
function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1a) || c === 0x7f;
}

function tooManyControls(count: number, total: number): boolean {
  return count > 1 && count > total * 0.02;
}

function checkBytesLookLikeText(buf: Uint8Array, from: number, name: string): void {
  let nul = -1;
  let nulEven = 0;
  let nulOdd = 0;
  let controls = 0;
  for (let i = from; i < buf.length; i++) {
    const b = buf[i];
    if (b === 0) {
      if (nul < 0) nul = i;
      if ((i & 1) === 0) nulEven++;
      else nulOdd++;
    } else if (isControl(b)) controls++;
  }
  if (nul >= 0) {
    const nuls = nulEven + nulOdd;
    const len = buf.length - from;
    if (nuls >= 4 && nuls > len * 0.05 && Math.max(nulEven, nulOdd) >= nuls * 0.95) {
      const guess = nulOdd > nulEven ? 'UTF-16LE' : 'UTF-16BE';
      throw new ReadError(
        'BINARY',
        name,
        `contains NUL bytes — looks like ${guess} without a byte-order mark; save it as UTF-8 (or UTF-16 with BOM)`,
      );
    }
    throw new ReadError('BINARY', name, `binary data, not text (NUL byte at offset ${nul})`);
  }
  if (tooManyControls(controls, buf.length - from)) {
    throw new ReadError('BINARY', name, `binary data, not text (${controls} control bytes in ${buf.length - from})`);
  }
}

function checkTextLooksLikeText(text: string, name: string): void {
  let controls = 0;
  let nul = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 && nul < 0) nul = i;
    if (c === 0 || isControl(c)) controls++;
  }
  if (nul >= 0) throw new ReadError('BINARY', name, `binary data, not text (U+0000 at character ${nul})`);
  if (tooManyControls(controls, text.length)) {
    throw new ReadError('BINARY', name, `binary data, not text (${controls} control characters in ${text.length})`);
  }
}

/**
 * What the text path refuses in decoded text, for the paths that build text themselves (.docx, HTML):
 * U+0000 or a high share of control characters (BINARY), an unpaired surrogate (DECODE). Null when
 * the text is fine. Linear.
 */
export function textProblem(text: string): { code: 'BINARY' | 'DECODE'; reason: string } | null {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return { code: 'BINARY', reason: `U+0000 (NUL) at character ${i}, which a text file may not hold either` };
    if (isControl(c)) controls++;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (!pair) return { code: 'DECODE', reason: `an unpaired surrogate U+${c.toString(16).toUpperCase()} at character ${i}, which is not a character` };
      i++;
    }
  }
  if (tooManyControls(controls, text.length)) return { code: 'BINARY', reason: `${controls} control characters in ${text.length}` };
  return null;
}

const BLANK = /^[\s\u200b-\u200d\u2060\ufeff]*$/;

function checkNotBlank(text: string, name: string): void {
  if (BLANK.test(text)) throw new ReadError('EMPTY', name, 'contains only whitespace');
}

function countNonAscii(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n++;
  return n;
}

function decodeUtf16(buf: Uint8Array, bigEndian: boolean, name: string): Decoded {
  const body = buf.subarray(2);
  if (body.length % 2 !== 0) {
    throw new ReadError('DECODE', name, `UTF-16 byte-order mark but an odd number of bytes (${buf.length}); truncated?`);
  }
  let le = body;
  if (bigEndian) {
    le = new Uint8Array(body.length);
    for (let i = 0; i < body.length; i += 2) {
      le[i] = body[i + 1];
      le[i + 1] = body[i];
    }
  }
  const text = tryDecode('utf-16le', le);
  if (text === null) {
    const off = 2 + firstInvalidOffset('utf-16le', le).offset;
    throw new ReadError(
      'DECODE',
      name,
      `invalid ${bigEndian ? 'UTF-16BE' : 'UTF-16LE'} (unpaired surrogate) at byte offset ${off} (${hexAt(buf, off, 4)})`,
    );
  }
  checkNotBlank(text, name);
  checkTextLooksLikeText(text, name);
  return { text, encoding: bigEndian ? 'utf-16be' : 'utf-16le' };
}

/**
 * Decode the bytes of a text file. Throws a ReadError (EMPTY, BINARY, DECODE, UNSUPPORTED); never
 * returns garbled text. `name` is used in error messages only.
 */
export function decodeBytes(buf: Uint8Array, name = '<input>'): Decoded {
  if (buf.length === 0) throw new ReadError('EMPTY', name, 'empty file (0 bytes)');

  if (startsWith(buf, [0xff, 0xfe, 0x00, 0x00]) || startsWith(buf, [0x00, 0x00, 0xfe, 0xff])) {
    throw new ReadError('UNSUPPORTED', name, 'UTF-32 text is not supported; save it as UTF-8');
  }
  if (startsWith(buf, [0xff, 0xfe])) return decodeUtf16(buf, false, name);
  if (startsWith(buf, [0xfe, 0xff])) return decodeUtf16(buf, true, name);

  const nonText = sniffNonText(buf);
  if (nonText) throw new ReadError('UNSUPPORTED', name, nonText);

  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    checkBytesLookLikeText(buf, 3, name);
    const body = buf.subarray(3);
    const text = tryDecode('utf-8', body);
    const stats = text === null ? utf8Stats(body) : null;
    if (stats && stats.bad <= Math.max(1, Math.floor(stats.valid / STRAY_PER))) {
      // a few stray bytes in a file that says it is UTF-8: read as the text path reads them (below)
      const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
      checkNotBlank(lenient, name);
      for (const f of stats.first) f.offset += 3;
      return { text: lenient, encoding: 'utf-8-bom', warnings: [strayWarning(name, buf, stats)] };
    }
    if (text === null) {
      const off = 3 + firstInvalidOffset('utf-8', body).offset;
      throw new ReadError(
        'DECODE',
        name,
        `has a UTF-8 byte-order mark but invalid UTF-8 at byte offset ${off} (${hexAt(buf, off)})`,
      );
    }
    checkNotBlank(text, name);
    return { text, encoding: 'utf-8-bom' };
  }

  checkBytesLookLikeText(buf, 0, name);

  const utf8 = tryDecode('utf-8', buf);
  if (utf8 !== null) {
    checkNotBlank(utf8, name);
    return { text: utf8, encoding: 'utf-8' };
  }

  const utf8Bad = firstInvalidOffset('utf-8', buf);
  const utf8Where = utf8Bad.atEnd
    ? `a UTF-8 character is cut off at the end (byte offset ${utf8Bad.offset})`
    : `invalid UTF-8 at byte offset ${utf8Bad.offset} (${hexAt(buf, utf8Bad.offset)})`;

  const stats = utf8Stats(buf);
  // GBK text holds many byte pairs that happen to be valid UTF-8, but as many that are not
  if (stats.valid >= UTF8_EVIDENCE && stats.bad <= Math.max(1, Math.floor(stats.valid / STRAY_PER))) {
    {
      // UTF-8 with a few stray bytes (a byte prepended by a tool, a character cut by an editor):
      // GB18030 would read the whole file as mojibake; UTF-8 loses only those bytes, each shown as
      // U+FFFD, and says where they were
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf);
      checkNotBlank(text, name);
      return { text, encoding: 'utf-8', warnings: [strayWarning(name, buf, stats)] };
    }
  }
  const utf8Evidence = countNonAscii(new TextDecoder('utf-8').decode(buf.subarray(0, utf8Bad.offset)));
  if (utf8Evidence >= UTF8_EVIDENCE) {
    // The file is UTF-8 up to a damaged spot, and damaged in more places after. Re-reading all of it
    // as GB18030 would "succeed" more often than one thinks and turn every character into mojibake:
    // refuse instead.
    throw new ReadError(
      'DECODE',
      name,
      `${utf8Where} after ${utf8Evidence} valid non-ASCII characters, and ${stats.bad} such places in all; the file is damaged or mixes encodings (not re-read as GB18030)`,
    );
  }

  if (!gb18030Available()) {
    throw new ReadError('UNSUPPORTED', name, `${utf8Where}, and this Node.js build cannot decode GB18030 (it lacks full ICU)`);
  }
  const gb = tryDecode('gb18030', buf);
  if (gb !== null) {
    checkNotBlank(gb, name);
    return { text: gb, encoding: 'gb18030' };
  }
  const gbBad = firstInvalidOffset('gb18030', buf);
  const gbWhere = gbBad.atEnd
    ? `a character cut off at the end, byte offset ${gbBad.offset}`
    : `byte offset ${gbBad.offset} (${hexAt(buf, gbBad.offset)})`;
  throw new ReadError('DECODE', name, `cannot decode: neither UTF-8 (${utf8Where}) nor GB18030 (invalid at ${gbWhere})`);
}
