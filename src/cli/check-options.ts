/**
 * check's choice of rules (#20): `--min-severity`, `--rule ID` / `--no-rule ID` and the
 * configuration's severities, as settings for the rules stage (src/rules), and the stage's plan of
 * them — the figure rules need the claims, so a check that would keep none of their findings
 * (--quiet, --min-severity error without --reference, --no-rule for each) analyses without claims
 * and reads no words.
 */
import type { Severity } from '../render/finding.js';
import { planRules, RULE_INFO, type RulePlan, type RuleSetting } from '../rules/index.js';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface CheckChoice {
  /** findings below this are dropped; null keeps all */
  min: Severity | null;
  /** rule id → its setting, for the rules stage */
  rules: Record<string, RuleSetting>;
  /** the rules stage's plan: which rules run, at what severities, whether drafts need their claims */
  plan: RulePlan;
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
  if (!RULE_INFO.some((r) => r.id === id)) {
    throw new CheckChoiceError(`check: unknown rule '${id}' for ${option}: the rules are ${RULE_INFO.map((r) => r.id).join(', ')}. See 'baogao check --help'.`);
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
  const rules: Record<string, RuleSetting> = {};
  for (const r of RULE_INFO) {
    const c = input.configured?.[r.id];
    let s: Severity | null = c === undefined ? r.defaultSeverity : c === 'off' ? null : c;
    if (only.length && !only.includes(r.id)) s = null;
    if (only.includes(r.id) && s === null) s = r.defaultSeverity;
    if (off.includes(r.id)) s = null;
    // a severity the configuration gives re-grades the rule's findings; else each keeps its own
    rules[r.id] = s === null ? 'off' : c !== undefined && c !== 'off' ? c : true;
  }
  if (!input.references) rules['disagrees-with-reference'] = 'off';
  return { min, rules, plan: planRules({ rules, minSeverity: min ?? undefined, references: input.references }) };
}
