/**
 * A minimal, defensive reader of a zip's central directory: the .docx reader's only unzipper.
 *
 * A tiny file can expand to gigabytes, so we
 *   1. parse the End Of Central Directory record and every central directory entry ourselves;
 *   2. refuse ZIP64 (a 0xFFFFFFFF / 0xFFFF marker: sizes of 4 GiB or 65,535 entries and more — no
 *      real .docx under the input cap needs it), a total declared uncompressed size above the limit,
 *      and any entry that declares > 10 MiB at a ratio > 1000:1;
 *   3. inflate every entry with zlib's `maxOutputLength` set to its declared size, so an entry that
 *      lies about its size is caught after at most that many bytes (bounded memory), not after
 *      gigabytes; the parts the reader needs come back from that same pass.
 * The directory is read the way JSZip (mammoth's unzipper, which read these files before) reads it,
 * so a file is the same document to both.
 */
import { inflateRawSync } from 'node:zlib';
import { ReadError, formatBytes } from './errors.js';

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  /** Infinity when the entry carries the ZIP64 marker */
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** total declared uncompressed bytes allowed */
  maxUncompressed: number;
  /** entries above this many uncompressed bytes must not exceed maxRatio */
  ratioFloor?: number;
  maxRatio?: number;
  maxEntries?: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_CEN = 0x02014b50;
const SIG_LOC = 0x04034b50;
const EOCD_MIN = 22;
const CEN_FIXED = 46;
const LOC_FIXED = 30;
const MARK32 = 0xffffffff;
const MARK16 = 0xffff;

const METHOD_NAMES: Record<number, string> = {
  1: 'Shrink',
  6: 'Implode',
  9: 'Deflate64',
  12: 'BZIP2',
  14: 'LZMA',
  93: 'Zstandard',
  95: 'XZ',
  98: 'PPMd',
  99: 'AES encryption',
};

