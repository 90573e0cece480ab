/**
 * Stage: sections. Splits a report into a tree of sections that tile the text: top-level parts
 * (frontmatter, preamble, the numbered sections, problems/plans/closing parts) are contiguous from
 * offset 0 to text.length, and inside every section the body and the children are contiguous.
 *
 * Pure: works on the original text (line structure matters), returns spans into it.
 */
import type { Marker, Section, SectionRole, TextSpan } from '../schema/index.js';
import { loadRoles, type Roles } from './roles.js';
import { findEnumerations, matchMarker, type LineMarker } from './markers.js';
import { isBlank, skipBlank, splitLines, trimEnd, type Line } from './lines.js';
import { addEnumerations, buildTree, numberSections, type Boundary } from './tree.js';

export { splitLines, lineStarts, lineColumn, type Line } from './lines.js';
export { smallChineseNumber } from './markers.js';

export interface SectionsResult {
  title: TextSpan | null;
  sections: Section[];
}


const MAX_HEADING = 80;

/** A bold run `**…**` starting at `at` (on this line, or closing on the next line). */
function boldEnd(text: string, at: number, line: Line, nextLine: Line | undefined): number {
  if (text.charCodeAt(at) !== 42 || text.charCodeAt(at + 1) !== 42) return -1;
  // search this line and the next only (an unbounded search is quadratic over many such lines)
  const limit = nextLine ? nextLine.end : line.end;
  const found = text.slice(at + 2, limit).indexOf('**');
  const close = found === -1 ? -1 : at + 2 + found;
  if (close !== -1 && close < line.end) return close;
  if (nextLine && close !== -1 && close >= nextLine.start && close < nextLine.end && close - at < MAX_HEADING + 4) {
    return close;
  }
  return -1;
}

const TERMINATORS = '。！？!?';

interface HeadingParse {
  marker: LineMarker | null;
  markdown: number; // number of # (0 when none)
  heading: { start: number; end: number } | null;
  runIn: boolean;
  bodyStart: number;
}

/** Parse a line as a heading; null when it is not one. */
function parseHeading(text: string, line: Line, nextLine: Line | undefined): HeadingParse | null {
  let i = skipBlank(text, line.start, line.end);
  // blockquote markers
  while (i < line.end && text.charCodeAt(i) === 62 /* > */) i = skipBlank(text, i + 1, line.end);
  let hashes = 0;
  while (i + hashes < line.end && text.charCodeAt(i + hashes) === 35 /* # */) hashes++;
  if (hashes > 0 && hashes <= 6 && (text.charCodeAt(i + hashes) === 32 || text.charCodeAt(i + hashes) === 0x3000)) {
    i = skipBlank(text, i + hashes, line.end);
  } else {
    hashes = 0;
  }
  let bold = -1;
  if (text.charCodeAt(i) === 42 && text.charCodeAt(i + 1) === 42) {
    bold = boldEnd(text, i, line, nextLine);
    if (bold !== -1) i += 2;
  }
  const marker = matchMarker(text.slice(i, Math.min(line.end, i + 12)), 0);
  if (marker) {
    marker.start += i;
    marker.end += i;
  }
  if (!marker && hashes === 0) return null;
  const hStart = skipBlank(text, marker ? marker.end : i, line.end);
  if (bold !== -1) {
    // heading is the bold run; anything after the closing ** on its line is run-in body
    const afterBold = bold + 2;
    const lineOfClose = bold < line.end ? line : nextLine!;
    // a bold run holding the heading and a lead sentence: the heading ends at its first terminator
    for (let k = hStart; k < bold - 1 && k - hStart <= MAX_HEADING; k++) {
      if (TERMINATORS.includes(text.charAt(k)) && !isBlank(text, k + 1, bold)) {
        return { marker, markdown: hashes, heading: { start: hStart, end: k }, runIn: true, bodyStart: k + 1 };
      }
    }
    const runIn = !isBlank(text, afterBold, lineOfClose.end);
    let hEnd = trimEnd(text, hStart, bold);
    // a run-in heading's closing 。 is part of the heading sentence, not the body
    if (hEnd > hStart && TERMINATORS.includes(text.charAt(hEnd - 1))) hEnd--;
    return {
      marker,
      markdown: hashes,
      heading: hEnd > hStart ? { start: hStart, end: hEnd } : null,
      runIn,
      bodyStart: afterBold,
    };
  }
  // plain: a run-in heading ends at the first sentence terminator when text follows it
  let term = -1;
  for (let k = hStart; k < line.end && k - hStart <= MAX_HEADING; k++) {
    if (TERMINATORS.includes(text.charAt(k))) {
      term = k;
      break;
    }
  }
  const lineEnd = trimEnd(text, hStart, line.end);
  if (term !== -1 && !isBlank(text, term + 1, line.end)) {
    return { marker, markdown: hashes, heading: { start: hStart, end: term }, runIn: true, bodyStart: term + 1 };
  }
  if (term === -1 && lineEnd - hStart > MAX_HEADING) {
    // a long numbered paragraph without a sentence end: the first clause is the heading
    const found = text.slice(hStart, hStart + MAX_HEADING).indexOf('，');
    const comma = found === -1 ? -1 : hStart + found;
    if (marker && comma !== -1) {
      return { marker, markdown: hashes, heading: { start: hStart, end: comma }, runIn: true, bodyStart: comma + 1 };
    }
    if (!marker) return null;
    return { marker, markdown: hashes, heading: null, runIn: true, bodyStart: marker.end };
  }
  let hEnd = lineEnd;
  if (hEnd > hStart && TERMINATORS.includes(text.charAt(hEnd - 1))) hEnd--;
  return {
    marker,
    markdown: hashes,
    heading: hEnd > hStart ? { start: hStart, end: hEnd } : null,
    runIn: false,
    bodyStart: lineEnd,
  };
}

