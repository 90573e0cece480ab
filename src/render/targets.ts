/**
 * `baogao targets` as text, CSV, JSON or .xlsx. The rows come from src/targets (targets()); this only
 * lays them out: a readable table per place, one CSV record per row, the JSON document
 * { format: "baogao-targets", formatVersion: 1, rows, sources, warnings }, and a workbook with a
 * sheet per place and a sheet of canonical metrics × years (target | outcome | status).
 */
import type { OutcomeCell, TargetCell, TargetRow, TargetsResult } from '../targets/schema.js';
import { toCsv, type CsvValue } from './csv.js';
import { xlsx, type Cell, type SheetSpec } from './xlsx.js';
import { displayWidth, padEnd, truncate } from './width.js';
import { metricInfo } from '../claims/canonical.js';
import { printable } from './printable.js';

export const TARGET_COLUMNS = [
  'place', 'year', 'metric', 'canonical', 'measure',
  'target', 'target_upper', 'target_unit', 'bound', 'firmness', 'horizon', 'target_source', 'target_file', 'target_line', 'target_text',
  'outcome', 'outcome_unit', 'modality', 'outcome_source', 'outcome_file', 'outcome_line', 'outcome_text',
  'status', 'rule',
] as const;

export function targetRowValues(r: TargetRow): CsvValue[] {
  const t = r.target;
  const o = r.outcome;
  return [
    r.place, r.year, r.metric.text, r.metric.canonical, r.metric.measure,
    t?.number, t?.upper, t?.unit, t?.bound, t?.firmness, t?.horizon, t?.source, t?.file, t?.line, t?.text,
    o?.number, o?.unit, o?.modality, o?.source, o?.file, o?.line, o?.text,
    r.status, r.rule,
  ];
}

export function renderTargetsCsv(result: TargetsResult): string {
  return toCsv(TARGET_COLUMNS, result.rows.map(targetRowValues));
}

export function renderTargetsJson(result: TargetsResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

const BOUND_MARK: Record<string, string> = { approx: '左右', gte: '以上', lte: '以内' };

/** 5%左右, 6–6.5%, 1200万人以上, -3.1%以上; a change gets its sign: +5%. */
export function targetText(t: TargetCell, measure: TargetRow['metric']['measure']): string {
  const sign = (n: number) => (measure === 'growth' && n > 0 ? '+' : '') + String(n);
  const unit = t.unit ?? '';
  const core = t.upper !== null ? `${sign(t.number)}–${t.upper}${unit}` : `${sign(t.number)}${unit}`;
  const bound = t.bound && t.bound !== 'range' ? BOUND_MARK[t.bound] : '';
  const firm = t.firmness === 'plain' ? '' : t.firmness === 'hard' ? ' (hard)' : ' (soft)';
  return `${core}${bound}${firm}${t.horizon ? ` [${t.horizon}]` : ''}`;
}

export function outcomeText(o: OutcomeCell, measure: TargetRow['metric']['measure']): string {
  const n = (measure === 'growth' && o.number > 0 ? '+' : '') + String(o.number);
  return `${n}${o.unit ?? ''}${o.modality === 'forecast' ? ' (预计)' : ''}`;
}

/** The indicator's own name (dictionaries/metrics.json), not the phrase of one sentence. */
function metricLabel(r: TargetRow): string {
  // the phrase itself when it is one of the indicator's names (地区生产总值), else its first name
  const info = metricInfo(r.metric.canonical);
  const name = r.metric.text && info?.zh.includes(r.metric.text) ? r.metric.text : (info?.zh[0] ?? r.metric.text ?? r.metric.canonical);
  return `${name}${r.metric.measure === 'growth' ? ' 增速' : ''}`;
}

function cell(s: string): string {
  return printable(s).replace(/\t/g, ' ');
}

function where(file: string, line: number): string {
  return `${file.split(/[\\/]/).pop() ?? file}:${line}`;
}

/**
 * A table per place: year, metric, target, outcome, status, and where each was read. The rows of
 * metrics the place set a target for in some year (2020's GDP without one among them); outcomes of
 * metrics never targeted are counted below the table (CSV, JSON and .xlsx list them all).
 */
export function renderTargetsText(result: TargetsResult): string {
  const out: string[] = [];
  for (const w of result.warnings) out.push(`warning: ${cell(w)}`);
  if (result.warnings.length) out.push('');
  const places = [...new Set(result.rows.map((r) => r.place))];
  for (const place of places) {
    const all = result.rows.filter((r) => r.place === place);
    const targeted = new Set(all.filter((r) => r.target).map((r) => `${r.metric.canonical}|${r.metric.measure}`));
    const rows = all.filter((r) => targeted.has(`${r.metric.canonical}|${r.metric.measure}`));
    const untargeted = all.length - rows.length;
    // a report's phrase, a place or a file name may hold an escape sequence or a bidi control:
    // every cell goes through printable() (tabs too, which would break the columns)
    const table = rows.map((r) => [
      String(r.year),
      truncate(metricLabel(r), 24),
      r.target ? targetText(r.target, r.metric.measure) : '—',
      r.outcome ? outcomeText(r.outcome, r.metric.measure) : '—',
      r.status,
      r.rule,
      [r.target && where(r.target.file, r.target.line), r.outcome && where(r.outcome.file, r.outcome.line)].filter(Boolean).join(' → '),
    ].map(cell));
    const head = ['year', 'metric', 'target', 'outcome', 'status', 'rule', 'read at'];
    const widths = head.map((h, i) => Math.max(displayWidth(h), ...table.map((row) => displayWidth(row[i]))));
    const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : padEnd(c, widths[i]))).join('  ').trimEnd();
    const met = rows.filter((r) => r.status === 'met').length;
    const missed = rows.filter((r) => r.status === 'missed').length;
    out.push(`${cell(place)}: ${rows.length} rows, ${met} met, ${missed} missed`);
    out.push(line(head));
    for (const row of table) out.push(line(row));
    if (untargeted) out.push(`(${untargeted} more rows: outcomes of metrics with no target in these years; --format csv or json lists them)`);
    out.push('');
  }
  if (!places.length) out.push('no targets or outcomes found');
  return out.join('\n').replace(/\n*$/, '\n');
}

