/**
 * Matching keys: the text with punctuation, whitespace and formatting characters dropped, full-width
 * digits and letters folded to ASCII (via `foldWidthCode` from src/normalize), ASCII letters lower-cased.
 * Keys are for matching only; every key character remembers the original UTF-16 offset it came from,
 * so a key range maps back to an exact span of the original text.
 */
import { foldWidthCode, normalize } from '../normalize/index.js';
import type { Statement } from '../schema/index.js';

/** The separator put between statements in a key stream: it never matches anything, itself included. */
export const SEP = 0;

/** The decimal point's entry in the key table: kept only between two digits. */
export const DOT = 0x2e;

let KEYS: Uint16Array | null = null;

/**
 * Every code unit's key code, folding and case included, in one lookup: 0 when it is dropped, DOT
 * for a point (. and its full-width form), which is kept only between digits.
 */
export function keyTable(): Uint16Array {
  if (KEYS) return KEYS;
  const drop = new Uint8Array(65536);
  const re = /[\p{P}\p{Z}\p{Cc}\p{Cf}\s]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogate halves: keep (they pair up)
    if (re.test(String.fromCharCode(c))) drop[c] = 1;
  }
  drop[0x25] = 0; // % is meaningful next to a number
  drop[DOT] = 0; // . only as a decimal point: see keyCode
  for (const ch of '|`^') drop[ch.charCodeAt(0)] = 1; // markdown table and code marks
  drop[0] = 1; // NUL would collide with SEP
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    let f = foldWidthCode(c);
    if (drop[f]) continue;
    if (f >= 0x41 && f <= 0x5a) f += 32;
    t[c] = f;
  }
  KEYS = t;
  return t;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * The key code of text[i] inside a range ending at `end`, after key code `prevKey` (-1 at the range's
 * start), or -1 when it is dropped. `table` is keyTable().
 */
export function keyCode(text: string, i: number, end: number, prevKey: number, table: Uint16Array): number {
  const k = table[text.charCodeAt(i)];
  if (k === 0) return -1;
  if (k === DOT) {
    if (!isDigit(prevKey) || i + 1 >= end) return -1;
    return isDigit(table[text.charCodeAt(i + 1)]) ? k : -1;
  }
  return k;
}

/**
 * Writes the key codes of text[start, end) to `out` from index `at` (room for end − start codes is
 * needed) and returns the index after the last one written.
 */
function keyCodesInto(text: string, start: number, end: number, out: Uint16Array, at: number): number {
  const table = keyTable();
  let k = at;
  let prev = -1;
  for (let i = start; i < end; i++) {
    const c = keyCode(text, i, end, prev, table);
    if (c < 0) continue;
    out[k++] = c;
    prev = c;
  }
  return k;
}

/** The matching key of text[start, end). */
export function keyOf(text: string, start = 0, end = text.length): string {
  const out = new Uint16Array(Math.max(0, end - start));
  return codesToString(out, 0, keyCodesInto(text, start, end, out, 0));
}

export function codesToString(codes: ArrayLike<number>, start: number, end: number): string {
  const CHUNK = 4096;
  if (end - start <= CHUNK) {
    if (Array.isArray(codes)) return String.fromCharCode.apply(null, codes.slice(start, end) as number[]);
    return String.fromCharCode.apply(null, (codes as Uint16Array).subarray(start, end) as unknown as number[]);
  }
  let s = '';
  for (let i = start; i < end; i += CHUNK) s += codesToString(codes, i, Math.min(end, i + CHUNK));
  return s;
}

/** The readable normalised form shown in `Duplicate.text`: width folded, zero-width and whitespace removed. */
export function displayForm(s: string): string {
  return normalize(s).text.replace(/[\s\u3000]+/g, '');
}

/** Statement indices in text order (stable). */
export function statementOrder(statements: Statement[]): number[] {
  const order = statements.map((_, i) => i);
  let sorted = true;
  for (let i = 1; i < statements.length; i++) {
    if (statements[i].span.start < statements[i - 1].span.start) {
      sorted = false;
      break;
    }
  }
  if (!sorted) order.sort((a, b) => statements[a].span.start - statements[b].span.start || a - b);
  return order;
}

