/**
 * figures-do-not-add-up: figures of one sentence that contradict each other by arithmetic.
 *
 * - part-exceeds-total: a figure after 其中 (一般公共预算收入500亿元，其中税收收入600亿元) larger
 *   than the total before it in the same clause, in the same unit class. Only one part against its
 *   total: the parts listed after 其中 often overlap (其中高新技术企业…、专精特新企业…), so their sum
 *   says nothing.
 * - shares-over-100: shares listed with 分别 (三次产业占比分别为…, 分别占…的) of one whole whose
 *   smallest values, as rounded, add up to more than 100%. Shares of different wholes (A、B分别占全国
 *   的x%、y%) are shares of one whole only when the clause names one whole after 占 and the items are
 *   parts of it: the rule asks for the words of a split (构成, 结构, 三次产业, 比例) or a 比 ratio.
 * - from-to-growth: 从A提高到B (由A增加到B) with a stated change that A and B contradict, every figure
 *   taken as the interval it rounds from: a change in % against (B−A)/A, in 个百分点 or in the
 *   figures' own unit (亿斤, 万人) against B−A; a
 *   rate's change in % that is neither is reported too (percent-or-points finds the points one).
 *   An average (年均) change is over several years and is left alone.
 */
import type { Claim, Quantity, Report } from '../../schema/index.js';
import type { Finding } from '../../render/finding.js';
import type { Rule, RuleContext } from '../types.js';
import { findingAt, lineCol, placeIn } from '../types.js';
import { FIGURE_MESSAGES, FIGURE_RELATED } from '../messages.js';
import { basisClass, growthSign, interval, written, type Interval } from './quantity.js';
import { firstAtOrAfter } from '../../sections/lines.js';

const PERCENT = new Set(['%', '个百分点']);
/** the end of a clause: a part after 其中 belongs to the total of its own clause */
const CLAUSE_END = /[。；;！？!?\n]/;
/** words of a split of one whole into parts that do not overlap (三次产业 structure) */
const SPLIT_WORDS = /构成|结构|三次产业|一二三产|一、二、三产/;
/** a list item's end: shares are read in one comma clause */
const ITEM_END = /[，,。；;！？!?\n]/;
/** words of a standard per head or a floor, not of a sum: 不低于每生每年3000元，其中…5000元 */
const PER_UNIT = /不低于|不少于|不超过|不高于|每|人均|生均|户均|平均|标准/;

/** three parts of a whole written as a ratio: 7.1∶49.2∶43.7 (∶ or :), not inside a longer run of digits */
const RATIO = /(?<![\d.∶:])(\d{1,2}(?:\.\d{1,2})?)\s?[∶:]\s?(\d{1,2}(?:\.\d{1,2})?)\s?[∶:]\s?(\d{1,2}(?:\.\d{1,2})?)(?![\d.∶:])/g;
/** the names of a split into parts that make a whole, before its ratio in the sentence */
const SPLIT_NAME = /三次产业(?:结构|比例|比重|构成|之比|比)?|产业结构(?:比例|比)?|一二三产(?:业)?(?:结构|比例|比)?/;

/** words of a stock at a date (余额, 保有量), against a flow over the year (新增…) */
const STOCK = /余额|存量|保有量|存款|总量/;

const rel = (x: number) => Number.isFinite(x);

function fmt(n: number, unit: string): string {
  const r = Math.round(n * 100) / 100;
  return `${r}${unit}`;
}

/** The range of B relative to A ((B−A)/A·100) over the values they round from; null when A may be 0. */
function relativeRange(a: Interval, b: Interval): [number, number] | null {
  if (!(a.lo > 0) || !rel(a.hi) || !rel(b.lo) || !rel(b.hi)) return null;
  return [((b.lo - a.hi) / a.hi) * 100, ((b.hi - a.lo) / a.lo) * 100];
}

function pointsRange(a: Interval, b: Interval): [number, number] | null {
  if (![a.lo, a.hi, b.lo, b.hi].every(rel)) return null;
  return [b.lo - a.hi, b.hi - a.lo];
}

const within = (g: Interval, r: [number, number]) => g.lo < r[1] + 1e-9 && g.hi > r[0] - 1e-9;

