import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import {
  artifactUri,
  checkJson,
  checkSarif,
  charWidth,
  crc32,
  csvField,
  displayWidth,
  excerpt,
  printable,
  indicatorRows,
  pivotTable,
  renderOutline,
  renderStylish,
  reportYear,
  stylishSummary,
  toCsv,
  truncate,
  underline,
  unitFormat,
  xlsx,
  zip,
  columnName,
  INDICATOR_COLUMNS,
  SENTENCE_MAX,
  type CheckResult,
  type Finding,
  type IndicatorRow,
  type Severity,
} from '../src/render/index.js';
import { readCentralDirectory, verifyEntries } from '../src/read/zip.js';
import { analyze } from '../src/model/analyze.js';
import { lineColumn, lineStarts } from '../src/sections/lines.js';
import type { Duplicate } from '../src/schema/index.js';
import { makeSource as source, RULE_INFO, TEXT_RULES, type Source } from '../src/rules/index.js';
import { placeholder } from '../src/rules/text/placeholder.js';
import { duplicateSentence } from '../src/rules/text/duplicate-sentence.js';
import { applyFilters, dedupe, quiet, sortFindings } from '../src/rules/filters.js';
import { csvHead, csvRecords } from '../src/render/csv.js';
import { jsonRowArray, jsonRowItems, rowValues } from '../src/render/indicators.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** the text rules as SARIF's rule table listed them before the figure rules came */
const RULES = RULE_INFO.filter((r) => TEXT_RULES.some((t) => t.meta.id === r.id));
/** a text rule's context on one source (graded rules give their own severities) */
const ruleCtx = (src: Source) => ({ source: src, severity: 'warning' as const, references: [] });

// ------------------------------------------------------------------ helpers

/** a finding on text.slice(start, end) */
function findingAt(file: string, text: string, start: number, end: number, severity: Severity = 'error', ruleId = 'placeholder'): Finding {
  const starts = lineStarts(text);
  const p = (o: number) => ({ ...lineColumn(starts, o), offset: o });
  return {
    reason: `${ruleId} here`,
    ruleId,
    severity,
    file,
    place: { start: p(start), end: p(end) },
    source: 'baogao',
    actual: text.slice(start, end),
    url: `https://github.com/baogao/baogao#rule-${ruleId}`,
  };
}

/** RFC 4180 parser, for round trips */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Unzip with nothing but the zip format and node:zlib: EOCD → central directory → local headers. */
function unzip(buf: Uint8Array): Map<string, { data: Buffer; crc: number; method: number }> {
  const b = Buffer.from(buf);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(0);
  const count = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  let p = b.readUInt32LE(eocd + 16);
  expect(p + cdSize).toBe(eocd);
  const out = new Map<string, { data: Buffer; crc: number; method: number }>();
  for (let k = 0; k < count; k++) {
    expect(b.readUInt32LE(p)).toBe(0x02014b50);
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    const csize = b.readUInt32LE(p + 20);
    const usize = b.readUInt32LE(p + 24);
    const nlen = b.readUInt16LE(p + 28);
    const xlen = b.readUInt16LE(p + 30);
    const clen = b.readUInt16LE(p + 32);
    const lho = b.readUInt32LE(p + 42);
    const name = b.toString('utf8', p + 46, p + 46 + nlen);
    expect(b.readUInt32LE(lho)).toBe(0x04034b50);
    expect(b.readUInt32LE(lho + 14)).toBe(crc);
    const start = lho + 30 + b.readUInt16LE(lho + 26) + b.readUInt16LE(lho + 28);
    const raw = b.subarray(start, start + csize);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    expect(data.length).toBe(usize);
    out.set(name, { data, crc, method });
    p += 46 + nlen + xlen + clen;
  }
  return out;
}

