/**
 * The rules stage: `check(text | report, options)` gives the findings of the figure rules on one
 * document, without the CLI. Rules are chosen with `rules` (id → 'off' | a severity | true), the
 * references for disagrees-with-reference given as texts (analysed here) or as reports with texts.
 */
import type { Report } from '../schema/index.js';
import type { Finding, RuleInfo, Severity } from '../render/finding.js';
import { analyze } from '../model/analyze.js';
import { makeSource, type ReferenceDoc, type Rule } from './types.js';
import { ruleDocUrl } from './url.js';
import { inconsistentFigure } from './figures/inconsistent-figure.js';
import { percentOrPoints } from './figures/percent-or-points.js';
import { disagreesWithReference } from './figures/disagrees-with-reference.js';
import { figuresDoNotAddUp } from './figures/figures-do-not-add-up.js';

export type { Rule, RuleMeta, RuleContext, ReferenceDoc, Source } from './types.js';
export { referenceYear } from './figures/disagrees-with-reference.js';

/** Every rule of the stage, in the order their findings come. */
export const FIGURE_RULES: readonly Rule[] = [inconsistentFigure, percentOrPoints, figuresDoNotAddUp, disagreesWithReference];

/** The rules as check's renderers list them (SARIF, HTML). */
export const FIGURE_RULE_INFO: RuleInfo[] = FIGURE_RULES.map((r) => ({
  id: r.meta.id,
  description: r.meta.description,
  url: ruleDocUrl(r.meta.id),
  defaultSeverity: r.meta.defaultSeverity,
}));

export type RuleSetting = 'off' | Severity | boolean;

export interface CheckReference {
  /** the reference's text; analysed here unless `report` is given */
  text: string;
  report?: Report;
  /** the name its findings' related places show; default "reference" */
  file?: string;
}

export interface CheckOptions {
  /** the name findings show; default "<input>" */
  file?: string;
  /** the text the report was analysed from: required when `check` is given a Report */
  text?: string;
  /** rule id → 'off' (or false), a severity, or true (its default severity) */
  rules?: Record<string, RuleSetting>;
  references?: CheckReference[];
}

export class CheckOptionsError extends Error {}

const SEVERITIES = new Set(['error', 'warning', 'info']);

function severityOf(rule: Rule, setting: RuleSetting | undefined): Severity | null {
  if (setting === undefined || setting === true) return rule.meta.defaultSeverity;
  if (setting === false || setting === 'off') return null;
  if (SEVERITIES.has(setting)) return setting;
  throw new CheckOptionsError(`rule ${rule.meta.id}: setting '${String(setting)}' is none of off, error, warning, info, true, false`);
}

/**
 * The findings of the figure rules on one document: a text (analysed here) or a Report with the
 * text it was analysed from (`options.text`), whose spans the findings' places are computed on.
 */
export function check(input: string | Report, options: CheckOptions = {}): Finding[] {
  const known = new Set(FIGURE_RULES.map((r) => r.meta.id));
  for (const id of Object.keys(options.rules ?? {})) {
    if (!known.has(id)) throw new CheckOptionsError(`unknown rule '${id}': the rules are ${[...known].join(', ')}`);
  }
  let text: string;
  let report: Report;
  if (typeof input === 'string') {
    text = input;
    report = analyze(text);
  } else {
    if (typeof options.text !== 'string') throw new CheckOptionsError('check(report): give the text the report was analysed from as options.text');
    text = options.text;
    report = input;
  }
  const source = makeSource(options.file ?? '<input>', text);
  const references: ReferenceDoc[] = (options.references ?? []).map((r, i) => ({
    source: makeSource(r.file ?? (options.references!.length > 1 ? `reference ${i + 1}` : 'reference'), r.text),
    report: r.report ?? analyze(r.text),
  }));
  const out: Finding[] = [];
  for (const rule of FIGURE_RULES) {
    const severity = severityOf(rule, options.rules?.[rule.meta.id]);
    if (severity === null) continue;
    for (const f of rule.check(report, { source, severity, references })) out.push(f);
  }
  return out;
}
