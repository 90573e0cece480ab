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
 *
 * A sentence stated twice in the same words (figures aside) in two paragraphs states the same
 * figures twice, whatever its metric is called: a draft's summary copies a sentence of its review,
 * and one of the two is then updated (新增公园35个… and, further on, 新增公园36个…). Such mentions
 * are grouped by the sentence's words with each run of digits as one mark, the figure's place among
 * them, its time and its modality — a sentence of at least MIN_WORDS characters besides the figures,
 * so that a short frame (完成投资12亿元。) that many sentences share is not taken for one.
 */
import type { Claim, Report } from '../../schema/index.js';
import type { Finding } from '../../render/finding.js';
import type { Rule, RuleContext } from '../types.js';
import { findingAt, lineCol, placeIn } from '../types.js';
import { FIGURE_MESSAGES, FIGURE_RELATED } from '../messages.js';
import { growthSign, interval, meet, written, type Interval } from './quantity.js';
import { carriedScopes, changeOfRate, factKeys, listed, sameThing, timeFrames } from './keys.js';

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

/** How many characters, figures aside, a sentence must have for its words to name its figures. */
const MIN_WORDS = 8;

/** A run of digits (with its decimal point), full-width too. */
const DIGITS = /[0-9０-９]+(?:[.．][0-9０-９]+)?/g;

/** How long a statement may be for its words to be a key (a longer one is as good as never copied whole). */
const MAX_WORDED = 1000;

/** A statement's words with each run of digits as '#', and where each run starts; null when too short or too long. */
function wording(statement: string): { words: string; runs: number[] } | null {
  if (statement.length > MAX_WORDED) return null;
  // the runs' offsets are in the statement as written: spaces are rare in a sentence with figures,
  // and a statement with any is left out rather than mapped
  if (/\s/.test(statement)) return null;
  const runs: number[] = [];
  DIGITS.lastIndex = 0;
  const words = statement.replace(DIGITS, (m, at: number) => {
    runs.push(at);
    return '#';
  });
  let n = 0;
  for (const ch of words) if (ch !== '#') n++;
  return n >= MIN_WORDS ? { words, runs } : null;
}

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
    const carried = carriedScopes(report);
    const lineOf = (offset: number) => placeIn(ctx.source, { start: offset, end: offset }).start.line;
    const statements = new Map(report.statements.map((st) => [st.id, st]));
    // each statement's wording once, and each distinct wording as a short number in the keys
    const worded = new Map<string, { id: number; runs: number[] } | null>();
    const wordingIds = new Map<string, number>();
    const wordingOf = (id: string) => {
      if (!worded.has(id)) {
        const st = statements.get(id);
        const w = st ? wording(text.slice(st.span.start, st.span.end)) : null;
        if (w && !wordingIds.has(w.words)) wordingIds.set(w.words, wordingIds.size);
        worded.set(id, w && { id: wordingIds.get(w.words)!, runs: w.runs });
      }
      return worded.get(id)!;
    };
    // the same words: the statement's wording, the figure's run among its digits, time and modality
    const sameWords = (c: Claim, frame: string, q: { span: { start: number } } | null | undefined): string | null => {
      const st = statements.get(c.statementId);
      const w = q && st ? wordingOf(c.statementId) : null;
      if (!w || !q || !st) return null;
      const run = w.runs.indexOf(q.span.start - st.span.start);
      return run < 0 ? null : ['words', frame, c.modality, run, w.id].join('\u0001');
    };
    for (const c of report.claims) {
      const v = interval(c.value);
      const sign = growthSign(c);
      const g = sign !== 0 ? interval(c.growth?.quantity, sign) : null;
      if (!v && !g) continue;
      // a contribution to the metric's growth or the change of its rate is no growth of the metric:
      // compared by its words only
      const ownGrowth = !changeOfRate(c, text);
      const frame = frames.of(c);
      const vm: Mention | null = v && { claim: c, what: 'value', iv: v, line: lineOf(c.value!.span.start) };
      const gm: Mention | null = g && { claim: c, what: 'growth', iv: g, line: lineOf(c.growth!.quantity!.span.start) };
      add(sameWords(c, frame, c.value), vm);
      add(sameWords(c, frame, c.growth?.quantity), gm);
      if (listed(c) && !c.metric.canonical) continue;
      const k = factKeys(c, text, frame, (w) => (w === 'value' ? v?.unitClass ?? null : g?.unitClass ?? null), carried.get(c.statementId));
      add(k.value, vm);
      if (ownGrowth) add(k.growth, gm);
    }
    const out: Finding[] = [];
    // a mention found apart by its metric and by its words gives one finding
    const reported = new Set<Mention>();
    for (const [key, mentions] of groups) {
      if (mentions.length < 2) continue;
      const byWords = key.startsWith('words\u0001');
      // each later mention against the first it disagrees with; one finding per mention
      for (let i = 1; i < mentions.length; i++) {
        const b = mentions[i];
        // a mention that agrees with any earlier one is that figure restated
        let other: Mention | null = null;
        let agrees = false;
        for (let j = Math.max(0, i - MAX_EARLIER); j < i; j++) {
          const a = mentions[j];
          if (a.claim.statementId === b.claim.statementId || a.line === b.line || a.iv.unitClass !== b.iv.unitClass) continue;
          if (!byWords && !sameThing(a.claim, b.claim, text, PERCENT.has(b.iv.unitClass))) continue;
          if (meet(a.iv, b.iv)) agrees = true;
          else other ??= a;
        }
        if (agrees || !other || reported.has(b)) continue;
        reported.add(b);
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
          period: b.claim.period && b.claim.period.text === other.claim.period?.text ? b.claim.period.text : null,
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
