/**
 * `baogao targets --format html`: for each canonical metric (and measure: a level or a change) a
 * chart across years — the target of each year as a band (a bar from its lower to its upper end, a
 * tick for a single figure), the outcome as a point, green when met, red when missed, white
 * otherwise; one line per place — then a table per place with the status of each row.
 */
import type { TargetRow, TargetsResult } from '../../targets/schema.js';
import { outcomeText, targetText } from '../targets.js';
import { attr, esc } from './escape.js';
import { colorsFor, lineChart, type ChartBand, type ChartSeries } from './chart.js';
import { page } from './page.js';

export interface TargetsHtmlOptions {
  generator: string;
}

const CSS = `
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,30rem),1fr));gap:1rem}
.charts figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;break-inside:avoid}
.charts figcaption{font-weight:600;margin-bottom:.2rem}.charts figcaption .muted{font-weight:400;font-size:12px}
svg.chart{width:100%;height:auto;display:block;font-family:var(--ui)}
.status{font-size:12px;border-radius:8px;padding:0 .45em;background:#eef1f5;white-space:nowrap}
.status.met{background:#e3f5e1;color:#1b5e20}.status.missed{background:#ffebee;color:#b71c1c}
.key{display:inline-flex;gap:.3rem;align-items:center;margin-right:1rem}
.dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;border:2px solid #1f5fbf}.dot.met{background:#2e7d32}.dot.missed{background:#c62828}
.bar{display:inline-block;width:.7em;height:1em;background:#9aa3ae73;border:1px solid #37474f}.dash{display:inline-block;width:1em;height:3px;background:#37474f}
.wrap{overflow-x:auto}
table.trows{font-size:13px}
@media print{.charts{display:block}.charts figure{margin-bottom:1rem;border:0}}
`;

const unitOf = (r: TargetRow) => r.target?.unit ?? r.outcome?.unit ?? '';

/** The page of `targets --format html`, as one string (a targets table is small). */
export function renderTargetsHtml(result: TargetsResult, options: TargetsHtmlOptions): string {
  const annual = result.rows.filter((r) => !r.target?.horizon);
  // a chart per canonical metric, measure and unit
  const groups = new Map<string, TargetRow[]>();
  for (const r of annual) {
    if (!r.target && !r.outcome) continue;
    const k = `${r.metric.canonical}|${r.metric.measure}|${unitOf(r)}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
  // charts of metrics that have targets (outcomes alone are the indicators page's), most judged first
  const judged = (rows: TargetRow[]) => rows.filter((r) => r.status === 'met' || r.status === 'missed').length;
  const ordered = [...groups.entries()]
    .filter(([, rows]) => rows.some((r) => r.target))
    .sort((a, b) => judged(b[1]) - judged(a[1]) || b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const figures: string[] = [];
  // one colour per place on the whole page, in the order the table names them
  const colors = colorsFor(ordered.flatMap(([, rows]) => rows.map((r) => r.place)));
  for (const [k, rows] of ordered) {
    const [canonical, measure, unit] = k.split('|');
    const places = [...new Set(rows.map((r) => r.place))];
    const series: ChartSeries[] = places.map((place) => ({
      name: place,
      color: colors.get(place),
      points: rows
        .filter((r) => r.place === place && r.outcome)
        .map((r) => ({
          x: r.year,
          y: r.outcome!.number,
          status: r.status,
          label: `${place} ${r.year}: ${outcomeText(r.outcome!, r.metric.measure)} against ${r.target ? targetText(r.target, r.metric.measure) : 'no target'} — ${r.status} (${r.rule})`,
        })),
    }));
    const bands: ChartBand[] = rows
      .filter((r) => r.target)
      .map((r) => ({
        x: r.year,
        low: Math.min(r.target!.number, r.target!.upper ?? r.target!.number),
        high: Math.max(r.target!.number, r.target!.upper ?? r.target!.number),
        label: `${r.place} ${r.year} target: ${targetText(r.target!, r.metric.measure)} (${r.target!.file}:${r.target!.line})`,
      }));
    const name = rows.find((r) => r.metric.text)?.metric.text ?? canonical;
    const title = `${canonical} ${measure} (${unit || 'no unit'})`;
    const met = rows.filter((r) => r.status === 'met').length;
    const missed = rows.filter((r) => r.status === 'missed').length;
    figures.push(
      `<figure><figcaption>${esc(canonical)} <span class="muted">${esc(name)} · ${esc(measure)} · ${met} met, ${missed} missed</span></figcaption>` +
        `${lineChart({ unit, series, bands, xLabel: 'year' }, title)}</figure>`,
    );
  }
  const places = [...new Set(result.rows.map((r) => r.place))];
  const parts: string[] = [];
  parts.push('<section class="card"><h2>Targets and outcomes</h2>');
  parts.push('<p><span class="key"><span class="bar"></span>target range</span><span class="key"><span class="dash"></span>target</span><span class="key"><span class="dot met"></span>met</span><span class="key"><span class="dot missed"></span>missed</span><span class="key"><span class="dot"></span>no target, or not comparable</span></p>');
  for (const w of result.warnings) parts.push(`<p class="muted">warning: ${esc(w)}</p>`);
  if (figures.length === 0) parts.push('<p class="muted">No metric has a target and an outcome, nor figures of two years.</p>');
  parts.push(`<div class="charts">${figures.join('\n')}</div></section>`);
  for (const place of places) {
    const rows = result.rows.filter((r) => r.place === place);
    const met = rows.filter((r) => r.status === 'met').length;
    const missed = rows.filter((r) => r.status === 'missed').length;
    parts.push(`<section class="card"><h2>${esc(place)}</h2><p class="muted">${rows.length} rows, ${met} met, ${missed} missed</p><div class="wrap"><table class="trows">`);
    parts.push('<thead><tr><th class="n">year</th><th>metric</th><th>target</th><th>outcome</th><th>status</th><th>rule</th><th>read at</th></tr></thead><tbody>');
    for (const r of rows) {
      const at = [r.target && `${r.target.file}:${r.target.line}`, r.outcome && `${r.outcome.file}:${r.outcome.line}`].filter(Boolean).join(' → ');
      parts.push(
        `<tr><td class="n">${r.year}</td><td>${esc(r.metric.text ?? r.metric.canonical)}${r.metric.measure === 'growth' ? ' 增速' : ''}<div class="muted">${esc(r.metric.canonical)}</div></td>` +
          `<td${r.target ? ` title="${attr(r.target.text)}"` : ''}>${r.target ? esc(targetText(r.target, r.metric.measure)) : '—'}</td>` +
          `<td${r.outcome ? ` title="${attr(r.outcome.text)}"` : ''}>${r.outcome ? esc(outcomeText(r.outcome, r.metric.measure)) : '—'}</td>` +
          `<td><span class="status ${attr(r.status)}">${esc(r.status)}</span></td><td class="muted">${esc(r.rule)}</td><td class="muted">${esc(at)}</td></tr>`,
      );
    }
    parts.push('</tbody></table></div></section>');
  }
  if (!places.length) parts.push('<p class="card muted">No targets or outcomes found.</p>');
  const bar = `<span class="pill">${result.rows.length} rows</span><span class="pill">${places.length} places</span>`;
  return [...page({ title: 'baogao targets', css: CSS, generator: options.generator, bar, kind: 'targets' }, parts)].join('');
}
