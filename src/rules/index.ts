/**
 * The rules stage, after the model: every rule of `baogao check` is a module of its own (metadata
 * and a pure `check(report, context)`, src/rules/text and src/rules/figures), and this stage runs
 * them and settles their findings — one per place and rule, the configured severities, sorted.
 *
 * `check(text | report, options)` gives every finding of one document: the text rules
 * (placeholders, repeats; reused-sentence when past reports are given as `against`) and the figure
 * rules. Rules are chosen with `rules` (id → 'off' | a severity | true), the references for
 * disagrees-with-reference and the past reports given as texts (analysed here) or as reports with
 * their texts. The command line runs the same stage a document at a time (planRules, runRules,
 * comparePast, settle) and only renders what it gives.
 */
import type { Report } from '../schema/index.js';
import type { Finding, RuleInfo, Severity } from '../render/finding.js';
import { analyze } from '../model/analyze.js';
import { makeSource, type PastContext, type ReferenceDoc, type Rule, type RuleContext, type Source } from './types.js';
import { ruleDocUrl } from './url.js';
import { applyFilters, dedupe, minSeverity, sortFindings, type FindingFilter } from './filters.js';
import { comparable, comparePast } from './past.js';
import { placeholder } from './text/placeholder.js';
import { repeatedClause } from './text/repeated-clause.js';
import { duplicateSentence } from './text/duplicate-sentence.js';
import { duplicateParagraph } from './text/duplicate-paragraph.js';
import { nearDuplicate } from './text/near-duplicate.js';
import { repeatedPhrase } from './text/repeated-phrase.js';
import { reusedSentence } from './text/reused-sentence.js';
import { inconsistentFigure } from './figures/inconsistent-figure.js';
import { percentOrPoints } from './figures/percent-or-points.js';
import { disagreesWithReference } from './figures/disagrees-with-reference.js';
import { figuresDoNotAddUp } from './figures/figures-do-not-add-up.js';

export type { Rule, RuleMeta, RuleContext, ReferenceDoc, PastContext, Source } from './types.js';
export { makeSource, findingAt } from './types.js';
export { referenceYear } from './figures/disagrees-with-reference.js';
export { PLACEHOLDER_SEVERITY } from './text/placeholder.js';
export { comparable, comparePast, type ComparedDoc } from './past.js';
export { reuseSummary } from './text/messages.js';

/** The rules of the text itself: placeholders, repeats within it, sentences reused from past reports. */
export const TEXT_RULES: readonly Rule[] = [placeholder, repeatedClause, duplicateSentence, duplicateParagraph, nearDuplicate, repeatedPhrase, reusedSentence];

/** The rules of the figures, which read the claims. */
export const FIGURE_RULES: readonly Rule[] = [inconsistentFigure, percentOrPoints, figuresDoNotAddUp, disagreesWithReference];

/** Every rule of the stage, in the order they run. */
export const ALL_RULES: readonly Rule[] = [...TEXT_RULES, ...FIGURE_RULES];

const infoOf = (r: Rule): RuleInfo => ({
  id: r.meta.id,
  description: r.meta.description,
  url: ruleDocUrl(r.meta.id),
  defaultSeverity: r.meta.defaultSeverity,
});

/** Every rule as check's renderers and help list them (SARIF, HTML, the configuration's ids). */
export const RULE_INFO: RuleInfo[] = ALL_RULES.map(infoOf);

/** The figure rules as RuleInfo. */
export const FIGURE_RULE_INFO: RuleInfo[] = FIGURE_RULES.map(infoOf);

export type RuleSetting = 'off' | Severity | boolean;

export interface CheckReference {
  /** the document's text; analysed here unless `report` is given */
  text: string;
  report?: Report;
  /** the name its findings' related places show; default "reference" (for `against`: "past report") */
  file?: string;
}

export interface CheckOptions {
  /** the name findings show; default "<input>" */
  file?: string;
  /** the text the report was analysed from: required when `check` is given a Report */
  text?: string;
  /** rule id → 'off' (or false), a severity, or true (its default severity) */
  rules?: Record<string, RuleSetting>;
  /** findings less severe than this are left out; default info (all) */
  minSeverity?: Severity;
  /** documents the figures must agree with (disagrees-with-reference): a statistical communiqué… */
  references?: CheckReference[];
  /** past reports: reused-sentence finds the sentences of this document that they have */
  against?: CheckReference[];
  /** extra placeholder patterns, as baogao.config.json's `placeholders` (a string is compiled with the flags gu) */
  placeholders?: Array<string | RegExp>;
}

export class CheckOptionsError extends Error {}

const SEVERITIES = new Set<unknown>(['error', 'warning', 'info']);
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** One rule as a plan runs it. */
export interface PlannedRule {
  rule: Rule;
  /** the severity its findings are reported at (a graded rule's: when configured); null when off */
  severity: Severity | null;
  /** was the severity set (a severity, not on/off)? a graded rule's findings are re-graded to it */
  configured: boolean;
  /** is it run? a graded rule always is; any other not when off, below minSeverity or without what it needs */
  runs: boolean;
}

export interface RulePlan {
  /** every rule, in ALL_RULES' order */
  rules: readonly PlannedRule[];
  min: Severity | null;
  /** does a rule that runs read the claims? (else documents can be analysed without them) */
  claims: boolean;
}

export interface PlanOptions {
  rules?: Record<string, RuleSetting>;
  minSeverity?: Severity;
  /** are reference documents given? a rule that needs them does not run without */
  references?: boolean;
}

