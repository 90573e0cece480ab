/**
 * Canonical metric ids (dictionaries/metrics.json, src/claims/canonical.ts): the dictionary's
 * integrity, and one test per matching rule on metric phrases as they stand in real sentences of
 * ../shared/corpus (each sentence is quoted with its file; the test checks the phrase is in it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalMetric, metricIds, metricIndex, metricInfo, metricMatch, METRIC_KINDS, METRIC_POLARITIES, METRIC_UNITS } from '../src/claims/canonical.js';
import { canonicalMetric as viaLexicon } from '../src/claims/lexicon.js';
import { dictionariesDir } from '../src/dictionaries.js';
import { analyze } from '../src/model/analyze.js';
import { readDocument } from '../src/read/index.js';

const raw = JSON.parse(readFileSync(join(dictionariesDir(), 'metrics.json'), 'utf8')) as Record<string, unknown>;

/** The id of `phrase`, which must stand in `sentence` (a real sentence, quoted from the corpus). */
function idIn(sentence: string, phrase: string): string | null {
  expect(sentence).toContain(phrase);
  return canonicalMetric(phrase);
}

describe('dictionaries/metrics.json', () => {
  it('has at least 80 ids, each with zh aliases, a unit kind, a polarity and a kind', () => {
    const ids = metricIds();
    expect(ids.length).toBeGreaterThanOrEqual(80);
    for (const [id, e] of Object.entries(raw)) {
      if (id.startsWith('$')) continue;
      const entry = e as Record<string, unknown>;
      expect(Array.isArray(entry.zh) && (entry.zh as unknown[]).length > 0, `${id}.zh`).toBe(true);
      expect(Array.isArray(entry.en), `${id}.en`).toBe(true);
      expect(METRIC_UNITS, `${id}.unit`).toContain(entry.unit);
      expect(METRIC_POLARITIES, `${id}.polarity`).toContain(entry.polarity);
      expect(METRIC_KINDS, `${id}.kind`).toContain(entry.kind);
      expect(/^[a-z][a-z0-9_]*$/.test(id), id).toBe(true);
    }
  });

  it('names only known ids in its pairs', () => {
    for (const ids of Object.values(raw.$pairs as Record<string, string[]>)) for (const id of ids) expect(metricInfo(id), id).not.toBeNull();
  });

  it('lists no alias under two ids, in either language', () => {
    for (const lang of ['zh', 'en'] as const) {
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const [alias, id] of metricIndex()[lang]) {
        const prev = owner.get(alias);
        if (prev && prev !== id) clashes.push(`${alias}: ${prev} / ${id}`);
        owner.set(alias, id);
      }
      expect(clashes, lang).toEqual([]);
    }
  });

  it('covers the headline indicators of work reports, communiqués and discipline reports', () => {
    const want = [
      'gdp', 'gdp_per_capita', 'primary_value_added', 'secondary_value_added', 'service_value_added', 'industrial_value_added', 'fixed_asset_investment',
      'manufacturing_investment', 'infrastructure_investment', 'private_investment', 'real_estate_investment', 'retail_sales', 'foreign_trade', 'exports',
      'imports', 'fdi', 'general_budget_revenue', 'general_budget_expenditure', 'tax_revenue', 'cpi', 'ppi', 'urban_new_jobs', 'surveyed_unemployment',
      'registered_unemployment', 'disposable_income', 'urban_income', 'rural_income', 'consumption_expenditure', 'grain_output', 'energy_intensity',
      'carbon_intensity', 'pm25', 'good_air_days_ratio', 'rd_intensity', 'urbanization_rate', 'forest_coverage', 'high_tech_enterprises', 'patents',
      'population', 'births', 'freight_turnover', 'tourist_arrivals', 'tourism_revenue', 'cases_filed', 'people_disciplined', 'detention',
      'transferred_to_procuratorate', 'talks_and_inquiries', 'problem_leads', 'inspections', 'petitions_and_reports', 'eight_point_violations',
      'voluntary_surrender',
    ];
    expect(want.filter((id) => !metricInfo(id))).toEqual([]);
  });

  it('says what it is read by, and that file exists', () => {
    const comment = String(raw.$comment);
    const named = /src\/[\w/.-]+\.ts/.exec(comment)?.[0];
    expect(named).toBeTruthy();
    expect(existsSync(join(dictionariesDir(), '..', named!))).toBe(true);
  });
});

