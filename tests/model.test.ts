/**
 * The report model on real documents: the seed's structure and placeholders, Markdown markup that
 * is no placeholder, front matter, Word-extracted text, CRLF and BOM, and the invariants on every
 * corpus file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, Report, walkSections } from '../src/index.js';
import { violations } from './helpers/invariants.js';

const corpus = new URL('../../shared/corpus/', import.meta.url).pathname;
const seed = readFileSync(join(corpus, '000_304eac767b8a3bea.txt'), 'utf8');
const zhFiles = readdirSync(join(corpus, 'zh')).filter((f) => f.endsWith('.txt')).sort();
const gbkFiles = readdirSync(join(corpus, 'gbk')).sort();

describe('the seed (a masked 述职报告)', () => {
  const r = analyze(seed);
  const top = r.sections;

  it('has six top-level sections 一…六 plus preamble, problems, plans and closing parts', () => {
    expect(top.map((s) => s.marker.text || s.role)).toEqual(['preamble', '一、', '二、', '三、', '四、', '五、', '六、', 'problems', 'plans', 'closing']);
    expect(top.filter((s) => s.marker.kind === 'chinese').every((s) => s.level === 1 && s.role === 'body')).toBe(true);
    expect(top.filter((s) => s.marker.kind === 'none').every((s) => s.level === 0 && s.heading === null)).toBe(true);
    expect(seed.slice(top[7].span.start).startsWith('在肯定成绩的同时')).toBe(true);
    expect(seed.slice(top[8].span.start).startsWith('下一步')).toBe(true);
    expect(r.statements.at(-1)?.text).toBe('以上述职，请同志们评议。');
  });

  it('has the eight run-in subsections （一）…（八） under 四', () => {
    const si = [...walkSections(top)].find((s) => s.marker.text === '四、')!;
    const subs = si.children.filter((s) => s.marker.kind === 'paren-chinese');
    expect(subs.map((s) => s.marker.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(subs.every((s) => s.runIn)).toBe(true);
    expect(subs[0].heading?.text).toBe('***产业提质增效');
    expect(subs[7].heading?.text).toBe('乡村振兴全面推进');
  });

  it('has the enumerations 一是… under 五 and 六, as sections and as statement items', () => {
    const secs = [...walkSections(top)];
    const wu = secs.find((s) => s.marker.text === '五、')!;
    const liu = secs.find((s) => s.marker.text === '六、')!;
    expect(wu.children.map((s) => s.marker.text)).toEqual(['一是', '二是', '三是', '四是', '五是']);
    expect(liu.children.map((s) => s.marker.text)).toEqual(['一是', '二是', '三是', '四是', '五是', '六是']);
    expect(liu.children[5].heading?.text).toBe('深入推进党风廉政建设和反腐败斗争');
    const items = r.statements.flatMap((s) => s.items);
    expect(items.filter((i) => i.ordinal === 6)).toHaveLength(1);
    expect(items.find((i) => i.marker === '一是')?.text.startsWith('一是就业形势保持稳定')).toBe(true);
  });

  it('reports every * run once, with a sensible kind', () => {
    const runs = [...seed.matchAll(/[0-9]*\*+(?:[0-9.*]*\*)?[0-9]*/g)].filter((m) => m[0].includes('*'));
    const stars = r.placeholders.filter((p) => p.raw.includes('*'));
    // the same runs, in order, each once
    expect(stars.map((p) => p.span.start)).toEqual(runs.map((m) => m.index));
    const at = (needle: string) => r.placeholders.find((p) => seed.slice(p.span.start - needle.length + 2, p.span.end + 4).includes(needle) || seed.slice(p.span.start, p.span.end + needle.length).includes(needle));
    expect(r.placeholders.find((p) => seed.slice(p.span.end, p.span.end + 3) === '亿元，')?.kind).toBe('number');
    expect(r.placeholders.find((p) => p.raw === '9*')).toMatchObject({ kind: 'number', pattern: '9*' });
    expect(r.placeholders.find((p) => seed.slice(p.span.end, p.span.end + 4) === '（市名）')).toMatchObject({ kind: 'name', hint: '市名' });
    expect(r.placeholders.find((p) => seed.slice(p.span.start - 3, p.span.start) === '11月')?.kind).toBe('date');
    expect(r.placeholders.find((p) => seed.slice(p.span.end, p.span.end + 2) === '景区')).toMatchObject({ kind: 'name', hint: '景区' });
    const counts = Object.fromEntries(['number', 'name', 'date', 'text', 'unknown'].map((k) => [k, r.placeholders.filter((p) => p.kind === k).length]));
    expect(counts.number).toBeGreaterThan(100);
    expect(counts.unknown).toBe(0);
    void at;
  });

  it('reports the …… in 不断开创……发展 as a text placeholder', () => {
    const p = r.placeholders.find((x) => x.raw === '……');
    expect(p).toMatchObject({ kind: 'text' });
    expect(seed.slice(p!.span.start - 4, p!.span.end + 2)).toBe('不断开创……发展');
  });

  it('holds the invariants', () => {
    expect(violations(seed, r)).toEqual([]);
  });
});

