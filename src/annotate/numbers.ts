/**
 * Stage: annotate — numbers. Finds numbers ourselves (jieba splits 5.2% into pieces): Arabic and
 * full-width digits (already folded by normalisation), decimals, thousands separators, masked and
 * partly masked numbers (`***`, `9*`), Chinese numerals in the patterns of the genre (百分之三点五,
 * 三分之一, 翻一番, 两倍, 五成, 全国第二, 首位, 百强, 前三), ranges (5%—6%, 6%到7%), units after
 * them and bound words around them.
 *
 * Input is the normalised copy; offsets are normalised offsets (the caller maps them back).
 * Every pattern here is linear: no nested quantifiers over the same characters.
 */
import { unitAt, type UnitMatch } from './units.js';
import { loadJson } from '../dictionaries.js';

export interface NumberToken {
  /** normalised offsets of the numeral itself (digits, stars, Chinese numerals) */
  start: number;
  end: number;
  raw: string;
  value: number | null;
  masked: boolean;
  /** the partly masked digits as written: 9* */
  pattern: string | null;
  chinese: boolean;
  unit: UnitMatch | null;
  /** offset after the unit (or after the number when none) */
  after: number;
  /** the other end of a range, when this token starts one */
  upper: NumberToken | null;
  /** special forms read from Chinese patterns */
  form: 'plain' | 'percent-cn' | 'fraction' | 'fan' | 'rank-cn' | 'top' | 'first';
  /**
   * true when the number as written (raw) is too large to compute with: 1e300 or more with its unit's
   * scale (309 digits or more do not even fit a double); value is then null, and raw keeps what was written
   */
  tooLarge?: boolean;
}

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };
/**
 * The three tables above by code unit (`c in CN_DIGIT` on an object keyed by CJK characters was a
 * per cent of the pipeline): DIGIT_OF the digit or -1, UNIT_OF the unit's value or 0, UNIT_BIG 1
 * for 万 and 亿.
 */
const DIGIT_OF = new Int8Array(65536).fill(-1);
const UNIT_OF = new Float64Array(65536);
const UNIT_BIG = new Uint8Array(65536);
for (const [c, v] of Object.entries(CN_DIGIT)) DIGIT_OF[c.charCodeAt(0)] = v;
for (const [c, v] of Object.entries(CN_SMALL_UNIT)) UNIT_OF[c.charCodeAt(0)] = v;
for (const [c, v] of Object.entries(CN_BIG_UNIT)) {
  UNIT_OF[c.charCodeAt(0)] = v;
  UNIT_BIG[c.charCodeAt(0)] = 1;
}
export const CN_NUM_CHARS = '零〇一二两三四五六七八九十百千万亿点';
/**
 * Code-unit tables, read once per character of every statement (a Set lookup there cost a few per
 * cent of the whole pipeline): 1 = a Chinese numeral character; 2 = can start a token other than
 * digits and stars without being a numeral (首, 翻).
 */
const CN_CLASS = new Uint8Array(65536);
for (const c of CN_NUM_CHARS) CN_CLASS[c.charCodeAt(0)] = 1;
for (const c of '首翻') CN_CLASS[c.charCodeAt(0)] = 2;
/** 3 = a mask character of drafts (XX亿元, X.X%, □□万人), marked from dictionaries/placeholders.json on first use */
let masksLoaded = false;
function loadMasks(): void {
  masksLoaded = true;
  const d = loadJson<{ xMaskChars: string; boxMaskChars: string }>('placeholders.json');
  for (const c of d.xMaskChars + d.boxMaskChars) if (CN_CLASS[c.charCodeAt(0)] === 0) CN_CLASS[c.charCodeAt(0)] = 3;
  for (const c of d.xMaskChars) X_MASK.add(c);
}
const X_MASK = new Set<string>();
const NUMERAL_NEAR = /[0-9〇○零一二两三四五六七八九]/;

