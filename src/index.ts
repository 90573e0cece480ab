/**
 * baogao — reads Chinese political work reports into a typed, checked model.
 *
 *   import { analyze, Report } from 'baogao';
 *   const report = analyze(text); // Report.parse(report) holds
 */
export * from './schema/index.js';
export { analyze, MAX_INPUT_CHARS, InputTooLargeError, type AnalyzeOptions } from './model/analyze.js';
export { normalize, toOriginal, toNormalized, type Normalized } from './normalize/index.js';
export { splitSections, walkSections, lineStarts, lineColumn } from './sections/index.js';
export { splitStatements, sentenceRanges } from './statements/index.js';
export { findPlaceholders, looksLikeMarkdown } from './annotate/placeholders.js';
export { scanNumbers, parseChineseNumber, type NumberToken } from './annotate/numbers.js';
export { extractClaims } from './claims/index.js';
export { canonicalMetric } from './claims/lexicon.js';
export { findDuplicates, compareDocuments, type DuplicateOptions, type CompareDoc, type CompareResult } from './duplicates/index.js';
