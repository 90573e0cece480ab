/**
 * repeated-phrase: a long phrase used three or more times: the model's repeated-phrase duplicates —
 * one finding on every occurrence after the first, graded by the duplicate.
 */
import type { Rule } from '../types.js';
import { repeatFindings } from './repeats.js';

const meta = {
  id: 'repeated-phrase',
  defaultSeverity: 'info',
  description: 'A long phrase recurs three or more times; fixed political formulations are reported as info.',
  anchor: 'rule-repeated-phrase',
  needs: {},
  graded: true,
} as const;

export const repeatedPhrase: Rule = {
  meta,
  check: (report, ctx) => repeatFindings(meta, report, ctx),
};
