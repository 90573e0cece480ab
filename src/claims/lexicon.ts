/**
 * The words that decide a number's role, bound and modality. Kept together so that the rules in
 * index.ts read as rules; the vocabulary that is data (units, metrics, scopes, slogans) lives in
 * dictionaries/.
 */
import { loadList } from '../dictionaries.js';

export const GROWTH_UP = ['扩招', '增长', '增加', '提高', '提升', '上升', '上涨', '增速', '增幅', '涨幅', '扩大', '增', '涨', '多增', '拉动', '翻'];
export const GROWTH_DOWN = ['下降', '降低', '减少', '回落', '下滑', '降幅', '缩小', '压减', '压降', '压缩', '缩短', '削减', '减量', '下调', '减', '降', '跌', '节约', '节省'];

/** Measure words: a count whose metric usually follows it (新建10家省级示范区). */
export const MEASURE_WORDS = new Set(['个', '家', '项', '座', '条', '支', '所', '批', '名', '户', '件', '套', '处', '台', '辆', '部', '款', '场', '种', '间', '栋', '宗', '笔', '艘', '架', '列', '门', '篇', '册', '只', '株', '棵', '头']);

/** Modifiers that stand between a growth verb and its number: 增长了约5%, 同比分别增长. */
export const MODIFIERS = [
  '分别', '同比', '均', '各', '平均', '年均', '年平均', '累计', '共', '约', '近', '超过', '超', '逾', '达到', '达', '了', '为', '实际', '名义', '可比价', '按可比价格计算',
  '比上年', '较上年', '比去年', '较去年', '比上年同期', '较上年同期', '较去年同期', '比年初', '较年初', '环比', '个', '突破', '高于', '低于', '快于', '慢于', '以上', '左右', '继续', '再', '又', '再次', '首次', '进一步', '大幅', '大幅度', '明显', '显著', '稳步', '持续', '分别从',
];

export const BASIS = ['较上年同期', '比上年同期', '较去年同期', '比去年同期', '同比', '环比', '比上年', '较上年', '比去年', '较去年', '年均', '年平均', '比年初', '较年初'];

export const FORECAST_CUES = ['预计', '有望', '预测', '可望', '预估', '估计'];
/** In a claim's own clause, these make it an outcome, wherever it stands. */
export const ACTUAL_CLAUSE_CUES = ['去年', '上年', '过去一年', '过去五年', '五年来', '十年来', '已经', '已有', '已建成', '已完成', '已达', '已累计', '实现了', '完成了', '达到了', '增长了', '截至', '同比', '较上年同期', '比上年同期', '今年以来'];
/** In a claim's own clause, these make it a target, wherever it stands (unless 了 follows: 确保了). */
export const TARGET_CLAUSE_CUES = ['力争', '确保', '预期', '目标', '拟', '力促'];
/** Before a target word, these say it was reached: 完成了预期目标, 超额完成目标任务. */
export const ACHIEVED_BEFORE = /(?:完成|实现|达到|超额|好于|高于|低于|优于|超出|超过|圆满)[^，。；]{0,6}$/;
/** Words that hold a target word and are no target: 人均预期寿命, 超预期. */
export const NOT_TARGET_WORDS = ['预期寿命', '超预期', '好于预期', '高于预期', '低于预期', '目标导向', '目标管理'];
/** The lead of a list of targets. */
export const TARGET_LEAD = /(?:预期目标|主要目标|发展目标|奋斗目标|目标任务|目标)(?:是|为|：|:)|主要预期目标/g;
/** Characters around 要 that make it a noun or another word (重要, 主要, 需要, 要求, 纲要). */
export const MODAL_YAO_BEFORE = '重主需纲首只必提简摘扼概纪机政';
export const MODAL_YAO_AFTER = '求素点害闻件紧务员领义';
/** Inside a plans part, these make a number an achievement. */
export const ACTUAL_CUES_IN_PLANS = ['去年', '过去一年', '过去五年', '已经', '已有', '已建成', '已完成', '上年完成'];

/** A lead word between a place and the head of its metric, no part of the place: 广州市实现地区生产总值. */
export const LEAD_BEFORE_HEAD = /(?:实现|完成|达到|达|累计|全年|共)$/;

/** Heads that measure the subject named before them: 总量居全国第2, 总数达132所. */
export const GENERIC_HEADS = new Set(['总量', '总数', '规模', '总规模', '数量', '总额', '总计', '人数', '增速', '增幅', '占比', '比重', '总产', '产量', '量', '数']);

export const SCOPE_PREFIXES = ['全国', '全省', '全市', '全区', '全县', '全州', '全盟', '全疆', '全年', '全社会', '全域', '我国', '我省', '我市', '我区', '本市', '本省'];

export const LEAD_WORDS = [
  '其中', '同时', '此外', '另外', '每年', '每月', '每天', '每季度', '年内', '当年', '明年', '届时', '并', '并且', '共', '累计', '总计', '合计', '全年', '今年', '去年', '目前', '截至目前', '截至', '现已', '已', '已经', '均', '分别',
  '实现', '完成', '达到', '达', '新增', '新建', '建成', '培育', '推动', '推进', '带动', '帮助', '支持', '开展', '组织', '举办', '实施', '落实', '争取', '力争', '确保', '预计', '约', '近', '超过',
];

/** After a count, words that are no metric: 突破10万亿元大关. */
export const POST_NOT_METRIC = ['大关', '关口', '台阶', '大台阶', '新台阶', '左右', '以上'];

/** Verbs that start the predicate after a counted subject: 8300家企业开展技术改造, 467人受到责任追究. */
export const POST_PREDICATES = new Set(['开展', '实施', '参与', '参加', '获得', '受到', '享受', '进行', '接受', '入驻', '落户', '加入', '获评', '荣获', '成为', '列入', '受益', '使用', '启动', '推进']);

export const TRAILING_VERBS = [
  '由', '从', '破', '跨越', '达到', '达', '为', '是', '至', '到', '实现', '完成', '超过', '突破', '逾', '超', '约', '近', '接近', '保持在', '控制在', '稳定在', '提高到', '提高至', '增加到', '增加至', '提升到', '提升至',
  '下降到', '下降至', '降低到', '降低至', '降至', '增至', '升至', '扩大到', '扩大至', '减少到', '减少至', '压减至', '压缩至', '缩短至', '缩短到', '累计', '共', '总计', '合计',
  '保持', '继续保持', '只保留', '保留', '有', '共有', '拥有', '新增', '增加', '增长', '提高', '提升', '上升', '下降', '降低', '减少', '同比', '分别', '平均', '年均', '均', '了', '达到了', '居', '位居', '位列', '排名', '跃居', '列', '稳居', '名列', '第', '前', '全国', '全省',
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

/** Canonical metric ids live in canonical.ts; re-exported here so every caller keeps working. */
export { metricIndex, canonicalMetric, metricMatch, metricInfo, metricIds } from './canonical.js';
