/**
 * compareVersions: a Chinese report against its English translation — matched claims, claims in
 * one version only, and disagreements — on an aligned pair of the official 2019 report
 * (fixtures/en/gr2019-review.*.txt, the first 30 units of ../shared/corpus/tmx/GR2019.tmx), on
 * edited copies of it, and on the whole 2019 report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, Report, type Claim } from '../src/index.js';
import { claimFacts, compareVersions, normalizeQuantity } from '../src/compare/index.js';

const fixtures = new URL('../fixtures/en/', import.meta.url).pathname;
const corpus = new URL('../../shared/corpus/', import.meta.url).pathname;
const zhText = readFileSync(join(fixtures, 'gr2019-review.zh.txt'), 'utf8');
const enText = readFileSync(join(fixtures, 'gr2019-review.en.txt'), 'utf8');

/** An English Report: analyze() with the language forced, without duplicates. */
function reportEn(text: string): Report {
  return analyze(text, { language: 'en', duplicates: false });
}

const zh = (t: string) => analyze(t, { duplicates: false });
const key = (c: Claim) => `${c.metric.canonical ?? '?'} ${(c.growth ? c.growth.direction + ' ' : '') + claimFacts(c).map((f) => f.number).join('/')}`;

describe('compareVersions on an aligned pair (2019, review of 2018)', () => {
  const z = zh(zhText);
  const e = reportEn(enText);
  const r = compareVersions(z, e);

  it('matches every claim of the pair: canonical metric + scaled number + growth', () => {
    expect(Report.safeParse(e).success).toBe(true);
    expect(r.onlyZh).toEqual([]);
    expect(r.onlyEn).toEqual([]);
    expect(r.disagree).toEqual([]);
    expect(r.matched.length).toBe(z.claims.length);
    const pairs = r.matched.map((m) => [key(m.zh), key(m.en)]);
    expect(pairs).toContainEqual(['gdp up 6.6', 'gdp up 6.6']);
    expect(pairs).toContainEqual(['cpi up 2.1', 'cpi up 2.1']);
    expect(pairs).toContainEqual(['energy_intensity down 3.1', 'energy_intensity down 3.1']);
    // 1361万人 = 13.61 million new urban jobs: 人 and a bare English count are one unit class
    expect(pairs).toContainEqual(['urban_new_jobs 13610000', 'urban_new_jobs 13610000']);
    expect(pairs).toContainEqual(['surveyed_unemployment 5', 'surveyed_unemployment 5']);
  });

  it('lists the pairs in the order of the Chinese claims', () => {
    const order = r.matched.map((m) => z.claims.indexOf(m.zh));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('reports a number the translation changed as a disagreement', () => {
    const edited = reportEn(enText.replace('Consumer prices rose by 2.1 percent.', 'Consumer prices rose by 2.4 percent.'));
    const d = compareVersions(z, edited);
    expect(d.disagree).toHaveLength(1);
    expect(d.disagree[0].reasons).toEqual(['number']);
    expect(d.disagree[0].zh.metric.canonical).toBe('cpi');
    expect(d.disagree[0].en.growth?.quantity?.raw).toBe('2.4 percent');
    expect(d.matched.length).toBe(r.matched.length - 1);
  });

  it('reports a reversed direction as a disagreement', () => {
    const edited = reportEn(enText.replace('Energy consumption per unit of GDP fell by 3.1 percent.', 'Energy consumption per unit of GDP rose by 3.1 percent.'));
    const d = compareVersions(z, edited);
    expect(d.disagree.map((x) => [x.zh.metric.canonical, x.reasons])).toEqual([['energy_intensity', ['direction']]]);
  });

  it('lists a claim the translation left out as onlyZh, and an added one as onlyEn', () => {
    const dropped = reportEn(enText.replace('Consumer prices rose by 2.1 percent.', 'Consumer prices rose.'));
    const d = compareVersions(z, dropped);
    expect(d.onlyZh.map((c) => c.metric.canonical)).toEqual(['cpi']);
    const added = reportEn(enText + 'Grain output reached 658 million metric tons.\n');
    expect(compareVersions(z, added).onlyEn.map((c) => c.metric.canonical)).toEqual(['grain_output']);
  });
});

describe('units across the translation', () => {
  it('folds 斤 into metric tons and 亩 into hectares (converted figures agree within 1%)', () => {
    const r = compareVersions(zh('粮食总产量保持在1.3万亿斤以上。\n高效节水灌溉面积增加2000万亩。\n'), reportEn('Grain output was kept above 650 million metric tons.\nThe coverage of efficient water-saving irrigation grew by 1.33 million hectares.\n'));
    expect(r.matched).toHaveLength(2);
    expect(r.matched[0].en.metric.canonical).toBe('grain_output');
    expect(r.matched[1].en.growth?.quantity?.scaled).toEqual({ number: 1_330_000, unit: '公顷' });
    expect(r.onlyZh).toEqual([]);
    expect(normalizeQuantity({ raw: '', span: { start: 0, end: 0 }, number: 1, upper: null, masked: false, pattern: null, unit: '番', scaled: { number: 1, unit: '番' }, bound: null })).toMatchObject({ number: 1, unitClass: '倍' });
  });
});

describe('the whole 2019 report against its translation', () => {
  it('matches most claims and keeps every claim in exactly one list', () => {
    const zt = readFileSync(join(corpus, 'zh', 'national-2019-gov-work-report.zh.txt'), 'utf8');
    const et = readFileSync(join(corpus, 'en', 'national-2019-gov-work-report.en.txt'), 'utf8');
    const z = zh(zt);
    const e = reportEn(et);
    const r = compareVersions(z, e);
    const zCount = r.matched.length + r.disagree.length + r.onlyZh.length;
    const eCount = r.matched.length + r.disagree.length + r.onlyEn.length;
    expect(zCount).toBe(z.claims.filter((c) => claimFacts(c).length > 0).length + z.claims.filter((c) => claimFacts(c).length === 0).length);
    expect(eCount).toBe(e.claims.length);
    expect(new Set([...r.matched.map((m) => m.zh), ...r.disagree.map((m) => m.zh), ...r.onlyZh]).size).toBe(z.claims.length);
    expect(r.matched.length).toBeGreaterThan(0.7 * Math.min(z.claims.length, e.claims.length));
    // every matched pair shares a fact and has compatible canonical metrics
    for (const m of r.matched) {
      expect(!m.zh.metric.canonical || !m.en.metric.canonical || m.zh.metric.canonical === m.en.metric.canonical).toBe(true);
    }
  });
});

describe('is this a report and its translation?', () => {
  it('reads the year of each English translation from its delivery date, not its file name', async () => {
    const { englishReportYear } = await import('../src/compare/index.js');
    for (const y of [2015, 2016, 2017, 2018, 2019, 2020, 2021]) {
      const t = readFileSync(join(corpus, 'en', `national-${y}-gov-work-report.en.txt`), 'utf8');
      expect(englishReportYear(t, 'no-year.txt'), String(y)).toBe(y);
    }
    expect(englishReportYear('Some text\nwithout a date', 'report-2022.en.txt')).toBe(2022);
    expect(englishReportYear('Some text', 'report.txt')).toBeNull();
  });

  it('warns on different years and on few shared claims, and not on a report and its own translation', async () => {
    const { versionWarnings } = await import('../src/compare/index.js');
    const load = (lang: 'zh' | 'en', y: number) => analyze(readFileSync(join(corpus, lang, `national-${y}-gov-work-report.${lang}.txt`), 'utf8'), { language: lang, duplicates: false });
    const z19 = load('zh', 2019);
    const own = compareVersions(z19, load('en', 2019));
    expect(versionWarnings(own, 2019, 2019, 'zh', 'en')).toEqual([]);
    const other = compareVersions(z19, load('en', 2020));
    const w = versionWarnings(other, 2019, 2020, 'zh', 'en');
    expect(w[0]).toBe('zh is a 2019 report and en a 2020 one: is this its translation?');
    expect(w[1]).toMatch(/^the two texts share few claims: \d+ of \d+ matched/);
    // unknown years: the share alone speaks
    expect(versionWarnings(other, null, 2020, 'zh', 'en')).toHaveLength(1);
  }, 60_000);
});
