/**
 * A tiny zip writer for the read tests, so that bad (and hostile) .docx files are built by the tests
 * rather than committed: makeZip writes entries (stored or deflated, with forged sizes or ZIP64 extra
 * fields when asked), makeDocx a minimal Word package around a w:body.
 */
import { deflateRawSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
export function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipSpec {
  name: string;
  data: Uint8Array | string;
  store?: boolean;
  /** forge the sizes written in the headers */
  declaredUncompressed?: number;
  declaredCompressed?: number;
  /** write 0xFFFFFFFF sizes plus a ZIP64 extra field declaring this many bytes */
  zip64Uncompressed?: bigint;
  flags?: number;
}

export function makeZip(specs: ZipSpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const s of specs) {
    const raw = typeof s.data === 'string' ? Buffer.from(s.data, 'utf8') : Buffer.from(s.data);
    const body = s.store ? raw : deflateRawSync(raw);
    const name = Buffer.from(s.name, 'utf8');
    let csize = s.declaredCompressed ?? body.length;
    let usize = s.declaredUncompressed ?? raw.length;
    let extra = Buffer.alloc(0);
    if (s.zip64Uncompressed !== undefined) {
      extra = Buffer.alloc(4 + 16);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(s.zip64Uncompressed, 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      csize = 0xffffffff;
      usize = 0xffffffff;
    }
    const flags = 0x800 | (s.flags ?? 0);
    const method = s.store ? 0 : 8;
    const crc = crc32(raw);

    const loc = Buffer.alloc(30);
    loc.writeUInt32LE(0x04034b50, 0);
    loc.writeUInt16LE(s.zip64Uncompressed !== undefined ? 45 : 20, 4);
    loc.writeUInt16LE(flags, 6);
    loc.writeUInt16LE(method, 8);
    loc.writeUInt16LE(0, 10);
    loc.writeUInt16LE(0x21, 12);
    loc.writeUInt32LE(crc, 14);
    loc.writeUInt32LE(csize, 18);
    loc.writeUInt32LE(usize, 22);
    loc.writeUInt16LE(name.length, 26);
    loc.writeUInt16LE(extra.length, 28);
    const local = Buffer.concat([loc, name, extra, body]);

    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(0x031e, 4);
    cen.writeUInt16LE(s.zip64Uncompressed !== undefined ? 45 : 20, 6);
    cen.writeUInt16LE(flags, 8);
    cen.writeUInt16LE(method, 10);
    cen.writeUInt16LE(0, 12);
    cen.writeUInt16LE(0x21, 14);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(csize, 20);
    cen.writeUInt32LE(usize, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt16LE(extra.length, 30);
    cen.writeUInt16LE(0, 32);
    cen.writeUInt16LE(0, 34);
    cen.writeUInt16LE(0, 36);
    cen.writeUInt32LE(0, 38);
    cen.writeUInt32LE(offset, 42);
    centrals.push(Buffer.concat([cen, name, extra]));
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(specs.length, 8);
  eocd.writeUInt16LE(specs.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

export const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
export const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
export const documentXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
export const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

export function makeDocx(body: string, extra: ZipSpec[] = [], doc: Partial<ZipSpec> = {}): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: RELS },
    { name: 'word/document.xml', data: documentXml(body), ...doc },
    ...extra,
  ]);
}