/**
 * A draft's mask of letters or boxes where a number belongs: XX亿元, X.X%, ×××万人, □□个. Only before a
 * unit (X射线 is a word, ○ touching a numeral is a zero); returns a masked token or null.
 */
function maskToken(t: string, i: number, to: number): NumberToken | null {
  const c = t.charAt(i);
  let j = i;
  while (j < to && t.charAt(j) === c) j++;
  const x = X_MASK.has(c);
  if (x && t.charAt(j) === '.' && t.charAt(j + 1) === c) {
    j++;
    while (j < to && t.charAt(j) === c) j++;
  }
  if (x && (/[A-Za-z0-9]/.test(t.charAt(i - 1)) || /[A-Za-z0-9]/.test(t.charAt(j)))) return null;
  if (!x && (NUMERAL_NEAR.test(t.charAt(i - 1)) || NUMERAL_NEAR.test(t.charAt(j)))) return null;
  const unit = unitAt(t, j);
  if (!unit) return null;
  return {
    start: i,
    end: j,
    raw: t.slice(i, j),
    value: null,
    masked: true,
    pattern: null,
    chinese: false,
    unit,
    after: unit.end,
    upper: null,
    form: 'plain',
  };
}

/** 一千二百零六 → 1206, 三点五 → 3.5, 十二 → 12, 两 → 2; null when not a numeral. */
export function parseChineseNumber(s: string): number | null {
  if (!s) return null;
  const dot = s.indexOf('点');
  if (dot !== -1) {
    const int = dot === 0 ? 0 : parseChineseNumber(s.slice(0, dot));
    const frac = s.slice(dot + 1);
    if (int === null || !frac) return null;
    let digits = '';
    // code units, not code points: a surrogate is in no table, as a whole astral character was not
    for (let i = 0; i < frac.length; i++) {
      const d = DIGIT_OF[frac.charCodeAt(i)];
      if (d < 0) return null;
      digits += String(d);
    }
    return Number(`${int}.${digits}`);
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = DIGIT_OF[c];
    if (d >= 0) {
      digit = d;
      continue;
    }
    const unit = UNIT_OF[c];
    if (unit === 0) return null;
    if (!UNIT_BIG[c]) {
      section += (digit ?? 1) * unit;
      digit = null;
      continue;
    }
    section += digit ?? 0;
    total += (section || 1) * unit;
    section = 0;
    digit = null;
  }
  return total + section + (digit ?? 0);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isDigitOrStar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 42;
}

const RANGE_SEP = new Set(['—', '-', '－', '~', '～', '–', '至', '到']);

/** A number at or past this (with its unit's scale) is marked tooLarge: see arabicToken. */
const TOO_LARGE = 1e300;

/** Read an Arabic or masked number at i; returns its end, or -1. */
function readArabic(t: string, i: number, to: number): number {
  let j = i;
  while (j < to) {
    const c = t.charCodeAt(j);
    if (isDigitOrStar(c)) {
      j++;
    } else if ((c === 46 /* . */ || c === 44 /* , */) && j + 1 < to && isDigitOrStar(t.charCodeAt(j + 1)) && j > i) {
      // 1,234 — a comma is a thousands separator only before exactly three digits
      if (c === 44) {
        let k = j + 1;
        while (k < to && isDigit(t.charCodeAt(k))) k++;
        if (k - j - 1 !== 3) break;
      }
      j++;
    } else {
      break;
    }
  }
  return j > i ? j : -1;
}

