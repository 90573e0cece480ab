/**
 * The command line, end to end: the built CLI (node bin/baogao.cjs → dist/cli.cjs) run as a child
 * process on real files, and `main()` in-process for help, version and usage errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import { main } from '../src/cli/index.js';
import { defaultJobs } from '../src/cli/main.js';
import { zip } from '../src/render/zip.js';
import { readDocument } from '../src/read/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const SEED_ABS = join(CORPUS, '000_304eac767b8a3bea.txt');
const GBK_ABS = join(CORPUS, 'gbk');
const DOCX_ABS = join(CORPUS, 'docx');
/** paths as a user in the repository would type them */
const rel = (p: string) => relative(ROOT, p);
const SEED = rel(SEED_ABS);
const GBK = rel(GBK_ABS);
const READ_FIXTURES = 'fixtures/read';
const CLEAN = 'fixtures/cli/clean.txt';
const DOCX = ['2025年北京市政府工作报告.docx', '2025年广东省政府工作报告.docx', '2025年西藏政府工作报告.docx'].map((f) => rel(join(DOCX_ABS, f)));
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

// ------------------------------------------------------------------ build once, when stale

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.(ts|json|txt)$/.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Build dist/cli.cjs with the project's tsup config when it is older than the sources. Only the cli
 * entry is built and no .d.ts (a full `npx tsup` spends ~20 s on declarations the CLI does not use);
 * clean is off so the rest of dist/ stays as it was.
 */
async function buildCliIfStale(): Promise<void> {
  const out = join(ROOT, 'dist', 'cli.cjs');
  const sources = Math.max(newest(join(ROOT, 'src')), statSync(join(ROOT, 'tsup.config.ts')).mtimeMs, statSync(join(ROOT, 'package.json')).mtimeMs);
  if (existsSync(out) && statSync(out).mtimeMs >= sources) return;
  const { build } = await import('tsup');
  const config = (await import('../tsup.config.js')).default as Record<string, unknown>;
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    await build({ ...config, entry: { cli: 'src/cli/index.ts' }, dts: false, clean: false, silent: true });
  } finally {
    process.chdir(cwd);
  }
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], opts: { input?: string | Buffer; cwd?: string } = {}): Promise<Run> {
  return cliRaw(args, opts).then((r) => ({ code: r.code, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') }));
}

/** run the built CLI; child processes run concurrently (most of their time is start-up and jieba's dictionary) */
function cliRaw(args: string[], opts: { input?: string | Buffer; cwd?: string } = {}): Promise<{ code: number; stdout: Buffer; stderr: Buffer }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'baogao.cjs'), ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
    });
    child.stdin.on('error', () => {}); // the CLI may exit before reading its input
    child.stdin.end(opts.input ?? '');
  });
}

const lines = (s: string) => s.split('\n').filter((l) => l !== '');

/** RFC 4180 parser */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

function unzip(buf: Buffer): Map<string, string> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, string>();
  for (let k = 0; k < count; k++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nlen = buf.readUInt16LE(p + 28);
    const lho = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nlen);
    const start = lho + 30 + buf.readUInt16LE(lho + 26) + buf.readUInt16LE(lho + 28);
    const raw = buf.subarray(start, start + csize);
    out.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    p += 46 + nlen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

let tmp: string;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'baogao-cli-'));
  await buildCliIfStale();
}, 120_000);
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

// ------------------------------------------------------------------ check

