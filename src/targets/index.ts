/**
 * Targets against outcomes, year after year (issue #19): a stage after the model, fed by reports.
 *
 * A work report of year Y sets the targets for Y in its plan part — above all in the paragraph of
 * main targets (今年经济社会发展的主要预期目标是：…) — and gives the outcomes of Y−1 in its review
 * part (预计 there: an outcome of modality forecast). A statistical communiqué of year X gives X's
 * final outcomes. Each place × year × canonical metric × measure (a level, or a change over the
 * year) becomes one row, the target beside the outcome, with a status by the metric's polarity.
 *
 * What counts as an annual target: a claim whose period is absent or one year (the report's own),
 * and whose growth is not an annual average over a span (年均). Multi-year spans (“十四五”时期) and
 * horizons (到2035年) are another time's goals: left out, or listed with `all` under their horizon.
 * A year whose report sets no target for a metric says no-target; nothing is borrowed from another
 * sentence or year.
 *
 * A report that opens a new term reviews five years (一、过去五年工作回顾): there an outcome is the
 * year's only when its paragraph, or the paragraph above that opens the list it is in (2017年是本届省
 * 政府的收官之年…重点抓了以下几个方面), places it in the year, or when its own period names the year
 * (增加到2017年的8.99万亿元: that level, never the 年均 beside it); sums and averages of the five years
 * stand for no year.
 *
 * Pure: reports in, rows out. Everything is read from the model (claims, their modality, period,
 * growth, metric ids) and dictionaries/metrics.json's polarity, so the table gets better as they do.
 */
import type { Claim, Quantity, Report, Section } from '../schema/index.js';
import { loadJson } from '../dictionaries.js';
import { metricInfo } from '../claims/canonical.js';
import { lineColumn, lineStarts } from '../sections/lines.js';
import { placeAndYear } from './place.js';
import { TARGETS_FORMAT, TARGETS_FORMAT_VERSION } from './format.js';
// types only: the command line loads this stage, and zod stays out of it (the schema is for the
// library and the tests: src/targets/schema.ts)
import type {
  Firmness,
  Measure,
  OutcomeCell,
  TargetBound,
  TargetCell,
  TargetRow,
  TargetStatus,
  TargetsResult,
  TargetsSource,
} from './schema.js';

export { TARGETS_FORMAT, TARGETS_FORMAT_VERSION };
export type { Firmness, Measure, OutcomeCell, TargetBound, TargetCell, TargetRow, TargetStatus, TargetsResult, TargetsSource };
export { placeAndYear, type PlaceYear } from './place.js';

export interface TargetsInput {
  report: Report;
  /** the text the report was made from (offsets are into it) */
  text: string;
  /** the file's name as the user gave it: cited in each cell, and the last source of place and year */
  file: string;
}

export interface TargetsOptions {
  /** also list targets that are not annual (年均, “十四五”时期, 到2035年), each with its horizon */
  all?: boolean;
}

interface Words {
  firmness: { hard: string[]; soft: string[] };
  mainTargets: string[];
  multiYear: string[];
  changeHeads: { up: string[]; down: string[] };
  sameQuantity: Record<string, [string, number]>;
}

const words = (): Words => loadJson<Words>('targets.json');

// ------------------------------------------------------------------------------------ figures

/** A claim's figure for the table: the change when it states one, else its level. */
export interface Figure {
  measure: Measure;
  /** signed: a fall is negative */
  number: number;
  upper: number | null;
  unit: string | null;
  bound: Quantity['bound'];
  /** the figure in the unit 万/亿 folded in, for comparing (null when the model gives none) */
  scaledFactor: number;
  scaledUnit: string | null;
  /** decimals as written, for the rounding 左右 allows */
  decimals: number;
}

function decimals(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 || /e/i.test(s) ? 0 : s.length - dot - 1;
}

