/**
 * The words that decide a number's role, bound and modality. Kept together so that the rules in
 * index.ts read as rules; the vocabulary that is data (units, metrics, scopes, slogans) lives in
 * dictionaries/.
 */
import { loadJson, loadList } from '../dictionaries.js';

export const GROWTH_UP = ['扩招', '增长', '增加', '提高', '提升', '上升', '上涨', '增速', '增幅', '涨幅', '扩大', '增', '涨', '多增', '拉动', '翻'];
export const GROWTH_DOWN = ['下降', '降低', '减少', '回落', '下滑', '降幅', '缩小', '压减', '压缩', '缩短', '削减', '减量', '下调', '减', '降', '跌', '节约', '节省'];

/** Measure words: a count whose metric usually follows it (新建10家省级示范区). */
export const MEASURE_WORDS = new Set(['个', '家', '项', '座', '条', '支', '所', '批', '名', '户', '件', '套', '处', '台', '辆', '部', '款', '场', '种', '间', '栋', '宗', '笔', '艘', '架', '列', '门', '篇', '册', '只', '株', '棵', '头']);

/** Modifiers that stand between a growth verb and its number: 增长了约5%, 同比分别增长. */
export const MODIFIERS = [
  '分别', '同比', '均', '各', '平均', '年均', '年平均', '累计', '共', '约', '近', '超过', '超', '逾', '达到', '达', '了', '为', '实际', '名义', '可比价', '按可比价格计算',
  '比上年', '较上年', '比去年', '较去年', '比上年同期', '较上年同期', '较去年同期', '比年初', '较年初', '环比', '个', '突破', '高于', '低于', '快于', '慢于', '以上', '左右', '继续', '再', '又', '进一步',
];

export const BASIS = ['较上年同期', '比上年同期', '较去年同期', '比去年同期', '同比', '环比', '比上年', '较上年', '比去年', '较去年', '年均', '年平均', '比年初', '较年初'];

export const FORECAST_CUES = ['预计', '有望', '预测', '可望', '预估', '估计'];
/** Outside a plans part, these make a number a target. */
export const STRONG_TARGET_CUES = ['预期目标', '主要目标', '目标是', '目标为', '力争', '预期'];
/** Inside a plans part, these make a number an achievement. */
export const ACTUAL_CUES_IN_PLANS = ['去年', '过去一年', '过去五年', '已经', '已有', '已建成', '已完成', '上年完成'];

export const SCOPE_PREFIXES = ['全国', '全省', '全市', '全区', '全县', '全州', '全盟', '全疆', '全年', '全社会', '全域', '我国', '我省', '我市', '我区', '本市', '本省'];

export const LEAD_WORDS = [
  '其中', '同时', '此外', '另外', '并', '并且', '共', '累计', '总计', '合计', '全年', '今年', '去年', '当年', '年内', '目前', '截至目前', '截至', '现已', '已', '已经', '均', '分别',
  '实现', '完成', '达到', '达', '新增', '新建', '建成', '培育', '推动', '推进', '带动', '帮助', '支持', '开展', '组织', '举办', '实施', '落实', '争取', '力争', '确保', '预计', '约', '近', '超过',
];

export const TRAILING_VERBS = [
  '由', '从', '破', '跨越', '达到', '达', '为', '是', '至', '到', '实现', '完成', '超过', '突破', '逾', '超', '约', '近', '接近', '保持在', '控制在', '稳定在', '提高到', '提高至', '增加到', '增加至', '提升到', '提升至',
  '下降到', '下降至', '降低到', '降低至', '降至', '增至', '升至', '扩大到', '扩大至', '减少到', '减少至', '压减至', '压缩至', '缩短至', '缩短到', '累计', '共', '总计', '合计',
  '有', '共有', '拥有', '新增', '增加', '增长', '提高', '提升', '上升', '下降', '降低', '减少', '同比', '分别', '平均', '年均', '均', '了', '达到了', '居', '位居', '位列', '排名', '跃居', '列', '稳居', '名列', '第', '前', '全国', '全省',
];

export const BOUND_AFTER: Array<[string, 'gte' | 'lte' | 'approx']> = [
  ['以上', 'gte'], ['之上', 'gte'], ['以内', 'lte'], ['以下', 'lte'], ['之内', 'lte'], ['左右', 'approx'], ['上下', 'approx'], ['余', 'approx'], ['多', 'approx'], ['内', 'lte'],
];
export const BOUND_BEFORE: Array<[string, 'gte' | 'lte' | 'approx']> = [
  ['不低于', 'gte'], ['不少于', 'gte'], ['不超过', 'lte'], ['不高于', 'lte'], ['不到', 'lte'], ['不足', 'lte'], ['低于', 'lte'], ['超过', 'gte'], ['突破', 'gte'], ['高于', 'gte'],
  ['至少', 'gte'], ['逾', 'gte'], ['超', 'gte'], ['过', 'gte'], ['上', 'gte'], ['约', 'approx'], ['近', 'approx'], ['大约', 'approx'], ['接近', 'approx'], ['将近', 'approx'],
];

export const BOUND_BEFORE_WORDS = BOUND_BEFORE.map(([w]) => w);

let scopes: string[] | null = null;
export function rankingScopes(): string[] {
  if (!scopes) scopes = [...loadList('ranking-scopes.txt')].sort((a, b) => b.length - a.length);
  return scopes;
}

let slogans: string[] | null = null;
export function slogansList(): string[] {
  if (!slogans) slogans = [...loadList('slogans.txt')].sort((a, b) => b.length - a.length);
  return slogans;
}

interface MetricEntry {
  zh: string[];
  en: string[];
}
let metricAliases: { zh: Array<[string, string]>; en: Array<[string, string]> } | null = null;

/** Aliases → canonical id, longest alias first, per language. */
export function metricIndex(): { zh: Array<[string, string]>; en: Array<[string, string]> } {
  if (metricAliases) return metricAliases;
  const raw = loadJson<Record<string, MetricEntry | string>>('metrics.json');
  const zh: Array<[string, string]> = [];
  const en: Array<[string, string]> = [];
  for (const [id, entry] of Object.entries(raw)) {
    if (id.startsWith('$') || typeof entry === 'string') continue;
    for (const a of entry.zh) zh.push([a, id]);
    for (const a of entry.en) en.push([a.toLowerCase(), id]);
  }
  zh.sort((a, b) => b[0].length - a[0].length);
  en.sort((a, b) => b[0].length - a[0].length);
  metricAliases = { zh, en };
  return metricAliases;
}

/** The canonical id of a metric phrase: the longest alias it contains. */
let byFirst: Map<string, Array<[string, string]>> | null = null;

export function canonicalMetric(phrase: string, lang: 'zh' | 'en' = 'zh'): string | null {
  if (!phrase) return null;
  const idx = metricIndex()[lang];
  const p = lang === 'en' ? phrase.toLowerCase() : phrase;
  if (lang === 'en') {
    for (const [alias, id] of idx) if (p.includes(alias)) return id;
    return null;
  }
  if (!byFirst) {
    byFirst = new Map();
    for (const e of idx) {
      const k = e[0].charAt(0);
      if (!byFirst.has(k)) byFirst.set(k, []);
      byFirst.get(k)!.push(e);
    }
  }
  // the longest alias found anywhere in the phrase
  let best: [string, string] | null = null;
  for (let i = 0; i < p.length; i++) {
    const cands = byFirst.get(p.charAt(i));
    if (!cands) continue;
    for (const e of cands) {
      if ((!best || e[0].length > best[0].length) && p.startsWith(e[0], i)) best = e;
    }
  }
  return best ? best[1] : null;
}