/** crude XML well-formedness: every start tag closed in order */
function expectWellFormed(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
  const stack: string[] = [];
  for (const m of xml.replace(/^<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, self] = m;
    if (self) continue;
    if (close) expect(stack.pop()).toBe(name);
    else stack.push(name);
  }
  expect(stack).toEqual([]);
  // nothing but entities and text between tags
  expect(/&(?!amp;|lt;|gt;|quot;|apos;|#\d+;)/.test(xml)).toBe(false);
}

// ------------------------------------------------------------------ width and carets

describe('display width', () => {
  it('counts CJK and full-width characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('政府')).toBe(4);
    expect(displayWidth('，。：（）')).toBe(10);
    expect(displayWidth('\u3000')).toBe(2);
    expect(displayWidth('ＡＢ１')).toBe(6);
    expect(displayWidth('𠀀')).toBe(2); // U+20000, a surrogate pair
    expect(displayWidth('a\u200bb')).toBe(2); // zero-width space
    expect(displayWidth('“…”')).toBe(3); // ambiguous width counts as narrow, as wcwidth does
    expect(charWidth(0x0301)).toBe(0);
  });

  it('truncates by columns and never splits a surrogate pair', () => {
    expect(truncate('政府工作报告', 7)).toBe('政府工…');
    expect(displayWidth(truncate('政府工作报告', 7))).toBeLessThanOrEqual(7);
    expect(truncate('𠀀𠀀𠀀', 5)).toBe('𠀀𠀀…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('underlines with an ideographic space under wide characters and an ASCII space under narrow ones', () => {
    const { pad, carets } = underline('2024年GDP增长', '5.2%左右');
    expect(pad).toBe('    \u3000   \u3000\u3000');
    expect(carets).toBe('^^^^＾＾');
    expect(displayWidth(pad)).toBe(displayWidth('2024年GDP增长'));
    expect(displayWidth(carets)).toBe(displayWidth('5.2%左右'));
    expect(underline('a\tb', 'x').pad).toBe(' \t ');
    expect(underline('', '').carets).toBe('^');
    expect(underline('𠀀', '𠀀').pad).toBe('\u3000');
  });
});

describe('excerpt', () => {
  const text = '一、总体要求\n　　全市累计接种疫苗***万剂次，其中1剂次**万人，2剂次**万人。\r\n下一行';

  it('puts the carets exactly under the finding, whatever mix of CJK and ASCII precedes it', () => {
    const start = text.indexOf('**万人');
    const ex = excerpt(text, start, start + 2);
    const at = ex.line.indexOf('**万人');
    expect(at).toBeGreaterThan(0);
    const before = ex.line.slice(0, at);
    expect(ex.pad.length).toBe([...before].length);
    expect(displayWidth(ex.pad)).toBe(displayWidth(before));
    for (let i = 0; i < [...before].length; i++) {
      const ch = [...before][i];
      expect(ex.pad[i]).toBe(charWidth(ch.codePointAt(0)!) === 2 ? '\u3000' : ' ');
    }
    expect(ex.carets).toBe('^^');
  });

  it('cuts long lines with … and drops leading indentation', () => {
    const start = text.indexOf('接种');
    const ex = excerpt(text, start, start + 2, 4);
    expect(ex.line).toBe('…全市累计接种疫苗**…');
    expect(ex.pad).toBe(' \u3000\u3000\u3000\u3000');
    expect(ex.carets).toBe('＾＾');
    const head = excerpt(text, 0, 2);
    expect(head.line).toBe('一、总体要求');
    expect(head.pad).toBe('');
    expect(head.carets).toBe('＾＾');
  });

  it('keeps a finding to its first line and caps its length', () => {
    const start = text.indexOf('2剂次');
    const ex = excerpt(text, start, text.length);
    expect(ex.line.endsWith('2剂次**万人。…')).toBe(true);
    const long = '甲'.repeat(100);
    const ex2 = excerpt(long, 0, 100, 12, 40);
    expect(ex2.carets).toBe('＾'.repeat(40));
    expect(ex2.line).toBe('甲'.repeat(40) + '…');
  });

  /** The excerpt the plain way, from the whole line's code points: what the bounded one must equal. */
  function wholeLineExcerpt(t: string, start: number, end: number, context: number, maxMarked: number): string {
    let ls = start;
    while (ls > 0 && t[ls - 1] !== '\n' && t[ls - 1] !== '\r') ls--;
    let le = start;
    while (le < t.length && t[le] !== '\n' && t[le] !== '\r') le++;
    const markedEnd = Math.min(Math.max(end, start), le);
    const beforeCps = Array.from(t.slice(ls, start));
    let before = beforeCps.slice(Math.max(0, beforeCps.length - context)).join('').replace(/^[ \t\u3000\u00a0]+/, '');
    if (beforeCps.length > context) before = '…' + before;
    const markedCps = Array.from(t.slice(start, markedEnd));
    let after: string;
    if (markedCps.length > maxMarked) after = '…';
    else {
      const afterCps = Array.from(t.slice(markedEnd, le));
      after = afterCps.slice(0, context).join('');
      if (afterCps.length > context || end > le) after += '…';
      after = after.replace(/[ \t\u3000\u00a0]+$/, '');
    }
    return before + markedCps.slice(0, maxMarked).join('') + after;
  }

  it('equals the excerpt made from the whole line (fast-check: breaks, surrogate pairs and halves, spaces)', () => {
    const unit = fc.constantFrom('甲', 'a', ' ', '\u3000', '\n', '\r', '\r\n', '𠀀', '\ud840', '\udc00', '*', '，');
    const doc = fc.array(unit, { maxLength: 60 }).map((u) => u.join(''));
    const args = doc.chain((t) => fc.tuple(fc.constant(t), fc.nat({ max: t.length }), fc.nat({ max: t.length }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })));
    fc.assert(
      fc.property(args, ([t, start, end, context, maxMarked]) => {
        expect(excerpt(t, start, end, context, maxMarked).line).toBe(printable(wholeLineExcerpt(t, start, end, context, maxMarked)));
      }),
      { numRuns: 5000 },
    );
  });

  it('takes offsets outside the text as its nearest end', () => {
    expect(excerpt('ab', 0, 3)).toEqual(excerpt('ab', 0, 2));
    expect(excerpt('ab', 0, 3).line).toBe('ab');
    expect(excerpt('甲乙\n丙', 9, 12)).toEqual({ line: '丙', pad: '\u3000', carets: '^' });
    expect(excerpt('甲乙', -3, 1)).toEqual({ line: '甲乙', pad: '', carets: '＾' });
  });

  it('costs the same for each finding however long its line (a 400,000-character one-line draft)', () => {
    const line = '各项工作取得新进展，地区生产总值增长**%，'.repeat(18_000);
    const t0 = performance.now();
    let n = 0;
    for (let i = line.indexOf('**'); i !== -1; i = line.indexOf('**', i + 2)) {
      excerpt(line, i, i + 2);
      n++;
    }
    expect(n).toBe(18_000);
    // reading the whole line for each finding took minutes here
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('makes control characters harmless', () => {
    const evil = 'ab\x1b[31mcd**ef';
    const i = evil.indexOf('**');
    const ex = excerpt(evil, i, i + 2);
    expect(ex.line).not.toContain('\x1b');
    expect(displayWidth(ex.pad)).toBe(displayWidth(ex.line.slice(0, ex.line.indexOf('**'))));
  });
});

// ------------------------------------------------------------------ stylish

describe('stylish', () => {
  const text = '关于**市2023年工作的报告\n全市GDP达到***亿元，增长5%。\n';
  const f1 = findingAt('drafts/a.txt', text, 2, 4, 'error');
  const f2start = text.indexOf('***');
  const f2 = findingAt('drafts/a.txt', text, f2start, f2start + 3, 'warning', 'duplicate-sentence');

  it('renders 150,000 findings of one file (Math.max over their widths overflowed the stack), and a sheet of as many rows', () => {
    const n = 150_000;
    const big = '**。'.repeat(n);
    const findings: Finding[] = [];
    for (let i = 0; i < n; i++) {
      const at = (o: number) => ({ line: 1, column: o + 1, offset: o });
      findings.push({ reason: 'Placeholder “**” left in the text', ruleId: 'placeholder', severity: i % 2 ? 'warning' : 'error', file: 'big.txt', place: { start: at(3 * i), end: at(3 * i + 2) }, source: 'baogao', actual: '**', url: '' });
    }
    const out = renderStylish({ files: [{ file: 'big.txt', findings, reuse: [], text: big }], unreadable: [] });
    const lines = out.split('\n');
    expect(lines.filter((l) => l.endsWith('placeholder'))).toHaveLength(n);
    // the widest position (1:449998) sets the column for all
    expect(lines[1].startsWith('  1:1       error  ')).toBe(true);
    expect(out.trimEnd().endsWith(`✖ ${n} problems (${n / 2} errors, ${n / 2} warnings)`)).toBe(true);
    const files = unzip(xlsx([{ name: 'rows', rows: Array.from({ length: n }, (_, i) => [i, 'x']) }]));
    expect(files.get('xl/worksheets/sheet1.xml')!.data.toString('utf8')).toContain(`<dimension ref="A1:B${n}"/>`);
  });

  it('groups by file, aligns carets under Chinese text and ends with a summary', () => {
    const result: CheckResult = {
      files: [
        { file: 'drafts/a.txt', findings: [f1, f2], reuse: [], text },
        { file: 'drafts/b.txt', findings: [], reuse: [], text: '' },
      ],
      unreadable: [],
    };
    const out = renderStylish(result);
    const lines = out.split('\n');
    expect(lines[0]).toBe('drafts/a.txt');
    expect(lines[1]).toMatch(/^ {2}1:3 {2}error {4}placeholder here {9}placeholder$/);
    expect(lines[2]).toBe('    关于**市2023年工作的报告');
    expect(lines[3]).toBe('    \u3000\u3000^^');
    expect(lines[4]).toMatch(/^ {2}2:8 {2}warning {2}duplicate-sentence here {2}duplicate-sentence$/);
    expect(lines[5]).toBe('    全市GDP达到***亿元，增长5%。');
    expect(lines[6]).toBe('    \u3000\u3000   \u3000\u3000^^^');
    expect(out).not.toContain('drafts/b.txt');
    expect(out.trimEnd().split('\n').pop()).toBe('✖ 2 problems (1 error, 1 warning)');
    // the caret column equals the finding's display column
    const caretAt = displayWidth(lines[6].slice(0, lines[6].indexOf('^')));
    const textAt = displayWidth(lines[5].slice(0, lines[5].indexOf('***')));
    expect(caretAt).toBe(textAt);
  });

  it('prints the --against summary line under the file', () => {
    const out = renderStylish(
      { files: [{ file: 'd.txt', findings: [], reuse: [{ against: 'past/2023.txt', share: 0.3125, sentences: 5 }], text: '' }], unreadable: [] },
      { reuseLine: (r) => `reuses ${Math.round(r.share * 100)}% of ${r.against}` },
    );
    expect(out).toBe('d.txt\n  reuses 31% of past/2023.txt\n\nno problems\n');
  });

  it('names the inputs that could not be read under the summary', () => {
    const some: CheckResult = {
      files: [{ file: 'a.txt', findings: [], reuse: [], text: '' }],
      unreadable: [{ file: 'b.txt', code: 'EMPTY', message: 'b.txt: empty file (0 bytes)' }],
    };
    expect(renderStylish(some)).toBe('no problems\n✖ 1 input could not be read: b.txt\n');
    const none: CheckResult = { files: [], unreadable: [...some.unreadable, { ...some.unreadable[0], file: 'c.txt' }] };
    expect(renderStylish(none)).toBe('✖ 2 inputs could not be read: b.txt, c.txt\n');
  });

  it('summarises', () => {
    expect(stylishSummary([])).toBe('no problems');
    expect(stylishSummary([f1])).toBe('✖ 1 problem (1 error, 0 warnings)');
    expect(stylishSummary([{ ...f1, severity: 'info' }])).toBe('no problems (1 info)');
    expect(stylishSummary([f1, f2, { ...f1, severity: 'info' }])).toBe('✖ 2 problems (1 error, 1 warning) and 1 info');
  });

  it('colours only when asked', () => {
    const result: CheckResult = { files: [{ file: 'a.txt', findings: [f1], reuse: [], text }], unreadable: [] };
    expect(renderStylish(result)).not.toContain('\x1b[');
    expect(renderStylish(result, { color: true })).toContain('\x1b[31m');
  });
});

// ------------------------------------------------------------------ findings and filters

describe('findings', { timeout: 60_000 }, () => {
  const text = '全市开展学习**次。坚持稳中求进。坚持稳中求进。\n其他内容。';
  const report = analyze(text, { claims: false });

  it('maps placeholders to vfile-like findings with 1-based line/column and 0-based offsets', () => {
    const src = source('a.txt', text);
    const fs = placeholder.check(report, ruleCtx(src));
    expect(fs.length).toBeGreaterThan(0);
    const f = fs[0];
    expect(f.ruleId).toBe('placeholder');
    expect(f.severity).toBe('error');
    expect(f.actual).toBe('**');
    expect(f.place.start).toEqual({ line: 1, column: text.indexOf('**') + 1, offset: text.indexOf('**') });
    expect(f.place.end.offset).toBe(text.indexOf('**') + 2);
    expect(f.source).toBe('baogao');
    expect(f.url).toBe(new URL('../docs/rules.md#rule-placeholder', import.meta.url).href);
  });

  it('reports every repeat after the first, pointing back at the first', () => {
    const src = source('a.txt', text);
    const a = text.indexOf('坚持稳中求进。');
    const b = text.indexOf('坚持稳中求进。', a + 1);
    const dup: Duplicate = {
      id: 'd1',
      kind: 'duplicate-sentence',
      text: '坚持稳中求进',
      occurrences: [
        { span: { start: b, end: b + 7 }, statementId: null, text: '坚持稳中求进。' },
        { span: { start: a, end: a + 7 }, statementId: null, text: '坚持稳中求进。' },
      ],
      count: 2,
      similarity: null,
      severity: 'warning',
      formulation: false,
    };
    const fs = duplicateSentence.check({ ...report, duplicates: [dup] }, ruleCtx(src));
    expect(fs).toHaveLength(1);
    expect(fs[0].place.start.offset).toBe(b);
    expect(fs[0].ruleId).toBe('duplicate-sentence');
    expect(fs[0].severity).toBe('warning');
    expect(fs[0].reason).toContain(`first at 1:${a + 1}`);
    expect(fs[0].related?.[0].place.start.offset).toBe(a);
  });

  it('filters: dedupe keeps the most severe, quiet keeps errors, sort by file order then offset', () => {
    const t = 'abcdefghij';
    const x = findingAt('b.txt', t, 5, 6, 'warning');
    const y = findingAt('a.txt', t, 3, 4, 'info', 'repeated-phrase');
    const z = findingAt('a.txt', t, 1, 2, 'error');
    const zDup = { ...z, severity: 'warning' as const };
    const out = applyFilters([x, y, zDup, z], [dedupe, sortFindings(['a.txt', 'b.txt'])]);
    expect(out.map((f) => [f.file, f.place.start.offset, f.severity])).toEqual([
      ['a.txt', 1, 'error'],
      ['a.txt', 3, 'info'],
      ['b.txt', 5, 'warning'],
    ]);
    expect(applyFilters(out, [quiet]).map((f) => f.severity)).toEqual(['error']);
    const order = applyFilters([x, z], [sortFindings(['b.txt', 'a.txt'])]);
    expect(order.map((f) => f.file)).toEqual(['b.txt', 'a.txt']);
    // at one place, only the most severe: a repeated clause (warning) hides the same repeated phrase (info)
    const clause = findingAt('a.txt', t, 2, 6, 'warning', 'repeated-clause');
    const phrase = findingAt('a.txt', t, 2, 6, 'info', 'repeated-phrase');
    const reused = findingAt('a.txt', t, 2, 6, 'warning', 'reused-sentence');
    expect(dedupe([phrase, clause, reused]).map((f) => f.ruleId)).toEqual(['repeated-clause', 'reused-sentence']);
  });
});

// ------------------------------------------------------------------ json and sarif

function sampleResult(): CheckResult {
  const text = '第一行\n关于**市的报告，共计***项。';
  const s = text.indexOf('**');
  const t = text.indexOf('***');
  const a = findingAt('报告/草稿 1.txt', text, s, s + 2, 'error');
  const b = { ...findingAt('报告/草稿 1.txt', text, t, t + 3, 'info', 'repeated-phrase'), related: [{ file: '报告/草稿 1.txt', place: a.place, message: 'first occurrence' }] };
  const c = findingAt('报告/草稿 1.txt', text, 0, 3, 'warning', 'reused-sentence');
  return {
    files: [{ file: '报告/草稿 1.txt', findings: [c, a, b], reuse: [{ against: 'past/2023.txt', share: 0.31, sentences: 4 }], text }],
    unreadable: [{ file: 'bad.txt', code: 'EMPTY', message: 'bad.txt: empty file (0 bytes)' }],
  };
}

describe('json', () => {
  it('is stable and documented: keys in order, offsets slice the actual text, no source text', () => {
    const r = sampleResult();
    const j = checkJson(r, { name: 'baogao', version: '9.9.9' }) as any;
    expect(Object.keys(j)).toEqual(['format', 'formatVersion', 'tool', 'files', 'unreadable', 'summary']);
    expect(j.format).toBe('baogao-check');
    expect(j.formatVersion).toBe(1);
    expect(j.tool).toEqual({ name: 'baogao', version: '9.9.9' });
    expect(Object.keys(j.files[0])).toEqual(['file', 'errorCount', 'warningCount', 'infoCount', 'findings', 'reuse']);
    expect(Object.keys(j.files[0].findings[0])).toEqual(['reason', 'ruleId', 'severity', 'file', 'place', 'source', 'actual', 'url']);
    expect(Object.keys(j.files[0].findings[2])).toContain('related');
    const text = r.files[0].text!;
    for (const f of j.files[0].findings) expect(text.slice(f.place.start.offset, f.place.end.offset)).toBe(f.actual);
    expect(j.summary).toEqual({ files: 1, unreadable: 1, errors: 1, warnings: 1, info: 1 });
    expect(j.unreadable).toEqual([{ file: 'bad.txt', code: 'EMPTY', message: 'bad.txt: empty file (0 bytes)' }]);
    expect(JSON.stringify(j)).not.toContain('第一行\\n');
  });
});

/** the parts of the SARIF 2.1.0 schema baogao uses, checked by hand */
function validateSarif(log: any): void {
  expect(log.$schema).toMatch(/sarif-2\.1\.0/);
  expect(log.version).toBe('2.1.0');
  expect(Array.isArray(log.runs)).toBe(true);
  expect(log.runs).toHaveLength(1);
  const run = log.runs[0];
  const driver = run.tool.driver;
  expect(driver.name).toBe('baogao');
  expect(typeof driver.version).toBe('string');
  expect(driver.informationUri).toMatch(/^https:\/\//);
  expect(Array.isArray(driver.rules)).toBe(true);
  const ids = driver.rules.map((r: any) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of driver.rules) {
    expect(typeof r.id).toBe('string');
    expect(typeof r.shortDescription.text).toBe('string');
    expect(r.shortDescription.text.length).toBeGreaterThan(0);
    expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration.level);
  }
  expect(run.columnKind).toBe('utf16CodeUnits');
  for (const res of run.results) {
    expect(ids).toContain(res.ruleId);
    expect(driver.rules[res.ruleIndex].id).toBe(res.ruleId);
    expect(['error', 'warning', 'note']).toContain(res.level);
    expect(typeof res.message.text).toBe('string');
    const loc = res.locations[0].physicalLocation;
    expect(loc.artifactLocation.uri).not.toMatch(/\\/);
    expect(loc.artifactLocation.uri).not.toMatch(/[\s\u0080-\uffff]/); // percent-encoded
    const g = loc.region;
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength']) expect(Number.isInteger(g[k])).toBe(true);
    expect(g.startLine).toBeGreaterThanOrEqual(1);
    expect(g.startColumn).toBeGreaterThanOrEqual(1);
    expect(g.endLine).toBeGreaterThanOrEqual(g.startLine);
    expect(g.charOffset).toBeGreaterThanOrEqual(0);
    expect(g.charLength).toBeGreaterThanOrEqual(0);
    if (g.endLine === g.startLine) expect(g.endColumn - g.startColumn).toBe(g.charLength);
    for (const rel of res.relatedLocations ?? []) {
      expect(Number.isInteger(rel.id)).toBe(true);
      expect(typeof rel.physicalLocation.artifactLocation.uri).toBe('string');
      expect(typeof rel.message.text).toBe('string');
    }
  }
  expect(typeof run.invocations[0].executionSuccessful).toBe('boolean');
}

describe('sarif', () => {
  it('has the SARIF 2.1.0 shape', () => {
    const log = checkSarif(sampleResult(), { name: 'baogao', version: '1.2.3', informationUri: 'https://github.com/baogao/baogao', rules: RULES }) as any;
    validateSarif(log);
    const run = log.runs[0];
    expect(run.tool.driver.version).toBe('1.2.3');
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual([
      'placeholder',
      'repeated-clause',
      'duplicate-sentence',
      'duplicate-paragraph',
      'near-duplicate',
      'repeated-phrase',
      'reused-sentence',
    ]);
    expect(run.results.map((r: any) => r.level)).toEqual(['warning', 'error', 'note']);
    const res = run.results[1];
    expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('%E6%8A%A5%E5%91%8A/%E8%8D%89%E7%A8%BF%201.txt');
    expect(decodeURIComponent(res.locations[0].physicalLocation.artifactLocation.uri)).toBe('报告/草稿 1.txt');
    expect(res.locations[0].physicalLocation.region).toEqual({ startLine: 2, startColumn: 3, endLine: 2, endColumn: 5, charOffset: 6, charLength: 2 });
    expect(run.results[2].relatedLocations[0].message.text).toBe('first occurrence');
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe('bad.txt: empty file (0 bytes)');
    expect(run.properties.reuse[0]).toEqual({ file: '报告/草稿 1.txt', against: 'past/2023.txt', share: 0.31, sentences: 4 });
  });

  it('makes URIs: relative with forward slashes, absolute as file://', () => {
    expect(artifactUri('../corpus/a b#1.txt')).toBe('../corpus/a%20b%231.txt');
    expect(artifactUri('dir\\file.txt')).toBe('dir/file.txt');
    expect(artifactUri('/tmp/x.txt')).toBe('file:///tmp/x.txt');
  });
});

// ------------------------------------------------------------------ csv

describe('csv', () => {
  it('quotes per RFC 4180, starts with a BOM and ends records with CRLF', () => {
    const csv = toCsv(['a', 'b', 'c'], [
      ['逗号,在内', 'say "hi"', 'line1\nline2'],
      [1.5, null, true],
      ['=SUM(A1)', '-3', '  padded'],
      [-3, '@x', '普通'],
    ]);
    expect(csv.startsWith('\ufeffa,b,c\r\n')).toBe(true);
    expect(csv).toContain('"逗号,在内","say ""hi""","line1\nline2"\r\n');
    expect(csv).toContain('1.5,,true\r\n');
    expect(csv).toContain("'=SUM(A1),'-3,\"  padded\"\r\n");
    expect(csv).toContain("-3,'@x,普通\r\n");
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      ['逗号,在内', 'say "hi"', 'line1\nline2'],
      ['1.5', '', 'true'],
      ["'=SUM(A1)", "'-3", '  padded'],
      ['-3', "'@x", '普通'],
    ]);
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(toCsv(['x'], [], { bom: false })).toBe('x\r\n');
  });
});

// ------------------------------------------------------------------ zip and xlsx

describe('zip', () => {
  it('computes CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    if (typeof zlibCrc32 === 'function') expect(crc32(Buffer.from('政府工作报告'))).toBe(zlibCrc32(Buffer.from('政府工作报告')));
  });

  it('writes archives that unzip back, byte for byte, and are deterministic', () => {
    const big = '甲乙丙丁'.repeat(5000);
    const z = zip([
      { name: 'a.txt', data: 'hello' },
      { name: 'dir/b.txt', data: big },
      { name: 'empty', data: new Uint8Array() },
    ]);
    const files = unzip(z);
    expect([...files.keys()]).toEqual(['a.txt', 'dir/b.txt', 'empty']);
    expect(files.get('a.txt')!.data.toString()).toBe('hello');
    expect(files.get('dir/b.txt')!.data.toString()).toBe(big);
    expect(files.get('dir/b.txt')!.method).toBe(8);
    expect(files.get('empty')!.data.length).toBe(0);
    for (const f of files.values()) expect(f.crc).toBe(crc32(f.data));
    expect(Buffer.from(zip([{ name: 'a.txt', data: 'hello' }])).equals(Buffer.from(zip([{ name: 'a.txt', data: 'hello' }])))).toBe(true);
    // and the project's own defensive zip reader accepts it
    const entries = readCentralDirectory(z, 'x.zip');
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'dir/b.txt', 'empty']);
    expect(() => verifyEntries(z, entries, 'x.zip')).not.toThrow();
  });
});