function headingRole(heading: string, roles: Roles): SectionRole | null {
  for (const role of ['problems', 'plans', 'closing', 'body'] as const) {
    if (roles[role].heading.some((cue) => heading.includes(cue))) return role;
  }
  return null;
}

function paragraphRole(text: string, start: number, end: number, roles: Roles): SectionRole | null {
  const head = text.slice(skipBlank(text, start, end), Math.min(end, start + 40));
  for (const role of ['problems', 'plans', 'closing'] as const) {
    const r = roles[role];
    if (r.paragraph.some((cue) => head.startsWith(cue))) return role;
    if (r.paragraphRe && r.paragraphRe.test(head)) return role;
  }
  return null;
}

/** YAML front matter: `---` on the first line, closed by `---` or `...`. Returns its end (after the line break). */
function frontMatter(text: string, lines: Line[]): { end: number; title: TextSpan | null } | null {
  if (lines.length < 2) return null;
  const first = text.slice(lines[0].start, lines[0].end).replace(/^\uFEFF/, '').trim();
  if (first !== '---') return null;
  let title: TextSpan | null = null;
  for (let k = 1; k < lines.length && k < 200; k++) {
    const l = lines[k];
    const s = text.slice(l.start, l.end);
    if (s.trim() === '---' || s.trim() === '...') return { end: l.next, title };
    const m = /^title:\s*(['"]?)(.*?)\1\s*$/.exec(s);
    if (m && !title && m[2]) {
      const at = l.start + s.indexOf(m[2], 6);
      title = { text: m[2], span: { start: at, end: at + m[2].length } };
    }
  }
  return null;
}

/** A title line: `# X`, a whole-line `**X**` without a marker, or a short line without sentence punctuation. */
function titleLine(text: string, line: Line): TextSpan | null {
  let s = skipBlank(text, line.start, line.end);
  let e = trimEnd(text, s, line.end);
  if (e - s > 60 || e === s) return null;
  if (text.startsWith('# ', s)) s = skipBlank(text, s + 2, e);
  if (text.startsWith('**', s) && text.startsWith('**', e - 2) && e - s > 4) {
    s += 2;
    e -= 2;
  }
  const t = text.slice(s, e);
  if (!t || /[。，；：:,;！？]$/.test(t) || /^[—\-－]/.test(t) || matchMarker(t, 0)) return null;
  if (!/(报告|述职|讲话|工作|纪要|汇报)/.test(t.replace(/\s+/g, ''))) return null;
  return { text: t, span: { start: s, end: e } };
}

/**
 * Build the section tree of `text`.
 */
export function splitSections(text: string): SectionsResult {
  const roles = loadRoles();
  const lines = splitLines(text);
  const n = text.length;
  const boundaries: Boundary[] = [];
  let title: TextSpan | null = null;
  let firstLine = 0;

  const fm = frontMatter(text, lines);
  if (fm) {
    title = fm.title;
    boundaries.push(part(0, 'frontmatter', 0));
    while (firstLine < lines.length && lines[firstLine].start < fm.end) firstLine++;
  }
  // title: first non-blank line after front matter
  for (let k = firstLine; k < lines.length; k++) {
    if (isBlank(text, lines[k].start, lines[k].end)) continue;
    const t = titleLine(text, lines[k]);
    if (t && !title) title = t;
    break;
  }

  const headings: Boundary[] = [];
  for (let k = firstLine; k < lines.length; k++) {
    const line = lines[k];
    if (line.end === line.start) continue;
    const h = parseHeading(text, line, lines[k + 1]);
    if (!h) continue;
    if (h.marker === null && h.markdown === 1 && title && title.span.start >= line.start && title.span.start < line.end) {
      continue; // the document title
    }
    const rank = h.marker ? h.marker.rank : h.markdown - 1;
    const marker: Marker = h.marker
      ? {
          kind: h.marker.kind,
          text: text.slice(h.marker.start, h.marker.end),
          ordinal: h.marker.ordinal,
          span: { start: h.marker.start, end: h.marker.end },
        }
      : (() => {
          const at = text.indexOf('#', line.start);
          return { kind: 'markdown' as const, text: '#'.repeat(h.markdown), ordinal: null, span: { start: at, end: at + h.markdown } };
        })();
    const heading = h.heading ? { text: text.slice(h.heading.start, h.heading.end), span: h.heading } : null;
    headings.push({
      start: line.start,
      rank,
      marker,
      heading,
      runIn: h.runIn,
      bodyStart: h.bodyStart,
      role: heading ? headingRole(heading.text, roles) : null,
      part: false,
    });
    // a heading that took the next line (bold split across a line break) consumes it
    if (h.bodyStart > line.next && k + 1 < lines.length && h.bodyStart <= lines[k + 1].next) k++;
  }

  // preamble: whatever comes before the first heading (after front matter)
  const bodyFrom = fm ? fm.end : 0;
  const firstHeading = headings.length ? headings[0].start : n;
  if (firstHeading > bodyFrom || (headings.length === 0 && !fm)) {
    boundaries.push(part(bodyFrom, headings.length ? 'preamble' : 'body', bodyFrom));
  }
  for (const h of headings) boundaries.push(h);

  // problems / plans / closing parts: cue paragraphs after the last heading start top-level parts
  if (headings.length > 0) {
    const last = headings[headings.length - 1];
    let lastRole: SectionRole | null = null;
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k];
      if (line.start <= last.start || line.start < last.bodyStart) continue;
      if (isBlank(text, line.start, line.end)) continue;
      const role = paragraphRole(text, line.start, line.end, roles);
      if (role && role !== lastRole) {
        // closing cues count only near the end: within the last three paragraphs
        if (role === 'closing' && !nearEnd(text, lines, k, 3)) continue;
        boundaries.push(part(line.start, role, line.start));
        lastRole = role;
      }
    }
  }

  const sections = buildTree(boundaries, n);
  addEnumerations(text, sections, findEnumerations, runInHeading);
  numberSections(sections);
  return { title, sections };
}

