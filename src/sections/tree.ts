/**
 * The section tree from heading boundaries, shared by the Chinese and English splitters: nest by
 * rank with a stack; unmarked parts are always top level and close at the next boundary.
 */
import type { Marker, Section, SectionRole, TextSpan } from '../schema/index.js';
import type { EnumHit } from './markers.js';

export interface Boundary {
  /** section start: the start of the heading's line */
  start: number;
  rank: number;
  marker: Marker;
  heading: TextSpan | null;
  runIn: boolean;
  /** where the body starts */
  bodyStart: number;
  role: SectionRole | null;
  /** unmarked part (frontmatter/preamble/problems/plans/closing) */
  part: boolean;
}

/** Nest the boundaries by rank with a stack; parts are always top level. */
export function buildTree(boundaries: Boundary[], n: number): Section[] {
  boundaries.sort((a, b) => a.start - b.start || (a.part ? -1 : 1));
  const top: Section[] = [];
  const stack: Array<{ sec: Section; rank: number }> = [];
  const close = (end: number) => {
    const s = stack.pop()!;
    s.sec.span.end = end;
    if (s.sec.children.length === 0) s.sec.body.end = end;
  };
  for (const b of boundaries) {
    if (b.part) {
      while (stack.length) close(b.start);
    } else {
      while (stack.length && stack[stack.length - 1].rank >= b.rank) close(b.start);
    }
    const parent = stack.length ? stack[stack.length - 1].sec : null;
    const inherited: SectionRole = parent ? parent.role : 'body';
    // inside a review, a heading's plan words tell past work (（一）坚决贯彻落实…“六稳”工作部署): the
    // part's role stands
    const own = parent && parent.role === 'body' && b.role === 'plans' ? null : b.role;
    const sec: Section = {
      id: '',
      level: b.part ? 0 : parent ? Math.max(parent.level, 0) + 1 : 1,
      marker: b.marker,
      heading: b.heading,
      runIn: b.runIn,
      role: own ?? (b.part ? 'body' : inherited === 'preamble' || inherited === 'frontmatter' ? 'body' : inherited),
      span: { start: b.start, end: n },
      body: { start: Math.max(b.bodyStart, b.start), end: n },
      children: [],
    };
    if (parent) {
      if (parent.children.length === 0) parent.body.end = b.start;
      parent.children.push(sec);
    } else {
      top.push(sec);
    }
    // parts hold no headed children: any next boundary closes them (rank +∞)
    stack.push({ sec, rank: b.part ? Number.POSITIVE_INFINITY : b.rank });
  }
  while (stack.length) close(n);
  return top;
}

/** Ids sec-1, sec-2… in document order. */
export function numberSections(sections: Section[], counter: { next: number } = { next: 1 }): void {
  for (const s of sections) {
    s.id = `sec-${counter.next++}`;
    numberSections(s.children, counter);
  }
}

/**
 * Enumerations inside section bodies (一是…二是…, First, … Second, …) become child sections, one per
 * item, each running to the next item or the end of the body; `find` gives the runs of items and
 * `heading` the run-in heading after a marker.
 */
export function addEnumerations(
  text: string,
  sections: Section[],
  find: (text: string, from: number, to: number) => EnumHit[][],
  heading: (text: string, from: number, to: number) => TextSpan | null,
): void {
  for (const sec of sections) {
    addEnumerations(text, sec.children, find, heading);
    if (sec.role === 'frontmatter') continue;
    const runs = find(text, sec.body.start, sec.body.end);
    if (runs.length === 0) continue;
    const items: Section[] = [];
    const bodyEnd = sec.body.end;
    const hits = runs.flat();
    for (let k = 0; k < hits.length; k++) {
      const h = hits[k];
      const end = k + 1 < hits.length ? hits[k + 1].start : bodyEnd;
      if (end <= h.start) continue;
      items.push({
        id: '',
        level: Math.max(sec.level, 0) + 1,
        marker: { kind: 'enumeration', text: h.marker, ordinal: h.ordinal, span: { start: h.start, end: h.end } },
        heading: heading(text, h.end, end),
        runIn: true,
        role: sec.role === 'preamble' ? 'body' : sec.role,
        span: { start: h.start, end },
        // the marker and run-in heading are part of the item's first sentence: the body keeps them
        body: { start: h.start, end },
        children: [],
      });
    }
    if (items.length === 0) continue;
    sec.body.end = items[0].span.start;
    sec.children = [...items, ...sec.children];
  }
}
