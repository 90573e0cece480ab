/**
 * English reports: language detection, the official translations' sections and statements, the
 * model invariants on every English corpus file, and the English claims (numbers, scales, units,
 * growth, ranks, bounds, periods and modality) against the Chinese contract.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Report, type Claim, type Section } from '../src/schema/index.js';
import { walkSections } from '../src/sections/index.js';
import fc from 'fast-check';
import { detectLanguage, letterCounts } from '../src/lang/index.js';
import { romanNumber, splitSectionsEn } from '../src/sections/en.js';
import { sentenceRangesEn, splitStatementsEn } from '../src/statements/en.js';
import { canonicalEn, claimsOfText, extractClaimsEn } from '../src/claims/en.js';
import { violations } from './helpers/invariants.js';
import { analyze } from '../src/model/analyze.js';

const corpus = new URL('../../shared/corpus/', import.meta.url).pathname;
const enDir = join(corpus, 'en');
const enFiles = readdirSync(enDir).filter((f) => f.endsWith('.txt')).sort();
const read = (f: string) => readFileSync(join(enDir, f), 'utf8');

/** The Report of an English text: analyze() with the language forced. */
function reportEn(text: string): Report {
  return analyze(text, { language: 'en' });
}

const outline = (secs: Section[]) => secs.map((s) => (s.heading ? `${s.marker.text}${s.marker.text ? ' ' : ''}${s.heading.text}` : s.role));
const one = (s: string): Claim => {
  const cs = claimsOfText(s);
  expect(cs, s).toHaveLength(1);
  return cs[0];
};

describe('detectLanguage', () => {
  it('tells the corpus languages apart', () => {
    for (const f of enFiles) expect(detectLanguage(read(f)), f).toBe('en');
    const zh = readdirSync(join(corpus, 'zh')).filter((f) => f.endsWith('.txt'));
    for (const f of zh.slice(0, 6)) expect(detectLanguage(readFileSync(join(corpus, 'zh', f), 'utf8')), f).toBe('zh');
  });

  it('counts ideographs against Latin letters; ties and letterless texts are Chinese', () => {
    expect(detectLanguage('国内生产总值GDP增长5.2%，PM2.5浓度下降')).toBe('zh');
    expect(detectLanguage('GDP grew by 5.2 percent (国内生产总值)')).toBe('en');
    expect(detectLanguage('ab中文')).toBe('zh');
    expect(detectLanguage('')).toBe('zh');
    expect(detectLanguage('2024 — 5.2%')).toBe('zh');
  });

  it('stops counting once the rest cannot change the answer, and answers as the full count does', () => {
    // long texts of runs (so the early stop is reached), ideographs from the BMP and beyond
    const run = fc.tuple(fc.constantFrom('经济', 'GDP', 'ab', '\u{20000}', '5.2%', '，', ' ', 'Ａｂ', 'é'), fc.integer({ min: 1, max: 400 })).map(([s, k]) => s.repeat(k));
    fc.assert(
      fc.property(fc.array(run, { maxLength: 30 }), (runs) => {
        const t = runs.join('');
        const { cjk, latin } = letterCounts(t);
        expect(detectLanguage(t)).toBe(latin > cjk ? 'en' : 'zh');
      }),
      { numRuns: 500 },
    );
  });
});

describe('the model invariants on every English corpus file', () => {
  for (const f of enFiles) {
    it(f, () => {
      const text = read(f);
      const r = reportEn(text);
      expect(Report.safeParse(r).success).toBe(true);
      expect(violations(text, r)).toEqual([]);
      expect(r.claims.length).toBeGreaterThan(30);
      expect(r.statements.length).toBeGreaterThan(400);
    });
  }
});

