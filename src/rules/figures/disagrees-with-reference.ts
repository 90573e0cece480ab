/**
 * disagrees-with-reference (check --reference FILE…): an `actual` figure of the draft whose
 * canonical metric, time and scope match figures of a reference (a statistical communiqué, last
 * year's final figures, a department's data note) but agrees with none of them.
 *
 * The time: a draft's figure counts when it speaks of the reference's year — its period is that
 * year (2023年, 去年, 全年) or it names none and its paragraph sets no other (not a span of years,
 * not 今年); the reference's figures likewise (a quarter, 1—11月 or a five-year sum is left out).
 * The scope: none and the whole (全国, 全省, 我市…) are one; any other must be the same. The fact:
 * the value with the value, a growth with a growth on the year before, in the same unit class.
 *
 * The rounding rule: a figure stands for every value that rounds half up to it at its last written
 * digit (四舍五入), so 5.2% agrees with 5.24% and 1260582亿元 with 126万亿元, and 5.2% does not
 * agree with 5.25%; 超过/以上, 不到/以下 and 近/约/左右 (10%) widen it (quantity.ts). A draft's figure
 * that agrees with any of the reference's figures of its key agrees: the reference may give a
 * metric twice (the year's average and December's 城镇调查失业率).
 *
 * The definition: a name followed by （不含…） or （不包括…） is measured without those parts, and so
 * is every later mention of it in its paragraph — 外商直接投资（不含银行、证券、保险领域）…实际使用外商
 * 直接投资金额…折1350亿美元 is not the report's 实际使用外资1383亿美元, which counts them. A figure so
 * qualified is compared only with one qualified the same way.
 */
import type { Claim, Report } from '../../schema/index.js';
import type { Finding } from '../../render/finding.js';
import { SCOPE_PREFIXES } from '../../claims/lexicon.js';
import type { ReferenceDoc, Rule, RuleContext, Source } from '../types.js';
import { findingAt, lineCol, placeIn } from '../types.js';
import { FIGURE_MESSAGES, FIGURE_RELATED } from '../messages.js';
import { basisClass, growthSign, interval, meet, written, type Interval } from './quantity.js';
import { cumulative, partLead, timeFrames } from './keys.js';
import { firstAtOrAfter, lineColumn } from '../../sections/lines.js';

/** 外商直接投资（不含银行、证券、保险领域）: the name before an exclusion, and the exclusion. */
const EXCLUSION = /([\u4e00-\u9fff]{2,16})[（(](不含|不包括|不计)([^（()）\n]{1,60})[）)]/g;

interface Qualifier {
  at: number;
  name: string;
  what: string;
}

/** The exclusions of a text by line (paragraph), in order, found in one pass. */
function qualifiersOf(src: Source): Map<number, Qualifier[]> {
  const out = new Map<number, Qualifier[]>();
  EXCLUSION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EXCLUSION.exec(src.text))) {
    const { line } = lineColumn(src.starts, m.index);
    const q = { at: m.index, name: m[1], what: m[3].replace(/[、，,\s]/g, '') };
    const list = out.get(line);
    if (list) list.push(q);
    else out.set(line, [q]);
  }
  return out;
}

/** The exclusion that applies to a claim: the last one before it in its paragraph whose name its metric repeats (any tail of three characters or more). */
function definitionOf(c: Claim, src: Source, quals: Map<number, Qualifier[]>): string {
  // before the figure: the aside may stand inside the claim (实际使用外商直接投资（不含…）1383亿美元)
  const at = c.value?.span.start ?? c.growth?.quantity?.span.start ?? c.span.end;
  const list = quals.get(lineColumn(src.starts, at).line);
  if (!list) return '';
  const metric = c.metric.text ?? '';
  // the last exclusion before the figure (binary search), then back through at most MAX_BACK of
  // them: linear however many a paragraph holds
  const lo = firstAtOrAfter(list.length, (k) => list[k].at, at);
  for (let k = lo - 1; k >= 0 && k >= lo - MAX_BACK; k--) {
    const q = list[k];
    for (let i = 0; i + 3 <= q.name.length; i++) if (metric.includes(q.name.slice(i))) return q.what;
  }
  return '';
}

/** How many exclusions before a figure are tried for its name. */
const MAX_BACK = 16;

const WHOLE = new Set(['', ...SCOPE_PREFIXES]);

/** The year a reference is about: the first four-digit year of its first lines (2023年国民经济…统计公报). */
export function referenceYear(text: string): number | null {
  const head = text.slice(0, 600);
  const m = /((?:19|20)\d{2})年(?:国民经济和社会发展统计公报|[^。\n]{0,20}统计公报|[^。\n]{0,12}(?:决算|统计))/.exec(head) ?? /((?:19|20)\d{2})年/.exec(head);
  return m ? Number(m[1]) : null;
}

/** Whether a frame (keys.ts) is the year `year` itself or no other time. */
function ofYear(frame: string, year: number | null, draft: boolean): boolean {
  if (frame === '') return true;
  if (frame === 'span' || frame === 'this') return false;
  if (frame.startsWith('y:')) return year !== null && frame === `y:${year}`;
  const [, kind, text] = frame.split(':');
  if (kind !== 'year') return false;
  if (/(?:19|20)\d{2}/.test(text)) return year !== null && text.includes(String(year));
  // 去年/上年/过去一年 in the draft, 全年 in either; 今年 is the draft's own year
  return draft ? /去年|上年|过去一年|全年/.test(text) : /全年|本年|当年/.test(text);
}

