/**
 * percent-or-points: the change of a rate or share written in % where 个百分点 is meant
 * (城镇化率提高1.2%), and 个百分点 on a quantity that is no rate or share (粮食产量增长1.2个百分点).
 *
 * A metric is a rate or share when its canonical id is a share (城镇化率, 森林覆盖率, 比重), or a
 * rate in percent whose name ends in 率 (失业率, 赤字率); prices and intensities (CPI, 单位GDP能耗)
 * are rates whose change is relative, in %. A metric known only by its text is one when the text ends
 * with a head of dictionaries/figures.json (率, 比重, 占比, 比例…) and not with one of its exceptions
 * (汇率, 生产率, 增速). Its change must be a plain change (提高, 下降) on the year before: a gap to a
 * comparator (高于全国0.7个百分点), a growth of its numerator (增长) or a 分别 list is left alone.
 * The reverse holds for canonical levels and counts in money, mass or people (no 增速, 增幅 in the
 * words around).
 */
import type { Claim, Report } from '../../schema/index.js';
import type { Finding } from '../../render/finding.js';
import { metricInfo } from '../../claims/canonical.js';
import type { Rule, RuleContext } from '../types.js';
import { findingAt } from '../types.js';
import { FIGURE_MESSAGES } from '../messages.js';
import { basisClass, written } from './quantity.js';
import { figureWords } from './words.js';
import { changeOfRate } from './keys.js';

const CHANGE_VERBS = /(?:提高|提升|上升|下降|降低|回落|减少|增加|扩大|缩小)(?:了)?$/;
/** a change verb right before the figure: 增长1.2个百分点 (not 比全国高1.2个百分点) */
const GROWTH_VERB = /(?:增长|增加|提高|提升|上升|下降|降低|减少)(?:了)?$/;
const RATE_WORDS = /增速|增幅|涨幅|降幅|增长率|比重|占比|率/;

function isRateOrShare(c: Claim): boolean | null {
  const id = c.metric.canonical;
  const t = (c.metric.text ?? '').replace(/\s+/g, '');
  if (id) {
    const info = metricInfo(id);
    if (!info || info.unit !== 'percent') return info && ['money', 'mass', 'people', 'area', 'volume', 'energy', 'length'].includes(info.unit) && info.kind !== 'share' ? false : null;
    if (info.kind === 'share') return true;
    if (info.kind === 'rate') return t.endsWith('率') ? true : null;
    return null;
  }
  const w = figureWords();
  if (w.notShareHeads.some((h) => t.endsWith(h))) return null;
  return w.shareHeads.some((h) => t.endsWith(h)) ? true : null;
}

export const percentOrPoints: Rule = {
  meta: {
    id: 'percent-or-points',
    defaultSeverity: 'warning',
    description: 'The change of a rate or share is written in % where 个百分点 is meant, or 个百分点 is used on a quantity that is no rate.',
    anchor: 'rule-percent-or-points',
    needs: { claims: true },
  },
  check(report: Report, ctx: RuleContext): Finding[] {
    const text = ctx.source.text;
    const out: Finding[] = [];
    for (const c of report.claims) {
      const q = c.growth?.quantity;
      if (!q || q.masked || q.number === null || !c.growth || c.growth.direction === 'flat') continue;
      if (c.text.includes('分别') || basisClass(c) !== 'prev') continue;
      const unit = q.unit ?? '';
      // the words right before the figure must be a plain change verb (提高1.2%), not 增长 of the numerator
      const before = text.slice(Math.max(0, q.span.start - 4), q.span.start);
      const kind = isRateOrShare(c);
      const metric = c.metric.text ?? c.metric.canonical ?? '';
      const number = text.slice(q.span.start, q.span.end).replace(/%|％|个百分点|百分点/g, '');
      if (kind === true && (unit === '%' || unit === '％') && CHANGE_VERBS.test(before)) {
        const w = written(text, q);
        out.push(
          findingAt(percentOrPoints, ctx, q.span, FIGURE_MESSAGES['percent-or-points']({ metric, written: w, expected: `${number}个百分点`, kind: 'percent-for-points' }), {
            expected: [`${number}个百分点`],
          }),
        );
      } else if (kind === false && /个?百分点/.test(unit) && !changeOfRate(c, text)) {
        // 增速提高0.5个百分点 after the metric: the rate of its growth, rightly in points
        const around = text.slice(c.metric.span?.end ?? c.span.start, q.span.start);
        if (RATE_WORDS.test(around) || figureWords().comparators.some((w) => around.includes(w))) continue;
        // 比全国高1.5个百分点, 比“十二五”高: a gap between two growth rates, rightly in points
        if (!GROWTH_VERB.test(text.slice(Math.max(0, q.span.start - 3), q.span.start))) continue;
        const w = written(text, q);
        out.push(
          findingAt(percentOrPoints, ctx, q.span, FIGURE_MESSAGES['percent-or-points']({ metric, written: w, expected: `${number}%`, kind: 'points-for-percent' }), {
            expected: [`${number}%`],
          }),
        );
      }
    }
    return out;
  },
};