function fromTo(c: Claim, text: string): { implied: string } | null {
  const g = c.growth;
  if (!c.baseline || !c.value || !g?.quantity || basisClass(c) === 'avg') return null;
  // a figure of its own after the change (…增长20%，达到…) or a basis other than A: not A→B
  if (g.basis && !/^(同比|比上年|较上年)$/.test(g.basis)) return null;
  const sign = growthSign(c);
  if (sign === 0) return null;
  const a = interval(c.baseline);
  const b = interval(c.value);
  const q = interval(g.quantity, sign);
  if (!a || !b || !q || a.unitClass !== b.unitClass || !a.exact || !b.exact || !q.exact) return null;
  // the change is written after both figures, in the clause that holds them
  const between = text.slice(c.value.span.end, g.quantity.span.start);
  if (g.quantity.span.start < c.value.span.end || CLAUSE_END.test(between) || between.length > 12) return null;
  const unit = g.quantity.unit ?? '';
  const levelIsRate = a.unitClass === '%';
  if (unit === '个百分点') {
    if (!levelIsRate) return null;
    const r = pointsRange(a, b);
    return r && !within(q, r) ? { implied: fmt((b.number - a.number), '个百分点') } : null;
  }
  // 从1100亿斤增加到1142亿斤，增加52亿斤: a change in the figures' own unit is B−A
  if (q.unitClass === a.unitClass && !PERCENT.has(a.unitClass)) {
    const r = pointsRange(a, b);
    if (!r || within(q, r)) return null;
    const factor = g.quantity.number ? Math.abs(q.number / g.quantity.number) : 1;
    return { implied: fmt((b.number - a.number) / factor, unit) };
  }
  if (q.unitClass !== '%') return null;
  const r = relativeRange(a, b);
  if (!r) return null;
  if (within(q, r)) return null;
  if (levelIsRate) {
    const p = pointsRange(a, b);
    if (p && within(q, p)) return null; // % for points: percent-or-points' finding, not this one
  }
  return { implied: fmt(((b.number - a.number) / a.number) * 100, '%') };
}

