/**
 * The rules stage: after the model, a rule is a pure function of a Report (and the text it was read
 * from) that gives findings, written as eslint and textlint rules are — metadata (id, default
 * severity, a one-line description, the docs anchor) beside a `check(report, context)` function.
 */
import type { Report, Span } from '../schema/index.js';
import type { SharedItem } from '../duplicates/index.js';
import type { Finding, Place, Point, RelatedPlace, Severity } from '../render/finding.js';
import { lineColumn, lineStarts } from '../sections/lines.js';
import { ruleDocUrl } from './url.js';

/** A decoded input with its line index: what findings' places are computed on. */
export interface Source {
  file: string;
  text: string;
  starts: number[];
}

export function makeSource(file: string, text: string): Source {
  return { file, text, starts: lineStarts(text) };
}

export function pointOf(src: Source, offset: number): Point {
  const { line, column } = lineColumn(src.starts, offset);
  return { line, column, offset };
}

export function placeIn(src: Source, span: Span): Place {
  return { start: pointOf(src, span.start), end: pointOf(src, span.end) };
}

/** "12:5" of a place */
export const lineCol = (p: Place) => `${p.start.line}:${p.start.column}`;

/** A report given as reference (`--reference FILE`): what the draft's figures must agree with. */
export interface ReferenceDoc {
  source: Source;
  report: Report;
}

/**
 * What a cross-document rule (reused-sentence) reads: the comparison of drafts with past reports
 * (compareDocuments over all of them at once), seen from one draft.
 */
export interface PastContext {
  /** every document compared, drafts and past reports; a shared occurrence's docId is its index here, as a string */
  sources: readonly Source[];
  isDraft: readonly boolean[];
  /** this draft's index in `sources` */
  self: number;
  /** the shared items with an occurrence in this draft, in compareDocuments' order */
  shared: readonly SharedItem[];
}

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** one line, for --help, SARIF and the docs */
  description: string;
  /** anchor of the rule's section in docs/rules.md: rule-<id> */
  anchor: string;
  /**
   * what the rule reads besides the report: its claims (check analyses claims only when a rule that
   * runs needs them), reference documents (--reference), past reports (--against)
   */
  needs: { claims?: boolean; references?: boolean; past?: boolean };
  /**
   * The rule grades each finding by what it finds (a placeholder by its kind, a repeat by the
   * duplicate's own severity) instead of giving every finding `context.severity`. Such a rule reads
   * only what the model found and always runs: its findings are settled with the others at their own
   * grades (one finding per place and rule, the most severe at a place) and only then re-graded to a
   * configured severity, or left out when the rule is off.
   */
  graded?: boolean;
}

export interface RuleContext {
  source: Source;
  /** the severity the configuration gives this rule (its default otherwise); a graded rule grades its own */
  severity: Severity;
  references: readonly ReferenceDoc[];
  /** extra placeholder patterns (baogao.config.json's `placeholders`), global regexps */
  placeholders?: readonly RegExp[];
  /** the comparison with past reports, when there are some (--against) */
  past?: PastContext;
}

export interface Rule {
  meta: RuleMeta;
  check(report: Report, context: RuleContext): Finding[];
}

/**
 * A finding of `rule` at `span` of the context's source, in the shape every finding of check has;
 * at `extra.severity` (a graded rule's grade) or else the context's.
 */
export function findingAt(
  rule: Rule | RuleMeta,
  ctx: RuleContext,
  span: Span,
  reason: string,
  extra: { expected?: string[]; related?: RelatedPlace[]; severity?: Severity } = {},
): Finding {
  const meta = 'meta' in rule ? rule.meta : rule;
  const f: Finding = {
    reason,
    ruleId: meta.id,
    severity: extra.severity ?? ctx.severity,
    file: ctx.source.file,
    place: placeIn(ctx.source, span),
    source: 'baogao',
    actual: ctx.source.text.slice(span.start, span.end),
    url: ruleDocUrl(meta.id),
  };
  if (extra.expected && extra.expected.length) f.expected = extra.expected;
  if (extra.related && extra.related.length) f.related = extra.related;
  return f;
}
