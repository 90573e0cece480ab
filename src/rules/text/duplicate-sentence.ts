/**
 * duplicate-sentence: the same sentence more than once in the document: the model's duplicate-
 * sentence duplicates — one finding on every occurrence after the first, graded by the duplicate.
 */
import { repeatRule } from './repeats.js';

export const duplicateSentence = repeatRule('duplicate-sentence', 'warning', 'The same sentence occurs more than once in the document.');
