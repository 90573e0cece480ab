/**
 * What the five repeat rules share: the model's duplicates of one kind, one finding on every
 * occurrence after the first, pointing back at the first (related), graded by the duplicate's own
 * severity.
 */
import type { DuplicateKind, Report } from '../../schema/index.js';
import type { Finding, RelatedPlace } from '../../render/finding.js';
import { findingAt, lineCol, placeIn, type Rule, type RuleContext, type RuleMeta } from '../types.js';
import { TEXT_MESSAGES, TEXT_RELATED } from './messages.js';

export function repeatFindings(meta: RuleMeta & { id: DuplicateKind }, report: Report, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const src = ctx.source;
  for (const d of report.duplicates) {
    if (d.kind !== meta.id) continue;
    const occ = [...d.occurrences].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    if (occ.length < 2) continue;
    const firstPlace = placeIn(src, occ[0].span);
    const reason = TEXT_MESSAGES[d.kind]({ text: d.text, count: d.count, first: lineCol(firstPlace), formulation: d.formulation, similarity: d.similarity });
    const related: RelatedPlace[] = [{ file: src.file, place: firstPlace, message: TEXT_RELATED.first }];
    for (const o of occ.slice(1)) out.push(findingAt(meta, ctx, o.span, reason, { related, severity: d.severity }));
  }
  return out;
}

/**
 * A repeat rule: the model's duplicates of kind `id`, graded by the duplicate, with its docs section
 * rule-<id>; it reads nothing but the report.
 */
export function repeatRule(id: DuplicateKind, defaultSeverity: RuleMeta['defaultSeverity'], description: string): Rule {
  const meta = { id, defaultSeverity, description, anchor: `rule-${id}`, needs: {}, graded: true } as const;
  return { meta, check: (report, ctx) => repeatFindings(meta, report, ctx) };
}
