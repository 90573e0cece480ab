/**
 * `targets` (issue #19) against a table labelled by hand (fixtures/targets/expected.json: the national
 * main targets 2012–2024 with their outcomes from the next report or the statistical communiqué, and
 * Guangdong 2015–2024), on the reports of ../shared/corpus. Reports the share of target and outcome
 * fields (number, upper, bound, outcome number) that are right, prints the district's GDP table and
 * measures the stage on 30 reports.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze } from '../src/model/analyze.js';
import { decodeBytes } from '../src/read/decode.js';
import { decodeDocument } from '../src/read/index.js';
import { main, type Io } from '../src/cli/main.js';
import { judge, placeAndYear, targets, type Figure, type TargetsInput } from '../src/targets/index.js';
import { TargetRow, TargetsResult } from '../src/targets/schema.js';

const CORPUS = join(__dirname, '..', '..', 'shared', 'corpus');
const have = existsSync(CORPUS);

interface ExpectedCell {
  number: number;
  upper?: number | null;
  bound?: string | null;
  file: string;
  line: number;
  modality?: string;
}
interface ExpectedRow {
  place: string;
  year: number;
  metric: string;
  measure: 'growth' | 'level';
  target: ExpectedCell | null;
  outcome: ExpectedCell | null;
  status: string;
}
const expected = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'targets', 'expected.json'), 'utf8')) as {
  inputs: { national: string[]; guangdong: string[] };
  rows: ExpectedRow[];
};

const cache = new Map<string, TargetsInput>();
function input(rel: string): TargetsInput {
  let d = cache.get(rel);
  if (!d) {
    const text = decodeBytes(readFileSync(join(CORPUS, rel)), rel).text;
    d = { report: analyze(text, { duplicates: false }), text, file: rel };
    cache.set(rel, d);
  }
  return d;
}

function find(rows: TargetRow[], e: ExpectedRow): TargetRow | undefined {
  return rows.find((r) => r.place === e.place && r.year === e.year && r.metric.canonical === e.metric && r.metric.measure === e.measure && !r.target?.horizon);
}

/** Fields of the labelled rows the table gets right: target number, upper, bound; outcome number. */
function score(rows: TargetRow[], labelled: ExpectedRow[]): { share: number; summary: string } {
  let fields = 0;
  let right = 0;
  let statuses = 0;
  let cells = 0;
  let cited = 0;
  const wrong: string[] = [];
  for (const e of labelled) {
    const r = find(rows, e);
    const name = `${e.place} ${e.year} ${e.metric}/${e.measure}`;
    const check = (field: string, want: unknown, got: unknown) => {
      fields++;
      if (want === got) right++;
      else wrong.push(`${name} ${field}: want ${String(want)}, got ${String(got)}`);
    };
    if (e.target) {
      check('target.number', e.target.number, r?.target?.number);
      check('target.upper', e.target.upper ?? null, r?.target ? r.target.upper : undefined);
      check('target.bound', e.target.bound ?? null, r?.target ? r.target.bound : undefined);
      cells++;
      if (r?.target && r.target.file === e.target.file && r.target.line === e.target.line) cited++;
    } else check('target (none)', null, r ? r.target : null);
    if (e.outcome) {
      check('outcome.number', e.outcome.number, r?.outcome?.number);
      cells++;
      if (r?.outcome && r.outcome.file === e.outcome.file && r.outcome.line === e.outcome.line) cited++;
    }
    if (r?.status === e.status) statuses++;
    else wrong.push(`${name} status: want ${e.status}, got ${r?.status}`);
  }
  const share = right / fields;
  const summary =
    `${right}/${fields} fields right (${(100 * share).toFixed(1)}%), ${statuses}/${labelled.length} statuses, ` +
    `${cited}/${cells} cells cite the labelled file and line, over ${labelled.length} labelled rows\n  ` + wrong.join('\n  ');
  return { share, summary };
}

describe.skipIf(!have)('targets on held-out reports (Zhejiang 2024–2025, the 2025 Word reports of Jiangsu, Henan, Shandong)', () => {
  const heldout = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'targets', 'heldout.json'), 'utf8')) as { inputs: string[]; rows: ExpectedRow[] };
  it('gets the labelled fields right (share reported)', async () => {
    const docs: TargetsInput[] = [];
    for (const rel of heldout.inputs) {
      const text = (await decodeDocument(readFileSync(join(CORPUS, rel)), rel)).text;
      docs.push({ report: analyze(text, { duplicates: false }), text, file: rel });
    }
    const r = targets(docs);
    expect(() => TargetsResult.parse(r)).not.toThrow();
    // 2024年政府工作报告 names no place; the dateline broken over two lines (…在浙江省 / 第十四届人民代表大会…) does
    expect(r.sources.map((x) => x.place)).toEqual(['浙江省', '浙江省', '江苏省', '河南省', '山东省']);
    const sc = score(r.rows, heldout.rows);
    console.log(`targets (held out): ${sc.summary}`);
    expect(sc.share).toBeGreaterThan(0.9);
  }, 120_000);
});

