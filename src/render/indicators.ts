/**
 * `baogao indicators`: one row per quantified claim, and a pivot of canonical metrics by report.
 */
import type { Claim, Report, Section, Statement } from '../schema/index.js';
import { lineColumn, lineStarts } from '../sections/lines.js';
import type { Cell } from './xlsx.js';
import { unitFormat } from './xlsx.js';
import { splitsPair } from './width.js';

export const INDICATOR_COLUMNS = [
  'file',
  'line',
  'year',
  'section',
  'metric',
  'canonical_metric',
  'period',
  'period_kind',
  'value',
  'upper',
  'unit',
  'scaled_value',
  'scaled_unit',
  'bound',
  'growth_direction',
  'growth_value',
  'growth_unit',
  'growth_average',
  'ranks',
  'modality',
  'masked',
  'sentence',
] as const;

export interface IndicatorRow {
  file: string;
  /** 1-based line of the claim */
  line: number;
  /** the report's own year (see reportYear) */
  year: number | null;
  /** headings of the enclosing sections, outermost first, joined with " > " */
  section: string;
  metric: string;
  canonical_metric: string | null;
  period: string | null;
  /** year, part-year, to-date, multi-year or horizon (see the model's Period) */
  period_kind: string | null;
  /** the value, or its digits as written (raw) when too large to hold as a number (Quantity.tooLarge) */
  value: number | string | null;
  upper: number | null;
  unit: string | null;
  scaled_value: number | null;
  scaled_unit: string | null;
  bound: string | null;
  growth_direction: string | null;
  growth_value: number | null;
  growth_unit: string | null;
  /** the growth is an annual average over a span of years (年均) */
  growth_average: boolean | null;
  /** scope:position;… — top-N ranks as scope:topN, masked positions as scope:* */
  ranks: string;
  modality: string;
  /** a number of the claim (value, growth or rank) is masked */
  masked: boolean;
  /** the statement holding the claim (over SENTENCE_MAX characters: a window around the claim) */
  sentence: string;
}

// ------------------------------------------------------------------ the report's year

const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const YEAR = '((?:19|20)\\d{2}|[一二][〇零○一二三四五六七八九]{3})';

function toYear(s: string): number {
  return Number([...s].map((c) => CN_DIGIT[c] ?? c).join(''));
}

/** full-width digits to ASCII, so ２０２４ reads as 2024 */
function foldDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
}

const DATE_LINE = new RegExp(`^[\\s\\u3000]*[—\\-－–─━]+[\\s\\u3000]*${YEAR}\\s*年\\s*[0-9一二三四五六七八九十]{1,3}\\s*月`);
const DELIVERED = new RegExp(`${YEAR}\\s*年\\s*[0-9一二三四五六七八九十]{1,3}\\s*月\\s*[0-9一二三四五六七八九十]{1,3}\\s*日\\s*在[^。\\n]{0,60}?(?:会议|大会)上`);
const TITLE_YEAR = new RegExp(`${YEAR}\\s*年`);
const REPORT_OF_YEAR = new RegExp(`${YEAR}\\s*年度?[^，。；,;\\n]{0,8}?报告`);

/**
 * The report's own year: a year in the title ("2024年政府工作报告"), else the date it was delivered in
 * the first lines ("——2024年3月5日在…会议上"), else a "2022年度…报告" in the first lines, else
 * digits 19xx/20xx in the file name, else null.
 */
export function reportYear(report: Pick<Report, 'title'>, text: string, fileName = ''): number | null {
  if (report.title) {
    const m = TITLE_YEAR.exec(foldDigits(report.title.text));
    if (m) return toYear(m[1]);
  }
  const head = foldDigits(text.slice(0, 2000))
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim())
    .slice(0, 12);
  for (const line of head) {
    const m = DATE_LINE.exec(line) ?? DELIVERED.exec(line);
    if (m) return toYear(m[1]);
  }
  for (const line of head) {
    const m = REPORT_OF_YEAR.exec(line);
    if (m) return toYear(m[1]);
  }
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const f = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(foldDigits(base));
  return f ? Number(f[1]) : null;
}

// ------------------------------------------------------------------ rows

