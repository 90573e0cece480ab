/**
 * `baogao indicators --format html`: a line chart per canonical metric across the reports' years
 * (one line per place, the unit on the axis; a level and a change are separate charts), then the
 * table of every claim. The charts take the claims reported as actual (not targets, not forecasts)
 * for one year (not 五年来, 年均, 前三季度, 到2035年, nor a baseline of another year), the first of each
 * metric in a report; the x axis is the report's own year.
 *
 * A batch of 30 reports has thousands of rows and hundreds of charts (#21): the rows are grids in
 * groups of CHUNK, one <tbody> each, and a group or a chart off the screen is laid out only when it
 * nears it (content-visibility: auto; a table's own layout would measure every row first). Every row
 * is on the page: the filter and find-in-page search them all, and print lays them all out.
 */
import type { IndicatorRow, PivotColumn } from '../indicators.js';
import { attr, esc } from './escape.js';
import { colorsFor, formatNumber, lineChart, type ChartSeries } from './chart.js';
import { page } from './page.js';

export interface IndicatorsHtmlOptions {
  generator: string;
  /** the place a file speaks for; by default read from its name (see placeFromFileName) */
  placeOf?: (file: string) => string;
}

/** rows per <tbody>: each is laid out only when it nears the screen (content-visibility) */
const CHUNK = 100;
/** about the height of a row (two lines of its sentence), for a group not laid out yet; the filter sizes a group by it too */
const ROW_PX = 48;

const CSS = `
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,30rem),1fr));gap:1rem}
.charts figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;break-inside:avoid;content-visibility:auto;contain-intrinsic-height:22rem}
.charts figcaption{font-weight:600;margin-bottom:.2rem}.charts figcaption .muted{font-weight:400;font-size:12px}
svg.chart{width:100%;height:auto;display:block;font-family:var(--ui)}
svg.chart circle{cursor:help}
table.rows{display:block;font-size:12.5px;min-width:62rem}
table.rows thead,table.rows tbody{display:block}
table.rows tr{display:grid;grid-template-columns:minmax(10em,1.3fr) 3em 3.4em minmax(7em,1fr) minmax(10em,1fr) 5.6em 3.8em 6.4em 6em 6em minmax(16em,3fr)}
table.rows th,table.rows td{min-width:0;overflow-wrap:anywhere}
table.rows th{white-space:nowrap}
table.rows tr[hidden],table.rows tbody[hidden]{display:none}
table.rows tr.none{display:block}
table.rows tbody{content-visibility:auto;contain-intrinsic-height:${CHUNK * ROW_PX}px}
table.rows td.s{color:var(--mute)}
.filter{font:inherit;padding:.25rem .5rem;border:1px solid var(--line);border-radius:6px;min-width:min(20rem,100%)}
.wrap{overflow-x:auto}
@media (max-width:700px){table.rows{min-width:44rem}table.rows tr{grid-template-columns:minmax(8em,1.3fr) 3em 3.4em minmax(6em,1fr) minmax(8em,1fr) 5em 3.4em 6em 5em 5.6em}table.rows td.s,table.rows th.s{display:none}}
@media print{.charts{display:block}.charts figure{margin-bottom:1rem;border:0}.charts figure,table.rows tbody{content-visibility:visible}table.rows tr{break-inside:avoid}}
`;

/**
 * A place from a file name as reports are named: 2025年北京市政府工作报告.docx → 北京市,
 * prov-guangdong-2019-gov-work-report.zh.txt → prov-guangdong, hailar-district-2016.gbk.txt →
 * hailar-district: the name without its folders, extensions, years and the kind of document.
 */
export function placeFromFileName(file: string): string {
  let s = file.split(/[\\/]/).pop() ?? file;
  s = s.replace(/(\.(?:txt|md|docx|zh|en|gbk|utf-?8|gb18030|wikisource))+$/i, '');
  s = s.replace(/(?:19|20)\d{2}\s*年?度?/g, ' ');
  s = s.replace(/(?:人民)?政府工作报告|国民经济和社会发展统计公报|统计公报|工作报告|报告/g, ' ');
  s = s.replace(/gov(?:ernment)?-work-report|work-report|statistical-communique|communique|report/gi, ' ');
  s = s.replace(/[\s_\-.]+/g, '-').replace(/^-+|-+$/g, '');
  return s || file;
}