function figure(q: Quantity, measure: Measure, sign: number): Figure | null {
  if (q.number === null || q.masked) return null;
  const factor = q.scaled && q.number !== 0 ? q.scaled.number / q.number : 1;
  return {
    measure,
    number: sign * q.number,
    upper: q.upper === null ? null : sign * q.upper,
    unit: q.unit,
    bound: q.bound,
    scaledFactor: factor,
    scaledUnit: q.scaled ? q.scaled.unit : q.unit,
    decimals: decimals(q.number),
  };
}

/**
 * A claim's figures: its level (城镇新增就业1206万人) and its change (比上年少增63万人, 增长6.9%), each
 * for its own row. A value in % after a noun of change (居民消费价格涨幅控制在3%) is a change.
 */
function figuresOf(c: Claim, text: string): Figure[] {
  const out: Figure[] = [];
  if (c.value) {
    let measure: Measure = 'level';
    let sign = 1;
    if (c.value.unit === '%') {
      const m = c.metric.span ? text.slice(c.metric.span.start, Math.max(c.metric.span.end, c.value.span.start)) : (c.metric.text ?? '');
      const heads = words().changeHeads;
      if (heads.down.some((w) => m.includes(w))) {
        measure = 'growth';
        sign = -1;
      } else if (heads.up.some((w) => m.includes(w))) measure = 'growth';
    }
    const f = figure(c.value, measure, sign);
    if (f) out.push(f);
  }
  if (c.growth?.quantity && !out.some((f) => f.measure === 'growth')) {
    const f = figure(c.growth.quantity, 'growth', c.growth.direction === 'down' ? -1 : 1);
    if (f) out.push(f);
  }
  return out;
}

// ------------------------------------------------------------------------------------ reading

interface Found {
  key: string;
  canonical: string;
  metricText: string | null;
  figure: Figure;
  claim: Claim;
  line: number;
  file: string;
  horizon: string | null;
  main: boolean;
  firmness: Firmness;
  /** for outcomes: 0 said of the year itself, 1 plain, 2 in a part on a span of years (see outcomeRank) */
  rank: number;
}

const YEAR_IN = /(?:19|20)\d{2}/g;

/** The four-digit years a period names (2024年, 2023—2024年); empty for 今年, 去年, 全年. */
function yearsNamed(text: string): number[] {
  return (text.match(YEAR_IN) ?? []).map(Number);
}

interface SectionInfo {
  role: Section['role'];
  /** the headings of the section and the sections it is in, joined */
  headings: string;
  /** where the outermost section it is in begins (the part: 一、过去五年工作回顾) */
  partStart: number;
}

function sectionInfo(sections: Section[]): Map<string, SectionInfo> {
  const out = new Map<string, SectionInfo>();
  const walk = (list: Section[], above: string, partStart: number | null) => {
    for (const s of list) {
      const headings = s.heading ? `${above} ${s.heading.text}` : above;
      const part = partStart ?? s.span.start;
      out.set(s.id, { role: s.role, headings, partStart: part });
      walk(s.children, headings, part);
    }
  };
  walk(sections, '', null);
  return out;
}

const HORIZON_DATE = /到((?:19|20)\d{2})年/;