function sectionPaths(sections: Section[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (list: Section[], path: string[]) => {
    for (const s of list) {
      const label = s.heading?.text.trim() || (s.marker.kind !== 'none' ? s.marker.text.trim() : '');
      const p = label ? [...path, label] : path;
      out.set(s.id, p.join(' > '));
      walk(s.children, p);
    }
  };
  walk(sections, []);
  return out;
}

function round12(x: number | null | undefined): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  return Number(x.toPrecision(12));
}

function ranksOf(c: Claim): string {
  return c.ranks
    .map((r) => {
      const pos = r.masked ? '*' : r.position === null ? '' : r.top ? `top${r.position}` : String(r.position);
      return `${r.scope ?? ''}:${pos}`;
    })
    .join(';');
}

/**
 * Longest `sentence` shown whole, in UTF-16 code units. Real sentences holding claims run to about
 * 500 (the corpus' longest: 498); a text without full stops can make one "sentence" of a whole
 * document, which repeated on each of its rows would make tables of gigabytes.
 */
export const SENTENCE_MAX = 1000;
/** What a longer sentence shows: this many code units either side of the claim, cut ends marked … */
const SENTENCE_WINDOW = 300;

function sentenceOf(c: Claim, st: Statement | undefined): string {
  const t = st?.text ?? c.text;
  if (!st || t.trim().length <= SENTENCE_MAX) return t.trim();
  let from = Math.max(0, c.span.start - st.span.start - SENTENCE_WINDOW);
  let to = Math.min(t.length, c.span.end - st.span.start + SENTENCE_WINDOW);
  // never half a surrogate pair at either cut
  if (splitsPair(t, from)) from--;
  if (splitsPair(t, to)) to++;
  return (from > 0 ? '…' : '') + t.slice(from, to).trim() + (to < t.length ? '…' : '');
}

/** One row per claim of the report, in document order. */
export function indicatorRows(report: Report, text: string, file: string, year: number | null): IndicatorRow[] {
  const starts = lineStarts(text);
  const paths = sectionPaths(report.sections);
  const statements = new Map(report.statements.map((s) => [s.id, s]));
  return report.claims.map((c): IndicatorRow => {
    const st = statements.get(c.statementId);
    const g = c.growth?.quantity ?? null;
    return {
      file,
      line: lineColumn(starts, c.span.start).line,
      year,
      section: st ? (paths.get(st.sectionId) ?? '') : '',
      metric: c.metric.text ?? '',
      canonical_metric: c.metric.canonical,
      period: c.period?.text ?? null,
      period_kind: c.period?.kind ?? null,
      // a number too large to compute with keeps its digits as written, never a silent blank
      value: c.value?.tooLarge ? (/^[0-9０-９.．]+/.exec(c.value.raw)?.[0] ?? c.value.raw) : (c.value?.number ?? null),
      upper: c.value?.upper ?? null,
      unit: c.value?.unit ?? null,
      scaled_value: round12(c.value?.scaled?.number),
      scaled_unit: c.value?.scaled?.unit ?? null,
      bound: c.value?.bound ?? null,
      growth_direction: c.growth?.direction ?? null,
      growth_value: g?.number ?? null,
      growth_unit: g?.unit ?? null,
      growth_average: c.growth ? c.growth.average : null,
      ranks: ranksOf(c),
      modality: c.modality,
      masked: Boolean(c.value?.masked || g?.masked || c.ranks.some((r) => r.masked)),
      sentence: sentenceOf(c, st),
    };
  });
}

export function rowValues(r: IndicatorRow): Array<string | number | boolean | null> {
  return INDICATOR_COLUMNS.map((k) => r[k]);
}

/**
 * Rows as items of a JSON array, the way JSON.stringify(allRows, null, 2) writes them (each indented
 * by two spaces, items joined by ",\n"): a batch keeps one string per report instead of its rows.
 */
export function jsonRowItems(rows: readonly IndicatorRow[]): string {
  return rows.map((r) => '  ' + JSON.stringify(r, null, 2).replaceAll('\n', '\n  ')).join(',\n');
}

