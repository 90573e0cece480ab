/**
 * baogao — reads Chinese political work reports into a typed, checked model.
 *
 *   import { analyze, Report } from 'baogao';
 *   const report = analyze(text); // Report.parse(report) holds
 */
export * from './schema/index.js';
export { analyze, MAX_INPUT_CHARS, InputTooLargeError, AnalyzeOptionsError, analyzeOptionsSchema, type AnalyzeOptions } from './model/analyze.js';
export { normalize, toOriginal, toNormalized, type Normalized } from './normalize/index.js';
export { splitSections, walkSections, lineStarts, lineColumn, type HeadingHint } from './sections/index.js';
export { splitStatements, sentenceRanges } from './statements/index.js';
export { findPlaceholders, looksLikeMarkdown } from './annotate/placeholders.js';
export { scanNumbers, parseChineseNumber, type NumberToken } from './annotate/numbers.js';
export { extractClaims } from './claims/index.js';
export { canonicalMetric } from './claims/lexicon.js';
export { findDuplicates, compareDocuments, type DuplicateOptions, type CompareDoc, type CompareResult } from './duplicates/index.js';
export { detectLanguage, letterCounts, withoutFootnoteMarks, type Language } from './lang/index.js';
export { findDuplicatesEn, type DuplicateEnOptions } from './lang/duplicates-en.js';
export { splitSectionsEn, romanNumber } from './sections/en.js';
export { splitStatementsEn, sentenceRangesEn } from './statements/en.js';
export { extractClaimsEn, canonicalEn } from './claims/en.js';
export {
  compareVersions,
  claimFacts,
  factKind,
  factsAgree,
  numbersEqual,
  normalizeQuantity,
  englishReportYear,
  versionWarnings,
  MAX_CANDIDATES,
  UNRELATED_SHARE,
  type VersionComparison,
  type ClaimPair,
  type Disagreement,
  type DisagreementReason,
  type Fact,
} from './compare/index.js';
export * from './read/index.js';
export { analyzeFiles, analyzeTexts, type BatchOptions, type FileResult, type TextResult, type BatchError, type OmittablePart, type MapSpec, type MapDocument, type MapFunction } from './batch/index.js';
export { jiebaLoaded } from './annotate/tokens.js';
export { targets, placeAndYear, type TargetsInput, type TargetsOptions } from './targets/index.js';
export { TargetRow, TargetsResult, TargetsSource, TARGETS_FORMAT, TARGETS_FORMAT_VERSION } from './targets/schema.js';
export {
  check,
  ALL_RULES,
  TEXT_RULES,
  FIGURE_RULES,
  RULE_INFO,
  FIGURE_RULE_INFO,
  PLACEHOLDER_SEVERITY,
  CheckOptionsError,
  referenceYear,
  makeSource,
  type CheckOptions,
  type CheckReference,
  type RuleSetting,
  type Rule,
  type RuleMeta,
  type RuleContext,
  type PastContext,
  type ReferenceDoc,
  type Source,
} from './rules/index.js';
export type { Finding, RuleInfo, Place, Point, RelatedPlace, CheckResult, FileReport, Unreadable, Reuse } from './render/finding.js';
// the pages of `--format html`: self-contained, no request; each yields or returns the page's text
export { renderCheckHtml, renderAnalyzeHtml, renderTargetsHtml, type CheckHtmlOptions, type AnalyzeHtmlOptions, type TargetsHtmlOptions } from './render/html/index.js';
