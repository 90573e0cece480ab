/**
 * near-duplicate: two sentences nearly the same (a figure or a word changed): the model's near-
 * duplicate duplicates, with their similarity — one finding on every occurrence after the first,
 * graded by the duplicate.
 */
import { repeatRule } from './repeats.js';

export const nearDuplicate = repeatRule('near-duplicate', 'warning', 'Two sentences are nearly the same (edit similarity above the threshold).');