describe('metricInfo', () => {
  it('gives the unit kind, polarity and kind the targets work needs', () => {
    expect(metricInfo('cpi')).toMatchObject({ id: 'cpi', unit: 'percent', polarity: 'ceiling', kind: 'rate' });
    expect(metricInfo('surveyed_unemployment')).toMatchObject({ unit: 'percent', polarity: 'lower-better' });
    expect(metricInfo('energy_intensity')).toMatchObject({ polarity: 'lower-better', kind: 'rate' });
    expect(metricInfo('urban_new_jobs')).toMatchObject({ unit: 'people', polarity: 'higher-better', kind: 'count' });
    expect(metricInfo('gdp')?.zh).toContain('地区生产总值');
    expect(metricInfo('cases_filed')?.agent).toBe(true);
    expect(metricInfo('no_such_metric')).toBeNull();
  });
});

describe('canonicalMetric, Chinese: the alias must be the head of the phrase', () => {
  it('rule 1: a share or ratio of a metric never takes its id (财政性教育经费占国内生产总值比例)', () => {
    // zh/national-2018: 坚持教育优先发展，财政性教育经费占国内生产总值比例持续超过4%。
    const s1 = '坚持教育优先发展，财政性教育经费占国内生产总值比例持续超过4%。';
    expect(idIn(s1, '财政性教育经费占国内生产总值比例')).toBe('education_spending_share');
    // zh/prov-guangdong-2024: 海洋生产总值占比达14%、总量连续29年居全国首位
    const s2 = '实施海洋强省建设三年行动，海洋生产总值占比达14%、总量连续29年居全国首位。';
    expect(idIn(s2, '海洋生产总值占比')).toBeNull();
    // zh/national-2015, 2017: 国内生产总值之比 (a ratio to GDP); a share the genre rarely names gets no id
    expect(canonicalMetric('国内生产总值之比')).toBeNull();
    expect(canonicalMetric('占地区生产总值比重')).toBeNull();
  });

  it('rule 2: another aggregate is not gdp (海洋生产总值, 数字经济核心产业增加值)', () => {
    // zh/prov-zhejiang-2025: 实施海洋经济高质量发展倍增行动，全省海洋生产总值增长6.5%左右
    const s = '实施海洋经济高质量发展倍增行动，全省海洋生产总值增长6.5%左右。';
    expect(idIn(s, '全省海洋生产总值')).toBe('marine_gdp');
    // zh/city-yangzhou-2023: 数字经济核心产业增加值占地区生产总值比重提升1.5个百分点
    const s2 = '数字经济核心产业增加值占地区生产总值比重提升1.5个百分点。';
    expect(idIn(s2, '数字经济核心产业增加值')).toBe('digital_economy_core_value_added');
    expect(idIn(s2, '数字经济核心产业增加值占地区生产总值比重')).toBe('digital_economy_share');
    // reference/nbs-*: 农副食品加工业增加值 is one industry's, not 规上工业's
    expect(canonicalMetric('农副食品加工业增加值')).toBeNull();
  });

  it('rule 3: the per-capita figure has its own id (人均地区生产总值)', () => {
    // series/guangdong/prov-guangdong-2021: 人均地区生产总值9.4万元、年均增长4.2%
    const s = '进出口总额突破7万亿元，5年累计实际利用外资7277亿元。人均地区生产总值9.4万元、年均增长4.2%。';
    expect(idIn(s, '人均地区生产总值')).toBe('gdp_per_capita');
    expect(canonicalMetric('人均国内生产总值')).toBe('gdp_per_capita');
  });

  it('rule 4: GDP增速 and 经济增长 are gdp; words after the head that say how it moved do not block it', () => {
    // zh/prov-zhejiang-2025 (docx/2025年浙江省政府工作报告.docx): 确保项目投资增速快于GDP增速
    const s = '确保项目投资增速快于GDP增速、制造业投资增速快于面上投资增速';
    expect(idIn(s, 'GDP增速')).toBe('gdp');
    // zh/national-2024: 经济增长预期目标为5%左右
    expect(idIn('兼顾了需要和可能。经济增长预期目标为5%左右，考虑了促进就业增收', '经济增长预期目标')).toBe('gdp');
    expect(canonicalMetric('经济增长')).toBe('gdp');
    // zh/prov-sichuan-2021: 地区生产总值年均增长7%
    const s2 = '五年来，我们大力推动经济转型升级，综合实力再上新台阶。地区生产总值年均增长7%';
    expect(idIn(s2, '地区生产总值年均增长')).toBe('gdp');
    expect(canonicalMetric('生产总值年均增长')).toBe('gdp');
    // zh/national-2015: 今年粮食产量要稳定在5.5亿吨以上 — a modal after the head
    const s3 = '今年粮食产量要稳定在5.5亿吨以上，保障粮食安全和主要农产品供给';
    expect(idIn(s3, '今年粮食产量要')).toBe('grain_output');
  });

  it('rule 5: scope and time words before the head do not block it (全省, 全市, 地区, 全年, 城镇, 2024年)', () => {
    // series/guangdong/prov-guangdong-2019: 全省地区生产总值达9.73万亿元、同比增长6.8%
    const s = '全省地区生产总值达9.73万亿元、同比增长6.8%';
    expect(idIn(s, '全省地区生产总值')).toBe('gdp');
    // reference/nbs-2024: 全年全国居民人均可支配收入41314元
    expect(canonicalMetric('全年全国居民人均可支配收入')).toBe('disposable_income');
    expect(canonicalMetric('2024年全市规模以上工业增加值')).toBe('industrial_value_added');
    // the longest alias that is the head wins: 城镇居民人均可支配收入 is urban, not all residents
    expect(canonicalMetric('全省城镇居民人均可支配收入')).toBe('urban_income');
  });

  it('rule 6: other modifiers before the head make it a part: 城镇常住人口 is not population, 入境游客 not all tourists', () => {
    // zh/city-zhongwei-2021: 到2025年，全市城镇常住人口达70万人、城镇化率达到54%
    const s = '到2025年，全市城镇常住人口达70万人、城镇化率达到54%、市辖区达到60%。';
    expect(idIn(s, '全市城镇常住人口')).toBe('urban_population');
    expect(idIn(s, '城镇化率')).toBe('urbanization_rate');
    // zh/national-2016: 常住人口城镇化率达到60%、户籍人口城镇化率达到45% — two indicators
    const s3 = '到2020年，常住人口城镇化率达到60%、户籍人口城镇化率达到45%。';
    expect(idIn(s3, '常住人口城镇化率')).toBe('urbanization_rate');
    expect(idIn(s3, '户籍人口城镇化率')).toBe('hukou_urbanization_rate');
    expect(canonicalMetric('入境游客')).toBeNull();
    expect(canonicalMetric('高技术产业实际使用外资')).toBeNull();
    // zh/national-2024: 脱贫地区农村居民收入增长8.4% — a kind of area is a part, not a place's name
    const s2 = '脱贫攻坚成果巩固拓展，脱贫地区农村居民收入增长8.4%。';
    expect(idIn(s2, '脱贫地区农村居民收入')).toBeNull();
    // a place before the head may be a part (广州 in a provincial report, 东盟 a trading partner)
    expect(canonicalMetric('广州经济总量')).toBeNull();
    expect(canonicalMetric('东盟进出口')).toBeNull();
    expect(canonicalMetric('占全省一般公共预算支出')).toBeNull();
    // the regions of the national communiqués are named scopes: 东部地区生产总值 (reference/nbs-*)
    expect(canonicalMetric('东部地区生产总值')).toBe('gdp');
  });

  it('rule 7: short aliases do not fire inside longer unrelated words', () => {
    // zh/national-2018: 改革出口退税负担机制 — 出口退税 is a rebate, not exports
    const s = '改革出口退税负担机制、退税增量全部由中央财政负担';
    expect(idIn(s, '出口退税')).toBeNull();
    // zh/national-2018: 高速铁路运营里程从9000多公里增加到2万5千公里 — 铁路 inside, the head is 高速铁路
    const s2 = '高速铁路运营里程从9000多公里增加到2万5千公里、占世界三分之二';
    expect(idIn(s2, '高速铁路运营里程')).toBe('railway_length');
    expect(canonicalMetric('铁路投资')).toBeNull();
    // 进出口 is foreign trade; 出口 inside it is not exports
    expect(canonicalMetric('货物进出口总额')).toBe('foreign_trade');
    expect(canonicalMetric('服务进出口逆差')).toBeNull();
    // an alias spelled in full-width letters is the same alias
    expect(canonicalMetric('ＧＤＰ增速')).toBe('gdp');
  });

  it('rule 8: a note in brackets after the head does not block it', () => {
    // reference/nbs-2019: 其中，固定资产投资（不含农户）551478亿元
    const s = '其中，固定资产投资（不含农户）551478亿元，增长5.4%。';
    expect(idIn(s, '固定资产投资（不含农户）')).toBe('fixed_asset_investment');
    expect(canonicalMetric('固定资产投资（不含农户')).toBe('fixed_asset_investment');
    // reference/nbs-*: footnote marks 国内生产总值[2]
    expect(canonicalMetric('国内生产总值[2]')).toBe('gdp');
  });

  it('rule 9: the discipline genre — an action keeps its id after the body that did it, but not as the last item of a list', () => {
    // zh/party-ccdi-2012: 全国纪检监察机关共立案643759件，结案639068件，给予党纪政纪处分668429人
    const s = '2007年11月至2012年6月，全国纪检监察机关共立案643759件，结案639068件，给予党纪政纪处分668429人';
    expect(idIn(s, '全国纪检监察机关共立案')).toBe('cases_filed');
    expect(idIn(s, '结案')).toBe('cases_closed');
    expect(idIn(s, '给予党纪政纪处分')).toBe('people_disciplined');
    // zh/party-ccdi-2017: 全国纪检监察机关共接受信访举报1218.6万件（次），处置问题线索267.4万件，立案154.5万件
    const s3 = '全国纪检监察机关共接受信访举报1218.6万件（次），处置问题线索267.4万件，立案154.5万件';
    expect(idIn(s3, '全国纪检监察机关共接受信访举报')).toBe('petitions_and_reports');
    expect(idIn(s3, '处置问题线索')).toBe('problem_leads');
    expect(idIn(s3, '立案')).toBe('cases_filed');
    expect(canonicalMetric('中央八项规定精神问题')).toBe('eight_point_violations');
    // zh/party-ccdi-2017: 运用第一种形态批评教育、谈话函询95.5万人次 — the first form, not the talks alone
    const s2 = '其中，运用第一种形态批评教育、谈话函询95.5万人次、占46.7%';
    expect(idIn(s2, '运用第一种形态批评教育、谈话函询')).toBeNull();
    expect(canonicalMetric('谈话函询')).toBe('talks_and_inquiries');
  });

  it('rule 10: the words before an action may name the body that acted, and nothing else (police cases are not the commission\'s)', () => {
    // docx/2025年四川省政府工作报告.docx: 刑事、治安案件立案数分别下降25.7%、6%
    const s = '严密防范暴恐案事件和重大个人极端案事件，刑事、治安案件立案数分别下降25.7%、6%，群众安全感不断增强。';
    expect(idIn(s, '治安案件立案数')).toBeNull();
    // docx/2025年陕西省政府工作报告.docx: 信访总量和刑事立案量分别下降32.4%和19.9%
    const s2 = '强化社会治安整体防控和矛盾纠纷排查化解，信访总量和刑事立案量分别下降32.4%和19.9%';
    expect(idIn(s2, '刑事立案量')).toBeNull();
    expect(idIn(s2, '信访总量')).toBe('petitions_total');
    // zh/party-ccdi-2017: 中央纪委机关立案查处22人, 纪检系统处分1万余人
    expect(canonicalMetric('中央纪委机关立案查处')).toBe('cases_filed');
    expect(canonicalMetric('纪检系统处分')).toBe('people_disciplined');
    // zh/party-ccdi-2017: 对湖南衡阳破坏选举案严肃问责，467人受到责任追究 / 通报曝光42起典型案例
    expect(idIn('对湖南衡阳破坏选举案严肃问责，467人受到责任追究。', '受到责任追究')).toBe('accountability');
    expect(idIn('重点对25个省区市263个问题督查督办，通报曝光42起典型案例。', '通报曝光')).toBe('cases_exposed');
  });

  it('rule 11: a pair named at once (城乡居民人均可支配收入) gets no id alone, and its items\' ids in a 分别 list', () => {
    // zh/city-chengdu-2022: 地方一般公共预算收入增长7%；城乡居民人均可支配收入分别增长7.3%、8.2%
    const s = '地方一般公共预算收入增长7%；城乡居民人均可支配收入分别增长7.3%、8.2%；';
    expect(idIn(s, '城乡居民人均可支配收入')).toBeNull();
    expect(canonicalMetric('城乡居民人均可支配收入', 'zh', { item: 0 })).toBe('urban_income');
    expect(canonicalMetric('城乡居民人均可支配收入', 'zh', { item: 1 })).toBe('rural_income');
    expect(canonicalMetric('城乡居民人均可支配收入', 'zh', { item: 2 })).toBeNull();
    // a phrase that names one metric keeps it whatever the item
    expect(canonicalMetric('地方一般公共预算收入', 'zh', { item: 1 })).toBe('general_budget_revenue');
    // the pair is a head like any alias: scope before it, nothing else
    expect(canonicalMetric('全市城乡居民人均可支配收入', 'zh', { item: 1 })).toBe('rural_income');
  });

  it('keeps the old callers working: lexicon re-exports it, and anywhere finds an alias that is not the head', () => {
    expect(viaLexicon('地区生产总值', 'zh')).toBe('gdp');
    expect(canonicalMetric('财政性教育经费占国内生产总值', 'zh', { anywhere: true })).toBe('gdp');
    expect(canonicalMetric('')).toBeNull();
    const m = metricMatch('全省地区生产总值年均增长');
    expect(m).toMatchObject({ id: 'gdp', alias: '地区生产总值', start: 2, end: 8 });
  });

  it('holds for every alias of the dictionary: scope before and growth after keep its id, a share of it never has it', () => {
    const bad: string[] = [];
    for (const [alias, id] of metricIndex().zh) {
      if (canonicalMetric(alias) !== id) bad.push(`${alias}: ${canonicalMetric(alias)} (alone)`);
      if (canonicalMetric(`全省${alias}增长`) !== id) bad.push(`全省${alias}增长: ${canonicalMetric(`全省${alias}增长`)}`);
      if (canonicalMetric(`2024年${alias}同比`) !== id) bad.push(`2024年${alias}同比`);
      for (const share of [`${alias}占比`, `${alias}占全国比重`, `财政性教育经费占${alias}比例`, `海洋${alias}`]) if (canonicalMetric(share) === id) bad.push(`${share}: ${id}`);
    }
    expect(bad).toEqual([]);
  });

  it('is a function of the phrase alone and never throws (property)', () => {
    const pieces = ['全省', '地区生产总值', '占', '比重', '增长', '海洋', '、', '（不含农户）', '立案', '出口', '进', 'GDP', '2024年', '人均', ''];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), fc.string({ maxLength: 6 }), (parts, junk) => {
        const p = parts.join('') + junk;
        const id = canonicalMetric(p);
        expect(id === null || metricInfo(id) !== null).toBe(true);
        expect(canonicalMetric(p)).toBe(id);
        const m = metricMatch(p);
        if (m) expect(p.length >= m.end && m.start >= 0).toBe(true);
      }),
    );
  });

  it('stays linear: a 200,000-character phrase is matched fast', () => {
    const long = '全省'.repeat(50_000) + '地区生产总值' + '增长'.repeat(25_000);
    const t0 = performance.now();
    expect(canonicalMetric(long)).toBe('gdp');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('canonicalMetric, English (official translations)', () => {
  it('finds the ids of the national reports\' phrases', () => {
    // en/national-2015..2021
    expect(canonicalMetric('registered urban unemployment rate', 'en')).toBe('registered_unemployment');
    expect(canonicalMetric('CPI increase', 'en')).toBe('cpi');
    expect(canonicalMetric('forest coverage', 'en')).toBe('forest_coverage');
    expect(canonicalMetric('energy consumption per unit of GDP', 'en')).toBe('energy_intensity');
    expect(canonicalMetric('new urban jobs', 'en')).toBe('urban_new_jobs');
    expect(canonicalMetric('share of coal consumption', 'en')).toBe('coal_share');
  });

  it('matches whole words, a plural s allowed', () => {
    // en/national-2015: The length of high-speed railways that are up and running in China
    expect(canonicalMetric('The length of high-speed railways', 'en')).toBe('railway_length');
    expect(canonicalMetric('km2 of land', 'en')).toBeNull();
    expect(canonicalMetric('GDPR compliance', 'en')).toBeNull();
  });
});

/**
 * The measure of #16 (run on demand: it reads the whole corpus): the share of claims per report that
 * get an id, now and with a baseline dictionary read by the old rule (the longest alias anywhere).
 *
 *   git show 36d5baa:dictionaries/metrics.json > /tmp/metrics.old.json
 *   METRICS_MEASURE=1 METRICS_BASELINE=/tmp/metrics.old.json npx vitest run tests/metrics.test.ts -t measure
 */
const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
describe.runIf(process.env.METRICS_MEASURE && existsSync(CORPUS))('measure over the corpus', () => {
  it('measure: the share of claims per report with an id, before and after', { timeout: 600_000 }, async () => {
    const base = process.env.METRICS_BASELINE ? (JSON.parse(readFileSync(process.env.METRICS_BASELINE, 'utf8')) as Record<string, { zh?: string[] }>) : null;
    const oldAliases: Array<[string, string]> = [];
    if (base) for (const [id, e] of Object.entries(base)) if (!id.startsWith('$') && Array.isArray(e.zh)) for (const a of e.zh) oldAliases.push([a, id]);
    oldAliases.sort((a, b) => b[0].length - a[0].length);
    const oldId = (p: string) => oldAliases.find(([a]) => p.includes(a))?.[1] ?? null;
    const rows: string[] = [];
    const shares: Array<[number, number]> = [];
    for (const dir of ['', 'zh', 'series/guangdong', 'series/national', 'gbk', 'docx', 'reference']) {
      for (const f of readdirSync(join(CORPUS, dir)).sort()) {
        if (!/\.(txt|docx)$/.test(f)) continue;
        const report = analyze((await readDocument(join(CORPUS, dir, f))).text);
        const n = report.claims.length;
        if (!n) continue;
        const now = report.claims.filter((c) => c.metric.canonical).length;
        const before = report.claims.filter((c) => c.metric.text && oldId(c.metric.text)).length;
        shares.push([before / n, now / n]);
        rows.push(`${join(dir, f)}\t${n}\t${((100 * before) / n).toFixed(1)}\t${((100 * now) / n).toFixed(1)}`);
      }
    }
    const mean = (k: 0 | 1) => (100 * shares.reduce((s, x) => s + x[k], 0)) / shares.length;
    console.log(`report\tclaims\tbefore %\tafter %\n${rows.join('\n')}\nmean of ${shares.length} reports\t\t${mean(0).toFixed(1)}\t${mean(1).toFixed(1)}`);
    expect(shares.length).toBeGreaterThan(50);
    if (base) expect(mean(1)).toBeGreaterThan(mean(0));
  });
});
