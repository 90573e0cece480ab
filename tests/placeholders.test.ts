/**
 * Placeholders (#22, #16) and numbers too large for a double (#17), on real sentences: Markdown bold
 * and emphasis that are no masks, anonymised names of published reports, the draft masks of #16
 * (X.X%, XX亿元, □□, ○○, 【待补充】, （数据待核）, [待定]) and a 400-digit figure through analyze and
 * the schema. Lines come from fixtures/findings/excerpts.json (copied from ../shared/corpus, file and
 * lines named there) or from the corpus files themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, normalize } from '../src/index.js';
import { findPlaceholders } from '../src/annotate/placeholders.js';
import { scanNumbers } from '../src/annotate/numbers.js';
import { Report } from '../src/schema/index.js';
import { makeSource as source, type Source } from '../src/rules/index.js';
import { placeholder } from '../src/rules/text/placeholder.js';

/** the placeholder rule's findings on a report of `src` */
const placeholderFindings = (report: Report, src: Source) => placeholder.check(report, { source: src, severity: 'error', references: [] });

const CORPUS = new URL('../../shared/corpus/', import.meta.url).pathname;
const read = (f: string) => readFileSync(join(CORPUS, f), 'utf8');
const EXCERPTS: Record<string, { text: string }> = JSON.parse(readFileSync(new URL('../fixtures/findings/excerpts.json', import.meta.url), 'utf8')).excerpts;
const excerpt = (id: string) => EXCERPTS[id].text;

const placeholders = (text: string) => analyze(text, { claims: false, duplicates: false }).placeholders;
const kinds = (text: string) => placeholders(text).map((p) => [p.raw, p.kind]);

