/**
 * How a worker's report crosses to this thread. Most of a report's weight is the text of its
 * statements and claims, and each of those strings is a slice of the document by its span. A packed
 * outcome carries them empty, with the document text once beside them, and unpacking slices them
 * back: on 25 corpus reports that takes a third off the receiving thread's deserialising (60 → 38 ms),
 * for 3 ms of slicing. Packing checks every string against its span first and leaves the outcome
 * as it is if one differs, so what arrives is always what was analysed.
 */
import type { Outcome } from './task.js';

/** An outcome as sent between threads; `source` is set when the texts were left out. */
export interface Packed {
  outcome: Outcome;
  source?: string;
}

type Sliced = { span: { start: number; end: number }; text: string };

function slices(o: Outcome): Sliced[][] {
  const r = o.report;
  if (!r) return [];
  const lists: Sliced[][] = [r.statements, r.claims];
  for (const s of r.statements) if (s.items.length) lists.push(s.items);
  return lists;
}

/** Leave out the texts that are slices of `text` (the document analysed), if all of them are. */
export function pack(outcome: Outcome, text: string | undefined): Packed {
  if (text === undefined || !outcome.report) return { outcome };
  const lists = slices(outcome);
  for (const list of lists) for (const x of list) if (x.text !== text.slice(x.span.start, x.span.end)) return { outcome };
  for (const list of lists) for (const x of list) x.text = '';
  return { outcome, source: text };
}

/** The outcome as it was before pack(). */
export function unpack(p: Packed): Outcome {
  const { outcome, source } = p;
  if (source === undefined) return outcome;
  for (const list of slices(outcome)) for (const x of list) x.text = source.slice(x.span.start, x.span.end);
  return outcome;
}