function arabicToken(t: string, i: number, j: number): NumberToken {
  let raw = t.slice(i, j);
  const masked = raw.includes('*');
  const digits = raw.replace(/,/g, '');
  const partial = masked && /[0-9]/.test(raw);
  let value: number | null = masked ? null : Number(digits);
  let tooLarge = false;
  // 149 项: one space between a number and a Chinese unit
  let unit = unitAt(t, j) ?? (t.charAt(j) === ' ' && /[\u4e00-\u9fff]/.test(t.charAt(j + 1)) ? unitAt(t, j + 1) : null);
  // 1万6千多户, 1亿3千多万, 2万5千公里: a second, smaller place value continues the number
  if (unit && unit.kind === 'scale' && value !== null) {
    const m = /^(\d{1,3})[千百]/.exec(t.slice(unit.end, unit.end + 6));
    if (m) {
      // the smaller place value may itself carry a bound and a second scale: 3千多万 = 3 千万
      const small = unitAt(t, unit.end + m[1].length);
      if (small && small.factor < unit.factor) {
        value = Math.round((value + (Number(m[1]) * small.factor) / unit.factor) * 1e6) / 1e6;
        // the unit keeps the larger scale and the base unit of what follows the smaller one
        unit = { unit: unit.scale + small.base, scale: unit.scale, factor: unit.factor, base: small.base, end: small.end, kind: small.kind };
      }
    }
  }
  // 309 digits or more do not fit a double (Infinity), and past 1e300 with its scale a number
  // overflows what is computed from it (scaled values, rounding to 1e-6); a run that is no number
  // (an address 10.6.132.108) has no value (NaN would fail the schema)
  if (value !== null && Number.isNaN(value)) value = null;
  else if (value !== null && !(Math.abs(value * (unit ? unit.factor : 1)) < TOO_LARGE)) {
    value = null;
    tooLarge = true;
  }
  const tok: NumberToken = {
    start: i,
    end: j,
    raw,
    value,
    masked,
    pattern: partial ? raw : null,
    chinese: false,
    unit,
    after: unit ? unit.end : j,
    upper: null,
    form: 'plain',
  };
  if (tooLarge) tok.tooLarge = true;
  return tok;
}

/** Units of things counted one by one, that a figure without 万 or 亿 never has a fraction of. */
const WHOLE_COUNT = new Set(['个', '项', '家', '条', '件', '所', '座', '名', '次', '批', '部', '支', '场', '户']);

/** Whether only blanks stand between the start of the line and `i`. */
function opensLine(t: string, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    const c = t.charCodeAt(k);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9 && c !== 0x3000) return false;
  }
  return i === 0;
}

function cnRunEnd(t: string, i: number, to: number): number {
  let j = i;
  while (j < to && CN_CLASS[t.charCodeAt(j)] === 1) j++;
  return j;
}

/**
 * All number tokens in t[from, to). Stars that are Markdown bold delimiters must already be
 * excluded by the caller through `skip` (normalised offsets of `**` delimiters).
 */