const HEADING_MARKER =
  /^(?:#{1,6}|[一二三四五六七八九十百零〇]+[、.．]|[（(][一二三四五六七八九十百零〇\d]{1,3}[）)]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十百零〇\d]+(?:部分|章|节|篇|条)|[①-⑳])/;

/** Longest heading line skipped, in characters. */
export const HEADING_MAX = 40;

/**
 * A short heading line: the statement starts its line (after indent, `#`, `*` or `>`), opens with a
 * heading marker (一、 （一） ## 1. 第一部分 ①) or is a whole bold line, and is under 40 characters.
 * Headings repeated in a table of contents are not duplicates.
 */
export function isHeading(text: string, st: Statement): boolean {
  const { start, end } = st.span;
  if (end - start >= HEADING_MAX + 8) return false;
  let i = start - 1;
  let prefix = '';
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) break;
    const ch = text[i];
    if (!/[\s\u3000#*>\u200b-\u200d\u2060\ufeff]/.test(ch)) return false;
    prefix = ch + prefix;
    i--;
  }
  const body = st.text.replace(/^[\s\u3000*>\u200b-\u200d\u2060\ufeff]+/, '');
  const trimmed = body.replace(/[\s\u3000*]+$/, '');
  const len = trimmed.replace(/^#+\s*/, '').length;
  if (len >= HEADING_MAX || len === 0) return false;
  if (/#/.test(prefix) || /^#/.test(body)) return true;
  if (HEADING_MARKER.test(body)) return true;
  // a whole line in bold: **政府工作报告**
  if (/\*\*\s*$/.test(prefix) || /^\*\*/.test(st.text.trimStart())) {
    let j = end;
    while (j < text.length && /[*\s\u3000]/.test(text[j]) && text[j] !== '\n') j++;
    return j >= text.length || text[j] === '\n' || text[j] === '\r';
  }
  return false;
}

/**
 * One document as a key stream: the keys of its (non-heading) statements in text order, each followed
 * by SEP. `orig[k]` is the original offset of key position k (-1 for SEP); statement `order[r]` owns
 * key range [keyStart[r], keyEnd[r]).
 */
export interface KeyStream {
  codes: Uint16Array;
  orig: Int32Array;
  length: number;
  /** statement indices in text order */
  order: number[];
  /** per rank in `order` */
  keyStart: Int32Array;
  keyEnd: Int32Array;
  /** 1 for short heading lines, bracketed notes and structure (isStructure): left out of every comparison but stutter */
  heading: Uint8Array;
  /** per rank: where the statement's line starts */
  lineStart: Int32Array;
  /** per rank: 1 when the statement opens an entry of a numbered list or of notes (opensEntry) */
  entry: Uint8Array;
}

/**
 * A note wholly in brackets: （牵头单位：市住建局） after each task repeats by design, it is not prose.
 */
export function isNote(st: Statement): boolean {
  const t = st.text.trim();
  if (t.length < 2 || t.length > 60) return false;
  const open = t[0];
  const close = t[t.length - 1];
  if (!((open === '（' || open === '(') && (close === '）' || close === ')'))) return false;
  // one bracket pair around the whole statement, not （一）…（二）
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') {
      depth--;
      if (depth === 0 && i < t.length - 1) return false;
    }
  }
  return true;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** a Markdown link or image, `[alt](target)` or `![alt](target)`: bounded, negated classes only */
const MD_LINK = /!?\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)/g;
/**
 * A dateline: (——)2024年1月22日在…人民代表大会第二次会议上, in brackets or not, Arabic or Chinese
 * numerals; a speaker's name may follow on the same line.
 */
const DATELINE = /^[—\-－─\s\u3000（(]*[0-9〇○零一二三四五六七八九十]{2,4}年[0-9〇○零一二三四五六七八九十]{1,3}月[0-9〇○零一二三四五六七八九十]{1,3}日(?:在|于)[^。！？\n]{2,80}(?:会议|大会|会)上/;
/**
 * The opening of an entry of a glossary or of notes: a number and a term defined after it
 * （28）“引大济岷”：… / 12.“多审合一”“多证合一”：…, or a note's number [37]…, 注1：… . Paragraphs
 * opening with 一是 or 1. alone are prose, not entries.
 */
const ENTRY_MARKER = /^[\s\u3000]*(?:(?:[（(]\d{1,3}[）)]|\d{1,3}[.．、](?!\d))[^。；！？\n]{1,30}[：:]|\[\d{1,3}\]|［\d{1,3}］|注\s*\d{0,3}[:：])/;

/**
 * Text that repeats by design and is not prose of the report, left out like headings (the clause
 * check aside):
 * - a row of a Markdown table (`| 指标 | 单位 | 绝对数 |`: header rows repeat over every table);
 * - a statement with no Chinese once Markdown links and images are taken out, in a Chinese
 *   document (`![](./W0202….png)`, a "Public domain" footer, a URL);
 * - a dateline (——2024年1月22日在…会议上), which sources repeat under the title;
 * - a whole short line without a sentence's punctuation (no ，。；！？): a title, a caption
 *   (表6　2024年…增长速度), a speaker's line, an unnumbered heading.
 * `lineStart` is the offset where the statement's line starts; `cjkDoc` whether the document is
 * written in Chinese.
 */
export function isStructure(text: string, st: Statement, lineStart: number, cjkDoc: boolean): boolean {
  const { start, end } = st.span;
  let i = lineStart;
  while (i < start && /[ \t\u3000>]/.test(text[i])) i++;
  if (text.charCodeAt(i) === 0x7c /* | */) return true;
  const t = st.text;
  if (cjkDoc && !CJK.test(t.length > 2000 ? t.slice(0, 2000) : t.replace(MD_LINK, ''))) return true;
  if (t.length <= 120 && DATELINE.test(t)) return true;
  // a whole short line without a sentence's punctuation
  if (end - start <= 2 * HEADING_MAX && i === start) {
    const le = text.indexOf('\n', end);
    const rest = text.slice(end, le < 0 ? text.length : le);
    if (/^[\s\u3000*]*$/.test(rest) && !/[，。；！？,;!?]/.test(t) && /[\u4e00-\u9fff]/.test(t)) return true;
  }
  return false;
}

/** Whether the statement's line opens an entry of a glossary or of notes (（28）“…”：…, [37]…, 12.…：…). */
export function opensEntry(text: string, st: Statement, lineStart: number): boolean {
  // the marker may have been taken off the statement (a run-in heading's marker belongs to its section)
  return ENTRY_MARKER.test(text.slice(lineStart, lineStart + 48));
}

/**
 * Share of Chinese among the letters of the statements: more Chinese than Latin letters. Read
 * through the spans in the text (a statement's text is text.slice(span)): a loop over the flat
 * text is faster than over each sliced copy.
 */
function chineseDocument(text: string, statements: Statement[]): boolean {
  let cjk = 0;
  let latin = 0;
  for (const st of statements) {
    const end = st.span.end;
    for (let i = st.span.start; i < end; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) cjk++;
      else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
    }
  }
  return cjk > latin;
}

export function buildKeyStream(text: string, statements: Statement[]): KeyStream {
  const table = keyTable();
  const order = statementOrder(statements);
  const cjkDoc = chineseDocument(text, statements);
  // line starts followed forward (statements are in text order): linear, even on one long line
  const lineStartOf = new Int32Array(order.length);
  const entry = new Uint8Array(order.length);
  {
    let ls = 0;
    let nl = text.indexOf('\n');
    for (let r = 0; r < order.length; r++) {
      const s = statements[order[r]].span.start;
      while (nl !== -1 && nl < s) {
        ls = nl + 1;
        nl = text.indexOf('\n', ls);
      }
      lineStartOf[r] = ls;
    }
  }
  let cap = 1;
  for (const st of statements) cap += st.span.end - st.span.start + 1;
  const codes = new Uint16Array(cap);
  const orig = new Int32Array(cap);
  const keyStart = new Int32Array(order.length);
  const keyEnd = new Int32Array(order.length);
  const heading = new Uint8Array(order.length);
  let k = 0;
  for (let r = 0; r < order.length; r++) {
    const st = statements[order[r]];
    keyStart[r] = k;
    if (opensEntry(text, st, lineStartOf[r])) entry[r] = 1;
    if (isHeading(text, st) || isNote(st) || isStructure(text, st, lineStartOf[r], cjkDoc)) {
      heading[r] = 1;
      keyEnd[r] = k;
      continue;
    }
    const end = st.span.end;
    let prev = -1;
    for (let i = st.span.start; i < end; i++) {
      let c = table[text.charCodeAt(i)];
      if (c === 0 || (c === DOT && (c = keyCode(text, i, end, prev, table)) < 0)) continue;
      codes[k] = c;
      orig[k] = i;
      k++;
      prev = c;
    }
    keyEnd[r] = k;
    if (k > keyStart[r]) {
      codes[k] = SEP;
      orig[k] = -1;
      k++;
    }
  }
  return { codes, orig, length: k, order, keyStart, keyEnd, heading, lineStart: lineStartOf, entry };
}

/** The key string of statement rank r. */
export function stmtKey(ks: KeyStream, r: number): string {
  return codesToString(ks.codes, ks.keyStart[r], ks.keyEnd[r]);
}

/** MurmurHash3's 32-bit finaliser: spreads the bits of a hash (window hashes, MinHash rows). */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** FNV-1a (32-bit) offset basis and prime, for hashes of key codes built one code at a time. */
export const FNV_BASIS = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** A 32-bit hash of codes[a, b) (FNV-1a over code units): equal ranges hash equal. */
export function hashCodes(codes: Uint16Array, a: number, b: number): number {
  let h = FNV_BASIS;
  for (let i = a; i < b; i++) h = Math.imul(h ^ codes[i], FNV_PRIME);
  return h;
}

/** Whether A[a, a + len) and B[b, b + len) hold the same codes. */
export function sameCodes(A: Uint16Array, a: number, B: Uint16Array, b: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (A[a + i] !== B[b + i]) return false;
  return true;
}

/** Map a key range [a, b) of one stream back to the original span. */
export function keySpan(ks: KeyStream, a: number, b: number): { start: number; end: number } {
  return { start: ks.orig[a], end: ks.orig[b - 1] + 1 };
}

/** The statement rank owning key position k (binary search over keyStart). */
export function rankAt(ks: KeyStream, k: number): number {
  let lo = 0;
  let hi = ks.order.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (ks.keyStart[mid] <= k) lo = mid;
    else hi = mid - 1;
  }
  // skip empty (heading) ranks that share the same start
  while (lo + 1 < ks.order.length && ks.keyStart[lo + 1] === ks.keyStart[lo] && ks.keyEnd[lo] === ks.keyStart[lo]) lo++;
  return lo;
}