const QUOTES = /[“”"'‘’「」『』]/g;

/** A span of years or a later date named in `s` (今后五年, “十四五”时期, 到2035年), else null. */
function spanCue(s: string, year: number): string | null {
  const bare = s.replace(QUOTES, '');
  for (const w of words().multiYear) if (bare.includes(w)) return w;
  const m = HORIZON_DATE.exec(bare);
  return m && Number(m[1]) !== year ? m[0] : null;
}

/** 与2017年相比, 同2012年末相比: a comparison with an earlier year that frames what follows */
const SINCE_YEAR = /(?:与|同|和|较)((?:19|20)\d{2})年(?:末|底)?相比/g;

/** How far back in a paragraph the time a figure is said of is looked for. */
const TIME_WINDOW = 1200;

/**
 * The time the paragraph sets for a figure at `at`: the last span (过去五年, “十三五”时期) or mention of
 * the year itself (2015年, 去年/过去一年/全年 for the year under review, 今年 for the plan year)
 * before it in its paragraph (line). 'span' with its words, 'year', or null when it names neither.
 */
function timeBefore(text: string, starts: number[], line: number, at: number, year: number, review: boolean): { kind: 'span' | 'year'; cue: string } | null {
  const from = Math.max(starts[line - 1], at - TIME_WINDOW);
  const bare = text.slice(from, at).replace(QUOTES, '');
  let span = -1;
  let cue = '';
  for (const w of words().multiYear) {
    const k = bare.lastIndexOf(w);
    if (k > span) {
      span = k;
      cue = w;
    }
  }
  for (const m of bare.matchAll(/到((?:19|20)\d{2})年/g)) {
    if (Number(m[1]) !== year && m.index! > span) {
      span = m.index!;
      cue = m[0];
    }
  }
  // 与2017年相比，…: a new term's review set against the year before it (the five years' change)
  for (const m of bare.matchAll(SINCE_YEAR)) {
    if (Number(m[1]) < year && m.index! > span) {
      span = m.index!;
      cue = m[0];
    }
  }
  // a year as a span's end (从2010年的…增加到2015年的…) sets no time
  const y = `(?<![到至从由])${year}年(?![—–\\-－~至到])`;
  const own = new RegExp(review ? `${y}|去年|上年|过去一年|一年来|全年` : `${y}|今年|全年`, 'g');
  let yearAt = -1;
  for (const m of bare.matchAll(own)) {
    // 2012年底，城镇和农村人均住房面积…: a stock dated at the year's end, for its own sentence only
    const after = m.index! + m[0].length;
    if (/^[底末]/.test(bare.slice(after)) && bare.indexOf('。', after) >= 0) continue;
    yearAt = m.index!;
  }
  if (span < 0 && yearAt < 0) return null;
  return span > yearAt ? { kind: 'span', cue } : { kind: 'year', cue: '' };
}

/**
 * The time a paragraph opens on, for the paragraphs after it: the last span or year its first
 * sentence names (2017年是本届省政府的收官之年…; 五年来，我们…主要做了以下工作：; 刚刚过去的2017年，…).
 */
function openingTime(text: string, starts: number[], line: number, year: number): { kind: 'span' | 'year'; cue: string } | null {
  const from = starts[line - 1];
  const end = line < starts.length ? starts[line] : text.length;
  const para = text.slice(from, end);
  const stop = para.search(/[。：:！？]/);
  return timeBefore(text, starts, line, from + (stop < 0 ? para.length : stop + 1), year, true);
}

/**
 * The time a figure is said of in a part whose heading names a span of years and not the year
 * (过去五年工作回顾, “十二五”时期工作回顾: a new term's review), when its own paragraph names none: the
 * time the nearest paragraph above it in the part opens on — 2017年是本届省政府的收官之年…重点抓了以下
 * 几个方面 frames the year's list below it, 五年来，我们…主要做了以下工作 the five years' — else the
 * heading's span.
 */
function carriedTime(text: string, starts: number[], line: number, partStart: number, year: number, memo: Map<number, ReturnType<typeof openingTime>>): { kind: 'span' | 'year'; cue: string } {
  const first = lineColumn(starts, partStart).line;
  for (let l = line - 1; l > first; l--) {
    let t = memo.get(l);
    if (t === undefined) {
      t = openingTime(text, starts, l, year);
      memo.set(l, t);
    }
    if (t) return t;
  }
  return { kind: 'span', cue: '' };
}

/**
 * The lines of the main targets: the first line naming them (主要预期目标…) in a sentence that does
 * not speak of a plan period (今后五年, “十四五”时期), and, when the list runs on below it, the lines
 * after it that each hold a figure.
 */
function mainLines(text: string, starts: number[], claimLines: Map<number, number>, year: number): Set<number> {
  const w = words();
  const out = new Set<number>();
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    const line = text.slice(starts[i], end);
    let at = -1;
    for (const cue of w.mainTargets) {
      const k = line.indexOf(cue);
      if (k >= 0 && (at < 0 || k < at)) at = k;
    }
    if (at < 0 || !claimLines.has(i + 1)) continue;
    const sentenceStart = Math.max(line.lastIndexOf('。', at), line.lastIndexOf('；', at)) + 1;
    const lead = line.slice(sentenceStart, at);
    if (spanCue(lead, year)) continue;
    out.add(i + 1);
    // a list set out on the lines below: each a target or two
    if ((claimLines.get(i + 1) ?? 0) < 2) {
      for (let j = i + 2; j <= Math.min(starts.length, i + 16) && claimLines.has(j); j++) out.add(j);
    }
    break;
  }
  return out;
}