describe.skipIf(!have)('targets on the hand-labelled national and Guangdong series', () => {
  let result: TargetsResult;
  beforeAll(() => {
    result = targets([...expected.inputs.national, ...expected.inputs.guangdong].map(input));
  }, 120_000);

  it('validates against its zod schema, every row', () => {
    expect(() => TargetsResult.parse(result)).not.toThrow();
    for (const r of result.rows) expect(TargetRow.safeParse(r).success).toBe(true);
    expect(result.rows.length).toBeGreaterThan(expected.rows.length);
  });

  it('gets the target and outcome fields of the labelled table right (share reported)', () => {
    const sc = score(result.rows, expected.rows);
    console.log(`targets (dev): ${sc.summary}`);
    // the figure to beat as the claims model improves (issue #19 asks 95% on unseen series)
    expect(sc.share).toBeGreaterThan(0.9);
  });

  it('says no-target for the national 2020 GDP growth, the year that set none, and borrows no other sentence', () => {
    const r = result.rows.find((x) => x.place === '全国' && x.year === 2020 && x.metric.canonical === 'gdp' && x.metric.measure === 'growth');
    expect(r?.target).toBeNull();
    expect(r?.status).toBe('no-target');
    expect(r?.rule).toBe('not-set');
    expect(r?.outcome?.number).toBe(2.3);
  });

  it('never takes a five-year average or a horizon for an annual target', () => {
    for (const r of result.rows) {
      if (!r.target) continue;
      expect(r.target.horizon).toBeNull();
      expect(r.target.text).not.toMatch(/年均/);
    }
    // Guangdong 2016: 今后五年…年均增长7% beside this year's 7%-7.5%
    const gd = result.rows.find((x) => x.place === '广东省' && x.year === 2016 && x.metric.canonical === 'gdp' && x.metric.measure === 'growth');
    expect([gd?.target?.number, gd?.target?.upper]).toEqual([7, 7.5]);
  });

  it("takes no five-year sum or average of a new term's review for the year's outcome, and keeps the year's own paragraphs", () => {
    const row = (place: string, year: number, metric: string, measure: string) =>
      result.rows.find((x) => x.place === place && x.year === year && x.metric.canonical === metric && x.metric.measure === measure && !x.target?.horizon);
    // national 2018, 过去五年工作回顾: 五年来，我们…主要做了以下工作 (L30) frames (一)–(九); L40 新建改建农村公路127万公里 is the
    // five years', not 2017's against the 2017 target 农村公路20万公里; 刚刚过去的2017年，…国内生产总值增长6.9% (L26) is the year's
    expect(row('全国', 2017, 'rural_roads', 'level')).toMatchObject({ outcome: null, status: 'no-outcome' });
    expect(row('全国', 2017, 'gdp', 'growth')?.outcome).toMatchObject({ number: 6.9, line: 26 });
    // national 2013: 国内生产总值从26.6万亿元增加到51.9万亿元 (L12) and, after 2012年底，城镇和农村人均住房面积… (a stock dated at
    // the year's end), 单位国内生产总值能耗下降17.2% and 城镇化率由45.9%提高到52.6% (L24): the five years'
    expect(row('全国', 2012, 'gdp', 'level')).toBeUndefined();
    expect(row('全国', 2012, 'energy_intensity', 'growth')).toBeUndefined();
    expect(row('全国', 2012, 'urbanization_rate', 'level')).toBeUndefined();
    expect(row('全国', 2012, 'gdp', 'growth')?.outcome).toMatchObject({ number: 7.8, line: 18 });
    // Guangdong 2016, “十二五”时期工作回顾 (五): 农村危房改造56.82万户 and 6万余户搬迁安置 (L33) are five years' work
    expect(row('广东省', 2015, 'rural_dilapidated_housing', 'level')).toMatchObject({ outcome: null, status: 'no-outcome' });
    expect(row('广东省', 2015, 'relocation_for_poverty', 'level')).toMatchObject({ outcome: null, status: 'no-outcome' });
    // …but 2015年PM2.5、PM10平均浓度分别比上年下降17.1% (L35) names the year
    expect(row('广东省', 2015, 'pm25', 'growth')?.outcome?.number).toBe(-17.1);
    // Guangdong 2018 and 2023, 过去五年工作回顾: the lists under 2017年是本届省政府的收官之年…重点抓了以下几个方面 (L35) and
    // 2022年是…本届省政府的收官之年 (L37) are the year's
    expect(row('广东省', 2017, 'urban_new_jobs', 'level')?.outcome).toMatchObject({ number: 148.9, line: 51 });
    expect(row('广东省', 2022, 'grain_output', 'level')?.outcome).toMatchObject({ number: 1291.5, line: 49 });
    // no outcome of these reports is a five-year average or sum
    for (const r of result.rows) {
      if (!r.outcome || !/national-2013|national-2018|guangdong-2016|guangdong-2018|guangdong-2023/.test(r.outcome.file)) continue;
      if (r.metric.measure === 'growth') expect(r.outcome.text).not.toMatch(/年均|五年|累计/);
    }
  });

  it("gives the level a new term's review says of the year by name (Guangdong 2017 GDP), and the target 新增城镇就业 names (Guangdong 2015)", () => {
    const row = (year: number, metric: string, measure: string) =>
      result.rows.find((x) => x.place === '广东省' && x.year === year && x.metric.canonical === metric && x.metric.measure === measure && !x.target?.horizon);
    // 2018 L19: 全省地区生产总值从2012年的5.8万亿元增加到2017年的8.99万亿元，…五年年均增长7.9%: the level is 2017's, the
    // average is not (the report gives no 2017 growth rate: the growth row keeps no outcome)
    expect(row(2017, 'gdp', 'level')?.outcome).toMatchObject({ number: 8.99, line: 19, file: 'series/guangdong/prov-guangdong-2018-gov-work-report.zh.txt' });
    expect(row(2017, 'gdp', 'growth')).toMatchObject({ outcome: null, status: 'no-outcome' });
    // 2016 L17: 地区生产总值从2010年的4.60万亿元增加到2015年的7.28万亿元、年均增长8.5%
    expect(row(2015, 'gdp', 'level')?.outcome?.number).toBe(7.28);
    expect(row(2015, 'gdp', 'growth')?.outcome).toBeNull();
    // 2019 L21 地区生产总值达9.73万亿元、同比增长6.8% before L45 从1978年的186亿元增加到2018年的9.73万亿元、年均增长12.5%
    expect(row(2018, 'gdp', 'level')?.outcome?.line).toBe(21);
    // 2015 L193: 新增城镇就业120万人 — the claims reader takes 新增 for a verb and keeps 城镇就业, no indicator
    expect(row(2015, 'urban_new_jobs', 'level')?.target).toMatchObject({ number: 120, line: 193 });
  });

  it('lists the longer-term goals with their horizon under all', () => {
    const all = targets(expected.inputs.guangdong.slice(0, 2).map(input), { all: true });
    const horizons = all.rows.filter((r) => r.target?.horizon);
    expect(horizons.length).toBeGreaterThan(0);
    for (const r of horizons) expect(r.status).toBe('no-outcome');
    // Guangdong 2016, “十三五”时期: 城镇新增就业550万人 over the five years, not 2016's
    expect(horizons.some((r) => r.metric.canonical === 'urban_new_jobs' && r.target!.number === 550 && r.year === 2016)).toBe(true);
    expect(all.rows.filter((r) => !r.target?.horizon && r.year === 2016 && r.metric.canonical === 'urban_new_jobs').every((r) => r.target?.number !== 550)).toBe(true);
  });

  it('reads place and year from the dateline, the front matter and a communiqué\'s title, saying which', () => {
    const src = (file: string) => result.sources.find((s) => s.file === file)!;
    expect(src('zh/national-2024-gov-work-report.zh.txt')).toMatchObject({ place: '全国', year: 2024, placeSource: 'dateline', yearSource: 'dateline', kind: 'report' });
    expect(src('series/guangdong/prov-guangdong-2019-gov-work-report.zh.txt')).toMatchObject({ place: '广东省', year: 2019, placeSource: 'title' });
    expect(src('reference/nbs-2015-statistical-communique.zh.txt')).toMatchObject({ place: '全国', year: 2015, kind: 'communique' });
    expect(result.sources.every((s) => s.used)).toBe(true);
  });
});