describe('xlsx', () => {
  it('names columns', () => {
    expect([1, 26, 27, 52, 703].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(unitFormat('亿元')).toBe('General"亿元"');
    expect(unitFormat('%')).toBe('General"%"');
  });

  it('round-trips: the parts, inline strings, numbers, booleans, unit formats, frozen panes', () => {
    const bytes = xlsx([
      {
        name: 'indicators',
        rows: [
          ['file', 'value', 'masked', 'sentence'],
          ['报告<1>.txt', 162.4, true, '=1+1 & "quoted"'],
          ['b.txt', { value: 6.5, format: unitFormat('%') }, false, ' lead\x07bell'],
        ],
        widths: [20, 10, 8, 60],
        autoFilter: true,
      },
      { name: 'pivot', rows: [['canonical metric', 'a'], ['year', 2024], ['gdp', { value: 198.5, format: unitFormat('亿元') }]], headerRows: 2, frozenColumns: 1 },
    ]);
    const files = unzip(bytes);
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    const xml = (n: string) => files.get(n)!.data.toString('utf8');
    for (const n of files.keys()) expectWellFormed(xml(n));

    expect(xml('[Content_Types].xml')).toContain('PartName="/xl/worksheets/sheet2.xml"');
    expect(xml('[Content_Types].xml')).toContain('spreadsheetml.sheet.main+xml');
    expect(xml('_rels/.rels')).toContain('Target="xl/workbook.xml"');
    expect(xml('xl/workbook.xml')).toContain('<sheet name="indicators" sheetId="1" r:id="rId1"/>');
    expect(xml('xl/workbook.xml')).toContain('<sheet name="pivot" sheetId="2" r:id="rId2"/>');
    expect(xml('xl/workbook.xml')).toContain(`'indicators'!$A$1:$D$3`);
    expect(xml('xl/_rels/workbook.xml.rels')).toContain('Target="worksheets/sheet1.xml"');
    expect(xml('xl/_rels/workbook.xml.rels')).toContain('Target="styles.xml"');

    const styles = xml('xl/styles.xml');
    expect(styles).toContain('formatCode="General&quot;%&quot;"');
    expect(styles).toContain('formatCode="General&quot;亿元&quot;"');

    const s1 = xml('xl/worksheets/sheet1.xml');
    expect(s1).toContain('<c r="A2" t="inlineStr"><is><t>报告&lt;1&gt;.txt</t></is></c>');
    expect(s1).toContain('<c r="B2"><v>162.4</v></c>');
    expect(s1).toContain('<c r="C2" t="b"><v>1</v></c>');
    expect(s1).toContain('<c r="C3" t="b"><v>0</v></c>');
    expect(s1).toContain('<is><t>=1+1 &amp; &quot;quoted&quot;</t></is>'); // text, never a formula
    expect(s1).not.toContain('<f>');
    expect(s1).toContain('<t xml:space="preserve"> leadbell</t>'); // BEL dropped
    expect(s1).toMatch(/<c r="A1" t="inlineStr" s="1"><is><t>file<\/t><\/is><\/c>/); // bold header
    expect(s1).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(s1).toContain('<autoFilter ref="A1:D3"/>');
    expect(s1).toContain('<col min="4" max="4" width="60" customWidth="1"/>');
    const pct = /<c r="B3" s="(\d+)"><v>6.5<\/v><\/c>/.exec(s1);
    expect(pct).not.toBeNull();

    const s2 = xml('xl/worksheets/sheet2.xml');
    expect(s2).toContain('<pane xSplit="1" ySplit="2" topLeftCell="B3" activePane="bottomRight" state="frozen"/>');
    expect(s2).toMatch(/<c r="B3" s="\d+"><v>198.5<\/v><\/c>/);
    expect(s2).toMatch(/<c r="B2" s="1"><v>2024<\/v><\/c>/);
    // the cell style of B3 points at the 亿元 number format
    const xfIndex = Number(/<c r="B3" s="(\d+)">/.exec(s2)![1]);
    const xfs = [...styles.matchAll(/<xf numFmtId="(\d+)" fontId/g)].slice(1).map((m) => Number(m[1])); // skip cellStyleXfs
    const fmtId = xfs[xfIndex];
    expect(styles).toContain(`<numFmt numFmtId="${fmtId}" formatCode="General&quot;亿元&quot;"/>`);
  });

  it('keeps sheet names legal and unique', () => {
    const files = unzip(xlsx([{ name: 'a/b:c', rows: [] }, { name: 'A/B:C', rows: [] }, { name: 'x'.repeat(40), rows: [[1]] }]));
    const wb = files.get('xl/workbook.xml')!.data.toString();
    expect(wb).toContain('name="a_b_c"');
    expect(wb).toContain('name="A_B_C_2"');
    expect(wb).toContain(`name="${'x'.repeat(31)}"`);
  });
});

// ------------------------------------------------------------------ indicators

describe('indicators', { timeout: 60_000 }, () => {
  it('finds the report year in the title, the delivery date, a 年度报告 line or the file name', () => {
    expect(reportYear({ title: { text: '2024年政府工作报告', span: { start: 0, end: 10 } } }, '', 'x2019.txt')).toBe(2024);
    expect(reportYear({ title: null }, '政府工作报告\n——2016年3月5日在第十二届全国人民代表大会第四次会议上\n', 'a.txt')).toBe(2016);
    expect(reportYear({ title: null }, '　—2017年2月11日在海拉尔区第十四届人民代表大会第六次会议上 \r\n', '')).toBe(2017);
    expect(reportYear({ title: null }, '----2012年2月29日在海拉尔区第十三届人民代表大会第六次会议上', '')).toBe(2012);
    expect(reportYear({ title: null }, '政府工作报告\n２０２１年１月２０日在市第十五届人民代表大会第五次会议上\n', '')).toBe(2021);
    expect(reportYear({ title: null }, '——二〇一八年一月十五日在市人民代表大会上', '')).toBe(2018);
    expect(reportYear({ title: null }, '现将**市委2022年度的工作情况报告如下。', '')).toBe(2022);
    expect(reportYear({ title: null }, '各位代表：\n现在报告工作。', 'reports/hailar-district-2015.gbk.txt')).toBe(2015);
    expect(reportYear({ title: null }, '各位代表：', '000_304eac767b8a3bea.txt')).toBeNull();
  });

  it('makes one row per claim with the section path, the year and the statement', () => {
    const text = '2024年清河县政府工作报告\n\n一、2023年工作回顾\n\n过去一年，全县地区生产总值达到120.5亿元，同比增长6.5%。\n';
    const report = analyze(text);
    const rows = indicatorRows(report, text, 'a.txt', reportYear(report, text, 'a.txt'));
    expect(rows.length).toBeGreaterThan(0);
    const gdp = rows.find((r) => r.value === 120.5)!;
    expect(gdp).toMatchObject({ file: 'a.txt', line: 5, year: 2024, unit: '亿元', scaled_value: 12050000000, scaled_unit: '元', masked: false });
    expect(gdp.section).toContain('2023年工作回顾');
    expect(gdp.sentence).toBe('过去一年，全县地区生产总值达到120.5亿元，同比增长6.5%。');
    expect(Object.keys(gdp)).toEqual([...INDICATOR_COLUMNS]);
  });

  it('shows a sentence over SENTENCE_MAX characters as a window around its claim, so one-sentence texts make tables of sane size', () => {
    // no full stop anywhere: the whole text is one statement, 910 claims in it
    const text = '各项工作取得新进展，地区生产总值增长**%，'.repeat(910);
    const report = analyze(text);
    expect(report.statements).toHaveLength(1);
    const rows = indicatorRows(report, text, 'a.txt', null);
    expect(rows).toHaveLength(910);
    for (const [k, r] of rows.entries()) {
      const c = report.claims[k];
      expect(r.sentence).toContain(c.text);
      expect(r.sentence.length).toBeLessThanOrEqual(2 * 300 + (c.span.end - c.span.start) + 2);
      const inner = r.sentence.replace(/^…/, '').replace(/…$/, '');
      expect(text.slice(Math.max(0, c.span.start - 300), c.span.end + 300).trim()).toBe(inner);
      expect(r.sentence.startsWith('…')).toBe(c.span.start > 300);
    }
    expect(rows[0].sentence.endsWith('…')).toBe(true);
    // cuts never split a surrogate pair (𠀀 is two code units), whatever the claim's parity
    // in the first text most windows would start inside a pair, in the second most would end inside one
    for (const unit of ['aaaaaaa产值增长5%，𠀀', '产值增长5%𠀀𠀀，']) {
      const astral = unit.repeat(200);
      const rep = analyze(astral);
      expect(rep.claims.length).toBeGreaterThan(100);
      for (const r of indicatorRows(rep, astral, 'c.txt', null)) {
        expect(r.sentence).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }
    }
    // at the limit, the statement is still shown whole
    const whole = '产值增长5%，'.repeat(Math.floor(SENTENCE_MAX / 7)) + '。';
    expect(whole.length).toBeLessThanOrEqual(SENTENCE_MAX);
    const r0 = indicatorRows(analyze(whole), whole, 'b.txt', null)[0];
    expect(r0.sentence).toBe(whole);
  });

  it('renders rows report by report (CSV records, JSON items) exactly as the whole table at once', () => {
    // two real reports (../shared/corpus/zh, see SOURCES.md) and one without claims
    const dir = fileURLToPath(new URL('../../shared/corpus/zh/', import.meta.url));
    const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, 2);
    const perReport = [...names.map((f) => readFileSync(join(dir, f), 'utf8')), '没有数字的一句话。'].map((text, k) => {
      const report = analyze(text);
      return indicatorRows(report, text, `r${k}.txt`, reportYear(report, text, `r${k}.txt`));
    });
    const all = perReport.flat();
    expect(perReport[0].length).toBeGreaterThan(10);
    expect(perReport[2]).toEqual([]);
    expect(jsonRowArray(perReport.map(jsonRowItems))).toBe(JSON.stringify(all, null, 2));
    expect(jsonRowArray([jsonRowItems([])])).toBe(JSON.stringify([], null, 2));
    expect(csvHead(INDICATOR_COLUMNS) + perReport.map((rows) => csvRecords(rows.map(rowValues))).join('')).toBe(toCsv(INDICATOR_COLUMNS, all.map(rowValues)));
  });

  it('pivots canonical metrics by report, ordered by year; first own-year value, else growth', () => {
    const row = (file: string, year: number, metric: string, value: number | null, extra: Partial<IndicatorRow> = {}): IndicatorRow => ({
      file,
      line: 1,
      year,
      section: '',
      metric,
      canonical_metric: metric,
      period: null,
      period_kind: null,
      value,
      upper: null,
      unit: value === null ? null : '亿元',
      scaled_value: null,
      scaled_unit: null,
      bound: null,
      growth_direction: null,
      growth_value: null,
      growth_unit: null,
      growth_average: null,
      ranks: '',
      modality: 'actual',
      masked: false,
      sentence: '',
      ...extra,
    });
    const rows = [
      row('d/b-2013.txt', 2013, 'gdp', 162.4, { period: '2010年' }), // a baseline: skipped
      row('d/b-2013.txt', 2013, 'gdp', null, { growth_direction: 'up', growth_value: 8.5, growth_unit: '%' }),
      row('d/b-2013.txt', 2013, 'gdp', 235.2),
      row('d/a-2012.txt', 2012, 'gdp', 198.5, { period: '2011年' }),
      row('d/a-2012.txt', 2012, 'retail_sales', null, { growth_direction: 'down', growth_value: 3, growth_unit: '%' }),
      row('d/a-2012.txt', 2012, 'gdp', 240),
    ];
    const table = pivotTable(rows, [
      { file: 'd/b-2013.txt', year: 2013 },
      { file: 'd/a-2012.txt', year: 2012 },
    ]);
    expect(table[0]).toEqual(['canonical metric', 'a-2012.txt', 'b-2013.txt']);
    expect(table[1]).toEqual(['year', 2012, 2013]);
    expect(table[2]).toEqual(['gdp', { value: 198.5, format: 'General"亿元"' }, { value: 235.2, format: 'General"亿元"' }]);
    expect(table[3]).toEqual(['retail_sales', '-3%', null]);
  });

  it('pivots a year\'s outcome, never a span of years or a share standing first (#16: national GDP = 70 for 2021)', () => {
    const row = (extra: Partial<IndicatorRow>): IndicatorRow => ({
      file: 'n-2021.txt', line: 1, year: 2021, section: '', metric: '国内生产总值', canonical_metric: 'gdp', period: null, period_kind: null,
      value: null, upper: null, unit: null, scaled_value: null, scaled_unit: null, bound: null, growth_direction: null, growth_value: null,
      growth_unit: null, growth_average: null, ranks: '', modality: 'actual', masked: false, sentence: '', ...extra,
    });
    const rows = [
      // 十年增加近70万亿元 and 五年年均增长5.2%: spans of years
      row({ period: '十年', period_kind: 'multi-year', growth_direction: 'up', growth_value: 70, growth_unit: '万亿元' }),
      row({ period: '过去五年', period_kind: 'multi-year', growth_direction: 'up', growth_value: 5.2, growth_unit: '%', growth_average: true }),
      // 今年国内生产总值增长6%以上: the target
      row({ modality: 'target', growth_direction: 'up', growth_value: 6, growth_unit: '%' }),
      // 国内生产总值达到101.6万亿元: the year's outcome
      row({ value: 101.6, unit: '万亿元' }),
    ];
    const table = pivotTable(rows, [{ file: 'n-2021.txt', year: 2021 }]);
    expect(table[2]).toEqual(['gdp', { value: 101.6, format: 'General"万亿元"' }]);
    expect(pivotTable(rows.slice(0, 3), [{ file: 'n-2021.txt', year: 2021 }])[2]).toEqual(['gdp', '+6%']);
  });
});

