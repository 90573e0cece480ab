import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { CONTENT_TYPES, makeDocx, makeZip, para } from './helpers/zip.js';
import { bodyArbitrary, documentXmlNs } from './helpers/wordml-gen.js';
import {
  ReadError,
  decodeBytes,
  decodeDocument,
  expandInputs,
  readDocument,
  readDocx,
  readDocxDocument,
  type ReadErrorCode,
} from '../src/read/index.js';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const corpus = (...p: string[]) => join(CORPUS, ...p);
const list = (dir: string, suffix: string) =>
  readdirSync(corpus(dir))
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => corpus(dir, f));

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'baogao-read-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** write a file under the temp dir, creating parents; returns its path */
function put(rel: string, data: Uint8Array | string): string {
  const p = join(tmp, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, data);
  return p;
}

/** run `fn`, expect a ReadError with `code`, check the one-line `${file}: reason` shape */
async function expectReadError(fn: () => unknown, code: ReadErrorCode, file?: string): Promise<ReadError> {
  let caught: unknown;
  try {
    await fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ReadError ${code}`).toBeInstanceOf(ReadError);
  const err = caught as ReadError;
  expect(err.code, err.message).toBe(code);
  expect(err.message).not.toMatch(/[\r\n]/);
  expect(err.message.startsWith(`${err.file}: `)).toBe(true);
  expect(err.reason.length).toBeGreaterThan(0);
  if (file !== undefined) expect(err.file).toBe(file);
  return err;
}

// ---------------------------------------------------------------------------------------------
// the bad .docx files are built here (tests/helpers/zip.ts) rather than committed

/** The GBK bytes of one character (found by decoding every double-byte code: tests only). */
const GBK_OF = new Map<string, Uint8Array>();
function gbkOf(ch: string): Uint8Array {
  if (GBK_OF.size === 0) {
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) GBK_OF.set(dec.decode(Uint8Array.from([a, b])), Uint8Array.from([a, b]));
  }
  const b = GBK_OF.get(ch);
  if (!b) throw new Error(`no GBK code for ${ch}`);
  return b;
}

/** The bytes of `line` in a GBK file (found by decoding the file line by line). */
function gbkBytes(file: Buffer, line: string): Buffer {
  const enc = new TextDecoder('gb18030');
  let start = 0;
  for (let i = 0; i <= file.length; i++) {
    if (i === file.length || (file[i] === 0x0d && file[i + 1] === 0x0a)) {
      if (enc.decode(file.subarray(start, i)) === line) return file.subarray(start, i);
      start = i + 2;
      i++;
    }
  }
  throw new Error('line not in file');
}

function randomBytes(n: number, seed: number, withNuls: boolean): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
    if (!withNuls && out[i] === 0) out[i] = 0xff;
  }
  if (withNuls) out[7] = 0;
  return out;
}

// ---------------------------------------------------------------------------------------------
// fixtures/read/: tiny committed files for anyone (CLI tests, manual runs) who needs a bad input.
// Regenerate with `BAOGAO_WRITE_FIXTURES=1 npx vitest run tests/read.test.ts`; the table below checks
// what each one reads to (bytes are not compared: deflate output may differ between zlib versions).

const FIXTURES = fileURLToPath(new URL('../fixtures/read/', import.meta.url));
const SAMPLE = '政府工作报告\r\n各位代表：\r\n　　现在，我代表市人民政府向大会报告工作。\r\n';

function buildFixtures(): Record<string, Uint8Array | string> {
  const gbk = readFileSync(corpus('gbk', 'hailar-district-2018.gbk.txt'));
  const mini = makeDocx(para('2025年政府工作报告') + '<w:p/>' + para('　　一、2024年工作回顾'));
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
  return {
    'gbk-crlf.txt': gbk.subarray(0, gbk.indexOf('\r\n', 300) + 2),
    'utf8.txt': SAMPLE,
    'utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]),
    'utf16le-bom.txt': le,
    'utf16be-bom.txt': Buffer.from(le).swap16(),
    'empty.txt': '',
    'whitespace.txt': ' \r\n　\r\n',
    'binary.txt': randomBytes(256, 3, true),
    'undecodable.txt': Buffer.concat([Buffer.from('abc '), Buffer.from([0xff, 0x80, 0xff]), Buffer.from(' def')]),
    'mini.docx': mini,
    'truncated.docx': mini.subarray(0, mini.length >> 1),
    'not-a-zip.docx': randomBytes(512, 5, false),
    'ole.docx': Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    'zip64-bomb.docx': makeDocx(para('x'), [{ name: 'word/media/huge.bin', data: 'tiny', zip64Uncompressed: 5n * 1024n ** 3n }]),
    'ratio-bomb.docx': makeDocx(para('x'), [{ name: 'word/b.bin', data: 'x'.repeat(100), declaredUncompressed: 150 * 1024 * 1024 }]),
    'no-document.docx': makeZip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }]),
    'no-reports/notes.pdf': '%PDF-1.4 not a report',
  };
}

const FIXTURE_EXPECT: Record<string, { encoding: string; text?: string } | { code: ReadErrorCode }> = {
  'gbk-crlf.txt': { encoding: 'gb18030' },
  'utf8.txt': { encoding: 'utf-8', text: SAMPLE },
  'utf8-bom.txt': { encoding: 'utf-8-bom', text: SAMPLE },
  'utf16le-bom.txt': { encoding: 'utf-16le', text: SAMPLE },
  'utf16be-bom.txt': { encoding: 'utf-16be', text: SAMPLE },
  'empty.txt': { code: 'EMPTY' },
  'whitespace.txt': { code: 'EMPTY' },
  'binary.txt': { code: 'BINARY' },
  'undecodable.txt': { code: 'DECODE' },
  'mini.docx': { encoding: 'docx', text: '2025年政府工作报告\n\n　　一、2024年工作回顾\n' },
  'truncated.docx': { code: 'DOCX_CORRUPT' },
  'not-a-zip.docx': { code: 'DOCX_CORRUPT' },
  'ole.docx': { code: 'DOCX_ENCRYPTED' },
  'zip64-bomb.docx': { code: 'ZIP_BOMB' },
  'ratio-bomb.docx': { code: 'ZIP_BOMB' },
  'no-document.docx': { code: 'DOCX_CORRUPT' },
  'no-reports': { code: 'IS_DIRECTORY' },
  'report.html': { encoding: 'html' },
};

describe('fixtures/read', () => {
  beforeAll(() => {
    if (!process.env.BAOGAO_WRITE_FIXTURES) return;
    for (const [rel, data] of Object.entries(buildFixtures())) {
      mkdirSync(join(FIXTURES, rel, '..'), { recursive: true });
      writeFileSync(join(FIXTURES, rel), data);
    }
  });

  it.each(Object.entries(FIXTURE_EXPECT))('%s', async (rel, want) => {
    const p = join(FIXTURES, rel);
    if ('code' in want) {
      await expectReadError(() => readDocument(p), want.code, p);
    } else {
      const r = await readDocument(p);
      expect(r.encoding).toBe(want.encoding);
      if (want.text !== undefined) expect(r.text).toBe(want.text);
    }
  });

  it('the fixtures directory expands to its readable files and a NO_FILES error', async () => {
    const { files, errors } = await expandInputs([FIXTURES]);
    expect(files.map((f) => f.slice(FIXTURES.length))).toEqual(
      Object.keys(FIXTURE_EXPECT).filter((f) => /\.(txt|docx|html)$/.test(f)).sort(),
    );
    expect(errors).toEqual([]);
    const none = await expandInputs([join(FIXTURES, 'no-reports')]);
    expect(none.errors.map((e) => e.code)).toEqual(['NO_FILES']);
    // what is there but not read is named, with what to do (#18)
    expect(none.errors[0].reason).toBe(
      'no .txt, .md, .docx, .html or .htm files found in this directory (searched recursively); the .pdf file here is not read: save it as .docx or UTF-8 text',
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('real corpus', () => {
  const gbk = list('gbk', '.gbk.txt');
  const docx = list('docx', '.docx');
  const zh = list('zh', '.txt');

  it('finds the corpus', () => {
    expect(gbk.length).toBe(7);
    expect(docx.length).toBe(28);
    expect(zh.length).toBeGreaterThan(10);
  });

  it.each(gbk.map((p) => [p.split('/').pop(), p]))('GBK %s decodes as gb18030, CRLF kept', async (_n, p) => {
    const r = await readDocument(p as string);
    expect(r.encoding).toBe('gb18030');
    expect(r.text.includes('政府工作报告') || r.text.includes('海拉尔')).toBe(true);
    expect(r.text).toContain('\r\n');
    expect(r.text).not.toContain('\ufffd');
    expect(r.bytes).toBe(readFileSync(p as string).length);
  });

  it('all 28 .docx read to text in a few seconds', async () => {
    const t0 = performance.now();
    const results = [];
    for (const p of docx) results.push(await readDocument(p));
    const ms = performance.now() - t0;
    console.log(`read ${docx.length} .docx in ${ms.toFixed(0)} ms (${(ms / docx.length).toFixed(1)} ms each)`);
    for (const r of results) {
      expect(r.encoding).toBe('docx');
      expect(r.text.trim().length, r.path).toBeGreaterThan(1000);
      expect(r.text.includes('政府工作报告') || r.text.includes('2025'), r.path).toBe(true);
      expect(r.text.split('\n').filter((l) => l === '').length).toBeLessThan(r.text.split('\n').length / 4);
    }
    expect(ms).toBeLessThan(15000);
  }, 60000);

  it('a .docx reads exactly like its Word-extracted corpus text (one paragraph a line)', async () => {
    for (const [d, z] of [
      ['2025年北京市政府工作报告.docx', 'city-beijing-2025-gov-work-report.zh.txt'],
      ['2025年浙江省政府工作报告.docx', 'prov-zhejiang-2025-gov-work-report.zh.txt'],
    ]) {
      const r = await readDocument(corpus('docx', d));
      expect(r.text).toBe(readFileSync(corpus('zh', z), 'utf8'));
    }
  });

  it('UTF-8 corpus files and the seed decode as utf-8, unchanged', async () => {
    for (const p of [...zh, corpus('000_304eac767b8a3bea.txt')]) {
      const r = await readDocument(p);
      expect(r.encoding, p).toBe('utf-8');
      expect(r.text).toBe(readFileSync(p, 'utf8'));
    }
  });

  it('a .docx under another name is recognised by its content', async () => {
    const p = put('sniff/report.txt', readFileSync(docx[0]));
    const r = await readDocument(p);
    expect(r.encoding).toBe('docx');
    expect(r.text).toContain('2025');
  });
});

describe('decodeBytes', () => {
  const enc = new TextEncoder();

  it('UTF-8 with BOM: BOM not in the text, everything else kept', () => {
    const body = '政府工作报告\r\n\ufeff一、回顾\r\n';
    const r = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]), 'bom.txt');
    expect(r).toEqual({ text: body, encoding: 'utf-8-bom' });
  });

  it('UTF-16LE and UTF-16BE with BOM', () => {
    const body = '政府工作报告\r\n2025年，GDP增长5%。\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeBytes(le, 'le.txt')).toEqual({ text: body, encoding: 'utf-16le' });
    expect(decodeBytes(be, 'be.txt')).toEqual({ text: body, encoding: 'utf-16be' });
  });

  it('plain UTF-8 keeps CRLF and lone CR', () => {
    const body = 'a\r\nb\rc\n　　（一）';
    expect(decodeBytes(enc.encode(body))).toEqual({ text: body, encoding: 'utf-8' });
  });

  it('property: any well-formed text round-trips through UTF-8, UTF-8+BOM and UTF-16 with BOM', () => {
    const ctrl = /[\u0000-\u0008\u000e-\u0019\u001b-\u001f\u007f]/;
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
        fc.string({ unit: 'binary-ascii', maxLength: 20 }),
        (s, t) => {
          const text = s + t;
          if (/\p{Cs}/u.test(text) || ctrl.test(text) || /^[\s\u200b-\u200d\u2060\ufeff]*$/.test(text)) return;
          expect(decodeBytes(enc.encode(text))).toEqual({ text, encoding: 'utf-8' });
          expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), enc.encode(text)]))).toEqual({
            text,
            encoding: 'utf-8-bom',
          });
          expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({
            text,
            encoding: 'utf-16le',
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('EMPTY: 0 bytes, whitespace only, BOM only', async () => {
    await expectReadError(() => decodeBytes(new Uint8Array(0), 'e.txt'), 'EMPTY', 'e.txt');
    await expectReadError(() => decodeBytes(enc.encode(' \r\n\t　\n'), 'w.txt'), 'EMPTY');
    await expectReadError(() => decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf]), 'b.txt'), 'EMPTY');
    await expectReadError(() => decodeBytes(Uint8Array.from([0xff, 0xfe]), 'b16.txt'), 'EMPTY');
  });

  it('BINARY: NUL bytes, or many control bytes', async () => {
    await expectReadError(() => decodeBytes(randomBytes(4096, 42, true), 'r.txt'), 'BINARY');
    const ctl = new Uint8Array(200).fill(0x41);
    for (let i = 0; i < 200; i += 10) ctl[i] = 0x01;
    await expectReadError(() => decodeBytes(ctl, 'c.txt'), 'BINARY');
    const e = await expectReadError(() => decodeBytes(Buffer.from('政府工作报告 2025\r\n', 'utf16le'), 'nobom.txt'), 'BINARY');
    expect(e.reason).toContain('UTF-16LE without a byte-order mark');
  });

  it('a stray form feed or tab does not make text binary', () => {
    expect(decodeBytes(enc.encode('第一页\f第二页\t（完）')).encoding).toBe('utf-8');
  });

  it('DECODE names the byte offset', async () => {
    const bad = Buffer.concat([Buffer.from('abc'), Buffer.from([0xff, 0xfe, 0xff]), Buffer.from('def')]);
    const e = await expectReadError(() => decodeBytes(bad, 'bad.txt'), 'DECODE', 'bad.txt');
    expect(e.reason).toMatch(/byte offset 3\b/);
    expect(e.reason).toContain('0xFF');
  });

  it('a few stray bytes in UTF-8 are read as UTF-8 with a warning naming each, not as GB18030 mojibake (#17)', () => {
    const report = readFileSync(corpus('zh', 'city-beijing-2025-gov-work-report.zh.txt'));
    // one stray byte before the report
    const stray = decodeBytes(Buffer.concat([Buffer.from([0xff]), report]), 'stray.txt');
    expect(stray.encoding).toBe('utf-8');
    expect(stray.text).toBe('\ufffd' + report.toString('utf8'));
    expect(stray.warnings).toEqual(['stray.txt: read as UTF-8, but one byte sequence is not UTF-8 (0xFF at byte offset 0); shown as U+FFFD']);
    // a character cut in the middle, late; a file cut at the end; after a BOM
    const good = Buffer.from('政府工作报告。'.repeat(20));
    const damaged = decodeBytes(Buffer.concat([good, Buffer.from([0xe6, 0x94]), Buffer.from('结束')]), 'cut.txt');
    expect(damaged.text).toBe('政府工作报告。'.repeat(20) + '\ufffd结束');
    expect(damaged.warnings![0]).toContain(`0xE6 at byte offset ${good.length}`);
    const truncated = decodeBytes(good.subarray(0, good.length - 1), 'trunc.txt');
    expect(truncated.warnings![0]).toContain(`a character cut off at the end (byte offset ${good.length - 3})`);
    const bom = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good, Buffer.from([0x80])]), 'bom.txt');
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.warnings![0]).toContain(`0x80 at byte offset ${good.length + 3}`);
  });

  it('property: one stray byte anywhere in a UTF-8 report is named at its offset', () => {
    const whole = readFileSync(corpus('zh', 'prov-zhejiang-2025-gov-work-report.zh.txt'));
    let cut = 20000;
    while ((whole[cut] & 0xc0) === 0x80) cut++;
    const report = whole.subarray(0, cut);
    fc.assert(
      fc.property(fc.nat(report.length), fc.constantFrom(0x80, 0xbf, 0xc0, 0xff, 0xfe), (at, byte) => {
        // at a character boundary, so the byte is the only damage
        while (at < report.length && (report[at] & 0xc0) === 0x80) at++;
        const buf = Buffer.concat([report.subarray(0, at), Buffer.from([byte]), report.subarray(at)]);
        const d = decodeBytes(buf, 'r.txt');
        expect(d.encoding).toBe('utf-8');
        expect(d.warnings).toHaveLength(1);
        expect(d.warnings![0]).toContain(`at byte offset ${at})`);
      }),
      { numRuns: 50 },
    );
  });

  it('UTF-8 damaged in many places is DECODE (mixed encodings), not GB18030 mojibake', async () => {
    const good = Buffer.from('政府工作报告。'.repeat(20));
    // UTF-8, then a paragraph in GBK (工作报告 and more)
    const gbk = readFileSync(corpus('gbk', 'hailar-district-2018.gbk.txt')).subarray(0, 300);
    const mixed = Buffer.concat([good, Buffer.from([0xb9, 0xa4, 0xd7, 0xf7]), gbk]);
    const e = await expectReadError(() => decodeBytes(mixed, 'mixed.txt'), 'DECODE');
    expect(e.reason).toContain(`byte offset ${good.length}`);
    expect(e.reason).toContain('mixes encodings');
  });

  it('UTF-16 with BOM but an odd length or a lone surrogate is DECODE', async () => {
    await expectReadError(() => decodeBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42]), 'odd.txt'), 'DECODE');
    const lone = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]);
    const e = await expectReadError(() => decodeBytes(lone, 'sur.txt'), 'DECODE');
    expect(e.reason).toContain('byte offset 4');
  });

  it('known non-text formats are UNSUPPORTED with a hint', async () => {
    await expectReadError(() => decodeBytes(Buffer.from('%PDF-1.7\n...'), 'a.pdf'), 'UNSUPPORTED');
    await expectReadError(() => decodeBytes(Buffer.from('{\\rtf1\\ansi hello}'), 'a.rtf'), 'UNSUPPORTED');
    await expectReadError(() => decodeBytes(makeDocx(para('x')), 'a.bin'), 'UNSUPPORTED');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const e = await expectReadError(() => decodeBytes(ole, 'old.doc'), 'UNSUPPORTED');
    expect(e.reason).toContain('.doc');
  });
});

describe('.docx', () => {
  it('paragraphs become lines; empty paragraphs stay empty lines; tabs kept', async () => {
    const buf = makeDocx(para('一、总体要求') + '<w:p/>' + '<w:p><w:r><w:t>第二段</w:t><w:tab/><w:t>x</w:t></w:r></w:p>');
    expect(await readDocx(buf, 'mini.docx')).toBe('一、总体要求\n\n第二段\tx\n');
  });

  it('as mammoth did: a manual line break <w:br/> produces nothing', async () => {
    const buf = makeDocx('<w:p><w:r><w:t>上</w:t><w:br/><w:t>下</w:t></w:r></w:p>');
    expect(await readDocx(buf, 'br.docx')).toBe('上下\n');
  });

  it('a document without text is EMPTY', async () => {
    await expectReadError(() => readDocx(makeDocx('<w:p/><w:p/>'), 'blank.docx'), 'EMPTY', 'blank.docx');
  });

  it('truncated .docx (first half of a real one) is DOCX_CORRUPT', async () => {
    const real = readFileSync(list('docx', '.docx')[3]);
    const p = put('drafts/half.docx', real.subarray(0, real.length >> 1));
    const e = await expectReadError(() => readDocument(p), 'DOCX_CORRUPT', p);
    expect(e.message).toBe(`${p}: not a valid .docx (zip central directory not found: the file is truncated or damaged)`);
  });

  it('random bytes named .docx are DOCX_CORRUPT', async () => {
    const p = put('random.docx', randomBytes(5000, 7, false));
    const e = await expectReadError(() => readDocument(p), 'DOCX_CORRUPT', p);
    expect(e.reason).toContain('not a zip file');
  });

  it('a zip without word/document.xml is DOCX_CORRUPT; an .xlsx is named as such', async () => {
    const e1 = await expectReadError(() => readDocx(makeZip([{ name: 'a.txt', data: 'hello' }]), 'z.docx'), 'DOCX_CORRUPT');
    expect(e1.reason).toContain('word/document.xml');
    const xlsx = makeZip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/workbook.xml', data: '<x/>' }]);
    const e2 = await expectReadError(() => readDocx(xlsx, 'sheet.docx'), 'DOCX_CORRUPT');
    expect(e2.reason).toContain('Excel');
  });

  it('malformed XML inside a well-formed zip is DOCX_CORRUPT', async () => {
    const buf = makeDocx('', [], { data: '<w:document><w:body><w:p>' });
    const e = await expectReadError(() => readDocx(buf, 'xml.docx'), 'DOCX_CORRUPT');
    expect(e.reason).toMatch(/^not a valid \.docx \(/);
  });

  it('ZIP_BOMB: an entry forged to declare 5 GiB (ZIP64)', async () => {
    const bomb = makeDocx(para('x'), [{ name: 'word/media/huge.bin', data: 'tiny', zip64Uncompressed: 5n * 1024n ** 3n }]);
    expect(bomb.length).toBeLessThan(2000);
    const p = put('bomb.docx', bomb);
    const e = await expectReadError(() => readDocument(p), 'ZIP_BOMB', p);
    expect(e.reason).toContain('ZIP64');
  });

  it('ZIP_BOMB: declared total over the limit, and a ratio over 1000:1 above 10 MiB', async () => {
    const big = makeDocx(para('x'), [{ name: 'word/a.bin', data: 'x'.repeat(100), declaredUncompressed: 0xc0000000 }]);
    const e1 = await expectReadError(() => readDocx(big, 'big.docx'), 'ZIP_BOMB');
    expect(e1.reason).toMatch(/ratio|declares/);
    const ratio = makeDocx(para('x'), [{ name: 'word/b.bin', data: 'x'.repeat(100), declaredUncompressed: 150 * 1024 * 1024 }]);
    const e2 = await expectReadError(() => readDocx(ratio, 'ratio.docx'), 'ZIP_BOMB');
    expect(e2.reason).toContain('ratio');
    const small = makeDocx(para('正文'));
    const e3 = await expectReadError(() => readDocx(small, 'limit.docx', { maxDocxUncompressed: 100 }), 'ZIP_BOMB');
    expect(e3.reason).toContain('limit');
  });

  it('ZIP_BOMB: an entry that lies about its size is stopped at the declared size', async () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const liar = makeDocx(para('x'), [{ name: 'word/liar.xml', data: zeros, declaredUncompressed: 1000 }]);
    const e = await expectReadError(() => readDocx(liar, 'liar.docx'), 'ZIP_BOMB');
    expect(e.reason).toContain('beyond its declared');
  });

  it('the zip directory is read the way JSZip reads it: prepended bytes are fine, a smuggled record is not', async () => {
    const mini = makeDocx(para('正文'));
    const prefixed = Buffer.concat([Buffer.from('#!/bin/sh self-extractor stub\n'), mini]);
    expect(await readDocx(prefixed, 'sfx.docx')).toBe('正文\n');
    // EOCD says 2 records, the directory holds 3: JSZip would read all 3, so we refuse
    const smuggled = Buffer.from(mini);
    smuggled.writeUInt16LE(2, smuggled.length - 22 + 8);
    smuggled.writeUInt16LE(2, smuggled.length - 22 + 10);
    const e = await expectReadError(() => readDocx(smuggled, 'smuggled.docx'), 'DOCX_CORRUPT');
    expect(e.reason).toContain('3 entries where 2 are declared');
  });

  it('an OLE compound file named .docx is DOCX_ENCRYPTED, with the reason', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1000)]);
    const p = put('old.docx', ole);
    const e = await expectReadError(() => readDocument(p), 'DOCX_ENCRYPTED', p);
    expect(e.reason).toContain('.doc');
    const enc = Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(100)]);
    const e2 = await expectReadError(() => readDocx(enc, 'secret.docx'), 'DOCX_ENCRYPTED');
    expect(e2.reason).toContain('password');
  });

  it('an encrypted zip entry is DOCX_ENCRYPTED', async () => {
    const buf = makeDocx(para('x'), [], { flags: 0x1 });
    await expectReadError(() => readDocx(buf, 'zipcrypto.docx'), 'DOCX_ENCRYPTED');
  });

  it('an empty .docx file is EMPTY', async () => {
    const p = put('zero.docx', new Uint8Array(0));
    await expectReadError(() => readDocument(p), 'EMPTY', p);
  });
});

describe('.docx: our reader gives mammoth\'s text', () => {
  // mammoth's extractRawText is the reference the corpus texts were made with (its "\n\n" taken as "\n")
  const mammothText = async (buf: Buffer): Promise<string> => {
    const mammoth = ((await import('mammoth')) as unknown as { default: typeof import('mammoth') }).default;
    return (await mammoth.extractRawText({ buffer: buf })).value.replace(/\n\n/g, '\n');
  };

  it('for all 28 corpus .docx, character for character', async () => {
    const docx = list('docx', '.docx');
    expect(docx.length).toBe(28);
    for (const p of docx) {
      const buf = readFileSync(p);
      expect((await readDocxDocument(buf, p, { docxMemoryMb: 0 })).text, p).toBe(await mammothText(buf));
    }
  }, 60_000);

  it('property: for generated documents with tables, merged and deleted rows, content controls, text boxes, fields and tracked changes', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(bodyArbitrary(), async (body) => {
        const buf = makeDocx('', [], { data: documentXmlNs(body) });
        let expected: string;
        try {
          expected = await mammothText(buf);
        } catch {
          return; // what mammoth cannot read is not a reference
        }
        let ours: string;
        try {
          ours = (await readDocxDocument(buf, 'gen.docx', { docxMemoryMb: 0 })).text;
        } catch (e) {
          // the text path's rules: a document of no text is EMPTY (mammoth gives blank text)
          expect((e as ReadError).code).toBe('EMPTY');
          expect(expected.trim()).toBe('');
          return;
        }
        compared++;
        expect(ours).toBe(expected);
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(150);
  }, 60_000);
});

describe('.docx headings (#16)', () => {
  const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="wps3"><w:name w:val="标题 3"/></w:style>
    <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="我的标题"/><w:basedOn w:val="1"/></w:style>
    <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
    <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
    <w:style w:type="character" w:styleId="1Char"><w:name w:val="heading 1 Char"/></w:style>
  </w:styles>`;
  const p = (style: string | null, text: string, own = '') =>
    `<w:p>${style || own ? `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${own}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

  async function read(body: string, styles = STYLES) {
    const buf = makeDocx(body, [{ name: 'word/styles.xml', data: styles }]);
    const r = await readDocxDocument(buf, 'h.docx', { docxMemoryMb: 0 });
    return { ...r, shown: r.headings.map((h) => [r.text.slice(h.start, h.end), h.level]) };
  }

  it('heading styles (own outline level, built-in name, English or Chinese, based-on chain, Title) and a paragraph\'s own outline level', async () => {
    const r = await read(
      p('Title', '2025年政府工作报告') +
        p(null, '各位代表：') +
        p('1', '一、2024年工作回顾') +
        p(null, '过去一年，地区生产总值增长5.2%。') +
        p('2', '（一）经济运行') +
        p('wps3', '1.工业') +
        p('Mine', '二、2025年工作安排') +
        p(null, '三、加强政府自身建设', '<w:outlineLvl w:val="0"/>') +
        p('1', '不是标题', '<w:outlineLvl w:val="9"/>') +
        p('Body', '正文样式') +
        p('1', '') +
        p('1', '　 '),
    );
    expect(r.shown).toEqual([
      ['2025年政府工作报告', 0],
      ['一、2024年工作回顾', 0],
      ['（一）经济运行', 1],
      ['1.工业', 2],
      ['二、2025年工作安排', 0],
      ['三、加强政府自身建设', 0],
    ]);
  });

  it('spans are offsets into the returned text, through tables, empty paragraphs, text boxes and joined deleted paragraphs', async () => {
    const cell = (t: string) => `<w:tc>${p(null, t)}</w:tc>`;
    const r = await read(
      '<w:p/>' +
        `<w:tbl><w:tr>${cell('指标')}${cell('增长')}</w:tr></w:tbl>` +
        `<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>一、总体</w:t></w:r><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${p('2', '框中标题')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r><w:r><w:t>要求</w:t></w:r></w:p>` +
        `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>二、</w:t></w:r></w:p>` +
        p('1', '主要任务'),
    );
    expect(r.text).toBe('\n指标\n增长\n一、总体要求\n框中标题\n二、主要任务\n');
    expect(r.shown).toEqual([
      ['一、总体要求', 0],
      ['框中标题', 1],
      ['二、主要任务', 0],
    ]);
  });

  it('without styles.xml, only a paragraph\'s own outline level counts; the default paragraph style applies to paragraphs without one', async () => {
    const buf = makeDocx(p('1', '一、甲') + p(null, '二、乙', '<w:outlineLvl w:val="1"/>'));
    const r = await readDocxDocument(buf, 'n.docx', { docxMemoryMb: 0 });
    expect(r.headings.map((h) => r.text.slice(h.start, h.end))).toEqual(['二、乙']);
    const dflt = STYLES.replace('w:styleId="Normal"><w:name w:val="Normal"/>', 'w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr>');
    expect((await read(p(null, '正文'), dflt)).shown).toEqual([['正文', 3]]);
  });

  it('readDocument returns them; the 28 corpus .docx mark no headings (no paragraph style, no outline level)', async () => {
    const d = await readDocument(list('docx', '.docx')[0]);
    expect(d.headings).toEqual([]);
    let headings = 0;
    for (const f of list('docx', '.docx')) headings += (await readDocument(f)).headings!.length;
    expect(headings).toBe(0);
    const t = await readDocument(corpus('000_304eac767b8a3bea.txt'));
    expect(t.headings).toBeUndefined();
  }, 60_000);
});

