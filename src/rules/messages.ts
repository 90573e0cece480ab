/**
 * Every text the figure rules show, kept apart from the logic that finds them (as text/messages.ts
 * is for the other rules). Document text is quoted with `quote`.
 */
import { truncate } from '../render/width.js';

/** “…” around document text, cut to 24 columns (12 汉字) */
export function quote(text: string, max = 24): string {
  return `“${truncate(text.replace(/\s+/g, ' ').trim(), max)}”`;
}

export interface InconsistentParams {
  metric: string;
  what: 'value' | 'growth';
  here: string;
  there: string;
  /** "12:5" of the other mention */
  at: string;
  period: string | null;
}
export interface PointsParams {
  metric: string;
  written: string;
  /** what it should be written as: 1.2个百分点, or 1.2% */
  expected: string;
  kind: 'percent-for-points' | 'points-for-percent';
}
export interface AddUpParams {
  kind: 'part-exceeds-total' | 'shares-over-100' | 'from-to-growth' | 'split-not-100';
  metric: string;
  /** the figures involved, as written */
  figures: string[];
  /** the total, the sum or the growth the figures imply */
  implied: string;
  at?: string;
}
export interface ReferenceParams {
  metric: string;
  what: 'value' | 'growth';
  here: string;
  there: string[];
  /** "communique.txt:12:5" */
  from: string;
}

const WHAT = { value: 'is', growth: 'changes by' } as const;

export const FIGURE_MESSAGES = {
  'inconsistent-figure': (p: InconsistentParams) =>
    `${quote(p.metric)} ${WHAT[p.what]} ${p.here} here but ${p.there} at ${p.at}` +
    (p.period ? ` (both ${quote(p.period)})` : '') +
    ': the same figure for the same period, scope and modality should be stated once',
  'percent-or-points': (p: PointsParams) =>
    p.kind === 'percent-for-points'
      ? `${quote(p.metric)} is a rate or share: its change ${p.written} should be in 个百分点 (${p.expected}); a change in % is relative`
      : `${quote(p.metric)} is no rate or share: its change ${p.written} in 个百分点 should be in % (${p.expected})`,
  'figures-do-not-add-up': (p: AddUpParams) =>
    p.kind === 'part-exceeds-total'
      ? `${quote(p.metric)} ${p.figures[0]}, a part listed after 其中, is larger than its total ${p.implied}` + (p.at ? ` at ${p.at}` : '')
      : p.kind === 'shares-over-100'
        ? `Shares ${p.figures.join(', ')} of one whole add up to ${p.implied}, over 100%`
        : p.kind === 'split-not-100'
          ? `The split ${quote(p.metric)} ${p.figures.join('∶')} adds up to ${p.implied}, not 100`
          : `${quote(p.metric)} from ${p.figures[0]} to ${p.figures[1]} is a change of ${p.implied}, not the ${p.figures[2]} stated`,
  'disagrees-with-reference': (p: ReferenceParams) =>
    `${quote(p.metric)} ${WHAT[p.what]} ${p.here} here but ${p.there.join(' or ')} in ${p.from}` +
    ' (a figure that rounds half up to the one written agrees)',
};

export const FIGURE_RELATED = {
  other: 'the other mention',
  total: 'the total',
  from: 'the figure it changes from',
  reference: 'in the reference',
};
