/**
 * Stage: claims, English. The quantified claims of an English report in the same Claim shape as
 * the Chinese ones (src/claims/index.ts), so that both languages land in one indicator table and
 * can be compared (src/compare): the metric and its canonical id (dictionaries/metrics.json, "en"
 * aliases), value / baseline / growth / ranks, period, modality and scope.
 *
 * Who does what:
 * - **compromise** tags each statement that holds a number (part of speech, to cut the metric
 *   down to its noun phrase: "The registered urban unemployment rate stood at…" → "registered urban
 *   unemployment rate") and reads numbers written in words ("ten million", "four times", ordinals
 *   for ranks: "ranking second");
 * - our own scanner reads numbers in digits, which compromise splits or misreads ("US$138.3
 *   billion", "6.7-percent", "6–6.5 percent", "0.2-percentage-point"), with the scales and units
 *   of dictionaries/units.en.json: million/billion/trillion fold into `scaled.number`, and the unit
 *   maps to the Chinese base unit (percent → %, percentage points → 个百分点, yuan → 元, metric
 *   tons → 吨, people → 人) so that `scaled` compares across languages (12.06 million = 1206万);
 * - our own rules give the role of a number (growth after rose/grew/increased by…, fell/dropped…,
 *   "an 8.5-percent increase", "up 14.7%"; baseline in "from X to Y"; rank for ordinals after
 *   ranked/placed or before "in the world", "nationwide", "largest"), its bound (over/more than →
 *   gte, around/about/nearly → approx, below/under/within → lte), and what is no claim (years,
 *   dates, ordinals outside rankings, names such as PM2.5, 5G, G20, COVID-19, Five-Year Plan,
 *   periods "over the past five years").
 *
 * Quantity fields for English: `number` is the number as written (12.06 for "12.06 million";
 * 10 for "ten million"), `unit` the scale and unit as written ("million", "trillion yuan",
 * "percent", "percentage points", "US$ billion"), `scaled` the number with the scale folded in
 * and the Chinese base unit ('' for a bare count). "doubled" / "tripled" / "quadrupled" are growths
 * without a written number, read as increases of 1 / 2 / 3 times (scaled 1 倍 = 提高一倍; src/compare
 * reads 翻一番 the same way); fractions are read as shares only after "by" or before "of" ("cut by a
 * third" = 减少三分之一 = 0.333, a bare count).
 *
 * Roles follow the Chinese reader's conventions where English is ambiguous: a rate changed
 * ("cut energy intensity by 3.1%") is a growth, but an amount an action moves ("cut steel capacity
 * by 30 million tons", a planned "cropland will be increased by 5.33 million hectares") is a value,
 * as the Chinese says it (压减钢铁产能3000万吨, 新增高标准农田8000万亩); "the number of… by", per-head
 * levels ("by 30 yuan per person") and past passives ("was reduced by 11.09 million") stay growths.
 */
import { periodKindEn } from './period.js';
import { createRequire } from 'node:module';

/** compromise's term, as its View keeps it (docs: sentences of terms) */
interface NlpTerm {
  text: string;
  pre: string;
  post: string;
  tags: Set<string>;
}
type Nlp = ((text: string) => { json(): unknown; numbers(): { get(): unknown }; docs: NlpTerm[][] }) & { world?: () => { hooks?: string[] } };
let nlpFn: Nlp | null = null;
/** compromise, loaded on first use: Chinese reports never pay for it (about 200 ms to load). */
function compromise(): Nlp {
  if (!nlpFn) {
    const mod = createRequire(import.meta.url)('compromise') as Nlp | { default: Nlp };
    nlpFn = typeof mod === 'function' ? mod : mod.default;
  }
  return nlpFn;
}
function nlp(text: string): ReturnType<Nlp> {
  return compromise()(text);
}
import type { Claim, Growth, Modality, Quantity, Rank, Section, Statement } from '../schema/index.js';
import { loadJson } from '../dictionaries.js';
import { canonicalMetric } from './lexicon.js';
import { sectionRoles } from './index.js';

/**
 * compromise's steps on a new text that give no tag (aliases, ids, typeahead, chunks): tagging a
 * batch skips them, about a tenth of its time; every term's tags are the same (tested on the
 * English corpus). The steps are compromise's own list (world().hooks), restored after the batch.
 */
const UNTAGGING_HOOKS = new Set(['alias', 'id', 'typeahead', 'chunks']);

/** Terms and tags of `text`, as nlp(text).docs, without the steps that give no tag. */
function tagDocs(text: string): NlpTerm[][] {
  const world = compromise().world?.();
  const hooks = world?.hooks;
  if (!world || !Array.isArray(hooks)) return nlp(text).docs;
  world.hooks = hooks.filter((h) => !UNTAGGING_HOOKS.has(h));
  try {
    return nlp(text).docs;
  } finally {
    world.hooks = hooks;
  }
}

// ---------------------------------------------------------------------------------------------
// dictionaries

interface UnitsEnRaw {
  scales: Record<string, number>;
  units: Record<string, string>;
  prefixes: Record<string, string>;
  countNouns: Record<string, string>;
  bounds: { before: Record<'gte' | 'lte' | 'approx', string[]>; after: Record<'gte' | 'lte' | 'approx', string[]> };
  conversions: Record<string, [string, number]>;
  countUnits: string[];
}

interface UnitsEn {
  raw: UnitsEnRaw;
  scaleRe: RegExp;
  unitRe: RegExp;
  countRe: RegExp;
  boundBefore: Array<[string, Quantity['bound']]>;
  boundAfterRe: RegExp;
  boundAfter: Map<string, Quantity['bound']>;
}

let unitsEn: UnitsEn | null = null;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function loadUnitsEn(): UnitsEn {
  if (unitsEn) return unitsEn;
  const raw = loadJson<UnitsEnRaw>('units.en.json');
  const alt = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(esc).join('|');
  const boundBefore: Array<[string, Quantity['bound']]> = [];
  for (const b of ['gte', 'lte', 'approx'] as const) for (const w of raw.bounds.before[b]) boundBefore.push([w, b]);
  boundBefore.sort((a, b) => b[0].length - a[0].length);
  const boundAfter = new Map<string, Quantity['bound']>();
  for (const b of ['gte', 'lte', 'approx'] as const) for (const w of raw.bounds.after[b]) boundAfter.set(w, b);
  unitsEn = {
    raw,
    scaleRe: new RegExp(`^(?:[ \\t\\u00a0]|-)?(${alt(Object.keys(raw.scales))})(?![A-Za-z])`, 'i'),
    // % glues to the number; words follow a blank or a hyphen (6.7-percent)
    unitRe: new RegExp(`^(?:(%|‰)|(?:[ \\t\\u00a0]|-)(${alt(Object.keys(raw.units).filter((u) => u !== '%' && u !== '‰'))})(?![A-Za-z]))`, 'i'),
    countRe: new RegExp(`^[ \\t\\u00a0](${alt(Object.keys(raw.countNouns))})(?![A-Za-z])`, 'i'),
    boundBefore,
    boundAfterRe: new RegExp(`^[ \\t\\u00a0]*(${alt([...boundAfter.keys()])})(?![A-Za-z])`, 'i'),
    boundAfter,
  };
  return unitsEn;
}

// ---------------------------------------------------------------------------------------------
// the words of the rules (kept here as the Chinese ones are in lexicon.ts)

const UP_WORDS = [
  'rose', 'risen', 'rise', 'rises', 'rising', 'grew', 'grown', 'grow', 'grows', 'growing', 'growth', 'increased', 'increase', 'increases',
  'increasing', 'climbed', 'climb', 'climbing', 'expanded', 'expand', 'expanding', 'expansion', 'jumped', 'surged', 'gained', 'gain',
  'gains', 'picked up', 'went up', 'gone up', 'go up', 'going up', 'higher', 'boosted', 'accelerated', 'raised', 'raise', 'raising', 'added', 'increment',
];
const DOWN_WORDS = [
  'fell', 'fallen', 'fall', 'falls', 'falling', 'dropped', 'drop', 'drops', 'dropping', 'declined', 'decline', 'declines', 'declining',
  'decreased', 'decrease', 'decreases', 'decreasing', 'reduced', 'reduce', 'reduces', 'reducing', 'reduction', 'reductions', 'cut',
  'cuts', 'cutting', 'lowered', 'lower', 'lowering', 'shrank', 'shrunk', 'narrowed', 'slid', 'dipped', 'contracted', 'contraction',
  'went down', 'gone down', 'slowed', 'saved', 'slashed', 'trimmed', 'negative growth',
];
/** Words stripped between a growth word and its number: "grew by an average annual rate of over". */
const BETWEEN = new Set([
  'by', 'of', 'at', 'an', 'a', 'the', 'average', 'annual', 'annually', 'averaging', 'rate', 'year-on-year', 'year', 'on', 'respectively', 'nominal',
  'real', 'steady', 'rapid', 'further', 'another', 'additional', 'total', 'totaling', 'totalling', 'some', 'terms', 'in',
  'also', 'again', 'both', 'all', 'than', 'even', 'still', 'just', 'only', 'nearly', 'by',
]);
/** Words of BETWEEN that end a metric's noun phrase (unemployment rate, total): kept there. */
const NP_NOUNS = new Set(['rate', 'total', 'average', 'annual', 'year', 'terms']);
const NOUN_UP = /^(?:[ -]|-)(?:year-on-year |annual |average |nominal |real )*(increase|growth|rise|gain|jump|expansion|hike|increment)s?\b/i;
const NOUN_DOWN = /^(?:[ -]|-)(?:year-on-year |annual |average )*(drop|decline|decrease|reduction|cut|fall|contraction|dip)s?\b/i;
const COMPARE_AFTER = /^\s+(higher|more|faster|greater|larger|above|lower|less|fewer|slower|smaller|below)\s+than\b/i;