describe('Markdown reports', () => {
  it('never takes **bold** markup for a placeholder', () => {
    for (const f of zhFiles) {
      const text = readFileSync(join(corpus, 'zh', f), 'utf8');
      const r = analyze(text, { claims: false, duplicates: false });
      const stars = r.placeholders.filter((p) => p.raw.includes('*'));
      expect(stars, f).toEqual([]);
    }
  });

  it('reads ## lines and bold heading lines as headings, even with a line break inside the bold', () => {
    const text = readFileSync(join(corpus, 'zh', 'city-wuhan-2024-gov-work-report.zh.txt'), 'utf8');
    const broken = text.replace('**一、2023年工作回顾**', '**一、2023年工作回\n顾**');
    expect(broken).not.toBe(text);
    for (const t of [text, broken]) {
      const r = analyze(t, { claims: false, duplicates: false });
      const first = [...walkSections(r.sections)].find((s) => s.marker.text === '一、')!;
      expect(first.heading?.text.replace('\n', '')).toBe('2023年工作回顾');
      expect(violations(t, r)).toEqual([]);
    }
    const national = readFileSync(join(corpus, 'zh', 'national-2024-gov-work-report.zh.txt'), 'utf8');
    const r = analyze(national, { claims: false, duplicates: false });
    expect(r.sections.filter((s) => s.marker.kind !== 'none').map((s) => s.marker.text)).toEqual(['一、', '二、', '三、']);
    expect(r.title?.text).toBe('政府工作报告');
  });

  it('takes the title from YAML front matter, which is a frontmatter part', () => {
    const text = readFileSync(join(corpus, 'zh', 'party-cpc-20th-congress-2022-report.zh.txt'), 'utf8');
    const r = analyze(text, { claims: false, duplicates: false });
    expect(r.title?.text).toBe('在中国共产党第二十次全国代表大会上的报告');
    expect(r.sections[0].role).toBe('frontmatter');
    expect(text.slice(r.sections[0].span.start, r.sections[0].span.end).trim().endsWith('---')).toBe(true);
    expect(r.statements.some((s) => s.sectionId === r.sections[0].id)).toBe(false);
  });
});

describe('Word-extracted text, CRLF and BOM', () => {
  it('segments a Word-extracted report like the Markdown ones', () => {
    const text = readFileSync(join(corpus, 'zh', 'city-beijing-2025-gov-work-report.zh.txt'), 'utf8');
    const r = analyze(text, { claims: false, duplicates: false });
    const secs = [...walkSections(r.sections)];
    expect(secs.filter((s) => s.level === 1).map((s) => s.marker.text)).toEqual(['一、', '二、']);
    expect(secs.filter((s) => s.marker.kind === 'paren-chinese')).toHaveLength(11);
    expect(r.title?.text).toBe('2025年北京市政府工作报告');
  });

  it('changes nothing but offsets for CRLF line ends and a BOM', () => {
    const shape = (t: string) => {
      const r = analyze(t, { duplicates: false });
      return {
        sections: [...walkSections(r.sections)].map((s) => [s.level, s.marker.text, s.heading?.text, s.role]),
        statements: r.statements.map((s) => s.text),
        placeholders: r.placeholders.map((p) => [p.raw, p.kind, p.hint]),
        claims: r.claims.map((c) => [c.metric.text, c.value?.raw, c.growth?.quantity?.raw, c.ranks.map((x) => x.raw)]),
      };
    };
    const crlf = seed.replace(/\n/g, '\r\n');
    const bom = '\uFEFF' + seed;
    expect(shape(crlf)).toEqual(shape(seed));
    expect(shape(bom)).toEqual(shape(seed));
    expect(violations(crlf, analyze(crlf))).toEqual([]);
    expect(violations(bom, analyze(bom))).toEqual([]);
  });
});

describe('every corpus file', () => {
  const docs: Array<[string, string]> = [
    ['seed', seed],
    ...zhFiles.map((f) => [f, readFileSync(join(corpus, 'zh', f), 'utf8')] as [string, string]),
    ...gbkFiles.map((f) => [f, new TextDecoder('gb18030').decode(readFileSync(join(corpus, 'gbk', f)))] as [string, string]),
  ];
  for (const [name, text] of docs) {
    it(`${name}: validates and holds the invariants`, () => {
      const r = analyze(text);
      expect(Report.safeParse(r).success).toBe(true);
      expect(violations(text, r)).toEqual([]);
      expect(r.stats.sections).toBeGreaterThan(2);
    });
  }
});

describe('English reports through analyze()', () => {
  const enFiles = readdirSync(join(corpus, 'en')).filter((f) => f.endsWith('.txt')).sort();
  for (const f of enFiles) {
    it(`${f}: detected as English, validates and holds the invariants`, () => {
      const text = readFileSync(join(corpus, 'en', f), 'utf8');
      const r = analyze(text);
      expect(r.language).toBe('en');
      expect(violations(text, r)).toEqual([]);
      expect(r.claims.length).toBeGreaterThan(30);
    }, 60_000);
  }
  it('can be forced', () => {
    expect(analyze('国内生产总值增长5%。', { language: 'en' }).language).toBe('en');
    expect(analyze('GDP grew by 5 percent.').language).toBe('en');
    expect(analyze('国内生产总值增长5%。').language).toBe('zh');
  });
});