/** The JSON array of items made by jsonRowItems, one string per report (empty ones skipped). */
export function jsonRowArray(parts: readonly string[]): string {
  const items = parts.filter((p) => p !== '');
  return items.length ? `[\n${items.join(',\n')}\n]` : '[]';
}

// ------------------------------------------------------------------ pivot

export interface PivotColumn {
  file: string;
  year: number | null;
}

function yearsIn(s: string | null): number[] {
  if (!s) return [];
  return [...foldDigits(s).matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1]));
}

/**
 * The row of a (metric, report) cell: an outcome of one year before a target, a level before a growth;
 * never a span of years (五年年均增长, 十年增加, “十四五”期间) or a goal's date when a year's figure is
 * there — and rows whose period names no other year than the report's or the year before come first,
 * so that a baseline (由2010年的…) does not stand for the report's year.
 */
function pick(rows: IndicatorRow[], year: number | null): IndicatorRow | null {
  const own = (r: IndicatorRow) => year === null || yearsIn(r.period).every((y) => y === year || y === year - 1);
  const annual = (r: IndicatorRow) => r.period_kind !== 'multi-year' && r.period_kind !== 'horizon' && r.growth_average !== true;
  const outcome = (r: IndicatorRow) => r.modality !== 'target';
  const level = (r: IndicatorRow) => r.value !== null;
  const change = (r: IndicatorRow) => r.growth_value !== null;
  const tests: Array<(r: IndicatorRow) => boolean> = [
    (r) => own(r) && annual(r) && outcome(r) && level(r),
    (r) => own(r) && annual(r) && outcome(r) && change(r),
    (r) => own(r) && annual(r) && level(r),
    (r) => own(r) && annual(r) && change(r),
    (r) => own(r) && level(r),
    (r) => own(r) && change(r),
    level,
    change,
  ];
  for (const test of tests) {
    const r = rows.find(test);
    if (r) return r;
  }
  return null;
}

function pivotCell(r: IndicatorRow): Cell {
  if (r.value !== null) {
    if (r.upper !== null) return `${r.value}–${r.upper}${r.unit ?? ''}`;
    if (typeof r.value === 'string') return `${r.value}${r.unit ?? ''}`;
    return r.unit ? { value: r.value, format: unitFormat(r.unit) } : r.value;
  }
  const sign = r.growth_direction === 'up' ? '+' : r.growth_direction === 'down' ? '-' : '';
  return `${sign}${r.growth_value}${r.growth_unit ?? ''}`;
}

/**
 * Canonical metrics (rows) by report (columns, ordered by year then as given): a header row of file
 * names, a row of years, then one row per metric — those found in the most reports first.
 */
export function pivotTable(rows: readonly IndicatorRow[], columns: readonly PivotColumn[]): Cell[][] {
  const cols = columns
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity) || a.i - b.i);
  const byMetric = new Map<string, Map<string, IndicatorRow[]>>();
  const firstSeen = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!r.canonical_metric) return;
    let m = byMetric.get(r.canonical_metric);
    if (!m) byMetric.set(r.canonical_metric, (m = new Map()));
    if (!firstSeen.has(r.canonical_metric)) firstSeen.set(r.canonical_metric, i);
    const l = m.get(r.file);
    if (l) l.push(r);
    else m.set(r.file, [r]);
  });
  const table: Cell[][] = [
    ['canonical metric', ...cols.map((c) => c.file.split(/[\\/]/).pop() ?? c.file)],
    ['year', ...cols.map((c) => c.year)],
  ];
  const metricRows: Array<{ metric: string; cells: Cell[]; filled: number }> = [];
  for (const [metric, perFile] of byMetric) {
    let filled = 0;
    const cells = cols.map((c) => {
      const r = pick(perFile.get(c.file) ?? [], c.year);
      if (!r) return null;
      filled++;
      return pivotCell(r);
    });
    if (filled) metricRows.push({ metric, cells, filled });
  }
  metricRows.sort((a, b) => b.filled - a.filled || firstSeen.get(a.metric)! - firstSeen.get(b.metric)!);
  for (const m of metricRows) table.push([m.metric, ...m.cells]);
  return table;
}