describe.concurrent('baogao check', { timeout: 60_000 }, () => {
  it('finds the leftover placeholders of the seed draft: exit 1, stylish output with carets', async ({ expect }) => {
    const r = await cli(['check', SEED]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    expect(out[0]).toBe(SEED);
    expect(r.stdout).toMatch(/^ {2}\d+:\d+ +error +Placeholder “\*\*” left in the text: fill in a number +placeholder$/m);
    expect(out[out.length - 1]).toMatch(/^✖ \d+ problems \(\d+ errors, \d+ warnings?\)( and \d+ info)?$/);
    await expect(r.stdout).toMatchFileSnapshot('../fixtures/cli/seed.stylish.txt');
  });

  it('JSON output: offsets are UTF-16 offsets of the decoded text, line/column 1-based', async ({ expect }) => {
    const r = await cli(['check', SEED, '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.format).toBe('baogao-check');
    expect(j.tool.version).toBe(PKG.version);
    expect(j.files).toHaveLength(1);
    const { text } = await readDocument(SEED_ABS);
    const starts = [0, ...[...text.matchAll(/\r\n|\r|\n/g)].map((m) => m.index! + m[0].length)];
    const findings = j.files[0].findings;
    expect(findings.length).toBeGreaterThan(50);
    let prev = -1;
    for (const f of findings) {
      expect(text.slice(f.place.start.offset, f.place.end.offset)).toBe(f.actual);
      expect(starts[f.place.start.line - 1] + f.place.start.column - 1).toBe(f.place.start.offset);
      expect(f.place.start.offset).toBeGreaterThanOrEqual(prev);
      prev = f.place.start.offset;
      expect(f.source).toBe('baogao');
      expect(f.url).toBe(new URL(`../docs/rules.md#rule-${f.ruleId}`, import.meta.url).href);
    }
    const ph = findings.filter((f: any) => f.ruleId === 'placeholder');
    expect(ph.some((f: any) => f.severity === 'error')).toBe(true);
    expect(j.summary.errors).toBe(j.files[0].errorCount);
    expect(j.summary.errors).toBeGreaterThan(0);
  });

  it('SARIF output has the 2.1.0 shape, with relative forward-slash URIs', async ({ expect }) => {
    const r = await cli(['check', SEED, '-f', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'baogao', version: PKG.version, informationUri: new URL('../docs/rules.md', import.meta.url).href });
    const ids = run.tool.driver.rules.map((x: any) => x.id);
    expect(ids).toContain('placeholder');
    for (const rule of run.tool.driver.rules) expect(typeof rule.shortDescription.text).toBe('string');
    expect(run.results.length).toBeGreaterThan(50);
    for (const res of run.results) {
      expect(ids).toContain(res.ruleId);
      expect(['error', 'warning', 'note']).toContain(res.level);
      expect(typeof res.message.text).toBe('string');
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).toBe('../shared/corpus/000_304eac767b8a3bea.txt');
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region.charLength).toBeGreaterThanOrEqual(0);
    }
  });

  it('--quiet keeps errors only', async ({ expect }) => {
    const j = JSON.parse((await cli(['check', SEED, '--quiet', '--format', 'json'])).stdout);
    expect(j.summary.errors).toBeGreaterThan(0);
    expect(j.summary.warnings + j.summary.info).toBe(0);
  });

  it('a clean report: exit 0, "no problems"', async ({ expect }) => {
    const r = await cli(['check', CLEAN]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('no problems');
    expect(r.stderr).toBe('');
  });

  it('reads standard input with -', async ({ expect }) => {
    const r = await cli(['check', '-', '--format', 'json'], { input: '全市累计接种疫苗***万剂次。\n' });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.files[0].file).toBe('<stdin>');
    expect(j.files[0].findings[0]).toMatchObject({ ruleId: 'placeholder', actual: '***', place: { start: { line: 1, column: 9, offset: 8 } } });
  });

  it('reads .docx reports (a batch of three)', async ({ expect }) => {
    const r = await cli(['check', ...DOCX, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    const j = JSON.parse(r.stdout);
    expect(j.files.map((f: any) => f.file)).toEqual(DOCX);
    expect(j.summary.unreadable).toBe(0);
  });

  it('--against: sentences reused from past reports, and a "reuses N%" line per draft', async ({ expect }) => {
    // a draft made of a few paragraphs of the 2017 report and a new sentence
    const { text } = await readDocument(join(GBK_ABS, 'hailar-district-2017.gbk.txt'));
    const draftDir = join(tmp, 'drafts');
    mkdirSync(draftDir, { recursive: true });
    const draft = join(draftDir, 'draft-2018.txt');
    const paras = text.split(/\r\n/).filter((l) => l.trim().length > 30);
    writeFileSync(draft, [...paras.slice(2, 6), '今年我们将继续推进各项工作，确保完成全年目标任务。'].join('\n') + '\n');
    const r = await cli(['check', draft, '--against', GBK]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/warning +Sentence reused from \.\.\/shared\/corpus\/gbk\/hailar-district-2017\.gbk\.txt:\d+:\d+/);
    expect(r.stdout).toMatch(/ {2}reuses \d+% of its sentences from \.\.\/shared\/corpus\/gbk\/hailar-district-2017\.gbk\.txt \(\d+ sentences in common\)/);
    const j = JSON.parse((await cli(['check', draft, '--against', GBK, '-f', 'json'])).stdout);
    const reused = j.files[0].findings.filter((f: any) => f.ruleId === 'reused-sentence');
    expect(reused.length).toBeGreaterThan(3);
    expect(reused[0].related[0].file).toMatch(/hailar-district-2017\.gbk\.txt$/);
    expect(j.files[0].reuse[0].against).toMatch(/hailar-district-2017\.gbk\.txt$/);
    expect(j.files[0].reuse[0].share).toBeGreaterThan(0.5);
  });
});

// ------------------------------------------------------------------ bad inputs

describe.concurrent('unreadable inputs: exit 2 and one line on stderr naming the file', { timeout: 60_000 }, () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an empty file', `${READ_FIXTURES}/empty.txt`, /empty/],
    ['binary data in a .txt', `${READ_FIXTURES}/binary.txt`, /binary/],
    ['a missing path', 'no/such/file.txt', /no such file or directory/],
    ['a directory without reports', `${READ_FIXTURES}/no-reports`, /no \.txt, \.md, \.docx, \.html or \.htm files/],
    ['a truncated .docx', `${READ_FIXTURES}/truncated.docx`, /not a valid \.docx/],
    ['a .docx that is not a zip', `${READ_FIXTURES}/not-a-zip.docx`, /not a valid \.docx \(not a zip file/],
    ['an old Word .doc renamed .docx', `${READ_FIXTURES}/ole.docx`, /OLE compound file/],
  ];
  for (const [what, path, why] of cases) {
    it(what, async ({ expect }) => {
      const r = await cli(['check', path]);
      expect(r.code).toBe(2);
      const err = lines(r.stderr);
      expect(err).toHaveLength(1);
      expect(err[0].startsWith(`baogao: ${path}: `)).toBe(true);
      expect(err[0]).toMatch(why);
      expect(r.stdout).toBe(`✖ 1 input could not be read: ${path}\n`);
    });
  }

  it('analyze and indicators too', async ({ expect }) => {
    const a = await cli(['analyze', `${READ_FIXTURES}/empty.txt`]);
    expect(a.code).toBe(2);
    expect(a.stdout).toBe('');
    expect(lines(a.stderr)).toEqual([`baogao: ${READ_FIXTURES}/empty.txt: empty file (0 bytes)`]);
    const i = await cli(['indicators', 'missing.docx']);
    expect(i.code).toBe(2);
    expect(lines(i.stderr)).toHaveLength(1);
    expect(i.stdout).toBe(''); // nothing read: not even the CSV header
  });

  it('in a batch, one bad file is reported and the others are still checked', async ({ expect }) => {
    const r = await cli(['check', SEED, `${READ_FIXTURES}/empty.txt`, CLEAN, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`baogao: ${READ_FIXTURES}/empty.txt: empty file (0 bytes)`]);
    const j = JSON.parse(r.stdout);
    expect(j.files.map((f: any) => f.file)).toEqual([SEED, CLEAN]);
    expect(j.files[0].errorCount).toBeGreaterThan(0);
    expect(j.unreadable).toEqual([{ file: `${READ_FIXTURES}/empty.txt`, code: 'EMPTY', message: `${READ_FIXTURES}/empty.txt: empty file (0 bytes)` }]);
    const s = await cli(['check', SEED, `${READ_FIXTURES}/binary.txt`]);
    expect(s.code).toBe(2);
    expect(s.stdout).toContain('placeholder');
    expect(lines(s.stderr)).toHaveLength(1);
  });

  it('--jobs 2 checks drafts and past reports on two threads with the same output, bad file and all, as --jobs 1', async ({ expect }) => {
    const args = ['check', SEED, `${READ_FIXTURES}/empty.txt`, GBK, '--against', GBK, '--format', 'json'];
    const one = await cliRaw([...args, '--jobs', '1']);
    const two = await cliRaw([...args, '--jobs', '2']);
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    expect(two.stdout.equals(one.stdout)).toBe(true);
    expect(two.stderr.toString()).toBe(one.stderr.toString());
    expect(lines(two.stderr.toString())).toEqual([`baogao: ${READ_FIXTURES}/empty.txt: empty file (0 bytes)`]);
    expect((await cliRaw(['check', SEED, '--jobs', '0'])).code).toBe(2);
  });
});

// ------------------------------------------------------------------ indicators

describe('--jobs by default', () => {
  it('is 1 for a small batch (a worker costs more than it saves there) and the number of cores from 16 MB', () => {
    const corpus = readdirSync(join(CORPUS, 'zh')).map((f) => ({ display: f, abs: join(CORPUS, 'zh', f) }));
    expect(defaultJobs(corpus, corpus.length)).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'baogao-jobs-'));
    const big = join(dir, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 16 * 1024 * 1024); // sparse: only its size counts here
    const files = [...corpus, { display: 'big.txt', abs: big }, { display: '-', abs: null }, { display: 'gone', abs: join(dir, 'gone.txt') }];
    expect(defaultJobs(files, files.length)).toBe(Math.min(availableParallelism(), files.length));
    expect(defaultJobs(files, 1)).toBe(1);
    rmSync(dir, { recursive: true });
  });
});

