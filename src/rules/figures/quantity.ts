/**
 * Figures as intervals, so that two ways of writing one number agree and two numbers do not.
 *
 * A number stands for every value that rounds to it, half up, at its last written digit (四舍五入):
 * 5.2% is [5.15, 5.25), 1244万人 is [1243.5万, 1244.5万). Its bound widens that: 超过/以上 (gte)
 * everything from the number up, 以下/不到 (lte) everything up to it, 左右/近/约/多 (approx) 10%
 * either side; a range 6%—7% is both ends. Two figures agree when their intervals meet. Units fold
 * as in src/compare (万亿 and 亿, 斤 and 吨); figures of different unit classes are never compared.
 */
import type { Claim, Quantity } from '../../schema/index.js';
import { normalizeQuantity } from '../../compare/index.js';

export interface Interval {
  lo: number;
  hi: number;
  /** the bound of the figure, and its interval without it */
  bound: Quantity['bound'];
  bare?: Interval;
  unitClass: string;
  /** the number as folded (the interval's centre for an exact figure) */
  number: number;
  /** the value of the last written digit, folded (0.1 for 5.2%, 1万 for 1244万人) */
  step: number;
  /** no bound and no range: the number as written */
  exact: boolean;
}

const DIGITS = /[0-9０-９]+(?:[.．·][0-9０-９]+)?/;

/** Digits after the decimal point of the number as written (0 for 一千二百, 1206). */
export function decimals(raw: string): number {
  const m = DIGITS.exec(raw);
  if (!m) return 0;
  const dot = m[0].search(/[.．·]/);
  return dot < 0 ? 0 : m[0].length - dot - 1;
}

/**
 * The interval a quantity stands for, signed by `sign` (−1 for a decrease); null when masked.
 * `bare`: the number alone, its bound set aside — two figures with the same bound (5%左右 and
 * 6%左右, 1200万人以上 and 1100万人以上) are the same target only with the same number.
 */
export function interval(q: Quantity | null | undefined, sign = 1, bare = false): Interval | null {
  if (!q || q.masked || q.number === null || q.tooLarge) return null;
  const n = normalizeQuantity(q);
  if (!n || !Number.isFinite(n.number)) return null;
  const factor = q.number !== 0 ? n.number / q.number : 1;
  const half = (0.5 * Math.abs(factor)) / 10 ** decimals(q.raw);
  let lo = n.number - half;
  let hi = n.number + half;
  if (q.upper !== null && Number.isFinite(q.upper)) hi = Math.max(hi, q.upper * factor + half);
  if (bare) {
    // the number only
  } else if (q.bound === 'gte') hi = Infinity;
  else if (q.bound === 'lte') lo = -Infinity;
  else if (q.bound === 'approx') {
    lo = Math.min(lo, n.number * 0.9 - half);
    hi = Math.max(hi, n.number * 1.1 + half);
  }
  if (sign < 0) [lo, hi] = [-hi, -lo];
  const exact = !q.bound && (q.upper === null || !Number.isFinite(q.upper));
  const out: Interval = { lo, hi, bound: q.bound, unitClass: n.unitClass, number: sign * n.number, step: 2 * half, exact };
  if (!bare && q.bound) out.bare = interval(q, sign, true) ?? undefined;
  return out;
}

/** Intervals of the same unit class that meet (touching ends do not: 5.2 and 5.3 differ). */
export function meet(a: Interval, b: Interval): boolean {
  if (a.unitClass !== b.unitClass) return true;
  if (a.bound && a.bound === b.bound && a.bare && b.bare) return meet(a.bare, b.bare);
  // one number, however written (三分之二 twice, 2万5千公里 and 25000公里)
  if (a.exact && b.exact && Math.abs(a.number - b.number) <= 1e-9 * Math.max(1, Math.abs(a.number))) return true;
  if ((a.exact || a.bare) && (b.exact || b.bare) && a.exact === b.exact) {
    // two numbers as written: the finer, rounded half up (on its magnitude) at the coarser's last
    // digit, is the coarser — 5.24 → 5.2 agrees with 5.2, 5.25 → 5.3 does not
    const [fine, coarse] = a.step <= b.step ? [a, b] : [b, a];
    const step = coarse.step;
    const rounded = Math.sign(fine.number) * Math.floor(Math.abs(fine.number) / step + 0.5 + 1e-9) * step;
    return Math.abs(rounded - coarse.number) <= 1e-9 * Math.max(1, Math.abs(coarse.number));
  }
  const scale = Math.max(1e-12, Math.abs(a.number), Math.abs(b.number));
  return Math.max(a.lo, b.lo) < Math.min(a.hi, b.hi) - 1e-9 * scale;
}

/** Bases that mean "against the year (or the same months) before". */
const PREVIOUS = new Set(['同比', '比上年', '较上年', '比去年', '较去年', '比上年同期', '较上年同期', '比去年同期', '较去年同期']);

/** The basis of a growth as a class: 'prev' (同比, 比上年…, or none), 'avg' (年均), or its own text. */
export function basisClass(c: Claim): string {
  const g = c.growth;
  if (!g) return '';
  if (g.average || (g.basis && /年均|年平均/.test(g.basis))) return 'avg';
  // 扣除价格因素，实际增长6.1%: a growth at constant prices is another figure than the nominal 6.3%
  if (g.quantity && REAL_GROWTH.test(c.text.slice(Math.max(0, g.quantity.span.start - c.span.start - 12), g.quantity.span.start - c.span.start))) return 'real';
  if (!g.basis || PREVIOUS.has(g.basis)) return 'prev';
  return g.basis;
}

/** Words right before a growth that make it one at constant prices. */
const REAL_GROWTH = /实际(?:增长|下降|增加|减少|提高|上升)[了为]?$|扣除价格因素[，,]?(?:实际)?(?:增长|下降)?$/;

/** The sign of a growth: +1 up, −1 down, 0 flat. */
export function growthSign(c: Claim): number {
  return !c.growth ? 0 : c.growth.direction === 'down' ? -1 : c.growth.direction === 'up' ? 1 : 0;
}

/** The quantity as written, for messages: “5.2%”, “超过126万亿元”. */
export function written(text: string, q: Quantity): string {
  return text.slice(q.span.start, q.span.end);
}