/** 万 and 亿 folded back for the axis: 1.3e13 元 → 13,000 亿元 */
function axisScale(unit: string, values: number[]): { unit: string; div: number } {
  const most = Math.max(...values.map(Math.abs));
  if (unit === '%' || unit === '个百分点' || unit.startsWith('万') || unit.startsWith('亿')) return { unit, div: 1 };
  if (most >= 1e8) return { unit: `亿${unit}`, div: 1e8 };
  if (most >= 1e4) return { unit: `万${unit}`, div: 1e4 };
  return { unit, div: 1 };
}

interface Chart {
  key: string;
  canonical: string;
  name: string;
  measure: 'level' | 'change';
  unit: string;
  /** place → year → the first figure */
  byPlace: Map<string, Map<number, { y: number; row: IndicatorRow }>>;
}

function charts(rows: readonly IndicatorRow[], placeOf: (file: string) => string): Chart[] {
  const map = new Map<string, Chart>();
  const add = (r: IndicatorRow, measure: Chart['measure'], unit: string, y: number) => {
    if (r.year === null || !Number.isFinite(y)) return;
    const key = `${r.canonical_metric}|${measure}|${unit}`;
    let c = map.get(key);
    if (!c) map.set(key, (c = { key, canonical: r.canonical_metric!, name: r.metric, measure, unit, byPlace: new Map() }));
    const place = placeOf(r.file);
    let years = c.byPlace.get(place);
    if (!years) c.byPlace.set(place, (years = new Map()));
    if (!years.has(r.year)) years.set(r.year, { y, row: r });
  };
  for (const r of rows) {
    if (!r.canonical_metric || r.modality !== 'actual') continue;
    // one year's figure: not a span of years, a goal's date, part of a year, nor a baseline of another year
    if (r.period_kind === 'multi-year' || r.period_kind === 'horizon' || r.period_kind === 'part-year') continue;
    const years = (r.period ?? '').match(/(?:19|20)\d{2}/g) ?? [];
    if (r.year !== null && years.some((y) => Number(y) !== r.year && Number(y) !== r.year! - 1)) continue;
    const level = r.scaled_value ?? (typeof r.value === 'number' ? r.value : null);
    const unit = (r.scaled_value !== null ? r.scaled_unit : r.unit) ?? '';
    if (level !== null && r.upper === null) add(r, 'level', unit, level);
    if (r.growth_value !== null && r.growth_direction && r.growth_average !== true) add(r, 'change', r.growth_unit ?? '', r.growth_direction === 'down' ? -r.growth_value : r.growth_value);
  }
  // a chart needs two years somewhere; the richest first
  const size = (c: Chart) => [...c.byPlace.values()].reduce((n, m) => n + m.size, 0);
  return [...map.values()]
    .filter((c) => new Set([...c.byPlace.values()].flatMap((m) => [...m.keys()])).size >= 2)
    .sort((a, b) => size(b) - size(a) || a.key.localeCompare(b.key));
}

function chartSvg(c: Chart, colors: Map<string, string>): string {
  const all = [...c.byPlace.values()].flatMap((m) => [...m.values()].map((p) => p.y));
  const scale = axisScale(c.unit, all);
  const series: ChartSeries[] = [...c.byPlace.entries()]
    .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))
    .map(([place, years]) => ({
      name: place,
      color: colors.get(place),
      points: [...years.entries()].map(([year, p]) => ({
        x: year,
        y: p.y / scale.div,
        label: `${place} ${year}: ${c.measure === 'change' && p.y > 0 ? '+' : ''}${formatNumber(p.y / scale.div)} ${scale.unit} — ${p.row.metric} (${p.row.file}:${p.row.line})`,
      })),
    }));
  const title = `${c.canonical} ${c.measure === 'change' ? 'change' : 'level'} (${scale.unit || 'no unit'})`;
  return lineChart({ unit: scale.unit, series, xLabel: 'year of the report' }, title);
}

