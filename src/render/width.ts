/**
 * Display width of text in a terminal, the way wcwidth counts it: East Asian Wide and Fullwidth
 * characters (汉字, full-width punctuation such as ，。：（）, the ideographic space U+3000) take two
 * columns, combining marks and zero-width characters none, everything else one. Characters of
 * ambiguous width (“ ” ‘ ’ … — ·) count as one, as wcwidth and most terminals outside CJK locales do.
 *
 * `underline` builds the line printed under a piece of source text: an ideographic space U+3000
 * under every wide character and an ASCII space under every narrow one, then `＾` (U+FF3E, wide)
 * or `^` under the marked characters, so the carets land exactly under the text whatever mix of
 * Chinese and ASCII precedes them (zhlint style).
 */

/** [from, to] inclusive code point ranges of East Asian Wide (W) and Fullwidth (F) characters */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f2ff],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

function inRanges(cp: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const [a, b] = ranges[mid];
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Zero-width: combining marks, zero-width spaces and joiners, variation selectors, BOM, controls. */
function isZeroWidth(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp < 0xa0) ||
    (cp >= 0x300 && cp <= 0x36f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    cp === 0xfeff ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** Columns taken by one code point: 0, 1 or 2. A tab counts as 1 here; `underline` copies it. */
export function charWidth(cp: number): 0 | 1 | 2 {
  if (cp === 9) return 1;
  if (isZeroWidth(cp)) return 0;
  return inRanges(cp, WIDE) ? 2 : 1;
}

/** Display width of a string in terminal columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** Whether a cut of `s` before index i would split a surrogate pair (s[i − 1] high, s[i] low). */
export function splitsPair(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return false;
  const lo = s.charCodeAt(i);
  const hi = s.charCodeAt(i - 1);
  return lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff;
}

/**
 * The largest `measure(x)` over `xs`, and at least `floor`: a column's width. A loop, because
 * Math.max(...values) passes every value as an argument and overflows the stack past about 100,000
 * (a draft with that many findings).
 */
export function widest<T>(xs: readonly T[], measure: (x: T) => number, floor = 0): number {
  let w = floor;
  for (const x of xs) {
    const v = measure(x);
    if (v > w) w = v;
  }
  return w;
}

/** Pad `s` with ASCII spaces on the right to `width` display columns. */
export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

/** Pad `s` with ASCII spaces on the left to `width` display columns. */
export function padStart(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : ' '.repeat(width - w) + s;
}

/** The blank that takes the place of one character: U+3000 under wide ones, a tab under a tab. */
function blankFor(ch: string): string {
  if (ch === '\t') return '\t';
  const w = charWidth(ch.codePointAt(0)!);
  return w === 2 ? '\u3000' : w === 1 ? ' ' : '';
}

function caretFor(ch: string): string {
  if (ch === '\t') return '^';
  const w = charWidth(ch.codePointAt(0)!);
  return w === 2 ? '＾' : w === 1 ? '^' : '';
}

/**
 * The line to print under `before + marked`: blanks of the right width under `before`, carets under
 * `marked` (at least one caret, even when `marked` is empty or zero-width).
 */
export function underline(before: string, marked: string): { pad: string; carets: string } {
  let pad = '';
  for (const ch of before) pad += blankFor(ch);
  let carets = '';
  for (const ch of marked) carets += caretFor(ch);
  if (carets === '') carets = '^';
  return { pad, carets };
}

/**
 * Cut `s` to at most `max` display columns, ending with `…` when cut. Never splits a surrogate pair.
 */
export function truncate(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}
