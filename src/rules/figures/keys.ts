/**
 * What makes two claims "the same figure": the same metric (canonical id, else the same metric
 * text), the same time, scope and modality, the same fact (the value, or a growth on the same
 * basis) and the same kind of figure — one period's, or a sum (累计, 共计).
 *
 * The time of a claim is its period when it names one (前三季度, 全年, 到2025年: each its own);
 * else the time its paragraph or the headings above it set — a span of years (过去五年, “十三五”
 *时期, 十年来: the five-year review states the same metrics with other values) when the last such
 * words before the figure name one, else the year the report is about.
 */
import type { Claim, Report, Section } from '../../schema/index.js';
import { GENERIC_HEADS, LEAD_BEFORE_HEAD, LEAD_WORDS, SCOPE_PREFIXES, metricMatch } from '../../claims/lexicon.js';
import { lineColumn } from '../../sections/lines.js';
import { basisClass } from './quantity.js';
import { figureWords } from './words.js';
import type { Source } from '../types.js';

/** The metric of a claim as a key, or null when it names none a reader could compare. */
export function metricKey(c: Claim): string | null {
  if (c.metric.canonical) return `id:${c.metric.canonical}`;
  const t = c.metric.text?.replace(/\s+/g, '') ?? '';
  // a generic head (总量, 规模, 占比) or one word says too little to be the same figure twice
  if (t.length < 3 || GENERIC_HEADS.has(t)) return null;
  return `text:${t}`;
}

