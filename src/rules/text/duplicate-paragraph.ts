/**
 * duplicate-paragraph: the same paragraph more than once in the document: the model's duplicate-
 * paragraph duplicates — one finding on every occurrence after the first, graded by the duplicate.
 */
import type { Rule } from '../types.js';
import { repeatFindings } from './repeats.js';

const meta = {
  id: 'duplicate-paragraph',
  defaultSeverity: 'warning',
  description: 'The same paragraph occurs more than once in the document.',
  anchor: 'rule-duplicate-paragraph',
  needs: {},
  graded: true,
} as const;

export const duplicateParagraph: Rule = {
  meta,
  check: (report, ctx) => repeatFindings(meta, report, ctx),
};
