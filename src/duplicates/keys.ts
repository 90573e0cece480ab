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

/** 0 keep, 1 drop, 2 keep only between digits (the decimal point). */
let DROP: Uint8Array | null = null;

function dropTable(): Uint8Array {
  if (DROP) return DROP;
  const t = new Uint8Array(65536);
  const re = /[\p{P}\p{Z}\p{Cc}\p{Cf}\s]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogate halves: keep (they pair up)
    if (re.test(String.fromCharCode(c))) t[c] = 1;
  }
  t[0x25] = 0; // % is meaningful next to a number
  t[0x2e] = 2; // . only as a decimal point
  for (const ch of '|`^') t[ch.charCodeAt(0)] = 1; // markdown table and code marks
  t[0] = 1; // NUL would collide with SEP
  DROP = t;
  return t;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The key code for one (already width-folded) code unit, or -1 when it is dropped. */
function keyCode(text: string, i: number, end: number, prevKey: number, table: Uint8Array): number {
  let c = foldWidthCode(text.charCodeAt(i));
  const d = table[c];
  if (d === 1) return -1;
  if (d === 2) {
    if (!isDigit(prevKey) || i + 1 >= end) return -1;
    return isDigit(foldWidthCode(text.charCodeAt(i + 1))) ? c : -1;
  }
  if (c >= 0x41 && c <= 0x5a) c += 32;
  return c;
}

/** The matching key of text[start, end). */
export function keyOf(text: string, start = 0, end = text.length): string {
  const table = dropTable();
  const out: number[] = [];
  let prev = -1;
  for (let i = start; i < end; i++) {
    const k = keyCode(text, i, end, prev, table);
    if (k < 0) continue;
    out.push(k);
    prev = k;
  }
  return codesToString(out, 0, out.length);
}

/** The key of a string, for dictionary entries and tests. */
export function matchKey(s: string): string {
  return keyOf(s);
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
  /** 1 for short heading lines and bracketed notes: left out of every comparison but stutter */
  heading: Uint8Array;
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

export function buildKeyStream(text: string, statements: Statement[]): KeyStream {
  const table = dropTable();
  const order = statementOrder(statements);
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
    if (isHeading(text, st) || isNote(st)) {
      heading[r] = 1;
      keyEnd[r] = k;
      continue;
    }
    const end = st.span.end;
    let prev = -1;
    for (let i = st.span.start; i < end; i++) {
      const c = keyCode(text, i, end, prev, table);
      if (c < 0) continue;
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
  return { codes, orig, length: k, order, keyStart, keyEnd, heading };
}

/** The key string of statement rank r. */
export function stmtKey(ks: KeyStream, r: number): string {
  return codesToString(ks.codes, ks.keyStart[r], ks.keyEnd[r]);
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
