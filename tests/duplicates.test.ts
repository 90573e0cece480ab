/**
 * The duplicates stage on the real corpus: the seed's two slips, an injected duplicate and
 * near-duplicate in real reports, the 2015 wikisource transcription's repeated paragraph, headings
 * and stock formulations left alone, and the national and Hailar series compared across years.
 * Statements come from a small local splitter (。！？； and line ends), so these tests exercise the
 * stage alone; one test runs it through analyze().
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import natural from 'natural';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NEAR_THRESHOLD,
  FormulationMatcher,
  compareDocuments,
  defaultFormulations,
  duplicateKey,
  findDuplicates,
  type CompareDoc,
} from '../src/duplicates/index.js';
import { Duplicate, type Statement } from '../src/schema/index.js';
import { analyze, sentenceRanges } from '../src/index.js';

const CORPUS = new URL('../../shared/corpus/', import.meta.url).pathname;
const read = (f: string) => readFileSync(join(CORPUS, f), 'utf8');
const readGbk = (f: string) => new TextDecoder('gb18030').decode(readFileSync(join(CORPUS, f)));
const SEED = read('000_304eac767b8a3bea.txt');

/** Statements of a text taken as one section: the library's sentence splitter, exact spans. */
function split(text: string): Statement[] {
  return sentenceRanges(text, 0, text.length).map(([start, end], k) => ({
    id: `s${k + 1}`,
    sectionId: 'sec-0',
    span: { start, end },
    text: text.slice(start, end),
    items: [],
  }));
}

function dups(text: string, options?: Parameters<typeof findDuplicates>[2]) {
  return findDuplicates(text, split(text), options);
}

/** Every occurrence slices to its text; ids run d1, d2…; order is by first occurrence; the schema holds. */
function checkShape(text: string, ds: Duplicate[]) {
  let last = -1;
  ds.forEach((d, i) => {
    expect(Duplicate.safeParse(d).success).toBe(true);
    expect(d.id).toBe(`d${i + 1}`);
    expect(d.count).toBe(d.occurrences.length);
    expect(d.occurrences.length).toBeGreaterThanOrEqual(2);
    for (const o of d.occurrences) expect(text.slice(o.span.start, o.span.end)).toBe(o.text);
    const first = d.occurrences[0].span.start;
    expect(first).toBeGreaterThanOrEqual(last);
    last = first;
  });
}

const matcher = new FormulationMatcher(defaultFormulations());

describe('repeated clauses', () => {
  it('finds the seed’s two slips as warnings with exact spans', () => {
    const ds = dups(SEED);
    checkShape(SEED, ds);
    const clauses = ds.filter((d) => d.kind === 'repeated-clause');
    const slip1 = '坚持党要管党、全面从严治党';
    const a = SEED.indexOf(slip1 + '，' + slip1);
    expect(a).toBeGreaterThan(0);
    const d1 = clauses.find((d) => d.text === slip1);
    expect(d1?.severity).toBe('warning');
    expect(d1?.occurrences.map((o) => o.span)).toEqual([
      { start: a, end: a + slip1.length },
      { start: a + slip1.length + 1, end: a + 2 * slip1.length + 1 },
    ]);

    const slip2 = '深入学习贯彻党的二十大精神';
    const line2 = SEED.indexOf('今年以来，市委、市政府领导班子');
    const b1 = SEED.indexOf(slip2, line2);
    const b2 = SEED.indexOf(slip2, b1 + 1);
    expect(b2).toBeLessThan(SEED.indexOf('\n', line2)); // both in the second paragraph
    const d2 = clauses.find((d) => d.text === slip2);
    expect(d2?.severity).toBe('warning');
    expect(d2?.occurrences.map((o) => o.span)).toEqual([
      { start: b1, end: b1 + slip2.length },
      { start: b2, end: b2 + slip2.length },
    ]);
    // the two slips are the seed's only warnings
    expect(ds.filter((d) => d.severity === 'warning').map((d) => d.text)).toEqual([slip2, slip1]);
  });

  it('finds them through analyze() with the real splitter too', () => {
    const report = analyze(SEED);
    const warn = report.duplicates.filter((d) => d.kind === 'repeated-clause' && d.severity === 'warning').map((d) => d.text);
    expect(warn).toContain('坚持党要管党、全面从严治党');
    expect(warn).toContain('深入学习贯彻党的二十大精神');
    checkShape(SEED, report.duplicates);
  });

  it('leaves parallel phrasing alone: short list items far apart, figures across sentences', () => {
    const text =
      '大力拓展中间品贸易、服务贸易、绿色贸易和数字贸易，推动跨境电商高质量发展，统筹推进企业出海，加强海外综合服务体系建设，全年货物贸易出口保持基本稳定，服务贸易、数字贸易出口分别增长6%。\n' +
      '接待国内游客120万人次，同比增长15%；实现旅游收入8亿元，同比增长15%。';
    expect(dups(text).filter((d) => d.kind === 'repeated-clause')).toEqual([]);
  });

  it('finds a clause said twice across two sentences in a row', () => {
    const text = '我们要凝心聚力，坚定不移推进全面深化改革。坚定不移推进全面深化改革，激发市场活力。';
    const d = dups(text).find((x) => x.kind === 'repeated-clause');
    expect(d?.occurrences.map((o) => o.text)).toEqual(['坚定不移推进全面深化改革', '坚定不移推进全面深化改革']);
    expect(d?.occurrences.map((o) => o.statementId)).toEqual(['s1', 's2']);
  });
});