function firmnessOf(c: Claim, text: string, figure: Figure, polarity: string): Firmness {
  const w = words().firmness;
  let from = c.span.start;
  const stop = Math.max(0, c.span.start - 30);
  while (from > stop && !'，。；：！？\n'.includes(text[from - 1])) from--;
  const clause = text.slice(from, c.span.end);
  if (w.hard.some((x) => clause.includes(x))) return 'hard';
  if (w.soft.some((x) => clause.includes(x))) return 'soft';
  if (figure.bound === 'lte' && (polarity === 'ceiling' || polarity === 'lower-better')) return 'hard';
  return 'plain';
}

function horizonOf(c: Claim): string | null {
  if (c.growth?.average) return c.period?.text ?? c.growth.basis ?? '年均';
  // 居民消费价格指数年均涨幅为2.9%: an average stated as a value
  if (/年均|平均每年/.test(c.text)) return c.period?.text ?? '年均';
  // 一年来, 过去一年 name one year, whatever span a period reader made of them
  if (c.period && (c.period.kind === 'multi-year' || c.period.kind === 'horizon') && !ONE_YEAR.test(c.period.text)) return c.period.text;
  return null;
}

/** 2012年末, 2017年底: a level at the end of the year is the year's */
const YEAR_END = /^(?:19|20)\d{2}年(?:末|底)$/;

const ONE_YEAR = /^(?:过去的?一年|一年来|这一年|去年|上年|今年|全年|本年)$/;

/**
 * How surely an outcome speaks of the year `want`: 0 when its period or its paragraph names the year
 * last before it (2023年, 去年, 过去一年, 全年), 2 when it stands in a part whose heading names a span
 * of years (“十三五”时期和2020年工作回顾 holds five-year sums first), else 1. The lowest rank wins,
 * then the first in the text.
 */
function outcomeRank(c: Claim, time: { kind: 'span' | 'year' } | null, headings: string, want: number): number {
  if (time?.kind === 'year') return 0;
  if (c.period && c.period.kind === 'year') return 0;
  if (spanCue(headings, want)) return 2;
  return 1;
}

interface Reading {
  targets: Found[];
  outcomes: Found[];
}

function keyOf(canonical: string, measure: Measure, horizon: string | null): string {
  return `${canonical}\u0000${measure}\u0000${horizon ?? ''}`;
}

