/** Lines of the original text with exact offsets; `end` excludes the line break (\n, \r\n or \r). */
export interface Line {
  index: number;
  start: number;
  end: number;
  /** offset after the line break */
  next: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  eachLineBreak(text, (at, next) => {
    lines.push({ index: lines.length, start, end: at, next });
    start = next;
  });
  if (start < n || n === 0) lines.push({ index: lines.length, start, end: n, next: n });
  return lines;
}

/**
 * Blank for our purposes: every Unicode white space (ASCII space and controls, tab, NBSP, the
 * typographic spaces U+2000–U+200A that Word files indent with, U+202F, U+205F, U+1680, the
 * ideographic space and the line/paragraph separators) and the zero-width characters.
 */
export function isBlankCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff
  );
}

/** Push the range [start, end) of `text`, trailing blanks trimmed, onto `out` unless nothing is left. */
export function pushTrimmed(out: Array<[number, number]>, text: string, start: number, end: number): void {
  const e = trimEnd(text, start, end);
  if (e > start) out.push([start, e]);
}

export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlankCode(text.charCodeAt(i))) return false;
  return true;
}

/** First non-blank offset in [start, end), or end. */
export function skipBlank(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isBlankCode(text.charCodeAt(i))) i++;
  return i;
}

/** Last non-blank offset + 1 in [start, end), or start. */
export function trimEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && isBlankCode(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Offsets of every line start, for offset → line/column. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  eachLineBreak(text, (_, next) => starts.push(next));
  return starts;
}

/** How many lines lineStarts(text) has, without building it. */
export function lineCount(text: string): number {
  let n = 1;
  eachLineBreak(text, () => n++);
  return n;
}

/**
 * Call `found` with each line break's offset and the offset after it (LF, CR LF as one, lone CR),
 * in order. Jumps from break to break with indexOf: each of the two searches runs on only once it
 * is passed.
 */
function eachLineBreak(text: string, found: (at: number, next: number) => void): void {
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      const next = lf === cr + 1 ? cr + 2 : cr + 1;
      found(cr, next);
      if (lf !== -1 && lf < next) lf = text.indexOf('\n', next);
      cr = text.indexOf('\r', next);
    } else {
      found(lf, lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
}

/**
 * Binary search over `count` ascending line starts (`startOf(k)`): the index of the last one at or
 * before `offset`, 0 when none is.
 */
function lastStartAtOrBefore(count: number, startOf: (k: number) => number, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (startOf(mid) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first k in [0, count) with keyOf(k) >= value, for keys in increasing order (count when none). */
export function firstAtOrAfter(count: number, keyOf: (k: number) => number, value: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(mid) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 1-based line and column (column in UTF-16 code units, 1-based) of an offset. */
export function lineColumn(starts: number[], offset: number): { line: number; column: number } {
  const lo = lastStartAtOrBefore(starts.length, (k) => starts[k], offset);
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** Index of the line of `lines` (splitLines) holding offset `at`. */
export function lineAt(lines: Line[], at: number): number {
  return lastStartAtOrBefore(lines.length, (k) => lines[k].start, at);
}
