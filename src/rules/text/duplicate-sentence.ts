/**
 * duplicate-sentence: the same sentence more than once in the document: the model's duplicate-
 * sentence duplicates — one finding on every occurrence after the first, graded by the duplicate.
 */
import type { Rule } from '../types.js';
import { repeatFindings } from './repeats.js';

const meta = {
  id: 'duplicate-sentence',
  defaultSeverity: 'warning',
  description: 'The same sentence occurs more than once in the document.',
  anchor: 'rule-duplicate-sentence',
  needs: {},
  graded: true,
} as const;

export const duplicateSentence: Rule = {
  meta,
  check: (report, ctx) => repeatFindings(meta, report, ctx),
};