describe('duplicate sentences and paragraphs', () => {
  it('finds a sentence injected twice in a real report, ignoring punctuation, spaces and width', () => {
    const base = read('zh/national-2019-gov-work-report.zh.txt');
    const sentence = '城镇新增就业1361万人、调查失业率稳定在5%左右的较低水平。';
    const at = base.indexOf(sentence);
    expect(at).toBeGreaterThan(0);
    // the copy: full-width digits, an ASCII comma and a space, in another paragraph
    const copy = '城镇新增就业１３６１万人, 调查失业率稳定在５％左右的较低水平。';
    const insertAt = base.indexOf('\n', Math.floor(base.length * 0.7));
    const text = base.slice(0, insertAt) + copy + base.slice(insertAt);
    const ds = dups(text);
    checkShape(text, ds);
    const d = ds.find((x) => x.kind === 'duplicate-sentence' && x.occurrences.some((o) => o.span.start === at));
    expect(d?.severity).toBe('warning');
    expect(d?.occurrences.map((o) => o.span)).toEqual([
      { start: at, end: at + sentence.length },
      { start: insertAt, end: insertAt + copy.length },
    ]);
  });

  it('finds the paragraph the 2015 wikisource transcription repeats', () => {
    const text = read('zh/national-2015-gov-work-report.wikisource.zh.txt');
    const ds = dups(text);
    checkShape(text, ds);
    const paras = ds.filter((d) => d.kind === 'duplicate-paragraph');
    expect(paras).toHaveLength(1);
    const [first, second] = paras[0].occurrences;
    expect(first.text.startsWith('加大简政放权、放管结合改革力度。')).toBe(true);
    expect(second.text).toBe(first.text);
    expect(second.span.start).toBeGreaterThan(first.span.end);
    // the first is a whole line; its sentences are not listed again one by one
    expect(text[first.span.start - 1]).toBe('\n');
    expect(text[first.span.end]).toBe('\n');
    expect(ds.filter((d) => d.kind === 'duplicate-sentence' && d.text.includes('今年再取消和下放一批行政审批事项'))).toEqual([]);
    // the lawtext transcription of the same year has no such repeat
    expect(dups(read('zh/national-2015-gov-work-report.zh.txt')).filter((d) => d.kind === 'duplicate-paragraph')).toEqual([]);
  });

  it('does not count headings repeated in a table of contents, nor bracketed notes', () => {
    const text = [
      '目录',
      '一、2023年工作回顾',
      '二、2024年主要目标',
      '（一）扩大有效需求',
      '## 三、政府自身建设',
      '',
      '一、2023年工作回顾',
      '过去一年，全市经济运行稳中向好，地区生产总值增长6%。',
      '二、2024年主要目标',
      '（一）扩大有效需求',
      '实施扩大内需战略，推动消费持续恢复。（牵头单位：市发展改革委）',
      '## 三、政府自身建设',
      '坚持依法行政，建设法治政府。（牵头单位：市发展改革委）',
    ].join('\n');
    const ds = dups(text);
    checkShape(text, ds);
    expect(ds.filter((d) => d.severity === 'warning')).toEqual([]);
  });
});

