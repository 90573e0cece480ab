/**
 * reused-sentence (check --against PAST…): a sentence of the draft that occurs in a past report —
 * a warning, info for a fixed formulation. Cross-document: it reads the comparison of the drafts
 * with the past reports that `context.past` carries (comparePast), and finds nothing without it.
 */
import type { RelatedPlace } from '../../render/finding.js';
import type { Finding } from '../../render/finding.js';
import { findingAt, lineCol, placeIn, type Rule } from '../types.js';
import { TEXT_MESSAGES, TEXT_RELATED } from './messages.js';

export const reusedSentence: Rule = {
  meta: {
    id: 'reused-sentence',
    defaultSeverity: 'warning',
    description: 'A sentence of the draft occurs in a past report given with --against.',
    anchor: 'rule-reused-sentence',
    needs: { past: true },
    graded: true,
  },
  check(_report, ctx) {
    const past = ctx.past;
    if (!past) return [];
    const { sources, isDraft, self } = past;
    const out: Finding[] = [];
    for (const item of past.shared) {
      if (item.kind !== 'sentence') continue;
      const inPast = item.occurrences.filter((o) => !isDraft[Number(o.docId)]);
      if (inPast.length === 0) continue;
      const pastDocs = new Set(inPast.map((o) => o.docId));
      const p0 = inPast[0];
      const firstPast = sources[Number(p0.docId)];
      const related: RelatedPlace[] = inPast.map((o) => {
        const s = sources[Number(o.docId)];
        return { file: s.file, place: placeIn(s, o.span), message: TEXT_RELATED.past };
      });
      const reason = TEXT_MESSAGES['reused-sentence']({
        from: `${firstPast.file}:${lineCol(placeIn(firstPast, p0.span))}`,
        more: pastDocs.size - 1,
        formulation: item.formulation,
      });
      for (const o of item.occurrences) {
        if (Number(o.docId) !== self) continue;
        out.push(findingAt(reusedSentence, ctx, o.span, reason, { related, severity: item.formulation ? 'info' : 'warning' }));
      }
    }
    return out;
  },
};