/** Targets for the report's year and outcomes for the year before (a communiqué: its own year). */
function read(input: TargetsInput, year: number, communique: boolean, options: TargetsOptions): Reading {
  const { report, text, file } = input;
  const starts = lineStarts(text);
  const sections = sectionInfo(report.sections);
  const sectionOf = new Map(report.statements.map((s) => [s.id, s.sectionId]));
  const lineOf = (c: Claim) => lineColumn(starts, c.span.start).line;
  const claimLines = new Map<number, number>();
  for (const c of report.claims) if (c.metric.canonical) claimLines.set(lineOf(c), (claimLines.get(lineOf(c)) ?? 0) + 1);
  const main = communique ? new Set<number>() : mainLines(text, starts, claimLines, year);
  const opening = new Map<number, ReturnType<typeof openingTime>>();
  const out: Reading = { targets: [], outcomes: [] };
  for (const c of report.claims) {
    const canonical = c.metric.canonical;
    if (!canonical) continue;
    const line = lineOf(c);
    const section = sections.get(sectionOf.get(c.statementId) ?? '');
    const role = section?.role ?? 'body';
    const named = c.period ? yearsNamed(c.period.text) : [];
    const info = metricInfo(canonical);
    const onMain = main.has(line);
    if (!communique && (onMain || (role === 'plans' && c.modality === 'target'))) {
      let horizon = horizonOf(c);
      if (!horizon && named.some((y) => y !== year)) horizon = c.period!.text;
      // the plan part's paragraphs on a plan period: “十四五”时期主要目标任务, 今后五年，…
      if (!horizon && !onMain) {
        const time = timeBefore(text, starts, line, c.span.start, year, false);
        horizon = time ? (time.kind === 'span' ? time.cue : null) : spanCue(section?.headings ?? '', year);
      }
      if (!horizon && c.period && c.period.kind !== 'year') continue; // 前三季度, 截至目前: not the year's target
      if (horizon && !options.all) continue;
      for (const figure of figuresOf(c, text)) {
        const firmness = firmnessOf(c, text, figure, info?.polarity ?? 'higher-better');
        out.targets.push({ canonical, metricText: c.metric.text, figure, claim: c, line, file, key: keyOf(canonical, figure.measure, horizon), horizon, main: onMain, firmness, rank: 0 });
      }
      continue;
    }
    if (c.modality === 'target' || role === 'plans' || role === 'closing' || role === 'frontmatter') continue;
    // an outcome: the year's own figure, not a span's average, a part of the year or another year
    const want = communique ? year : year - 1;
    let time = timeBefore(text, starts, line, c.span.start, want, true);
    const headings = section?.headings ?? '';
    // a new term's review (过去五年工作回顾, “十二五”时期工作回顾) speaks of the five years: what its
    // paragraph does not place in a time takes the time of the paragraphs above it in the part
    if (!time && section && !communique && spanCue(headings, want) && !headings.includes(`${want}年`)) {
      time = carriedTime(text, starts, line, section.partStart, want, opening);
    }
    const spanFrame = time?.kind === 'span';
    // the claim's own period names the year: 增加到2017年的8.99万亿元, 2012年末的17.63万亿元
    const ownYear =
      !!c.period && named.length > 0 && named.every((y) => y === want) && (c.period.kind === 'year' || (c.period.kind === 'to-date' && YEAR_END.test(c.period.text)));
    // a span's average (年均增长7.9%) is no year's change; its level stands only when its period is the year
    const horizon = horizonOf(c);
    if (horizon && !ownYear) continue;
    if (spanFrame && !ownYear) continue; // 五年来，…
    if (c.period) {
      if (c.period.kind === 'part-year') continue;
      if (named.some((y) => y !== want)) continue;
      if (!communique && /今年|本年/.test(c.period.text)) continue;
    }
    const levelOnly = ownYear && (spanFrame || horizon !== null);
    // a level given as a span's end comes after the year's own sentence (地区生产总值达9.73万亿元、同比增长6.8%
    // before 从1978年的186亿元增加到2018年的9.73万亿元)
    const rank = levelOnly ? Math.max(1, outcomeRank(c, time, headings, want)) : outcomeRank(c, time, headings, want);
    for (const figure of figuresOf(c, text)) {
      if (levelOnly && figure.measure !== 'level') continue; // …五年年均增长7.9%: the span's, not the year's
      if (figure.measure === 'growth' && c.period?.kind === 'to-date') continue;
      if (figure.measure === 'growth' && c.growth?.basis && /\d/.test(c.growth.basis)) continue; // 比2010年翻一番: not one year's change
      out.outcomes.push({ canonical, metricText: c.metric.text, figure, claim: c, line, file, key: keyOf(canonical, figure.measure, null), horizon: null, main: false, firmness: 'plain', rank });
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------ status

const EPS = 1e-9;
/** units of rates and shares, which a bare number never stands for */
const RATE_UNITS = new Set(['%', '‰', '个百分点', '百分点', '倍']);

interface Judged {
  status: TargetStatus;
  rule: string;
}

/**
 * The status of a target and its outcome (the README states these rules; each row names its rule):
 * - at-least (以上, 不低于): met when the outcome reaches the number — a rise of at least it, or, for
 *   a fall (下降3.1%以上), a fall of at least it;
 * - at-most (以内, 控制在…以内): met when the outcome stays at or below it;
 * - fall (a target stated as a fall: 下降3%, 降低2.5%左右, 减少1000万): met when the fall reaches it;
 * - otherwise by the metric's polarity (dictionaries/metrics.json):
 *   higher-better: met when the outcome reaches the target's lower end (a range's lower number, the
 *   number itself); ceiling (CPI, the deficit ratio) and lower-better (unemployment): met when the
 *   outcome is at or below the target's upper end; neutral (M2): met when it lies within the band.
 * 左右 allows the target's rounding: half a unit of its last digit either side (5%左右 is met by
 * 4.5% and up, 5.5%左右 by 5.45%), the rule's name then ends in +rounding. Changes are signed (下降3%
 * is -3). A target and an outcome in units that cannot be compared are not-comparable.
 */
export function judge(target: Figure, outcome: Figure, polarity: string): Judged {
  const same = words().sameQuantity;
  const [tUnit, tk] = same[target.scaledUnit ?? ''] ?? [target.scaledUnit ?? '', 1];
  const [oUnit, ok] = same[outcome.scaledUnit ?? ''] ?? [outcome.scaledUnit ?? '', 1];
  // 1500万左右 against 1600万户: a count written once without its measure word
  const bareCount = (a: string, b: string) => a === '' && b !== '' && !RATE_UNITS.has(b);
  if (tUnit !== oUnit && !bareCount(tUnit, oUnit) && !bareCount(oUnit, tUnit)) return { status: 'not-comparable', rule: 'units-differ' };
  const tf = target.scaledFactor * tk;
  const t = target.number * tf;
  const u = target.upper === null ? null : target.upper * tf;
  const o = outcome.number * outcome.scaledFactor * ok;
  const allow = target.bound === 'approx' ? 0.5 * 10 ** -target.decimals * Math.abs(tf) : 0;
  const round = allow ? '+rounding' : '';
  const lo = (u === null ? t : Math.min(t, u)) - allow;
  const hi = (u === null ? t : Math.max(t, u)) + allow;
  const fall = hi < 0 || (u === null && t < 0);
  const verdict = (ok: boolean, rule: string): Judged => ({ status: ok ? 'met' : 'missed', rule });
  if (u === null && target.bound === 'gte') return verdict(fall ? o <= t + EPS : o >= t - EPS, 'at-least');
  if (u === null && target.bound === 'lte') return verdict(fall ? o >= t - EPS : o <= t + EPS, 'at-most');
  if (fall) return verdict(o <= hi + EPS, `fall${round}`);
  if (polarity === 'neutral') return verdict(o >= lo - EPS && o <= hi + EPS, `neutral/within-band${round}`);
  if (polarity === 'ceiling' || polarity === 'lower-better') return verdict(o <= hi + EPS, `${polarity}/at-or-below${round}`);
  return verdict(o >= lo - EPS, `higher-better/reach-lower-end${round}`);
}

// ------------------------------------------------------------------------------------ table

function boundOf(f: Figure): TargetBound | null {
  if (f.upper !== null) return 'range';
  return f.bound ?? null;
}

function targetCell(f: Found): TargetCell {
  return {
    number: f.figure.number,
    upper: f.figure.upper,
    unit: f.figure.unit,
    bound: boundOf(f.figure),
    firmness: f.firmness,
    horizon: f.horizon,
    source: f.main ? 'main-targets' : 'plan',
    file: f.file,
    line: f.line,
    text: f.claim.text,
  };
}

function outcomeCell(f: Found, communique: boolean): OutcomeCell {
  return {
    number: f.figure.number,
    unit: f.figure.unit,
    modality: f.claim.modality === 'forecast' ? 'forecast' : 'actual',
    source: communique ? 'communique' : 'review',
    file: f.file,
    line: f.line,
    text: f.claim.text,
  };
}

/** The first of each key: the main targets' paragraph before the rest of the plan part; outcomes by rank. */
function firstByKey(list: Found[]): Map<string, Found> {
  const out = new Map<string, Found>();
  for (const f of list) {
    const had = out.get(f.key);
    if (!had || (f.main && !had.main) || (f.main === had.main && f.rank < had.rank)) out.set(f.key, f);
  }
  return out;
}

/**
 * A figure of a known indicator that cannot be compared — masked (××%, a draft's placeholder) or too
 * large to hold (309 digits) — gives no row; say so once per file, with its lines, rather than
 * leave a silent gap in the table.
 */
function unusable(input: TargetsInput): string | null {
  const { report, text, file } = input;
  let starts: number[] | null = null;
  const lines: number[] = [];
  let masked = 0;
  let large = 0;
  let claims = 0;
  for (const c of report.claims) {
    if (!c.metric.canonical) continue;
    const qs = [c.value, c.growth?.quantity].filter((q): q is Quantity => !!q);
    const m = qs.some((q) => q.masked);
    const l = qs.some((q) => q.tooLarge === true);
    if (!m && !l) continue;
    if (m) masked++;
    if (l) large++;
    claims++;
    starts ??= lineStarts(text);
    const line = lineColumn(starts, c.span.start).line;
    if (lines.length < 10 && lines[lines.length - 1] !== line) lines.push(line);
  }
  if (!masked && !large) return null;
  const what = [masked && `${masked} masked`, large && `${large} too large to compare`].filter(Boolean).join(', ');
  return `${file}: figures of known indicators left out of the table: ${what} (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}${claims > 10 ? ', …' : ''})`;
}

function usefulClaims(r: Report): number {
  let n = 0;
  for (const c of r.claims) if (c.metric.canonical) n++;
  return n;
}

export function targets(inputs: readonly TargetsInput[], options: TargetsOptions = {}): TargetsResult {
  const warnings: string[] = [];
  const sources: TargetsSource[] = [];
  const chosen = new Map<string, number>(); // place|year|kind → index in inputs
  const metas = inputs.map((inp) => placeAndYear(inp.report, inp.text, inp.file));
  inputs.forEach((inp, i) => {
    const m = metas[i];
    sources.push({ file: inp.file, kind: m.kind, place: m.place, placeSource: m.placeSource, year: m.year, yearSource: m.yearSource, used: false, duplicateOf: null });
    if (inp.report.language !== 'zh') {
      warnings.push(`${inp.file}: not a Chinese report; targets reads the main targets and reviews of Chinese reports only; left out`);
      return;
    }
    if (m.place === null || m.year === null) {
      warnings.push(`${inp.file}: ${m.place === null ? 'no place' : 'no year'} found in its title, front matter, first lines or file name; left out`);
      return;
    }
    const k = `${m.place}|${m.year}|${m.kind}`;
    const prev = chosen.get(k);
    if (prev === undefined) {
      chosen.set(k, i);
      return;
    }
    // two transcriptions of one report: keep the one with more figures the table can use
    const keepNew = usefulClaims(inp.report) > usefulClaims(inputs[prev].report);
    const [kept, dropped] = keepNew ? [i, prev] : [prev, i];
    chosen.set(k, kept);
    warnings.push(`${inputs[dropped].file} and ${inputs[kept].file} are both ${m.place} ${m.year}; kept ${inputs[kept].file} (more figures read)`);
  });
  for (const i of chosen.values()) sources[i].used = true;
  for (const s of sources) {
    if (s.used || s.place === null || s.year === null) continue;
    const k = chosen.get(`${s.place}|${s.year}|${s.kind}`);
    if (k !== undefined) s.duplicateOf = inputs[k].file;
  }

  // place|year → what was read for it
  interface Year {
    place: string;
    year: number;
    targetsRead: boolean;
    outcomesRead: boolean;
    targets: Map<string, Found>;
    review: Map<string, Found>;
    communique: Map<string, Found>;
  }
  const years = new Map<string, Year>();
  const yearOf = (place: string, year: number): Year => {
    const k = `${place}|${year}`;
    let y = years.get(k);
    if (!y) {
      y = { place, year, targetsRead: false, outcomesRead: false, targets: new Map(), review: new Map(), communique: new Map() };
      years.set(k, y);
    }
    return y;
  };
  for (const i of [...chosen.values()].sort((a, b) => a - b)) {
    const m = metas[i];
    const communique = m.kind === 'communique';
    const r = read(inputs[i], m.year!, communique, options);
    const lost = unusable(inputs[i]);
    if (lost) warnings.push(lost);
    if (communique) {
      const y = yearOf(m.place!, m.year!);
      y.outcomesRead = true;
      y.communique = firstByKey(r.outcomes);
      continue;
    }
    const own = yearOf(m.place!, m.year!);
    own.targetsRead = true;
    own.targets = firstByKey(r.targets);
    const before = yearOf(m.place!, m.year! - 1);
    before.outcomesRead = true;
    // actual figures first: 预计 only where the review gives no actual one
    const actual = firstByKey(r.outcomes.filter((f) => f.claim.modality !== 'forecast'));
    for (const [k, f] of firstByKey(r.outcomes.filter((f) => f.claim.modality === 'forecast'))) if (!actual.has(k)) actual.set(k, f);
    before.review = actual;
  }

  const rows: Array<TargetRow & { order: number }> = [];
  for (const y of years.values()) {
    const keys = new Set<string>([...y.targets.keys(), ...y.review.keys(), ...y.communique.keys()]);
    for (const key of keys) {
      const t = y.targets.get(key) ?? null;
      const review = y.review.get(key);
      const comm = y.communique.get(key);
      // the review's actual figure, else the communiqué's final one, else the review's forecast
      let o: Found | null = null;
      let oComm = false;
      if (review && review.claim.modality !== 'forecast') o = review;
      else if (comm) {
        o = comm;
        oComm = true;
      } else if (review) o = review;
      const any = (t ?? o)!;
      const info = metricInfo(any.canonical);
      let judged: Judged;
      if (!t) judged = { status: 'no-target', rule: y.targetsRead ? 'not-set' : 'no-report' };
      else if (t.horizon) judged = { status: 'no-outcome', rule: 'horizon' };
      else if (!o) judged = { status: 'no-outcome', rule: y.outcomesRead ? 'not-reported' : 'no-report' };
      else judged = judge(t.figure, o.figure, info?.polarity ?? 'higher-better');
      rows.push({
        place: y.place,
        year: y.year,
        metric: { text: any.metricText, canonical: any.canonical, measure: any.figure.measure },
        target: t ? targetCell(t) : null,
        outcome: o && !(t && t.horizon) ? outcomeCell(o, oComm) : null,
        status: judged.status,
        rule: judged.rule,
        order: t ? t.claim.span.start : 1e15 + (o ? o.claim.span.start : 0),
      });
    }
  }
  rows.sort((a, b) => (a.place < b.place ? -1 : a.place > b.place ? 1 : a.year - b.year || a.order - b.order));
  return {
    format: TARGETS_FORMAT,
    formatVersion: TARGETS_FORMAT_VERSION,
    rows: rows.map(({ order: _order, ...row }) => row),
    sources,
    warnings,
  };
}