describe.skipIf(!have)('targets: place, year and duplicates', () => {
  it('warns when two transcriptions claim one place and year, and keeps one', () => {
    const r = targets(['zh/national-2015-gov-work-report.zh.txt', 'zh/national-2015-gov-work-report.wikisource.zh.txt'].map(input));
    expect(r.warnings.length).toBe(1);
    expect(r.warnings[0]).toMatch(/both 全国 2015; kept/);
    expect(r.sources.filter((s) => s.used).length).toBe(1);
    const dropped = r.sources.find((s) => !s.used)!;
    expect(dropped.duplicateOf).toBe(r.sources.find((s) => s.used)!.file);
    expect(new Set(r.rows.map((x) => `${x.year}|${x.metric.canonical}|${x.metric.measure}`)).size).toBe(r.rows.length);
  });

  it('leaves an English report out, saying so, instead of taking it for the Chinese one of its year', () => {
    const r = targets(['zh/national-2016-gov-work-report.zh.txt', 'en/national-2016-gov-work-report.en.txt'].map(input));
    expect(r.sources.map((s) => s.used)).toEqual([true, false]);
    expect(r.warnings).toEqual([expect.stringMatching(/national-2016-gov-work-report\.en\.txt: not a Chinese report/)]);
  });

  it('falls back to the file name when the text names neither', () => {
    // the main-targets sentence of national-2024 (line 58) alone, without title or dateline
    const line = readFileSync(join(CORPUS, 'zh/national-2024-gov-work-report.zh.txt'), 'utf8').split('\n')[57];
    const p = placeAndYear(analyze(line), line, 'reports/national-2024.txt');
    expect(p).toMatchObject({ place: '全国', year: 2024, placeSource: 'file-name', yearSource: 'file-name' });
    const none = targets([{ report: analyze(line), text: line, file: 'notes.txt' }]);
    expect(none.rows).toEqual([]);
    expect(none.warnings[0]).toMatch(/notes\.txt: no place/);
  });
});

