/**
 * repeated-clause: the same clause twice in a row (a copy-paste slip), within a sentence or across
 * two adjacent ones: the model's repeated-clause duplicates — one finding on every occurrence after
 * the first, graded by the duplicate.
 */
import type { Rule } from '../types.js';
import { repeatFindings } from './repeats.js';

const meta = {
  id: 'repeated-clause',
  defaultSeverity: 'warning',
  description: 'The same clause is written twice in a row, within a sentence or across two adjacent sentences.',
  anchor: 'rule-repeated-clause',
  needs: {},
  graded: true,
} as const;

export const repeatedClause: Rule = {
  meta,
  check: (report, ctx) => repeatFindings(meta, report, ctx),
};