describe('HTML pages (#18)', () => {
  const beijing = readFileSync(corpus('zh', 'city-beijing-2025-gov-work-report.zh.txt'), 'utf8').split('\n');
  const strip = (l: string) => l.replace(/^\u3000+/, '');

  it('fixtures/read/report.html: the main text one block a line, h1-h3 as headings; navigation, scripts, hidden parts and the footer left out', async () => {
    const r = await readDocument(join(FIXTURES, 'report.html'));
    expect(r.encoding).toBe('html');
    const sub = beijing.find((l) => strip(l).startsWith('（一）'))!;
    const after = beijing[beijing.indexOf(sub) + 1];
    const p2 = strip(beijing[6]);
    // the page's text is the corpus text's, as the fixture put it (see its comment)
    const want = [beijing[0], beijing[3], beijing[4], strip(beijing[5]), '\u3000\u3000' + p2.slice(0, 120), p2.slice(120), strip(sub), '\u3000\u3000' + strip(after)];
    expect(r.text).toBe(want.join('\n') + '\n');
    for (const junk of ['首页', '统计代码', 'share(', '发布时间', '相关链接', '京ICP备', 'text-indent', '当前位置']) expect(r.text).not.toContain(junk);
    expect(r.headings!.map((h) => [r.text.slice(h.start, h.end), h.level])).toEqual([
      [beijing[0], 0],
      [strip(beijing[5]), 1],
      [strip(sub), 2],
    ]);
  });

  it('a page in GB2312 by its meta charset, entities decoded, no <main>: the body without navigation', async () => {
    const gbkText = readFileSync(corpus('gbk', 'hailar-district-2018.gbk.txt'));
    const firstLines = new TextDecoder('gb18030').decode(gbkText).split(/\r\n/).filter((l) => l.trim()).slice(0, 3);
    const page = Buffer.concat([
      // (the markup is ASCII, the report's lines GBK as they are in the corpus file)
      Buffer.from('<html><head><meta charset="gb2312"><script>x()</script></head><body><nav>nav</nav><div id="zoom">'),
      ...firstLines.map((l) => Buffer.concat([Buffer.from('<p>'), gbkBytes(gbkText, l), Buffer.from('</p>')])),
      Buffer.from('<p>&ldquo;&#21313;&#22235;&#20116;&rdquo;&nbsp;&#35268;&#21010;</p></div><div hidden>hidden</div><div aria-hidden="true">hidden too</div></body></html>'),
    ]);
    const p = put('page/gbk.htm', page);
    const r = await readDocument(p);
    expect(r.encoding).toBe('html');
    expect(r.text).toBe([...firstLines.map((l) => l.replace(/^[ \t]+|[ \t]+$/g, '')), '“十四五”\u00a0规划'].join('\n') + '\n');
  });

  it('a page under another name, or on standard input, is read as HTML by its content', async () => {
    const p = put('page/saved.txt', '<!DOCTYPE html><html><body><h2>一、总体要求</h2><p>增长5%左右。</p></body></html>');
    const r = await readDocument(p);
    expect(r.encoding).toBe('html');
    expect(r.text).toBe('一、总体要求\n增长5%左右。\n');
    expect(r.headings).toEqual([{ start: 0, end: 6, level: 1 }]);
    expect((await decodeDocument(Buffer.from('<html><p>a<pre>  x\n  y</pre>b</p>'), '<stdin>')).text).toBe('a\n  x\n  y\nb\n');
  });

  it('property: report lines in any nesting of blocks and inlines, among navigation and scripts, come out as the lines', async () => {
    const lines = readFileSync(corpus('zh', 'prov-zhejiang-2025-gov-work-report.zh.txt'), 'utf8')
      .split('\n')
      .map((l) => l.replace(/^[\u3000 ]+/, ''))
      .filter((l) => l.length > 0 && l.length < 200);
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const noise = fc.constantFrom('<nav><a href="/">首页</a></nav>', '<script>var a = "<p>脚本</p>";</script>', '<style>p{}</style>', '<footer>版权所有</footer>', '<div hidden>隐藏</div>', '<!-- 注释 -->', '');
    const wrap = fc.constantFrom(['<p>', '</p>'], ['<div>', '</div>'], ['<li>', '</li>'], ['<h2>', '</h2>'], ['<table><tr><td>', '</td></tr></table>'], ['<section><p>', '</p></section>'], ['<div><span>', '</span></div>']);
    const inline = fc.constantFrom(['', ''], ['<b>', '</b>'], ['<span style="color:red">', '</span>'], ['<a href="#">', '</a>']);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...lines), wrap, inline, noise), { minLength: 1, maxLength: 8 }), async (parts) => {
        const body = parts.map(([l, [a, b], [i, j], n]) => `${n}${a}  ${i}${esc(l)}${j}\n ${b}`).join('');
        const html = `<!DOCTYPE html><html><head><title>页</title></head><body>${body}</body></html>`;
        const r = await decodeDocument(Buffer.from(html), 'p.html');
        expect(r.text).toBe(parts.map(([l]) => l.replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '')).join('\n') + '\n');
        for (const h of r.headings!) expect(parts.some(([l, [a]]) => a === '<h2>' && r.text.slice(h.start, h.end) === l.trim())).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('a page of nothing but navigation and scripts is EMPTY; one of too many tags TOO_LARGE', async () => {
    await expectReadError(() => decodeDocument(Buffer.from('<html><body><nav>首页</nav><script>x</script></body></html>'), 'nav.html'), 'EMPTY');
    await expectReadError(() => decodeDocument(Buffer.from('<b>'.repeat(200_001)), 'tags.html'), 'TOO_LARGE');
  });

  it('a directory walk includes .html and .htm', async () => {
    put('walk-html/a.html', '<p>甲</p>');
    put('walk-html/b.htm', '<p>乙</p>');
    put('walk-html/c.css', 'p {}');
    const { files } = await expandInputs([join(tmp, 'walk-html')]);
    expect(files.map((f) => f.split('/').pop())).toEqual(['a.html', 'b.htm']);
  });
});

