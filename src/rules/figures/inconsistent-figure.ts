/**
 * inconsistent-figure: one metric for one period, scope and modality stated with two values in one
 * draft (地区生产总值增长5.2% in the summary, 增长5.3% in the review).
 *
 * Two mentions are the same figure when their keys agree (keys.ts); they disagree when the numbers
 * they stand for do not meet (quantity.ts: rounding, bounds, ranges and units allowed for). Mentions
 * in one statement are not compared (a 分别 list gives one metric several values there; a list's
 * items are compared with other statements only when their metric is canonical), nor are
 * figures of another unit class, nor two mentions in one paragraph (a paragraph that states a metric
 * twice with two values speaks of two things: 734个制造业重大项目…投资完成率119.7%, 1299个重大项目…
 * 投资完成率129.6%). The finding is on the later mention, related to the earlier one.
 */
import type { Claim, Report } from '../../schema/index.js';
import type { Finding } from '../../render/finding.js';
import type { Rule, RuleContext } from '../types.js';
import { findingAt, lineCol, placeIn } from '../types.js';
import { FIGURE_MESSAGES, FIGURE_RELATED } from '../messages.js';
import { growthSign, interval, meet, written, type Interval } from './quantity.js';
import { factKeys, listed, sameThing, timeFrames } from './keys.js';

interface Mention {
  claim: Claim;
  what: 'value' | 'growth';
  iv: Interval;
  /** the paragraph (line) of the figure */
  line: number;
}

const PERCENT = new Set(['%', '个百分点']);

/** How many earlier mentions of one figure a mention is compared with (linear on any input). */
const MAX_EARLIER = 64;

export const inconsistentFigure: Rule = {
  meta: {
    id: 'inconsistent-figure',
    defaultSeverity: 'warning',
    description: 'The same metric for the same period, scope and modality is stated with different values in one draft.',
    anchor: 'rule-inconsistent-figure',
    needs: { claims: true },
  },
  check(report: Report, ctx: RuleContext): Finding[] {
    const text = ctx.source.text;
    const groups = new Map<string, Mention[]>();
    const add = (key: string | null, m: Mention | null) => {
      if (!key || !m) return;
      const g = groups.get(key);
      if (g) g.push(m);
      else groups.set(key, [m]);
    };
    const frames = timeFrames(report, ctx.source);
    const lineOf = (offset: number) => placeIn(ctx.source, { start: offset, end: offset }).start.line;
    for (const c of report.claims) {
      const v = interval(c.value);
      const sign = growthSign(c);
      const g = sign !== 0 ? interval(c.growth?.quantity, sign) : null;
      if ((!v && !g) || (listed(c) && !c.metric.canonical)) continue;
      const k = factKeys(c, text, frames.of(c), (w) => (w === 'value' ? v?.unitClass ?? null : g?.unitClass ?? null));
      add(k.value, v && { claim: c, what: 'value', iv: v, line: lineOf(c.value!.span.start) });
      add(k.growth, g && { claim: c, what: 'growth', iv: g, line: lineOf(c.growth!.quantity!.span.start) });
    }
    const out: Finding[] = [];
    for (const mentions of groups.values()) {
      if (mentions.length < 2) continue;
      // each later mention against the first it disagrees with; one finding per mention
      for (let i = 1; i < mentions.length; i++) {
        const b = mentions[i];
        // a mention that agrees with any earlier one is that figure restated
        let other: Mention | null = null;
        let agrees = false;
        for (let j = Math.max(0, i - MAX_EARLIER); j < i; j++) {
          const a = mentions[j];
          if (a.claim.statementId === b.claim.statementId || a.line === b.line || a.iv.unitClass !== b.iv.unitClass || !sameThing(a.claim, b.claim, text, PERCENT.has(b.iv.unitClass))) continue;
          if (meet(a.iv, b.iv)) agrees = true;
          else other ??= a;
        }
        if (agrees || !other) continue;
        const qb = b.what === 'value' ? b.claim.value! : b.claim.growth!.quantity!;
        const qa = other.what === 'value' ? other.claim.value! : other.claim.growth!.quantity!;
        const otherPlace = placeIn(ctx.source, qa.span);
        const metric = b.claim.metric.text ?? b.claim.metric.canonical ?? '';
        const reason = FIGURE_MESSAGES['inconsistent-figure']({
          metric,
          what: b.what,
          here: written(text, qb),
          there: written(text, qa),
          at: lineCol(otherPlace),
          period: b.claim.period?.text ?? null,
        });
        out.push(
          findingAt(inconsistentFigure, ctx, qb.span, reason, {
            expected: [written(text, qa)],
            related: [{ file: ctx.source.file, place: otherPlace, message: FIGURE_RELATED.other }],
          }),
        );
      }
    }
    return out;
  },
};