describe.concurrent('baogao indicators', { timeout: 60_000 }, () => {
  it('--jobs 2 (worker threads) gives the same table as --jobs 1, and a bad file in the batch is reported', async ({ expect }) => {
    const bad = join(mkdtempSync(join(tmpdir(), 'baogao-jobs-')), 'binary.txt');
    writeFileSync(bad, Buffer.from([0, 1, 2, 3]));
    const one = await cliRaw(['indicators', GBK, '--jobs', '1']);
    const two = await cliRaw(['indicators', bad, GBK, '--jobs', '2']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(2);
    expect(two.stdout.equals(one.stdout)).toBe(true);
    expect(two.stderr.toString()).toMatch(/binary\.txt: binary data/);
    const usage = await cliRaw(['indicators', GBK, '--jobs', 'zero']);
    expect(usage.code).toBe(2);
  });

  it('the GBK district series 2012–2018 as CSV on stdout (no BOM on a pipe, CRLF, one row per claim, years from the texts)', async ({ expect }) => {
    const run = await cliRaw(['indicators', GBK]);
    expect(run.code).toBe(0);
    const bytes = run.stdout;
    // a script reading the pipe sees "file" as the first column's name, not "\ufefffile"
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('file,');
    const csv = bytes.toString('utf8');
    const rows = parseCsv(csv);
    const header = rows[0];
    expect(header.slice(0, 4)).toEqual(['file', 'line', 'year', 'section']);
    expect(header).toContain('canonical_metric');
    expect(header[header.length - 1]).toBe('sentence');
    const body = rows.slice(1);
    expect(body.length).toBeGreaterThan(300);
    for (const r of body) expect(r).toHaveLength(header.length);
    const col = (name: string) => header.indexOf(name);
    const years = new Set(body.map((r) => r[col('year')]));
    expect([...years].sort()).toEqual(['2012', '2013', '2014', '2015', '2016', '2017', '2018']);
    for (const r of body) expect(r[col('file')]).toMatch(new RegExp(`^\\.\\./shared/corpus/gbk/hailar-district-${r[col('year')]}\\.gbk\\.txt$`));
    const gdp2012 = body.find((r) => r[col('year')] === '2012' && r[col('canonical_metric')] === 'gdp');
    expect(gdp2012).toBeDefined();
    expect(Number(gdp2012![col('value')])).toBeGreaterThan(0);
    expect(gdp2012![col('sentence')]).toContain('地区生产总值');
  });

  it('-o table.xlsx: the rows and a pivot of canonical metrics by year', async ({ expect }) => {
    const out = join(tmp, 'gbk.xlsx');
    const r = await cli(['indicators', GBK, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const parts = unzip(readFileSync(out));
    expect([...parts.keys()]).toContain('xl/worksheets/sheet2.xml');
    expect(parts.get('xl/workbook.xml')).toContain('<sheet name="pivot" sheetId="2" r:id="rId2"/>');
    const pivot = parts.get('xl/worksheets/sheet2.xml')!;
    for (const y of [2012, 2013, 2014, 2015, 2016, 2017, 2018]) expect(pivot).toContain(`<v>${y}</v>`);
    expect(pivot).toMatch(/<t>hailar-district-2012\.gbk\.txt<\/t>.*<t>hailar-district-2018\.gbk\.txt<\/t>/);
    expect(pivot).toMatch(/<row r="3"><c r="A3" t="inlineStr"><is><t>gdp<\/t><\/is><\/c><c r="B3" s="\d+"><v>[\d.]+<\/v><\/c>/);
    const sheet1 = parts.get('xl/worksheets/sheet1.xml')!;
    expect(sheet1).toContain('<t>canonical_metric</t>');
  });

  it('-o table.json and .docx inputs: year 2025 from the titles', async ({ expect }) => {
    const out = join(tmp, 'rows.json');
    const r = await cli(['indicators', DOCX[0], DOCX[1], '-o', out]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(readFileSync(out, 'utf8'));
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((x: any) => x.year))).toEqual(new Set([2025]));
    expect(new Set(rows.map((x: any) => x.file))).toEqual(new Set([DOCX[0], DOCX[1]]));
    expect(typeof rows.find((x: any) => x.value !== null).value).toBe('number');
  });

  it('never writes over an input file', async ({ expect }) => {
    const input = join(tmp, 'report.txt');
    copyFileSync(join(ROOT, CLEAN), input);
    const before = readFileSync(input);
    for (const o of [input, join(tmp, '.', 'report.txt')]) {
      const r = await cli(['indicators', input, '-o', o]);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toEqual([`baogao: refusing to write ${o}: it is one of the input files`]);
    }
    // a file found inside an input directory counts too
    const csvInput = join(tmp, 'dir', 'table.md');
    mkdirSync(join(tmp, 'dir'), { recursive: true });
    copyFileSync(join(ROOT, CLEAN), csvInput);
    const r2 = await cli(['indicators', join(tmp, 'dir'), '-o', join(tmp, 'dir', 'table.md')]);
    expect(r2.code).toBe(2);
    expect(readFileSync(input).equals(before)).toBe(true);
    const r3 = await cli(['indicators', input, '-o', join(tmp, 'table.pdf')]);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/\.csv, \.xlsx or \.json/);
  });
});

// ------------------------------------------------------------------ analyze

describe.concurrent('baogao analyze', { timeout: 60_000 }, () => {
  it('prints the Report as JSON', async ({ expect }) => {
    const r = await cli(['analyze', CLEAN]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.schemaVersion).toBe('1.0.0');
    expect(report.title.text).toBe('2024年清河县政府工作报告');
    expect(r.stdout.startsWith('{\n  "schemaVersion"')).toBe(true);
  });

  it('--format text: an outline with line numbers', async ({ expect }) => {
    const r = await cli(['analyze', rel(join(GBK_ABS, 'hailar-district-2016.gbk.txt')), '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('title         政 府 工 作 报 告 (line 1)');
    expect(r.stdout).toMatch(/^ +11 {4}一、“十二五”时期和2015年工作回顾$/m);
    expect(r.stdout).toMatch(/^ +41 {6}（一）经济发展取得新成就$/m);
    expect(r.stdout).toMatch(/^placeholders {2}0$/m);
    expect(r.stdout).toMatch(/^claims {8}\d+$/m);
    expect(r.stdout).toMatch(/^duplicates {4}\d+/m);
  });
});

// ------------------------------------------------------------------ main() in-process

function memoryIo(opts: { tty?: boolean; stdin?: string; cwd?: string } = {}) {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (s: string | Uint8Array) => ((out += typeof s === 'string' ? s : Buffer.from(s).toString()), true) },
      stderr: { write: (s: string | Uint8Array) => ((err += String(s)), true), isTTY: opts.tty ?? false },
      stdin: opts.stdin === undefined ? undefined : Readable.from([Buffer.from(opts.stdin)]),
      cwd: opts.cwd ?? ROOT,
    },
    out: () => out,
    err: () => err,
  };
}

