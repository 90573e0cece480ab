/**
 * repeated-clause: the same clause twice in a row (a copy-paste slip), within a sentence or across
 * two adjacent ones: the model's repeated-clause duplicates — one finding on every occurrence after
 * the first, graded by the duplicate.
 */
import { repeatRule } from './repeats.js';

export const repeatedClause = repeatRule('repeated-clause', 'warning', 'The same clause is written twice in a row, within a sentence or across two adjacent sentences.');