describe('.pdf, .doc, .wps, .odt, .rtf (#18)', () => {
  it('each is UNSUPPORTED with what to convert it to', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const cases: Array<[string, Uint8Array | string, RegExp]> = [
      ['r.pdf', '%PDF-1.7\n%âãÏÓ', /^a PDF, which is not read: save the report as \.docx or UTF-8 text .*pdftotext/],
      ['r.doc', ole, /Word 97-2003 .* save it as \.docx/],
      ['r.wps', ole, /WPS Writer .* save it as \.docx/],
      ['r.odt', makeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }, { name: 'content.xml', data: '<x/>' }]), /OpenDocument .* save it as \.docx/],
      ['r.rtf', '{\\rtf1\\ansi 政府工作报告}', /RTF .* save it as \.docx/],
      ['scan.pdf', '%PDF-1.4 not a report', /PDF/],
    ];
    for (const [n, data, re] of cases) {
      const e = await expectReadError(() => readDocument(put(`formats/${n}`, data)), 'UNSUPPORTED');
      expect(e.reason, n).toMatch(re);
    }
  });

  it('a .doc that is in fact a .docx, or text, is read as what it is', async () => {
    expect((await readDocument(put('formats/real.doc', makeDocx(para('正文'))))).text).toBe('正文\n');
    expect((await readDocument(put('formats/plain.doc', '政府工作报告\n'))).text).toBe('政府工作报告\n');
  });
});