describe('main() in-process', () => {
  it('compare: a Chinese report against its translation, with file:line:column', async () => {
    const m = memoryIo();
    const code = await main(['compare', 'fixtures/en/gr2019-review.zh.txt', 'fixtures/en/gr2019-review.en.txt'], m.io);
    expect(m.out()).toMatch(/\d+ matched, \d+ disagree, \d+ only in Chinese, \d+ only in English\n$/);
    expect(code).toBe(m.out().includes('0 disagree, 0 only in Chinese, 0 only in English') ? 0 : 1);
    const j = memoryIo();
    await main(['compare', 'fixtures/en/gr2019-review.zh.txt', 'fixtures/en/gr2019-review.en.txt', '--format', 'json'], j.io);
    const r = JSON.parse(j.out());
    expect(r.matched.length).toBeGreaterThan(5);
    const bad = memoryIo();
    expect(await main(['compare', 'fixtures/en/gr2019-review.zh.txt'], bad.io)).toBe(2);
  });

  it('--help and <command> --help print usage with examples, exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const m = memoryIo();
      expect(await main(argv, m.io)).toBe(0);
      expect(m.out()).toContain('Usage:');
      expect(m.out()).toContain('baogao check');
    }
    for (const cmd of ['analyze', 'check', 'indicators', 'compare']) {
      const m = memoryIo();
      expect(await main([cmd, '--help'], m.io)).toBe(0);
      expect(m.out()).toMatch(new RegExp(`^Usage: baogao ${cmd} `));
      expect(m.out()).toContain('Examples:');
      const h = memoryIo();
      expect(await main(['help', cmd], h.io)).toBe(0);
      expect(h.out()).toBe(m.out());
    }
  });

  it('--version prints the package version', async () => {
    const m = memoryIo();
    expect(await main(['--version'], m.io)).toBe(0);
    expect(m.out()).toBe(`${PKG.version}\n`);
    expect((await cli(['--version'])).stdout).toBe(`${PKG.version}\n`);
  });

  it('bad usage: exit 2 with one clear line', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /missing command/],
      [['frobnicate'], /unknown command 'frobnicate'/],
      [['--frob'], /unknown option '--frob'/],
      [['check', '--frob', 'x.txt'], /^baogao: check: unknown option '--frob'\. See 'baogao check --help'\.\n$/],
      [['check'], /no input files/],
      [['check', 'x.txt', '--format', 'xml'], /invalid --format 'xml': expected stylish, json, sarif/],
      [['check', 'x.txt', '--format'], /option --format needs a value/],
      [['analyze'], /exactly one FILE/],
      [['analyze', 'a.txt', 'b.txt'], /exactly one FILE/],
      [['analyze', 'a.txt', '-f', 'yaml'], /expected json, text/],
      [['indicators'], /no input files/],
      [['indicators', 'x.txt', '-o', 'out.pdf'], /\.csv, \.xlsx or \.json/],
      [['help', 'nope'], /unknown command 'nope'/],
    ];
    for (const [argv, re] of cases) {
      const m = memoryIo();
      expect(await main(argv, m.io), argv.join(' ')).toBe(2);
      expect(m.out()).toBe('');
      expect(lines(m.err()), argv.join(' ')).toHaveLength(1);
      expect(m.err()).toMatch(re);
    }
  });

  it('reads io.stdin for - and resolves paths against io.cwd', async () => {
    const m = memoryIo({ stdin: '本年度完成**项工作。\n' });
    expect(await main(['check', '-', '-f', 'json'], m.io)).toBe(1);
    const j = JSON.parse(m.out());
    expect(j.files[0].file).toBe('<stdin>');
    expect(j.files[0].findings[0].actual).toBe('**');

    const c = memoryIo({ cwd: join(ROOT, 'fixtures') });
    expect(await main(['check', 'cli/clean.txt'], c.io)).toBe(0);
    expect(c.out()).toBe('no problems\n');
  });

  it('shows a progress line for batches only when stderr is a terminal', async () => {
    const tty = memoryIo({ tty: true });
    expect(await main(['check', CLEAN, `${READ_FIXTURES}/utf8.txt`, '-f', 'json'], tty.io)).toBe(0);
    expect(tty.err()).toContain('\r\x1b[K[1/2] fixtures/cli/clean.txt');
    expect(tty.err()).toContain('[2/2] fixtures/read/utf8.txt');
    expect(tty.err().endsWith('\r\x1b[K')).toBe(true);
    const pipe = memoryIo({ tty: false });
    expect(await main(['check', CLEAN, `${READ_FIXTURES}/utf8.txt`, '-f', 'json'], pipe.io)).toBe(0);
    expect(pipe.err()).toBe('');
    const single = memoryIo({ tty: true });
    await main(['check', CLEAN], single.io);
    expect(single.err()).toBe('');
  });
});

