/**
 * Stage: statements, English. Splits every section body into sentences, the same contract as the
 * Chinese splitter (src/statements/index.ts): statements cover every non-blank character of the
 * bodies, in order, without overlap, with exact spans; a line end always ends a sentence.
 *
 * A sentence ends at `.`, `!` or `?` (with the closing quotes and brackets right after it) that is
 * followed by a blank, a line end or the end of the body — and also at a `.` glued to the next
 * sentence (`growth.However`, a typo of the official translations). A `.` does not end one:
 * - between digits (5.2 percent, 1.3 billion);
 * - after an initialism (U.S., P.R.C., e.g., i.e.) or an abbreviation of ABBREVIATIONS
 *   (No. 1, Mr. Li, Jan. 2020, Art. 3, vs.);
 * - when the next word starts in lower case (a glued `U.S.-China`, `etc. and`).
 * Semicolons and colons do not split (unlike Chinese ；), so a statement is an English sentence.
 */
import type { Section, Statement } from '../schema/index.js';
import { isBlankCode, pushTrimmed } from '../sections/lines.js';

/** Words that end with a period without ending the sentence (compared in lower case). */
export const ABBREVIATIONS = new Set([
  'no', 'nos', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'art', 'arts', 'vol', 'vs', 'v', 'cf', 'fig', 'approx', 'est', 'co', 'ltd', 'inc',
  'corp', 'jr', 'sr', 'gen', 'gov', 'rep', 'sen', 'dept', 'para', 'sec', 'ch', 'p', 'pp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'viz', 'al',
]);

/** Abbreviations that stand before a name: Mr. Li, Gen. Secretary. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'gov', 'rep', 'sen']);

const CLOSERS = new Set([...'"\'”’)]}»']);

function isUpper(c: string): boolean {
  return c >= 'A' && c <= 'Z';
}
function isLower(c: string): boolean {
  return c >= 'a' && c <= 'z';
}
function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** The word (letters and inner dots) that ends right before offset `i`. */
function wordBefore(text: string, i: number, from: number): string {
  let k = i;
  const stop = Math.max(from, i - 24);
  while (k > stop && /[A-Za-z.]/.test(text.charAt(k - 1))) k--;
  return text.slice(k, i);
}

/**
 * Does the terminator at `i` end a sentence? Returns the offset after the sentence (terminator and
 * closers included), or -1. `to` bounds the look-ahead (the end of the line or range).
 */
export function sentenceEndAt(text: string, i: number, from: number, to: number): number {
  const c = text.charAt(i);
  if (c !== '.' && c !== '!' && c !== '?') return -1;
  let j = i + 1;
  // repeated terminators and ellipses: ?! ...
  while (j < to && '.!?'.includes(text.charAt(j))) j++;
  while (j < to && CLOSERS.has(text.charAt(j))) j++;
  const next = text.charAt(j);
  if (c === '.' && j === i + 1) {
    const prev = text.charAt(i - 1);
    if (isDigit(prev) && isDigit(next)) return -1; // 5.2
    const w = wordBefore(text, i, from);
    const bare = w.replace(/^\.+/, '');
    // initialisms U.S. / P.R.C. / e.g.: letters separated by dots
    if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(bare)) {
      // …with the U.S. Then — a new sentence only when a capitalised word follows a blank
      if (!(isBlankCode(next.charCodeAt(0)) && j + 1 < to && isUpper(text.charAt(j + 1)) && isLower(text.charAt(j + 2)) && /^(?:The|This|These|It|We|In|On|At|China|Our|They|There)\b/.test(text.slice(j + 1, j + 8)))) return -1;
    }
    const lw = bare.toLowerCase();
    if (ABBREVIATIONS.has(lw)) {
      // No. 1, Mr. Li, Jan. 2020, e.g. this: an abbreviation followed by more of the sentence
      if (j >= to) return j;
      const after = text.charAt(skipSpaces(text, j, to));
      if (isDigit(after) || isLower(after)) return -1;
      if (isUpper(after) && (TITLES.has(lw) || lw === 'e.g' || lw === 'i.e' || lw === 'vs' || lw === 'cf' || lw === 'viz')) return -1;
    }
  }
  if (j >= to) return j;
  if (isBlankCode(next.charCodeAt(0))) {
    const k = skipSpaces(text, j, to);
    if (k >= to) return j;
    const after = text.charAt(k);
    // "… etc. and more": a lower-case continuation after etc.
    if (isLower(after) && c === '.' && wordBefore(text, i, from) === 'etc') return -1;
    return j;
  }
  // glued sentences: growth.However / level.The — a lower-case word, a period, a capitalised word
  if (c === '.' && isUpper(next) && isLower(text.charAt(j + 1)) && isLower(text.charAt(i - 1)) && isLower(text.charAt(i - 2))) {
    const w = wordBefore(text, i, from);
    if (!w.includes('.') && !ABBREVIATIONS.has(w.toLowerCase())) return j;
  }
  // a closing quote or bracket was absorbed and a word follows directly: “Go.”Then
  if (j > i + 1 && isUpper(next)) return j;
  return -1;
}

function skipSpaces(text: string, j: number, to: number): number {
  while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 0xa0 || text.charCodeAt(j) === 0x3000)) j++;
  return j;
}

/** Sentence ranges in text[from, to), trimmed of blanks. */
export function sentenceRangesEn(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  let lineEnd = from;
  const flush = (end: number) => {
    if (start !== -1) pushTrimmed(out, text, start, end);
    start = -1;
  };
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      flush(i);
      continue;
    }
    if (start === -1) {
      if (isBlankCode(code)) continue;
      start = i;
    }
    if (code === 46 || code === 33 || code === 63) {
      if (lineEnd <= i) {
        lineEnd = i;
        while (lineEnd < to && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
      }
      const end = sentenceEndAt(text, i, start, lineEnd);
      if (end !== -1) {
        flush(end);
        i = end - 1;
      }
    }
  }
  flush(to);
  return out;
}

/** Statements of every section body, in document order (the shape of splitStatements). */
export function splitStatementsEn(text: string, sections: Section[]): Statement[] {
  const out: Statement[] = [];
  const visit = (secs: Section[]) => {
    for (const sec of secs) {
      if (sec.role !== 'frontmatter') {
        for (const [a, b] of sentenceRangesEn(text, sec.body.start, sec.body.end)) {
          out.push({ id: `s${out.length + 1}`, sectionId: sec.id, span: { start: a, end: b }, text: text.slice(a, b), items: [] });
        }
      }
      visit(sec.children);
    }
  };
  visit(sections);
  return out;
}
