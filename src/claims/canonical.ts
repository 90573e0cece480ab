/**
 * Canonical metric ids (dictionaries/metrics.json): which indicator a metric phrase names, and what
 * is known of that indicator (its unit kind, which way is better, whether it is a level, a rate, a
 * share or a count).
 *
 * The rule, Chinese: a phrase gets the id of an alias only when the alias is the phrase's HEAD —
 * what the phrase measures — not a modifier inside it. Chinese noun phrases end with their head, so
 *
 * 1. the alias must end the phrase, but for words that say how the metric moved or is stated
 *    (`$after`: 增长, 增速, 总额, 年均增长, 比上年…): 生产总值年均增长 → gdp;
 * 2. a share, ratio or part of a metric ends with its own head (比例, 比重, 之比, 中位数, 能耗…),
 *    so it never takes the metric's id: 财政性教育经费占国内生产总值比例 is not gdp — it has its own
 *    alias, and a share the genre rarely uses gets no id;
 * 3. before the alias stand only the report's own scope, time and lead words (`$before`: 全省,
 *    地区, 城镇, 全年, 新建…) and numbers with 年/月. Any other modifier makes another aggregate
 *    or a part: 海洋生产总值 and 数字经济核心产业增加值 are not gdp, nor is 广州经济总量 in a
 *    provincial report or 脱贫地区农村居民收入 rural income — a place or kind of area named before
 *    the head may be the report's whole or a part of it, and the phrase alone cannot tell;
 * 4. an alias marked `agent` is an action of the discipline genre (立案, 处分, 谈话函询): the words
 *    before it may also name the body that acted (`$agents`: 纪检监察机关, 中央巡视组…) and how it
 *    acted (受到, 给予) — 全国纪检监察机关共立案 — but nothing else: 治安案件立案数 and 刑事立案 are
 *    police figures, not the discipline commission's;
 * 5. the longest alias wins where two end at the same place (人均地区生产总值 over 生产总值), and a
 *    short alias inside a longer word is not that word's head (出口 in 进出口 is preceded by 进);
 * 6. a note in brackets after the head is not part of it: 固定资产投资（不含农户）, 国内生产总值[2];
 * 7. the last item of a list (、和及) is not the head of the list: 批评教育、谈话函询;
 * 8. a phrase that names two metrics at once (`$pairs`: 城乡居民人均可支配收入 — urban, rural) gets
 *    no id alone, and item k's id when the claims stage says it is item k of a 分别 list.
 *
 * English: the longest alias anywhere in the phrase, on word boundaries (M2 is not in km2);
 * src/claims/en.ts decides relations (percentage of GDP).
 *
 * One pass over the phrase: aliases are indexed by their first character (first letter in English).
 */
import { loadJson } from '../dictionaries.js';
import { foldWidthCode } from '../normalize/index.js';

export const METRIC_UNITS = [
  'percent', 'points', 'money', 'count', 'people', 'mass', 'area', 'length', 'volume', 'energy', 'power', 'turnover', 'concentration', 'days', 'years', 'ratio',
] as const;
export const METRIC_POLARITIES = ['higher-better', 'lower-better', 'ceiling', 'neutral'] as const;
export const METRIC_KINDS = ['level', 'rate', 'share', 'count'] as const;

export type MetricUnit = (typeof METRIC_UNITS)[number];
export type MetricPolarity = (typeof METRIC_POLARITIES)[number];
export type MetricKind = (typeof METRIC_KINDS)[number];

export interface MetricInfo {
  id: string;
  zh: string[];
  en: string[];
  unit: MetricUnit;
  polarity: MetricPolarity;
  kind: MetricKind;
  /** the alias is an action; the words before it name who acted (立案, 处分) */
  agent: boolean;
}

/** Where an alias matched: [start, end) in the phrase as given. */
export interface MetricMatch {
  id: string;
  alias: string;
  start: number;
  end: number;
}

export interface CanonicalOptions {
  /** Chinese: the longest alias anywhere in the phrase, head or not (to ask whether a phrase mentions a metric). */
  anywhere?: boolean;
  /**
   * Chinese: the phrase is item `item` (0-based) of a 分别 list, and a phrase that names a pair at
   * once (`$pairs`: 城乡居民人均可支配收入 → urban, rural) gets that item's id. Without it a pair gets
   * none: 城乡居民人均可支配收入 is neither the urban nor the rural figure.
   */
  item?: number;
}

interface RawEntry {
  zh?: unknown;
  en?: unknown;
  unit?: unknown;
  polarity?: unknown;
  kind?: unknown;
  agent?: unknown;
}