const GENERIC = new Set([
  'total', 'number', 'amount', 'figure', 'level', 'rate', 'share', 'volume', 'average', 'annual', 'year', 'years', 'month', 'months',
  'it', 'this', 'that', 'which', 'we', 'they', 'there', 'these', 'those', 'growth', 'increase', 'rise', 'figure', 'sum', 'value', 'record',
  'record high', 'new high', 'level', 'time', 'times', 'one', 'ones', 'more', 'people', 'half', 'part', 'portion', 'scale', 'size', 'target',
  'targets', 'goal', 'basis', 'period', 'course', 'end', 'year-end', 'past', 'past year', 'past five years', 'new', 'further', 'additional',
]);

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const MONTH_BEFORE = new RegExp(`(?:${MONTHS})\\.?\\s+$`);
const MONTH_AFTER = new RegExp(`^\\s+(?:${MONTHS})\\b`);
const NAME_BEFORE = /(?:\bNo\.|\bNumber|\bArticle|\bSection|\bChapter|\bItem|\bVersion|\bPhase|\bLine|\bRoute|\bGrade|\bLevel|\bClass|\bCategory|\bCOVID|\bCovid|\bcovid|\bG|\bTop|\bLong March|\bChang'e|\bShenzhou|\bTianzhou|\bBeidou|\bBeiDou|\bC|\bARJ|\bType)[ -]?$/;
const NAME_AFTER = /^(?:-(?:year|month|day|hour|minute|week|point|pronged|tier|way|sector|stop|plus|in-one|to-one)\b(?! increase| growth| rise| drop| decline| reduction)|\s*-?\s*Year Plan\b|\s+(?:Plenary|National Congress|Five-Year|Session|Summit|Games)\b)/i;
const PERIOD_BEFORE = /\b(?:past|next|coming|last|recent|previous|following|for|over|within|in|after|during|consecutive|straight|several|first|another|over the|the)\s+(?:the\s+)?(?:past\s+|next\s+|last\s+|coming\s+|first\s+|recent\s+)?$/i;
const PERIOD_AFTER = /^\s*(?:in a row|running|straight|consecutively|consecutive|ago|later|earlier|since|from now|to come)\b/i;
const TIME_UNITS = new Set(['年', '个月', '天', '小时', '分钟', '个工作日']);

const PERIOD_RE =
  /\b(?:(?:in|by|for|during|through|since|as of|at the end of|at year-end|by the end of|before|until|from)\s+(?:the\s+)?(?:(?:first|second|third|fourth)\s+(?:quarter|half)\s+of\s+|end of\s+|first\s+\w+\s+months\s+of\s+)?(?:19|20)\d\d(?:\s*[–—-]\s*(?:19|20)?\d\d)?\b|year-end\s+(?:19|20)\d\d\b|(?:over|in|during)\s+the\s+(?:past|last|previous)\s+(?:\w+\s+)?(?:years?|months?|decades?)\b|(?:over|during|in)\s+the\s+(?:\d+(?:th|st|nd|rd)|eleventh|twelfth|thirteenth|fourteenth)\s+Five-Year\s+Plan(?:\s+period)?\b|\b(?:last|this|next)\s+year\b|\bover\s+the\s+(?:course\s+of\s+the\s+)?year\b|\b(?:in|during)\s+the\s+(?:first|second|third|fourth)\s+(?:quarter|half)(?:\s+of\s+the\s+year)?\b|\bfor\s+the\s+(?:whole|entire|full)\s+year\b)/gi;

const FORECAST_RE = /\b(?:expected|expects?|estimated|estimates?|forecasts?|forecasted|anticipated|likely to|is set to|on track to)\b/i;
const TARGET_RE =
  /\b(?:targets?|targeted|aims?|aimed|aiming|goals?|projected|projection|plan(?:s|ned)? to|will|shall|should|must|strive|striving|intends?|intended|is set at|are set at|been set at|set the|to be kept|to keep|keep(?:ing)?|ensure|seek|budgeted|budget(?:ed)? for|proposed|allocated|earmarked)\b/i;
const ACTUAL_IN_PLANS = /\b(?:last year|in the past|over the past|previous year|has been|have been|had|was|were|already|so far|achieved|reached)\b/i;

const SCOPE_RE = /\b(nationwide|across the country|all over the country|throughout the country|in China|national)\b/i;
const RANK_VERB = /\b(?:rank(?:s|ed|ing)?|came|comes|coming|placed?|placing|stood|stands|standing|remain(?:s|ed|ing)?|finish(?:ed|ing)?|moved up to|rose to|climbed to|jumped to)\s+(?:(?:China|it|us|the country|our country)\s+)?(?:the\s+)?$/i;
const RANK_COPULA = /\b(?:is|was|are|were|be|been|being|now|became|becoming|remains?|remained|world's|country's|China's|globe's|nation's|the)\s+(?:the\s+)?$/i;
const RANK_SCOPE = /^\s+(?:(in the world|worldwide|globally|in the globe|nationwide|in China|in the country|(?:among|of)\s+[^,.;:]{2,60}?)(?=[,.;:]|\s+(?:in|for|with|and|by)\b|$)|(?:largest|biggest|highest|most|best|leading)\b|place\b)/i;
const RANK_SUPERLATIVE = /^[\s-]+(?:largest|biggest|highest|most|best|leading)\b/i;

// ---------------------------------------------------------------------------------------------
// tokens

interface Term {
  text: string;
  start: number;
  end: number;
  post: string;
  pre: string;
  tags: Set<string>;
}

const MAX_TAGGED = 3000;

/** compromise's terms of a statement, with offsets: its output is lossless (pre + text + post). */
function tagTerms(s: string): Term[] {
  return tagBatch([s])[0];
}

/**
 * Stems of every word compromise reads as a number (its lexicon's TextValue, Cardinal, Ordinal,
 * Fraction and Multiple words: one… ninety, first… twentieth, hundred… trillionth, a few, halves…),
 * matched inside words too: a statement without any of them has no number in words.
 */
export const NUMBER_WORD_STEM = /zero|one|two|thre|four|five|six|seven|eight|nin|ten|eleven|twel|thir|fift|fort|twent|hundred|thousand|illion|first|second|dozen|half|halves|quarter|few|couple|single|double|triple|once|twice|score|[IVXLCDM]{2}/i;

/**
 * Whether compromise's tags can change the claims of a statement. The tags serve two things: numbers
 * in words (none without a NUMBER_WORD_STEM), and the metric's noun phrase, looked for in the clause
 * before each number (back to , ; : — or WINDOW characters) and after it. A clause before the number
 * with at most one letter or digit and no ')' gives a phrase of under two characters — no metric —
 * tagged or not; no letter and no '(' in the 200 characters after a number gives no phrase after it.
 * Lines such as "a 5%" or "key: 5%" then need no tags, which cost most of the English path (40–58 s
 * per million characters of such lines). Claims are the same either way (tested against tagging
 * every statement).
 */
function tagsMatter(s: string): boolean {
  if (NUMBER_WORD_STEM.test(s)) return true;
  for (const n of digitNumbers(s)) {
    const from = Math.max(clauseStart(s, 0, n.start), n.start - WINDOW);
    let alnum = 0;
    for (let k = from; k < n.start; k++) {
      const c = s.charCodeAt(k);
      // a closing bracket, or a digit before the number ("1.#0", "99.1 trillion yuan, up 2.3%"): its
      // tags can make a list mark or a number of it
      if (c === 0x29 || (c >= 48 && c <= 57)) return true;
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) alnum++;
      if (alnum > 1) return true;
    }
    if (/[A-Za-z(\u0080-\uffff]/.test(s.slice(n.numEnd, n.end + 200))) return true;
  }
  return false;
}

/** Plain words without tags: what a statement gets when compromise is not asked or fails. */
function untagged(s: string): Term[] {
  const out: Term[] = [];
  for (const m of s.matchAll(/[A-Za-z0-9][\w'’.-]*/g)) out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length, pre: '', post: '', tags: new Set() });
  return out;
}

/** Statements tagged in one call of compromise: their joined length at most, and their number. */
const BATCH_CHARS = 2000;
const BATCH_STATEMENTS = 40;
/** What joins the statements of a batch: compromise always ends a sentence there. */
const JOIN = '\n\n';

/**
 * The terms of several statements from one call of compromise, each statement's own (offsets into
 * it, pre and post cut at its ends), as tagging each alone would give them: compromise tags a
 * sentence by itself, and a blank line always ends one. Most of compromise's cost is per call
 * (about 150 µs for "a 5%"), so a report of short statements — lines of "a 5%" or "key: 5%" — cost
 * 40–58 s per million characters one call each. A statement over MAX_TAGGED characters gets plain
 * words (compromise slows down much on huge inputs: a table, a text without periods); a batch whose
 * terms do not fall in its statements as they should is tagged one statement at a time.
 */
function tagBatch(texts: readonly string[], tagAll = false): Term[][] {
  const out: Term[][] = texts.map(() => []);
  const todo: number[] = [];
  texts.forEach((t, i) => {
    if (t.length > MAX_TAGGED || (!tagAll && !tagsMatter(t))) out[i] = untagged(t);
    else todo.push(i);
  });
  if (todo.length === 0) return out;
  const joined = todo.map((i) => texts[i]).join(JOIN);
  const starts: number[] = [];
  let at = 0;
  for (const i of todo) {
    starts.push(at);
    at += texts[i].length + JOIN.length;
  }
  try {
    const docs = tagDocs(joined);
    let pos = 0;
    let k = 0; // the statement being filled (index into todo)
    for (const sent of docs) {
      for (const t of sent) {
        const start = pos + t.pre.length;
        const end = start + t.text.length;
        if (joined.slice(start, end) !== t.text) throw new Error('offsets');
        pos = end + t.post.length;
        while (k + 1 < todo.length && start >= starts[k + 1]) k++;
        const i = todo[k];
        const base = starts[k];
        const limit = base + texts[i].length;
        if (t.text === '' && start >= limit) continue;
        // a term across a statement's end, or a pre reaching back into the one before: tag alone
        if (end > limit || start - t.pre.length < base) throw new Error('boundary');
        out[i].push({ text: t.text, start: start - base, end: end - base, pre: t.pre, post: t.post.slice(0, Math.max(0, limit - end)), tags: t.tags });
      }
    }
    if (pos !== joined.length) throw new Error('offsets');
    for (const i of todo) {
      // each statement's terms tile it, as compromise's output of it alone would
      const ts = out[i];
      let p = 0;
      for (const t of ts) {
        if (t.start - t.pre.length !== p) throw new Error('tiling');
        p = t.end + t.post.length;
      }
      if (p !== texts[i].length) throw new Error('tiling');
      retag(ts);
    }
    return out;
  } catch {
    if (todo.length === 1) {
      out[todo[0]] = untagged(texts[todo[0]]);
      return out;
    }
    // one at a time
    for (const i of todo) out[i] = tagBatch([texts[i]], tagAll)[0];
    return out;
  }
}

/** Verbs of the genre that compromise sometimes reads as nouns ("Consumer prices rose by": rose/Noun). */
const REPORT_VERBS = new Set([
  'rose', 'risen', 'grew', 'grown', 'increased', 'decreased', 'fell', 'fallen', 'dropped', 'declined', 'climbed', 'expanded', 'reached', 'totaled',
  'totalled', 'stood', 'exceeded', 'topped', 'remained', 'registered', 'surged', 'jumped', 'slid', 'dipped', 'edged', 'shrank', 'contracted', 'narrowed',
]);

/** Fix the tags the genre trips compromise on: "prices rose" is a plural noun and a verb. */
function retag(terms: Term[]): void {
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k];
    if (REPORT_VERBS.has(t.text.toLowerCase())) {
      t.tags = new Set(['Verb', 'PastTense']);
      const p = terms[k - 1];
      if (p && p.tags.has('Verb') && !p.tags.has('Auxiliary') && !p.tags.has('Copula') && /s$/i.test(p.text) && (k < 2 || NOUNY(terms[k - 2]) || terms[k - 2].tags.has('Determiner'))) {
        p.tags = new Set(['Noun', 'Plural']);
      }
    }
  }
}

interface Num {
  start: number;
  /** end of the digits / number words */
  numEnd: number;
  /** end of the quantity: scale, unit, range and after-bound included */
  end: number;
  value: number;
  upper: number | null;
  upperValue: Num | null;
  factor: number;
  scale: string;
  /** unit word as written (percent, yuan, metric tons), or the prefix (US$) */
  unitWord: string;
  prefix: string;
  base: string;
  kind: 'percent' | 'pp' | 'money' | 'unit' | 'count' | 'multiple' | 'none' | 'doubling';
  word: boolean;
  ordinal: boolean;
  fraction: boolean;
  year: boolean;
  hasComma: boolean;
  decimal: boolean;
  boundAfter: Quantity['bound'];
  /** this number was the upper end of a range */
  isUpper: boolean;
  /** a fraction read as a share: by a third, two thirds of */
  share: boolean;
}

const DIGITS_RE = /(?:(US\$|HK\$|\$|RMB|¥|€) ?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/g;

function kindOf(base: string): Num['kind'] {
  if (base === '%' || base === '‰') return 'percent';
  if (base === '个百分点') return 'pp';
  if (base === '元' || base === '美元' || base === '欧元') return 'money';
  if (base === '倍') return 'multiple';
  if (base === '') return 'none';
  return 'unit';
}

/** Scale, unit and after-bound words after a number ending at `p`. */
function suffix(s: string, p: number, n: Num): void {
  const u = loadUnitsEn();
  let m = u.scaleRe.exec(s.slice(p, p + 16));
  if (m) {
    n.scale = m[1];
    n.factor = u.raw.scales[m[1].toLowerCase()];
    p += m[0].length;
  }
  let rest = s.slice(p, p + 40);
  m = u.unitRe.exec(rest);
  if (!m) {
    // 6 million more hectares, 60 million additional people
    const more = /^[ \t\u00a0]+(?:more|additional|extra|new)(?=[ \t\u00a0][A-Za-z])/i.exec(rest);
    if (more) {
      const r2 = s.slice(p + more[0].length, p + more[0].length + 40);
      const m2 = u.unitRe.exec(r2);
      const c2 = n.prefix === '' ? u.countRe.exec(r2) : null;
      if ((m2 && m2[2]) || c2) {
        p += more[0].length;
        rest = r2;
        m = m2 && m2[2] ? m2 : null;
      }
    }
  }
  if (m) {
    const w = (m[1] ?? m[2]).toLowerCase();
    n.unitWord = m[1] ?? m[2];
    n.base = u.raw.units[w] ?? u.raw.units[w.replace(/-/g, ' ')] ?? '';
    p += m[0].length;
    // percentage-point → the noun may follow as "-point"; "times" is a multiple before "that of / as much as"
    if (n.base === '次' && /^\s+(?:that of|those of|as (?:much|many|high|large|fast|big|great)|the (?:national|average|level|size|number|amount|figure))/i.test(s.slice(p, p + 24))) n.base = '倍';
    if (n.base === '年' && /^\s*(?:old|of age)\b/i.test(s.slice(p, p + 10))) n.base = '岁';
  } else if (n.prefix === '') {
    m = u.countRe.exec(rest);
    if (m) {
      n.unitWord = m[1];
      n.base = u.raw.countNouns[m[1].toLowerCase()] ?? '';
      p += m[0].length;
    }
  }
  if (n.prefix) n.base = u.raw.prefixes[n.prefix.toLowerCase()] ?? n.base;
  n.kind = kindOf(n.base);
  n.end = p;
  const b = u.boundAfterRe.exec(s.slice(p, p + 16));
  if (b && /^(?:[,.;:)]|\s|$)/.test(s.charAt(p + b[0].length) || '')) {
    n.boundAfter = u.boundAfter.get(b[1].toLowerCase()) ?? null;
    n.end = p + b[0].length;
  }
}

function emptyNum(start: number, numEnd: number, value: number): Num {
  return {
    start, numEnd, end: numEnd, value, upper: null, upperValue: null, factor: 1, scale: '', unitWord: '', prefix: '', base: '', kind: 'none',
    word: false, ordinal: false, fraction: false, year: false, hasComma: false, decimal: false, boundAfter: null, isUpper: false, share: false,
  };
}

/** Numbers in digits: 12.06 million, US$138.3 billion, 6.7-percent, 18,000. */
function digitNumbers(s: string): Num[] {
  const out: Num[] = [];
  DIGITS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIGITS_RE.exec(s))) {
    const prefix = m[1] ?? '';
    const numStart = m.index + m[0].length - m[2].length;
    const start = prefix ? m.index : numStart;
    const before = s.charAt(start - 1);
    const numEnd = numStart + m[2].length;
    const after = s.charAt(numEnd);
    // names and codes: PM2.5, G20, COVID-19, 5G, v2.0, 2025/1/14, 10:30
    if (/[A-Za-z0-9_.\/]/.test(before) && !(prefix && !/[A-Za-z]/.test(before))) continue;
    if (before === '-' && /[A-Za-z]/.test(s.charAt(start - 2))) continue;
    if (after === '/' || (after === ':' && /\d/.test(s.charAt(numEnd + 1)))) continue;
    const n = emptyNum(start, numEnd, Number(m[2].replace(/,/g, '')));
    n.prefix = prefix;
    n.hasComma = m[2].includes(',');
    n.decimal = m[2].includes('.');
    if (/^(?:st|nd|rd|th)\b/i.test(s.slice(numEnd, numEnd + 3))) {
      n.ordinal = true;
      n.end = numEnd + 2;
      out.push(n);
      continue;
    }
    if (/[A-Za-z]/.test(after) && !/^(?:percent|pct)/i.test(s.slice(numEnd, numEnd + 7))) continue;
    suffix(s, numEnd, n);
    n.year = !prefix && !n.hasComma && !n.decimal && m[2].length === 4 && n.value >= 1900 && n.value <= 2100 && n.factor === 1 && n.base === '';
    out.push(n);
  }
  return out;
}

const WORD_NUMBER = /\b(?:one|two|three|four|five|six|seven|eight|nin|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|dozen|half|double[ds]?|doubling|quadrupled|tripled)\b/i;

/** Numbers in words, from compromise's tags: ten million, four (times), second (rank). */
function wordNumbers(s: string, terms: Term[]): Num[] {
  const out: Num[] = [];
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k];
    if (!t.tags.has('TextValue') || /\d/.test(t.text)) continue;
    let j = k;
    // a run of number words joined by blanks or hyphens: twenty-five, one hundred million
    while (j + 1 < terms.length && terms[j + 1].tags.has('TextValue') && !/\d/.test(terms[j + 1].text) && /^[ -]*$/.test(terms[j].post + terms[j + 1].pre) && !terms[j].tags.has('Ordinal')) j++;
    const start = t.start;
    let numEnd = terms[j].end;
    const phrase = s.slice(start, numEnd);
    k = j;
    const lower = phrase.toLowerCase();
    if (/^(?:a|an)$/.test(lower)) continue;
    // "millions of", "several dozen million": a scale word without a number claims no number
    if (/^(?:(?:dozens?|hundreds?|thousands?|millions?|billions?|trillions?)[ -]?)+$/.test(lower) && !/\b(?:a|one)\s+$/i.test(s.slice(Math.max(0, start - 6), start))) continue;
    let value: number | null = null;
    try {
      const parsed = nlp(phrase).numbers().get() as unknown[];
      value = typeof parsed[0] === 'number' ? (parsed[0] as number) : null;
    } catch {
      value = null;
    }
    if (value === null || !Number.isFinite(value)) continue;
    const n = emptyNum(start, numEnd, value);
    n.word = true;
    n.ordinal = terms[j].tags.has('Ordinal') || /(?:first|second|third|th)$/i.test(lower);
    n.fraction = terms[j].tags.has('Fraction') || !Number.isInteger(value) || /half|third|quarter/i.test(lower) && !n.ordinal;
    // "ten million": the scale word is the unit as written, the number the rest
    const sc = /(?:^|[ -])(thousand|million|billion|trillion)$/i.exec(lower);
    if (sc && !n.ordinal) {
      const f = loadUnitsEn().raw.scales[sc[1]];
      n.factor = f;
      n.scale = phrase.slice(phrase.length - sc[1].length);
      n.value = Number((value / f).toPrecision(12));
      numEnd = start + phrase.length;
      // the scale is read by suffix() from the digits case; here it is part of the words
      const rest = emptyNum(start, numEnd, 0);
      suffix(s, numEnd, rest);
      n.unitWord = rest.unitWord;
      n.base = rest.base;
      n.kind = rest.kind;
      n.end = rest.end;
      n.boundAfter = rest.boundAfter;
    } else if (!n.ordinal) {
      suffix(s, numEnd, n);
    }
    out.push(n);
  }
  // doubled / tripled / quadrupled: a growth without a number, read as an increase of 1, 2, 3 times
  // (提高一倍, 增加两倍; src/compare reads 翻一番 as an increase of 1 倍 too)
  for (const m of s.matchAll(/\b(doubled|doubling|double(?=\s+(?:the|its|their|our|China's|per)\b)|tripled|trebled|quadrupled)\b/gi)) {
    const w = m[1].toLowerCase();
    const n = emptyNum(m.index!, m.index! + m[0].length, w === 'quadrupled' ? 3 : w === 'tripled' || w === 'trebled' ? 2 : 1);
    n.word = true;
    n.kind = 'doubling';
    n.base = '倍';
    n.unitWord = m[1];
    out.push(n);
  }
  // fractions as shares: (cut) by a third, two thirds of the world's total (三分之一, 三分之二)
  for (const m of s.matchAll(/\b(a|one|two|three)[ -](third|quarter)(s?)\b/gi)) {
    const k = /^(?:a|one)$/i.test(m[1]) ? 1 : m[1].toLowerCase() === 'two' ? 2 : 3;
    const d = m[2].toLowerCase() === 'third' ? 3 : 4;
    const pre = s.slice(Math.max(0, m.index! - 30), m.index!);
    const post = s.slice(m.index! + m[0].length, m.index! + m[0].length + 4);
    const after = s.slice(m.index! + m[0].length, m.index! + m[0].length + 16);
    const byIt = /\bby\s+(?:(?:over|more than|about|around|nearly|almost|at least|another|a further)\s+)*$/i.test(pre) && /^(?:\s*[,.;:)]|\s*$|\s+(?:off|in|from|and|to|over|compared|since|this|last|year-on-year)\b)/i.test(after);
    if (k >= d || !(byIt || /^\s+of\b/i.test(post))) continue;
    const n = emptyNum(m.index!, m.index! + m[0].length, Number((k / d).toFixed(3)));
    n.word = true;
    n.share = true;
    out.push(n);
  }
  return out;
}

/** Merge ranges (6–6.5 percent, 6.5% to 7%, between 6 and 7 percent) and share units along lists (3.5 and 5.1 percent). */
function ranges(s: string, nums: Num[]): Num[] {
  const out: Num[] = [];
  for (let k = 0; k < nums.length; k++) {
    const a = nums[k];
    const b = nums[k + 1];
    if (b && !a.ordinal && !b.ordinal && !a.year && !b.year && a.kind !== 'doubling' && b.kind !== 'doubling') {
      const gap = s.slice(a.end, b.start);
      const pre = s.slice(Math.max(0, a.start - 40), a.start);
      const dash = /^\s?[–—-]\s?$/.test(gap) && !/\s$/.test(s.slice(a.start - 1, a.start)) === !/\s$/.test(s.slice(a.start - 1, a.start));
      const to = /^\s+to\s+$/.test(gap) && !/\bfrom\s+(?:[\w'’-]+\s+){0,4}$/i.test(pre);
      const between = /^\s+and\s+$/.test(gap) && /\bbetween\s+$/i.test(pre);
      const sameKind = a.kind === b.kind || a.kind === 'none' || b.kind === 'none';
      if ((dash || to || between) && sameKind && b.value >= a.value * (a.factor || 1) / (b.factor || 1) && !(a.kind !== 'none' && b.kind === 'none')) {
        if (a.kind === 'none') {
          a.unitWord = b.unitWord;
          a.base = b.base;
          a.kind = b.kind;
          if (a.factor === 1 && b.factor !== 1) {
            a.factor = b.factor;
            a.scale = b.scale;
          }
        }
        a.upper = b.value * (b.factor / a.factor);
        a.upper = Number(a.upper.toPrecision(12));
        a.upperValue = b;
        b.isUpper = true;
        a.end = b.end;
        a.boundAfter = b.boundAfter ?? a.boundAfter;
        out.push(a);
        k++;
        continue;
      }
    }
    out.push(a);
  }
  // a number without a unit takes the unit of the next one along a list or a from-to: 3.5 and 5.1 percent, from 45.3 to 51.6 percent
  for (let k = out.length - 2; k >= 0; k--) {
    const a = out[k];
    const b = out[k + 1];
    if (a.kind !== 'none' || a.ordinal || a.year || b.kind === 'none' || b.kind === 'doubling' || a.prefix) continue;
    const gap = s.slice(a.end, b.start);
    if (/^(?:,\s*|,?\s+and\s+|\s+or\s+|\s+to\s+(?:(?:over|more than|about|around|nearly)\s+)?)$/.test(gap)) {
      a.unitWord = b.unitWord;
      a.base = b.base;
      a.kind = b.kind;
      if (a.factor === 1 && b.factor !== 1 && !a.word) {
        a.factor = b.factor;
        a.scale = b.scale;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// roles

type Role = 'value' | 'growth' | 'baseline' | 'rank';

interface Item {
  n: Num;
  role: Role;
  direction: Growth['direction'] | null;
  basis: string | null;
  bound: Quantity['bound'];
  metric: { start: number; end: number } | null;
  /** the metric is only a growth word ("GDP growth of 6.5 percent" keeps "GDP") */
  rank: { position: number | null; top: boolean; scope: string | null } | null;
}

function endsWithWord(s: string, words: string[]): string | null {
  const low = s.toLowerCase();
  let best: string | null = null;
  for (const w of words) {
    if (low.endsWith(w) && (low.length === w.length || /[^a-z-]/.test(low.charAt(low.length - w.length - 1))) && (!best || w.length > best.length)) best = w;
  }
  return best;
}

/** Strip the words that stand between a verb and its number ("by an average annual rate of over"). */
function stripBetween(pre: string): string {
  const u = loadUnitsEn();
  let s = pre.replace(/\s+$/, '');
  for (let guard = 0; guard < 16; guard++) {
    const low = s.toLowerCase();
    const bw = u.boundBefore.find(([w]) => low.endsWith(w) && (low.length === w.length || /[^a-z]/.test(low.charAt(low.length - w.length - 1))));
    if (bw) {
      s = s.slice(0, s.length - bw[0].length).replace(/\s+$/, '');
      continue;
    }
    const m = /([A-Za-z-]+)$/.exec(s);
    if (m && BETWEEN.has(m[1].toLowerCase())) {
      s = s.slice(0, m.index).replace(/\s+$/, '');
      continue;
    }
    break;
  }
  return s;
}

function boundBefore(pre: string): Quantity['bound'] {
  const u = loadUnitsEn();
  let s = pre.replace(/\s+$/, '').toLowerCase();
  // "by over", "of around", "at about": the bound is the last word before the number
  for (let guard = 0; guard < 3; guard++) {
    const bw = u.boundBefore.find(([w]) => s.endsWith(w) && (s.length === w.length || /[^a-z]/.test(s.charAt(s.length - w.length - 1))));
    if (bw) return bw[1];
    const m = /\b(?:a|an|the|of|at|by)$/.exec(s);
    if (!m) break;
    s = s.slice(0, m.index).replace(/\s+$/, '');
  }
  return null;
}

/** How far back a clause, a metric or a period is looked for (characters). */
const WINDOW = 400;

/** The terms inside [from, to), by binary search (terms are in order). */
function termsIn(terms: Term[], from: number, to: number): Term[] {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Term[] = [];
  for (let k = lo; k < terms.length && terms[k].end <= to; k++) if (terms[k].text !== '') out.push(terms[k]);
  return out;
}

/** Start of the clause holding offset `pos` (after , ; : ( — or a list dash), not before `from`. */
function clauseStart(s: string, from: number, pos: number): number {
  // a clause is looked for within WINDOW characters: the passes stay linear on a huge sentence
  from = Math.max(from, pos - WINDOW);
  for (let k = pos - 1; k >= from; k--) {
    const c = s.charAt(k);
    if (c === ';' || c === ':' || c === '—' || c === '–') return k + 1;
    if (c === ',' && !/\d/.test(s.charAt(k + 1))) return k + 1;
  }
  return from;
}

const NOUNY = (t: Term) =>
  t.tags.has('Noun') || t.tags.has('Adjective') || t.tags.has('Acronym') || t.tags.has('ProperNoun') || t.tags.has('Possessive') || /^[A-Z]{2,}/.test(t.text) || /^PM2\.5$/i.test(t.text);
const VERBY = (t: Term) => t.tags.has('Verb') || t.tags.has('Auxiliary') || t.tags.has('Copula') || t.tags.has('Modal');
const STOP_WORDS = new Set(['which', 'that', 'who', 'while', 'whereas', 'when', 'where', 'as', 'with', 'including', 'and', 'or', 'but', 'to', 'from', 'than', 'by', 'we', 'it', 'they', 'there', 'this', 'these', 'our', 'its', 'their', 'his', 'her']);
const LEAD = /^(?:(?:the|a|an|our|its|their|china's|china’s|chinese|this|that|these|those|another|an additional|a further|a total of|total|some|all|both|each|every|overall|country's|nation's|nationwide|national)\s+)+/i;
const INNER = new Set(['of', 'per', 'for', 'and', 'in', 'on', 'to', 'toward', 'towards']);
/** The words of the bound phrases (over, more than, around…): never part of a metric. */
const BOUND_TOKENS = new Set(['no', 'not', 'over', 'above', 'around', 'about', 'approximately', 'roughly', 'nearly', 'almost', 'some', 'under', 'below', 'within', 'exceeding', 'more', 'less', 'fewer', 'least', 'close', 'just', 'upwards', 'excess', 'approaching', 'surpassing', 'topping', 'estimated']);

/**
 * The noun phrase ending before [from, to): verbs, prepositions, bounds and determiners at its end
 * are skipped, then nouns and adjectives (with of/per between them, participles such as
 * "registered" before them) are taken back to a verb, a clause word or punctuation.
 */
function nounPhraseBefore(s: string, terms: Term[], from: number, to: number): { start: number; end: number } | null {
  // period phrases (this year, in 2016, over the past five years) are no part of a metric
  const periods: Array<[number, number]> = [];
  from = Math.max(from, to - WINDOW);
  const w0 = Math.max(0, from - 40);
  for (const m of s.slice(w0, to).matchAll(PERIOD_RE)) periods.push([w0 + m.index!, w0 + m.index! + m[0].length]);
  const inPeriod = (t: Term) => periods.some(([a, b]) => t.start >= a && t.end <= b);
  const ts = termsIn(terms, from, to);
  let k = ts.length - 1;
  // skip what stands between the phrase and the number
  while (k >= 0) {
    const t = ts[k];
    const low = t.text.toLowerCase();
    if (inPeriod(t)) {
      k--;
      continue;
    }
    if (BOUND_TOKENS.has(low) || t.tags.has('Value') || VERBY(t) || t.tags.has('Preposition') || t.tags.has('Determiner') || t.tags.has('Adverb') || t.tags.has('Conjunction') || (BETWEEN.has(low) && !NP_NOUNS.has(low)) || /^(?:percent|yuan|million|billion|trillion|thousand)$/.test(low)) {
      if (STOP_WORDS.has(low) && !['by', 'to', 'from', 'as', 'with', 'than'].includes(low)) return null;
      if (/[,;:]/.test(t.post) && k < ts.length - 1) return null;
      k--;
      continue;
    }
    if (/[,;:]/.test(t.post) && k < ts.length - 1) return null;
    // a predicative adjective ("remained stable at") heads no noun phrase
    if (t.tags.has('Adjective') && !t.tags.has('Noun') && k < ts.length - 1 && !NOUNY(ts[k + 1])) {
      k--;
      continue;
    }
    break;
  }
  if (k < 0) return null;
  const end = k;
  let start = k;
  for (let j = k; j >= 0; j--) {
    const t = ts[j];
    const low = t.text.toLowerCase();
    if (j < end && /[,;:]/.test(t.post)) break;
    if (inPeriod(t)) break;
    // Non-financial: words joined by a hyphen are one word
    if (j < end && t.post === '-' && start === j + 1) {
      start = j;
      continue;
    }
    if (NOUNY(t) && !t.tags.has('Pronoun') && !VERBY(t) && !STOP_WORDS.has(low) && !BOUND_TOKENS.has(low)) {
      start = j;
      continue;
    }
    // a participle before a noun: registered / surveyed / utilized / contracted (not a gerund: registering)
    if (j < end && !t.tags.has('Gerund') && (t.tags.has('PastTense') || t.tags.has('Participle')) && NOUNY(ts[j + 1]) && (j === 0 || ts[j - 1].tags.has('Determiner') || ts[j - 1].tags.has('Preposition') || /[,;:(]/.test(ts[j - 1].post) || /^(?:the|a|an)$/i.test(ts[j - 1].text))) {
      start = j;
      continue;
    }
    // share in the global economy, volume of imports: of/per/in between nouns, a determiner after them
    if (j < end && j > 0 && start === j + 1 && INNER.has(low) && NOUNY(ts[j - 1]) && !VERBY(ts[j - 1]) && !ts[j - 1].tags.has('Pronoun')) continue;
    if (j < end && j > 1 && start === j + 1 && (t.tags.has('Determiner') || /^(?:the|a|an)$/i.test(t.text)) && INNER.has(ts[j - 1].text.toLowerCase()) && NOUNY(ts[j - 2])) {
      start = j + 1;
      j--; // the inner word
      continue;
    }
    break;
  }
  // drop a leading inner word (of GDP) and lead words, but not the per of "per capita"
  while (start <= end && INNER.has(ts[start].text.toLowerCase()) && !(ts[start].text.toLowerCase() === 'per' && ts[start + 1]?.text.toLowerCase() === 'capita')) start++;
  // a phrase of inner words only ("per" before the number, untagged): none, and nothing past its end is read
  if (start > end) return null;
  if (start > 0 && ts[start].text.toLowerCase() === 'capita' && ts[start - 1].text.toLowerCase() === 'per') start--;
  let a = ts[start].start;
  const b = ts[end].end + (ts[end].post.startsWith(')') && ts[end].pre.includes('(') && !ts[start].pre.includes('(') ? 1 : 0);
  const lead = LEAD.exec(s.slice(a, b));
  if (lead && lead[0].length < b - a) a += lead[0].length;
  if (b - a < 2) return null;
  return { start: a, end: b };
}

/** The noun phrase right after a quantity: "13.14 million new urban jobs", "230,000 kilometers of roads". */
function nounPhraseAfter(s: string, terms: Term[], from: number, limit: number): { start: number; end: number } | null {
  const rest = s.slice(from, Math.min(limit, from + 80));
  if (!/^(?:\s+of)?\s+[A-Za-z(]/.test(rest) || /^\s*[,;:.]/.test(rest)) return null;
  const ts = termsIn(terms, from, Math.min(limit, from + 120));
  let k = 0;
  if (ts[k] && ts[k].text.toLowerCase() === 'of') k++;
  while (ts[k] && (ts[k].tags.has('Determiner') || /^(?:more|additional|extra)$/i.test(ts[k].text))) k++;
  const first = k;
  let last = -1;
  for (; k < ts.length; k++) {
    const t = ts[k];
    const low = t.text.toLowerCase();
    if (STOP_WORDS.has(low) || BOUND_TOKENS.has(low)) break;
    const participle = (t.tags.has('PastTense') || t.tags.has('Participle')) && ts[k + 1] && NOUNY(ts[k + 1]) && !VERBY(ts[k + 1]) && k === first;
    if ((NOUNY(t) && !VERBY(t) && !t.tags.has('Pronoun') && !t.tags.has('Value')) || participle) {
      last = k;
      if (/[,;:.]/.test(t.post)) break;
      continue;
    }
    if (INNER.has(low) && last >= 0 && ts[k + 1] && NOUNY(ts[k + 1]) && !VERBY(ts[k + 1]) && low !== 'and') continue;
    break;
  }
  if (last < first) return null;
  const a = ts[first].start;
  const b = ts[last].end;
  return b - a >= 2 ? { start: a, end: b } : null;
}

const GENERIC_WORDS = new Set(['net', 'gross', 'the', 'a', 'an', 'total', 'average', 'annual', 'new', 'additional', 'further', 'another', 'overall', 'number', 'amount', 'previous', "year's", 'year’s', 'last', 'this', 'negative', 'positive', 'steady', 'rapid', 'real', 'nominal', 'its', 'their', 'our', 'of', 'rate', 'growth', 'level', 'figure', 'record', 'high', 'low', 'lowest', 'highest', 'year', 'years']);

function isGeneric(phrase: string): boolean {
  const p = phrase.toLowerCase().replace(/[()]/g, '').trim();
  if (GENERIC.has(p)) return true;
  // a growth word alone names no metric: "a reduction of 10 million in the rural poor population"
  if (/^(?:(?:a|an|the|further|sharp|steady|total|net)\s+)*(?:increases?|growth|rises?|gains?|expansion|cuts?|reductions?|drops?|declines?|decreases?|falls?|rose|fell|grew|reduced|increased|cut|dropped|declined)$/.test(p)) return true;
  if (p.split(/\s+/).every((w) => GENERIC_WORDS.has(w))) return true;
  return /^(?:(?:the|a|an|total|average|annual|new|additional|further|another|overall|number|amount)\s*)+$/.test(p) || /^(?:past|last|next)\b/.test(p) || /\b(?:years?|months?|days?)$/.test(p) && !/\bexpectancy|\bold\b/.test(p);
}

const GROWTH_NOUN_END = /\s+(?:growth rate|growth|increase|rise|expansion|growth target|increase rate)$/i;
const DECLINE_NOUN_END = /\s+(?:decrease|reduction|drop|decline|cut|fall)$/i;

interface Draft {
  metric: { start: number; end: number } | null;
  value: Item | null;
  baseline: Item | null;
  growth: Item | null;
  ranks: Item[];
}

/**
 * The claims of the English report. `text` is the original input, `statements` and `sections`
 * come from splitStatementsEn / splitSectionsEn. Ids run c1, c2… in document order. `tagAll` has
 * compromise tag every statement, even those whose claims its tags cannot change (the oracle of
 * the test that they are the same).
 */
export function extractClaimsEn(text: string, statements: Statement[], sections: Section[], options: { tagAll?: boolean } = {}): Claim[] {
  const roles = sectionRoles(sections);
  const claims: Claim[] = [];
  // the statements that may hold a claim, tagged a batch at a time (see tagBatch)
  let batch: Statement[] = [];
  let size = 0;
  const flush = () => {
    const terms = tagBatch(batch.map((st) => st.text), options.tagAll);
    batch.forEach((st, k) => {
      const drafts = claimsOfSentence(st.text, terms[k]);
      if (drafts.length === 0) return;
      const role = roles.get(st.sectionId) ?? 'body';
      for (const d of drafts) claims.push(toClaim(text, st, d, role, claims.length + 1));
    });
    batch = [];
    size = 0;
  };
  for (const st of statements) {
    const s = st.text;
    if (!/\d/.test(s) && !WORD_NUMBER.test(s)) continue;
    if (batch.length && (size + s.length > BATCH_CHARS || batch.length >= BATCH_STATEMENTS)) flush();
    batch.push(st);
    size += s.length + JOIN.length;
  }
  if (batch.length) flush();
  return claims;
}

/** Items of one sentence, in order. Exported for tests and the eval script. */
function itemsOfSentence(s: string, terms: Term[]): Item[] {
  let nums = [...digitNumbers(s), ...wordNumbers(s, terms)].sort((a, b) => a.start - b.start || Number(b.share || b.kind === 'doubling') - Number(a.share || a.kind === 'doubling'));
  // compromise and the digits scanner may both read a number: keep the first, drop overlaps
  let keptEnd = -1;
  nums = nums.filter((n) => {
    if (n.start < keptEnd) return false;
    keptEnd = n.end;
    return true;
  });
  nums = ranges(s, nums);
  const items: Item[] = [];
  let prevEnd = 0;
  for (let k = 0; k < nums.length; k++) {
    const n = nums[k];
    const cs = clauseStart(s, 0, n.start);
    const from = Math.max(cs, prevEnd);
    const preWindow = s.slice(Math.max(0, n.start - 60), n.start);
    const post = s.slice(n.end, n.end + 60);
    // ranks: ordinals after a ranking verb or before a ranking scope
    if (n.ordinal || /\btop\s+$/i.test(preWindow)) {
      const top = /\btop\s+$/i.test(preWindow) && !n.ordinal;
      const scope = RANK_SCOPE.exec(s.slice(n.numEnd, n.numEnd + 80)) ?? RANK_SUPERLATIVE.exec(s.slice(n.numEnd, n.numEnd + 12));
      const verb = RANK_VERB.test(preWindow) || /\brank(?:s|ed|ing)?\s+(?:\S+\s+){0,3}$/i.test(preWindow);
      if (top || verb || (scope && RANK_COPULA.test(preWindow))) {
        let scopeText: string | null = null;
        if (scope && scope[1]) scopeText = scope[1].trim();
        else if (scope && RANK_SUPERLATIVE.test(s.slice(n.numEnd, n.numEnd + 12))) {
          const w = /\b(world|globe|country|nation|China)['’]s\s+$/i.exec(preWindow);
          scopeText = w ? (w[1].toLowerCase() === 'world' || w[1].toLowerCase() === 'globe' ? 'in the world' : 'nationwide') : null;
        }
        // the subject before the ranking verb, if the clause has one; else the rank joins the claim before
        const rv = /\b(?:rank(?:s|ed|ing)?|came|comes|coming|placed?|placing|stood|stands|standing|remain(?:s|ed|ing)?|is|was|are|were|became|becoming)\b[^,;:]*$/i.exec(s.slice(from, n.start));
        const rm = rv ? nounPhraseBefore(s, terms, from, from + rv.index) : null;
        items.push({ n, role: 'rank', direction: null, basis: null, bound: null, metric: rm && !isGeneric(s.slice(rm.start, rm.end)) ? rm : null, rank: { position: n.value, top, scope: scopeText } });
        prevEnd = n.end;
      }
      continue;
    }
    if (excludedEn(s, n, post)) continue;
    let role: Role = 'value';
    /** end of "an 8.5-percent increase": its metric may follow (in profits) */
    let nounEnd = -1;
    let direction: Growth['direction'] | null = null;
    let basis: string | null = null;
    const clause = s.slice(cs, Math.min(s.length, n.end + 40));
    if (n.kind === 'doubling') {
      role = 'growth';
      direction = 'up';
    } else {
      const stripped = stripBetween(s.slice(from, n.start));
      let up = endsWithWord(stripped, UP_WORDS);
      const down0 = endsWithWord(stripped, DOWN_WORDS);
      // "up 14.7%" is a growth, "set up 13 zones" is not
      if (!up && /(?:^|[,;(]|\b(?:is|are|was|were|been|be|being|now|year))\s*up$/i.test(stripped)) up = 'up';
      // likewise "down 3 percent" but not "shut down 150 million tons"
      const down = down0 ?? (/(?:^|[,;(]|\b(?:is|are|was|were|been|be|being|now|year|went|gone|going|come|came))\s*down$/i.test(stripped) ? 'down' : null);
      const toForm = /\b(?:to|at)\s+(?:(?:over|more than|about|around|nearly|some|just|roughly|approximately|less than|under|below|within|above)\s+)*$/i.test(s.slice(from, n.start)) && !/\bby\s+/i.test(s.slice(Math.max(from, n.start - 12), n.start));
      // an amount of an action (cut capacity by 30 million tons), unlike a rate (by 3.1%) or a per-head
      // level (raise subsidies by 30 yuan per person, 补助标准增加30元), whose change is a growth
      const perHead = /^\s*(?:per\s+(?:person|capita|head|month|year|ton|mu)|a\s+(?:month|year|person)|each\s+(?:month|year))\b/i.test(s.slice(n.end, n.end + 16)) || /\bper[- ]capita\b/i.test(s.slice(cs, n.start));
      const amount = n.kind !== 'percent' && n.kind !== 'pp' && !n.share && !perHead;
      // "contribution to growth approached 60 percent": a verb (a bound here) stands between the noun and the number
      const verbBound = /\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|approach(?:es|ed|ing)?|top(?:s|ped|ping)?)\s+$/i.test(s.slice(from, n.start));
      if (verbBound && (up ?? down ?? '').match(/^(?:growth|increase|rise|gain|expansion|increment|reduction|decline|drop|decrease|fall|cut|contraction)s?$/)) {
        up = null;
      }
      if ((up || (down && !(verbBound && /^(?:reduction|decline|drop|decrease|fall|cut|contraction)s?$/.test(down)))) && !toForm) {
        role = 'growth';
        direction = down && (!up || down.length >= up.length) ? 'down' : 'up';
        // a tax cut of 2 trillion yuan, fee reductions of 800 billion: the amount of the cuts
        if (amount && direction === 'down' && /\b(?:tax|taxes|fee|fees|tax and fee)\s+(?:cuts?|reductions?)$/i.test(stripped)) role = 'value';
        // capacity should be cut by 30 million tons, cropland will be increased by 5.33 million
        // hectares: a planned passive amount is the size of an action, a value, as the imperative
        // Chinese of the plans says it (再压减钢铁产能3000万吨, 新增高标准农田8000万亩); a past one
        // reports a result, a growth (农村贫困人口减少1109万: the rural poor population was reduced by)
        if (amount && /\b(?:should|will|must|shall|would|to|can|may)\s+(?:\w+ly\s+|further\s+|also\s+)*be\s+(?:\w+ly\s+|further\s+|also\s+)*(?:[a-z]+(?:ed|en)|cut)$/i.test(stripped) && !/\bthe\s+(?:number|amount|size|total)\s+of\b/i.test(s.slice(cs, n.start))) role = 'value';
      } else if (/\bby\s+(?:(?:over|more than|about|around|nearly|some|just|roughly|approximately|less than|at least|an average of|a total of|a further|another|an additional|a|an|the|further|up to)\s+)*$/i.test(s.slice(from, n.start))) {
        // VERB object by N: the nearest growth verb of the clause. A rate is a growth (cut energy
        // intensity by 3.1%); an amount is the size of the action, a value, as in Chinese
        // (cut steel capacity by 30 million tons = 压减钢铁产能3000万吨)
        const head = s.slice(cs, n.start).toLowerCase();
        const words = head.split(/[^a-z]+/).filter(Boolean).reverse().slice(0, 24);
        for (const w of words) {
          const d = DOWN_WORDS.includes(w) ? 'down' : UP_WORDS.includes(w) && w !== 'up' ? 'up' : null;
          if (!d) continue;
          // …the number of people living in poverty by 14.42 million: a count that changes
          if (!amount || new RegExp(`\\b${w}\\s+the\\s+(?:number|amount|size|total)\\s+of\\b`).test(head)) {
            role = 'growth';
            direction = d;
          }
          break;
        }
      }
      // 68 million people have been lifted out of poverty (贫困人口减少6800多万): a fall in the poor population
      if (role === 'value' && amount && /^[^,.;:]{0,40}?\b(?:lifted|raised|brought|moved)\s+out\s+of\s+(?:poverty|extreme poverty)\b/i.test(s.slice(n.end, n.end + 80))) {
        role = 'growth';
        direction = 'down';
      }
      if (role === 'value') {
        const nu = NOUN_UP.exec(s.slice(n.end, n.end + 40));
        const nd = NOUN_DOWN.exec(s.slice(n.end, n.end + 40));
        const cmp = COMPARE_AFTER.exec(s.slice(n.end, n.end + 30));
        if (nu && !/\b(?:to|at)\s*$/i.test(s.slice(from, n.start))) {
          role = 'growth';
          direction = /negative\s+$/i.test(s.slice(n.start - 10, n.start)) ? 'down' : 'up';
          nounEnd = n.end + nu[0].length;
        } else if (nd) {
          role = 'growth';
          direction = 'down';
          nounEnd = n.end + nd[0].length;
        } else if (cmp) {
          role = 'growth';
          direction = /higher|more|faster|greater|larger|above/i.test(cmp[1]) ? 'up' : 'down';
        }
      }
      // from X to Y: X is the baseline
      if (role !== 'growth' && /\bfrom\s+(?:[\w'’-]+\s+){0,4}$/i.test(s.slice(Math.max(from, n.start - 50), n.start)) && /^\s*(?:to|down to|up to)\s/i.test(s.slice(n.end, n.end + 12))) {
        role = 'baseline';
      }
      if (role === 'growth') {
        if (/year[- ]on[- ]year/i.test(clause)) basis = 'year on year';
        else if (/\b(?:average annual|annual average|annually|a year on average|per annum|an average of|on average)\b/i.test(clause)) basis = 'average annual';
        else if (/\bover (?:the previous|last|the last) year\b|\bover 20\d\d\b/i.test(clause)) basis = 'over the previous year';
      }
    }
    const bound = n.boundAfter ?? boundBefore(s.slice(from, n.start));
    // the metric: the noun phrase before the number in its clause, else the one right after it
    let metric = nounPhraseBefore(s, terms, from, n.start);
    // "the surveyed unemployment rate remained stable at a comparatively low level of": past a generic phrase, the subject
    for (let guard = 0; guard < 2 && metric && isGeneric(s.slice(metric.start, metric.end)); guard++) {
      const again = nounPhraseBefore(s, terms, from, metric.start);
      metric = again && again.end <= metric.start ? again : null;
    }
    if (metric && isGeneric(s.slice(metric.start, metric.end))) metric = null;
    if (metric && role === 'value' && (n.kind === 'percent' || n.kind === 'pp')) {
      const mt = s.slice(metric.start, metric.end);
      // the increase in the CPI, a reduction in energy consumption per unit of GDP: a growth of what follows
      const head = /^(?:(?:an?|the)\s+)?(?:(increase|growth|rise|expansion)|(decrease|reduction|drop|decline|cut|fall))\s+(?:in|of)\s+(?:the\s+)?/i.exec(mt);
      // GDP growth of 6.5 percent, CPI increase kept at around 3 percent: a compound whose head is a growth
      const g = GROWTH_NOUN_END.exec(mt);
      const dn = DECLINE_NOUN_END.exec(mt);
      const compound = !/\s(?:of|in|to|toward|towards|for|on|per)\s/i.test(mt);
      if (head && head[0].length < mt.length) {
        role = 'growth';
        direction = head[1] ? 'up' : 'down';
        metric = { start: metric.start + head[0].length, end: metric.end };
      } else if ((g || dn) && compound) {
        role = 'growth';
        direction = g ? 'up' : 'down';
        const cut = { start: metric.start, end: metric.end - (g ?? dn)![0].length };
        // "economic growth" keeps its words: "economic" alone names nothing
        if (!/^[a-z]+(?:ic|al)$/i.test(s.slice(cut.start, cut.end))) metric = cut;
      }
    }
    if (metric && role === 'growth') {
      // "GDP growth" → GDP
      const mt = s.slice(metric.start, metric.end);
      const g = GROWTH_NOUN_END.exec(mt);
      if (g && metric.end - g[0].length > metric.start && !/\s(?:of|in|to|toward|towards|for|on|per)\s/i.test(mt) && !/^[a-z]+(?:ic|al)$/i.test(mt.slice(0, mt.length - g[0].length))) metric = { start: metric.start, end: metric.end - g[0].length };
    }
    // "a drop of around 3 percent in energy consumption": the metric follows the quantity
    if (!metric && nounEnd === -1 && role === 'growth' && /^\s+in\s+[A-Za-z]/.test(s.slice(n.end, n.end + 12))) nounEnd = n.end;
    // "saw an 8.5-percent increase in profits": what increased is said after the growth noun
    if (nounEnd !== -1 && /^\s+in\s+[A-Za-z]/.test(s.slice(nounEnd, nounEnd + 12))) {
      const inAt = nounEnd + s.slice(nounEnd).indexOf('in') + 2;
      const after = nounPhraseAfter(s, terms, inAt, s.length);
      if (after && !isGeneric(s.slice(after.start, after.end))) metric = after;
    }
    if (!metric && (role === 'value' || role === 'baseline')) {
      const after = nounPhraseAfter(s, terms, n.end, s.length);
      if (after && !isGeneric(s.slice(after.start, after.end))) metric = after;
    }
    if (metric && metric.start >= metric.end) metric = null;
    // a bare count: only with a noun phrase after it or a copula before it
    const afterBaseline = items.length > 0 && items[items.length - 1].role === 'baseline' && /^\s*(?:to|up to|down to)\s/i.test(s.slice(items[items.length - 1].n.end, n.start));
    if (n.kind === 'none' && !metric && n.factor === 1 && !afterBaseline && !n.share) {
      if (!/\b(?:is|are|was|were|reached|totaled|totalled|stood at|numbered|of)\s+(?:(?:over|more than|about|around|nearly|some)\s+)*$/i.test(s.slice(from, n.start)) || n.word) {
        if (role !== 'growth') continue;
      }
    }
    if (n.kind === 'none' && n.word && !n.scale && !n.share && role === 'value' && !(metric && metric.start >= n.end)) continue;
    items.push({ n, role, direction, basis, bound, metric, rank: null });
    prevEnd = n.end;
  }
  return items;
}

/** Why a number is no claim (years, dates, names, periods), or null. */
function excludedEn(s: string, n: Num, post: string): string | null {
  if (n.isUpper) return 'range';
  if (n.fraction && n.kind !== 'doubling' && !n.share) return 'fraction';
  if (n.year) return 'year';
  const before = s.slice(Math.max(0, n.start - 24), n.start);
  if (MONTH_BEFORE.test(before) && n.kind === 'none' && n.value <= 31) return 'date';
  if (MONTH_AFTER.test(post) && n.kind === 'none' && n.value <= 31) return 'date';
  if (NAME_BEFORE.test(before)) return 'name';
  if (NAME_AFTER.test(s.slice(n.numEnd, n.numEnd + 24))) return 'name';
  if (n.kind === 'none' && /^-[A-Za-z]/.test(s.slice(n.numEnd, n.numEnd + 2))) return 'name';
  if (TIME_UNITS.has(n.base) && n.factor === 1 && (PERIOD_BEFORE.test(before) || PERIOD_AFTER.test(s.slice(n.end, n.end + 20))) && !NOUN_UP.test(s.slice(n.end, n.end + 20))) return 'period';
  if (n.word && n.value === 1 && n.factor === 1 && n.kind === 'none') return 'one';
  // people aged 60 and above, children under 3: an age that defines a group
  if (/\b(?:aged|age|ages|under the age of|over the age of)\s+(?:(?:under|over|below|above)\s+)?$/i.test(before)) return 'category';
  // units with a capacity of less than 300,000 kilowatts: a threshold that defines a class
  const cat = /\bwith (?:a|an)\s+((?:[\w-]+\s+){0,3})of\s+(?:less than|under|below|up to|no more than)\s+$/i.exec(s.slice(Math.max(0, n.start - 60), n.start));
  if (cat && !/\b(?:increase|growth|rise|gain|decrease|reduction|drop|decline|cut|fall)s?\b/i.test(cat[1])) return 'category';
  // three years of study, five years: durations in years written in words (as Chinese numerals before 年 are)
  if (n.word && n.factor === 1 && n.base === '年' && !NOUN_UP.test(s.slice(n.end, n.end + 20))) return 'period';
  // several hundred million, tens of millions: no number is claimed
  if (/\b(?:several|a few|a couple of|dozens of|tens of|hundreds of|thousands of|millions of|many)\s+$/i.test(before)) return 'vague';
  if (n.word && !n.share && n.factor === 1 && (n.kind === 'none' || n.kind === 'count')) {
    // the two regions, the following three areas, these four tasks: a known set, not a count
    if (/\b(?:the|these|those|following|all|both|its|our|their|his|her|first|next|last|other|every|each|of)\s+$/i.test(before)) return 'name';
    // "one country, two systems": inside quotation marks
    const open = Math.max(s.lastIndexOf('“', n.start), s.lastIndexOf('"', n.start));
    if (open !== -1 && n.start - open < 30 && (s.indexOf('”', open) > n.start || (s.charAt(open) === '"' && s.indexOf('"', open + 1) > n.start))) return 'name';
  }
  // "one of the", "two sessions": small word counts naming things
  if (n.word && !n.share && n.kind === 'none' && n.factor === 1 && /^\s+(?:of\b|or\b|more\b|another\b|-)/i.test(post)) return 'name';
  return null;
}

function group(items: Item[], s: string): Draft[] {
  const drafts: Draft[] = [];
  let pendingBaseline: Item | null = null;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    const last = drafts[drafts.length - 1];
    // a list continues the item before it: rose by 3.5 and 5.1 percent
    const prev = items[k - 1];
    const gap = prev ? s.slice(prev.n.end, it.n.start) : '';
    // by 9.97% for urban residents and 14.1% for rural residents: a qualifier between list items
    const continues =
      prev && prev.role === 'growth' && it.role === 'value' && !it.metric &&
      (/^(?:,\s*|,?\s+and\s+|\s+or\s+)$/.test(gap) || (/^\s+(?:for|in|of|at)\s+[^,;:.]{1,50}?(?:,\s*|,?\s+and\s+)$/.test(gap) && !/\b(?:is|are|was|were|has|have|had|will|rose|fell|grew|reached|increased|decreased|dropped|declined)\b/i.test(gap)));
    if (continues) {
      it.role = 'growth';
      it.direction = prev.direction;
      it.basis = prev.basis;
    }
    if (it.role === 'baseline') {
      pendingBaseline = it;
      continue;
    }
    if (it.role === 'growth') {
      if (last && !last.growth && !it.metric && !continues) {
        last.growth = it;
        continue;
      }
      drafts.push({ metric: it.metric ?? last?.metric ?? null, value: null, baseline: null, growth: it, ranks: [] });
      continue;
    }
    if (it.role === 'rank') {
      if (last && !it.metric) {
        last.ranks.push(it);
        continue;
      }
      drafts.push({ metric: it.metric, value: null, baseline: null, growth: null, ranks: [it] });
      continue;
    }
    const d: Draft = { metric: it.metric, value: it, baseline: null, growth: null, ranks: [] };
    if (pendingBaseline) {
      d.baseline = pendingBaseline;
      if (!d.metric) d.metric = pendingBaseline.metric;
      pendingBaseline = null;
    } else if (!d.metric && last) {
      d.metric = last.metric;
    }
    drafts.push(d);
  }
  if (pendingBaseline) drafts.push({ metric: pendingBaseline.metric, value: pendingBaseline, baseline: null, growth: null, ranks: [] });
  return drafts;
}

function claimsOfSentence(s: string, terms: Term[] = tagTerms(s)): Draft[] {
  const items = itemsOfSentence(s, terms);
  if (items.length === 0) return [];
  return group(items, s);
}

function round(x: number): number {
  return Number(x.toPrecision(12));
}

function quantity(text: string, base: number, it: Item): Quantity {
  const n = it.n;
  const span = { start: base + n.start, end: base + n.end };
  const unit = n.kind === 'doubling' ? 'doubling' : [n.prefix, n.scale, n.unitWord].filter(Boolean).join(' ') || null;
  return {
    raw: text.slice(span.start, span.end),
    span,
    number: n.value,
    upper: n.upper,
    masked: false,
    pattern: null,
    unit,
    scaled: { number: round(n.value * n.factor), unit: n.base },
    bound: it.bound,
  };
}

/** The period phrases of a statement, computed once for all its claims. */
let periodCache: { s: string; list: Array<{ at: number; text: string }> } | null = null;
function periodsOf(s: string): Array<{ at: number; text: string }> {
  if (periodCache?.s !== s) periodCache = { s, list: [...s.matchAll(PERIOD_RE)].map((m) => ({ at: m.index!, text: m[0] })) };
  return periodCache.list;
}

function toClaim(text: string, st: Statement, d: Draft, role: Section['role'], id: number): Claim {
  const base = st.span.start;
  const s = st.text;
  const elems = [d.value, d.baseline, d.growth, ...d.ranks].filter((x): x is Item => !!x);
  let first = Infinity;
  let last = -Infinity;
  for (const e of elems) {
    if (e.n.start < first) first = e.n.start;
    if (e.n.end > last) last = e.n.end;
  }
  const start = Math.min(first, d.metric?.start ?? first);
  const end = Math.max(last, d.metric && d.metric.start >= first ? d.metric.end : last);
  const metricSpan = d.metric ? { start: base + d.metric.start, end: base + d.metric.end } : null;
  const metricText = metricSpan ? text.slice(metricSpan.start, metricSpan.end) : '';
  const ranks: Rank[] = d.ranks.map((r) => ({
    raw: text.slice(base + r.n.start, base + r.n.end),
    span: { start: base + r.n.start, end: base + r.n.end },
    scope: r.rank?.scope ?? null,
    position: r.rank?.position ?? null,
    masked: false,
    top: r.rank?.top ?? false,
  }));
  // period: the last period phrase before the claim's first number, else the first one after it
  let period: Claim['period'] = null;
  let after: Claim['period'] = null;
  for (const m of periodsOf(s)) {
    const p = { text: m.text, span: { start: base + m.at, end: base + m.at + m.text.length }, kind: periodKindEn(m.text, s.slice(Math.max(0, m.at - 8), m.at)) };
    if (m.at + m.text.length <= first) period = p;
    else if (m.at >= last && !after) after = p;
  }
  period = period ?? after;
  const cs = clauseStart(s, 0, start);
  const scopeM = SCOPE_RE.exec(s.slice(cs, Math.min(s.length, last + 30)));
  return {
    id: `c${id}`,
    statementId: st.id,
    span: { start: base + start, end: base + end },
    text: text.slice(base + start, base + end),
    metric: { text: metricText || null, span: metricText ? metricSpan : null, canonical: metricText ? canonicalEn(metricText) : null },
    value: d.value ? quantity(text, base, d.value) : null,
    baseline: d.baseline ? quantity(text, base, d.baseline) : null,
    growth: d.growth ? { direction: d.growth.direction ?? 'up', quantity: quantity(text, base, d.growth), basis: d.growth.basis, average: /average|annual(?:ly)? on average/i.test(d.growth.basis ?? '') } : null,
    ranks,
    period,
    modality: modalityEn(s, first, role),
    scope: scopeM ? scopeM[1] : null,
  };
}

function canonicalOf(phrase: string): string | null {
  const id = canonicalMetric(phrase, 'en');
  return id && MUST_SAY[id] && !MUST_SAY[id].test(phrase) ? null : id;
}

/** A relation to a metric is not the metric: "percentage of GDP", "burden on market entities". */
const RELATIONAL = /^(?:(?:the|a|an|its|their|our)\s+)?(?:percentage|proportion|share|ratio|burden|contribution|length|average length|equivalent|portion|part|half|multiple|fraction)s?$/i;

/**
 * The canonical id of an English metric phrase (dictionaries/metrics.json "en" aliases, through
 * canonicalMetric): the longest alias anywhere in the phrase ("energy consumption per unit of GDP"),
 * unless the phrase's head — the words before its first preposition — names a relation to it
 * ("share in the global economy", "percentage of GDP", "burden on market entities": none).
 */
/** Ids whose English aliases are broader than the metric: the phrase must also say this. */
const MUST_SAY: Record<string, RegExp> = { urban_income: /\bincomes?\b/i, rural_income: /\bincomes?\b/i };

export function canonicalEn(phrase: string): string | null {
  const full = canonicalOf(phrase);
  if (!full) return null;
  const m = /^(.*?)\s+(?:of|on|to|toward|towards|in|for|as)\s+/i.exec(phrase);
  if (!m || !m[1]) return full;
  if (RELATIONAL.test(m[1].trim()) && !canonicalOf(m[1])) return null;
  return full;
}

/** forecast for expected/estimated; target for target/aim/projected/will/should and in plans; else actual. */
function modalityEn(s: string, at: number, role: Section['role']): Modality {
  // the sentence up to the claim (within a bound, for the passes to stay linear on huge sentences)
  const h0 = Math.max(0, at - 1000);
  const head = s.slice(h0, at);
  // the cue governs its own clause, or the whole sentence when it opens it
  const clause = s.slice(clauseStart(s, 0, at), at);
  if (FORECAST_RE.test(clause) || (FORECAST_RE.test(head) && !/[,;:]/.test(head.slice(0, head.search(FORECAST_RE))))) return 'forecast';
  if (role === 'plans') {
    if (TARGET_RE.test(s.slice(h0, at + 300))) return 'target';
    if (ACTUAL_IN_PLANS.test(head)) return 'actual';
    return 'target';
  }
  if (TARGET_RE.test(head)) return 'target';
  return 'actual';
}

/** For tests and the eval: the claims of one English sentence, without sections (role body). */
export function claimsOfText(s: string): Claim[] {
  const st: Statement = { id: 's1', sectionId: 'sec-1', span: { start: 0, end: s.length }, text: s, items: [] };
  return extractClaimsEn(s, [st], []);
}