describe('near-duplicates', () => {
  it('finds a sentence copied with one number changed, with its similarity', () => {
    const base = read('zh/national-2024-gov-work-report.zh.txt');
    const sentence = '国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。';
    const at = base.indexOf(sentence);
    expect(at).toBeGreaterThan(0);
    const changed = sentence.replace('5.2%', '5.7%');
    const insertAt = base.indexOf('\n', Math.floor(base.length * 0.6));
    const text = base.slice(0, insertAt) + changed + base.slice(insertAt);
    const ds = dups(text);
    checkShape(text, ds);
    const d = ds.find((x) => x.kind === 'near-duplicate' && x.occurrences.some((o) => o.span.start === at));
    expect(d).toBeDefined();
    expect(d!.severity).toBe('warning');
    expect(d!.occurrences.map((o) => o.span)).toEqual([
      { start: at, end: at + sentence.length },
      { start: insertAt, end: insertAt + changed.length },
    ]);
    // similarity = 1 − Levenshtein / longer key length, checked with natural's implementation
    const ka = duplicateKey(sentence);
    const kb = duplicateKey(changed);
    const expected = 1 - natural.LevenshteinDistance(ka, kb) / Math.max(ka.length, kb.length);
    expect(d!.similarity).toBeCloseTo(expected, 4);
    expect(d!.similarity!).toBeGreaterThanOrEqual(DEFAULT_NEAR_THRESHOLD);
    expect(d!.similarity!).toBeLessThan(1);
  });

  it('finds (nearly) every injected one-figure change: LSH recall', () => {
    const base = read('zh/prov-guangdong-2024-gov-work-report.zh.txt');
    const withNumbers = split(base)
      .map((s) => s.text)
      .filter((t) => /\d/.test(t) && duplicateKey(t).length >= 16 && duplicateKey(t).length <= 120);
    const picked = withNumbers.filter((_, i) => i % Math.max(1, Math.floor(withNumbers.length / 40)) === 0).slice(0, 40);
    const copies = picked.map((t) => t.replace(/\d+/, (m) => String(Number(m) + 3)));
    const text = base + '\n' + copies.join('\n');
    const ds = dups(text);
    const near = ds.filter((d) => d.kind === 'near-duplicate');
    const tail = base.length;
    const found = copies.filter((c) => near.some((d) => d.occurrences.some((o) => o.span.start >= tail && o.text === c)));
    // the similarity of each is at least the threshold (the sentences are ≥ 16 characters, the
    // change is one figure), so a miss is an LSH miss
    expect(found.length).toBeGreaterThanOrEqual(Math.ceil(copies.length * 0.95));
  });

  it('groups many near-identical sentences (a number or a word apart) without checking every pair', () => {
    // 第1项…第2000项: every pair shares most LSH bands, and checking every pair of a bucket took
    // seconds for these 39K characters (quadratic); a sentence is now checked against a few recent
    // members of its buckets, enough to join it to their group
    for (const words of [['抓紧'], ['抓紧', '加快']]) {
      const text = Array.from({ length: 2000 }, (_, i) => `第${i + 1}项重点工作要${words[i % words.length]}推进落实到位。`).join('');
      const c0 = process.cpuUsage();
      const ds = dups(text);
      const c = process.cpuUsage(c0);
      expect((c.user + c.system) / 1000).toBeLessThan(2000);
      checkShape(text, ds);
      const near = ds.filter((d) => d.kind === 'near-duplicate');
      // a group per word, or a few: sentences with different words are three edits apart, below
      // the threshold, so no group mixes them
      expect(near.length).toBeGreaterThanOrEqual(words.length);
      expect(near.length).toBeLessThanOrEqual(2 * words.length);
      for (const d of near) {
        expect(new Set(d.occurrences.map((o) => words.find((w) => o.text.includes(w)))).size).toBe(1);
        expect(d.similarity!).toBeGreaterThanOrEqual(DEFAULT_NEAR_THRESHOLD);
      }
      // all but a few sentences: 第2000项 is one edit from 第200项 and 第1000项 only, long before it
      expect(near.reduce((a, d) => a + d.count, 0)).toBeGreaterThanOrEqual(1990);
    }
  });

  it('leaves parallel topic sentences alone (着力推动空间结构优化调整 / 着力推动产业结构优化调整)', () => {
    const text = read('zh/city-chengdu-2022-gov-work-report.zh.txt');
    expect(dups(text).filter((d) => d.kind === 'near-duplicate')).toEqual([]);
  });
});

