/**
 * near-duplicate: two sentences nearly the same (a figure or a word changed): the model's near-
 * duplicate duplicates, with their similarity — one finding on every occurrence after the first,
 * graded by the duplicate.
 */
import type { Rule } from '../types.js';
import { repeatFindings } from './repeats.js';

const meta = {
  id: 'near-duplicate',
  defaultSeverity: 'warning',
  description: 'Two sentences are nearly the same (edit similarity above the threshold).',
  anchor: 'rule-near-duplicate',
  needs: {},
  graded: true,
} as const;

export const nearDuplicate: Rule = {
  meta,
  check: (report, ctx) => repeatFindings(meta, report, ctx),
};