function nearEnd(text: string, lines: Line[], k: number, count: number): boolean {
  let seen = 0;
  for (let j = k + 1; j < lines.length; j++) {
    if (!isBlank(text, lines[j].start, lines[j].end)) seen++;
    if (seen >= count) return false;
  }
  return true;
}

function part(start: number, role: SectionRole, bodyStart: number): Boundary {
  return {
    start,
    rank: -1,
    marker: { kind: 'none', text: '', ordinal: null, span: null },
    heading: null,
    runIn: false,
    bodyStart,
    role,
    part: true,
  };
}

/** Enumerations 一是…二是… in a section's own body become its first children. */
function runInHeading(text: string, from: number, to: number): TextSpan | null {
  const limit = Math.min(to, from + 50);
  for (let k = from; k < limit; k++) {
    const c = text.charAt(k);
    if ('。；！？\n\r'.includes(c)) {
      if (k === from) return null;
      return { text: text.slice(from, k), span: { start: from, end: k } };
    }
  }
  for (let k = from; k < limit; k++) {
    if (text.charAt(k) === '，' || text.charAt(k) === '：') {
      if (k === from) return null;
      return { text: text.slice(from, k), span: { start: from, end: k } };
    }
  }
  return null;
}


/** Walk the tree in document order. */
export function* walkSections(sections: Section[]): Generator<Section> {
  for (const s of sections) {
    yield s;
    yield* walkSections(s.children);
  }
}