interface Fig {
  claim: Claim;
  what: 'value' | 'growth';
  iv: Interval;
  src: Source;
  /** a growth's basis: 'prev' (on the year before, as written) or 'real' (at constant prices: 实际增长) */
  basis: string;
  /** the unit class of the figure a growth is of ('' when its claim states none) */
  valueClass: string;
}

function keyOf(c: Claim, what: 'value' | 'growth', iv: Interval, definition: string): string | null {
  if (!c.metric.canonical) return null;
  const scope = c.scope && !WHOLE.has(c.scope) ? c.scope : '';
  if (what === 'growth' && basisClass(c) !== 'prev' && basisClass(c) !== 'real') return null;
  return [c.metric.canonical, scope, what, iv.unitClass, definition].join('\u0001');
}

/**
 * The reference's figures a draft's figure of the same key is held to. A growth is of the figure in
 * its claim's unit (实际使用外资7814亿元，增长6.4%；折1263亿美元，增长5.6%: the 6.4% is the yuan
 * figure's) when both claims state one. A growth said to be real (实际增长6.1%) is held to the real
 * ones; one written without a word of it (居民人均可支配收入增长6.1%) to any — the reports often give
 * the real growth of incomes so, and the communiqué gives both (增长6.3%，扣除价格因素，实际增长6.1%).
 */
function heldTo(f: Fig, theirs: readonly Fig[]): readonly Fig[] {
  if (f.what === 'value') return theirs;
  return theirs.filter((t) => (f.basis === 'real' ? t.basis === 'real' : true) && (f.valueClass === '' || t.valueClass === '' || f.valueClass === t.valueClass));
}

function figures(report: Report, src: Source, year: number | null, draft: boolean): Map<string, Fig[]> {
  const frames = timeFrames(report, src);
  const quals = qualifiersOf(src);
  const out = new Map<string, Fig[]>();
  for (const c of report.claims) {
    if (c.modality !== 'actual' || c.text.includes('分别') || cumulative(c, src.text)) continue;
    if (!ofYear(frames.of(c), year, draft) || partLead(c, src.text) !== '') continue;
    // a growth is of the figure in the claim's unit: 实际使用外资7814亿元，增长6.4%；折1263亿美元，增长5.6%
    const valueClass = interval(c.value)?.unitClass ?? '';
    const definition = quals.size ? definitionOf(c, src, quals) : '';
    const add = (what: 'value' | 'growth', iv: Interval | null) => {
      if (!iv) return;
      const k = keyOf(c, what, iv, definition);
      if (!k) return;
      const list = out.get(k);
      const f: Fig = { claim: c, what, iv, src, basis: what === 'growth' ? basisClass(c) : '', valueClass };
      if (list) list.push(f);
      else out.set(k, [f]);
    };
    add('value', interval(c.value));
    const sign = growthSign(c);
    // （折1263亿美元），增长6.4%: the growth is of the figure converted from, not of this one
    const converted = c.value !== null && /折合?约?$/.test(src.text.slice(Math.max(0, c.value.span.start - 3), c.value.span.start));
    if (sign !== 0 && !converted) add('growth', interval(c.growth?.quantity, sign));
  }
  return out;
}

const quantityOf = (f: Fig) => (f.what === 'value' ? f.claim.value! : f.claim.growth!.quantity!);

export const disagreesWithReference: Rule = {
  meta: {
    id: 'disagrees-with-reference',
    defaultSeverity: 'error',
    description: 'A figure of the draft disagrees with the same metric, year and scope in a reference given with --reference (a figure the draft rounds half up agrees).',
    anchor: 'rule-disagrees-with-reference',
    needs: { claims: true, references: true },
  },
  check(report: Report, ctx: RuleContext): Finding[] {
    if (!ctx.references.length) return [];
    const out: Finding[] = [];
    const refs: Array<{ doc: ReferenceDoc; figs: Map<string, Fig[]>; year: number | null }> = ctx.references.map((doc) => {
      const year = referenceYear(doc.source.text);
      return { doc, year, figs: figures(doc.report, doc.source, year, false) };
    });
    for (const ref of refs) {
      const mine = figures(report, ctx.source, ref.year, true);
      for (const [k, list] of mine) {
        const all = ref.figs.get(k);
        if (!all) continue;
        for (const f of list) {
          const theirs = heldTo(f, all);
          if (theirs.length === 0 || theirs.some((t) => meet(f.iv, t.iv))) continue;
          const q = quantityOf(f);
          const there = [...new Set(theirs.map((t) => written(t.src.text, quantityOf(t))))];
          const first = theirs[0];
          const place = placeIn(first.src, quantityOf(first).span);
          out.push(
            findingAt(disagreesWithReference, ctx, q.span, FIGURE_MESSAGES['disagrees-with-reference']({
              metric: f.claim.metric.text ?? f.claim.metric.canonical ?? '',
              what: f.what,
              here: written(ctx.source.text, q),
              there,
              from: `${first.src.file}:${lineCol(place)}`,
            }), {
              expected: there,
              related: theirs.slice(0, 8).map((t) => ({ file: t.src.file, place: placeIn(t.src, quantityOf(t).span), message: FIGURE_RELATED.reference })),
            }),
          );
        }
      }
    }
    return out;
  },
};
