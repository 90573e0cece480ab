/**
 * Stage: claims — what a number measures. Finds the metric of a quantity on the normalised copy of a
 * statement: the noun phrase before the number in its clause (城镇新增就业1256万人), or after it when
 * the words before it only say what was done (召开7次全会, 完成9000亩湿地修复, 设立1500亿元…基金).
 *
 * A metric is a noun phrase that names what is counted. Spans of time (五年, 十年, "十四五"期间,
 * 过去五年), verbs, scope words and bound words are not metrics; when nothing is left, the caller
 * carries the sentence's subject over or says there is none (null) rather than give a piece of a clause.
 */
import { words, type Word } from '../annotate/tokens.js';
import type { NumberToken } from '../annotate/numbers.js';
import { BOUND_BEFORE_WORDS, GROWTH_DOWN, GROWTH_UP, LEAD_WORDS, MEASURE_WORDS, MODIFIERS, POST_NOT_METRIC, POST_PREDICATES, SCOPE_PREFIXES, TRAILING_VERBS, rankingScopes } from './lexicon.js';

export interface Range {
  start: number;
  end: number;
}

/**
 * A word list grouped by the code unit of one character of each word (the last, or the first),
 * longest first; built once per list and end. An empty word is grouped under -1.
 */
const byLast = new WeakMap<readonly string[], Map<number, string[]>>();
const byFirst = new WeakMap<readonly string[], Map<number, string[]>>();
function indexed(list: readonly string[], last: boolean): Map<number, string[]> {
  const cache = last ? byLast : byFirst;
  let m = cache.get(list);
  if (!m) {
    m = new Map();
    for (const w of [...list].sort((a, b) => b.length - a.length)) {
      const k = w ? (last ? w.charCodeAt(w.length - 1) : w.charCodeAt(0)) : -1;
      if (!m.has(k)) m.set(k, []);
      m.get(k)!.push(w);
    }
    cache.set(list, m);
  }
  return m;
}

/** The longest word of the list that ends `s`, or null. */
export function endsWithAny(s: string, list: readonly string[]): string | null {
  if (!s) return null;
  const ws = indexed(list, true).get(s.charCodeAt(s.length - 1));
  if (ws) for (const w of ws) if (s.endsWith(w)) return w;
  return null;
}

/** The longest word of the list that starts `s`, or null. */
export function startsWithAny(s: string, list: readonly string[]): string | null {
  const index = indexed(list, false);
  const ws = s ? index.get(s.charCodeAt(0)) : undefined;
  if (ws) for (const w of ws) if (s.startsWith(w)) return w;
  return index.has(-1) ? '' : null;
}

/** Prepositions and coverbs that, alone before a number, are no metric. */
const LONE_PREPOSITIONS = '将把对向给使让以按为在从于据经';

/** Words that end a metric candidate and are stripped: bound words first (不超过 before 超过). */
const TRAILING = [...BOUND_BEFORE_WORDS, ...TRAILING_VERBS, '压缩到', '缩减到', '缩减至', '下降了', '增长了', '控制到', '在', '均在'];

/**
 * Spans of time that open a metric candidate and are no part of it: 五年, 十年来, 过去五年, 近三年,
 * “十四五”时期, 期间, 连续3年, 2018—2022年 (the claim's period says them).
 */
const SPAN_OF_TIME =
  /^(?:过去|近|最近|这|今后|未来|连续)?(?:[一二三四五六七八九十两]{1,3}|[0-9]{1,2})年(?:来|间|中|里|内|以来|期间)?|^“?十[一二三四五六]五”?(?:时期|期间|以来)?|^(?:期间|其间|同期|年均|年平均|累计)|^[0-9]{4}[—\-－~～至到][0-9]{4}年/;

/** A comparator closing a metric: 超国家考核目标, 高于全国平均水平. */
const BEYOND_TARGET = /(?:超过?|高于|低于|优于)(?:国家|省|市|全国|全省)?(?:考核|下达|年度|序时)?(?:目标|要求|平均水平|进度)$/;