describe('repeated phrases and formulations', () => {
  it('reports maximal long phrases with their counts, formulations flagged, never as warnings', () => {
    const ds = dups(SEED);
    const phrases = ds.filter((d) => d.kind === 'repeated-phrase');
    const xi = phrases.find((d) => d.text === '习近平新时代中国特色社会主义思想');
    expect(xi?.count).toBe(3);
    expect(xi?.formulation).toBe(true);
    expect(xi?.severity).toBe('info');
    // maximal: no reported phrase whose every occurrence sits inside another reported phrase's
    for (const p of phrases)
      for (const q of phrases)
        if (p !== q && q.text.includes(p.text)) {
          const inside = p.occurrences.filter((o) => q.occurrences.some((x) => x.span.start <= o.span.start && o.span.end <= x.span.end));
          expect(p.count - inside.length).toBeGreaterThanOrEqual(3);
        }
  });

  it('honours minPhraseLength and minPhraseCount', () => {
    const text = '推进乡村全面振兴。加快推进乡村全面振兴。持续推进乡村全面振兴。';
    const phrases = (o?: Parameters<typeof findDuplicates>[2]) =>
      dups(text, o)
        .filter((x) => x.kind === 'repeated-phrase')
        .map((x) => [x.text, x.count]);
    expect(phrases()).toEqual([['推进乡村全面振兴', 3]]);
    expect(phrases({ minPhraseLength: 9 })).toEqual([]);
    expect(phrases({ minPhraseCount: 4 })).toEqual([]);
    expect(phrases({ minPhraseLength: 4, minPhraseCount: 2 })).toEqual([['推进乡村全面振兴', 3]]);
  });

  it('counts phrases outside duplicated sentences and paragraphs, so a report pasted twice is reported once', () => {
    const text = '推进乡村全面振兴。加快推进乡村全面振兴。持续推进乡村全面振兴。我们要深入推进乡村全面振兴工作。\n我们要深入推进乡村全面振兴工作。';
    const ds = dups(text);
    expect(ds.find((d) => d.kind === 'duplicate-sentence')?.count).toBe(2);
    const phrase = ds.find((d) => d.kind === 'repeated-phrase');
    expect(phrase?.text).toBe('推进乡村全面振兴');
    expect(phrase?.occurrences.map((o) => o.statementId)).toEqual(['s1', 's2', 's3']);
    // a whole report twice over: its paragraphs are duplicates, its phrases are not counted again
    const seed = SEED.trim();
    const twice = dups(`${seed}\n\n${seed}`);
    expect(twice.some((d) => d.kind === 'duplicate-paragraph')).toBe(true);
    expect(twice.filter((d) => d.kind === 'repeated-phrase').map((d) => d.text)).toEqual([]);
  });

  it('raises no warning for headings or stock formulations on any corpus report', () => {
    const files = readdirSync(join(CORPUS, 'zh')).map((f) => ({ f, text: read(join('zh', f)) }));
    for (const f of readdirSync(join(CORPUS, 'gbk'))) files.push({ f, text: readGbk(join('gbk', f)) });
    for (const { f, text } of files) {
      const ds = dups(text);
      checkShape(text, ds);
      for (const d of ds) {
        if (d.severity !== 'warning') continue;
        expect(d.kind, f).not.toBe('repeated-phrase');
        // a repeated formulation is information; only a clause stuttered inside one sentence stays a warning
        const sameStatement = new Set(d.occurrences.map((o) => o.statementId)).size === 1;
        if (!(d.kind === 'repeated-clause' && sameStatement)) expect(matcher.matches(duplicateKey(d.text)), `${f}: ${d.text}`).toBe(false);
        for (const o of d.occurrences) expect(/^(#|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/.test(o.text), `${f}: ${o.text}`).toBe(false);
      }
    }
  });

  it('keeps a dictionary of real formulations', () => {
    const list = defaultFormulations();
    expect(list.length).toBeGreaterThanOrEqual(60);
    const texts = [SEED, ...readdirSync(join(CORPUS, 'zh')).map((f) => read(join('zh', f)))].map((t) => duplicateKey(t));
    for (const f of list) expect(texts.some((t) => t.includes(duplicateKey(f))), f).toBe(true);
    // the formulations option replaces the dictionary
    const none = findDuplicates(SEED, split(SEED), { formulations: [] }).filter((d) => d.formulation);
    expect(none).toEqual([]);
  });
});

describe('compareDocuments', () => {
  const national = readdirSync(join(CORPUS, 'zh'))
    .filter((f) => /^national-20\d\d-gov-work-report\.zh\.txt$/.test(f))
    .sort();
  const docs: CompareDoc[] = national.map((f) => {
    const text = read(join('zh', f));
    return { id: f.slice(9, 13), text, statements: split(text) };
  });

  it('gives plausible shares on the national series', () => {
    const res = compareDocuments(docs);
    const share = (a: string, b: string) => res.pairs.find((p) => p.a === a && p.b === b)!;
    const lines = res.pairs
      .filter((p) => Number(p.b) - Number(p.a) <= 2)
      .map((p) => `${p.a}→${p.b}: ${(p.shareAinB * 100).toFixed(1)}% of ${p.a} in ${p.b}, ${(p.shareBinA * 100).toFixed(1)}% of ${p.b} in ${p.a}, ${p.sharedSentences} sentences`);
    console.log(`national series, shared sentences between reports:\n  ${lines.join('\n  ')}`);
    expect(res.pairs).toHaveLength((docs.length * (docs.length - 1)) / 2);
    for (const p of res.pairs) {
      expect(p.shareAinB).toBeGreaterThanOrEqual(0);
      expect(p.shareAinB).toBeLessThan(0.5); // a new report every year
    }
    // consecutive years reuse stock sentences
    expect(share('2018', '2019').sharedSentences).toBeGreaterThan(3);
    expect(share('2021', '2022').shareAinB).toBeGreaterThan(0.01);
    // every shared item slices, lies in at least two documents, and is listed once
    const byId = new Map(docs.map((d) => [d.id, d]));
    for (const item of res.shared) {
      expect(new Set(item.occurrences.map((o) => o.docId)).size).toBeGreaterThanOrEqual(2);
      for (const o of item.occurrences) {
        const d = byId.get(o.docId)!;
        const st = d.statements.find((s) => s.id === o.statementId)!;
        expect(o.span.start).toBeGreaterThanOrEqual(st.span.start);
        expect(o.span.end).toBeLessThanOrEqual(st.span.end);
        if (item.kind === 'sentence') expect(duplicateKey(d.text.slice(o.span.start, o.span.end))).toBe(duplicateKey(item.text));
        else expect(duplicateKey(d.text.slice(o.span.start, o.span.end))).toBe(duplicateKey(item.text));
      }
    }
    const phrase = res.shared.find((s) => s.kind === 'phrase' && s.text.includes('稳中求进工作总基调'));
    expect(phrase?.formulation).toBe(true);
  });

  it('gives 1.0 on two identical documents, and a high share between two transcriptions of one report', () => {
    const text = read('zh/national-2017-gov-work-report.zh.txt');
    const st = split(text);
    const same = compareDocuments([
      { id: 'a', text, statements: st },
      { id: 'b', text, statements: st },
    ]);
    expect(same.pairs).toEqual([{ a: 'a', b: 'b', shareAinB: 1, shareBinA: 1, sharedSentences: expect.any(Number) }]);
    expect(same.pairs[0].sharedSentences).toBeGreaterThan(400);
    const wiki = read('zh/national-2017-gov-work-report.wikisource.zh.txt');
    const two = compareDocuments([
      { id: 'lawtext', text, statements: st },
      { id: 'wikisource', text: wiki, statements: split(wiki) },
    ]);
    console.log(`2017, two transcriptions: ${JSON.stringify(two.pairs[0])}`);
    expect(two.pairs[0].shareAinB).toBeGreaterThan(0.8);
  });

  it('finds the Hailar district reusing itself year after year (GBK files), a draft against references', () => {
    const years = [2014, 2015, 2016];
    const hd: CompareDoc[] = years.map((y) => {
      const text = readGbk(`gbk/hailar-district-${y}.gbk.txt`);
      return { id: String(y), text, statements: split(text), role: y === 2016 ? 'draft' : 'reference' };
    });
    const res = compareDocuments(hd);
    console.log(
      `Hailar 2016 (draft) against the two years before:\n  ${res.pairs.map((p) => `${(p.shareAinB * 100).toFixed(1)}% of ${p.a} in ${p.b} (${p.sharedSentences} sentences)`).join('\n  ')}\n  ${res.shared.length} shared items, e.g. ${res.shared
        .filter((s) => s.kind === 'phrase')
        .slice(0, 5)
        .map((s) => s.text)
        .join(' / ')}`,
    );
    // only pairs with the draft, the draft first
    expect(res.pairs.map((p) => [p.a, p.b])).toEqual([
      ['2016', '2014'],
      ['2016', '2015'],
    ]);
    expect(res.pairs[1].sharedSentences).toBeGreaterThan(5);
    expect(res.pairs[1].shareBinA).toBeGreaterThan(res.pairs[0].shareBinA);
    expect(res.shared.some((s) => s.kind === 'phrase')).toBe(true);
    // every shared item occurs in the draft, and every occurrence slices within its document
    for (const item of res.shared) {
      expect(item.occurrences.some((o) => o.docId === '2016')).toBe(true);
      for (const o of item.occurrences) {
        const d = hd.find((x) => x.id === o.docId)!;
        expect(duplicateKey(d.text.slice(o.span.start, o.span.end))).toBe(duplicateKey(item.text));
      }
    }
  });

  it('handles empty input, one document, and lists only sharing pairs on request', () => {
    expect(findDuplicates('', [])).toEqual([]);
    expect(compareDocuments([])).toEqual({ shared: [], pairs: [] });
    expect(compareDocuments([docs[0]]).pairs).toEqual([]);
    const three = [docs[0], docs[1], { id: 'other', text: '完全不同的一句话，没有重复。', statements: split('完全不同的一句话，没有重复。') }];
    expect(compareDocuments(three).pairs).toHaveLength(3);
    const sharing = compareDocuments(three, { pairs: 'sharing', phrases: false });
    expect(sharing.pairs.map((p) => [p.a, p.b])).toEqual([[docs[0].id, docs[1].id]]);
    expect(sharing.shared.every((x) => x.kind === 'sentence')).toBe(true);
  });

  it('is deterministic', () => {
    const a = compareDocuments(docs.slice(0, 4));
    const b = compareDocuments(docs.slice(0, 4));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(dups(SEED))).toBe(JSON.stringify(dups(SEED)));
  });
});

describe('properties', () => {
  const sentences = ['000_304eac767b8a3bea.txt', 'zh/national-2022-gov-work-report.zh.txt', 'zh/city-yangzhou-2023-gov-work-report.zh.txt']
    .flatMap((f) => read(f).split(/(?<=[。！？；\n])/))
    .filter((s) => s.trim().length > 0);
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...sentences) },
    {
      weight: 2,
      arbitrary: fc.constantFrom('\n', '\r\n', '，', '、', '。', '；', ' ', '\u3000', '\u200b', '１２', '5.2%', '**', '一、', '（一）', '## ', '（牵头单位：市教育局）', '\ud800', '😀'),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  // sentences are picked with repeats, so duplicates of every kind occur
  const doc = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

  it('every occurrence span slices to its text, for strings built from corpus sentences', () => {
    fc.assert(
      fc.property(doc, (text) => {
        const ds = findDuplicates(text, split(text), { minPhraseCount: 2 });
        checkShape(text, ds);
      }),
      { numRuns: 150 },
    );
  });

  it('and so does every shared occurrence across documents', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 2, maxLength: 4 }), (texts) => {
        const cds = texts.map((text, i) => ({ id: `t${i}`, text, statements: split(text) }));
        const res = compareDocuments(cds, { minSharedPhraseLength: 6 });
        for (const item of res.shared) {
          expect(new Set(item.occurrences.map((o) => o.docId)).size).toBeGreaterThanOrEqual(2);
          for (const o of item.occurrences) {
            const t = cds.find((c) => c.id === o.docId)!.text;
            expect(duplicateKey(t.slice(o.span.start, o.span.end))).toBe(duplicateKey(item.text));
          }
        }
        for (const p of res.pairs) {
          expect(p.shareAinB).toBeGreaterThanOrEqual(0);
          expect(p.shareAinB).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 60 },
    );
  });
});

