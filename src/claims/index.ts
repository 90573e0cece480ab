/**
 * Stage: claims. Reads every statement's numbers (annotate/numbers.ts) and turns those that measure
 * something into quantified claims: the metric, its value, growth, ranks, baseline, period, scope
 * and modality. Numbers that are years, dates, periods, ordinals, parts of names or slogans are
 * left out.
 *
 * Works on the normalised copy of each statement and maps every span back to the original text.
 */
import type { Claim, Growth, Modality, Placeholder, Quantity, Rank, Section, Statement } from '../schema/index.js';
import { toNormalized, toOriginal, type Normalized } from '../normalize/index.js';
import { scanNumbers, type NumberToken } from '../annotate/numbers.js';
import { boldDelimiters, looksLikeMarkdown } from '../annotate/placeholders.js';
import { periodKindZh } from './period.js';
import { endsWithAny, isOnlyFunctionWords, loneVerb, onlyVerbs, postMetric, startsWithAny, trimMetric } from './metric.js';
import {
  ACHIEVED_BEFORE,
  ACTUAL_CLAUSE_CUES,
  ACTUAL_CUES_IN_PLANS,
  MODAL_YAO_AFTER,
  NOT_TARGET_WORDS,
  MODAL_YAO_BEFORE,
  TARGET_CLAUSE_CUES,
  TARGET_LEAD,
  BASIS,
  GENERIC_HEADS,
  BOUND_AFTER,
  BOUND_BEFORE,
  BOUND_BEFORE_WORDS,
  FORECAST_CUES,
  GROWTH_DOWN,
  GROWTH_UP,
  LEAD_BEFORE_HEAD,
  LEAD_WORDS,
  MODIFIERS,
  SCOPE_PREFIXES,
  metricMatch,
  rankingScopes,
  slogansList,
} from './lexicon.js';

/** The opening of a paragraph that looks back: 过去五年, 五年来, 一年来, 回顾过去. */
const REVIEW_OPENING = /^(?:过去(?:的)?[一二三四五六七八九十两]年|[一二三四五六七八九十两]年来|一年来|回顾过去)/;

/** The first characters of the paragraph holding offset `a` (at most 200 characters back). */
function paragraphHead(t: string, a: number): string {
  const k = paragraphStart(t, a);
  return k === -1 ? '' : t.slice(k, k + 12);
}

/** Where the paragraph holding offset `a` starts, after its indentation (-1 beyond 200 characters back). */
function paragraphStart(t: string, a: number): number {
  let k = a;
  const lo = Math.max(0, a - 200);
  while (k > lo && t.charCodeAt(k - 1) !== 10) k--;
  if (k === lo && lo > 0) return -1;
  while (k < a && /[\s\u3000]/.test(t.charAt(k))) k++;
  return k;
}

/** A span of years that opens a paragraph and frames all of it: 五年来，…; 过去五年，… */
const PARAGRAPH_SPAN = /^(?:过去(?:的)?[一二三四五六七八九十两]年|[一二三四五六七八九十两]年来)(?=[，,：:])/;

/** A rate of change named before its number: its number is a growth, not a level. */
const RATE_OF_CHANGE =
  /(增长|增速|涨幅|增幅|降幅|降低幅度|下降幅度|压减幅度)(?:的)?(?:预期)?(?:目标)?(?:控制在|保持在|稳定在|完成|实现|为|是|在|达到|达)?(?:不低于|不超过|不高于|约|近|超过)?$/;
/** A comparison with a named comparator right before a gap in points: 高于全国0.7个百分点. */
const COMPARED = /(高于|低于|快于|慢于|高出|低出)(?:全国|全省|全市|全区|全州|平均水平|全国平均|同期|预期)?(?:水平)?$/;
/** A cut that opens its clause, before its object and number: 削减审批事项62项, 精简30.5%. */
const CUT_FIRST = /^(?:再|大力|累计|共|全年)?(?:削减|精简|压减|压降|减少|撤并|取消)/;
const LEADING_SCOPE = /^(?:全省|全市|全区|全县|全国|今年|全年|去年|同时|其中)/;

/** Scope prefixes that open a claim's clause; 全年 there is a period, not a scope. */
const SCOPE_PREFIXES_NOT_YEAR = SCOPE_PREFIXES.filter((s) => s !== '全年');

/** A code-unit table of `chars`, for the backward scans. */
function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(65536);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/** Characters that end a clause. */
const CLAUSE_BREAK = charTable('，；。！？：\n,;:!?');
/** Characters that end a sentence. */
const SENTENCE_END = charTable('。！？\n!?');

/** The offset after the last character of `table` in t[lo, at), or lo when none is there. */
function afterLast(t: string, table: Uint8Array, lo: number, at: number): number {
  for (let k = at - 1; k >= lo; k--) if (table[t.charCodeAt(k)]) return k + 1;
  return lo;
}

type Role = 'value' | 'growth' | 'rank' | 'baseline';

interface Item {
  tok: NumberToken;
  role: Role;
  /** normalised end of the quantity (after unit and bound words) */
  end: number;
  bound: Quantity['bound'];
  direction: Growth['direction'] | null;
  basis: string | null;
  metric: { start: number; end: number } | null;
  distribute: boolean;
  /** for the head of a 分别 list: the clause text before it, where the subjects are listed */
  head: { start: number; end: number } | null;
  /** the place of the number in a 分别 list (0 for its head), else null */
  listIndex: number | null;
  /** a share of what its metric names (占世界的60%, 农村居民人均可支配收入的45%), not that metric itself */
  share: boolean;
}

interface Draft {
  metric: { start: number; end: number } | null;
  value: Item | null;
  baseline: Item | null;
  growth: Item | null;
  ranks: Item[];
  start: number;
  end: number;
  first: Item;
}

/**
 * The role each section's claims are read in (the stages before this one give statements and
 * sections; this one needs the roles). A closing part that follows the plans (各位代表！…
 * 省直部门运转性支出再压减5%。…让我们…) speaks of what is to be done, as the plans do: its claims
 * are read as the plans' are.
 */