export function scanNumbers(t: string, from: number, to: number, skip?: Set<number>): NumberToken[] {
  const out: NumberToken[] = [];
  if (!masksLoaded) loadMasks();
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (isDigitOrStar(c)) {
      if (c === 42 && skip && skip.has(i)) {
        i++;
        continue;
      }
      let j = readArabic(t, i, to);
      if (j === -1) continue;
      // a bold delimiter inside a star run: stop before it
      if (skip) {
        for (let k = i; k < j; k++) {
          if (skip.has(k)) {
            j = k;
            break;
          }
        }
        if (j <= i) continue;
      }
      // a lone '*' next to letters is rarely a mask (footnote marks); keep 2+ stars or digits
      let tok = arabicToken(t, i, j);
      // 8.6个重大科技专项：… opening a line of notes is item 8 and a count of 6: a count of things
      // (个, 项, 家…) with no scale is whole, so a line's opening N.M before one is N. and M
      // (the dot looked for in the number only: indexOf from i would scan the rest of the text)
      const dot = t.charAt(i + 1) === '.' ? i + 1 : t.charAt(i + 2) === '.' ? i + 2 : -1;
      if (dot > i && dot < j - 1 && tok.unit && tok.unit.factor === 1 && WHOLE_COUNT.has(tok.unit.base) && opensLine(t, i)) {
        tok = arabicToken(t, dot + 1, j);
      }
      out.push(tok);
      // continue after the unit: 1万6千户 is one number, not two
      i = Math.max(j, tok.after) - 1;
      continue;
    }
    if (CN_CLASS[c] === 0) continue;
    if (CN_CLASS[c] === 3) {
      const tok = maskToken(t, i, to);
      if (tok) {
        out.push(tok);
        i = tok.after - 1;
      } else {
        while (i + 1 < to && t.charCodeAt(i + 1) === c) i++;
      }
      continue;
    }
    const ch = t.charAt(i);
    // 百分之三点五
    if (ch === '百' && t.startsWith('百分之', i)) {
      const e = cnRunEnd(t, i + 3, to);
      const v = parseChineseNumber(t.slice(i + 3, e));
      if (v !== null && e > i + 3) {
        out.push(cnToken(t, i, e, v, 'percent-cn', { unit: '%', scale: '', factor: 1, base: '%', end: e, kind: 'percent' }));
        i = e - 1;
        continue;
      }
    }
    // CN_CLASS 1 is exactly CN_NUM_CHARS
    if (CN_CLASS[c] === 1 && ch !== '点') {
      const e = cnRunEnd(t, i, to);
      const run = t.slice(i, e);
      // 三分之一
      if (t.startsWith('分之', e)) {
        const e2 = cnRunEnd(t, e + 2, to);
        const a = parseChineseNumber(run);
        const b = parseChineseNumber(t.slice(e + 2, e2));
        if (a && b !== null && e2 > e + 2) {
          out.push(cnToken(t, i, e2, Math.round((b / a) * 1000) / 1000, 'fraction', null));
          i = e2 - 1;
          continue;
        }
      }
      const tok = chineseInContext(t, i, e, run);
      if (tok) {
        out.push(tok);
        i = tok.after - 1;
        continue;
      }
      i = e - 1;
      continue;
    }
    // 首位 = first place
    if (ch === '首' && t.charAt(i + 1) === '位' && /[居列排]|全国|全省|全市|世界|全球/.test(t.slice(Math.max(from, i - 6), i))) {
      out.push(cnToken(t, i, i + 1, 1, 'first', null));
      i++;
      continue;
    }
    // 翻番 = doubled
    if (ch === '翻' && t.charAt(i + 1) === '番') {
      out.push(cnToken(t, i, i + 2, 1, 'fan', { unit: '番', scale: '', factor: 1, base: '番', end: i + 2, kind: 'multiple' }));
      i++;
    }
  }
  linkRanges(t, out);
  return out;
}

function cnToken(t: string, i: number, e: number, v: number, form: NumberToken['form'], unit: UnitMatch | null): NumberToken {
  return {
    start: i,
    end: e,
    raw: t.slice(i, e),
    value: v,
    masked: false,
    pattern: null,
    chinese: true,
    unit,
    after: unit ? Math.max(unit.end, e) : e,
    upper: null,
    form,
  };
}

const RANK_CONTEXT = /(?:居|列|排名|排|位|跃居|进入|全国|全省|全市|全区|全疆|全球|世界|全州|全盟|东北|西部|中部|华东|同类城市|副省级城市)[^，。；]{0,6}$/;
const NOT_AFTER_ORDINAL = /^(?:次|批|个|届|条|章|部分|阶段|产业|步|轮|季度|年|期|类|档|方阵|梯队|动力|要务|责任人|生产力|课|书记|时间|线|大|家|号|支)/;

