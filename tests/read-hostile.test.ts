/**
 * Hostile inputs to the read stage (issue #17), each a family: small .docx files whose XML costs a
 * DOM reader gigabytes, parts that are not XML, text a text file may not hold, zips of too many
 * entries. The files are built here (tests/helpers/), smaller than the attack where the attack's
 * size would only slow the suite; the limits that stop them are the defaults unless a test says.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadError, decodeBytes, readDocx, readDocxDocument, type ReadErrorCode } from '../src/read/index.js';
import { analyzeFiles } from '../src/batch/index.js';
import { documentXml, makeDocx, makeZip, para, CONTENT_TYPES, RELS } from './helpers/zip.js';
import { bigTableDocx, emptyRunsDocx } from './helpers/hostile-docx.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'baogao-hostile-read-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

async function readError(p: Promise<unknown> | (() => unknown), code: ReadErrorCode): Promise<ReadError> {
  let caught: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ReadError ${code}`).toBeInstanceOf(ReadError);
  const e = caught as ReadError;
  expect(e.code, e.message).toBe(code);
  expect(e.message).not.toMatch(/[\r\n]/);
  return e;
}

/** CPU time (all threads of this process) and the growth of the heap while `fn` runs. */
async function cost<T>(fn: () => Promise<T>): Promise<{ value: T; cpuMs: number; heapMb: number }> {
  const c0 = process.cpuUsage();
  const h0 = process.memoryUsage().heapUsed;
  let peak = h0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const c = process.cpuUsage(c0);
    return { value, cpuMs: (c.user + c.system) / 1000, heapMb: (peak - h0) / 1048576 };
  } finally {
    clearInterval(timer);
  }
}

