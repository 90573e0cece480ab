/**
 * The section tree from heading boundaries, shared by the Chinese and English splitters: nest by
 * rank with a stack; unmarked parts are always top level and close at the next boundary.
 */
import type { Marker, Section, SectionRole, TextSpan } from '../schema/index.js';

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
    const sec: Section = {
      id: '',
      level: b.part ? 0 : parent ? Math.max(parent.level, 0) + 1 : 1,
      marker: b.marker,
      heading: b.heading,
      runIn: b.runIn,
      role: b.role ?? (b.part ? 'body' : inherited === 'preamble' || inherited === 'frontmatter' ? 'body' : inherited),
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