// ------------------------------------------------------------------ no network, no stray files

describe('the library and CLI touch nothing they were not given', () => {
  const sandboxed = (args: string[]): { code: number; log: { read: string[]; write: string[]; net: string[] }; stdout: string } => {
    const r = spawnSync(process.execPath, ['-r', join(ROOT, 'tests', 'helpers', 'sandbox.cjs'), join(ROOT, 'bin', 'baogao.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    const line = r.stderr.split('\n').find((l) => l.startsWith('SANDBOX '))!;
    return { code: r.status ?? -1, log: JSON.parse(line.slice(8)), stdout: r.stdout };
  };
  // the package's own files: its code (module loading reads it), data and package.json
  const own = (p: string) => {
    const path = p.startsWith('file://') ? fileURLToPath(p) : p;
    return ['dictionaries', 'dist', 'bin', 'node_modules'].some((d) => path.startsWith(join(ROOT, d))) || path === join(ROOT, 'package.json');
  };

  it('analyze reads only its input and the package data, and makes no network call', () => {
    const input = SEED_ABS;
    const { code, log } = sandboxed(['analyze', input, '--format', 'json']);
    expect(code).toBe(0);
    expect(log.net).toEqual([]);
    expect(log.write).toEqual([]);
    expect(log.read.filter((p) => !own(p) && !p.startsWith('fd:'))).toEqual([input]);
  });

  it('indicators writes only the output file it was asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baogao-sandbox-'));
    const out = join(dir, 'table.csv');
    const docx = join(DOCX_ABS, '2025年北京市政府工作报告.docx');
    const { code, log } = sandboxed(['indicators', docx, '-o', out]);
    expect(code).toBe(0);
    expect(log.net).toEqual([]);
    expect(log.write).toEqual([out]);
    expect(log.read.filter((p) => !own(p) && !p.startsWith('fd:'))).toEqual([docx]);
  });

  it('a .docx with external links and linked images: nothing is fetched, nothing else is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baogao-links-'));
    const secret = join(dir, 'secret.png');
    writeFileSync(secret, 'not to be read');
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const docx = join(dir, 'links.docx');
    writeFileSync(
      docx,
      zip([
        {
          name: '[Content_Types].xml',
          data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        },
        { name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>` },
        {
          name: 'word/_rels/document.xml.rels',
          data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdImg" Type="${R}/image" Target="file://${secret}" TargetMode="External"/><Relationship Id="rIdWeb" Type="${R}/image" Target="http://127.0.0.1:9/x.png" TargetMode="External"/><Relationship Id="rIdLink" Type="${R}/hyperlink" Target="http://127.0.0.1:9/" TargetMode="External"/></Relationships>`,
        },
        {
          name: 'word/document.xml',
          data: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body><w:p><w:r><w:t>全市地区生产总值增长5.2%。</w:t></w:r></w:p><w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p><w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:link="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:link="rIdWeb"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p></w:body></w:document>`,
        },
      ]),
    );
    const { code, log, stdout } = sandboxed(['analyze', docx, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).claims[0].growth.quantity.number).toBe(5.2);
    expect(log.net).toEqual([]);
    expect(log.read.filter((p) => !own(p) && !p.startsWith('fd:'))).toEqual([docx]);
  });
});