describe('.docx whose XML cost a DOM reader gigabytes', () => {
  it('500,000 empty runs (a 12 KB file, 3 MB of XML) read in a fraction of a second, in little memory', async () => {
    const buf = emptyRunsDocx(500_000);
    expect(buf.length).toBeLessThan(64 * 1024);
    const { value, cpuMs, heapMb } = await cost(() => readDocxDocument(buf, 'runs.docx', { docxMemoryMb: 0 }));
    console.log(`500k empty runs: ${buf.length} bytes, ${cpuMs.toFixed(0)} ms CPU, heap +${heapMb.toFixed(0)} MB`);
    expect(value.text).toBe('\n一、2024年工作回顾\n');
    expect(cpuMs).toBeLessThan(5000);
    expect(heapMb).toBeLessThan(200);
  }, 30_000);

  it('a table of 100,000 cells reads to one line a cell, in time and memory linear in its XML', async () => {
    const buf = bigTableDocx(100_000);
    const { value, cpuMs, heapMb } = await cost(() => readDocxDocument(buf, 'table.docx', { docxMemoryMb: 0 }));
    console.log(`100k-cell table: ${buf.length} bytes, ${cpuMs.toFixed(0)} ms CPU, heap +${heapMb.toFixed(0)} MB`);
    const lines = value.text.split('\n');
    expect(lines.length).toBe(100_000 + 2);
    expect(lines[1]).toBe('0');
    expect(lines[100_000]).toBe(String(99_999 % 9973));
    expect(cpuMs).toBeLessThan(8000);
    expect(heapMb).toBeLessThan(400);
  }, 30_000);

  it('a main part of more XML than allowed is TOO_LARGE before it is inflated, naming the part and both sizes', async () => {
    // declared 150 MiB at under 1000:1, so the zip checks let it by (the attack's shape)
    const filler = Buffer.alloc(200 * 1024);
    let x = 1;
    for (let i = 0; i < filler.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      filler[i] = x & 0xff;
    }
    const forged = makeDocx('', [], { data: filler, declaredUncompressed: 150 * 1024 * 1024 });
    const e = await readError(readDocx(forged, 'big.docx'), 'TOO_LARGE');
    expect(e.reason).toBe('too large to read: word/document.xml inflates to 150.0 MiB of XML (limit 64.0 MiB)');
    // and a real one, against a lower limit
    const real = makeDocx(para('增长5%。').repeat(60_000));
    const e2 = await readError(readDocx(real, 'real.docx', { maxDocxXml: 1024 * 1024 }), 'TOO_LARGE');
    expect(e2.reason).toMatch(/^too large to read: word\/document\.xml inflates to [\d.]+ MiB of XML \(limit 1\.0 MiB\)$/);
  });

  it('more tags than allowed is TOO_LARGE before parsing (4 million by default)', async () => {
    const buf = makeDocx('<w:p>' + '<w:r/>'.repeat(4_000_001) + '</w:p>' + para('正文'));
    const e = await readError(readDocx(buf, 'tags.docx', { docxMemoryMb: 0 }), 'TOO_LARGE');
    expect(e.reason).toMatch(/^too large to read: word\/document\.xml has 4,000,0\d\d XML tags \(limit 4,000,000\)$/);
    const e2 = await readError(readDocx(emptyRunsDocx(20_000), 'runs.docx', { maxDocxElements: 10_000, docxMemoryMb: 0 }), 'TOO_LARGE');
    expect(e2.reason).toContain('(limit 10,000)');
  }, 30_000);

  it('nesting deeper than 512 elements is DOCX_CORRUPT, saying so', async () => {
    const deep = '<w:p><w:r>' + '<w:ins>'.repeat(600) + '<w:t>x</w:t>' + '</w:ins>'.repeat(600) + '</w:r></w:p>';
    const e = await readError(readDocx(makeDocx(deep), 'deep.docx', { docxMemoryMb: 0 }), 'DOCX_CORRUPT');
    expect(e.reason).toContain('nested more than 512 deep');
    // a real document's nesting is far from it
    const ok = '<w:p><w:r>' + '<w:ins>'.repeat(100) + '<w:t>x</w:t>' + '</w:ins>'.repeat(100) + '</w:r></w:p>';
    expect(await readDocx(makeDocx(ok), 'ok.docx', { docxMemoryMb: 0 })).toBe('x\n');
  });

  it('a DOCTYPE (entity definitions) and undefined entities are refused, not expanded', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${documentXml(para('&b;')).replace(/^<\?xml[^>]*\?>/, '')}`;
    const e = await readError(readDocx(makeDocx('', [], { data: lol }), 'lol.docx', { docxMemoryMb: 0 }), 'DOCX_CORRUPT');
    expect(e.reason).toContain('DOCTYPE');
    const e2 = await readError(readDocx(makeDocx(para('a&nbsp;b')), 'nbsp.docx', { docxMemoryMb: 0 }), 'DOCX_CORRUPT');
    expect(e2.reason).toContain('undefined entity &nbsp;');
  });
});

describe('running out of memory while parsing', () => {
  // 200,000 paragraphs: some 10 MB of XML, more than a 16 MiB heap can parse
  const bomb = (): Buffer => {
    const parts: string[] = [];
    for (let i = 0; i < 200_000; i++) parts.push(para(`第${i}段，增长${i % 97}.${i % 7}%`));
    return makeDocx(parts.join(''));
  };

  it('is TOO_LARGE for that file alone: files read at the same time, through the same worker, read', async () => {
    const big = bomb();
    const small = makeDocx(para('正文'));
    const opts = { docxMemoryMb: 16 };
    const rs = await Promise.allSettled([readDocx(small, 'a.docx', opts), readDocx(big, 'big.docx', opts), readDocx(small, 'c.docx', opts)]);
    expect(rs[0]).toEqual({ status: 'fulfilled', value: '正文\n' });
    expect(rs[2]).toEqual({ status: 'fulfilled', value: '正文\n' });
    expect(rs[1].status).toBe('rejected');
    const e = (rs[1] as PromiseRejectedResult).reason as ReadError;
    expect(e).toBeInstanceOf(ReadError);
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toBe('big.docx: too large to read: parsing it needed more than 16 MiB of memory (the docxMemoryMb limit)');
    // with the default limit the same file reads
    expect((await readDocx(big, 'big.docx')).split('\n').length).toBe(200_001);
  }, 60_000);

  it('in a batch, at jobs 1 and 2, is an error result for that file and the rest go on', async () => {
    const small = join(tmp, 'small.docx');
    const big = join(tmp, 'big.docx');
    writeFileSync(small, makeDocx(para('2025年政府工作报告') + para('地区生产总值增长5.2%。')));
    writeFileSync(big, bomb());
    const paths = [small, big, small, big, small];
    for (const jobs of [1, 2]) {
      const out = [];
      for await (const r of analyzeFiles(paths, { jobs, read: { docxMemoryMb: 16 }, analyze: { claims: false } })) out.push(r);
      expect(out.map((r) => r.error?.code ?? 'ok'), `jobs ${jobs}`).toEqual(['ok', 'TOO_LARGE', 'ok', 'TOO_LARGE', 'ok']);
      expect(out[1].error!.message).toBe(`${big}: too large to read: parsing it needed more than 16 MiB of memory (the docxMemoryMb limit)`);
    }
  }, 120_000);
});

describe('a worker entry from an older build', () => {
  it('(a batch worker, which greets with { ready }) makes the parse run in this thread, not hang', async () => {
    vi.resetModules();
    const real = await vi.importActual<typeof import('../src/batch/spawn.js')>('../src/batch/spawn.js');
    // what a stale dist/worker.js does: start as a batch worker whatever the role asked
    let started = 0;
    vi.doMock('../src/batch/spawn.js', () => ({ ...real, spawnPackageWorker: (_data: unknown, limits: never) => (started++, real.spawnWorker({}, limits)) }));
    try {
      const { readDocx: fresh } = await import('../src/read/docx.js');
      const docs = await Promise.all([fresh(makeDocx(para('甲')), 'a.docx'), fresh(makeDocx(para('乙')), 'b.docx')]);
      expect(docs).toEqual(['甲\n', '乙\n']);
      expect(await fresh(makeDocx(para('丙')), 'c.docx')).toBe('丙\n');
      expect(started).toBe(1); // one try, then this thread
    } finally {
      vi.doUnmock('../src/batch/spawn.js');
      vi.resetModules();
    }
  }, 60_000);
});

describe('parts that are not what they claim, and text a text file may not hold', () => {
  const noise = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) & 0xff));

  it('a part that is not XML says which part and what is wrong (not "reading \'tagName\'")', async () => {
    const e1 = await readError(readDocx(makeDocx('', [], { data: noise }), 'bin.docx', { docxMemoryMb: 0 }), 'DOCX_CORRUPT');
    expect(e1.reason).toMatch(/^not a valid \.docx \(word\/document\.xml is not UTF-8 text: byte 0x[0-9A-F]{2} at offset \d+; the part is damaged or is not XML\)$/);
    const e2 = await readError(readDocx(makeDocx('', [], { data: 'just words' }), 'words.docx', { docxMemoryMb: 0 }), 'DOCX_CORRUPT');
    expect(e2.reason).toBe('not a valid .docx (word/document.xml is not well-formed XML: no element at all: the part is not XML, at byte 0)');
    const e3 = await readError(readDocx(makeDocx(para('正文'), [{ name: 'word/styles.xml', data: noise }]), 'styles.docx', { docxMemoryMb: 0 }), 'DOCX_CORRUPT');
    expect(e3.reason).toContain('word/styles.xml is not UTF-8 text');
    const e4 = await readError(readDocx(makeDocx('', [], { data: documentXml('<w:p>').replace('</w:body></w:document>', '') }), 'cut.docx', { docxMemoryMb: 0 }), 'DOCX_CORRUPT');
    expect(e4.reason).toContain('the part ends with <w:p> still open');
    const e6 = await readError(readDocx(makeDocx('', [], { data: '<w:document><w:body/></w:document>' }), 'ns.docx', { docxMemoryMb: 0 }), 'DOCX_CORRUPT');
    expect(e6.reason).toContain('the prefix of <w:document> is not declared (no xmlns:w)');
    const e5 = await readError(readDocx(makeDocx('', [], { data: '<html><body/></html>' }), 'html.docx', { docxMemoryMb: 0 }), 'DOCX_CORRUPT');
    expect(e5.reason).toContain('the root element is <html>, not <w:document>');
  });

  it('U+0000 and unpaired surrogates are refused in .docx text as in .txt (BINARY, DECODE)', async () => {
    const nul = await readError(readDocx(makeDocx(para('增长&#0;5%')), 'nul.docx', { docxMemoryMb: 0 }), 'BINARY');
    expect(nul.reason).toBe('U+0000 (NUL) at character 2, which a text file may not hold either in the text of word/document.xml');
    await readError(() => decodeBytes(Buffer.from('增长\u00005%'), 'nul.txt'), 'BINARY');
    const sur = await readError(readDocx(makeDocx(para('增长&#xD800;5%')), 'sur.docx', { docxMemoryMb: 0 }), 'DECODE');
    expect(sur.reason).toContain('unpaired surrogate U+D800 at character 2');
    await readError(() => decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('增长\ud8005%', 'utf16le')]), 'sur.txt'), 'DECODE');
    // a pair written as two references is one character, and fine
    expect(await readDocx(makeDocx(para('&#xD83D;&#xDE00;')), 'pair.docx', { docxMemoryMb: 0 })).toBe('😀\n');
    // a stray control character is kept, as the text path keeps it
    expect(await readDocx(makeDocx(para('增长5%&#12;，')), 'ff.docx', { docxMemoryMb: 0 })).toBe('增长5%\f，\n');
  });

  it('a zip of more entries than a Word file has says so, not "ZIP64 (4 GiB)"', async () => {
    // 100,000 entries: the end record's 16-bit count is 0xFFFF, as zip tools write past 65,535
    const many = makeZip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: '_rels/.rels', data: RELS }]);
    many.writeUInt16LE(0xffff, many.length - 22 + 8);
    many.writeUInt16LE(0xffff, many.length - 22 + 10);
    const e = await readError(readDocx(many, 'many.docx'), 'ZIP_BOMB');
    expect(e.reason).toBe('refused: the zip declares 65,535 entries or more (a Word document has a few dozen)');
    expect(e.reason).not.toContain('4 GiB');
    const specs = [{ name: 'word/document.xml', data: documentXml(para('x')), store: true }];
    for (let i = 0; i < 30_000; i++) specs.push({ name: `word/media/${i}.xml`, data: '', store: true });
    const e2 = await readError(readDocx(makeZip(specs), 'entries.docx'), 'ZIP_BOMB');
    expect(e2.reason).toBe('refused: the zip has 30,001 entries (limit 20,000; a Word document has a few dozen)');
  });
});


describe('standard input that is also the output (#17)', () => {
  // `baogao indicators - -o f.csv < f.csv`: the CLI's output guards ask stdinIs (src/cli/inputs.ts)
  const inputs = fileURLToPath(new URL('../src/cli/inputs.ts', import.meta.url));
  const ask = (stdin: 'pipe' | number, path: string): string => {
    const code = `import(${JSON.stringify(inputs)}).then((m) => process.stdout.write(String(m.stdinIs(process.argv[1]))))`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code, path], { stdio: [stdin, 'pipe', 'pipe'], encoding: 'utf8', input: stdin === 'pipe' ? 'x' : undefined });
    return r.stdout;
  };

  it('is recognised when standard input is that file, and only then', () => {
    const f = join(tmp, 'f.csv');
    const other = join(tmp, 'other.csv');
    writeFileSync(f, '增长5%。\n');
    writeFileSync(other, '增长6%。\n');
    const fd = openSync(f, 'r');
    try {
      expect(ask(fd, f)).toBe('true');
      expect(ask(fd, other)).toBe('false');
      expect(ask(fd, join(tmp, 'missing.csv'))).toBe('false');
    } finally {
      closeSync(fd);
    }
    expect(ask('pipe', f)).toBe('false');
    expect(readFileSync(f, 'utf8')).toBe('增长5%。\n');
  }, 60_000);
});