describe.skipIf(!have)('targets: the district (GBK) series', () => {
  it('gives each year\'s GDP growth target and the outcome the next report states', () => {
    const files = [2012, 2013, 2014, 2015, 2016, 2017, 2018].map((y) => `gbk/hailar-district-${y}.gbk.txt`);
    const r = targets(files.map(input));
    const gdp = r.rows.filter((x) => x.metric.canonical === 'gdp' && x.metric.measure === 'growth' && x.year >= 2012);
    const table = gdp.map((x) => `${x.year}  target ${x.target ? x.target.number + '%' + (x.target.bound ?? '') : '—'}  outcome ${x.outcome ? x.outcome.number + '%' : '—'}  ${x.status}`);
    console.log(`海拉尔区 GDP growth:\n  ${table.join('\n  ')}`);
    for (const y of [2012, 2013, 2014, 2015, 2016, 2017, 2018]) expect(gdp.find((x) => x.year === y)?.target).not.toBeNull();
    // the 2013 report: 地区生产总值…增长18.5% for 2012, against the 2012 report's 21%
    const y2012 = gdp.find((x) => x.year === 2012)!;
    expect([y2012.target?.number, y2012.outcome?.number, y2012.status]).toEqual([21, 18.5, 'missed']);
  }, 60_000);
});

describe('judge: the status rules', () => {
  const fig = (number: number, bound: Figure['bound'], upper: number | null = null, unit = '%'): Figure => ({
    measure: 'growth',
    number,
    upper,
    unit,
    bound,
    scaledFactor: 1,
    scaledUnit: unit,
    decimals: String(number).split('.')[1]?.length ?? 0,
  });

  it('左右 allows the rounding of the target: 7%左右 is met by 6.9%, 5.5%左右 missed by 5.4%', () => {
    expect(judge(fig(7, 'approx'), fig(6.9, null), 'higher-better')).toEqual({ status: 'met', rule: 'higher-better/reach-lower-end+rounding' });
    expect(judge(fig(5.5, 'approx'), fig(5.4, null), 'higher-better').status).toBe('missed');
    expect(judge(fig(3, 'approx'), fig(3.4, null), 'ceiling').status).toBe('met');
    expect(judge(fig(3, 'lte'), fig(3.4, null), 'ceiling')).toEqual({ status: 'missed', rule: 'at-most' });
  });

  it('a fall is met when it is at least as deep: 下降3.1%以上 by -5.6, 降低2.5%左右 by -2.46', () => {
    expect(judge(fig(-3.1, 'gte'), fig(-5.6, null), 'lower-better')).toEqual({ status: 'met', rule: 'at-least' });
    expect(judge(fig(-3.1, 'gte'), fig(-2, null), 'lower-better').status).toBe('missed');
    expect(judge(fig(-2.5, 'approx'), fig(-2.46, null), 'lower-better')).toEqual({ status: 'met', rule: 'fall+rounding' });
  });

  it('different units are not compared, but a count may be written once without its measure word', () => {
    expect(judge(fig(1, 'gte'), fig(0.2, null, null, '个百分点'), 'higher-better').status).toBe('not-comparable');
    expect(judge(fig(3, 'approx', null, '%'), fig(2, null, null, ''), 'higher-better').status).toBe('not-comparable');
    // 市场主体1500万左右 (广东 2022) against 1600万户
    expect(judge(fig(1500, 'approx', null, ''), fig(1600, null, null, '户'), 'higher-better').status).toBe('met');
  });

  it('higher-better with a range: met exactly when the outcome reaches the lower end (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: -100, max: 300 }), (lo, width, o) => {
        const t = fig(lo / 10, null, (lo + width) / 10);
        return judge(t, fig(o / 10, null), 'higher-better').status === (o >= lo ? 'met' : 'missed');
      }),
    );
  });
});

