/**
 * Line charts as inline SVG, written here: a page must be one file that makes no request, and a
 * chart of a few lines over a few years needs no library — a scale, nice ticks, a path per series,
 * a point per value with its <title> (the browser shows it on hover), the unit on the axis.
 */
import { esc } from './escape.js';

export interface ChartPoint {
  x: number;
  y: number;
  /** shown on hover: the place, year, value and where it was read */
  label: string;
  /** a status that colours the point instead of its line (targets: met, missed…) */
  status?: string;
}

/** Fill of a point by its status: met green, missed red, anything else white. */
export const STATUS_FILL: Record<string, string> = { met: '#2e7d32', missed: '#c62828' };

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
  /** the line's colour; pages give one place the same colour in every chart (else by position) */
  color?: string;
}

/** A band of a target (low to high) at one x, drawn behind the lines (targets pages). */
export interface ChartBand {
  x: number;
  low: number;
  high: number;
  label: string;
  /** met / missed / other, for the colour of its outcome point */
  status?: string;
}

export interface LineChart {
  /** the y axis' unit, as it should read: %, 亿元, 万人 */
  unit: string;
  series: ChartSeries[];
  bands?: ChartBand[];
  /** whole numbers on the x axis, written as they are (years) */
  xLabel?: string;
}

export const COLORS = ['#1f5fbf', '#d35400', '#2e7d32', '#8e24aa', '#c62828', '#00838f', '#6d4c41', '#ad1457', '#558b2f', '#3949ab', '#f9a825', '#546e7a'];

/** A colour for each name, the same in every chart of a page: the first names get the first colours. */
export function colorsFor(names: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of names) if (!out.has(n)) out.set(n, COLORS[out.size % COLORS.length]);
  return out;
}

/** Ticks at 1, 2 or 5 × 10^k covering [lo, hi], about `n` of them. */
export function niceTicks(lo: number, hi: number, n = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0];
  // a range too small to tell from its magnitude (or from zero) is read as one value
  if (hi - lo <= Math.max(Math.abs(lo), Math.abs(hi)) * 1e-9 || hi - lo < 1e-12) {
    const d = Math.abs(lo) < 1e-12 ? 1 : Math.abs(lo) * 0.1;
    lo -= d;
    hi += d;
  }
  const raw = (hi - lo) / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  const first = Math.floor(lo / step) * step;
  for (let v = first; v <= hi + step * 1e-9 && out.length < 50; v += step) out.push(Number(v.toPrecision(12)));
  if (out[out.length - 1] < hi) out.push(Number((out[out.length - 1] + step).toPrecision(12)));
  if (out[0] > lo) out.unshift(Number((out[0] - step).toPrecision(12)));
  return out;
}

/** 12.5, 1,234, 0.07 — at most 4 significant digits past the integer part */
export function formatNumber(v: number): string {
  const a = Math.abs(v);
  const s = a >= 1000 ? Math.round(v).toLocaleString('en-US') : a >= 1 ? String(Number(v.toFixed(2))) : String(Number(v.toPrecision(3)));
  return s === '-0' ? '0' : s;
}

const W = 640;
const H = 300;
const M = { left: 64, right: 150, top: 26, bottom: 34 };