/** The rules to run and the severities to report, from the options; a CheckOptionsError says what is wrong. */
export function planRules(options: PlanOptions = {}): RulePlan {
  const known = new Set(ALL_RULES.map((r) => r.meta.id));
  for (const id of Object.keys(options.rules ?? {})) {
    if (!known.has(id)) throw new CheckOptionsError(`unknown rule '${id}': the rules are ${[...known].join(', ')}`);
  }
  const min = options.minSeverity ?? null;
  if (min !== null && !SEVERITIES.has(min)) throw new CheckOptionsError(`minSeverity '${String(min)}' is none of error, warning, info`);
  const rules = ALL_RULES.map((rule): PlannedRule => {
    const setting = options.rules?.[rule.meta.id];
    let severity: Severity | null;
    if (setting === undefined || setting === true) severity = rule.meta.defaultSeverity;
    else if (setting === false || setting === 'off') severity = null;
    else if (SEVERITIES.has(setting)) severity = setting;
    else throw new CheckOptionsError(`rule ${rule.meta.id}: setting '${String(setting)}' is none of off, error, warning, info, true, false`);
    const configured = severity !== null && setting !== undefined && setting !== true;
    // a rule of one severity whose findings would all be dropped is not run: they would hide none
    // of the findings kept (only less severe ones at their places)
    const runs =
      rule.meta.graded === true ||
      (severity !== null && (min === null || RANK[severity] <= RANK[min]) && !(rule.meta.needs.references && options.references === false));
    return { rule, severity, configured, runs };
  });
  return { rules, min, claims: rules.some((r) => r.runs && r.rule.meta.needs.claims === true) };
}

/** What the rules of one document read besides its report (the severity is each rule's own). */
export type DocumentContext = Omit<RuleContext, 'severity'>;

/**
 * The findings of the rules of `plan` that run on one document, unsettled: the rules that read the
 * document alone (`part` 'document'), the cross-document ones, which need `context.past` ('past'),
 * or both.
 */
export function runRules(report: Report, plan: RulePlan, context: DocumentContext, part: 'document' | 'past' | 'all' = 'all'): Finding[] {
  const out: Finding[] = [];
  for (const p of plan.rules) {
    if (!p.runs) continue;
    const cross = p.rule.meta.needs.past === true;
    if ((part === 'document' && cross) || (part === 'past' && !cross)) continue;
    for (const f of p.rule.check(report, { ...context, severity: p.severity ?? p.rule.meta.defaultSeverity })) out.push(f);
  }
  return out;
}

/**
 * Findings as check reports them: at each place only the most severe, one per rule (at the rules'
 * own grades), then without the rules turned off, re-graded to the configured severities, without
 * those below the plan's minimum, and sorted — files in `fileOrder`, then by place.
 */
export function settle(findings: readonly Finding[], plan: RulePlan, fileOrder: readonly string[]): Finding[] {
  const byId = new Map(plan.rules.map((p) => [p.rule.meta.id, p]));
  const configured: FindingFilter = (fs) =>
    fs.flatMap((f): Finding[] => {
      const p = byId.get(f.ruleId);
      if (!p) return [f];
      if (p.severity === null) return [];
      return [!p.configured || p.severity === f.severity ? f : { ...f, severity: p.severity }];
    });
  return applyFilters(findings, [dedupe, configured, minSeverity(plan.min ?? 'info'), sortFindings(fileOrder)]);
}

function patternOf(p: string | RegExp, i: number): RegExp {
  if (p instanceof RegExp) return p.global ? p : new RegExp(p.source, p.flags + 'g');
  try {
    return new RegExp(p, 'gu');
  } catch (err) {
    throw new CheckOptionsError(`placeholders.${i}: not a regular expression (${(err as Error).message})`);
  }
}

function named(list: readonly CheckReference[], i: number, what: string): string {
  return list[i].file ?? (list.length > 1 ? `${what} ${i + 1}` : what);
}

/**
 * Every finding of one document: a text (analysed here) or a Report with the text it was analysed
 * from (`options.text`), whose spans the findings' places are computed on — settled and sorted as
 * `baogao check` reports them.
 */
export function check(input: string | Report, options: CheckOptions = {}): Finding[] {
  const references = options.references ?? [];
  const against = options.against ?? [];
  const plan = planRules({ rules: options.rules, minSeverity: options.minSeverity, references: references.length > 0 });
  let text: string;
  let report: Report;
  if (typeof input === 'string') {
    text = input;
    report = analyze(text, { claims: plan.claims });
  } else {
    if (typeof options.text !== 'string') throw new CheckOptionsError('check(report): give the text the report was analysed from as options.text');
    text = options.text;
    report = input;
  }
  const source: Source = makeSource(options.file ?? '<input>', text);
  const refs: ReferenceDoc[] = plan.claims
    ? references.map((r, i) => ({ source: makeSource(named(references, i, 'reference'), r.text), report: r.report ?? analyze(r.text) }))
    : [];
  let past: PastContext | undefined;
  if (against.length) {
    const docs = against.map((a, i) => {
      const r = a.report ?? analyze(a.text, { claims: false, duplicates: false });
      return { source: makeSource(named(against, i, 'past report'), a.text), statements: comparable(r) };
    });
    past = comparePast([{ source, statements: comparable(report) }], docs).contexts[0];
  }
  const placeholders = (options.placeholders ?? []).map(patternOf);
  const findings = runRules(report, plan, { source, references: refs, placeholders, past });
  return settle(findings, plan, [source.file]);
}