// ---------------------------------------------------------------- #22: no false alarms

/** Lines copied from the corpus (fixtures/findings/excerpts.json names the file and lines of each). */
const EXCERPTS: Record<string, { source: string; lines: string; text: string }> = JSON.parse(
  readFileSync(new URL('../fixtures/findings/excerpts.json', import.meta.url), 'utf8'),
).excerpts;
const excerpt = (id: string) => EXCERPTS[id].text;
/** warnings through analyze() (the real splitter and sections), as check reports them */
const warnings = (text: string) => analyze(text, { claims: false }).duplicates.filter((d) => d.severity === 'warning');

describe('parallel style is not a slip (#22)', () => {
  it('an indicator list: 增速居全国第3位 after each indicator, 第一/第二产业 in one frame', () => {
    const text = excerpt('indicator-list');
    expect(text).toContain('增速居全国第3位，农村居民人均可支配收入');
    expect(warnings(text)).toEqual([]);
  });

  it('enumerations of one frame that differ in their key word (主办单位 lines, 出厂/购进价格, table captions)', () => {
    for (const id of ['organisers', 'prices', 'captions']) expect(warnings(excerpt(id)), id).toEqual([]);
    // 物流中心 / 消费中心 in a plan's list: one frame, one word apart
    const text = '加快建设具有全球重要影响力的物流中心，提升枢纽能级。\n加快建设具有全球重要影响力的消费中心，提升城市能级。';
    expect(warnings(text)).toEqual([]);
  });

  it('keeps a copy whose only change is a figure, or a word added, as a near-duplicate', () => {
    const s = '工业生产者出厂价格比上年下降2.2%，降幅比上年收窄，工业生产呈现回升向好态势。';
    const figure = s.replace('2.2%', '2.8%');
    const added = s.replace('工业生产呈现', '全年工业生产呈现');
    for (const copy of [figure, added]) {
      const text = `${s}\n全年居民消费价格比上年上涨0.2%。\n${copy}`;
      const d = warnings(text).find((x) => x.kind === 'near-duplicate');
      expect(d?.occurrences.map((o) => o.text), copy).toEqual([s, copy]);
    }
  });

  it('two measurements reported alike in neighbouring paragraphs (every figure different)', () => {
    expect(warnings(excerpt('shares'))).toEqual([]);
  });

  it('repeated clauses: the same figure after two subjects, a shared list item, the predicate closing parallel parts', () => {
    for (const id of ['loans', 'notes', 'parallel-parts']) expect(warnings(excerpt(id)), id).toEqual([]);
  });

  it('repeated clauses across paragraphs: list entries and paragraphs opening with one frame', () => {
    for (const id of ['two-packages', 'frames']) expect(warnings(excerpt(id)), id).toEqual([]);
    // said twice in a row across a line break is still a slip
    const text = '全市上下要凝心聚力，坚定不移推进全面深化改革。\n坚定不移推进全面深化改革，激发市场主体活力。';
    expect(warnings(text).map((d) => d.text)).toEqual(['坚定不移推进全面深化改革']);
  });
});