/** Excel's sheet-name rules: 31 characters, none of []:*?/\ , unique. */
function sheetName(place: string, taken: Set<string>): string {
  const base = place.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || 'place';
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base}~${k}`;
  taken.add(name);
  return name;
}

/** The rows of each place, a sheet each, then canonical metrics × years: target | outcome | status. */
export function renderTargetsXlsx(result: TargetsResult): Uint8Array {
  const taken = new Set<string>(['metrics × years']);
  const sheets: SheetSpec[] = [];
  const places = [...new Set(result.rows.map((r) => r.place))];
  for (const place of places) {
    const rows = result.rows.filter((r) => r.place === place);
    sheets.push({
      name: sheetName(place, taken),
      rows: [[...TARGET_COLUMNS], ...rows.map((r) => targetRowValues(r) as Cell[])],
      widths: [10, 6, 22, 22, 8, 8, 8, 8, 7, 8, 12, 12, 30, 6, 30, 8, 8, 9, 11, 30, 6, 30, 13, 34],
      autoFilter: true,
    });
  }
  const years = [...new Set(result.rows.map((r) => r.year))].sort((a, b) => a - b);
  const pivot: Cell[][] = [
    ['place', 'canonical metric', 'measure', ...years.flatMap((y) => [y, null, null])],
    [null, null, null, ...years.flatMap(() => ['target', 'outcome', 'status'])],
  ];
  const keyed = new Map<string, Map<number, TargetRow>>();
  for (const r of result.rows) {
    if (r.target?.horizon) continue;
    const k = `${r.place}\u0000${r.metric.canonical}\u0000${r.metric.measure}`;
    let m = keyed.get(k);
    if (!m) keyed.set(k, (m = new Map()));
    if (!m.has(r.year)) m.set(r.year, r);
  }
  for (const [k, byYear] of keyed) {
    const [place, canonical, measure] = k.split('\u0000');
    pivot.push([
      place, canonical, measure,
      ...years.flatMap((y) => {
        const r = byYear.get(y);
        if (!r) return [null, null, null];
        return [r.target ? targetText(r.target, r.metric.measure) : null, r.outcome ? outcomeText(r.outcome, r.metric.measure) : null, r.status];
      }),
    ]);
  }
  sheets.push({ name: 'metrics × years', rows: pivot, headerRows: 2, frozenColumns: 3, widths: [10, 26, 8, ...years.flatMap(() => [14, 12, 11])] });
  return xlsx(sheets);
}
