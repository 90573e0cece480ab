/**
 * The rules stage: after the model, a rule is a pure function of a Report (and the text it was read
 * from) that gives findings, written as eslint and textlint rules are — metadata (id, default
 * severity, a one-line description, the docs anchor) beside a `check(report, context)` function.
 */
import type { Report, Span } from '../schema/index.js';
import type { Finding, Place, Point, RelatedPlace, Severity } from '../render/finding.js';
import { lineColumn, lineStarts } from '../sections/lines.js';
import { ruleDocUrl } from './url.js';

/** A decoded input with its line index (the shape of src/cli/findings.ts's Source). */
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

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** one line, for --help, SARIF and the docs */
  description: string;
  /** anchor of the rule's section in docs/rules.md: rule-<id> */
  anchor: string;
  /** what of the report the rule reads (check analyses claims only when a rule needs them) */
  needs: { claims?: boolean; references?: boolean };
}

export interface RuleContext {
  source: Source;
  /** the severity the configuration gives this rule (its default otherwise) */
  severity: Severity;
  references: readonly ReferenceDoc[];
}

export interface Rule {
  meta: RuleMeta;
  check(report: Report, context: RuleContext): Finding[];
}

/** A finding of `rule` at `span` of the context's source, in the shape every finding of check has. */
export function findingAt(
  rule: Rule | RuleMeta,
  ctx: RuleContext,
  span: Span,
  reason: string,
  extra: { expected?: string[]; related?: RelatedPlace[] } = {},
): Finding {
  const meta = 'meta' in rule ? rule.meta : rule;
  const f: Finding = {
    reason,
    ruleId: meta.id,
    severity: ctx.severity,
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