interface Dict {
  info: Map<string, MetricInfo>;
  /** zh alias → [alias, id], grouped by first two characters, longest first */
  zhIndex: AliasIndex;
  /** en alias (lower case) → [alias, id], grouped by first character, longest first */
  enByFirst: Map<string, Array<[string, string]>>;
  zh: Array<[string, string]>;
  en: Array<[string, string]>;
  /** `$before` words by the code of their first character */
  before: Map<number, string[]>;
  /** `$before` and `$agents` together, for agent aliases */
  beforeAgent: Map<number, string[]>;
  /** `$after` words by the code of their first character */
  after: Map<number, string[]>;
  /** `$pairs`: a phrase naming two metrics at once → their ids in order */
  pairs: Map<string, string[]>;
  pairIndex: AliasIndex;
}

/**
 * Aliases by the code unit of their first character, and under it by the second (`two`) or, for
 * one-character aliases, alone (`one`), each group in the list's order (longest first). The aliases
 * that can start at a position are then the few of its first two characters, then those of one.
 */
interface AliasIndex {
  /** 1 for the code units an alias starts with (most characters of a phrase start none) */
  starts: Uint8Array;
  byFirst: Map<number, { two: Map<number, Array<[string, string]>>; one: Array<[string, string]> | null }>;
}

function aliasIndex(list: ReadonlyArray<[string, string]>): AliasIndex {
  const index: AliasIndex = { starts: new Uint8Array(65536), byFirst: new Map() };
  for (const e of list) {
    const a = e[0];
    if (!a) continue; // an empty alias starts no match at any position
    index.starts[a.charCodeAt(0)] = 1;
    let g = index.byFirst.get(a.charCodeAt(0));
    if (!g) index.byFirst.set(a.charCodeAt(0), (g = { two: new Map(), one: null }));
    if (a.length === 1) (g.one ??= []).push(e);
    else {
      let l = g.two.get(a.charCodeAt(1));
      if (!l) g.two.set(a.charCodeAt(1), (l = []));
      l.push(e);
    }
  }
  return index;
}

/** Words by the code unit of their first character, each group in the list's order. */
function wordsByFirstCode(list: readonly string[]): Map<number, string[]> {
  const m = new Map<number, string[]>();
  for (const w of list) {
    if (!w) continue;
    const k = w.charCodeAt(0);
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push(w);
  }
  return m;
}

let dict: Dict | null = null;

function strings(v: unknown, what: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x)) throw new Error(`baogao: dictionaries/metrics.json: ${what} must be a list of non-empty strings`);
  return v as string[];
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], what: string): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw new Error(`baogao: dictionaries/metrics.json: ${what} must be one of ${allowed.join(', ')} (got ${JSON.stringify(v)})`);
  return v as T;
}

/** Items grouped by the first character of their word, each group in the list's order. */
function byFirst<T>(list: readonly T[], word: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const e of list) {
    const k = word(e).charAt(0);
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push(e);
  }
  return m;
}

const aliasOf = (e: [string, string]) => e[0];

function load(): Dict {
  if (dict) return dict;
  const raw = loadJson<Record<string, RawEntry | string | string[]>>('metrics.json');
  const info = new Map<string, MetricInfo>();
  const zh: Array<[string, string]> = [];
  const en: Array<[string, string]> = [];
  for (const [id, entry] of Object.entries(raw)) {
    if (id.startsWith('$')) continue;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new Error(`baogao: dictionaries/metrics.json: ${id} must be an object`);
    const m: MetricInfo = {
      id,
      zh: strings(entry.zh, `${id}.zh`),
      en: strings(entry.en ?? [], `${id}.en`),
      unit: oneOf(entry.unit, METRIC_UNITS, `${id}.unit`),
      polarity: oneOf(entry.polarity, METRIC_POLARITIES, `${id}.polarity`),
      kind: oneOf(entry.kind, METRIC_KINDS, `${id}.kind`),
      agent: entry.agent === true,
    };
    info.set(id, m);
    for (const a of m.zh) zh.push([foldWidth(a), id]);
    for (const a of m.en) en.push([a.toLowerCase(), id]);
  }
  zh.sort((a, b) => b[0].length - a[0].length);
  en.sort((a, b) => b[0].length - a[0].length);
  const beforeWords = strings(raw.$before ?? [], '$before');
  const before = wordsByFirstCode(beforeWords);
  const beforeAgent = wordsByFirstCode([...beforeWords, ...strings(raw.$agents ?? [], '$agents')]);
  const afterList = strings(raw.$after ?? [], '$after');
  const pairs = new Map<string, string[]>();
  const rawPairs = (raw.$pairs ?? {}) as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(rawPairs)) {
    const ids = strings(v, `$pairs.${k}`);
    for (const id of ids) if (!info.has(id)) throw new Error(`baogao: dictionaries/metrics.json: $pairs.${k} names an unknown id ${id}`);
    pairs.set(foldWidth(k), ids);
  }
  const pairList: Array<[string, string]> = [...pairs.keys()].map((k) => [k, k]);
  pairList.sort((a, b) => b[0].length - a[0].length);
  dict = {
    info,
    zh,
    en,
    zhIndex: aliasIndex(zh),
    enByFirst: byFirst(en, aliasOf),
    before,
    beforeAgent,
    after: wordsByFirstCode(afterList),
    pairs,
    pairIndex: aliasIndex(pairList),
  };
  return dict;
}

function foldWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldWidthCode(s.charCodeAt(i)));
  return out;
}

/** What the dictionary knows of a canonical id, or null for an unknown id. */
export function metricInfo(id: string): MetricInfo | null {
  return load().info.get(id) ?? null;
}

/** Every canonical id, in the dictionary's order. */
export function metricIds(): string[] {
  return [...load().info.keys()];
}

/** Aliases → canonical id, longest alias first, per language (English in lower case). */
export function metricIndex(): { zh: Array<[string, string]>; en: Array<[string, string]> } {
  const d = load();
  return { zh: d.zh, en: d.en };
}

const LIST_MARKS = new Set(['、', '和', '及', '与', '或', '，', ',']);
const OPEN = new Set(['（', '(', '[', '［', '【'].map((c) => c.charCodeAt(0)));
const CLOSE = new Set(['）', ')', ']', '］', '】'].map((c) => c.charCodeAt(0)));

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Whether p[0, end) is made only of scope, time and lead words and numbers with 年/月:
 * a left-to-right walk over reachable positions (each position tries the few words that start with
 * its character), so linear in the prefix.
 */
function prefixAllowed(p: string, end: number, before: Map<number, string[]>): boolean {
  if (end === 0) return true;
  const reach = new Uint8Array(end + 1);
  reach[0] = 1;
  for (let i = 0; i < end; i++) {
    if (!reach[i]) continue;
    const words = before.get(p.charCodeAt(i));
    if (words) for (const w of words) if (i + w.length <= end && p.startsWith(w, i)) reach[i + w.length] = 1;
    const c = p.charCodeAt(i);
    if (isDigit(c)) {
      // 2024年, 1-11月, 2.5年: a number and the time word after it
      let j = i;
      while (j < end && (isDigit(p.charCodeAt(j)) || p[j] === '.' || p[j] === '-' || p[j] === '—' || p[j] === '~' || p[j] === '至')) j++;
      for (const w of ['年度', '年末', '年底', '季度', '年', '月', '日']) {
        if (j + w.length <= end && p.startsWith(w, j)) reach[j + w.length] = 1;
      }
    }
  }
  return reach[end] === 1;
}

/**
 * The positions e such that p[e, n) is made only of `$after` words (e = n included), as a bitmap:
 * walked right to left, each position trying the few lengths an `$after` word can have.
 */
function tailEnds(p: string, d: Dict): Uint8Array {
  const n = p.length;
  const ok = new Uint8Array(n + 1);
  ok[n] = 1;
  let close = -1; // the nearest closing bracket to the right
  for (let e = n - 1; e >= 0; e--) {
    const c = p.charCodeAt(e);
    if (CLOSE.has(c)) close = e;
    // a note in brackets after the head, closed or cut off by the phrase's end: 固定资产投资（不含农户, 国内生产总值[2]
    if (OPEN.has(c) && (close === -1 || ok[close + 1])) {
      ok[e] = 1;
      continue;
    }
    const ws = d.after.get(c);
    if (ws) {
      for (const w of ws) {
        if (e + w.length <= n && ok[e + w.length] && p.startsWith(w, e)) {
          ok[e] = 1;
          break;
        }
      }
    }
  }
  return ok;
}

/**
 * The head of p among the aliases of `index`: the alias ending nearest the phrase's end (only
 * `$after` words after it), then the longest, whose prefix is scope, time or lead words (or, for an
 * agent alias, the body that acted): 高速铁路运营里程 is 高速铁路, not 铁路运营里程 after 高速.
 * With `ends` null, the longest alias anywhere.
 */