export function sectionRoles(sections: Section[]): Map<string, Section['role']> {
  const m = new Map<string, Section['role']>();
  const visit = (secs: Section[], as: Section['role'] | null) => {
    for (const s of secs) {
      m.set(s.id, as ?? s.role);
      visit(s.children, as);
    }
  };
  let previous: Section['role'] | null = null;
  for (const s of sections) {
    visit([s], s.role === 'closing' && previous === 'plans' ? 'plans' : null);
    previous = s.role === 'closing' ? previous : s.role;
  }
  return m;
}

/**
 * How far back a number's context is read. Real clauses are far shorter; the bound keeps a
 * statement without punctuation (a hostile input) from making the stage quadratic.
 */
const WINDOW = 240;

/** An aside that says what a figure leaves out or takes in: （不含银行、证券、保险领域）, （包括…）. */
const EXCLUSION_ASIDE = /[（(](?:不含|不包括|不计|扣除|含|包括)[^（()）\n]{1,60}[）)]\s*$/;

/** The exclusion aside that ends right before `pos` (a bracket of at most 64 characters), or null. */
function exclusionBefore(t: string, from: number, pos: number): { open: number } | null {
  const c = t.charAt(pos - 1);
  if (c !== '）' && c !== ')' && !/\s/.test(c)) return null;
  const lo = Math.max(from, pos - 66);
  const m = EXCLUSION_ASIDE.exec(t.slice(lo, pos));
  return m ? { open: lo + m.index } : null;
}

/** Offset where the clause holding `pos` starts (normalised), not before `from` nor WINDOW back. */
function clauseStart(t: string, from: number, pos: number): number {
  return afterLast(t, CLAUSE_BREAK, Math.max(from, pos - WINDOW), pos);
}

/** The statement text before `at`, at most WINDOW characters (and the statement's first clause). */
function headOf(t: string, a: number, at: number): string {
  return at - a <= WINDOW ? t.slice(a, at) : t.slice(at - WINDOW, at);
}

const PERIOD_RE =
  /(?:[0-9]{4}年(?:[0-9]{1,2}月)?[—\-－~～至到][0-9]{4}年(?:[0-9]{1,2}月)?|届时|前三季度|前(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})个月|[一二三四]季度|上半年|下半年|全年|今年以来|去年以来|年初以来|[0-9]{1,2}[—\-－~～至到][0-9]{1,2}月份?|截至[^，。；]{0,10}?(?:底|末|止)|截至目前|[0-9]{4}[—\-－~～至到][0-9]{4}年|[0-9]{4}年(?:底|末|上半年|前三季度)?|过去[一二三四五六七八九十两]年|[一二三四五六七八九十两]年(?:来|间)|[一二三四五六七八九十两]年(?=年均|累计|共|总计|平均|增加|增长|提高|翻)|近[一二三四五六七八九十两0-9]+年|“十[一二三四五六]五”(?:时期|期间)?|十[一二三四五六]五(?:时期|期间))/g;

/** Slogans by their first character, longest first, built once. */
let slogansByFirst: Map<number, string[]> | null = null;
/** 1 for the code units a slogan starts with: most characters start none, and skip the map */
const sloganFirst = new Uint8Array(65536);
function sloganIndex(): Map<number, string[]> {
  if (!slogansByFirst) {
    slogansByFirst = new Map();
    for (const w of slogansList()) {
      const k = w.charCodeAt(0);
      sloganFirst[k] = 1;
      const list = slogansByFirst.get(k);
      if (list) list.push(w);
      else slogansByFirst.set(k, [w]);
    }
  }
  return slogansByFirst;
}

/**
 * Spans of slogans from dictionaries/slogans.txt inside t[a, b): one pass over the statement, trying
 * at each character only the slogans that start with it (not one search per slogan).
 */
function sloganSpans(t: string, a: number, b: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const index = sloganIndex();
  for (let k = a; k < b; k++) {
    const c = t.charCodeAt(k);
    if (!sloganFirst[c]) continue;
    const ws = index.get(c);
    if (!ws) continue;
    for (const w of ws) {
      if (k + w.length <= b && t.startsWith(w, k)) out.push([k, k + w.length]);
    }
  }
  return out;
}

/**
 * For each token (in document order), 1 when a span of `spans` (sorted by start) holds it whole. One
 * walk over both lists: a statement with many numbers and many slogans stays linear.
 */
function insideSpans(toks: NumberToken[], spans: Array<[number, number]>): Uint8Array {
  const out = new Uint8Array(toks.length);
  let j = 0;
  let reach = -1;
  for (let k = 0; k < toks.length; k++) {
    const tok = toks[k];
    while (j < spans.length && spans[j][0] <= tok.start) reach = Math.max(reach, spans[j++][1]);
    if (tok.end <= reach) out[k] = 1;
  }
  return out;
}