// ------------------------------------------------------------------ outline

describe('outline', { timeout: 60_000 }, () => {
  it('shows the title, sections indented by level with 1-based lines, and counts', () => {
    const text = '2024年清河县政府工作报告\n\n一、2023年工作回顾\n\n（一）经济运行\n\n全县完成**项任务。\n\n二、2024年工作安排\n\n做好各项工作。\n';
    const out = renderOutline(analyze(text), text, 'x.txt');
    const lines = out.split('\n');
    expect(lines[0]).toBe('x.txt');
    expect(lines[1]).toBe('title         2024年清河县政府工作报告 (line 1)');
    expect(out).toMatch(/\n +3 {4}一、2023年工作回顾/);
    expect(out).toMatch(/\n +5 {6}（一）经济运行/);
    expect(out).toMatch(/\n +9 {4}二、2024年工作安排/);
    expect(out).toMatch(/placeholders {2}1 \(number 1\)/);
    expect(out).toMatch(/claims {8}\d+/);
    expect(out).toMatch(/duplicates {4}\d+/);
  });
});

describe('jsonChunks: JSON.stringify(value, null, 2) in pieces', () => {
  it('gives the same text as JSON.stringify on any JSON value, nested objects and arrays included', async () => {
    const { jsonChunks } = await import('../src/render/json.js');
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect([...jsonChunks(v)].join('')).toBe(JSON.stringify(v, null, 2));
        // walked to the leaves, as a value too big for one JSON.stringify is
        expect([...jsonChunks(v, '', 0)].join('')).toBe(JSON.stringify(v, null, 2));
        expect([...jsonChunks(v, '', 3)].join('')).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 1000 },
    );
  });

  it('skips undefined and functions in objects, writes null for them in arrays, and calls toJSON, as JSON.stringify does', async () => {
    const { jsonChunks } = await import('../src/render/json.js');
    const v = { a: undefined, b: [undefined, () => 1, NaN, -0, Infinity], c: new Date(0), d: { toJSON: (k: string) => `key ${k}` }, e: {}, f: [] };
    expect([...jsonChunks(v)].join('')).toBe(JSON.stringify(v, null, 2));
    expect([...jsonChunks(v, '', 0)].join('')).toBe(JSON.stringify(v, null, 2));
  });

  it('gives a report, a check result and a SARIF log exactly as the one-string renderers', async () => {
    const { jsonChunks, renderJson, renderJsonChunks } = await import('../src/render/json.js');
    const { renderSarif, renderSarifChunks } = await import('../src/render/sarif.js');
    const text = readFileSync(new URL('../fixtures/cli/clean.txt', import.meta.url), 'utf8') + '\n本年度完成**项工作。\n本年度完成**项工作。\n';
    const report = analyze(text);
    expect([...jsonChunks(report)].join('')).toBe(JSON.stringify(report, null, 2));
    expect([...jsonChunks(report, '', 16)].join('')).toBe(JSON.stringify(report, null, 2));
    const src = source('d.txt', text);
    const result = { files: [{ file: 'd.txt', findings: TEXT_RULES.flatMap((r) => r.check(report, ruleCtx(src))), reuse: [], text }], unreadable: [] };
    const tool = { name: 'baogao', version: '1.2.3' };
    expect([...renderJsonChunks(result, tool)].join('')).toBe(renderJson(result, tool));
    const sarifTool = { ...tool, informationUri: 'https://example.org', rules: RULES };
    expect([...renderSarifChunks(result, sarifTool)].join('')).toBe(renderSarif(result, sarifTool));
  });
});

describe('indicators: a number too large to hold', () => {
  it('keeps its digits as written in the row and the pivot, never a blank (#17)', () => {
    const digits = '9'.repeat(320);
    const text = `2024年工作回顾\n全市地区生产总值${digits}亿元。\n`;
    const rows = indicatorRows(analyze(text, { duplicates: false }), text, 'x.txt', 2024);
    const r = rows.find((x) => x.canonical_metric === 'gdp')!;
    expect(r.value).toBe(digits);
    expect(pivotTable(rows, [{ file: 'x.txt', year: 2024 }])[2]).toEqual(['gdp', `${digits}亿元`]);
  });
});
