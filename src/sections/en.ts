/**
 * Stage: sections, English. The official translations of the government work reports, in the
 * same tree as Chinese reports (src/sections/index.ts): top-level parts tile the text from 0 to
 * text.length, and inside every section the body and the children are contiguous.
 *
 * Headings:
 * - `I.` / `II．` … Roman numerals at a line start: level 1, marker kind 'roman', ordinal = the
 *   numeral's value;
 * - `1.` / `(1)` at a line start, followed by a capital: kind 'arabic' / 'paren-arabic', nested
 *   under the Roman (or unmarked) level-1 heading before it;
 * - unmarked level-1 headings (marker kind 'none'): the lines of dictionaries/roles.en.json
 *   `headingLine` ("Review of our work in 2016", "I now want to discuss the major areas of work for
 *   2016."), and, in documents written in paragraphs (blank lines between them), a short line
 *   without sentence punctuation standing alone between blank lines once the body has begun.
 * A heading line that runs into its paragraph (`2. Advancing reforms …  While implementing …`)
 * gives a run-in heading: up to its first sentence end, a double space, or (for a gerund heading
 * glued to its first sentence) the capitalised word that starts the sentence.
 *
 * Parts: the preamble before the first heading, and the closing part from the last salutation
 * ("Fellow Deputies,") when at most `closingParagraphs` paragraphs follow it.
 * Roles: the heading cues of roles.en.json (plans before body); a level-1 heading without a cue
 * after a plans heading is plans too (the tasks chapters that follow "The Plan for Work in 2015");
 * deeper headings inherit their parent's role.
 */
import type { Marker, SectionRole, TextSpan } from '../schema/index.js';
import { loadJson } from '../dictionaries.js';
import { isBlank, skipBlank, splitLines, trimEnd, type Line } from './lines.js';
import { addEnumerations, buildTree, numberSections, type Boundary } from './tree.js';
import { findEnumerationsEn } from './markers.js';
import { sentenceEndAt } from '../statements/en.js';
import type { SectionsResult } from './index.js';

interface RolesEnRaw {
  plans: { heading: string[] };
  body: { heading: string[] };
  headingLine: Array<{ pattern: string; role: SectionRole }>;
  salutation: string;
  closingParagraphs: number;
}
interface RolesEn {
  plans: string[];
  body: string[];
  lines: Array<{ re: RegExp; role: SectionRole }>;
  salutation: RegExp;
  closingParagraphs: number;
}

let rolesEn: RolesEn | null = null;
function loadRolesEn(): RolesEn {
  if (rolesEn) return rolesEn;
  const raw = loadJson<RolesEnRaw>('roles.en.json');
  rolesEn = {
    plans: raw.plans.heading.map((s) => s.toLowerCase()),
    body: raw.body.heading.map((s) => s.toLowerCase()),
    lines: raw.headingLine.map((h) => ({ re: new RegExp(h.pattern, 'i'), role: h.role })),
    salutation: new RegExp(raw.salutation, 'i'),
    closingParagraphs: raw.closingParagraphs,
  };
  return rolesEn;
}


const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/** I → 1, IV → 4, XII → 12 (well-formed numerals up to 39); null otherwise. */
export function romanNumber(s: string): number | null {
  if (!/^(?:X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) || s === '') return null;
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const v = ROMAN[s[k]];
    const next = ROMAN[s[k + 1]] ?? 0;
    n += v < next ? -v : v;
  }
  return n;
}

const RANK = { roman: 1, unmarked: 1, arabic: 3, 'paren-arabic': 4 } as const;
const MAX_HEADING = 220;
const SENTENCE_STARTERS = /^(?:In|We|The|This|These|To|Our|It|As|With|For|Over|China|Since|While|By|On|Last|Every|All)\b/;

interface MarkerHit {
  kind: 'roman' | 'arabic' | 'paren-arabic';
  rank: number;
  ordinal: number;
  start: number;
  end: number;
  /** where the heading text starts */
  next: number;
}