describe('readDocument', () => {
  it('reads UTF-16 and BOM files from disk, reporting the byte size', async () => {
    const body = '各位代表：\r\n';
    const p = put('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]));
    expect(await readDocument(p)).toEqual({ path: p, text: body, encoding: 'utf-16le', bytes: 2 + body.length * 2 });
  });

  it('empty file and binary .txt', async () => {
    const e = put('empty.txt', '');
    await expectReadError(() => readDocument(e), 'EMPTY', e);
    const b = put('random.txt', randomBytes(3000, 99, true));
    await expectReadError(() => readDocument(b), 'BINARY', b);
  });

  it('a directory is IS_DIRECTORY, a missing path NOT_FOUND', async () => {
    await expectReadError(() => readDocument(tmp), 'IS_DIRECTORY', tmp);
    const missing = join(tmp, 'nope', 'missing.txt');
    const e = await expectReadError(() => readDocument(missing), 'NOT_FOUND', missing);
    expect(e.message).toBe(`${missing}: no such file or directory`);
    const under = join(put('file-as-dir.txt', 'x'), 'child.txt');
    await expectReadError(() => readDocument(under), 'NOT_FOUND');
  });

  it('TOO_LARGE is checked before reading (text and docx)', async () => {
    const p = put('big.txt', 'x'.repeat(2000));
    const e = await expectReadError(() => readDocument(p, { maxBytes: 1000 }), 'TOO_LARGE', p);
    expect(e.reason).toContain('limit');
    await expectReadError(() => decodeDocument(new Uint8Array(10), 'x.docx', { maxBytes: 5 }), 'TOO_LARGE');
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file is UNREADABLE', async () => {
    const p = put('locked.txt', 'secret');
    chmodSync(p, 0o000);
    await expectReadError(() => readDocument(p), 'UNREADABLE', p);
    chmodSync(p, 0o644);
  });

  it("'-' reads stdin as bytes and decodes it the same way", async () => {
    const gbk = readFileSync(list('gbk', '.gbk.txt')[0]);
    const spy = vi.spyOn(process, 'stdin', 'get');
    try {
      spy.mockReturnValue(Readable.from([gbk.subarray(0, 100), gbk.subarray(100)]) as unknown as typeof process.stdin);
      const r = await readDocument('-');
      expect(r).toMatchObject({ path: '-', encoding: 'gb18030', bytes: gbk.length });
      expect(r.text).toContain('海拉尔');

      spy.mockReturnValue(Readable.from([readFileSync(list('docx', '.docx')[0])]) as unknown as typeof process.stdin);
      expect((await readDocument('-')).encoding).toBe('docx');

      spy.mockReturnValue(Readable.from([Buffer.alloc(0)]) as unknown as typeof process.stdin);
      await expectReadError(() => readDocument('-'), 'EMPTY', '<stdin>');

      spy.mockReturnValue(Readable.from([Buffer.alloc(600, 0x41), Buffer.alloc(600, 0x41)]) as unknown as typeof process.stdin);
      await expectReadError(() => readDocument('-', { maxBytes: 1000 }), 'TOO_LARGE', '<stdin>');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('expandInputs', () => {
  it('walks directories recursively, sorted, skipping hidden and ~$ lock files', async () => {
    const root = join(tmp, 'walk');
    put('walk/b.txt', 'b');
    put('walk/a.md', 'a');
    put('walk/sub/c.DOCX', 'c');
    put('walk/sub/deeper/d.txt', 'd');
    put('walk/skip.pdf', 'x');
    put('walk/.hidden/e.txt', 'e');
    put('walk/~$lock.docx', 'lock');
    symlinkSync(root, join(root, 'sub', 'loop')); // a cycle
    const { files, errors } = await expandInputs([root]);
    expect(errors).toEqual([]);
    expect(files).toEqual([
      join(root, 'a.md'),
      join(root, 'b.txt'),
      join(root, 'sub', 'c.DOCX'),
      join(root, 'sub', 'deeper', 'd.txt'),
    ]);
    const onlyTxt = await expandInputs([root], { extensions: ['txt'] });
    expect(onlyTxt.files).toEqual([join(root, 'b.txt'), join(root, 'sub', 'deeper', 'd.txt')]);
  });

  it('file names that are not UTF-8 (GBK names from a Windows zip) are listed readably and open (#17)', async () => {
    const dir = join(tmp, 'gbk-names');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const gbk = (s: string) => Buffer.from(new Uint8Array([...s].flatMap((ch) => [...gbkOf(ch)])));
    // 报告.txt in GBK, a GBK-named directory holding a UTF-8-named file, and a clash with a UTF-8 name
    writeFileSync(Buffer.concat([Buffer.from(dir + '/'), gbk('报告'), Buffer.from('.txt')]), '地区生产总值增长5%。\n');
    mkdirSync(Buffer.concat([Buffer.from(dir + '/sub/'), gbk('附件')]));
    writeFileSync(Buffer.concat([Buffer.from(dir + '/sub/'), gbk('附件'), Buffer.from('/表.txt')]), '城镇新增就业12万人。\n');
    writeFileSync(join(dir, '说明.txt'), 'UTF-8 名\n');
    writeFileSync(Buffer.concat([Buffer.from(dir + '/'), gbk('说明'), Buffer.from('.txt')]), 'GBK 名\n');
    const { files, errors } = await expandInputs([dir]);
    expect(errors).toEqual([]);
    const names = files.map((f) => f.slice(dir.length + 1));
    expect(names).toContain('报告.txt');
    expect(names).toContain('sub/附件/表.txt');
    expect(names).toContain('说明.txt');
    expect(names.filter((n) => n.includes('\ufffd'))).toHaveLength(1); // the clash, shown with U+FFFD
    const texts = await Promise.all(files.map(async (f) => (await readDocument(f)).text));
    expect(texts.sort()).toEqual(['GBK 名\n', 'UTF-8 名\n', '地区生产总值增长5%。\n', '城镇新增就业12万人。\n'].sort());
    const r = await readDocument(join(dir, '报告.txt'));
    expect(r.path).toBe(join(dir, '报告.txt'));
    // a path given as bytes opens too
    expect((await readDocument(Buffer.concat([Buffer.from(dir + '/'), gbk('报告'), Buffer.from('.txt')]))).text).toBe('地区生产总值增长5%。\n');
  });

  it('a directory without matching files is NO_FILES', async () => {
    const dir = join(tmp, 'nomatch');
    put('nomatch/x.pdf', 'x');
    mkdirSync(join(tmp, 'emptydir'));
    const { files, errors } = await expandInputs([dir, join(tmp, 'emptydir')]);
    expect(files).toEqual([]);
    expect(errors.map((e) => [e.code, e.file])).toEqual([
      ['NO_FILES', dir],
      ['NO_FILES', join(tmp, 'emptydir')],
    ]);
    expect(errors[0].message).toBe(
      `${dir}: no .txt, .md, .docx, .html or .htm files found in this directory (searched recursively); the .pdf file here is not read: save it as .docx or UTF-8 text`,
    );
    expect(errors[1].message).toBe(`${join(tmp, 'emptydir')}: no .txt, .md, .docx, .html or .htm files found in this directory (searched recursively)`);
  });

  it('a mix of good and bad paths returns both files and errors, in input order, without duplicates', async () => {
    const explicit = put('mix/notes.weird', 'explicit files are taken whatever their extension');
    const dir = join(tmp, 'mix', 'reports');
    put('mix/reports/2024.txt', '2024');
    put('mix/reports/2023.txt', '2023');
    const missing = join(tmp, 'mix', 'missing.txt');
    const { files, errors } = await expandInputs([explicit, missing, dir, '-', join(dir, '2023.txt')]);
    expect(files).toEqual([explicit, join(dir, '2023.txt'), join(dir, '2024.txt'), '-']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ReadError);
    expect(errors[0]).toMatchObject({ code: 'NOT_FOUND', file: missing });
  });

  it('expanded files all read (or fail) with ReadErrors only', async () => {
    const { files } = await expandInputs([corpus('gbk'), corpus('docx'), join(tmp, 'mix')]);
    expect(files.length).toBe(7 + 28 + 2);
    for (const f of files) {
      try {
        const r = await readDocument(f);
        expect(r.text.length).toBeGreaterThan(0);
      } catch (e) {
        expect(e).toBeInstanceOf(ReadError);
      }
    }
  }, 60000);
});