describe('structure that repeats by design (#22)', () => {
  it('run-in headings of the review restated in the plans are info, a copied sentence mid-paragraph a warning', () => {
    const text = excerpt('run-in-headings');
    const ds = analyze(text, { claims: false }).duplicates.filter((d) => d.kind === 'duplicate-sentence');
    const heading = ds.find((d) => d.text === '推进节能减排和生态环境保护。');
    expect(heading?.severity).toBe('info');
    expect(ds.filter((d) => d.severity === 'warning')).toEqual([]);
    // the plans' tasks listed one after another in a line of their own, before each heads its paragraph
    const listed = '促进产业结构优化升级。推进节能减排和生态环境保护。促进区域经济协调发展。\n' + text;
    expect(warnings(listed)).toEqual([]);
    // the same sentence pasted in the middle of a paragraph is a slip
    const copy = text.replace('要抓紧制定出台合理控制能源消费总量工作方案', '推进节能减排和生态环境保护。要抓紧制定出台合理控制能源消费总量工作方案');
    expect(warnings(copy).some((d) => d.text === '推进节能减排和生态环境保护。')).toBe(true);
  });

  it('a sentence shared by entries of a glossary or of numbered notes is info', () => {
    for (const id of ['glossary-entries', 'numbered-notes']) {
      const ds = analyze(excerpt(id), { claims: false }).duplicates;
      expect(ds.some((d) => d.severity === 'info'), id).toBe(true);
      expect(ds.filter((d) => d.severity === 'warning'), id).toEqual([]);
    }
  });

  it('Markdown tables, image links, a licence footer and a dateline repeated under the title', () => {
    for (const id of ['captions', 'images', 'footer']) expect(warnings(excerpt(id)), id).toEqual([]);
    const lines = excerpt('title-dateline').split('\n');
    // sources repeat the title and the dateline under it (a cover page and the first page)
    const text = [lines[0], lines[1], '', ...lines].join('\n');
    expect(warnings(text)).toEqual([]);
  });

  it('a sentence copied between two paragraphs opening 一是… and 五是… is a slip (they are prose, not glossary entries)', () => {
    const text = excerpt('indicator-list');
    const s = '对标宏观政策，科学精准调度，强化执行落地，全年经济运行逆势而进、向上向好、质量齐升。';
    expect(text.indexOf(s)).toBeGreaterThan(0);
    const at = text.indexOf('五是');
    const copy = text.slice(0, text.indexOf('。', at) + 1) + s + text.slice(text.indexOf('。', at) + 1);
    expect(warnings(copy).filter((d) => d.kind === 'duplicate-sentence').map((d) => d.text)).toEqual([s]);
  });

  it('a sentence said twice in one paragraph is still a slip', () => {
    const s = '推动国有企业改革，探索发展混合所有制经济。';
    expect(warnings(`做好公共资源交易和政府采购工作。${s}深化农村改革。${s}`).map((d) => d.kind)).toContain('duplicate-sentence');
  });

  it('the repeated sentence of the district’s 2016 report stays a warning (GBK)', () => {
    const text = readGbk('gbk/hailar-district-2016.gbk.txt');
    const d = warnings(text).filter((x) => x.kind === 'duplicate-sentence');
    expect(d.map((x) => x.text)).toEqual(['推动国有企业改革，探索发展混合所有制经济。']);
  });
});