describe('Markdown markup is no mask (#22)', () => {
  const national = read('zh/national-2024-gov-work-report.zh.txt');
  const targets = '今年发展主要预期目标是：';
  it('bold inside a line (**主要预期目标**是：) in a Markdown report', () => {
    expect(national.includes(targets)).toBe(true);
    const bolded = national.replace(targets, '今年发展**主要预期目标**是：').replace('居民消费价格涨幅3%左右', '**居民消费价格**涨幅3%左右');
    expect(bolded).not.toBe(national);
    expect(placeholders(bolded).filter((p) => p.raw.includes('*'))).toEqual([]);
    // the claims stage reads the figures inside bold text as it reads them without it
    const claims = (t: string) => analyze(t).claims.map((c) => c.value?.raw ?? c.growth?.quantity?.raw);
    expect(claims(bolded)).toEqual(claims(national));
  });

  it('but a ** where a number belongs stays a mask, in Markdown too', () => {
    const masked = national.replace('国内生产总值增长5%左右', '国内生产总值增长**%左右').replace('城镇新增就业1200万人以上', '城镇新增就业**万人以上');
    const stars = placeholders(masked).filter((p) => p.raw.includes('*'));
    expect(stars.map((p) => [p.raw, p.kind])).toEqual([
      ['**', 'number'],
      ['**', 'number'],
    ]);
  });

  it('masked names and counts inside a Markdown line (用好**市…, 新增*家…、*家…) stay masks; bold lines with 名/成/多 after ** stay bold', () => {
    // prov-zhejiang-2024 (Markdown) bolds 多措并举扩大消费。 and 八是…影响力。 before 成功举办; chengdu bolds 名词解释
    const zj = read('zh/prov-zhejiang-2024-gov-work-report.zh.txt');
    expect(zj).toContain('**多措并举扩大消费。**');
    expect(zj).toContain('影响力。**成功举办');
    expect(placeholders(zj)).toEqual([]);
    expect(placeholders(read('zh/city-chengdu-2022-gov-work-report.zh.txt'))).toEqual([]);
    const masked = zj.replace('**多措并举扩大消费。**', '**多措并举扩大消费。**用好**市跨境电商综试区，新增*家省实验室、*家省级创新平台。');
    expect(kinds(masked)).toEqual([
      ['**', 'name'],
      ['*', 'number'],
      ['*', 'number'],
    ]);
  });

  it('a Markdown report known by its run-in bold headings alone (no front matter, # or whole-line bold)', () => {
    const zj = read('zh/prov-zhejiang-2024-gov-work-report.zh.txt');
    const body = zj
      .slice(zj.indexOf('\n---', 5) + 4)
      .replace(/^#+ .*$/gm, '')
      .replace(/^\s*\*\*[^*\n]+\*\*\s*$/gm, '');
    expect(body).toContain('**多措并举扩大消费。**');
    expect(placeholders(body)).toEqual([]);
  });

  it('an image in *emphasis* and a line of underscores (communiqués)', () => {
    expect(placeholders(excerpt('emphasis-image'))).toEqual([]);
    expect(placeholders(excerpt('rule-line'))).toEqual([]);
    // the whole reports too
    for (const f of ['reference/nbs-2017-statistical-communique.zh.txt', 'reference/nbs-2018-statistical-communique.zh.txt'])
      expect(placeholders(read(f)), f).toEqual([]);
  });

  it('list bullets (* ) in Markdown and lines of stars (***, * * *) are layout; masks beside them are found', () => {
    const lines = excerpt('targets').split('\n')[0].split('；');
    const text = ['## 一、主要预期目标', ...lines.map((l) => `* ${l}`), '', '***', '', '* * *', lines[0].replace('5%', '**%')].join('\n');
    expect(kinds(text)).toEqual([['**', 'number']]);
  });

  it('a blank of underscores inside a sentence stays a text mask', () => {
    expect(kinds('全面贯彻落实省委提出的“＿＿＿＿”重点工作部署。')).toEqual([['＿＿＿＿', 'text']]);
  });
});

describe('anonymised names (#22)', () => {
  it('丁某某 after a surname is anonymized, at info', () => {
    const text = excerpt('anonymised');
    const ps = placeholders(text);
    expect(ps.map((p) => [p.raw, p.kind])).toEqual([['丁某某', 'anonymized']]);
    const fs = placeholderFindings(analyze(text, { claims: false }), source('zhongwei.txt', text));
    expect(fs.map((f) => f.severity)).toEqual(['info']);
    expect(fs[0].reason).toMatch(/anonymised/);
  });

  it('张某 and 欧阳某某 too, but not 提高某些 or 某种', () => {
    const s = '经查，张某利用职务便利收受财物，欧阳某某违规操办婚丧喜庆事宜，均已给予党纪处分。要提高某些标准，防止某种倾向。';
    expect(kinds(s)).toEqual([
      ['张某', 'anonymized'],
      ['欧阳某某', 'anonymized'],
    ]);
  });

  it('a bare 某某 where a name belongs stays an error', () => {
    // the seed's sentence with its ** mask written as 某某
    const seed = read('000_304eac767b8a3bea.txt');
    const line = seed.split('\n').find((l) => l.includes('在**市不折不扣'))!;
    const text = line.replace('在**市不折不扣', '在某某市不折不扣');
    const p = placeholders(text).find((x) => x.raw === '某某');
    expect(p).toMatchObject({ kind: 'name', hint: '市' });
    const fs = placeholderFindings(analyze(text, { claims: false }), source('seed.txt', text));
    expect(fs.find((f) => f.actual === '某某')?.severity).toBe('error');
  });
});

describe('draft masks (#16)', () => {
  // the national 2024 targets line, masked as drafts are
  const line = excerpt('targets').split('\n')[0];

  it('X.X%, XX亿元, □□, ○○ where a value belongs are masked numbers, through to the claims', () => {
    expect(line).toContain('国内生产总值增长5%左右');
    const masked = line
      .replace('国内生产总值增长5%左右', '国内生产总值增长X.X%左右')
      .replace('城镇新增就业1200万人以上', '城镇新增就业□□万人以上')
      .replace('城镇调查失业率5.5%左右', '城镇调查失业率○○%左右')
      .replace('居民消费价格涨幅3%左右', '居民消费价格涨幅XX%左右');
    expect(kinds(masked)).toEqual([
      ['X.X', 'number'],
      ['□□', 'number'],
      ['○○', 'number'],
      ['XX', 'number'],
    ]);
    const r = analyze(masked);
    expect(Report.safeParse(r).success).toBe(true);
    const qs = r.claims.map((c) => c.value ?? c.growth?.quantity).filter((q) => q && q.masked);
    expect(qs.map((q) => q!.raw)).toEqual(['X.X%', '□□万人', '○○%', 'XX%']);
    for (const q of qs) expect(q).toMatchObject({ number: null, masked: true, scaled: null });
  });

  it('XX亿元 is a number, not text; XX市 a name', () => {
    const s = '全年完成固定资产投资XX亿元，XX市获批国家级示范区。';
    expect(kinds(s)).toEqual([
      ['XX', 'number'],
      ['XX', 'name'],
    ]);
    const toks = scanNumbers(normalize(s).text, 0, s.length);
    expect(toks[0]).toMatchObject({ raw: 'XX', masked: true, value: null, unit: { unit: '亿元' } });
  });

  it('X射线 and a Chinese year written with ○ are no masks', () => {
    expect(placeholders(excerpt('x-ray'))).toEqual([]);
    fc.assert(
      fc.property(fc.integer({ min: 1949, max: 2099 }), fc.constantFrom('○', '〇'), (year, zero) => {
        const cn = [...String(year)].map((d) => (d === '0' ? zero : '一二三四五六七八九'[Number(d) - 1])).join('');
        return placeholders(`${cn}年以来，全市地区生产总值年均增长6.5%。`).length === 0;
      }),
    );
  });

  it('editorial notes left in brackets: 【待补充】, （数据待核）, [待定]', () => {
    const masked = line
      .replace('国内生产总值增长5%左右', '国内生产总值增长5%左右【待补充】')
      .replace('城镇新增就业1200万人以上', '城镇新增就业1200万人以上（数据待核）')
      .replace('居民消费价格涨幅3%左右', '居民消费价格涨幅[待定]');
    const ps = placeholders(masked);
    expect(ps.map((p) => [p.raw, p.kind, p.hint])).toEqual([
      ['【待补充】', 'text', '待补充'],
      ['（数据待核）', 'number', '数据待核'],
      ['[待定]', 'text', '待定'],
    ]);
    for (const p of ps) expect(masked.slice(p.span.start, p.span.end)).toBe(p.raw);
  });

  it('finds none of these in any published report of the corpus', () => {
    for (const f of ['zh/city-zhongwei-2021-gov-work-report.zh.txt', 'zh/party-ccdi-2017-report.zh.txt', 'zh/national-2024-gov-work-report.zh.txt']) {
      const ps = placeholders(read(f)).filter((p) => p.kind !== 'anonymized');
      expect(ps, f).toEqual([]);
    }
  });
});

describe('numbers too large for a double (#17)', () => {
  const line = excerpt('targets').split('\n')[0];
  it('keeps the written value and marks it tooLarge; the report holds its schema', () => {
    const digits = '9'.repeat(400);
    const text = line.replace('城镇新增就业1200万人以上', `城镇新增就业${digits}万人以上`);
    const r = analyze(text);
    expect(Report.safeParse(r).success).toBe(true);
    const q = r.claims.map((c) => c.value).find((v) => v?.raw.startsWith('999'));
    expect(q).toMatchObject({ raw: `${digits}万人`, number: null, scaled: null, masked: false, tooLarge: true });
    // a number that fits is not marked
    expect(r.claims.every((c) => c.value === null || c.value.raw.startsWith('999') || c.value.tooLarge === undefined)).toBe(true);
  });

  it('a finite number whose scale overflows (1e300 万亿) is marked too', () => {
    const t = `${'1' + '0'.repeat(300)}万亿元`;
    const [tok] = scanNumbers(t, 0, t.length);
    expect(tok).toMatchObject({ value: null, tooLarge: true });
  });

  it('a dotted run that is no number (the address in a communiqué image link) has no value, and is not tooLarge', () => {
    const t = '![http://10.6.132.108:8080/webpic/W0202002/W020200228/W020200228346830963620.png](./W020230203576331215013.png)';
    const tok = scanNumbers(t, 0, t.length).find((x) => x.raw === '10.6.132.108');
    expect(tok).toMatchObject({ value: null });
    expect(tok?.tooLarge).toBeUndefined();
  });

  it('any run of digits gives a report that holds its schema', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 700 }), fc.constantFrom('亿元', '%', '万人', ''), (n, unit) => {
        const r = analyze(`全年地区生产总值达到${'8'.repeat(n)}${unit}，比上年增长5.2%。`);
        return Report.safeParse(r).success;
      }),
      { numRuns: 40 },
    );
  });
});