function headOf(p: string, ends: Uint8Array | null, index: AliasIndex, d: Dict): { e: [string, string]; start: number } | null {
  let best: { e: [string, string]; start: number } | null = null;
  const heads: Array<{ e: [string, string]; start: number }> = [];
  const n = p.length;
  for (let i = 0; i < n; i++) {
    const c0 = p.charCodeAt(i);
    if (!index.starts[c0]) continue;
    const g = index.byFirst.get(c0)!;
    // the aliases of two or more characters that start with p[i, i + 2), then those of one (all
    // shorter): the order of the aliases starting with p[i] that can match here, longest first
    const longer = i + 1 < n ? g.two.get(p.charCodeAt(i + 1)) : undefined;
    const single = g.one;
    if (!longer && !single) continue;
    let found = false;
    if (longer) {
      for (const e of longer) {
        const a = e[0];
        if (!p.startsWith(a, i)) continue;
        if (ends) {
          if (!ends[i + a.length]) continue;
          heads.push({ e, start: i });
        } else if (!best || a.length > best.e[0].length) {
          best = { e, start: i };
        }
        found = true;
        break; // candidates are longest first: the first that fits here is the longest here
      }
    }
    if (found || !single) continue;
    for (const e of single) {
      const a = e[0];
      if (ends) {
        if (!ends[i + 1]) continue;
        heads.push({ e, start: i });
      } else if (!best || a.length > best.e[0].length) {
        best = { e, start: i };
      }
      break;
    }
  }
  if (!ends) return best;
  heads.sort((x, y) => y.start + y.e[0].length - (x.start + x.e[0].length) || y.e[0].length - x.e[0].length);
  for (const h of heads) {
    // the last item of a list is not the list's head: 批评教育、谈话函询 (any alias, agent or not)
    if (h.start > 0 && LIST_MARKS.has(p.charAt(h.start - 1))) continue;
    if (prefixAllowed(p, h.start, d.info.get(h.e[1])?.agent ? d.beforeAgent : d.before)) return h;
  }
  return null;
}

function matchZh(phrase: string, opts: CanonicalOptions): MetricMatch | null {
  const d = load();
  const p = foldWidth(phrase);
  const ends = opts.anywhere ? null : tailEnds(p, d);
  if (opts.item !== undefined && ends) {
    // a pair named at once, its items given in order by 分别: 城乡居民人均可支配收入分别增长7.3%、8.2%
    const h = headOf(p, ends, d.pairIndex, d);
    if (h) {
      const id = d.pairs.get(h.e[0])![opts.item] ?? null;
      return id ? { id, alias: h.e[0], start: h.start, end: h.start + h.e[0].length } : null;
    }
  }
  const h = headOf(p, ends, d.zhIndex, d);
  return h ? { id: h.e[1], alias: h.e[0], start: h.start, end: h.start + h.e[0].length } : null;
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function matchEn(phrase: string): MetricMatch | null {
  const d = load();
  const p = phrase.toLowerCase();
  let best: [string, string] | null = null;
  let bestStart = -1;
  for (let i = 0; i < p.length; i++) {
    if (i > 0 && isWordChar(p.charCodeAt(i - 1)) && isWordChar(p.charCodeAt(i))) continue; // not a word start
    const cands = d.enByFirst.get(p.charAt(i));
    if (!cands) continue;
    for (const e of cands) {
      const a = e[0];
      if (best && a.length <= best[0].length) break;
      const end = i + a.length;
      if (!p.startsWith(a, i)) continue;
      // inside a word (a plural s may follow: deficit → deficits)
      if (isWordChar(p.charCodeAt(end - 1)) && isWordChar(p.charCodeAt(end)) && !(p.charAt(end) === 's' && !isWordChar(p.charCodeAt(end + 1)))) continue;
      best = e;
      bestStart = i;
      break;
    }
  }
  return best ? { id: best[1], alias: best[0], start: bestStart, end: bestStart + best[0].length } : null;
}

/** The alias that gives a metric phrase its canonical id, and where it stands in the phrase. */
export function metricMatch(phrase: string, lang: 'zh' | 'en' = 'zh', opts: CanonicalOptions = {}): MetricMatch | null {
  if (!phrase) return null;
  return lang === 'en' ? matchEn(phrase) : matchZh(phrase, opts);
}

/** The canonical id of a metric phrase (see the rules above), or null. */
export function canonicalMetric(phrase: string, lang: 'zh' | 'en' = 'zh', opts: CanonicalOptions = {}): string | null {
  return metricMatch(phrase, lang, opts)?.id ?? null;
}
