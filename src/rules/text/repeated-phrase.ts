/**
 * repeated-phrase: a long phrase used three or more times: the model's repeated-phrase duplicates —
 * one finding on every occurrence after the first, graded by the duplicate.
 */
import { repeatRule } from './repeats.js';

export const repeatedPhrase = repeatRule('repeated-phrase', 'info', 'A long phrase recurs three or more times; fixed political formulations are reported as info.');