describe('parallel style, as a property (#22)', () => {
  const base = read('zh/national-2024-gov-work-report.zh.txt');
  const sentences = split(base)
    .map((s) => s.text.trim())
    .filter((t) => /^[\u4e00-\u9fff]/.test(t) && duplicateKey(t).length >= 16 && duplicateKey(t).length <= 80);
  const CJK_WORD = fc.stringMatching(/^[\u4e00-\u9fa5]{2}$/);

  it('two lines of one frame with one word put in place of another raise no warning', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sentences), fc.nat(), CJK_WORD, (s, k, word) => {
        // a two-character word of the sentence (not a figure) replaced by another
        const spots = [...s.matchAll(/[\u4e00-\u9fa5]{2}/g)].map((m) => m.index!);
        const at = spots[k % spots.length];
        if (s.slice(at, at + 2) === word) return true;
        const other = s.slice(0, at) + word + s.slice(at + 2);
        return warnings(`${s}\n${other}`).length === 0;
      }),
      { numRuns: 60 },
    );
  });

  it('the same two lines with a figure changed instead are a near-duplicate when long enough', () => {
    const withFigures = sentences.filter((t) => /\d/.test(t) && duplicateKey(t).length >= 24);
    fc.assert(
      fc.property(fc.constantFrom(...withFigures), fc.integer({ min: 1, max: 9 }), (s, plus) => {
        const other = s.replace(/\d+/, (m) => String(Number(m) + plus));
        const ds = warnings(`${s}\n全年经济运行总体平稳。\n${other}`);
        return ds.some((d) => d.kind === 'near-duplicate' && d.occurrences.length === 2);
      }),
      { numRuns: 30 },
    );
  });
});
