/**
 * Text with marks: spans of the original text (UTF-16 offsets, end exclusive) laid out as nested
 * elements. Spans may overlap without nesting (a repeated phrase across two sentences); such a span is
 * cut into fragments at the edges of the others, so the elements always nest. The first fragment of a
 * span gets its `first` attributes (an id), every fragment its `open` attributes.
 */
import { esc } from './escape.js';

export interface MarkSpan {
  start: number;
  end: number;
  /** the element name: mark, span… */
  tag: string;
  /** attributes of every fragment, already escaped: ` class="k0 s1" data-f="3"` */
  attrs: string;
  /** attributes of the first fragment only: ` id="m0-3"` */
  first?: string;
}

/**
 * The text from `from` to `to` with `spans` marked, as pieces of HTML. Spans outside the range are
 * clipped to it; an empty span becomes an empty element at its place (so it still has its element).
 */
export function* markedText(text: string, spans: readonly MarkSpan[], from = 0, to = text.length): Generator<string> {
  const list = spans
    .map((s, i) => ({ s, i, start: Math.max(from, Math.min(s.start, to)), end: Math.max(from, Math.min(s.end, to)) }))
    .sort((a, b) => a.start - b.start || b.end - a.end || a.i - b.i);
  const stack: typeof list = [];
  const opened = new Set<number>();
  const open = (x: (typeof list)[number]) => {
    const first = !opened.has(x.i);
    opened.add(x.i);
    return `<${x.s.tag}${x.s.attrs}${first && x.s.first ? x.s.first : ''}>`;
  };
  const close = (x: (typeof list)[number]) => `</${x.s.tag}>`;
  let pos = from;
  let next = 0; // next span of `list` to open
  const closeAt = (at: number): string => {
    // close every open span ending at `at`; those above it that go on are closed and reopened
    let out = '';
    let k = stack.findIndex((x) => x.end <= at);
    if (k < 0) return out;
    const reopen: typeof list = [];
    while (stack.length > k) {
      const x = stack.pop()!;
      out += close(x);
      if (x.end > at) reopen.unshift(x);
    }
    for (const x of reopen) {
      stack.push(x);
      out += open(x);
    }
    return out;
  };
  while (pos < to || next < list.length) {
    const nextStart = next < list.length ? list[next].start : Infinity;
    const nextEnd = stack.length ? Math.min(...stack.map((x) => x.end)) : Infinity;
    const stop = Math.min(nextStart, nextEnd, to);
    if (stop > pos) {
      yield esc(text.slice(pos, stop));
      pos = stop;
    }
    let out = '';
    if (nextEnd <= pos) out += closeAt(pos);
    while (next < list.length && list[next].start <= pos) {
      const x = list[next++];
      if (x.end <= x.start) {
        out += open(x) + close(x);
        continue;
      }
      stack.push(x);
      out += open(x);
    }
    if (out) yield out;
    if (pos >= to && next >= list.length) break;
  }
  while (stack.length) yield close(stack.pop()!);
}