/** A heading marker at the start of the line (after indentation). */
function markerAt(text: string, at: number, end: number): MarkerHit | null {
  const head = text.slice(at, Math.min(end, at + 16));
  let m = /^([IVX]{1,6})\s*[.．](?:[ \t\u00a0\u3000]+|(?=[A-Z0-9]))/.exec(head);
  if (m) {
    const n = romanNumber(m[1]);
    const after = head.charAt(m[0].length);
    if (n !== null && (after === '' ? false : /[A-Z0-9“"]/.test(after))) {
      const mEnd = at + m[1].length + head.slice(m[1].length).search(/[.．]/) + 1;
      return { kind: 'roman', rank: RANK.roman, ordinal: n, start: at, end: mEnd, next: at + m[0].length };
    }
  }
  m = /^(\d{1,2})[.．](?!\d)[ \t\u00a0\u3000]*/.exec(head);
  if (m && /[A-Z“"]/.test(head.charAt(m[0].length))) {
    const mEnd = at + m[1].length + 1;
    return { kind: 'arabic', rank: RANK.arabic, ordinal: Number(m[1]), start: at, end: mEnd, next: at + m[0].length };
  }
  m = /^[(（](\d{1,2})[)）][ \t\u00a0\u3000]*/.exec(head);
  if (m && /[A-Za-z“"]/.test(head.charAt(m[0].length))) {
    const mEnd = at + m[0].trimEnd().length;
    return { kind: 'paren-arabic', rank: RANK['paren-arabic'], ordinal: Number(m[1]), start: at, end: mEnd, next: at + m[0].length };
  }
  return null;
}

/** The heading after a marker: [hStart, hEnd), whether it runs in, and where the body starts. */
function markedHeading(text: string, hStart: number, lineEnd: number): { start: number; end: number; runIn: boolean; bodyStart: number } {
  const e = trimEnd(text, hStart, lineEnd);
  const limit = Math.min(e, hStart + MAX_HEADING);
  // a sentence end with more text after it on the line: a run-in heading
  for (let k = hStart; k < limit; k++) {
    const ch = text.charAt(k);
    if (ch === '.' || ch === '!' || ch === '?') {
      const after = sentenceEndAt(text, k, hStart, e);
      if (after !== -1 && after < e && !isBlank(text, after, e)) {
        return { start: hStart, end: k, runIn: true, bodyStart: k + 1 };
      }
    }
  }
  // two or more spaces before a capitalised word: `… market entities  While implementing …`
  const dbl = /[^ ]( {2,}|\t+)(?=[A-Z])/.exec(text.slice(hStart, limit));
  if (dbl && dbl.index >= 20 && /[.!?]["”’)]?$/.test(text.slice(hStart, e)) && e - (hStart + dbl.index) > 40) {
    const at = hStart + dbl.index + 1;
    return { start: hStart, end: at, runIn: true, bodyStart: at };
  }
  // a gerund heading glued to its first sentence: `Stepping up supply-side structural reform In economic development we …`
  if (/^[A-Z][a-z]+ing\b/.test(text.slice(hStart, hStart + 20)) && e - hStart > 60 && /[.!?]$/.test(text.slice(hStart, e))) {
    const re = / (?=[A-Z][a-z]*\b)/g;
    re.lastIndex = 0;
    const seg = text.slice(hStart, limit);
    let m: RegExpExecArray | null;
    while ((m = re.exec(seg))) {
      if (m.index < 12) continue;
      if (/[a-z]$/.test(seg.slice(0, m.index)) && SENTENCE_STARTERS.test(seg.slice(m.index + 1))) {
        const at = hStart + m.index;
        return { start: hStart, end: at, runIn: true, bodyStart: at + 1 };
      }
    }
  }
  let hEnd = e;
  if (hEnd > hStart && '.:;'.includes(text.charAt(hEnd - 1))) hEnd--;
  return { start: hStart, end: hEnd, runIn: false, bodyStart: e };
}

function headingRole(heading: string, roles: RolesEn): SectionRole | null {
  const h = heading.toLowerCase();
  if (roles.plans.some((c) => h.includes(c))) return 'plans';
  if (roles.body.some((c) => h.includes(c))) return 'body';
  return null;
}

/** A title line: short, without sentence punctuation, naming a report or a speech. */
function titleLine(text: string, line: Line): TextSpan | null {
  const s = skipBlank(text, line.start, line.end);
  const e = trimEnd(text, s, line.end);
  if (e === s || e - s > 120) return null;
  const t = text.slice(s, e);
  if (/[.,;:!?]$/.test(t) || markerAt(text, s, e)) return null;
  if (!/\b(?:report|work|address|speech|statement|remarks)\b/i.test(t)) return null;
  return { text: t, span: { start: s, end: e } };
}

function unmarked(): Marker {
  return { kind: 'none', text: '', ordinal: null, span: null };
}

/**
 * Build the section tree of an English report.
 */
export function splitSectionsEn(text: string): SectionsResult {
  const roles = loadRolesEn();
  const lines = splitLines(text);
  const n = text.length;
  let title: TextSpan | null = null;
  const blank = lines.map((l) => isBlank(text, l.start, l.end));
  const nonBlank = blank.filter((b) => !b).length;
  const blanks = blank.length - nonBlank;
  // written in paragraphs: blank lines between paragraphs (the 2017 translation)
  const paragraphs = nonBlank > 0 && blanks * 4 >= nonBlank;

  for (let k = 0; k < lines.length; k++) {
    if (blank[k]) continue;
    title = titleLine(text, lines[k]);
    break;
  }

  const headings: Boundary[] = [];
  let bodyBegun = false;
  let lastSalutation = -1;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (blank[k]) continue;
    const s = skipBlank(text, line.start, line.end);
    const e = trimEnd(text, s, line.end);
    const t = text.slice(s, e);
    if (title && title.span.start === s) continue;
    if (roles.salutation.test(t)) {
      lastSalutation = k;
      bodyBegun = true;
      continue;
    }
    const mk = markerAt(text, s, e);
    if (mk) {
      const h = markedHeading(text, mk.next, e);
      const heading = h.end > h.start ? { text: text.slice(h.start, h.end), span: { start: h.start, end: h.end } } : null;
      headings.push({
        start: line.start,
        rank: mk.rank,
        marker: { kind: mk.kind, text: text.slice(mk.start, mk.end), ordinal: mk.ordinal, span: { start: mk.start, end: mk.end } },
        heading,
        runIn: h.runIn,
        bodyStart: h.bodyStart,
        // only level-1 headings take a role from their words; deeper ones inherit their parent's
        role: heading && mk.rank === RANK.roman ? headingRole(heading.text, roles) : null,
        part: false,
      });
      bodyBegun = true;
      continue;
    }
    const bare = t.replace(/[.:]$/, '');
    const cue = e - s <= MAX_HEADING ? roles.lines.find((l) => l.re.test(bare)) : undefined;
    const alone =
      paragraphs &&
      bodyBegun &&
      e - s <= 100 &&
      /^[A-Z0-9]/.test(t) &&
      !/[.,;:!?"”’)]$/.test(t) &&
      (k === 0 || blank[k - 1]) &&
      (k + 1 >= lines.length || blank[k + 1]);
    if (cue || alone) {
      const hEnd = s + bare.length;
      const heading = { text: text.slice(s, hEnd), span: { start: s, end: hEnd } };
      headings.push({
        start: line.start,
        rank: RANK.unmarked,
        marker: unmarked(),
        heading,
        runIn: false,
        bodyStart: e,
        role: cue ? cue.role : headingRole(heading.text, roles),
        part: false,
      });
      bodyBegun = true;
      continue;
    }
    if (!bodyBegun && /[.!?]["”’)]?$/.test(t) && e - s >= 60) bodyBegun = true;
  }

  // level-1 headings without a cue after a plans heading are plans: the tasks chapters
  let prevTop: SectionRole | null = null;
  for (const h of headings) {
    if (h.rank !== RANK.roman) continue;
    if (h.role === null && prevTop === 'plans') h.role = 'plans';
    if (h.role === null) h.role = 'body';
    prevTop = h.role;
  }

  const boundaries: Boundary[] = [];
  const firstHeading = headings.length ? headings[0].start : n;
  if (firstHeading > 0 || headings.length === 0) boundaries.push(part(0, headings.length ? 'preamble' : 'body'));
  for (const h of headings) boundaries.push(h);

  // the closing part: the last salutation after the last heading, near the end
  if (headings.length > 0 && lastSalutation !== -1 && lines[lastSalutation].start > headings[headings.length - 1].start) {
    let after = 0;
    for (let k = lastSalutation + 1; k < lines.length; k++) if (!blank[k]) after++;
    if (after <= roles.closingParagraphs) boundaries.push(part(lines[lastSalutation].start, 'closing'));
  }

  const sections = buildTree(boundaries, n);
  addEnumerations(text, sections, findEnumerationsEn, runInHeadingEn);
  numberSections(sections);
  return { title, sections };
}

/** After "First, ": the item's first sentence when it is short enough to be its heading. */
function runInHeadingEn(text: string, from: number, to: number): TextSpan | null {
  let a = from;
  while (a < to && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
  const limit = Math.min(to, a + 120);
  for (let k = a; k < limit; k++) {
    const c = text.charAt(k);
    if ('.;!?:\n\r'.includes(c)) return k > a ? { text: text.slice(a, k), span: { start: a, end: k } } : null;
  }
  return null;
}

function part(start: number, role: SectionRole): Boundary {
  return { start, rank: -1, marker: unmarked(), heading: null, runIn: false, bodyStart: start, role, part: true };
}

