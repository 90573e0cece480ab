/**
 * Heading markers of the genre: 第一部分, 一、, （一）, 1. / 1、, （1）, ①, Markdown #, and the
 * enumerations 一是…二是… that run inside paragraphs. Pure functions over one line.
 */
import type { MarkerKind } from '../schema/index.js';
import { isBlankCode } from './lines.js';

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十二 → 12, 二十 → 20, 二十三 → 23 (up to 99); null when not such a numeral. */
export function smallChineseNumber(s: string): number | null {
  if (!s || s.length > 3) return null;
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 && s in CN_DIGITS ? CN_DIGITS[s] : null;
  const hi = ten === 0 ? 1 : CN_DIGITS[s[0]];
  const loCh = s.slice(ten + 1);
  const lo = loCh === '' ? 0 : CN_DIGITS[loCh];
  if (hi === undefined || lo === undefined || (ten > 1) || loCh.length > 1) return null;
  return hi * 10 + lo;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export interface LineMarker {
  kind: MarkerKind;
  /** rank in the hierarchy: lower is higher up */
  rank: number;
  ordinal: number | null;
  /** offsets relative to the line */
  start: number;
  end: number;
}

/** Hierarchy of the genre. Markdown headings without a marker take their rank from the number of #. */
export const RANK: Record<string, number> = {
  part: 0,
  chinese: 1,
  'paren-chinese': 2,
  arabic: 3,
  'paren-arabic': 4,
  circled: 5,
  enumeration: 6,
};

const CN_NUM_CLASS = '[一二三四五六七八九十]{1,3}';
const RE_PART = new RegExp(`^第(${CN_NUM_CLASS})(部分|篇|章)`);
const RE_CHINESE = new RegExp(`^(${CN_NUM_CLASS})[、，．.]`);
const RE_PAREN_CHINESE = new RegExp(`^[（(](${CN_NUM_CLASS})[）)]`);
const RE_ARABIC = /^(\d{1,2})(?:[、．]|\.(?!\d))/;
const RE_PAREN_ARABIC = /^[（(](\d{1,2})[）)]/;

/**
 * Find a heading marker at position `at` of `line` (after indentation and markup were skipped).
 */
export function matchMarker(line: string, at: number): LineMarker | null {
  const rest = line.slice(at, at + 12);
  let m: RegExpExecArray | null;
  if ((m = RE_PART.exec(rest))) {
    return mk('part', smallChineseNumber(m[1]), at, m[0].length);
  }
  if ((m = RE_CHINESE.exec(rest))) {
    const n = smallChineseNumber(m[1]);
    // 一、 but not 一，二 lists; the comma form is accepted only after a number with 、 elsewhere
    if (n !== null && (m[0].endsWith('、') || m[0].endsWith('.') || m[0].endsWith('．'))) {
      return mk('chinese', n, at, m[0].length);
    }
  }
  if ((m = RE_PAREN_CHINESE.exec(rest))) {
    const n = smallChineseNumber(m[1]);
    if (n !== null) return mk('paren-chinese', n, at, m[0].length);
  }
  if ((m = RE_ARABIC.exec(rest))) {
    // 1. 1、 1． but not 2014年 or 5.2%
    return mk('arabic', Number(m[1]), at, m[0].length);
  }
  if ((m = RE_PAREN_ARABIC.exec(rest))) {
    return mk('paren-arabic', Number(m[1]), at, m[0].length);
  }
  const c = rest.charAt(0);
  const ci = c ? CIRCLED.indexOf(c) : -1;
  if (ci !== -1) return mk('circled', ci + 1, at, 1);
  return null;
}

function mk(kind: MarkerKind, ordinal: number | null, at: number, len: number): LineMarker {
  return { kind, rank: RANK[kind], ordinal, start: at, end: at + len };
}

/** What may stand right before an enumeration marker inside running text (or the text's start), besides any blank. */
const ENUM_BEFORE = '。；：，！？\n\u3000 、“';
const ENUM_NUMERALS = '一二三四五六七八九十';

export interface EnumHit {
  start: number;
  end: number;
  ordinal: number;
  marker: string;
}

/**
 * Enumerations in `text` between `from` and `to`: runs 一是, 二是, … 十是 with consecutive ordinals.
 * A marker is one or two numerals and 是, after punctuation, a line break or a space (or at the
 * start of the text); the numerals are tried longest first. A lone 一是 without 二是 is not an
 * enumeration. The search jumps from 是 to 是 (indexOf), so it costs little where there are none.
 */
export function findEnumerations(text: string, from: number, to: number): EnumHit[][] {
  return consecutiveRuns(enumerationMarkers(text, from, to));
}

/** Every enumeration marker (X是) in `text` between `from` and `to`, in order, runs or not. */
export function enumerationMarkers(text: string, from: number, to: number): EnumHit[] {
  const hits: EnumHit[] = [];
  // (bounds first: ''.includes('') would be true)
  const numeral = (i: number) => i >= from && i < to && ENUM_NUMERALS.includes(text.charAt(i));
  const opens = (i: number) =>
    i === 0 || (i <= text.length && (ENUM_BEFORE.includes(text.charAt(i - 1)) || isBlankCode(text.charCodeAt(i - 1))));
  // search only the range: a search running on past `to` would make the whole pass quadratic
  const part = text.slice(from, to);
  for (let k = part.indexOf('是'); k !== -1; k = part.indexOf('是', k + 1)) {
    const q = from + k;
    let start = -1;
    if (numeral(q - 2) && numeral(q - 1) && opens(q - 2)) start = q - 2;
    else if (numeral(q - 1) && opens(q - 1)) start = q - 1;
    if (start === -1) continue;
    const marker = text.slice(start, q + 1);
    const ordinal = smallChineseNumber(marker.slice(0, -1));
    if (ordinal !== null) hits.push({ start, end: q + 1, ordinal, marker });
  }
  return hits;
}

/** Hits grouped into runs of consecutive ordinals starting at 1, each of two or more. */
function consecutiveRuns(hits: EnumHit[]): EnumHit[][] {
  const runs: EnumHit[][] = [];
  let cur: EnumHit[] = [];
  for (const h of hits) {
    if (h.ordinal === 1) {
      if (cur.length >= 2) runs.push(cur);
      cur = [h];
    } else if (cur.length > 0 && h.ordinal === cur[cur.length - 1].ordinal + 1) {
      cur.push(h);
    }
  }
  if (cur.length >= 2) runs.push(cur);
  return runs;
}

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
/** "First," "Second," … (or "Firstly,") as the first word of a line. */
const ENUM_EN_RE = /\b(First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth)(?:ly)?,/g;

/**
 * English enumerations between `from` and `to`: paragraphs opening "First, … Second, … Third, …"
 * with consecutive ordinals, as the official translations render 一是、二是 and 第一、第二. Only an
 * ordinal that opens a line counts ("the first, second and third" inside a sentence does not).
 */
export function findEnumerationsEn(text: string, from: number, to: number): EnumHit[][] {
  const hits: EnumHit[] = [];
  const part = text.slice(from, to);
  ENUM_EN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENUM_EN_RE.exec(part))) {
    const start = from + m.index;
    // only blanks between the line's start and the word, looked at over a bounded stretch
    let k = start - 1;
    while (k >= from && start - k <= 8 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 0x3000)) k--;
    if (k >= from && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) continue;
    const marker = m[0];
    hits.push({ start, end: start + marker.length, ordinal: ORDINAL_WORDS.indexOf(m[1].toLowerCase()) + 1, marker });
  }
  return consecutiveRuns(hits);
}