/** A Chinese numeral in a pattern of the genre, or null. */
function chineseInContext(t: string, i: number, e: number, run: string): NumberToken | null {
  const v = parseChineseNumber(run);
  if (v === null) return null;
  const before = t.slice(Math.max(0, i - 10), i);
  const next = t.charAt(e);
  // 翻一番 / 翻两番 / 翻了近一番
  if (t.startsWith('番', e) && /翻(?:了)?(?:近|约|超过)?$/.test(before)) {
    return cnToken(t, i, e, v, 'fan', { unit: '番', scale: '', factor: 1, base: '番', end: e + 1, kind: 'multiple' });
  }
  // 第二 / 第一 as a rank: 全国第二, 居全省第一
  if (before.endsWith('第') && run.length <= 3 && !/[万亿点]/.test(run)) {
    const rest = t.slice(e, e + 4);
    if (NOT_AFTER_ORDINAL.test(rest)) return null;
    if (!RANK_CONTEXT.test(before.slice(0, -1)) && !/^[位名]/.test(rest)) return null;
    const unit = /^[位名]/.test(rest) ? unitAt(t, e) : null;
    return cnToken(t, i, e, v, 'rank-cn', unit);
  }
  // 前三 / 前十位 (top N), 百强 / 十强
  if (before.endsWith('前') && /^[位名强]|^[，。、；]/.test(t.slice(e, e + 1)) && RANK_CONTEXT.test(before.slice(0, -1) + '位')) {
    const unit = /^[位名]/.test(next) ? unitAt(t, e) : null;
    return cnToken(t, i, e, v, 'top', unit);
  }
  if (next === '强' && /^(?:十|百|五百|千|二十|五十|三十)$/.test(run)) {
    return cnToken(t, i, e, v, 'top', null);
  }
  // 两倍, 五成
  if (next === '倍' && run.length <= 4) {
    return cnToken(t, i, e, v, 'plain', unitAt(t, e));
  }
  if (next === '成' && run.length <= 2 && /[近约超过达逾多占偏]$|^$/.test(before.slice(-1)) && /^[，。、；以左多]/.test(t.charAt(e + 1))) {
    return cnToken(t, i, e, v, 'plain', { unit: '成', scale: '', factor: 1, base: '成', end: e + 1, kind: 'multiple' });
  }
  // 上千万家庭, 突破万亿元, 破亿: a bare place value after a bound word is one of it
  if (/^[千百万亿]+$/.test(run) && /(?:上|过|破|超|逾|近|突破|超过|跨越)$/.test(before)) {
    if (run.length === 1) {
      const unit = unitAt(t, i);
      if (unit) return cnToken(t, i, i + 1, 1, 'plain', unit);
    } else {
      const head = parseChineseNumber(run.slice(0, -1));
      const unit = unitAt(t, e - 1);
      if (head !== null && unit) return cnToken(t, i, e - 1, head, 'plain', unit);
    }
  }
  // 一半: half
  if (run === '一' && t.charAt(e) === '半' && /(?:超过|近|约|占|达到|的)[^，。；]{0,4}$/.test(before)) {
    return cnToken(t, i, e + 1, 0.5, 'plain', null);
  }
  // 一千二百零六万人: a multi-character numeral with a place value, followed by a unit; a trailing
  // 万/亿 is the unit's scale (1206 万人), as with Arabic numbers
  let core = run;
  while (core.length > 1 && /[万亿]$/.test(core)) core = core.slice(0, -1);
  if (core.length >= 2 && /[十百千]/.test(core) && /[一二两三四五六七八九]/.test(core)) {
    const ce = i + core.length;
    const cv = parseChineseNumber(core);
    const unit = unitAt(t, ce);
    if (cv !== null && unit && unit.kind !== 'scale') return cnToken(t, i, ce, cv, 'plain', unit);
  }
  return null;
}

/** 5%—6%, 6%-7%, 6%到7%, 1—2家: the first token takes the second as its upper end. */
function linkRanges(t: string, toks: NumberToken[]): void {
  for (let k = 0; k + 1 < toks.length; k++) {
    const a = toks[k];
    const b = toks[k + 1];
    if (a.chinese || b.chinese) continue;
    const gap = t.slice(a.after, b.start);
    if (gap.length !== 1 || !RANGE_SEP.has(gap)) continue;
    // a unit on the first must match the second's (or be absent)
    if (a.unit && b.unit && a.unit.unit !== b.unit.unit) continue;
    // 1—11月 is a period, 2018-2022年 are years: the caller filters those by the unit after
    a.upper = b;
  }
}
