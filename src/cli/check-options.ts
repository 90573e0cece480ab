/**
 * check's choice of rules (#20): `--min-severity`, `--rule ID` / `--no-rule ID`, and whether the
 * figure rules (src/rules) run at all — they need the claims, so a check that would keep none of
 * their findings (--quiet, --min-severity error without --reference, --no-rule for each) analyses
 * without claims and reads no words.
 */
import type { Finding, RuleInfo, Severity } from '../render/finding.js';
import { FIGURE_RULE_INFO, type RuleSetting } from '../rules/index.js';
import { RULES } from './messages.js';
import { minSeverity, type FindingFilter } from './filters.js';

/** Every rule check knows: the CLI's own (placeholders, repeats, reuse) and the figure rules. */
export const ALL_RULES: RuleInfo[] = [...RULES, ...FIGURE_RULE_INFO];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface CheckChoice {
  /** findings below this are dropped; null keeps all */
  min: Severity | null;
  /** rule id → on (its severity) or off, for src/rules's check() */
  figureRules: Record<string, RuleSetting>;
  /** does any figure rule run? (then drafts are analysed with claims) */
  figures: boolean;
  /** the filter that drops the findings of rules turned off and below --min-severity */
  filter: FindingFilter;
}

export interface ChoiceInput {
  minSeverity?: string;
  quiet?: boolean;
  rule?: string[];
  noRule?: string[];
  /** are references given (--reference)? disagrees-with-reference runs only then */
  references: boolean;
  /** severities from the configuration: id → 'off' | severity */
  configured?: Record<string, 'off' | Severity>;
}

/** A bad --min-severity, --rule or --no-rule: the message says what is allowed. */
export class CheckChoiceError extends Error {}

function known(id: string, option: string): void {
  if (!ALL_RULES.some((r) => r.id === id)) {
    throw new CheckChoiceError(`check: unknown rule '${id}' for ${option}: the rules are ${ALL_RULES.map((r) => r.id).join(', ')}. See 'baogao check --help'.`);
  }
}

/** The rules check runs and the severities it keeps, from its options and the configuration. */
export function checkChoice(input: ChoiceInput): CheckChoice {
  let min: Severity | null = null;
  if (input.minSeverity !== undefined) {
    if (!(SEVERITIES as readonly string[]).includes(input.minSeverity)) {
      throw new CheckChoiceError(`check: invalid --min-severity '${input.minSeverity}': expected error, warning or info. See 'baogao check --help'.`);
    }
    min = input.minSeverity as Severity;
  }
  if (input.quiet) min = 'error';
  const only = input.rule ?? [];
  const off = input.noRule ?? [];
  for (const id of only) known(id, '--rule');
  for (const id of off) known(id, '--no-rule');
  const severity = new Map<string, Severity | null>();
  for (const r of ALL_RULES) {
    const c = input.configured?.[r.id];
    let s: Severity | null = c === undefined ? r.defaultSeverity : c === 'off' ? null : c;
    if (only.length && !only.includes(r.id)) s = null;
    if (only.includes(r.id) && s === null) s = r.defaultSeverity;
    if (off.includes(r.id)) s = null;
    severity.set(r.id, s);
  }
  if (!input.references) severity.set('disagrees-with-reference', null);
  const figureRules: Record<string, RuleSetting> = {};
  let figures = false;
  for (const r of FIGURE_RULE_INFO) {
    // a figure rule whose findings --min-severity would drop is not run (its findings all have its severity)
    let s = severity.get(r.id) ?? null;
    if (s !== null && min !== null && RANK[s] > RANK[min]) s = null;
    figureRules[r.id] = s ?? 'off';
    if (s !== null) figures = true;
  }
  const keep = minSeverity(min ?? 'info');
  const filter: FindingFilter = (findings) =>
    keep(
      findings.flatMap((f): Finding[] => {
        const s = severity.get(f.ruleId);
        if (s === undefined) return [f];
        if (s === null) return [];
        // a rule's findings keep their own severities (a placeholder's vary) unless configured
        const set = input.configured?.[f.ruleId];
        return [set === undefined || set === 'off' || set === f.severity ? f : { ...f, severity: set }];
      }),
    );
  return { min, figureRules, figures, filter };
}