/** Why a number is no claim, or null when it may be one. */
function excluded(t: string, a: number, tok: NumberToken, next: NumberToken | undefined, inSlogan: boolean): string | null {
  const before = t.charAt(tok.start - 1);
  const afterNum = t.charAt(tok.end);
  const afterUnit = t.slice(tok.after, tok.after + 4);
  if (inSlogan) return 'slogan';
  // 7814亿元（折1263亿美元）: the same amount in another currency, not a claim of its own
  if (/[（(](?:约)?(?:折|折合|合)(?:约)?$/.test(t.slice(Math.max(a, tok.start - 4), tok.start))) return 'conversion';
  if (inShortQuote(t, tok)) return 'name';
  if (tok.chinese) {
    // Chinese numerals are only read in the genre's claim patterns; years and ages are no claims
    if (tok.unit && /^(?:年|岁|周年|月|日|天)$/.test(tok.unit.base)) return 'period';
    return null;
  }
  // URLs, codes, 5G, C919, PM2.5
  if (/[A-Za-z_/=&#@\\]/.test(before) || /[A-Za-z_/=&#@\\]/.test(afterNum)) {
    if (!(tok.unit && /^[A-Za-z]/.test(tok.unit.unit))) return 'name';
  }
  if (before === '.' || (afterNum === '.' && /[0-9]/.test(t.charAt(tok.end + 1)))) return 'name';
  if (before === '+' || afterNum === '+' || t.charAt(tok.after) === '+') return 'slogan';
  // years: 2023年, ****年, 2018—2022年, 2025/1/14
  const isYearLike = tok.raw.length === 4 && (tok.masked ? !tok.pattern : tok.value! >= 1900 && tok.value! <= 2100);
  if (isYearLike && (afterNum === '年' || /^[—\-－~～至到]\d{4}/.test(t.slice(tok.end, tok.end + 5)))) return 'year';
  if (isYearLike && !tok.unit && /[—\-－/.年]/.test(afterNum || '')) return 'year';
  const base = tok.unit?.base ?? '';
  // dates and months: 11月*日, 1—11月, 11月底
  if (base === '月' && !tok.unit?.scale) return 'date';
  if ((base === '日' || afterNum === '号') && /[月]/.test(before)) return 'date';
  if (tok.upper && tok.upper.unit?.base === '月') return 'period';
  // 前11个月，…: the claim's period, not a count of months
  if (base === '个月' && before === '前' && !tok.unit?.scale) return 'period';
  if (base === '年' && !tok.unit?.scale) {
    const pre = t.slice(Math.max(a, tok.start - 4), tok.start);
    if (/(?:连续|近|过去|未来|今后|延长|再延长|历时|经过|时隔|相隔|用|这|前|后|最近|此前|之后)$/.test(pre)) return 'period';
    if (/^(?:来|以来|间|内|后|前|中|期间|时间)/.test(afterUnit)) return 'period';
  }
  if (base === '天' || base === '小时' || base === '分钟') {
    if (/^(?:内|以内)/.test(afterUnit) && /[在于]$/.test(t.slice(tok.start - 1, tok.start))) return null;
  }
  if (before === '届') return 'ordinal';
  // ordinals: 第十四届, 第3批, 第1次 (第2位 is a rank)
  if (before === '第' && !/^[位名]/.test(t.charAt(tok.end))) return 'ordinal';
  // names: 10号线, 3.0版, 75周年, 4A级, 二十大
  if (/^(?:号线|号|版|周年|届|代|期|级|星级|型|路|线|大|次会议|次全会|类|批次|环|纵|横|强)/.test(t.slice(tok.end, tok.end + 4)) && !tok.unit) return 'name';
  if (!tok.unit && /^(?:号|周年|届)/.test(t.slice(tok.end, tok.end + 2))) return 'name';
  if (tok.unit && /^(?:周年|号线)/.test(t.slice(tok.end, tok.end + 3))) return 'name';
  // a category, not a measurement: 500万元以上投资项目, 亿元以上项目
  const bound = /^(?:以上|以下)/.test(afterUnit) ? 2 : /^(?:及以上|及以下)/.test(afterUnit) ? 3 : 0;
  if (bound && CATEGORY_UNITS.test(base) && /[\u4e00-\u9fff]/.test(t.charAt(tok.after + bound)) && !/[的和及或、]/.test(t.charAt(tok.after + bound))) return 'category';
  // a quantity right before another one names a group: 1剂次**万人
  if (next && next.start === tok.after && tok.unit) return 'name';
  if (next && next.start === tok.after + 1 && '余多'.includes(t.charAt(tok.after)) === false && t.charAt(tok.after) === '个') return 'name';
  // a bare number: only with a copula or as a ratio
  if (!tok.unit) {
    const pre = t.slice(Math.max(a, tok.start - 3), tok.start);
    if (before === '第') return null;
    if (afterNum === '∶' || afterNum === ':' || before === '∶') return null;
    if (/(?:评为|命名为|称为|定为|作为|成为|列为)$/.test(t.slice(Math.max(a, tok.start - 3), tok.start))) return 'name';
    if (/(?:为|达|达到|至|到|是|:|比|约|近|超过|突破)$/.test(pre)) return null;
    // 从6.32下降至6.08: a baseline
    if (/[从由]$/.test(pre) && /^[^，。；]{0,6}?(?:到|至)/.test(t.slice(tok.end, tok.end + 8))) return null;
    if (tok.upper) return null;
    return 'bare';
  }
  return null;
}

/** Thresholds that define a class (500万元以上投资项目, 60岁及以上老人) rather than count it. */
const CATEGORY_UNITS = /^(?:元|美元|欧元|吨|千瓦|兆瓦|千伏|伏|平方米|亩|公顷|岁|千瓦时|立方米|人|米|公里|级|星)$/;

/** Inside a short quotation: “3个100”, “十强”产业, “1313” — a name or slogan. */
function inShortQuote(t: string, tok: NumberToken): boolean {
  // bounded scans: an unbounded lastIndexOf would make a text without quotes quadratic
  let q = -1;
  for (let k = tok.start - 1; k >= Math.max(0, tok.start - 8); k--) {
    const c = t.charAt(k);
    if (c === '”') return false;
    if (c === '“') {
      q = k;
      break;
    }
  }
  if (q === -1) return false;
  for (let k = tok.end; k <= q + 12 && k < t.length; k++) if (t.charAt(k) === '”') return true;
  return false;
}

interface Ctx {
  t: string;
  a: number;
  b: number;
}

function growthVerb(pre: string): { verb: string; dir: 'up' | 'down'; rest: string } | null {
  let s = pre;
  for (let guard = 0; guard < 8; guard++) {
    const m = endsWithAny(s, MODIFIERS);
    if (!m) break;
    s = s.slice(0, -m.length);
  }
  const cmp = /比[^，。；]{1,14}?(高出|高|低|快|慢|多|少)了?$/.exec(s);
  if (cmp) return { verb: cmp[1], dir: /高|快|多/.test(cmp[1]) ? 'up' : 'down', rest: s.slice(0, cmp.index) };
  const up = endsWithAny(s, GROWTH_UP);
  const down = endsWithAny(s, GROWTH_DOWN);
  if (!up && !down) return null;
  if ((up === '增' || up === '增加') && /新增$|新增加$/.test(s)) return null;
  const verb = (up?.length ?? 0) >= (down?.length ?? 0) ? up! : down!;
  // 增加值 / 增长点 are nouns
  return { verb, dir: verb === up ? 'up' : 'down', rest: s.slice(0, -verb.length) };
}

function boundOf(t: string, tok: NumberToken, pre: string): { bound: Quantity['bound']; end: number } {
  const after = t.slice(tok.after, tok.after + 3);
  // 余/多 between the number and the unit (***余篇) were read into the unit: bound approx
  const between = t.slice(tok.end, tok.unit ? tok.unit.end - tok.unit.unit.length : tok.end);
  if (/^[余多]/.test(between) || (tok.unit && t.slice(tok.end, tok.after).replace(tok.unit.unit, '').match(/[余多]/))) {
    return { bound: 'approx', end: tok.after };
  }
  for (const [w, b] of BOUND_AFTER) {
    if (after.startsWith(w)) {
      if ((w === '多' || w === '余') && tok.unit) {
        // 100多万 is read as the scale; after a full unit 多/余 is a bound only before punctuation
        if (!/[，。、；）\s]|^$/.test(t.charAt(tok.after + 1))) continue;
      }
      if (w === '内' && !/[，。、；]/.test(t.charAt(tok.after + 1))) continue;
      return { bound: b, end: tok.after + w.length };
    }
  }
  // 上千万, 破亿, 过万亿: a bound word right before a bare place value
  if (tok.chinese && /(?:上|过|破|超|逾|突破|超过|跨越)$/.test(pre)) return { bound: 'gte', end: tok.after };
  const bw = endsWithAny(pre, BOUND_BEFORE_WORDS);
  if (bw) {
    if (bw === '上' && !/[跃迈登走]上$/.test(pre)) return { bound: null, end: tok.after };
    if (bw === '过' && !/(?:超过|突破|过)$/.test(pre.slice(-2))) return { bound: null, end: tok.after };
    return { bound: BOUND_BEFORE.find(([w]) => w === bw)![1], end: tok.after };
  }
  return { bound: null, end: tok.after };
}

export function extractClaims(
  text: string,
  norm: Normalized,
  statements: Statement[],
  sections: Section[],
  _placeholders: Placeholder[],
  _warnings: string[],
): Claim[] {
  const t = norm.text;
  const skip = looksLikeMarkdown(t) ? boldDelimiters(t) : undefined;
  const roles = sectionRoles(sections);
  const planYears = planYearsOf(sections);
  const claims: Claim[] = [];
  const at = normalizedOffsets(norm);
  for (const st of statements) {
    const a = at(st.span.start);
    const b = at(st.span.end);
    const drafts = claimsOfStatement({ t, a, b }, skip);
    if (drafts.length === 0) continue;
    const sectionRole = roles.get(st.sectionId) ?? 'body';
    // 过去五年，…: a paragraph that opens on the years under review tells outcomes, even in a plans part
    const role = sectionRole === 'plans' && REVIEW_OPENING.test(paragraphHead(t, a)) ? 'body' : sectionRole;
    for (const d of drafts) claims.push(toClaim(text, norm, st, d, role, claims.length + 1, { t, a, b }, planYears.get(st.sectionId) ?? null));
  }
  return claims;
}

/**
 * toNormalized for offsets asked mostly in increasing order (statement after statement): from the
 * last answer, walking forward, instead of a binary search each time; the same answers.
 */
function normalizedOffsets(norm: Normalized): (offset: number) => number {
  if (norm.sameLength) return (offset) => toNormalized(norm, offset);
  const map = norm.map;
  const last = map.length - 1;
  let lastOffset = 0;
  let lastAt = 0;
  return (offset) => {
    if (offset < lastOffset) return toNormalized(norm, offset);
    // the answer is the first k at or after lastAt with map[k] >= offset (map[lastAt] >= lastOffset,
    // and every k before lastAt maps below lastOffset). The map grows by at least one a step, so
    // lastAt + (offset - lastOffset) maps to offset or beyond: walk back from there over the
    // characters dropped in between (a CR, a zero-width space), usually none
    let k = Math.min(last, lastAt + (offset - lastOffset));
    while (k > lastAt && map[k - 1] >= offset) k--;
    lastOffset = offset;
    lastAt = k;
    return k;
  };
}

function claimsOfStatement(ctx: Ctx, skip: Set<number> | undefined): Draft[] {
  const { t, a, b } = ctx;
  const toks = scanNumbers(t, a, b, skip);
  if (toks.length === 0) return [];
  const inSlogan = insideSpans(toks, sloganSpans(t, a, b));
  const uppers = new Set(toks.filter((x) => x.upper).map((x) => x.upper!));
  const items: Item[] = [];
  let prevEnd = a;
  for (let k = 0; k < toks.length; k++) {
    const tok = toks[k];
    if (uppers.has(tok)) continue;
    if (excluded(t, a, tok, tok.upper ? toks[k + 2] : toks[k + 1], inSlogan[k] === 1)) {
      // an excluded number stays part of the metric text around it: PM2.5浓度, 1剂次**万人
      continue;
    }
    const aside = exclusionBefore(t, a, tok.start);
    // 实际使用外商直接投资（不含银行、证券、保险领域）1383亿美元: the clause and its metric are
    // before the aside, whose 、 are no clause breaks
    const cs = aside ? clauseStart(t, a, aside.open) : clauseStart(t, a, tok.start);
    const from = Math.max(cs, prevEnd);
    const pre = t.slice(cs, tok.start);
    const { bound, end } = boundOf(t, tok.upper ?? tok, pre);
    let role: Role = 'value';
    let direction: Growth['direction'] | null = null;
    let basis: string | null = null;
    const u = tok.unit?.base ?? '';
    // the unit as written after the number (for a range, its upper end's)
    const unitText = (tok.upper ?? tok).unit?.unit ?? '';
    if (tok.form === 'rank-cn' || tok.form === 'first' || tok.form === 'top' || (t.charAt(tok.start - 1) === '第' && /^[位名]/.test(u || t.charAt(tok.end)))) {
      role = 'rank';
    } else if (tok.form === 'fan') {
      role = 'growth';
      direction = 'up';
    } else if (tok.form === 'plain' && !tok.chinese && t.charAt(tok.start - 1) === '前' && /^[位名强]/.test(t.charAt(tok.end))) {
      role = 'rank';
    } else {
      const g = growthVerb(t.slice(Math.max(from, tok.start - 16), tok.start));
      if (g && !/[到至为]$/.test(t.slice(tok.start - 1, tok.start))) {
        role = 'growth';
        direction = g.dir;
        const window = t.slice(cs, tok.start);
        basis = BASIS.find((w) => window.includes(w)) ?? null;
      }
      const near = t.slice(Math.max(cs, tok.start - 14), tok.start);
      if (role === 'value' && unitText === '倍' && /是[^，。；]{1,12}的$/.test(near)) {
        // 旅游收入达到69亿元，是2010年的2.6倍: a multiple of a base year is a change
        role = 'growth';
        direction = 'up';
      }
      const gap = role === 'value' && /个?百分点$/.test(unitText) ? COMPARED.exec(near) : null;
      if (gap) {
        // 增长5.7%，高于全国0.7个百分点: the gap to a comparator
        role = 'growth';
        direction = /高|快/.test(gap[1]) ? 'up' : 'down';
      }
      // 削减审批事项62项, 精简30.5%: a cut named before its object
      if (role === 'value' && CUT_FIRST.test(t.slice(Math.max(from, cs), tok.start).replace(LEADING_SCOPE, ''))) {
        role = 'growth';
        direction = 'down';
      }
      const rateWord = role === 'value' ? RATE_OF_CHANGE.exec(near) : null;
      if (rateWord) {
        // 经济增长预期目标为5%左右, 居民消费价格涨幅控制在3%以内, 降低幅度不低于0.5个百分点
        role = 'growth';
        direction = /降|减/.test(rateWord[1]) ? 'down' : 'up';
      }
      // 从80%提高到87%: the first number is the baseline
      if (role === 'value' && /[从由]$/.test(t.slice(Math.max(a, tok.start - 1), tok.start))) {
        const afterQ = t.slice(end, end + 8);
        if (/^(?:[^，。；]{0,4})(?:到|至)/.test(afterQ)) role = 'baseline';
      }
    }
    // the metric: the text before the number in its clause, after the previous quantity
    // 分别 lists share the metric of the claims before
    const distribute = /分别/.test(t.slice(cs, tok.start)) || (items.length > 0 && items[items.length - 1].distribute && /^[、和及]\s*$/.test(t.slice(prevEnd, tok.start)));
    let metric = trimMetric(t, from, aside && aside.open > from ? aside.open : tok.start, distribute ? 64 : 16);
    if (role === 'rank') {
      // 世界文化遗产数量居全球城市首位: the subject before the rank verb is the metric
      const seg = t.slice(from, tok.start);
      let v: RegExpExecArray | null = null;
      for (const m of seg.matchAll(/位居|位列|居于|跃居|稳居|名列|排名|排在|进入|跻身|入选|居|列|排/g)) v = m;
      metric = v ? trimMetric(t, from, from + v.index!, 16) : metric;
    }
    const prevItem = items[items.length - 1];
    const continues = distribute && !!prevItem?.distribute && !/分别/.test(t.slice(prevEnd, tok.start)) && /^[、和及与\s]*$/.test(t.slice(prevEnd, tok.start));
    if (continues) {
      // 分别增长5.1%、6.1%和13.8%: the list shares the head's role
      if (prevItem.role === 'growth' || prevItem.role === 'value') {
        role = prevItem.role;
        direction = prevItem.direction;
        basis = prevItem.basis;
      }
      metric = null;
    } else {
      // 召开7次全会, 完成9000亩湿地修复: the measured thing follows the number when the words
      // before it only say what was done
      const before = metric;
      const post = role === 'value' ? postMetric(t, tok, end, b, () => onlyVerbs(t, before)) : null;
      if (post) metric = post;
      // 用好20亿元, 惠及53万户, 统筹20亿元: a lone verb names nothing; the subject before carries over
      else if (metric && loneVerb(t.slice(metric.start, metric.end))) metric = null;
    }
    const listIndex = continues ? (prevItem.listIndex ?? 0) + 1 : distribute ? 0 : null;
    // 占世界的60%, 收入的45%: a share of the thing named, which never takes that thing's id
    // 不到珠三角的一半, 是全国的三分之二: a fraction of another thing's figure is a share too
    const fractionOf = (tok.form === 'fraction' || tok.raw === '一半') && /的$/.test(t.slice(Math.max(cs, tok.start - 1), tok.start));
    const share = role === 'value' && ((/^(?:%|％)$/.test(unitText) && (/的$/.test(t.slice(Math.max(cs, tok.start - 1), tok.start)) || /^(?:约|近)?占/.test(t.slice(Math.max(from, cs), tok.start)))) || fractionOf);
    items.push({ tok, role, end, bound, direction, basis, metric, distribute, head: distribute && !continues ? { start: cs, end: tok.start } : null, listIndex, share });
    // a metric read after the number is not the next number's too (210万亩新造林、205万亩森林抚育)
    prevEnd = metric && metric.start >= end ? metric.end : end;
  }
  return group(items, t);
}

/** Split a metric list 交通、水利 / 生产安全事故起数、死亡人数 into n ranges, or null. */
function splitList(t: string, r: { start: number; end: number }, n: number): Array<{ start: number; end: number }> | null {
  const parts: Array<{ start: number; end: number }> = [];
  let s0 = r.start;
  for (let k = r.start; k <= r.end; k++) {
    if (k === r.end || '、和及与'.includes(t.charAt(k))) {
      if (k - s0 >= 1) parts.push(trimMetric(t, s0, k, 16) ?? { start: Math.max(s0, k - 16), end: k });
      s0 = k + 1;
    }
  }
  if (parts.length !== n) return null;
  return parts;
}

/** Group items into claims: growth, ranks and metric-less values join the claim they belong to. */
function group(items: Item[], t: string): Draft[] {
  const drafts: Draft[] = [];
  const newDraft = (it: Item): Draft => {
    const d: Draft = { metric: it.metric, value: null, baseline: null, growth: null, ranks: [], start: it.metric?.start ?? it.tok.start, end: it.end, first: it };
    drafts.push(d);
    return d;
  };
  let pendingBaseline: Item | null = null;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    const last = drafts[drafts.length - 1];
    const ownMetric = ownMetricOf(it, t) ? it.metric : null;
    if (it.role === 'baseline') {
      pendingBaseline = it;
      continue;
    }
    if (it.role === 'growth') {
      if (it.distribute) {
        // 技术合同成交额**亿元，技术交易额**亿元，分别增长**%、**%
        const run = [it];
        while (k + 1 < items.length && items[k + 1].role === 'growth' && items[k + 1].distribute && !items[k + 1].head) run.push(items[++k]);
        const open = drafts.filter((d) => !d.growth && d.value);
        const targets = open.slice(-run.length);
        // subjects listed in the 分别 clause itself (固定资产投资、社会消费品零售总额分别增长10%和2.3%)
        // are the metrics, even when values of other metrics came before in the sentence
        const subjects = it.head && it.metric ? splitList(t, it.metric, run.length) : null;
        if (subjects && run.length > 1) {
          run.forEach((g, i) => {
            const nd = newDraft(g);
            nd.growth = g;
            nd.metric = subjects[i];
          });
          continue;
        }
        if (targets.length === run.length && run.length > 1) {
          targets.forEach((d, i) => {
            d.growth = run[i];
            d.end = Math.max(d.end, run[i].end);
          });
          continue;
        }
        for (const g of run) {
          const d = drafts[drafts.length - 1];
          if (d && !d.growth && !ownMetricOf(g, t)) {
            d.growth = g;
            d.end = Math.max(d.end, g.end);
          } else {
            const nd = newDraft(g);
            nd.growth = g;
            if (!ownMetricOf(g, t) && d) nd.metric = d.metric;
          }
        }
        continue;
      }
      if (last && !last.growth && !ownMetric) {
        last.growth = it;
        last.end = Math.max(last.end, it.end);
        continue;
      }
      const d = newDraft(it);
      d.growth = it;
      if (!ownMetric && last) d.metric = last.metric;
      continue;
    }
    if (it.role === 'rank') {
      if (last && !ownMetric) {
        last.ranks.push(it);
        last.end = Math.max(last.end, it.end);
        continue;
      }
      const d = newDraft(it);
      d.ranks.push(it);
      continue;
    }
    // value
    if (it.distribute && it.head) {
      // 交通、水利分别完成投资3083亿元、550亿元
      const run = [it];
      while (k + 1 < items.length && items[k + 1].role === 'value' && items[k + 1].distribute && !items[k + 1].head) run.push(items[++k]);
      const subjects = it.metric ? splitList(t, it.metric, run.length) : null;
      run.forEach((v, i) => {
        const nd = newDraft(v);
        nd.value = v;
        nd.metric = subjects ? subjects[i] : it.metric;
      });
      continue;
    }
    const d = newDraft(it);
    d.value = it;
    if (pendingBaseline) {
      d.baseline = pendingBaseline;
      d.start = Math.min(d.start, pendingBaseline.metric?.start ?? pendingBaseline.tok.start);
      if (!ownMetric) d.metric = pendingBaseline.metric;
      pendingBaseline = null;
    } else if (!ownMetric && last) {
      d.metric = last.metric;
    }
  }
  if (pendingBaseline) {
    const d = newDraft(pendingBaseline);
    d.value = pendingBaseline;
  }
  return drafts;
}

/**
 * A number names its own metric unless the words before it are function words or a bare generic
 * head (总量居全国第2, 总数达132所: the total of the subject named before).
 */
function ownMetricOf(it: Item, t: string): boolean {
  if (!it.metric) return false;
  const s = t.slice(it.metric.start, it.metric.end);
  return !isOnlyFunctionWords(s) && !GENERIC_HEADS.has(s);
}

function quantity(text: string, norm: Normalized, it: Item): Quantity {
  const tok = it.tok;
  const last = tok.upper ?? tok;
  const span = toOriginal(norm, tok.start, last.after);
  const unit = last.unit ?? tok.unit;
  const num = tok.value;
  const scaled =
    num === null || tok.masked
      ? null
      : unit
        ? { number: roundScaled(num * unit.factor), unit: unit.base || (unit.kind === 'scale' ? '' : unit.unit) }
        : { number: num, unit: '' };
  return {
    raw: text.slice(span.start, span.end),
    span,
    number: tok.masked ? null : num,
    upper: tok.upper ? (tok.upper.masked ? null : tok.upper.value) : null,
    masked: tok.masked || !!tok.upper?.masked,
    pattern: tok.pattern,
    unit: unit ? unit.unit : null,
    scaled,
    bound: it.bound,
    ...(tok.tooLarge || tok.upper?.tooLarge ? { tooLarge: true } : {}),
  };
}

function roundScaled(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * The year each plans part is about, from its top heading (二、2025年工作安排 → 2025), for the
 * sections under it: a figure there said of an earlier year by number (2024年全省地区生产总值增长5.8%)
 * is an outcome recalled, not a target.
 */
function planYearsOf(sections: Section[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const top of sections) {
    if (top.role !== 'plans') continue;
    const m = /((?:19|20)\d{2})年/.exec(top.heading?.text ?? '');
    if (!m) continue;
    const walk = (s: Section) => {
      out.set(s.id, Number(m[1]));
      s.children.forEach(walk);
    };
    walk(top);
  }
  return out;
}

function toClaim(text: string, norm: Normalized, st: Statement, d: Draft, role: Section['role'], n: number, ctx: Ctx, planYear: number | null = null): Claim {
  const { t, a } = ctx;
  const elems = [d.value, d.baseline, d.growth, ...d.ranks].filter((x): x is Item => !!x);
  let firstTok = Infinity;
  let end = -Infinity;
  let lastTok = -Infinity;
  for (const e of elems) {
    if (e.tok.start > lastTok) lastTok = e.tok.start;
    if (e.tok.start < firstTok) firstTok = e.tok.start;
    if (e.end > end) end = e.end;
  }
  // 新增城镇就业120万人: a lead word trimmed off the metric (新增) that opens a known name of it
  if (d.metric && d.metric.end > d.metric.start && !d.value?.share && !metricMatch(t.slice(d.metric.start, d.metric.end))) {
    const m = d.metric;
    const w = LEAD_WORDS.find((x) => x.length >= 2 && t.startsWith(x, m.start - x.length) && metricMatch(x + t.slice(m.start, m.end))?.start === 0);
    if (w) d.metric = { start: m.start - w.length, end: m.end };
  }
  const start = Math.min(d.metric?.start ?? firstTok, firstTok);
  if (d.metric && d.metric.end > end) end = d.metric.end;
  const span = toOriginal(norm, start, end);
  const metricSpan = d.metric ? toOriginal(norm, d.metric.start, d.metric.end) : null;
  // reported text is the original's; the canonical id is matched on the normalised copy
  const metricText = metricSpan ? text.slice(metricSpan.start, metricSpan.end) : '';
  const metricNorm = d.metric ? t.slice(d.metric.start, d.metric.end) : '';
  const ranks: Rank[] = d.ranks.map((r) => {
    const rs = toOriginal(norm, r.tok.start, r.tok.after);
    const preStart = clauseStart(t, a, r.tok.start);
    const pre = t.slice(Math.max(preStart, r.tok.start - 14), r.tok.start);
    let scope: string | null = null;
    let at = -1;
    for (const s of rankingScopes()) {
      const k = pre.lastIndexOf(s);
      if (k > at) {
        at = k;
        scope = s;
      }
    }
    return {
      raw: text.slice(rs.start, rs.end),
      span: rs,
      scope,
      position: r.tok.masked ? null : r.tok.value,
      masked: r.tok.masked,
      top: r.tok.form === 'top' || t.charAt(r.tok.start - 1) === '前',
    };
  });
  // period: the last period expression before the claim's first number, in the statement
  let period: Claim['period'] = null;
  PERIOD_RE.lastIndex = 0;
  const headStart = Math.max(a, firstTok - WINDOW);
  const head = t.slice(headStart, firstTok);
  let m: RegExpExecArray | null;
  while ((m = PERIOD_RE.exec(head))) {
    const at = headStart + m.index;
    const to = at + m[0].length;
    const ps = toOriginal(norm, at, to);
    const kind = periodKindZh(m[0], t.slice(Math.max(a, at - 2), at), t.slice(to, to + 1));
    period = { text: text.slice(ps.start, ps.end), span: ps, kind };
  }
  if (!period) {
    // 五年来，经济实力跃上新台阶。…城镇新增就业6600万人以上: the span that opens the paragraph frames
    // each of its sentences
    const p0 = paragraphStart(t, a);
    const pm = p0 === -1 ? null : PARAGRAPH_SPAN.exec(t.slice(p0, p0 + 8));
    if (pm) {
      const ps = toOriginal(norm, p0, p0 + pm[0].length);
      period = { text: text.slice(ps.start, ps.end), span: ps, kind: periodKindZh(pm[0], '') };
    }
  }
  // scope: 全市, 全省, 区外… at the start of the claim's clause
  const clause = t.slice(clauseStart(t, a, start), firstTok);
  // 拉动地区生产总值增长2.5个百分点: a contribution to the metric's growth, not the metric's own figure
  const contribution = !!d.metric && /(?:拉动|带动|拉高)$/.test(t.slice(Math.max(a, d.metric.start - 2), d.metric.start));
  const canon = contribution ? null : canonicalOf(t, d, metricNorm);
  // 东部地区生产总值, 珠三角地区工业技改投资: the words before a known metric's head say where
  // (a lead word between the place and the head is no part of the place: 广州市实现地区生产总值)
  const before = canon && canon.start > 0 ? metricNorm.slice(0, canon.start).replace(LEAD_BEFORE_HEAD, '') : '';
  const scope =
    startsWithAny(clause.replace(/^(?:其中|同时|今年以来|截至目前)/, ''), SCOPE_PREFIXES_NOT_YEAR) ??
    (/(区外|市外|省外|境外|国外|县外)/.exec(clause)?.[1] ?? null) ??
    (before.length >= 2 && before.length <= 8 && !NOT_A_SCOPE.test(before) && /^[\u4e00-\u9fff]+$/.test(before) ? before : null);
  return {
    id: `c${n}`,
    statementId: st.id,
    span,
    text: text.slice(span.start, span.end),
    metric: { text: metricText || null, span: metricText ? metricSpan : null, canonical: canon?.id ?? null },
    value: d.value ? quantity(text, norm, d.value) : null,
    baseline: d.baseline ? quantity(text, norm, d.baseline) : null,
    growth: d.growth
      ? { direction: d.growth.direction ?? 'up', quantity: quantity(text, norm, d.growth), basis: d.growth.basis, average: d.growth.basis === '年均' || d.growth.basis === '年平均' }
      : null,
    ranks,
    period,
    modality: modality(t, a, firstTok, lastTok, role, period?.kind === 'horizon', planYear !== null && period?.kind === 'year' && earlierYear(period.text, planYear)),
    scope,
  };
}

/**
 * The canonical id of a claim's metric; for a growth whose metric names only its subject (经济增长
 * 5.5%左右: 经济), the subject with the growth word after it.
 */
function canonicalOf(t: string, d: Draft, metricNorm: string): { id: string; start: number } | null {
  if (d.value?.share) return null;
  const item = (d.growth ?? d.value)?.listIndex ?? undefined;
  const m = metricNorm ? metricMatch(metricNorm, 'zh', item === undefined ? {} : { item }) : null;
  if (m || !d.metric || !d.growth) return m;
  const gap = d.growth.tok.start - d.metric.end;
  if (gap < 1 || gap > 6) return null;
  return metricMatch(t.slice(d.metric.start, d.growth.tok.start).replace(/(?:了|约|近|超过|达到|为)+$/, ''));
}

/** Words before a metric's head that say nothing of where: no scope. */
const NOT_A_SCOPE = /^(?:[0-9]{4}年|今年|去年|全年|当年|年末|年底|新增|新建|累计|实现|完成|其中|同时|城镇|农村|居民|人均|规模以上|规上)/;

/** A pattern matching where any of `words` occurs: one scan to tell that none does (most clauses). */
function anyOf(words: readonly string[]): RegExp {
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}
const FORECAST_ANY = anyOf(FORECAST_CUES);
const ACTUAL_ANY = anyOf(ACTUAL_CLAUSE_CUES);
/** the target cues and the modal 要 (targetClause is true only when one of them occurs) */
const TARGET_ANY = anyOf([...TARGET_CLAUSE_CUES, '要']);

/**
 * 预计 governs the whole sentence when it opens it (预计全市地区生产总值增长5.2%左右，…), and
 * otherwise only its own clause (…，预计全年将首次突破**亿大关).
 */
function forecastCue(head: string): boolean {
  if (!FORECAST_ANY.test(head)) return false;
  for (const c of FORECAST_CUES) {
    const k = head.lastIndexOf(c);
    if (k === -1) continue;
    const firstClause = !/[，；：,;:]/.test(head.slice(0, k));
    const sameClause = !/[，；：,;:]/.test(head.slice(k));
    if (firstClause || sameClause) return true;
  }
  return false;
}

/**
 * A claim's modality: a forecast cue, then a target list's lead (今年发展主要预期目标是：…), then the
 * claim's own clause (去年…增长5.2% is an outcome even in the plan part; 力争…增长5% is a target even
 * in a review), and only then the role of the section it stands in.
 */
/** Whether a period names a year before `year` by its number (2024年, 2024年全年). */
function earlierYear(period: string, year: number): boolean {
  const m = /^((?:19|20)\d{2})年/.exec(period);
  return !!m && Number(m[1]) < year;
}

function modality(t: string, a: number, at: number, last: number, role: Section['role'], horizon: boolean, pastYear = false): Modality {
  const head = headOf(t, a, at);
  if (forecastCue(head)) return 'forecast';
  // the clause of the claim's first number, through to its last (10.77万亿元、同比增长6.2%)
  const clause = t.slice(clauseStart(t, a, at), Math.max(at, last));
  // 预期目标是：地区生产总值达到240亿元，同比增长21%: a list of targets, whatever its words
  if (targetLead(sentenceHead(t, at))) return 'target';
  if (actualClause(clause)) return 'actual';
  if (targetClause(clause)) return 'target';
  // 到2035年，…: what is to be reached by a date is a goal
  if (horizon) return 'target';
  if (role === 'plans') {
    if (pastYear || ACTUAL_CUES_IN_PLANS.some((c) => head.includes(c))) return 'actual';
    return 'target';
  }
  return 'actual';
}

/** An outcome cue in the claim's own clause; 比上年, 较去年 only name a comparison's basis. */
function actualClause(clause: string): boolean {
  if (!ACTUAL_ANY.test(clause)) return false;
  for (const c of ACTUAL_CLAUSE_CUES) {
    for (let k = clause.indexOf(c); k !== -1; k = clause.indexOf(c, k + 1)) {
      if (!/[比较]/.test(clause.charAt(k - 1))) return true;
    }
  }
  return false;
}

/** A target cue in the claim's own clause: 力争, 确保, 争取, 预期, 目标, 计划, 拟, 要 (not 确保了, 重要). */
function targetClause(clause: string): boolean {
  if (!TARGET_ANY.test(clause)) return false;
  for (const c of TARGET_CLAUSE_CUES) {
    const k = clause.indexOf(c);
    if (k === -1 || clause.charAt(k + c.length) === '了' || ACHIEVED_BEFORE.test(clause.slice(Math.max(0, k - 6), k))) continue;
    if (NOT_TARGET_WORDS.some((w) => {
      const i = clause.indexOf(w);
      return i !== -1 && i <= k && k < i + w.length;
    })) continue;
    return true;
  }
  // the modal 要 (要实现, 要达到, 全年要新增…), not 重要, 主要, 需要, 要求, 纲要
  for (let k = clause.indexOf('要'); k !== -1; k = clause.indexOf('要', k + 1)) {
    if (!MODAL_YAO_BEFORE.includes(clause.charAt(k - 1)) && !MODAL_YAO_AFTER.includes(clause.charAt(k + 1))) return true;
  }
  return false;
}

/**
 * The sentence before `at`, across statements split at ；(a target list: 主要预期目标是：…；…；…。),
 * at most 2 × WINDOW characters back.
 */
function sentenceHead(t: string, at: number): string {
  return t.slice(afterLast(t, SENTENCE_END, Math.max(0, at - 2 * WINDOW), at), at);
}

/** The sentence opens a list of targets: 主要预期目标是：, 目标为, 发展目标： (not 完成了预期目标). */
function targetLead(head: string): boolean {
  // every form of TARGET_LEAD holds 目标; most sentences have none
  if (!head.includes('目标')) return false;
  for (const m of head.matchAll(TARGET_LEAD)) {
    if (!ACHIEVED_BEFORE.test(head.slice(Math.max(0, m.index! - 8), m.index!))) return true;
  }
  return false;
}
