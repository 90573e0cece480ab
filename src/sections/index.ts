/**
 * Stage: sections. Splits a report into a tree of sections that tile the text: top-level parts
 * (frontmatter, preamble, the numbered sections, problems/plans/closing parts) are contiguous from
 * offset 0 to text.length, and inside every section the body and the children are contiguous.
 *
 * Pure: works on the original text (line structure matters), returns spans into it.
 */
import type { Marker, Section, SectionRole, TextSpan } from '../schema/index.js';
import { loadRoles, type Roles } from './roles.js';
import { findEnumerations, matchMarker, RANK, type LineMarker } from './markers.js';
import { isBlank, isBlankCode, lineAt, skipBlank, splitLines, trimEnd, type Line } from './lines.js';
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
  if (hashes > 0 && hashes <= 6 && i + hashes < line.end && isBlankCode(text.charCodeAt(i + hashes))) {
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

/**
 * The role a heading's own words give it. The body cues (回顾, 成绩…) name a review part and count
 * only at the top level (`top`): under a plans part, 确保民生工作取得新成绩 is a task.
 */
function headingRole(heading: string, roles: Roles, top = false): SectionRole | null {
  for (const role of ['problems', 'plans', 'closing', 'body'] as const) {
    if (role === 'body' && !top) continue;
    const r = roles[role];
    if (r.heading.some((cue) => heading.includes(cue))) return role;
    if (r.headingRe && r.headingRe.test(heading)) return role;
  }
  return null;
}

const HALF_PUNCT: Record<string, string> = { '!': '！', ',': '，', ':': '：', ';': '；', '?': '？' };

/** A copy with the half-width sentence punctuation of typed reports made full-width. */
function halfToFull(t: string): string {
  return t.replace(/[!,:;?]/g, (c) => HALF_PUNCT[c]);
}

/**
 * The role a paragraph's opening gives the part it starts. A year at its start (2025年是…) counts
 * for plans only when it is the report's year or later (`year`, when known).
 */
function paragraphRole(text: string, start: number, end: number, roles: Roles, year: number | null): SectionRole | null {
  // half-width punctuation (各位代表!) matched as the cues write it, on a copy
  const head = halfToFull(text.slice(skipBlank(text, start, end), Math.min(end, start + 40)));
  for (const role of ['problems', 'plans', 'closing'] as const) {
    const r = roles[role];
    if (r.paragraph.some((cue) => head.startsWith(cue))) return role;
    if (r.paragraphRe && r.paragraphRe.test(head) && (year === null || yearFrom(head.slice(0, 5), year))) return role;
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
 * A heading that a Word file marks by its paragraph style or outline level: the span of the
 * paragraph's line (UTF-16 offsets into the text, without the line break) and its outline level,
 * 0-based as Word's (0 = top level).
 */
export interface HeadingHint {
  start: number;
  end: number;
  level: number;
}

/**
 * The longest line that can be an unnumbered heading (an appendix line, a bold line, a genre-rule
 * heading): national 2013's 今年经济社会发展的总体要求、主要预期目标和宏观经济政策 has 27 characters.
 * Up to 32 the corpus holds no false heading but the communiqués' captions, excluded by rule.
 */
const MAX_UNNUMBERED = 30;
/** What ends a paragraph: a line before an unnumbered heading ends so. */
const PARAGRAPH_END = '。！？!?”」』）)…';
/** Sentence punctuation that an unnumbered heading never holds. */
const SENTENCE_PUNCT = '。，；：:,;！？!?';
/** A line following an unnumbered heading: a paragraph of at least this many characters, or a numbered heading. */
const MIN_PARAGRAPH = 30;

/** The trimmed content of a line, without wrapping `**…**`, leading `#`s or `>`s. */
function bareLine(text: string, line: Line): { start: number; end: number } {
  let s = skipBlank(text, line.start, line.end);
  let e = trimEnd(text, s, line.end);
  while (s < e && (text.charCodeAt(s) === 35 || text.charCodeAt(s) === 62)) s = skipBlank(text, s + 1, e);
  if (e - s > 4 && text.startsWith('**', s) && text.startsWith('**', e - 2)) {
    s = skipBlank(text, s + 2, e);
    e = trimEnd(text, s, e - 2);
  }
  return { start: s, end: e };
}

function hasHan(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) return true;
  }
  return false;
}

/**
 * Text short enough for an unnumbered heading (2 to MAX_UNNUMBERED characters), with Chinese, no
 * sentence punctuation and no leading dash: what a bold-line and a plain-line heading share.
 */
function headingText(t: string): boolean {
  if (t.length < 2 || t.length > MAX_UNNUMBERED) return false;
  for (let i = 0; i < t.length; i++) if (SENTENCE_PUNCT.includes(t.charAt(i))) return false;
  return hasHan(t) && !/^[—\-－]/.test(t);
}

/**
 * The genre's unnumbered top heading in plain text (2024年工作回顾, 2025年工作安排建议, 加强政府自身
 * 建设 in reports typed without numbers): a short line with Chinese and no sentence punctuation,
 * that is not a figure or table caption, between a paragraph that has ended (。！？…) and a
 * paragraph or a numbered heading. Measured on the corpus: 7 such lines in 75 reports, none false
 * (the captions 表1…/图4… of the statistical communiqués, 20 of them, are excluded by rule).
 */
function unnumberedHeading(text: string, lines: Line[], k: number, bare: { start: number; end: number }): boolean {
  const t = text.slice(bare.start, bare.end);
  if (!headingText(t) || /^[*#>|!\[(（“"《【]/.test(t) || /^[表图]\s*\d/.test(t)) return false;
  const prev = nonBlank(text, lines, k, -1);
  const next = nonBlank(text, lines, k, 1);
  if (prev < 0 || next < 0) return false;
  const p = bareLine(text, lines[prev]);
  if (p.end <= p.start || !PARAGRAPH_END.includes(text.charAt(p.end - 1))) return false;
  const n = bareLine(text, lines[next]);
  if (n.end - n.start >= MIN_PARAGRAPH) return true;
  return matchMarker(text.slice(n.start, Math.min(n.end, n.start + 12)), 0) !== null;
}

/** A whole line in bold (`**2024年工作回顾**`) short enough for a heading and without sentence punctuation. */
function boldLine(text: string, line: Line, bare: { start: number; end: number }): boolean {
  const s = skipBlank(text, line.start, line.end);
  if (!text.startsWith('**', s) || bare.start === s) return false;
  const t = text.slice(bare.start, bare.end);
  return headingText(t) && !t.includes('*');
}

function boldMarker(text: string, line: Line): Marker {
  const at = skipBlank(text, line.start, line.end);
  return { kind: 'bold', text: '**', ordinal: null, span: { start: at, end: at + 2 } };
}

/** Index of the next (dir 1) or previous (dir -1) non-blank line from k, or -1. */
function nonBlank(text: string, lines: Line[], k: number, dir: 1 | -1): number {
  for (let j = k + dir; j >= 0 && j < lines.length; j += dir) {
    if (!isBlank(text, lines[j].start, lines[j].end)) return j;
  }
  return -1;
}

const CN_YEAR_DIGITS = '〇一二三四五六七八九';

/** Every year written in `t` (2025年, ２０２５年, 二〇二五年), as numbers. */
function yearsIn(raw: string): number[] {
  // full-width digits read as ASCII, on a copy of the same length
  const t = raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const out: number[] = [];
  for (let k = t.indexOf('年'); k !== -1; k = t.indexOf('年', k + 1)) {
    if (k < 4) continue;
    const w = t.slice(k - 4, k);
    if (/^\d{4}$/.test(w) && !/\d/.test(t.charAt(k - 5))) out.push(Number(w));
    else if (/^[〇一二三四五六七八九零]{4}$/.test(w)) {
      out.push(Number([...w].map((c) => (c === '零' ? 0 : CN_YEAR_DIGITS.indexOf(c))).join('')));
    }
  }
  return out;
}

/** `t` names `year` or a later one (2025年是…, 二〇三五年远景目标): work still to come. */
function yearFrom(t: string, year: number): boolean {
  return yearsIn(t).some((y) => y >= year);
}

/**
 * The report's own year, the year its plans are for: the first year written in its opening lines
 * (title, date line, front matter) before its first paragraph, or the year after it when the
 * report is on that year (年度, 总结); else the latest year in its top-level headings; else null.
 */
function reportYear(text: string, lines: Line[], openAt: number, topHeadings: string[]): number | null {
  const upTo = openAt >= 0 ? lines[openAt].start : Math.min(text.length, 400);
  const opening = text.slice(0, Math.min(upTo, 2000));
  const head = yearsIn(opening);
  if (head.length) {
    // a report on a year (2022年度述职报告, 2022年工作总结) comes the year after it: its plans are for that one
    const k = opening.search(/(?:\d{4}|[０-９]{4}|[〇一二三四五六七八九零]{4})年/);
    const onTheYear = (k !== -1 && opening.charAt(opening.indexOf('年', k) + 1) === '度') || opening.includes('总结');
    return onTheYear ? head[0] + 1 : head[0];
  }
  let best: number | null = null;
  for (const h of topHeadings) for (const y of yearsIn(h)) if (best === null || y > best) best = y;
  return best;
}

/** A top-level heading naming the coming year (or a later one) and its work, not a review. */
function namesComingYear(heading: string, year: number | null, roles: Roles): boolean {
  const cy = roles.comingYear;
  if (cy.review.some((c) => heading.includes(c))) return false;
  if (!cy.work.some((c) => heading.includes(c))) return false;
  if (cy.now.some((c) => heading.includes(c))) return true;
  return year !== null && yearFrom(heading, year);
}

/**
 * A top-level section whose own opening paragraphs set the coming work: 从现在起…, 今后五年…,
 * 2025年是… (the report's year or later).
 */
function opensPlans(text: string, lines: Line[], from: number, to: number, year: number | null, roles: Roles): boolean {
  const { paragraphs, cues } = roles.opening;
  const re = roles.plans.paragraphRe;
  let seen = 0;
  // the first line holding `from` (a run-in heading's body starts inside its line)
  let k = lineAt(lines, from);
  for (; k < lines.length && seen < paragraphs; k++) {
    const l = lines[k];
    if (l.start >= to) break;
    const s = skipBlank(text, Math.max(l.start, from), Math.min(l.end, to));
    if (s >= Math.min(l.end, to)) continue;
    seen++;
    const head = text.slice(s, Math.min(l.end, to, s + 40));
    if (cues.some((c) => head.startsWith(c))) return true;
    if (re && year !== null && re.test(head) && yearFrom(head.slice(0, 5), year)) return true;
  }
  return false;
}

/**
 * Ranks for Word's outline levels: a hinted numbered heading keeps its marker's rank; an unnumbered
 * one at level L takes the rank of the numbered ones at L, or a rank between the levels around it,
 * or (no numbered heading hinted) one above every marker: -1 for level 0, a quarter lower per level.
 */
function hintRanks(numberedRanks: Map<number, number>): (level: number) => number {
  const levels = [...numberedRanks.keys()].sort((a, b) => a - b);
  return (level: number) => {
    const own = numberedRanks.get(level);
    if (own !== undefined) return own;
    let lo: number | undefined;
    let hi: number | undefined;
    for (const l of levels) {
      if (l < level) lo = l;
      else if (hi === undefined) hi = l;
    }
    if (lo !== undefined && hi !== undefined) {
      const a = numberedRanks.get(lo)!;
      const b = numberedRanks.get(hi)!;
      return a + ((b - a) * (level - lo)) / (hi - lo);
    }
    if (lo !== undefined) return numberedRanks.get(lo)! + 0.25 * (level - lo);
    if (hi !== undefined) return numberedRanks.get(hi)! - 0.25 * (hi - level);
    return -1 + 0.25 * level;
  };
}

function noMarker(): Marker {
  return { kind: 'none', text: '', ordinal: null, span: null };
}

/**
 * Build the section tree of `text`. `hints` (optional) are the headings a Word file marks by style
 * or outline level: a hinted line is a heading at its level even when it carries no number.
 */
export function splitSections(text: string, hints?: readonly HeadingHint[]): SectionsResult {
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
  const isTitleLine = (line: Line) => title !== null && title.span.start >= line.start && title.span.start < line.end;

  // the opening paragraph (现在，我代表…。): unnumbered headings and appendices come after it
  let openAt = -1;
  for (let k = firstLine; k < lines.length; k++) {
    const { start, end } = bareLine(text, lines[k]);
    if (end - start > 15 && text.charAt(end - 1) === '。') {
      openAt = k;
      break;
    }
  }

  // Word's heading hints, by line
  const hinted = new Map<number, number>();
  if (hints && hints.length) {
    for (const h of hints) {
      if (h.start < 0 || h.start >= n) continue;
      hinted.set(lineAt(lines, h.start), h.level);
    }
  }

  const headings: Boundary[] = [];
  const appendices = new Set<Boundary>();
  /** unnumbered hinted headings, ranked once the numbered ones are known */
  const unranked: Array<{ b: Boundary; level: number }> = [];
  /** bold-only and genre-rule headings, ranked once the numbered ones are known */
  const unmarked: Boundary[] = [];
  const numberedRanks = new Map<number, number>();
  for (let k = firstLine; k < lines.length; k++) {
    const line = lines[k];
    if (line.end === line.start) continue;
    const h = parseHeading(text, line, lines[k + 1]);
    const level = hinted.get(k);
    if (!h) {
      if (isBlank(text, line.start, line.end) || isTitleLine(line)) continue;
      const bare = bareLine(text, line);
      let kind: 'hint' | 'appendix' | 'bold' | 'plain' | null = null;
      const afterOpening = k > openAt && openAt >= 0;
      // (a hint before the opening paragraph marks a title, subtitle or date line: not a part)
      if (level !== undefined) kind = afterOpening || openAt < 0 ? 'hint' : null;
      else if (afterOpening && bare.end - bare.start <= MAX_UNNUMBERED && roles.appendixRe?.test(text.slice(bare.start, bare.end))) kind = 'appendix';
      else if (afterOpening && boldLine(text, line, bare)) kind = 'bold';
      else if (afterOpening && unnumberedHeading(text, lines, k, bare)) kind = 'plain';
      if (!kind) continue;
      let hEnd = bare.end;
      if (kind !== 'appendix' && hEnd > bare.start && TERMINATORS.includes(text.charAt(hEnd - 1))) hEnd--;
      const heading = { text: text.slice(bare.start, hEnd), span: { start: bare.start, end: hEnd } };
      const b: Boundary = {
        start: line.start,
        rank: -1,
        marker: kind === 'bold' ? boldMarker(text, line) : noMarker(),
        heading,
        runIn: false,
        bodyStart: trimEnd(text, line.start, line.end),
        role: kind === 'appendix' ? 'body' : headingRole(heading.text, roles),
        part: false,
      };
      headings.push(b);
      if (kind === 'appendix') appendices.add(b);
      if (kind === 'hint') unranked.push({ b, level: level! });
      if (kind === 'bold' || kind === 'plain') unmarked.push(b);
      continue;
    }
    if (h.marker === null && h.markdown === 1 && isTitleLine(line)) {
      continue; // the document title
    }
    const rank = h.marker ? h.marker.rank : h.markdown - 1;
    // a Markdown heading without a number that opens the appended matter (## 附注：)
    const appendix = !h.marker && h.heading !== null && k > openAt && openAt >= 0 && roles.appendixRe?.test(text.slice(h.heading.start, h.heading.end)) === true;
    if (level !== undefined) {
      const seen = numberedRanks.get(level);
      if (seen === undefined || rank < seen) numberedRanks.set(level, rank);
    }
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
    const b: Boundary = {
      start: line.start,
      rank,
      marker,
      heading,
      runIn: h.runIn,
      bodyStart: h.bodyStart,
      role: appendix ? 'body' : heading ? headingRole(heading.text, roles) : null,
      part: false,
    };
    headings.push(b);
    if (appendix) appendices.add(b);
    // a heading that took the next line (bold split across a line break) consumes it
    if (h.bodyStart > line.next && k + 1 < lines.length && h.bodyStart <= lines[k + 1].next) k++;
  }
  if (unranked.length) {
    const rankOf = hintRanks(numberedRanks);
    for (const u of unranked) u.b.rank = rankOf(u.level);
  }
  if (unmarked.length) {
    // top level in a report whose parts carry no 一、, 第一部分 or ## (Sichuan 2025: 2024年工作回顾
    // over （一）…); else a sub-heading just below the top numbered or Markdown level
    let top = Number.POSITIVE_INFINITY;
    for (const h of headings) if (h.marker.kind !== 'none' && h.marker.kind !== 'bold') top = Math.min(top, h.rank);
    const rank = top <= RANK.chinese ? top + 0.5 : -1;
    for (const b of unmarked) b.rank = rank;
  }

  const year = assignTopRoles(text, lines, headings, appendices, openAt, roles);

  // preamble: whatever comes before the first heading (after front matter)
  const bodyFrom = fm ? fm.end : 0;
  const firstHeading = headings.length ? headings[0].start : n;
  if (firstHeading > bodyFrom || (headings.length === 0 && !fm)) {
    boundaries.push(part(bodyFrom, headings.length ? 'preamble' : 'body', bodyFrom));
  }
  for (const h of headings) boundaries.push(h);

  // problems / plans / closing parts: cue paragraphs after the last heading of the report itself
  // (before any appendix) start top-level parts
  let mainEnd = n;
  for (const h of headings) {
    if (appendices.has(h)) {
      mainEnd = h.start;
      break;
    }
  }
  let last: Boundary | null = null;
  for (const h of headings) if (h.start < mainEnd) last = h;
  if (last) {
    let lastRole: SectionRole | null = null;
    for (let k = lineAt(lines, last.start); k < lines.length; k++) {
      const line = lines[k];
      if (line.start >= mainEnd) break;
      if (line.start <= last.start || line.start < last.bodyStart) continue;
      if (isBlank(text, line.start, line.end)) continue;
      const role = paragraphRole(text, line.start, line.end, roles, year);
      if (role && role !== lastRole) {
        // closing cues count only near the end: within the last three paragraphs
        if (role === 'closing' && !nearEnd(text, lines, k, 3, mainEnd)) continue;
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

/**
 * Roles of the top-level headings beyond their cues: a heading naming the coming year's work, or
 * whose opening paragraphs set it, is `plans`; later top-level headings without a role of their
 * own continue a plans part until a review, problems or closing heading or an appendix. Children
 * take their parent's role in buildTree. Returns the report's year (null when none is written).
 */
function assignTopRoles(text: string, lines: Line[], headings: Boundary[], appendices: Set<Boundary>, openAt: number, roles: Roles): number | null {
  // top level: no open heading of a higher rank above it (the stack buildTree will use)
  const stack: number[] = [];
  const top: number[] = [];
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    while (stack.length && stack[stack.length - 1] >= h.rank) stack.pop();
    if (stack.length === 0) top.push(i);
    stack.push(h.rank);
  }
  const year = reportYear(
    text,
    lines,
    openAt,
    top.map((i) => headings[i].heading?.text ?? ''),
  );
  let inPlans = false;
  for (const i of top) {
    const h = headings[i];
    if (appendices.has(h)) {
      // 附件1 / 2025年省十件民生实事: an appended list of the coming year's pledges is plans; a
      // glossary (名词解释) or anything else appended is body
      const next = nonBlank(text, lines, lineAt(lines, h.start), 1);
      const title = next === -1 ? null : bareLine(text, lines[next]);
      const named = [h.heading?.text ?? '', title && title.end - title.start <= MAX_UNNUMBERED ? text.slice(title.start, title.end) : ''];
      h.role = named.some((t) => t && namesComingYear(t, year, roles)) ? 'plans' : 'body';
      inPlans = false;
      continue;
    }
    if (h.role === null && h.heading) h.role = headingRole(h.heading.text, roles, true);
    if (h.role === null && h.heading && namesComingYear(h.heading.text, year, roles)) h.role = 'plans';
    if (h.role === null) {
      const to = i + 1 < headings.length ? headings[i + 1].start : text.length;
      if (opensPlans(text, lines, h.bodyStart, to, year, roles)) h.role = 'plans';
    }
    if (h.role === 'plans') inPlans = true;
    else if (h.role === null && inPlans) h.role = 'plans';
    else if (h.role !== null) inPlans = false;
  }
  return year;
}

function nearEnd(text: string, lines: Line[], k: number, count: number, limit: number): boolean {
  let seen = 0;
  for (let j = k + 1; j < lines.length && lines[j].start < limit; j++) {
    if (!isBlank(text, lines[j].start, lines[j].end)) seen++;
    if (seen >= count) return false;
  }
  return true;
}

function part(start: number, role: SectionRole, bodyStart: number): Boundary {
  return {
    start,
    rank: -1,
    marker: noMarker(),
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