function growthText(r: IndicatorRow): string {
  if (!r.growth_direction) return '';
  const arrow = r.growth_direction === 'up' ? '↑' : r.growth_direction === 'down' ? '↓' : '→';
  return `${arrow}${r.growth_value !== null ? ` ${r.growth_value}${r.growth_unit ?? ''}` : ''}`;
}

/** The page of `indicators --format html`, as pieces. `columns` are the reports read, in order. */
export function* renderIndicatorsHtml(rows: readonly IndicatorRow[], columns: readonly PivotColumn[], options: IndicatorsHtmlOptions): Generator<string> {
  const placeOf = options.placeOf ?? placeFromFileName;
  const list = charts(rows, placeOf);
  // one colour per place on the whole page: the places with the most points first
  const points = new Map<string, number>();
  for (const c of list) for (const [place, years] of c.byPlace) points.set(place, (points.get(place) ?? 0) + years.size);
  const colors = colorsFor([...points.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([p]) => p));
  const title = `baogao indicators — ${columns.length === 1 ? columns[0].file : `${columns.length} reports`}`;
  const bar = `<span class="pill">${rows.length} claims</span><span class="pill">${list.length} charts</span>`;
  const body = function* (): Generator<string> {
    yield '<section class="card"><h2>Charts</h2>';
    yield '<p class="muted">One chart per canonical metric and unit, a line per place: the first figure a report gives as actual, at the report’s own year (a work report’s review reports the year before). Hover a point for its source.</p>\n';
    if (list.length === 0) yield '<p class="muted">No metric is reported in two or more years: give reports of several years (of one place or more) for charts.</p>';
    yield '<div class="charts">\n';
    for (const c of list) {
      yield `<figure><figcaption>${esc(c.canonical)} <span class="muted">${esc(c.name)} · ${c.measure === 'change' ? 'change' : 'level'}</span></figcaption>${chartSvg(c, colors)}</figure>\n`;
    }
    yield '</div></section>\n';
    yield '<section class="card" data-doc="0"><h2>Claims</h2>';
    yield '<p class="noprint"><input class="filter" type="search" data-filter="rows" placeholder="filter rows: metric, file, words…" aria-label="filter rows"></p>\n';
    yield `<div class="wrap"><table class="rows" id="rows" data-rowpx="${ROW_PX}"><thead><tr><th>file</th><th class="n">line</th><th class="n">year</th><th>metric</th><th>canonical</th><th class="n">value</th><th>unit</th><th>growth</th><th>period</th><th>modality</th><th class="s">sentence</th></tr></thead>\n`;
    // the rows in groups of CHUNK, each its own <tbody>: a batch has thousands of rows, and a group off
    // the screen costs no style nor layout until it is scrolled near (#21: 2.3–3.5 s to first frame before)
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (i % CHUNK === 0) yield i === 0 ? '<tbody>' : '</tbody>\n<tbody>';
      const sentence = r.sentence.length > 90 ? r.sentence.slice(0, 89) + '…' : r.sentence;
      yield (
        `<tr><td>${esc(r.file)}</td><td class="n">${r.line}</td><td class="n">${r.year ?? ''}</td><td>${esc(r.metric)}</td><td>${esc(r.canonical_metric ?? '')}</td>` +
        `<td class="n">${r.value ?? ''}${r.upper !== null ? `–${r.upper}` : ''}</td><td>${esc(r.unit ?? '')}</td><td>${esc(growthText(r))}</td>` +
        `<td>${esc(r.period ?? '')}</td><td>${esc(r.modality)}</td><td class="s"${r.sentence.length > 90 ? ` title="${attr(r.sentence)}"` : ''}>${esc(sentence)}</td></tr>\n`
      );
    }
    if (rows.length > 0) yield '</tbody>';
    else yield '<tbody><tr class="none"><td class="muted">No quantified claims.</td></tr></tbody>';
    yield '</table></div></section>\n';
  };
  yield* page({ title, css: CSS, generator: options.generator, bar, kind: 'indicators' }, body());
}
