/**
 * A red team's pass over `targets` and the HTML pages (issues #19, #21, families of #17): reports that
 * give nothing to read, hostile text in every output format, figures that cannot be compared, huge
 * inputs and outputs that are inputs. One test per family; the reports are real ones from
 * ../shared/corpus with the hostile part spliced in (national 2024's main-targets paragraph, line 58).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze } from '../src/model/analyze.js';
import { main, type Io } from '../src/cli/main.js';
import { targets, type TargetsInput } from '../src/targets/index.js';
import { renderTargetsCsv, renderTargetsText, renderTargetsXlsx } from '../src/render/targets.js';
import { renderTargetsHtml } from '../src/render/html/targets.js';
import { esc } from '../src/render/html/escape.js';
import { readCentralDirectory, verifyEntries } from '../src/read/zip.js';

const CORPUS = join(__dirname, '..', '..', 'shared', 'corpus');
const have = existsSync(CORPUS);
const NATIONAL_2024 = join(CORPUS, 'zh', 'national-2024-gov-work-report.zh.txt');
const MAIN_TARGETS = '今年发展主要预期目标是：国内生产总值增长5%左右；';

function io(cwd: string): Io & { out: string; err: string } {
  const o = {
    out: '',
    err: '',
    cwd,
    stdout: { write: (s: string | Uint8Array) => ((o.out += typeof s === 'string' ? s : Buffer.from(s).toString('latin1')), true), isTTY: false },
    stderr: { write: (s: string | Uint8Array) => ((o.err += String(s)), true), isTTY: false },
  };
  return o as unknown as Io & { out: string; err: string };
}

function withDir<T>(f: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'baogao-qa-'));
  return f(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const national2024 = () => readFileSync(NATIONAL_2024, 'utf8');

function input(text: string, file: string): TargetsInput {
  return { report: analyze(text, { duplicates: false }), text, file };
}

// a control character, an escape sequence or a bidi control on a terminal line (tab allowed)
const TERMINAL_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe.skipIf(!have)('targets and the pages, attacked', () => {
  it('writes nothing and exits 2 when every report read is left out (no place, no year, English)', async () => {
    await withDir(async (dir) => {
      // a real sentence of a plan with no place or year anywhere; a title with a year but no place;
      // an English translation
      writeFileSync(join(dir, 'noplace.txt'), '今年发展主要预期目标是：国内生产总值增长5%左右。\n');
      writeFileSync(join(dir, 'x.txt'), '2024年政府工作报告\n\n各位代表：\n\n国内生产总值增长5%左右。\n');
      writeFileSync(join(dir, 'en.txt'), readFileSync(join(CORPUS, 'en', 'national-2019-gov-work-report.en.txt')));
      for (const f of ['noplace.txt', 'x.txt', 'en.txt']) {
        for (const out of ['t.csv', 't.html', 't.xlsx', 't.json']) {
          const r = io(dir);
          expect(await main(['targets', f, '-o', out], r)).toBe(2);
          expect(r.err).toMatch(/left out/);
          expect(r.err).toMatch(/nothing written/);
          expect(existsSync(join(dir, out))).toBe(false);
        }
      }
      // an empty file is unreadable: the same
      writeFileSync(join(dir, 'empty.txt'), '');
      const e = io(dir);
      expect(await main(['targets', 'empty.txt', '-o', 'e.csv'], e)).toBe(2);
      expect(existsSync(join(dir, 'e.csv'))).toBe(false);
      // one good report among them: written, the others named, exit 0 (they were read)
      writeFileSync(join(dir, 'n2024.txt'), national2024());
      const ok = io(dir);
      expect(await main(['targets', 'noplace.txt', 'n2024.txt', '-o', 'ok.csv'], ok)).toBe(0);
      expect(ok.err).toMatch(/noplace\.txt: no place/);
      expect(readFileSync(join(dir, 'ok.csv'), 'utf8')).toMatch(/全国,2024,/);
    });
  }, 60_000);

  it('prints no control character, escape sequence or bidi control from a file name or a report in the text table', async () => {
    await withDir(async (dir) => {
      const name = 'a\x1b[31m\u202e\x07-2024.txt';
      writeFileSync(join(dir, name), national2024().replace('**政府工作报告**', '**政府工作报告\x1b]0;title\x07\u202e**'));
      writeFileSync(join(dir, 'b.txt'), national2024());
      const r = io(dir);
      expect(await main(['targets', '.'], r)).toBe(0);
      expect(r.out).toMatch(/^全国: /m);
      expect(r.out).toMatch(/2024 +国内生产总值 增速 +\+5%左右/);
      for (const line of r.out.split('\n')) expect(line).not.toMatch(TERMINAL_UNSAFE);
      for (const line of r.err.split('\n')) expect(line).not.toMatch(TERMINAL_UNSAFE);
    });
    // the renderer itself, on any warning and file name
    const base = targets([input(national2024(), 'n.txt')]);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (junk) => {
        const out = renderTargetsText({ ...base, warnings: [junk], rows: base.rows.map((row) => ({ ...row, place: junk + row.place, target: row.target && { ...row.target, file: junk } })) });
        for (const line of out.split('\n')) expect(line).not.toMatch(TERMINAL_UNSAFE);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('keeps a formula from running: CSV guards = + - @ cells, the workbook stores text, never a formula', () => {
    const base = targets([input(national2024(), 'n.txt')]);
    const row = base.rows.find((r) => r.target && r.metric.canonical === 'gdp' && r.metric.measure === 'growth')!;
    expect(row).toBeDefined();
    const attacks = ['=HYPERLINK("http://x","y")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    const rows = attacks.map((a) => ({ ...row, place: a, metric: { ...row.metric, text: a }, target: { ...row.target!, text: a, file: a } }));
    const csv = renderTargetsCsv({ ...base, rows });
    const cells = csv.split('\r\n').slice(1, -1).flatMap((rec) => rec.split(','));
    for (const c of cells) expect(c.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    expect(csv).toContain("'=HYPERLINK");
    // a negative number stays a number (-2.5 is the 2024 energy-intensity target)
    expect(renderTargetsCsv(base)).toMatch(/,energy_intensity,growth,-2\.5,/);

    const book = Buffer.from(renderTargetsXlsx({ ...base, rows }));
    const entries = readCentralDirectory(book, 't.xlsx');
    const parts = verifyEntries(book, entries, 't.xlsx', new Set(entries.map((e) => e.name)));
    const sheets = [...parts].filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets.length).toBeGreaterThan(1);
    for (const [, xml] of sheets) expect(xml.toString('utf8')).not.toMatch(/<f[ >]/);
    expect(sheets.map(([, x]) => x.toString('utf8')).join('')).toContain('=HYPERLINK(&quot;http://x&quot;');
  }, 60_000);

  it('shows report markup and controls as text on the targets page: no script, no bidi reversal', async () => {
    const hostile = national2024()
      .replace('**政府工作报告**', '**政府工作报告<script>alert(1)</script>"><img src=x onerror=alert(2)>**')
      .replace(MAIN_TARGETS, `${MAIN_TARGETS}<script>alert(3)</script>城镇新增就业1200万人以上；`);
    const name = 'x\u202etxt.exe<img src=y onerror=alert(4)>-2024.txt';
    const html = renderTargetsHtml(targets([input(hostile, name), input(national2024(), 'b.txt')]), { generator: 'qa' });
    expect(html).not.toMatch(/<script>alert|<img/);
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f]/);
    expect(html).toContain('x\ufffdtxt.exe&lt;img');
    // esc: nothing that opens markup or reverses text, and one output character per odd one
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const e = esc(s);
        expect(e).not.toMatch(/[<>"'\u202a-\u202e\u2066-\u2069\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/);
        expect(e.replace(/&(?:amp|lt|gt|quot|#39);/g, '_').length).toBe(s.length);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('says which figures of known indicators it could not compare (masked, 309 digits) instead of a silent gap', async () => {
    const big = '9'.repeat(320);
    const odd = national2024()
      .replace(MAIN_TARGETS, `今年发展主要预期目标是：国内生产总值增长${big}%左右；城镇新增就业XX万人以上；`)
      .replace('国内生产总值超过126万亿元，增长5.2%', '国内生产总值超过126万亿元，增长×.×%');
    const r = targets([input(odd, 'odd.txt')]);
    const w = r.warnings.find((x) => x.startsWith('odd.txt: figures of known indicators left out'));
    expect(w).toBeDefined();
    expect(w).toMatch(/masked/);
    expect(w).toMatch(/too large to compare/);
    expect(w).toMatch(/lines? .*\b14\b/);
    expect(w).toMatch(/\b58\b/);
    // no row carries a non-finite number
    for (const row of r.rows) {
      if (row.target) expect(Number.isFinite(row.target.number)).toBe(true);
      if (row.outcome) expect(Number.isFinite(row.outcome.number)).toBe(true);
    }
    // an unaltered report gives no such warning
    expect(targets([input(national2024(), 'n.txt')]).warnings).toEqual([]);
    // ranges keep both ends: 粮食产量1.2—1.3万亿斤, 居民消费价格涨幅3%-3.5%
    const ranges = national2024().replace('粮食产量1.3万亿斤以上', '粮食产量1.2—1.3万亿斤').replace('居民消费价格涨幅3%左右', '居民消费价格涨幅3%-3.5%');
    const rr = targets([input(ranges, 'r.txt')]).rows;
    expect(rr.find((x) => x.year === 2024 && x.metric.canonical === 'grain_output')?.target).toMatchObject({ number: 1.2, upper: 1.3 });
    expect(rr.find((x) => x.year === 2024 && x.metric.canonical === 'cpi')?.target).toMatchObject({ number: 3, upper: 3.5 });
  }, 60_000);

  it('refuses an output that is one of its inputs, named or inside a folder given, and leaves it whole', async () => {
    await withDir(async (dir) => {
      writeFileSync(join(dir, 'n2024.txt'), national2024());
      const before = readFileSync(join(dir, 'n2024.txt'));
      for (const args of [['n2024.txt', '-o', 'n2024.txt', '-f', 'csv'], ['.', '-o', 'n2024.txt', '-f', 'html'], ['.', '-o', './n2024.txt', '-f', 'json']]) {
        const r = io(dir);
        expect(await main(['targets', ...args], r)).toBe(2);
        expect(r.err).toMatch(/input/);
        expect(readFileSync(join(dir, 'n2024.txt')).equals(before)).toBe(true);
      }
    });
  }, 60_000);

  it('stays linear: 300 reports (30 real ones, each given ten times) in well under a second of the stage', () => {
    const files = [
      ...['2012', '2013', '2014'].map((y) => `series/national/national-${y}-gov-work-report.zh.txt`),
      ...['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2024'].map((y) => `zh/national-${y}-gov-work-report.zh.txt`),
      ...['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023'].map((y) => `series/guangdong/prov-guangdong-${y}-gov-work-report.zh.txt`),
      'zh/prov-guangdong-2024-gov-work-report.zh.txt',
      ...['zhejiang-2024', 'zhejiang-2025', 'sichuan-2021', 'shandong-2023'].map((p) => `zh/prov-${p}-gov-work-report.zh.txt`),
      ...['beijing-2025', 'wuhan-2024', 'hangzhou-2024', 'chengdu-2022'].map((p) => `zh/city-${p}-gov-work-report.zh.txt`),
    ];
    expect(files.length).toBe(30);
    const docs = files.map((f) => input(readFileSync(join(CORPUS, f), 'utf8'), f));
    const one = performance.now();
    const single = targets(docs);
    const t30 = performance.now() - one;
    const many = Array.from({ length: 10 }, (_, k) => docs.map((d) => ({ ...d, file: `${k}/${d.file}` }))).flat();
    const t0 = performance.now();
    const r = targets(many);
    const t300 = performance.now() - t0;
    console.log(`targets() 30 reports ${t30.toFixed(0)} ms, 300 (ten copies each) ${t300.toFixed(0)} ms`);
    // each place and year kept once, the nine other copies named
    expect(r.rows.length).toBe(single.rows.length);
    expect(r.warnings.filter((w) => / are both /.test(w)).length).toBe(270);
    expect(r.sources.filter((s) => s.used).length).toBe(30);
    expect(t300).toBeLessThan(Math.max(1000, 20 * t30));
  }, 180_000);

  it('reads a 5 MB report (national 2024 over and over) and writes its table', async () => {
    await withDir(async (dir) => {
      const one = national2024();
      const big = Array.from({ length: Math.ceil(5_000_000 / Buffer.byteLength(one)) }, () => one).join('\n');
      writeFileSync(join(dir, 'big.txt'), big);
      const r = io(dir);
      const t0 = performance.now();
      expect(await main(['targets', 'big.txt', '-o', 'big.json'], r)).toBe(0);
      console.log(`targets on ${(Buffer.byteLength(big) / 1e6).toFixed(1)} MB: ${(performance.now() - t0).toFixed(0)} ms`);
      const doc = JSON.parse(readFileSync(join(dir, 'big.json'), 'utf8'));
      // the first main-targets paragraph is the year's (the copies repeat it)
      expect(doc.rows.find((x: { year: number; metric: { canonical: string; measure: string } }) => x.year === 2024 && x.metric.canonical === 'gdp' && x.metric.measure === 'growth')?.target?.line).toBe(58);
    });
  }, 180_000);
  it('gives a place one colour in every chart of a page (全国 was blue in one chart, orange in the next)', async () => {
    const files = ['zh/national-2019-gov-work-report.zh.txt', 'zh/national-2020-gov-work-report.zh.txt', 'series/guangdong/prov-guangdong-2019-gov-work-report.zh.txt', 'series/guangdong/prov-guangdong-2020-gov-work-report.zh.txt', 'gbk/hailar-district-2016.gbk.txt', 'gbk/hailar-district-2017.gbk.txt'];
    await withDir(async (dir) => {
      for (const cmd of ['targets', 'indicators']) {
        const r = io(CORPUS);
        expect(await main([cmd, ...files, '-f', 'html', '-o', join(dir, `${cmd}.html`)], r)).toBe(0);
        const html = readFileSync(join(dir, `${cmd}.html`), 'utf8');
        const seen = new Map<string, Set<string>>();
        let legends = 0;
        for (const m of html.matchAll(/height="3" fill="(#[0-9a-f]{6})"\/><text [^>]*>([^<]+)<\/text>/g)) {
          legends++;
          if (!seen.has(m[2])) seen.set(m[2], new Set());
          seen.get(m[2])!.add(m[1]);
        }
        expect(legends, cmd).toBeGreaterThan(seen.size); // some place is in two charts or more
        expect(seen.size, cmd).toBeGreaterThan(1);
        for (const [place, colors] of seen) expect([...colors], `${cmd}: ${place}`).toHaveLength(1);
        expect(new Set([...seen.values()].map((c) => [...c][0])).size, cmd).toBe(seen.size);
      }
    });
  }, 120_000);
});