describe.skipIf(!have)('targets: speed and the command', () => {
  it('the stage takes well under 3 s on 30 reports', () => {
    const files = [
      ...expected.inputs.national,
      ...expected.inputs.guangdong,
      ...[2012, 2013, 2014, 2015, 2016, 2017, 2018].map((y) => `gbk/hailar-district-${y}.gbk.txt`),
    ].slice(0, 30);
    expect(files.length).toBe(30);
    const docs = files.map(input);
    const t0 = performance.now();
    const r = targets(docs);
    const ms = performance.now() - t0;
    console.log(`targets() on 30 reports: ${ms.toFixed(0)} ms (analysis not included), ${r.rows.length} rows`);
    expect(ms).toBeLessThan(3000);
  }, 120_000);

  function io(): Io & { out: string; err: string } {
    const o = {
      out: '',
      err: '',
      cwd: CORPUS,
      stdout: { write: (s: string | Uint8Array) => ((o.out += typeof s === 'string' ? s : Buffer.from(s).toString('latin1')), true), isTTY: false },
      stderr: { write: (s: string | Uint8Array) => ((o.err += String(s)), true), isTTY: false },
    };
    return o as unknown as Io & { out: string; err: string };
  }

  it('is named by the help and the usage messages, and has its own help', async () => {
    const h = io();
    expect(await main(['targets', '--help'], h)).toBe(0);
    expect(h.out).toMatch(/^Usage: baogao targets /);
    expect(h.out).toContain('Examples:');
    const top = io();
    await main(['--help'], top);
    expect(top.out).toMatch(/\n  targets +/);
    const bad = io();
    expect(await main(['frobnicate'], bad)).toBe(2);
    expect(bad.err).toContain('targets');
    const fmt = io();
    expect(await main(['targets', '-f', 'pdf', 'x.txt'], fmt)).toBe(2);
    expect(fmt.err).toMatch(/invalid --format 'pdf'/);
  });

  it('prints the JSON document, a text table, CSV, and writes a workbook', async () => {
    const files = ['zh/national-2019-gov-work-report.zh.txt', 'zh/national-2020-gov-work-report.zh.txt'];
    const j = io();
    expect(await main(['targets', '--format', 'json', ...files], j)).toBe(0);
    const doc = TargetsResult.parse(JSON.parse(j.out));
    expect(doc).toMatchObject({ format: 'baogao-targets', formatVersion: 1 });
    expect(doc.rows.find((r) => r.year === 2019 && r.metric.canonical === 'gdp')?.status).toBe('met');

    const t = io();
    expect(await main(['targets', ...files], t)).toBe(0);
    expect(t.out).toMatch(/^全国: \d+ rows/);
    expect(t.out).toMatch(/2019 +国内生产总值 增速 +\+6–6\.5%/);

    const c = io();
    expect(await main(['targets', '-f', 'csv', ...files], c)).toBe(0);
    expect(c.out.split('\r\n')[0]).toMatch(/^\ufeffplace,year,metric,canonical,measure,target,/);

    const dir = mkdtempSync(join(tmpdir(), 'baogao-targets-'));
    try {
      const x = io();
      expect(await main(['targets', ...files, '-o', join(dir, 't.xlsx')], x)).toBe(0);
      expect(readFileSync(join(dir, 't.xlsx')).subarray(0, 2).toString()).toBe('PK');
      const bad = io();
      expect(await main(['targets', '-f', 'xlsx', ...files], bad)).toBe(2);
      expect(bad.err).toMatch(/needs|goes to a file/);
      const none = io();
      expect(await main(['targets', join(dir, 'missing.txt'), '-o', join(dir, 'out.json')], none)).toBe(2);
      expect(existsSync(join(dir, 'out.json'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