/** The chart as an <svg> element (a string of escaped SVG). */
export function lineChart(chart: LineChart, title: string): string {
  const pts = chart.series.flatMap((s) => s.points);
  const bands = chart.bands ?? [];
  const xs = [...pts.map((p) => p.x), ...bands.map((b) => b.x)];
  const ys = [...pts.map((p) => p.y), ...bands.flatMap((b) => [b.low, b.high])];
  if (xs.length === 0) return '';
  let x0 = Math.min(...xs);
  let x1 = Math.max(...xs);
  if (x0 === x1) {
    x0 -= 1;
    x1 += 1;
  }
  let y0 = Math.min(...ys);
  let y1 = Math.max(...ys);
  // a change (%) is read against zero; a level from its own range
  if (chart.unit === '%' || chart.unit === '个百分点') {
    y0 = Math.min(0, y0);
    y1 = Math.max(0, y1);
  }
  const ticks = niceTicks(y0, y1);
  y0 = Math.min(y0, ticks[0]);
  y1 = Math.max(y1, ticks[ticks.length - 1]);
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (x: number) => M.left + ((x - x0) / (x1 - x0)) * pw;
  const sy = (y: number) => M.top + ph - ((y - y0) / (y1 - y0 || 1)) * ph;
  const f = (n: number) => n.toFixed(1);
  const out: string[] = [];
  out.push(`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg">`);
  out.push(`<title>${esc(title)}</title>`);
  // grid and y axis, with the unit
  for (const t of ticks) {
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${f(sy(t))}" y2="${f(sy(t))}" stroke="${t === 0 ? '#9aa3ae' : '#e6e9ee'}"/>`);
    out.push(`<text x="${M.left - 6}" y="${f(sy(t) + 4)}" text-anchor="end" font-size="11" fill="#5b6472">${esc(formatNumber(t))}</text>`);
  }
  out.push(`<text x="${M.left - 6}" y="${M.top - 12}" text-anchor="end" font-size="11" font-weight="600" fill="#1d2430">${esc(chart.unit)}</text>`);
  // x axis: whole years
  const step = Math.max(1, Math.ceil((x1 - x0) / 10));
  for (let x = Math.ceil(x0); x <= x1; x += step) {
    out.push(`<text x="${f(sx(x))}" y="${H - M.bottom + 16}" text-anchor="middle" font-size="11" fill="#5b6472">${x}</text>`);
    out.push(`<line x1="${f(sx(x))}" x2="${f(sx(x))}" y1="${H - M.bottom}" y2="${H - M.bottom + 4}" stroke="#9aa3ae"/>`);
  }
  out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#9aa3ae"/>`);
  if (chart.xLabel) out.push(`<text x="${W - M.right}" y="${H - 4}" text-anchor="end" font-size="10" fill="#5b6472">${esc(chart.xLabel)}</text>`);
  // target bands: a bar from low to high (a tick for a single figure)
  const bw = Math.max(6, Math.min(24, pw / (x1 - x0 + 1) / 3));
  for (const b of bands) {
    const top = sy(Math.max(b.low, b.high));
    const h = Math.max(2, Math.abs(sy(b.low) - sy(b.high)));
    const tick = b.high === b.low || h <= 3;
    // a range as a bar, a single figure as a dark dash
    out.push(
      tick
        ? `<rect class="band" x="${f(sx(b.x) - bw / 2)}" y="${f(top - 1.5)}" width="${f(bw)}" height="3" fill="#37474f"><title>${esc(b.label)}</title></rect>`
        : `<rect class="band" x="${f(sx(b.x) - bw / 2)}" y="${f(top)}" width="${f(bw)}" height="${f(h)}" fill="#9aa3ae" fill-opacity="0.45" stroke="#37474f" stroke-width="1"><title>${esc(b.label)}</title></rect>`,
    );
  }
  chart.series.forEach((s, k) => {
    const color = s.color ?? COLORS[k % COLORS.length];
    const p = [...s.points].sort((a, b) => a.x - b.x);
    if (p.length > 1) out.push(`<path d="${p.map((q, i) => `${i ? 'L' : 'M'}${f(sx(q.x))} ${f(sy(q.y))}`).join('')}" fill="none" stroke="${color}" stroke-width="2"/>`);
    for (const q of p) {
      const fill = q.status === undefined ? color : STATUS_FILL[q.status] ?? '#fff';
      const ring = q.status === undefined ? '' : ` r="5" stroke="${color}" stroke-width="2" class="st-${esc(q.status)}"`;
      out.push(`<circle cx="${f(sx(q.x))}" cy="${f(sy(q.y))}"${ring || ' r="3.5"'} fill="${fill}"><title>${esc(q.label)}</title></circle>`);
    }
  });
  // the legend: one line per series, at the right
  const shown = chart.series.slice(0, 14);
  shown.forEach((s, k) => {
    const y = M.top + 8 + k * 17;
    out.push(`<rect x="${W - M.right + 12}" y="${y - 8}" width="12" height="3" fill="${s.color ?? COLORS[k % COLORS.length]}"/>`);
    out.push(`<text x="${W - M.right + 28}" y="${y - 3}" font-size="11" fill="#1d2430">${esc(s.name.length > 16 ? s.name.slice(0, 15) + '…' : s.name)}</text>`);
  });
  if (chart.series.length > shown.length) out.push(`<text x="${W - M.right + 12}" y="${M.top + 8 + shown.length * 17}" font-size="11" fill="#5b6472">+${chart.series.length - shown.length} more</text>`);
  out.push('</svg>');
  return out.join('');
}