export const figuresDoNotAddUp: Rule = {
  meta: {
    id: 'figures-do-not-add-up',
    defaultSeverity: 'warning',
    description: 'Figures of one sentence contradict each other: a part above its total, shares of one whole above 100%, or a change that its from and to figures do not give.',
    anchor: 'rule-figures-do-not-add-up',
    needs: { claims: true },
  },
  check(report: Report, ctx: RuleContext): Finding[] {
    const text = ctx.source.text;
    const out: Finding[] = [];
    const msg = FIGURE_MESSAGES['figures-do-not-add-up'];
    const metricOf = (c: Claim) => c.metric.text ?? c.metric.canonical ?? '';
    // from-to-growth
    for (const c of report.claims) {
      const r = fromTo(c, text);
      if (!r) continue;
      const g = c.growth!.quantity!;
      out.push(
        findingAt(figuresDoNotAddUp, ctx, g.span, msg({ kind: 'from-to-growth', metric: metricOf(c), figures: [written(text, c.baseline!), written(text, c.value!), written(text, g)], implied: r.implied }), {
          expected: [r.implied],
          related: [{ file: ctx.source.file, place: placeIn(ctx.source, c.baseline!.span), message: FIGURE_RELATED.from }],
        }),
      );
    }
    // split-not-100: 三次产业结构为7.1∶49.2∶53.7 — the parts of a split in percent add up to 100
    for (const m of text.matchAll(RATIO)) {
      const at = m.index!;
      let k = at;
      const stop = Math.max(0, at - 40);
      while (k > stop && !'。；;\n'.includes(text.charAt(k - 1))) k--;
      const head = text.slice(k, at);
      const name = SPLIT_NAME.exec(head);
      if (!name) continue;
      const parts = [m[1], m[2], m[3]];
      const sum = parts.reduce((x, p) => x + Number(p), 0);
      const slack = parts.reduce((x, p) => x + 0.5 * 10 ** -(p.split('.')[1]?.length ?? 0), 0);
      // a split in percent (its parts near 100 in all), whose rounding cannot make 100
      if (sum < 80 || sum > 130 || Math.abs(sum - 100) <= slack + 1e-9) continue;
      const span = { start: at, end: at + m[0].length };
      out.push(findingAt(figuresDoNotAddUp, ctx, span, msg({ kind: 'split-not-100', metric: name[0], figures: parts, implied: fmt(sum, '') })));
    }
    // claims by statement, in order
    const byStatement = new Map<string, Claim[]>();
    for (const c of report.claims) {
      const l = byStatement.get(c.statementId);
      if (l) l.push(c);
      else byStatement.set(c.statementId, [c]);
    }
    for (const claims of byStatement.values()) {
      // part-exceeds-total
      for (let i = 0; i + 1 < claims.length; i++) {
        const t = claims[i];
        const tv = t.value;
        const ti = interval(tv);
        if (!tv || !ti || PERCENT.has(ti.unitClass) || t.text.includes('分别')) continue;
        const p = claims[i + 1];
        const pv = p.value;
        if (!pv || pv.span.start <= tv.span.end) continue;
        const between = text.slice(tv.span.end, pv.span.start);
        const k = between.indexOf('其中');
        // a total in brackets (（包括…694万辆），其中…) is not the one the part is of
        if (k < 0 || CLAUSE_END.test(between) || /[)）]/.test(between) || between.length > 40) continue;
        if (PER_UNIT.test(text.slice(Math.max(0, tv.span.start - 10), tv.span.start)) || PER_UNIT.test(between.slice(k))) continue;
        // the part must be the first figure after 其中 (其中…增长5%: a growth, not a part)
        if (/[0-9０-９]/.test(between.slice(k))) continue;
        const pi = interval(pv);
        if (!pi || pi.unitClass !== ti.unitClass || p.growth?.quantity?.span.start === pv.span.start) continue;
        // 贷款新增6000亿元，其中制造业贷款余额1.2万亿元: a stock is no part of a flow, nor a flow of a stock
        if (STOCK.test(metricOf(p)) !== STOCK.test(metricOf(t) + text.slice(tv.span.end, tv.span.end + 2))) continue;
        if (pi.lo > ti.hi) {
          out.push(
            findingAt(figuresDoNotAddUp, ctx, pv.span, msg({ kind: 'part-exceeds-total', metric: metricOf(p), figures: [written(text, pv)], implied: written(text, tv), at: lineCol(placeIn(ctx.source, tv.span)) }), {
              related: [{ file: ctx.source.file, place: placeIn(ctx.source, tv.span), message: FIGURE_RELATED.total }],
            }),
          );
        }
      }
      // shares-over-100
      const seen = new Set<number>();
      // the claims' values in order, to take a list's shares without a walk over the statement
      const valued = claims.filter((d) => d.value).sort((x, y) => x.value!.span.start - y.value!.span.start);
      for (const c of claims) {
        // 分别 inside the claim only (an indexOf from its start would scan the rest of the text)
        const k = c.text.indexOf('分别');
        const at = k < 0 ? -1 : c.span.start + k;
        if (at < 0 || seen.has(at)) continue;
        seen.add(at);
        const near = text.slice(Math.max(0, at - 4), at + 6);
        if (!/占|比重|占比/.test(near)) continue;
        // the clause of the list
        // the comma clause of the list; its subject (before 分别) must name a split of one whole
        let start = at;
        while (start > 0 && !ITEM_END.test(text[start - 1]) && at - start < 200) start--;
        let end = at;
        while (end < text.length && !ITEM_END.test(text[end]) && end - at < 200) end++;
        if (!SPLIT_WORDS.test(text.slice(start, at))) continue;
        const shares: Quantity[] = [];
        for (let j = firstAtOrAfter(valued.length, (k) => valued[k].value!.span.start, at); j < valued.length && valued[j].value!.span.start < end; j++) {
          const v = valued[j].value!;
          if (v.span.end > end || v.unit !== '%' || v.bound) continue;
          shares.push(v);
        }
        if (shares.length < 2) continue;
        const ivs = shares.map((s) => interval(s)!).filter(Boolean);
        const least = ivs.reduce((s, x) => s + x.lo, 0);
        if (least > 100 + 1e-9) {
          const sum = ivs.reduce((s, x) => s + x.number, 0);
          out.push(
            findingAt(figuresDoNotAddUp, ctx, { start: shares[0].span.start, end: shares[shares.length - 1].span.end }, msg({ kind: 'shares-over-100', metric: metricOf(c), figures: shares.map((s) => written(text, s)), implied: fmt(sum, '%') })),
          );
        }
      }
    }
    return out;
  },
};