describe('what the CLI loads', () => {
  // the modules each command requires, recorded by a hook on the CommonJS loader
  const loaded = (args: string[]): string[] => {
    const script = `
      const M = require('module');
      const seen = new Set();
      const load = M._load;
      M._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
      const fs = require('node:fs');
      const read = fs.readFileSync;
      fs.readFileSync = function (path, ...rest) { if (/jieba\\.dict\\.utf8$/.test(String(path))) seen.add('jieba.dict.utf8'); return read.call(this, path, ...rest); };
      process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify([...seen]) + '\\n'));
      process.argv = [process.argv[0], 'baogao', ...JSON.parse(process.argv[1])];
      require(${JSON.stringify(join(ROOT, 'bin', 'baogao.cjs'))});`;
    const r = spawnSync(process.execPath, ['-e', script, JSON.stringify(args)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
    expect(line).toBeDefined();
    return JSON.parse(line!.slice('LOADED '.length));
  };

  it("check needs no words: neither jieba's dictionary nor zod (the schema is for the library and its tests)", () => {
    const mods = loaded(['check', SEED_ABS, '--quiet']);
    expect(mods).toContain('../dist/cli.cjs');
    expect(mods).not.toContain('jieba.dict.utf8');
    expect(mods).not.toContain('nodejieba');
    expect(mods).not.toContain('zod');
  });

  it("indicators --jobs 2 reads jieba's dictionary once, in the main thread, and the worker uses that copy", () => {
    // a preload runs in every thread (workers too): it says which thread reads the dictionary
    const dir = mkdtempSync(join(tmpdir(), 'baogao-probe-'));
    const probe = join(dir, 'probe.cjs');
    writeFileSync(
      probe,
      `const fs = require('node:fs'); const { threadId } = require('node:worker_threads'); const r = fs.readFileSync;
       fs.readFileSync = function (p, ...rest) { if (/jieba\\.dict\\.utf8$/.test(String(p))) process.stderr.write('[jieba-read ' + threadId + ']\\n'); return r.call(this, p, ...rest); };`,
    );
    const r = spawnSync(process.execPath, ['--require', probe, join(ROOT, 'bin', 'baogao.cjs'), 'indicators', GBK_ABS, SEED_ABS, '--jobs', '2', '-o', join(dir, 't.json')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr.match(/\[jieba-read \d+\]/g)).toEqual(['[jieba-read 0]']);
    rmSync(dir, { recursive: true, force: true });
  });

  it("analyze reads jieba's dictionary for its claims, never loads the native nodejieba binding, and still not zod", () => {
    const mods = loaded(['analyze', SEED_ABS, '--format', 'json']);
    expect(mods).toContain('jieba.dict.utf8');
    expect(mods).not.toContain('nodejieba');
    expect(mods).not.toContain('zod');
  });
});

// ------------------------------------------------------------------ edges (#17, #18)

const ZH2019 = rel(join(CORPUS, 'zh', 'national-2019-gov-work-report.zh.txt'));
const EN2019 = rel(join(CORPUS, 'en', 'national-2019-gov-work-report.en.txt'));
const EN2020 = rel(join(CORPUS, 'en', 'national-2020-gov-work-report.en.txt'));

describe('the command line at its edges', () => {
  it('the usage messages name every command, and the top-level help names --jobs', async () => {
    for (const argv of [[], ['frobnicate'], ['help', 'nope']]) {
      const m = memoryIo();
      expect(await main(argv, m.io)).toBe(2);
      for (const cmd of ['analyze', 'check', 'indicators', 'compare']) expect(m.err(), argv.join(' ')).toContain(cmd);
    }
    const h = memoryIo();
    await main(['--help'], h.io);
    expect(h.out()).toMatch(/-j, --jobs N/);
  });

  it('compare with the English file first: swapped, with a note, the same comparison', async () => {
    const right = memoryIo();
    const a = await main(['compare', 'fixtures/en/gr2019-review.zh.txt', 'fixtures/en/gr2019-review.en.txt'], right.io);
    const swapped = memoryIo();
    const b = await main(['compare', 'fixtures/en/gr2019-review.en.txt', 'fixtures/en/gr2019-review.zh.txt'], swapped.io);
    expect(b).toBe(a);
    expect(swapped.out()).toBe(right.out());
    expect(right.err()).toBe('');
    expect(lines(swapped.err())).toEqual([
      'baogao: compare: fixtures/en/gr2019-review.en.txt is English and fixtures/en/gr2019-review.zh.txt Chinese: comparing them the other way round.',
    ]);
  });

  it('compare refuses two files of one language', async () => {
    const m = memoryIo();
    expect(await main(['compare', 'fixtures/en/gr2019-review.zh.txt', CLEAN], m.io)).toBe(2);
    expect(m.out()).toBe('');
    expect(lines(m.err())).toEqual([`baogao: compare: fixtures/en/gr2019-review.zh.txt and ${CLEAN} are both Chinese: give a Chinese report and its English translation.`]);
  });

  it('compare warns when the reports are of different years and share few claims; not for a report and its translation', async () => {
    const wrong = memoryIo();
    expect(await main(['compare', ZH2019, EN2020], wrong.io)).toBe(1);
    const w = lines(wrong.err());
    expect(w).toHaveLength(2);
    expect(w[0]).toBe(`baogao: compare: ${ZH2019} is a 2019 report and ${EN2020} a 2020 one: is this its translation?`);
    expect(w[1]).toMatch(/^baogao: compare: the two texts share few claims: \d+ of \d+ matched\./);
    const ok = memoryIo();
    expect(await main(['compare', ZH2019, EN2019], ok.io)).toBe(1);
    expect(ok.err()).toBe('');
  });

  it('compare prints no terminal escape from a file name or a claim', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baogao-esc-'));
    const zhName = join(dir, 'zh\x1b[2J\x1b]0;owned\x07.txt');
    // a claim of the Chinese version only, with an escape sequence inside its metric
    writeFileSync(zhName, readFileSync(join(ROOT, 'fixtures/en/gr2019-review.zh.txt'), 'utf8') + '\n城乡居民\x1b[31m人均收入增长9.9%。\n');
    const m = memoryIo();
    expect(await main(['compare', zhName, 'fixtures/en/gr2019-review.en.txt'], m.io)).toBe(1);
    expect(m.out()).toMatch(/only in Chinese .*人均收入增长9\.9%/);
    expect(m.out()).not.toMatch(/[\x1b\x07]/);
    // and the error lines: an unreadable file whose name holds an escape
    const e = memoryIo();
    expect(await main(['check', join(dir, 'missing\x1b[31m.txt')], e.io)).toBe(2);
    expect(e.err()).toContain('missing [31m.txt');
    expect(e.err()).not.toMatch(/\x1b/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('indicators writes nothing when nothing was read: no header on stdout, no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baogao-none-'));
    for (const ext of ['xlsx', 'csv', 'json']) {
      const out = join(dir, `x.${ext}`);
      const m = memoryIo();
      expect(await main(['indicators', `${READ_FIXTURES}/empty.txt`, '-o', out], m.io)).toBe(2);
      expect(existsSync(out), ext).toBe(false);
      expect(lines(m.err())).toHaveLength(1);
    }
    const s = memoryIo();
    expect(await main(['indicators', 'missing.docx', `${READ_FIXTURES}/empty.txt`], s.io)).toBe(2);
    expect(s.out()).toBe('');
    rmSync(dir, { recursive: true, force: true });
  });

  it('CSV has a BOM in a file (for Excel), never on standard output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baogao-bom-'));
    const out = join(dir, 't.csv');
    expect(await main(['indicators', CLEAN, '-o', out], memoryIo().io)).toBe(0);
    const file = readFileSync(out, 'utf8');
    expect(file.charCodeAt(0)).toBe(0xfeff);
    const m = memoryIo();
    expect(await main(['indicators', CLEAN], m.io)).toBe(0);
    expect(m.out().startsWith('file,line,')).toBe(true);
    expect('\ufeff' + m.out()).toBe(file);
    rmSync(dir, { recursive: true, force: true });
  });

  it('output goes out in parts of about 1 MiB, never as one string, and is the same text', async () => {
    const writes: string[] = [];
    const io = { stdout: { write: (s: string | Uint8Array) => (writes.push(String(s)), true) }, stderr: { write: () => true }, cwd: ROOT };
    // a masked draft whose JSON report is several MiB
    const text = '本年度完成**项工作，增长*.*%。\n'.repeat(6000);
    const dir = mkdtempSync(join(tmpdir(), 'baogao-chunks-'));
    writeFileSync(join(dir, 'd.txt'), text);
    expect(await main(['analyze', join(dir, 'd.txt')], io)).toBe(0);
    expect(writes.length).toBeGreaterThan(2);
    for (const w of writes) expect(w.length).toBeLessThan((1 << 20) + 100_000);
    const { analyze } = await import('../src/index.js');
    expect(writes.join('')).toBe(JSON.stringify(analyze(text), null, 2) + '\n');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe.concurrent('a failed write to standard output', { timeout: 60_000 }, () => {
  it('a full disk (/dev/full): exit 2 and one line, no stack trace', async ({ expect }) => {
    for (const args of [['analyze', CLEAN], ['check', SEED, '-f', 'sarif'], ['indicators', CLEAN]]) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'baogao.cjs'), ...args], { cwd: ROOT, stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'], encoding: 'utf8' });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toBe('baogao: cannot write standard output: no space left on device\n');
    }
  });

  it('a closed pipe (| head): silent, exit 0', async ({ expect }) => {
    // bash's pipefail gives the status of the CLI, not of head
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" bin/baogao.cjs analyze ${SEED} | head -c 100 > /dev/null`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const child = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const c = spawn(process.execPath, [join(ROOT, 'bin', 'baogao.cjs'), 'analyze', SEED], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      c.stderr.on('data', (b: Buffer) => (err += b));
      c.stdout.once('data', () => c.stdout.destroy());
      c.on('close', (code) => resolve({ code, err }));
    });
    expect(child.err).toBe('');
    expect(child.code).toBe(0);
  });
});
