/**
 * Stage: statements. Splits every section body into sentences. A sentence ends at 。！？； (and
 * their ASCII forms !?;), and at a line end; brackets and quotes “”‘’「」『』《》（）() never split one,
 * but a line end always does (an unbalanced quote cannot swallow the rest of the document).
 * Closing quotes, brackets and Markdown `**` right after a terminator stay with the sentence.
 *
 * Statements cover every non-blank character of the bodies, in order, without overlap; the blanks
 * between them (indentation, line breaks) belong to no statement.
 */
import type { EnumItem, Section, Statement } from '../schema/index.js';
import { isBlankCode, pushTrimmed } from '../sections/lines.js';

const TERMINATORS = '。！？；!?;';
const OPENERS = '“‘「『《（(【';
const CLOSERS_OF = '”’」』》）)】';
const TRAILING = '”’」』》）)】"\'';
const SEMICOLONS = '；;';

/**
 * Character classes by code unit: 1 terminator, 2 opener, 3 closer, 4 trailing closer only, 0 none.
 * A table, not a Map: it is read once per character of every report.
 */
const CLASS = new Uint8Array(65536);
for (const c of TRAILING) CLASS[c.charCodeAt(0)] = 4;
for (const c of CLOSERS_OF) CLASS[c.charCodeAt(0)] = 3;
for (const c of OPENERS) CLASS[c.charCodeAt(0)] = 2;
for (const c of TERMINATORS) CLASS[c.charCodeAt(0)] = 1;
const CLOSER_FOR = new Map<number, number>([...OPENERS].map((c, k) => [c.charCodeAt(0), CLOSERS_OF.charCodeAt(k)]));
const MAX_DEPTH = 64;

export interface StatementOptions {
  /** split at ； too (default true) */
  semicolon?: boolean;
}

/** Sentence ranges in text[from, to), trimmed of blanks. */
export function sentenceRanges(text: string, from: number, to: number, options: StatementOptions = {}): Array<[number, number]> {
  const semicolon = options.semicolon ?? true;
  const out: Array<[number, number]> = [];
  let start = -1;
  const stack: number[] = [];
  const flush = (end: number) => {
    if (start !== -1) pushTrimmed(out, text, start, end);
    start = -1;
  };
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      flush(i);
      stack.length = 0;
      continue;
    }
    if (start === -1) {
      if (isBlankCode(code)) continue;
      start = i;
    }
    const cls = CLASS[code];
    if (cls === 0) continue;
    if (cls === 2) {
      if (stack.length < MAX_DEPTH) stack.push(CLOSER_FOR.get(code)!);
      continue;
    }
    if (stack.length && code === stack[stack.length - 1]) {
      stack.pop();
      continue;
    }
    if (cls === 1 && stack.length === 0 && (semicolon || !SEMICOLONS.includes(text.charAt(i)))) {
      let j = i + 1;
      // absorb repeated terminators, closing quotes/brackets and a closing ** of bold markup
      while (j < to) {
        const c = text.charCodeAt(j);
        const k = CLASS[c];
        if (k === 1 || k === 3 || k === 4) j++;
        else if (c === 42 && text.charCodeAt(j + 1) === 42) j += 2;
        else break;
      }
      flush(j);
      i = j - 1;
    }
  }
  flush(to);
  return out;
}

/** Items of the enumeration sections (一是…二是…) whose marker starts inside [start, end). */
function enumItems(text: string, markers: Section[], start: number, end: number): EnumItem[] {
  const items: EnumItem[] = [];
  for (const sec of markers) {
    const at = sec.marker.span!.start;
    if (at < start || at >= end) continue;
    let e = Math.min(end, sec.span.end);
    while (e > at && '，；、。 '.includes(text.charAt(e - 1))) e--;
    items.push({ marker: sec.marker.text, ordinal: sec.marker.ordinal ?? 0, span: { start: at, end: e }, text: text.slice(at, e) });
  }
  return items;
}

/** Statements of every section body, in document order. */
export function splitStatements(text: string, sections: Section[], options: StatementOptions = {}): Statement[] {
  const out: Statement[] = [];
  const markers: Section[] = [];
  const collect = (secs: Section[]) => {
    for (const sec of secs) {
      if (sec.marker.kind === 'enumeration' && sec.marker.span) markers.push(sec);
      collect(sec.children);
    }
  };
  collect(sections);
  let m0 = 0;
  const visit = (secs: Section[]) => {
    for (const sec of secs) {
      if (sec.role !== 'frontmatter') {
        for (const [a, b] of sentenceRanges(text, sec.body.start, sec.body.end, options)) {
          out.push({ id: `s${out.length + 1}`, sectionId: sec.id, span: { start: a, end: b }, text: text.slice(a, b), items: itemsFor(a, b) });
        }
      }
      visit(sec.children);
    }
  };
  const itemsFor = (a: number, b: number): EnumItem[] => {
    // markers are in document order and statements come in document order
    while (m0 < markers.length && markers[m0].marker.span!.start < a) m0++;
    if (m0 >= markers.length || markers[m0].marker.span!.start >= b) return [];
    return enumItems(text, markers.slice(m0, m0 + 16), a, b);
  };
  visit(sections);
  return out;
}