const TRAILING_TIME = /(?:全年|今年|年内|当年|同期|[0-9]{4}年(?:底|末|初)?|[0-9]{1,2}月(?:底|末|份)?|每[人户生亩]?每?[年月天日季]|每[人户生])$/;
/** A time opening a candidate (年内, 2023年底, 1—11月, 截至…底, 今年以来, 前三季度): the claim's period. */
const LEADING_TIME =
  /^(?:年内|当年|明年|届时|[0-9]{4}年(?:底|末)?|[0-9]{1,2}[—\-－~～至到][0-9]{1,2}月份?|截至[^，。；]{0,10}?(?:底|末)|[0-9]{1,2}月(?:底|末|份)?|今年以来|去年以来|今年|去年|全年|上半年|下半年|前三季度|[一二三四]季度|年末|年底|目前)/;
/** 每人每月, 每生每年 opening a candidate: the rate's basis, not what it measures. */
const PER_UNIT = /^(?:每[人户生亩]?每?[年月天日季度]+|每[人户生])/;

/** Strip verbs, modifiers and lead words off a metric candidate [s, e) of t; returns the trimmed range. */
export function trimMetric(t: string, s: number, e: number, cap = 16): Range | null {
  let a = s;
  let b = e;
  for (let guard = 0; guard < 12 && b > a; guard++) {
    const cur = t.slice(a, b);
    const w = endsWithAny(cur, TRAILING) ?? endsWithAny(cur, MODIFIERS) ?? endsWithAny(cur, GROWTH_UP) ?? endsWithAny(cur, GROWTH_DOWN);
    const closesQuote = cur.endsWith('”') && cur.lastIndexOf('“') > 0;
    const punct = !closesQuote && /[“”‘’"'（）()《》、的\s\u3000*]$/.test(cur) ? 1 : 0;
    const scope = endsWithAny(cur, rankingScopes());
    const versus = BEYOND_TARGET.exec(cur);
    if (versus) {
      // 断面优良水体比例超国家考核目标14.8个百分点: the comparator is no part of the metric
      b -= versus[0].length;
      continue;
    }
    // 从2012年的, 增加到2017年的: a year or month closing the candidate is the claim's period
    const when = TRAILING_TIME.exec(cur);
    if (when) b -= when[0].length;
    else if (punct) b -= 1;
    else if (w) b -= w.length;
    else if (scope) b -= scope.length;
    else break;
  }
  for (let guard = 0; guard < 12 && b > a; guard++) {
    const cur = t.slice(a, b);
    const period = LEADING_TIME.exec(cur) ?? SPAN_OF_TIME.exec(cur);
    const w = startsWithAny(cur, LEAD_WORDS) ?? startsWithAny(cur, SCOPE_PREFIXES);
    const opensQuote = cur.startsWith('“') && cur.indexOf('”') > 0 && cur.indexOf('”') < cur.length - 1;
    const punct = !opensQuote && /^[“”‘’"'（）()《》、，和及与=＝·•\s\u3000*①②③④⑤⑥⑦⑧⑨⑩]/.test(cur) ? 1 : 0;
    const per = PER_UNIT.exec(cur);
    if (period && period[0].length > 0) a += period[0].length;
    else if (per) a += per[0].length;
    else if (punct) a += 1;
    else if (w && cur.length > w.length) a += w.length;
    else break;
  }
  if (b - a < 1) return null;
  // 将75%以上的财力用于…, 对新增2万亿元资金…: a lone preposition before the number names nothing
  if (b - a === 1 && LONE_PREPOSITIONS.includes(t.charAt(a))) return null;
  // 比上年年初预算增加1800亿元: a comparison basis, not a metric
  if (/^(?:比|较|同比|环比)/.test(t.slice(a, b))) return null;
  // “新三样”出口: after a quotation the metric is what follows it
  const q = t.slice(a, b).lastIndexOf('”');
  if (q !== -1 && b - (a + q + 1) >= 2) a = a + q + 1;
  // the noun phrase nearest the number: after the last 的 or verb-like break when long
  let cur = t.slice(a, b);
  const de = cur.lastIndexOf('的');
  if (de !== -1 && b - (a + de + 1) >= 2) a = a + de + 1;
  cur = t.slice(a, b);
  if (cur.length >= 5 && cap <= 16) {
    const r = nounPhrase(cur);
    if (r) {
      b = a + r.end;
      a = a + r.start;
    }
  }
  // 无人机、核技术应用等新兴产业: after 等 comes the class the list belongs to
  const deng = t.slice(a, b).lastIndexOf('等');
  if (deng !== -1 && b - (a + deng + 1) >= 2) a = a + deng + 1;
  if (b - a > cap) a = wordCut(t, a, b, cap);
  while (a < b && /[、，和及与\s\u3000]/.test(t.charAt(a))) a++;
  return b > a ? { start: a, end: b } : null;
}

/**
 * Where to start a candidate [a, b) that is longer than `cap`: at the first word boundary that leaves
 * at most `cap` characters, so the metric never begins inside a word (才、优秀青年人才 for 人才…).
 */
function wordCut(t: string, a: number, b: number, cap: number): number {
  const ws = words(t.slice(a, b));
  for (const w of ws) if (b - (a + w.start) <= cap) return a + w.start;
  return b;
}

/**
 * Verbs that head a metric as nouns do (政治学习, 城镇新增就业, 固定资产投资): never cut there.
 */
const NOMINAL_VERBS = new Set([
  '就业', '学习', '投资', '消费', '出口', '进口', '增长', '治理', '改造', '检测', '覆盖', '运营', '建设', '发展', '服务', '保障', '生产', '加工', '销售', '交易',
  '贸易', '培训', '救助', '认证', '审批', '监测', '排放', '污染', '发电', '装机', '供热', '供水', '养老', '医疗', '教育', '研发', '创新', '开放', '接待', '招商',
  '引资', '融资', '贷款', '营收', '收入', '支出', '减税', '降费', '结算', '补贴', '吞吐', '通车', '运行', '流转', '登记', '注册', '备案', '签约', '到位', '利用',
  '回收', '处理', '达标', '覆盖率', '实现', '完成', '修复', '抚育', '造林', '立案', '处分', '留置', '审查', '调查', '巡视', '函询', '谈话', '问责', '移送', '查处',
  '投案', '减贫', '脱贫', '搬迁', '安置', '保护', '种植', '播种', '收购', '储备', '进出口', '增加值', '成交', '转化',
]);

const NOUNY = /^(?:n|nr|ns|nt|nz|nrt|ng|vn|j|eng|an|nrfg|l|i)$/;

/** The noun phrase at the end of `s`: after the last verb that is not itself a noun here. */
export function nounPhrase(s: string): Range | null {
  const ws = words(s);
  if (ws.length < 2 || ws.every((w) => w.tag === 'x' || w.tag === 'w')) return null;
  const end = ws.length;
  const nouny = (w: Word | undefined) => !!w && NOUNY.test(w.tag);
  let start = 0;
  for (let k = 0; k < end - 1; k++) {
    const w = ws[k];
    // cut after a verb that takes the metric as its object (开展…政治学习, 累计接种疫苗), but not
    // inside a noun compound whose verb has a noun subject (企业开办时间)
    if (w.tag === 'v' && w.word.length >= 2 && !NOMINAL_VERBS.has(w.word) && !nouny(ws[k - 1]) && nouny(ws[k + 1])) start = k + 1;
    if ((w.tag === 'p' || w.tag === 'c' || w.tag === 'r') && (w.word.length >= 2 || /[在对从向为把被于给和与及]/.test(w.word))) start = k + 1;
  }
  if (start >= end) return null;
  const r = { start: ws[start].start, end: ws[end - 1].end };
  if (r.end - r.start < 2) return null;
  return r;
}

/**
 * True when the candidate before a number only says what was done or how much — 召开, 开展,
 * 全市建立, 梯次培育, 累计完成, 惠及 — so the measured thing must follow the number. A candidate
 * that ends in a noun (城镇新增就业, 粮食产量) or a verb that heads a metric (投资, 出口) is no
 * such candidate.
 */
export function onlyVerbs(t: string, r: Range | null): boolean {
  if (!r) return true;
  const s = t.slice(r.start, r.end);
  if (isOnlyFunctionWords(s)) return true;
  const ws = words(s).filter((w) => w.tag !== 'w' && w.tag !== 'x');
  if (ws.length === 0) return true;
  const last = ws[ws.length - 1];
  if (NOMINAL_VERBS.has(last.word)) return false;
  return /^(?:v|vd|vi|vg|d|p|c|u|ad|f)$/.test(last.tag);
}

/** One verb alone (启动, 惠及, 用好, 新建), which names no measured thing. */
export function loneVerb(s: string): boolean {
  if (s.length > 4) return false;
  const ws = words(s);
  return ws.length === 1 && /^(?:v|vd|vi|ad|d)$/.test(ws[0].tag) && !NOMINAL_VERBS.has(ws[0].word);
}

/** Words that end a metric read after the number: the next verb of the clause. */
const POST_STOP = /建成|开工|投用|投产|获批|入选|通过|实现|达到|完成|落地|签约|被|全部|均|已|顺利|成功|纳入|正式|累计|共|分别|增长|增加|提高|下降|减少|占|比|达|超过|用于|覆盖|惠及|带动|以上|左右/;

/**
 * The metric after a quantity: 新建10家省级全域旅游示范区, 召开7次全会, 完成9000亩湿地修复. Taken when
 * the unit is a measure word or a bare place value (a count is followed by what it counts), or when
 * the words before the number only say what was done (`verbsBefore`).
 */
export function postMetric(t: string, tok: NumberToken, end: number, b: number, verbsBefore: () => boolean): Range | null {
  const unit = (tok.upper ?? tok).unit ?? tok.unit;
  if (!unit) return null;
  const counted = MEASURE_WORDS.has(unit.base) || unit.kind === 'scale';
  // a rate or a multiple measures what was named before it
  if (/^(?:%|％|‰|个百分点|百分点|倍|成)$/.test(unit.unit)) return null;
  let s0 = end;
  if (t.charAt(s0) === '的') s0++;
  // nothing to read after the number: no need to ask what the words before it are
  if (!/[\u4e00-\u9fffA-Za-z“]/.test(t.charAt(s0))) return null;
  if (!counted && !verbsBefore()) return null;
  const limit = Math.min(b, s0 + 18);
  let e = s0;
  // up to the clause's end or the next number (90多个国家和地区追回外逃人员3453名)
  while (e < limit && !/[，。；、（(：:\n！？,;0-9０-９*＊]/.test(t.charAt(e))) e++;
  const seg = t.slice(s0, e);
  const stop = POST_STOP.exec(seg);
  let e2 = stop ? s0 + stop.index : e;
  while (e2 > s0 && /[“”"'\s\u3000]/.test(t.charAt(e2 - 1)) && !(t.charAt(e2 - 1) === '”' && t.slice(s0, e2 - 1).includes('“'))) e2--;
  if (e === limit && limit < b) {
    // cut by the length limit: end at the last whole word (…省级现代农业产业园建 → …产业园)
    const ws = words(t.slice(s0, Math.min(b, limit + 6)));
    let last = s0;
    for (const w of ws) if (s0 + w.end <= e2) last = s0 + w.end;
    e2 = last;
  }
  let start = s0;
  // an opening quote stays when its closing one is inside the phrase (86个“两重”项目)
  while (start < e2 && /[“"'\s]/.test(t.charAt(start)) && !(t.charAt(start) === '“' && t.slice(start, e2).includes('”'))) start++;
  if (e2 - start < 2 || !/^[\u4e00-\u9fffA-Za-z“]/.test(t.charAt(start))) return null;
  // the phrase must start as a noun phrase does, not with a verb or a function word (用于…, 以上…)
  const ws = words(t.slice(start, e2));
  const first = ws[0];
  if (!first || (/^(?:v|vd|p|c|u|d|r|m|q|f)$/.test(first.tag) && !NOMINAL_VERBS.has(first.word) && ws.length < 2)) return null;
  if (/^(?:p|c|u|d|r)$/.test(first.tag)) return null;
  if (POST_NOT_METRIC.includes(ws.map((w) => w.word).join(''))) return null;
  // the noun phrase only: 8300家企业开展技术改造 → 企业 (a verb after it starts the predicate)
  let stopAt = e2;
  for (let k = 1; k < ws.length; k++) {
    const w = ws[k];
    if (POST_PREDICATES.has(w.word)) {
      stopAt = start + w.start;
      break;
    }
  }
  if (stopAt - start < 2) return null;
  return { start, end: stopAt };
}

/** A candidate made of function words only, or a single character: no metric. */
export function isOnlyFunctionWords(s: string): boolean {
  return /^[\s、，和及与并且其中共累计全年均分别同比比较上年去年]*$/.test(s) || s.length < 2;
}