describe('sections of the official translations', () => {
  it('2017, written in paragraphs: unmarked headings, numbered tasks, the closing appeal', () => {
    const text = read('national-2017-gov-work-report.en.txt');
    const { title, sections } = splitSectionsEn(text);
    expect(title?.text).toBe('REPORT ON THE WORK OF THE GOVERNMENT');
    expect(outline(sections)).toEqual([
      'preamble',
      'Review of our work in 2016',
      'What the government will do in 2017',
      'Major areas of work for 2017',
      'closing',
    ]);
    expect(sections.map((s) => s.role)).toEqual(['preamble', 'body', 'plans', 'plans', 'closing']);
    expect(sections.slice(1, 4).every((s) => s.level === 1 && s.marker.kind === 'none')).toBe(true);
    const tasks = sections[3].children;
    expect(tasks.map((s) => s.marker.text)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.']);
    expect(tasks.every((s) => s.marker.kind === 'arabic' && s.level === 2 && s.role === 'plans' && !s.runIn)).toBe(true);
    expect(tasks[0].heading?.text).toBe('Pushing ahead with the five priority tasks through reform');
    expect(text.slice(sections[4].span.start).startsWith('Esteemed Deputies,')).toBe(true);
  });

  it('2019, one sentence a line: Roman parts I–III, ten numbered tasks under III', () => {
    const text = read('national-2019-gov-work-report.en.txt');
    const { sections } = splitSectionsEn(text);
    expect(outline(sections)).toEqual([
      'preamble',
      'I. 2018 in Review',
      'II. Economic and Social Development in 2019: Overall Requirements and Policy Directions',
      'III. Tasks for 2019',
      'closing',
    ]);
    const parts = sections.slice(1, 4);
    expect(parts.map((s) => [s.marker.kind, s.marker.ordinal, s.level, s.role])).toEqual([
      ['roman', 1, 1, 'body'],
      ['roman', 2, 1, 'plans'],
      ['roman', 3, 1, 'plans'],
    ]);
    expect(parts[2].children.map((s) => s.marker.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(parts[2].children[0].heading?.text.startsWith('We will continue to develop new and improved approaches')).toBe(true);
    expect(text.slice(sections[4].span.start, sections[4].body.start + 16)).toBe('Fellow Deputies,');
  });

  it('2020: full-width Roman markers (III．) and the tasks chapters after the plan are plans', () => {
    const { sections } = splitSectionsEn(read('national-2020-gov-work-report.en.txt'));
    const parts = sections.filter((s) => s.marker.kind === 'roman');
    expect(parts.map((s) => s.marker.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parts[2].marker.text).toBe('III．');
    expect(parts.map((s) => s.role)).toEqual(['body', 'plans', 'plans', 'plans', 'plans', 'plans', 'plans', 'plans']);
  });

  it('run-in headings: a double space, or a gerund heading glued to its first sentence', () => {
    const t21 = read('national-2021-gov-work-report.en.txt');
    const s21 = [...walkSections(splitSectionsEn(t21).sections)].find((s) => s.heading?.text.startsWith('Advancing reforms in key areas'))!;
    expect(s21.runIn).toBe(true);
    expect(s21.heading?.text).toBe('Advancing reforms in key areas and further energizing market entities');
    expect(t21.slice(s21.body.start).trimStart().startsWith('While implementing policies')).toBe(true);
    const t18 = read('national-2018-gov-work-report.en.txt');
    const s18 = [...walkSections(splitSectionsEn(t18).sections)].find((s) => s.marker.text === '1.')!;
    expect(s18.heading?.text).toBe('Stepping up supply-side structural reform');
    expect(t18.slice(s18.body.start).trimStart().startsWith('In economic development')).toBe(true);
  });

  it('reads Roman numerals', () => {
    expect(['I', 'II', 'III', 'IV', 'V', 'VI', 'IX', 'XIV'].map(romanNumber)).toEqual([1, 2, 3, 4, 5, 6, 9, 14]);
    expect(romanNumber('IIII')).toBeNull();
    expect(romanNumber('')).toBeNull();
  });

  it('tiles any text, even one without headings', () => {
    for (const text of ['', 'Just one sentence.', '\n\nI. A heading\nBody text.\n', 'Fellow Deputies,\nLet us rally.']) {
      const r = reportEn(text);
      expect(violations(text, r)).toEqual([]);
    }
  });
});

describe('English enumerations (First, … Second, …)', () => {
  it('makes the paragraphs of a First/Second/Third run items of their section, as 一是、二是 are', () => {
    const text = readFileSync(join(corpus, 'en', 'national-2016-gov-work-report.en.txt'), 'utf8');
    const { sections } = splitSectionsEn(text);
    const items = [...walkSections(sections)].filter((s) => s.marker.kind === 'enumeration');
    // the first run of the report: the six tasks of 2015, under the review part
    expect(items.slice(0, 6).map((s) => s.marker.text)).toEqual(['First,', 'Second,', 'Third,', 'Fourth,', 'Fifth,', 'Sixth,']);
    expect(items.slice(0, 6).map((s) => s.marker.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(items[1].heading?.text).toBe('we intensified reform and opening up to invigorate the market');
    for (const it of items) expect(text.slice(it.marker.span!.start, it.marker.span!.end)).toBe(it.marker.text);
    expect(items.length).toBeGreaterThan(30);
  });

  it('needs a run from First, and an ordinal opening a line', () => {
    const items = (t: string) => [...walkSections(splitSectionsEn(t).sections)].filter((s) => s.marker.kind === 'enumeration').length;
    expect(items('I. Tasks\nFirst, we will cut taxes.\nSecond, we will cut fees.\n')).toBe(2);
    expect(items('I. Tasks\nSecond, we will cut taxes.\nThird, we will cut fees.\n')).toBe(0);
    expect(items('I. Tasks\nWe ranked first, second and third. First, a claim.\nSecond, another.\n')).toBe(0);
  });
});

describe('English statements', () => {
  const split = (s: string) => sentenceRangesEn(s, 0, s.length).map(([a, b]) => s.slice(a, b));

  it('splits at sentence ends, not at U.S., No. 1, Mr., decimals or initialisms', () => {
    expect(split('Trade with the U.S. grew 5.2 percent. The No. 1 central document was issued. Mr. Li spoke.')).toEqual([
      'Trade with the U.S. grew 5.2 percent.',
      'The No. 1 central document was issued.',
      'Mr. Li spoke.',
    ]);
    expect(split('He said “we will.” Then we did! Did we? Yes; e.g. this.')).toEqual(['He said “we will.”', 'Then we did!', 'Did we?', 'Yes; e.g. this.']);
  });

  it('splits glued sentences (growth.However) and always at a line end', () => {
    expect(split('healthy economic and social development.However, under the leadership\nsecond line without end')).toEqual([
      'healthy economic and social development.',
      'However, under the leadership',
      'second line without end',
    ]);
  });

  it('covers every non-blank character of 2017 (paragraphs) with exact spans', () => {
    const text = read('national-2017-gov-work-report.en.txt');
    const r = reportEn(text);
    for (const st of r.statements) expect(text.slice(st.span.start, st.span.end)).toBe(st.text);
    const first = r.statements.find((s) => s.text.startsWith('In the past year'))!;
    expect(first.text.endsWith('both at home and abroad.')).toBe(true);
  });
});

describe('English claims', () => {
  it('folds million / billion / trillion into the scaled number (12.06 million = 1206万)', () => {
    const c = one('A total of 12.06 million new urban jobs were added.');
    expect(c.metric.text).toBe('new urban jobs');
    expect(c.metric.canonical).toBe('urban_new_jobs');
    expect(c.value).toMatchObject({ raw: '12.06 million', number: 12.06, unit: 'million', scaled: { number: 12060000, unit: '' } });
    const y = one('The deficit was 1.2 trillion yuan.');
    expect(y.value).toMatchObject({ raw: '1.2 trillion yuan', number: 1.2, unit: 'trillion yuan', scaled: { number: 1_200_000_000_000, unit: '元' } });
    const usd = one('Utilized foreign investment totaled US$138.3 billion.');
    expect(usd.value).toMatchObject({ raw: 'US$138.3 billion', scaled: { number: 138_300_000_000, unit: '美元' } });
    expect(usd.metric.canonical).toBe('fdi');
  });

  it('reads growth: rose by 5.2 percent, went up 1.5 percentage points, an 8.5-percent increase, doubled', () => {
    const a = one('GDP rose by 5.2 percent.');
    expect(a.metric.canonical).toBe('gdp');
    expect(a.growth).toMatchObject({ direction: 'up', quantity: { raw: '5.2 percent', unit: 'percent', scaled: { number: 5.2, unit: '%' } } });
    const b = one('The urbanization rate went up 1.5 percentage points.');
    expect(b.growth).toMatchObject({ direction: 'up', quantity: { unit: 'percentage points', scaled: { number: 1.5, unit: '个百分点' } } });
    expect(b.metric.canonical).toBe('urbanization_rate');
    const c = one('Energy consumption per unit of GDP fell by 3.1 percent.');
    expect(c.growth?.direction).toBe('down');
    expect(c.metric.canonical).toBe('energy_intensity');
    const d = one('Industrial enterprises saw an 8.5-percent increase in profits.');
    expect(d.growth).toMatchObject({ direction: 'up', quantity: { raw: '8.5-percent', scaled: { number: 8.5, unit: '%' } } });
    expect(d.metric.text).toBe('profits');
    const e = one('The volume of technology transactions has doubled.');
    expect(e.growth).toMatchObject({ direction: 'up', quantity: { raw: 'doubled', scaled: { number: 1, unit: '倍' } } });
    const f = one('Non-financial outward direct investment reached $118 billion, up 14.7%.');
    expect(f.value?.scaled).toEqual({ number: 118_000_000_000, unit: '美元' });
    expect(f.growth).toMatchObject({ direction: 'up', quantity: { raw: '14.7%' } });
    expect(f.metric.canonical).toBe('odi');
  });

  it('reads ranks: ranked second nationwide, ranking first among developing countries', () => {
    const a = one('Our grain output ranked second nationwide.');
    expect(a.ranks).toEqual([expect.objectContaining({ raw: 'second', position: 2, scope: 'nationwide', top: false })]);
    const cs = claimsOfText('Utilized foreign investment totaled US$138.3 billion, ranking China first among developing countries.');
    expect(cs).toHaveLength(1);
    expect(cs[0].ranks[0]).toMatchObject({ position: 1, scope: 'among developing countries' });
    expect(claimsOfText('This is the first time we did it, in the first half of the year.')).toEqual([]);
  });

  it('reads bounds: around / over / more than / within / below', () => {
    expect(one('CPI increase of around 5 percent.').growth?.quantity?.bound).toBe('approx');
    const jobs = one('Over 11 million new urban jobs will be created.');
    expect(jobs.value).toMatchObject({ number: 11, scaled: { number: 11_000_000, unit: '' }, bound: 'gte' });
    expect(jobs.metric.canonical).toBe('urban_new_jobs');
    expect(one('We created more than 13 million jobs in urban areas.').value?.bound).toBe('gte');
    expect(one('The registered urban unemployment rate will be kept within 4.5 percent.').value?.bound).toBe('lte');
    expect(one('The deficit ratio stayed below 3 percent.').value?.bound).toBe('lte');
  });

  it('reads ranges and from-to baselines', () => {
    const g = one('GDP growth of 6–6.5 percent');
    expect(g.growth?.quantity).toMatchObject({ raw: '6–6.5 percent', number: 6, upper: 6.5, scaled: { number: 6, unit: '%' } });
    const t = one('The tariff level was reduced from 9.8 to 7.5 percent.');
    expect(t.baseline?.scaled).toEqual({ number: 9.8, unit: '%' });
    expect(t.value?.scaled).toEqual({ number: 7.5, unit: '%' });
  });

  it('leaves out years, dates, ordinals, names and periods', () => {
    expect(claimsOfText('On March 5, 2017, the 13th Five-Year Plan, PM2.5, 5G, the G20 and COVID-19 were discussed at the 19th National Congress.')).toEqual([]);
    expect(claimsOfText('Over the past five years, we upheld the principle of "one country, two systems" in the two regions.')).toEqual([]);
  });

  it('fills period and modality: actual, target (will, projected, plans) and forecast (expected)', () => {
    const a = one('In 2022, GDP grew by 3 percent.');
    expect(a.period?.text).toBe('In 2022');
    expect(a.modality).toBe('actual');
    expect(one('Over the past five years, grain output reached 650 million metric tons.').period?.text).toBe('Over the past five years');
    expect(one('This year we will create over 11 million urban jobs.').modality).toBe('target');
    expect(one('The deficit-to-GDP ratio is projected at 2.8 percent.').modality).toBe('target');
    expect(one('GDP is expected to grow by around 5 percent.').modality).toBe('forecast');
    // in a plans section, a number is a target unless it reports the past
    const text = 'III. Tasks for 2019\nWe aim for GDP growth of 6 percent.\nLast year, the deficit was 2.6 percent.\n';
    const { sections } = splitSectionsEn(text);
    const cs = extractClaimsEn(text, splitStatementsEn(text, sections), sections);
    expect(cs.map((c) => c.modality)).toEqual(['target', 'actual']);
  });

  it('maps units to the Chinese base units (hectares, metric tons, people, times)', () => {
    expect(one('Farmland under irrigation was expanded by 2.23 million hectares.').growth?.quantity?.scaled).toEqual({ number: 2_230_000, unit: '公顷' });
    expect(one('Grain output was kept above 650 million metric tons.').value?.scaled).toEqual({ number: 650_000_000, unit: '吨' });
    expect(one('Over 66 million more people gained access to safe drinking water.').value?.scaled).toEqual({ number: 66_000_000, unit: '人' });
    expect(one('We reduced required reserve ratios four times.').value?.scaled).toEqual({ number: 4, unit: '次' });
  });

  it('gives exact spans on the real files, and the canonical ids shared with Chinese', () => {
    const text = read('national-2017-gov-work-report.en.txt');
    const r = reportEn(text);
    const gdp = r.claims.find((c) => c.value?.raw === '74.4 trillion yuan')!;
    expect(gdp.metric.canonical).toBe('gdp');
    expect(gdp.growth?.quantity?.raw).toBe('6.7-percent');
    expect(text.slice(gdp.span.start, gdp.span.end)).toBe(gdp.text);
    const jobs = r.claims.find((c) => c.value?.raw === '13.14 million')!;
    expect(jobs.metric.canonical).toBe('urban_new_jobs');
    expect(jobs.value?.scaled?.number).toBe(13_140_000);
    const cpi = r.claims.find((c) => c.metric.canonical === 'cpi' && c.growth?.quantity?.raw === '2 percent');
    expect(cpi?.modality).toBe('actual');
    const targets = r.claims.filter((c) => c.modality === 'target');
    expect(targets.some((c) => c.metric.canonical === 'gdp' && c.growth?.quantity?.scaled?.number === 6.5)).toBe(true);
  });

  it('canonical ids: relations to a metric are not the metric', () => {
    expect(canonicalEn('gross domestic product (GDP)')).toBe('gdp');
    expect(canonicalEn('percentage of GDP')).toBeNull();
    expect(canonicalEn('energy consumption per unit of GDP')).toBe('energy_intensity');
    expect(canonicalEn('share in the global economy')).toBeNull();
    expect(canonicalEn('permanent urban residents')).not.toBe('urban_income');
  });

  it('finds placeholders in English drafts with the Chinese finder', () => {
    const text = 'I. Review\nGDP grew by **% in 20**, and ** new jobs were added in XX city.\n';
    const r = reportEn(text);
    expect(violations(text, r)).toEqual([]);
    expect(r.placeholders.length).toBeGreaterThanOrEqual(2);
    expect(r.placeholders.every((p) => p.statementId !== null)).toBe(true);
    // a translator's footnote mark is no mask
    expect(reportEn(read('national-2015-gov-work-report.en.txt')).placeholders).toEqual([]);
  });
});

describe('English duplicates (natural)', () => {
  it('finds repeated and nearly repeated sentences, not repeated words', () => {
    const text = [
      'I. Review',
      'We will deepen reform to streamline administration and delegate powers.',
      'Consumer prices rose by 2 percent.',
      'We will deepen reform to streamline administration, and delegate powers!',
      'We will deepen reforms to streamline administration and delegate more powers.',
      'Fellow Deputies,',
      'Fellow Deputies,',
      '',
    ].join('\n');
    const r = reportEn(text);
    expect(violations(text, r)).toEqual([]);
    const exact = r.duplicates.filter((d) => d.kind === 'duplicate-sentence');
    expect(exact).toHaveLength(1);
    expect(exact[0].count).toBe(2);
    expect(exact[0].severity).toBe('warning');
    const near = r.duplicates.filter((d) => d.kind === 'near-duplicate');
    expect(near).toHaveLength(1);
    expect(near[0].similarity).toBeGreaterThanOrEqual(0.85);
    expect(near[0].occurrences.map((o) => o.text)).toContain('We will deepen reforms to streamline administration and delegate more powers.');
    // the salutation is too short to count
    expect(r.duplicates.every((d) => !d.text.startsWith('Fellow'))).toBe(true);
  });
});

/**
 * compromise tags only the statements where its tags can change a claim, many statements a call
 * (src/claims/en.ts, tagBatch and tagsMatter); the claims must be exactly those of tagging every
 * statement, one call each as before.
 */
describe('English claims without tagging what tags cannot change', () => {
  const enSentences = ['national-2019-gov-work-report.en.txt', 'national-2015-gov-work-report.en.txt']
    .flatMap((f) => readFileSync(join(corpus, 'en', f), 'utf8').split(/(?<=[.;:!?\n])/))
    .filter((s) => /\d/.test(s));
  const pieces = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...enSentences) },
    {
      weight: 5,
      arbitrary: fc.constantFrom(
        'a 5%', 'key: 5%', '(b) 5%', 'b c 5%', '55 6%', '5 6%', 'x) 7%', 'a (5%)', ': 5% b', '5% (c', 'GDP: 6.6%', 'I. 5%', 'II 5%', 'one 5%',
        'a few 3%', ' of 4%', '-', ' ', '\n', '; ', ', ', '. ', 'é 5%', '汉 5%', '5%–6%', '5 percent', 'up 3%', 'by 2.1 percent', 'ranked second', 'ten million',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  const docs = fc.array(pieces, { minLength: 1, maxLength: 12 }).map((ps) => ps.join(''));
  const claimsBoth = (t: string) => {
    const { sections } = splitSectionsEn(t);
    const statements = splitStatementsEn(t, sections);
    return [extractClaimsEn(t, statements, sections), extractClaimsEn(t, statements, sections, { tagAll: true })];
  };

  it('gives the claims of tagging every statement, on English pieces and short odd lines', () => {
    fc.assert(
      fc.property(docs, (t) => {
        const [lazy, all] = claimsBoth(t);
        expect(lazy).toEqual(all);
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('gives the claims of tagging every statement on the whole English corpus', () => {
    for (const f of readdirSync(join(corpus, 'en'))) {
      const t = readFileSync(join(corpus, 'en', f), 'utf8');
      const { sections } = splitSectionsEn(t);
      const statements = splitStatementsEn(t, sections);
      expect(extractClaimsEn(t, statements, sections), f).toEqual(extractClaimsEn(t, statements, sections, { tagAll: true }));
    }
  }, 120_000);

  it('knows every number word of compromise: each word its lexicon reads as a number has a stem of NUMBER_WORD_STEM', async () => {
    const { createRequire } = await import('node:module');
    const nlp = createRequire(import.meta.url)('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
    const { NUMBER_WORD_STEM } = await import('../src/claims/en.js');
    const words = Object.entries(nlp.model().one.lexicon).filter(([, tag]) => /TextValue|Cardinal|Ordinal|Fraction|Multiple/.test(String(tag)));
    expect(words.length).toBeGreaterThan(100);
    for (const [w] of words) expect(NUMBER_WORD_STEM.test(w), w).toBe(true);
  }, 60_000);
});

describe('English claims: a digit before the number', () => {
  it('gives the same claims with and without tagging every statement ("1.#0-", found by the property test)', () => {
    const t = '1.#0-';
    const { sections } = splitSectionsEn(t);
    const statements = splitStatementsEn(t, sections);
    expect(extractClaimsEn(t, statements, sections)).toEqual(extractClaimsEn(t, statements, sections, { tagAll: true }));
  });
});
