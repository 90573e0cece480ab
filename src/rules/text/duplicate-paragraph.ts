/**
 * duplicate-paragraph: the same paragraph more than once in the document: the model's duplicate-
 * paragraph duplicates — one finding on every occurrence after the first, graded by the duplicate.
 */
import { repeatRule } from './repeats.js';

export const duplicateParagraph = repeatRule('duplicate-paragraph', 'warning', 'The same paragraph occurs more than once in the document.');