/** The metric text without the report's own scope before it (全省, 我市): what two mentions compare. */
export function metricText(c: Claim): string {
  let t = (c.metric.text ?? '').replace(/[\s“”"]/g, '');
  for (const p of OWN_PREFIXES) if (t.startsWith(p) && t.length > p.length + 1) t = t.slice(p.length);
  return t;
}

/** The scope words a metric's text drops to be compared: the report's own (全省, 我市, 全年…), not 全国 or 我国, which in a province's or a city's report name another whole (5家全国重点实验室, 22家全省重点实验室). */
const OWN_PREFIXES = SCOPE_PREFIXES.filter((p) => p !== '全国' && p !== '我国');

/**
 * Two mentions of one canonical metric name the same thing unless one's text is the other's with
 * words before it: 珠三角现代服务业增加值 is a part of 现代服务业增加值, 新增减税降费 a part of
 * 减税降费, 中央纪委机关立案 a part of 立案 — the canonical id allows such words (scopes, lead
 * words, agents), a contradiction needs the same words. Two different names (GDP, 国内生产总值) may
 * be compared.
 */
export function sameThing(a: Claim, b: Claim, text: string, percent: boolean): boolean {
  const x = metricText(a);
  const y = metricText(b);
  // two names of one metric, each a name of it as a whole (GDP, 国内生产总值, 地区生产总值,
  // 生产总值; 新增城镇就业, 城镇新增就业): one figure, however written
  if (a.metric.canonical && a.metric.canonical === b.metric.canonical && wholeName(x, a.metric.canonical) && wholeName(y, a.metric.canonical)) {
    // (the words before: a count's lead word — 新增 — or a rate's qualifier, as below)
    return percent ? qualifier(a, text) === qualifier(b, text) : leadWord(a, text) === leadWord(b, text);
  }
  // an amount or a count (亿元, 万人, 家) names one thing only in the same words after the same
  // words (新增减税降费约5000亿元 is not 减税降费2.36万亿元; 立案查处22人 not 立案154.5万件)
  if (!percent) return x === y && leadWord(a, text) === leadWord(b, text);
  // words before the metric that the claim left out of it (力争珠三角高技术|制造业增加值占…比重)
  if (qualifier(a, text) !== qualifier(b, text)) return false;
  if (x === y) return true;
  return !(x.endsWith(y) || y.endsWith(x));
}

/** Whether `t` is, as a whole, a name (an alias) of the metric `id`. */
function wholeName(t: string, id: string): boolean {
  const m = metricMatch(t);
  return !!m && m.id === id && m.start === 0 && m.end === t.length;
}

const STRIP = [...new Set([...LEAD_WORDS, ...SCOPE_PREFIXES])].sort((p, q) => q.length - p.length);

/**
 * The words between the clause's start and the metric, up to 12 characters, without the lead words
 * and the report's own scope (力争, 全年, 全省): what qualifies the metric — 珠三角高技术 before
 * 制造业增加值占规模以上工业比重 — when the claim's metric does not hold it.
 */
export function qualifier(c: Claim, text: string): string {
  if (!c.metric.span) return '';
  let s = text.slice(Math.max(0, c.metric.span.start - 12), c.metric.span.start);
  const k = Math.max(...[...'，。；、：,;:（()）“”"\n'].map((p) => s.lastIndexOf(p)));
  s = s.slice(k + 1);
  for (let again = true; again && s; ) {
    again = false;
    // a year opening the clause (2024年全省地区生产总值…) is its time, not a qualifier
    const year = /^(?:19|20)\d{2}年(?:全年|底|末)?/.exec(s);
    if (year) {
      s = s.slice(year[0].length);
      again = true;
      continue;
    }
    for (const w of STRIP) {
      if (s.startsWith(w)) {
        s = s.slice(w.length);
        again = true;
        break;
      }
    }
  }
  return s;
}

/** Up to two characters before the metric's text in its clause (新增, 清理), '' after punctuation. */
export function leadWord(c: Claim, text: string): string {
  if (!c.metric.span) return '';
  // a figure right before its metric (新建105家街道…服务中心) is no lead word: only what follows it
  let from = Math.max(0, c.metric.span.start - 2);
  for (const q of [c.value, c.growth?.quantity]) if (q && q.span.end <= c.metric.span.start) from = Math.max(from, q.span.end);
  const s = text.slice(from, c.metric.span.start);
  const k = Math.max(...[...'，。；、：,;:（(“"\n'].map((p) => s.lastIndexOf(p)));
  const w = s.slice(k + 1);
  // the report's own whole is no lead word: 全省城镇新增就业124.5万人 is 城镇新增就业124.5万人
  return OWN_PREFIXES.includes(w) ? '' : w;
}

/**
 * Words right before a metric that make it a part of what the bare name measures: a quoted name
 * (“新三样”出口) or a new or net flow (新增减税降费, 新增高新技术企业, 净增). '' when none.
 */
export function partLead(c: Claim, text: string): string {
  if (!c.metric.span) return '';
  const s = text.slice(Math.max(0, c.metric.span.start - 3), c.metric.span.start);
  if (/[”"』」]$/.test(s)) return 'quoted';
  const m = /(新增|新建|新引进|新培育|新认定|新开工|净增)$/.exec(s);
  return m ? m[1] : '';
}

/** The report's own whole (全省, 全市, 我区…): what a figure without a scope speaks of too. 全国 is another place in a province's or a city's report and stays. */
const OWN_WHOLE = new Set(['全省', '全市', '全区', '全县', '全州', '全盟', '全疆', '我省', '我市', '我区', '本市', '本省', '本区']);

/** A claim's scope as a key: '' for the report's own whole (全省地区生产总值增长5.2% is 地区生产总值增长5.2%), null for none. */
function ownScope(scope: string | null): string | null {
  return scope !== null && OWN_WHOLE.has(scope) ? '' : scope;
}

/**
 * The scope a statement's first claim names (深圳地区生产总值增长5.8%，规上工业增加值增长10%: 深圳),
 * which its later claims without one of their own share; '' when it names none or the report's own.
 */
export function carriedScopes(report: Report): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of report.claims) {
    if (out.has(c.statementId)) continue;
    out.set(c.statementId, c.scope && !OWN_WHOLE.has(c.scope) && !SCOPE_PREFIXES.includes(c.scope) ? c.scope : placeBefore(c));
  }
  return out;
}

/**
 * The words before a known metric's name in a metric that has no id for them (深圳地区生产总值,
 * 广州市实现地区生产总值: a place the dictionary does not list), as the scope its sentence speaks of.
 */
function placeBefore(c: Claim): string {
  if (c.metric.canonical || !c.metric.text) return '';
  const t = c.metric.text.replace(/\s+/g, '');
  const m = metricMatch(t, 'zh', { anywhere: true });
  if (!m || m.start < 2 || m.end !== t.length) return '';
  const place = t.slice(0, m.start).replace(LEAD_BEFORE_HEAD, '');
  return place.length >= 2 && place.length <= 6 && /^[\u4e00-\u9fff]+$/.test(place) ? place : '';
}

/** A region that opens a sentence: 珠三角地区, 粤东西北地区, 长江流域. */
const SENTENCE_REGION = /^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+是|其中，?|同时，?)?([\u4e00-\u9fff]{1,8}?(?:地区|片区|区域|流域))(?!生产总值|生产)/;

/**
 * The region the sentence of a claim opens with, which holds for its later clauses too
 * (珠三角地区人均生产总值突破10万元，现代服务业增加值占服务业比重达62.9%: the 62.9% is 珠三角's,
 * not the province's 60.4%), or '' when it opens with none.
 */
export function sentenceScope(c: Claim, text: string): string {
  let k = c.span.start;
  const stop = Math.max(0, k - 300);
  while (k > stop && !'。！？；\n'.includes(text.charAt(k - 1))) k--;
  while (k < c.span.start && /\s/.test(text.charAt(k))) k++;
  const region = SENTENCE_REGION.exec(text.slice(k, k + 18))?.[1] ?? '';
  // 全省地区生产总值: the report's own whole before a metric that begins with 地区
  for (const w of OWN_WHOLE) if (region.startsWith(w)) return '';
  return region;
}

const CLAUSE_MARKS = '，,；;。：:\n';

/**
 * The whole a part listed after 其中 belongs to: the clause before it, its digits as '#'
 * (处分1.5万人，其中中管干部112人 → 处分#万人; 共查处955人，其中中管干部34人 → 共查处#人): two parts
 * of one name are one figure only under the same whole. '' for a claim that is no such part.
 */
export function wholeOf(c: Claim, text: string): string {
  const at = c.metric.span?.start ?? c.span.start;
  const k = clauseOf(c, text);
  if (!/^\s*其中/.test(text.slice(k, at + 2))) return '';
  return clauseBefore(text, k);
}

/** Where the clause of a claim's metric starts: after the clause mark before it, at most 40 back. */
function clauseOf(c: Claim, text: string): number {
  const at = c.metric.span?.start ?? c.span.start;
  let k = at;
  const stop = Math.max(0, at - 40);
  while (k > stop && !CLAUSE_MARKS.includes(text.charAt(k - 1))) k--;
  return k;
}

/**
 * A count after a name of one or two characters (处分1.5万人, 立案154.5万件) or after one that
 * counts those reached (惠及企业1.2万家: figures.json beneficiaryLeads) counts what the clause
 * before it in its sentence names (立案审查违反政治纪律案件1.5万件，处分1.5万人 are those cases'):
 * that clause, digits as '#', is part of what it is; '' when the figure opens its sentence or is
 * in % (a rate names its thing).
 */
export function shortCountContext(c: Claim, text: string, unitClass: string | null): string {
  if (!unitClass || PERCENT_CLASSES.has(unitClass)) return '';
  const t = metricText(c);
  if (t.length > 2 && !figureWords().beneficiaryLeads.some((w) => t.startsWith(w))) return '';
  const k = clauseOf(c, text);
  return '。；;\n'.includes(text.charAt(k - 1)) ? '' : clauseBefore(text, k);
}

/** The clause that ends with the mark right before `k`, digits as '#'; '' at a sentence's start. */
function clauseBefore(text: string, k: number): string {
  if (k === 0 || !CLAUSE_MARKS.includes(text.charAt(k - 1)) || '。\n'.includes(text.charAt(k - 1))) return '';
  let j = k - 1;
  const stop2 = Math.max(0, j - 60);
  while (j > stop2 && !CLAUSE_MARKS.includes(text.charAt(j - 1))) j--;
  return text.slice(j, k - 1).replace(/\s+/g, '').replace(/[0-9０-９]+(?:[.．][0-9０-９]+)?/g, '#');
}

/**
 * A change in 个百分点 that is not the metric's own growth: a contribution to it (拉动地区生产总值增长
 * 2.5个百分点) or the change of its growth rate, said after that rate (增长5.7%，比上年提高0.5个百分点;
 * 增长5.7%，增速高于全国0.7个百分点) — its claim carries the metric over from the rate before it.
 */
export function changeOfRate(c: Claim, text: string): boolean {
  const q = c.growth?.quantity;
  if (!q || !/个?百分点/.test(q.unit ?? '')) return false;
  const m = c.metric.span;
  if (m && /(?:拉动|带动|拉高|贡献)$/.test(text.slice(Math.max(0, m.start - 2), m.start))) return true;
  const from = m ? m.end : c.span.start;
  return from < q.span.start && q.span.start - from <= 80 && /[0-9０-９](?:%|％)/.test(text.slice(from, q.span.start));
}

/** A 分别 list gives each item its value; which metric gets which is not sure enough to compare. */
export function listed(c: Claim): boolean {
  return c.text.includes('分别');
}

const QUOTES = /[“”"'‘’「」『』\s]/g;
/** How far back in a paragraph the time of a figure is looked for. */
const WINDOW = 600;

/** Words of one year in a paragraph: the year under review, the plan year, a year by number. */
const ONE_YEAR = /((?:19|20)\d{2})年(?![—–\-－~至到])|(去年|上年|过去(?:的)?一年|一年来)|(今年|明年|本年)/g;

/**
 * A paragraph that opens with its time: after a heading's marks, a year, a span of years or the
 * year under review, then what a frame goes on with (a comma, 是, 以来, 工作…), not a metric.
 */
const FRAME_OPENER =
  /^[\s#*—–\-]*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．是])?\s*(?:回顾|在|刚刚过去的|刚过去的|过去的)?((?:(?:19|20)\d{2}年(?:和|及|、)?)?(?:(?:19|20)\d{2}年|去年|今年|过去(?:的)?[一二三四五六七八九十两]年|[一二三四五六七八九十两]年来|这[一二三四五六七八九十两]年|未来[一二三四五六七八九十两]年|今后[一二三四五六七八九十两]年|十[一二三四五六]五(?:时期|期间)?))(?=[，,：:是的]|工作|以来|来|里|中|时期|期间|主要|重点|目标|全年|发展|\s*$)/;

const SENTENCE_END = new Set(['。', '！', '？']);

/** Before a year, a word that makes it the basis of a comparison or the start of a rise. */
const BASIS_BEFORE = /[比较与同从由]/;

/** A claim's own period that is the span under review (五年来，…; 过去五年): the same time as a span cue. */
const SPAN_UNDER_REVIEW = /^(?:过去(?:的)?[一二三四五六七八九十两]年|[一二三四五六七八九十两]年来|近[一二三四五六七八九十两]年)$/;

/** A claim's own period that is the year under review: the same time as none. */
const YEAR_UNDER_REVIEW = /^(?:去年|上年|过去(?:的)?一年|一年来)$/;

export interface TimeFrames {
  /** the frame of a claim: 'p:<kind>:<text>', 'span', 'y:2023', 'this' or '' (the year under review) */
  of(c: Claim): string;
}

/** The headings above each section, joined, for the span cues they name. */
function headingsOf(sections: Section[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (list: Section[], above: string) => {
    for (const s of list) {
      const h = s.heading ? `${above} ${s.heading.text}` : above;
      out.set(s.id, h);
      walk(s.children, h);
    }
  };
  walk(sections, '');
  return out;
}

/** 九年来, 三年间, 10年累计: a count of years before 来/间/中/累计 */
const N_YEARS = /(?:[两二三四五六七八九十]|\d{1,2})年(?:来|间|中|里|以来|累计|大跨越)/g;

/**
 * after a span word, words that make it a comparison (为多年来最低, 创十年来新高) or name the plan
 * itself (实现“十三五”顺利收官, “十四五”开局良好, “十四五”规划), not a time
 */
const SUPERLATIVE = /^[”"’]?(?:以来|来)?(?:最|新高|新低|首次|少有|罕见|(?:顺利|圆满|胜利|完美)?收官|(?:良好)?开局|起步|规划)/;

/** A plan's name (十四五) is its time before 时期, 期间, 以来, 末… or a break, not inside a name (习酒“十四五”技改一期). */
const PLAN_NAME = /^十[一二三四五六]五$/;
const PLAN_TIME = /^[”"’]?(?:时期|期间|以来|末|初|中期|前|后|头|每年|年均|累计|[，,、：:。；]|$)/;

function notATime(word: string, after: string): boolean {
  return SUPERLATIVE.test(after) || (PLAN_NAME.test(word) && !PLAN_TIME.test(after));
}

function lastMultiYear(s: string): number {
  let at = -1;
  for (const w of figureWords().multiYear) {
    let i = s.lastIndexOf(w);
    while (i >= 0 && notATime(w, s.slice(i + w.length, i + w.length + 5))) i = i > 0 ? s.lastIndexOf(w, i - 1) : -1;
    at = Math.max(at, i);
  }
  for (const m of s.matchAll(N_YEARS)) if (!m[0].startsWith('一')) at = Math.max(at, m.index!);
  return at;
}

/** The time the last cue of `s` sets, or null when it has none. */
function lastCue(s: string): string | null {
  const bare = s.replace(QUOTES, '');
  const span = lastMultiYear(bare);
  let year = -1;
  let frame = '';
  for (const m of bare.matchAll(ONE_YEAR)) {
    // 比2015年增长, 较2012年, 从2007年的248亿美元: the year a figure is compared with or rises from
    // is no time of the figures after it
    if (m[1] && BASIS_BEFORE.test(bare.charAt(m.index! - 1))) continue;
    year = m.index!;
    frame = m[1] ? `y:${m[1]}` : m[2] ? '' : 'this';
  }
  if (span < 0 && year < 0) return null;
  return span > year ? 'span' : frame;
}


/**
 * The year a government work report reviews: the year before the one its title or dateline names
 * (2019年广东省政府工作报告; ——2013年3月5日在第十二届全国人民代表大会第一次会议上), or null
 * when its head names no government report (a Party congress or discipline report reviews five years).
 */
export function reviewYearOf(report: Report, text: string): number | null {
  const head = `${report.title?.text ?? ''}\n${text.slice(0, 600)}`;
  const m =
    /((?:19|20)\d{2})年[^\n。，]{0,16}?政府工作报告/.exec(head) ??
    /——\s*((?:19|20)\d{2})年\d{1,2}月\d{1,2}日在[^\n]{0,40}人民代表大会/.exec(head);
  if (m) return Number(m[1]) - 1;
  // no title or dateline (a draft's body alone): its review part's heading (一、2024年工作回顾)
  for (const s of report.sections) {
    const r = /((?:19|20)\d{2})年[^\n]{0,6}?工作回顾/.exec(s.heading?.text ?? '');
    if (r) return Number(r[1]);
  }
  return null;
}

export function timeFrames(report: Report, src: Source): TimeFrames {
  const reviewYear = reviewYearOf(report, src.text);
  const headings = headingsOf(report.sections);
  const sectionOf = new Map(report.statements.map((s) => [s.id, s.sectionId]));
  // a heading that names only a span of years (过去五年工作回顾) sets it for its section; one that
  // names a year too (2020年和“十三五”工作回顾) sets nothing
  const headingFrame = new Map<string, string | null>();
  for (const [id, h] of headings) {
    const bare = h.replace(QUOTES, '');
    headingFrame.set(id, lastMultiYear(bare) >= 0 && !/(?:19|20)\d{2}年|去年|今年|过去一年/.test(bare) ? 'span' : null);
  }
  // the top-level part of each section: a paragraph takes the time of the ones before it in its part
  const top = new Map<string, { start: number; end: number }>();
  for (const t of report.sections) {
    const walk = (s: Section) => {
      top.set(s.id, t.span);
      s.children.forEach(walk);
    };
    walk(t);
  }
  const lineCue = new Map<number, string | null>();
  // what a paragraph passes on to the ones after it: the time it opens with (2022年是…; 过去五年，…;
  // 一年来，…; 一、2019年工作回顾), not a year or a span further in (比“十二五”增长35.8%, 14年来首次)
  // nor one that is the subject of a figure (2020年地区生产总值突破2.5万亿元), which belong to
  // their own clause
  // (the last sentence that opens with a time wins: 2015年是“十二五”收官之年。过去五年，… hands on
  // the five years)
  const cueOfLine = (line: number): string | null => {
    if (!lineCue.has(line)) {
      const start = src.starts[line - 1];
      const end = Math.min(line < src.starts.length ? src.starts[line] : src.text.length, start + 4 * WINDOW);
      let cue: string | null = null;
      for (let k = start; k < end; k++) {
        // at each sentence's start: the line's, and after each 。！？
        if (k !== start && !SENTENCE_END.has(src.text.charAt(k - 1))) continue;
        const m = FRAME_OPENER.exec(src.text.slice(k, Math.min(end, k + 80)).replace(QUOTES, ''));
        if (m) cue = lastCue(m[1]);
      }
      lineCue.set(line, cue);
    }
    return lineCue.get(line)!;
  };
  // the time a paragraph without one of its own takes: the last cue of the paragraphs before it in
  // its top-level part (2022年是…一年 before 一是…八是), however many — computed once per line, so
  // that a paragraph put in between changes nothing
  const inheritedAt = new Map<number, { from: number; cue: string | null }>();
  const inherited = (line: number, partStart: number): string | null => {
    // walk back to a line already known (or the part's start), then forward filling the map
    let l = line;
    const stack: number[] = [];
    while (l >= 1 && src.starts[l - 1] >= partStart) {
      const known = inheritedAt.get(l);
      if (known && known.from === partStart) break;
      stack.push(l);
      l--;
    }
    let cue: string | null = l >= 1 && src.starts[l - 1] >= partStart ? inheritedAt.get(l)!.cue : null;
    for (let i = stack.length - 1; i >= 0; i--) {
      cue = cueOfLine(stack[i]) ?? cue;
      inheritedAt.set(stack[i], { from: partStart, cue });
    }
    return cue;
  };
  // the year under review by its number (2012年, in a 2013 report) is the time a figure without one has
  const same = (frame: string): string => (reviewYear !== null && (frame === `y:${reviewYear}` || frame === `p:year:${reviewYear}年`) ? '' : frame);
  return {
    of: (c: Claim): string => same(frameOf(c)),
  };
  function frameOf(c: Claim): string {
    if (c.period) {
      const t = c.period.text.replace(QUOTES, '');
      if (c.period.kind === 'year' && YEAR_UNDER_REVIEW.test(t)) return '';
      // 五年来，… opening a paragraph is the time of the whole of it, as a span cue is; further in
      // (…。五年来，共立案审查违反政治纪律案件1.5万件，处分1.5万人) it frames its own sentence
      if (c.period.kind === 'multi-year' && SPAN_UNDER_REVIEW.test(t) && opensLine(src.text, c.period.span.start)) return 'span';
      return `p:${c.period.kind}:${t}`;
    }
    const at = [c.value, c.growth?.quantity].reduce((m, q) => (q ? Math.min(m, q.span.start) : m), c.span.start);
    // the paragraph: back to the start of the line, at most WINDOW characters
    let from = at;
    const stop = Math.max(0, at - WINDOW);
    while (from > stop && src.text.charCodeAt(from - 1) !== 10) from--;
    const own = lastCue(src.text.slice(from, at));
    if (own !== null) return own;
    const sec = sectionOf.get(c.statementId);
    const part = sec ? top.get(sec) : undefined;
    const { line } = lineColumn(src.starts, from);
    const cue = line > 1 ? inherited(line - 1, part?.start ?? 0) : null;
    if (cue !== null) return cue;
    return (sec && headingFrame.get(sec)) || '';
  }
}

/** Whether only blanks stand between the start of its line and `offset`. */
function opensLine(text: string, offset: number): boolean {
  for (let k = offset - 1; k >= 0 && k >= offset - 16; k--) {
    const ch = text.charAt(k);
    if (ch === '\n') return true;
    if (!/\s/.test(ch)) return false;
  }
  return offset === 0;
}


/** The text just before a claim's first figure (where 累计 and the like stand). */
export function lead(c: Claim, text: string): string {
  const at = [c.value, c.growth?.quantity].reduce((m, q) => (q ? Math.min(m, q.span.start) : m), c.span.end);
  return text.slice(Math.max(0, c.span.start - 8, at - 16), at);
}

export function cumulative(c: Claim, text: string): boolean {
  const l = lead(c, text);
  return figureWords().cumulative.some((w) => l.includes(w));
}

/** How long a metric's own words must be for an amount or a count after them to name one thing. */
const NAMED_AMOUNT = 3;
/** …and of a name after its count (105家街道乡镇区域养老服务中心). */
const NAMED_COUNT = 6;

/**
 * An amount or a count after a metric known by its text alone names one thing when the metric's
 * own words are long enough (纪检监察干部, 保障性租赁住房) and do not end in money put into
 * something unnamed (省级财政安排, 争取资金: dictionaries/figures.json spendingHeads).
 */
/** A count before a short noun, canonical or not (建设5家省实验室 … 布局建设10家省实验室). */
function shortAfterCount(c: Claim): boolean {
  return !!(c.value && c.metric.span && c.value.span.end <= c.metric.span.start) && metricText(c).length < NAMED_COUNT;
}

function namedAmount(c: Claim): boolean {
  const t = metricText(c);
  // a count before a short noun (25个省区市, 5家省实验室, 30家高水平医院) counts those that did
  // something, a different set each time; before a long name (105家街道乡镇区域养老服务中心) one thing
  const before = !!(c.value && c.metric.span && c.value.span.end <= c.metric.span.start);
  return t.length >= (before ? NAMED_COUNT : NAMED_AMOUNT) && !figureWords().spendingHeads.some((h) => t.endsWith(h));
}

/** A figure in % or 个百分点: a rate, a share or a growth, which names one thing. */
const PERCENT_CLASSES = new Set(['%', '个百分点']);

/**
 * The keys of a claim's value and of its growth (null when the claim has no such fact). A metric
 * known only by its text is compared in % and 个百分点 alone: counts and sums of money after a
 * noun (省级财政安排4.82亿元, 总投资354亿元, 建设5家省实验室) are as often different things as one.
 */
export function factKeys(c: Claim, text: string, frame: string, unitClassOf: (which: 'value' | 'growth') => string | null, carried = ''): { value: string | null; growth: string | null } {
  const m = metricKey(c);
  if (!m) return { value: null, growth: null };
  const rest = [ownScope(c.scope) ?? (sentenceScope(c, text) || carried), wholeOf(c, text), c.modality, cumulative(c, text) ? 'sum' : 'one', partLead(c, text)].join('\u0001');
  const base = `${m}\u0001${frame}\u0001${rest}`;
  // 五年来，…城镇化率从52.6%提高到58.5%: the level a span rises to is the level at its end, the
  // year under review's — the same figure as 常住人口城镇化率58.5% said of that year
  const valueBase = c.baseline && frame === 'span' ? `${m}\u0001\u0001${rest}` : base;
  const ok = (u: string | null) => u !== null && (PERCENT_CLASSES.has(u) || ((m.startsWith('id:') || namedAmount(c)) && !shortAfterCount(c)));
  const vu = c.value ? unitClassOf('value') : null;
  const gu = c.growth?.quantity ? unitClassOf('growth') : null;
  return {
    value: ok(vu) ? `${valueBase}\u0001value\u0001${vu}\u0001${shortCountContext(c, text, vu)}` : null,
    growth: ok(gu) ? `${base}\u0001growth:${basisClass(c)}\u0001${gu}` : null,
  };
}
