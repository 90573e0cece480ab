/**
 * Batches over worker threads give the same results as the single-threaded run: same JSON, same
 * order, unreadable files reported in place and the batch going on. Under vitest the workers run
 * src/batch/worker.ts through tsx (see pool.ts), so no build is needed and dist/ is left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { spawnSync } from 'node:child_process';
import { WORKERS_FROM_BYTES, analyzeFiles, analyzeTexts, fileSizes, worthWorkers, type FileResult, type TextResult } from '../src/batch/index.js';
import { analyze } from '../src/model/analyze.js';
import { readDocument } from '../src/read/index.js';
import { makeDocx } from './helpers/zip.js';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const SEED = join(CORPUS, '000_304eac767b8a3bea.txt');
const first = (dir: string, suffix: string, n: number) =>
  readdirSync(join(CORPUS, dir))
    .filter((f) => f.endsWith(suffix))
    .sort()
    .slice(0, n)
    .map((f) => join(CORPUS, dir, f));

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of it) out.push(r);
  return out;
}

let tmp: string;
let paths: string[];
let missing: string;
let binary: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'baogao-batch-'));
  missing = join(tmp, 'no-such-report.txt');
  binary = join(tmp, 'binary.txt');
  writeFileSync(binary, Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x00, 0x10, 0x80, 0x00]));
  // real reports (UTF-8, GBK, .docx), a missing file and a binary one, and the seed twice
  paths = [SEED, ...first('zh', '.txt', 3), missing, ...first('gbk', '.txt', 1), ...first('docx', '.docx', 1), binary, SEED];
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('analyzeFiles', () => {
  let single: FileResult[];

  it('runs in-process with jobs 1: one result per path, in order, the same as readDocument + analyze', async () => {
    single = await collect(analyzeFiles(paths, { jobs: 1 }));
    expect(single.map((r) => r.index)).toEqual(paths.map((_, i) => i));
    expect(single.map((r) => r.path)).toEqual(paths);
    const seed = await readDocument(SEED);
    expect(JSON.stringify(single[0].report)).toBe(JSON.stringify(analyze(seed.text)));
    expect(JSON.stringify(single[paths.length - 1])).toBe(JSON.stringify({ ...single[0], index: paths.length - 1 }));
  }, 120_000);

  it('reports unreadable files in place, as { code, message }, and goes on', () => {
    const bad = single.filter((r) => r.error);
    expect(bad.map((r) => r.path)).toEqual([missing, binary]);
    expect(bad[0].error).toEqual({ code: 'NOT_FOUND', message: `${missing}: no such file or directory` });
    expect(bad[1].error!.code).toBe('BINARY');
    expect(bad[1].error!.message.startsWith(binary + ': ')).toBe(true);
    for (const r of bad) expect(r.report).toBeUndefined();
    for (const r of single.filter((x) => !x.error)) expect(r.report!.stats.characters).toBeGreaterThan(1000);
  });

  it('gives the same JSON, in the same order, with jobs 2', async () => {
    const two = await collect(analyzeFiles(paths, { jobs: 2 }));
    expect(JSON.stringify(two)).toBe(JSON.stringify(single));
    // reports cross threads as JSON: nothing in a Report may be lost that way (undefined, NaN…)
    expect(isDeepStrictEqual(two, single)).toBe(true);
  }, 180_000);

  it('passes analyze and read options to the workers (jobs 3), and returns the text when asked', async () => {
    const some = [SEED, first('gbk', '.txt', 1)[0], missing];
    const opts = { analyze: { claims: false, duplicates: false }, read: { maxBytes: 64 * 1024 * 1024 }, text: true };
    const one = await collect(analyzeFiles(some, { ...opts, jobs: 1 }));
    const three = await collect(analyzeFiles(some, { ...opts, jobs: 3 }));
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    expect(isDeepStrictEqual(three, one)).toBe(true);
    expect(one[0].report!.claims).toEqual([]);
    expect(one[0].report!.duplicates).toEqual([]);
    expect(one[0].text).toBe(readFileSync(SEED, 'utf8'));
    expect(one[0].encoding).toBe('utf-8');
    expect(one[1].encoding).toBe('gb18030');
    expect(one[2].text).toBeUndefined();
    // a limit the file exceeds: TOO_LARGE from the worker's own read
    const small = await collect(analyzeFiles([SEED, SEED], { jobs: 2, read: { maxBytes: 1000 } }));
    expect(small.map((r) => r.error?.code)).toEqual(['TOO_LARGE', 'TOO_LARGE']);
  }, 120_000);

  it('can be broken off early, and starts afresh on the next call', async () => {
    const seen: number[] = [];
    for await (const r of analyzeFiles(paths, { jobs: 2, analyze: { claims: false } })) {
      seen.push(r.index);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([0, 1]);
    const again = await collect(analyzeFiles(paths.slice(0, 3), { jobs: 2, analyze: { claims: false } }));
    expect(again.map((r) => r.index)).toEqual([0, 1, 2]);
  }, 120_000);

  it("reads '-' (standard input) once, on the main thread, whatever jobs is", () => {
    const script = join(tmp, 'stdin.mts');
    const src = fileURLToPath(new URL('../src/batch/index.ts', import.meta.url));
    writeFileSync(
      script,
      `import { analyzeFiles } from ${JSON.stringify(src)};\n` +
        `const out = [];\n` +
        `for await (const r of analyzeFiles(['-', ${JSON.stringify(SEED)}, '-'], { jobs: Number(process.argv[2]), text: true, analyze: { claims: false } })) out.push(r);\n` +
        `process.stdout.write(JSON.stringify(out));\n`,
    );
    const root = fileURLToPath(new URL('..', import.meta.url));
    const run = (jobs: number, input: string) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', script, String(jobs)], { cwd: root, input, encoding: 'utf8', timeout: 120_000 });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as FileResult[];
    };
    const text = '一、总体要求\n地区生产总值增长5.2%。城镇新增就业1256万人。\n';
    const one = run(1, text);
    const two = run(2, text);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.map((r) => r.path)).toEqual(['-', SEED, '-']);
    expect(one[0].text).toBe(text);
    expect(one[2].text).toBe(text);
    expect(one[0].report!.stats.characters).toBe(text.length);
    const empty = run(2, '');
    expect(empty[0].error).toEqual({ code: 'EMPTY', message: '<stdin>: empty file (0 bytes)' });
    expect(empty[2].error).toEqual(empty[0].error);
    expect(empty[1].report).toBeDefined();
  }, 120_000);

  it('leaves out the parts asked (omit), the same on one thread and on two; the rest is unchanged', async () => {
    const files = [SEED, ...first('zh', '.txt', 2)];
    const full = await collect(analyzeFiles(files, { jobs: 1 }));
    for (const jobs of [1, 2]) {
      const slim = await collect(analyzeFiles(files, { jobs, omit: ['statements', 'sections', 'title'] }));
      slim.forEach((r, i) => {
        const f = full[i].report!;
        expect(r.report!.statements).toEqual([]);
        expect(r.report!.sections).toEqual([]);
        expect(r.report!.title).toBeNull();
        expect(r.report!.stats).toEqual(f.stats);
        expect(f.stats.statements).toBeGreaterThan(0);
        expect(JSON.stringify({ ...r.report, statements: f.statements, sections: f.sections, title: f.title })).toBe(JSON.stringify(f));
      });
    }
    await expect(collect(analyzeFiles([SEED], { omit: ['stats' as never] }))).rejects.toThrow(/omit: stats is not one of/);
  }, 120_000);

  it('map: each thread runs the named function on its reports and sends back only its value, the same on one thread and on two', async () => {
    const MAP = fileURLToPath(new URL('./helpers/map-counts.mjs', import.meta.url));
    const counts = ((await import(pathToFileURL(MAP).href)) as { counts: (r: unknown, d: unknown) => unknown }).counts;
    const files = [SEED, ...first('zh', '.txt', 2), missing, ...first('gbk', '.txt', 1)];
    const expected = await Promise.all(
      files.map(async (f) => {
        try {
          const d = await readDocument(f);
          return counts(analyze(d.text), { text: d.text, label: f, encoding: d.encoding });
        } catch {
          return undefined;
        }
      }),
    );
    for (const jobs of [1, 2]) {
      const rs = await collect(analyzeFiles(files, { jobs, map: { module: MAP, name: 'counts' } }));
      expect(rs.map((r) => r.value)).toEqual(expected);
      for (const r of rs) expect(r.report).toBeUndefined();
      expect(rs[3].error!.code).toBe('NOT_FOUND');
      expect(rs[4].value).toMatchObject({ encoding: 'gb18030' });
      // a function that throws fails that document only
      const failing = await collect(analyzeFiles(files.slice(0, 3), { jobs, map: { module: pathToFileURL(MAP).href, name: 'failOnSeed' } }));
      expect(failing[0].error).toEqual({ code: 'MAP_FAILED', message: `${SEED}: no seed here` });
      expect(failing.slice(1).map((r) => typeof r.value)).toEqual(['number', 'number']);
    }
    // a module or export that is not there is a setup error, thrown at once
    await expect(collect(analyzeFiles([SEED], { jobs: 2, map: { module: MAP, name: 'notAFunction' } }))).rejects.toThrow(/has no exported function "notAFunction"/);
    await expect(collect(analyzeFiles([SEED], { jobs: 2, map: { module: join(tmp, 'nope.mjs'), name: 'x' } }))).rejects.toThrow(/nope\.mjs/);
    await expect(collect(analyzeFiles([SEED], { map: 'counts' as never }))).rejects.toThrow(/map must be/);
  }, 180_000);

  it('starts workers by default only for 16 MB of input or more (WORKERS_FROM_BYTES), reading sizes only that far', () => {
    const corpus = [SEED, ...first('zh', '.txt', 24)];
    expect(worthWorkers(fileSizes(corpus))).toBe(false);
    // the corpus cycled past the bound: sizes are pulled one by one, and no further than it
    const many = Array.from({ length: 2000 }, (_, i) => corpus[i % corpus.length]);
    const pulled: number[] = [];
    const counting = function* (): Generator<number> {
      for (const b of fileSizes(many)) {
        pulled.push(b);
        yield b;
      }
    };
    expect(worthWorkers(counting())).toBe(true);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(pulled)).toBeGreaterThanOrEqual(WORKERS_FROM_BYTES);
    expect(sum(pulled.slice(0, -1))).toBeLessThan(WORKERS_FROM_BYTES);
    expect(pulled).toEqual(many.slice(0, pulled.length).map((p) => statSync(p).size));
    // a file that cannot be stat'ed counts nothing: reading it reports why
    expect([...fileSizes([missing, SEED])]).toEqual([0, statSync(SEED).size]);
  });

  it.skipIf(!existsSync('/proc/self/task'))('runs a small batch on this thread alone without jobs, and starts a worker with jobs: 2', async () => {
    await readFile(SEED); // the file reads' thread pool exists before threads are counted
    const threads = () => readdirSync('/proc/self/task').length;
    // this process's threads while the batch is under way (at its first result)
    const during = async (it: AsyncIterable<unknown>) => {
      let n = -1;
      for await (const _ of it) if (n < 0) n = threads();
      return n;
    };
    const before = threads();
    expect(await during(analyzeFiles(paths.slice(0, 3)))).toBe(before);
    expect(await during(analyzeTexts(['增长5%。', 42 as unknown as string, '增长6%。']))).toBe(before);
    // (one thread for the worker; under vitest, tsx's loader adds its own)
    expect(await during(analyzeFiles(paths.slice(0, 3), { jobs: 2 }))).toBeGreaterThan(before);
  }, 120_000);

  it('takes directories as the CLI does: each file found is a result, a directory without any one NO_FILES result (#18)', async () => {
    const dir = join(tmp, 'reports');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    mkdirSync(join(tmp, 'nothing-here'));
    writeFileSync(join(dir, 'b.txt'), '二、主要任务\n地区生产总值增长5%左右。\n');
    writeFileSync(join(dir, 'sub', 'a.txt'), '一、工作回顾\n城镇新增就业12万人。\n');
    writeFileSync(join(dir, '.hidden.txt'), '增长1%。');
    writeFileSync(join(dir, 'notes.css'), 'p {}');
    const paths2 = [SEED, dir, join(tmp, 'nothing-here')];
    const want = [SEED, join(dir, 'b.txt'), join(dir, 'sub', 'a.txt'), join(tmp, 'nothing-here')];
    for (const jobs of [1, 2]) {
      const out = await collect(analyzeFiles(paths2, { jobs, analyze: { claims: false } }));
      expect(out.map((r) => r.path), `jobs ${jobs}`).toEqual(want);
      expect(out.map((r) => r.index)).toEqual([0, 1, 2, 3]);
      expect(out.map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'NO_FILES']);
      expect(out[3].error!.message).toBe(`${join(tmp, 'nothing-here')}: no .txt, .md, .docx, .html or .htm files found in this directory (searched recursively)`);
    }
    // the walk's extensions can be given, as expandInputs takes them
    const css = await collect(analyzeFiles([dir], { extensions: ['.css'], jobs: 1, analyze: { claims: false } }));
    expect(css.map((r) => r.path)).toEqual([join(dir, 'notes.css')]);
  }, 120_000);

  it('opens files whose names are not UTF-8 on every thread, and names them readably (#17)', async () => {
    const dir = join(tmp, 'gbk-named');
    mkdirSync(dir);
    // 报告.txt and 附件.txt with GBK names, as a Windows zip leaves them
    const names = [Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from([0xb8, 0xbd, 0xbc, 0xfe])];
    for (const [k, n] of names.entries()) writeFileSync(Buffer.concat([Buffer.from(dir + '/'), n, Buffer.from('.txt')]), `一、工作回顾\n增长${k + 5}%。\n`);
    for (const jobs of [1, 2]) {
      const out = await collect(analyzeFiles([dir], { jobs, analyze: { claims: false } }));
      expect(out.map((r) => r.path.slice(dir.length + 1)), `jobs ${jobs}`).toEqual(['报告.txt', '附件.txt'].sort());
      expect(out.map((r) => r.error)).toEqual([undefined, undefined]);
      expect(out.every((r) => r.report!.stats.characters > 5)).toBe(true);
    }
  }, 120_000);

  it("passes a .docx's heading hints to analyze on every thread (#16)", async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const styles = `<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>`;
    const p = (t: string, h = false) => `<w:p>${h ? '<w:pPr><w:pStyle w:val="1"/></w:pPr>' : ''}<w:r><w:t>${t}</w:t></w:r></w:p>`;
    const body = p('2025年政府工作报告') + p('各位代表：') + p('工作回顾', true) + p('地区生产总值增长5.2%。') + p('今年工作安排', true) + p('地区生产总值增长5%左右。');
    const file = join(tmp, 'styled.docx');
    writeFileSync(file, makeDocx(body, [{ name: 'word/styles.xml', data: styles }]));
    const read = await readDocument(file);
    expect(read.headings!.map((h) => read.text.slice(h.start, h.end))).toEqual(['工作回顾', '今年工作安排']);
    const hinted = JSON.stringify(analyze(read.text, { headings: read.headings }));
    expect(hinted).not.toBe(JSON.stringify(analyze(read.text))); // the hints change the sections
    for (const jobs of [1, 2]) {
      const [r] = await collect(analyzeFiles([file, SEED], { jobs }));
      expect(JSON.stringify(r.report), `jobs ${jobs}`).toBe(hinted);
    }
  }, 120_000);

  it('handles an empty batch and refuses bad jobs', async () => {
    expect(await collect(analyzeFiles([], { jobs: 2 }))).toEqual([]);
    await expect(collect(analyzeFiles([SEED], { jobs: 0 }))).rejects.toThrow(RangeError);
    await expect(collect(analyzeFiles([SEED], { jobs: 1.5 }))).rejects.toThrow(RangeError);
  });
});

describe('analyzeTexts', () => {
  it('analyzes texts in memory, in order, the same on worker threads as analyze()', async () => {
    const texts = [readFileSync(SEED, 'utf8'), '一、总体要求\n地区生产总值增长5.2%。\n', '', '**市**区人民政府工作报告'];
    const two: TextResult[] = await collect(analyzeTexts(texts, { jobs: 2 }));
    expect(two.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(JSON.stringify(two.map((r) => r.report))).toBe(JSON.stringify(texts.map((t) => analyze(t))));
  }, 120_000);

  it('turns a failing analysis into an error result', async () => {
    const texts = ['增长5%。', 42 as unknown as string, '增长6%。'];
    for (const jobs of [1, 2]) {
      const rs = await collect(analyzeTexts(texts, { jobs }));
      expect(rs.map((r) => !!r.report)).toEqual([true, false, true]);
      expect(rs[1].error).toEqual({ code: 'ANALYZE_FAILED', message: '<text 1>: analyze(text): text must be a string' });
    }
  }, 120_000);
});