function view(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * Find the EOCD record the way JSZip (mammoth's unzipper) does — the LAST occurrence of its signature
 * anywhere in the file — so that the directory we vet is the very one JSZip will read.
 */
function findEocd(buf: Uint8Array, dv: DataView): number {
  for (let p = buf.length - 4; p >= 0; p--) {
    if (buf[p] === 0x50 && buf[p + 1] === 0x4b && dv.getUint32(p, true) === SIG_EOCD) return p;
  }
  return -1;
}

function corrupt(name: string, why: string): ReadError {
  return new ReadError('DOCX_CORRUPT', name, `not a valid .docx (${why})`);
}

/**
 * Parse the central directory exactly as JSZip will: the last EOCD signature; offsets shifted by the
 * bytes found before the archive (eocd - (cdOffset + cdSize)); every consecutive central directory
 * record from there (JSZip does not stop at the EOCD's count, so neither do we — and a count that
 * disagrees is refused). Throws DOCX_CORRUPT, or ZIP_BOMB for ZIP64 markers in the EOCD. Entry sizes
 * with the ZIP64 marker come back as Infinity.
 */
export function readCentralDirectory(buf: Uint8Array, name: string): ZipEntry[] {
  const dv = view(buf);
  const eocd = findEocd(buf, dv);
  if (eocd < 0) {
    const zipStart = buf.length >= 4 && dv.getUint32(0, true) === SIG_LOC;
    throw corrupt(
      name,
      zipStart
        ? 'zip central directory not found: the file is truncated or damaged'
        : 'not a zip file: zip central directory not found',
    );
  }
  if (eocd + EOCD_MIN > buf.length || eocd + EOCD_MIN + dv.getUint16(eocd + 20, true) > buf.length) {
    throw corrupt(name, 'zip end of central directory record is truncated');
  }
  const diskNo = dv.getUint16(eocd + 4, true);
  const cdDisk = dv.getUint16(eocd + 6, true);
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (count === MARK16) {
    // 65,535 entries or more need ZIP64's count; a Word document has a few dozen parts
    throw new ReadError('ZIP_BOMB', name, `refused: the zip declares ${MARK16.toLocaleString('en-US')} entries or more (a Word document has a few dozen)`);
  }
  if (cdSize === MARK32 || cdOffset === MARK32) {
    throw new ReadError('ZIP_BOMB', name, 'refused: the zip uses ZIP64 (a directory at or past 4 GiB)');
  }
  if (diskNo !== 0 || cdDisk !== 0) throw corrupt(name, 'a multi-part split zip archive');
  // bytes prepended to the archive (self-extractor stub, stray header): JSZip shifts every offset
  const shift = eocd - (cdOffset + cdSize);
  if (shift < 0) throw corrupt(name, `zip central directory is cut short by ${-shift} bytes`);

  const entries: ZipEntry[] = [];
  let p = cdOffset + shift;
  while (p + 4 <= buf.length && dv.getUint32(p, true) === SIG_CEN) {
    if (p + CEN_FIXED > buf.length) throw corrupt(name, `zip central directory entry ${entries.length + 1} is truncated`);
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const csize = dv.getUint32(p + 20, true);
    const usize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const lho = dv.getUint32(p + 42, true);
    const end = p + CEN_FIXED + nameLen + extraLen + commentLen;
    if (end > buf.length) throw corrupt(name, `zip central directory entry ${entries.length + 1} is truncated`);
    const rawName = buf.subarray(p + CEN_FIXED, p + CEN_FIXED + nameLen);
    entries.push({
      name: new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(rawName),
      flags,
      method,
      compressedSize: csize === MARK32 ? Infinity : csize,
      uncompressedSize: usize === MARK32 ? Infinity : usize,
      localHeaderOffset: lho === MARK32 ? Infinity : lho + shift,
    });
    p = end;
  }
  if (entries.length !== count) {
    throw corrupt(name, `zip central directory has ${entries.length} entries where ${count} are declared`);
  }
  return entries;
}

/** Refuse by the declared sizes alone (nothing is inflated). */
export function checkDeclaredSizes(entries: ZipEntry[], name: string, limits: ZipLimits): void {
  const ratioFloor = limits.ratioFloor ?? 10 * 1024 * 1024;
  const maxRatio = limits.maxRatio ?? 1000;
  const maxEntries = limits.maxEntries ?? 20000;
  if (entries.length > maxEntries) {
    throw new ReadError('ZIP_BOMB', name, `refused: the zip has ${entries.length.toLocaleString('en-US')} entries (limit ${maxEntries.toLocaleString('en-US')}; a Word document has a few dozen)`);
  }
  let total = 0;
  for (const e of entries) {
    if (!Number.isFinite(e.uncompressedSize) || !Number.isFinite(e.compressedSize) || !Number.isFinite(e.localHeaderOffset)) {
      throw new ReadError('ZIP_BOMB', name, `refused: zip entry '${e.name}' declares ZIP64 sizes (4 GiB or more)`);
    }
    total += e.uncompressedSize;
    if (e.uncompressedSize > ratioFloor && e.uncompressedSize / Math.max(1, e.compressedSize) > maxRatio) {
      throw new ReadError(
        'ZIP_BOMB',
        name,
        `refused: zip entry '${e.name}' expands ${formatBytes(e.compressedSize)} to ${formatBytes(e.uncompressedSize)} (ratio over ${maxRatio}:1)`,
      );
    }
  }
  if (total > limits.maxUncompressed) {
    throw new ReadError(
      'ZIP_BOMB',
      name,
      `refused: the zip declares ${formatBytes(total)} uncompressed (limit ${formatBytes(limits.maxUncompressed)})`,
    );
  }
}

/**
 * Inflate every entry with an output cap equal to its declared size: catches entries that lie about
 * their size (ZIP_BOMB), damaged deflate data (DOCX_CORRUPT), encryption (DOCX_ENCRYPTED) and
 * compression methods JSZip cannot read (UNSUPPORTED). Memory use is bounded by the declared sizes,
 * which `checkDeclaredSizes` has already capped. The inflated bytes of the entries named in `keep`
 * are returned (the first entry of each name).
 */
export function verifyEntries(buf: Uint8Array, entries: ZipEntry[], name: string, keep: ReadonlySet<string> = new Set()): Map<string, Buffer> {
  const dv = view(buf);
  const kept = new Map<string, Buffer>();
  for (const e of entries) {
    if (e.flags & 0x1) {
      throw new ReadError('DOCX_ENCRYPTED', name, `zip entry '${e.name}' is encrypted (password-protected zip); cannot read it`);
    }
    if (e.method !== 0 && e.method !== 8) {
      const m = METHOD_NAMES[e.method] ?? `method ${e.method}`;
      throw new ReadError('UNSUPPORTED', name, `zip entry '${e.name}' uses unsupported compression (${m}); re-save the file in Word`);
    }
    const lho = e.localHeaderOffset;
    if (lho + LOC_FIXED > buf.length || dv.getUint32(lho, true) !== SIG_LOC) {
      throw new ReadError('DOCX_CORRUPT', name, `not a valid .docx (zip entry '${e.name}' is missing or damaged)`);
    }
    const start = lho + LOC_FIXED + dv.getUint16(lho + 26, true) + dv.getUint16(lho + 28, true);
    const end = start + e.compressedSize;
    if (end > buf.length) {
      throw new ReadError('DOCX_CORRUPT', name, `not a valid .docx (zip entry '${e.name}' is truncated)`);
    }
    const data = buf.subarray(start, end);
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) {
        throw new ReadError('DOCX_CORRUPT', name, `not a valid .docx (stored zip entry '${e.name}' has inconsistent sizes)`);
      }
      if (keep.has(e.name) && !kept.has(e.name)) kept.set(e.name, Buffer.from(data));
      continue;
    }
    let out: Buffer;
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        throw new ReadError(
          'ZIP_BOMB',
          name,
          `refused: zip entry '${e.name}' inflates beyond its declared ${formatBytes(e.uncompressedSize)}`,
          { cause: err },
        );
      }
      throw new ReadError('DOCX_CORRUPT', name, `not a valid .docx (zip entry '${e.name}' has damaged compressed data)`, {
        cause: err,
      });
    }
    if (out.length !== e.uncompressedSize) {
      throw new ReadError(
        'DOCX_CORRUPT',
        name,
        `not a valid .docx (zip entry '${e.name}' inflates to ${out.length} bytes, declared ${e.uncompressedSize})`,
      );
    }
    // the first entry of a name, as the directory lists it
    if (keep.has(e.name) && !kept.has(e.name)) kept.set(e.name, out);
  }
  return kept;
}
