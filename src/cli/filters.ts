/**
 * Post-processing of findings, textlint style: a list of small pure filters applied in order.
 */
import type { Finding, Severity } from '../render/finding.js';

export type FindingFilter = (findings: readonly Finding[]) => Finding[];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** One finding per file, rule and span; the most severe one is kept. */
export const dedupe: FindingFilter = (findings) => {
  const kept = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.file}\u0000${f.ruleId}\u0000${f.place.start.offset}\u0000${f.place.end.offset}`;
    const prev = kept.get(key);
    if (!prev || RANK[f.severity] < RANK[prev.severity]) kept.set(key, f);
  }
  return [...kept.values()];
};

/** Keep findings at least as severe as `min`. */
export function minSeverity(min: Severity): FindingFilter {
  return (findings) => findings.filter((f) => RANK[f.severity] <= RANK[min]);
}

/** --quiet: errors only. */
export const quiet: FindingFilter = minSeverity('error');

/** Files in the given order (unknown files last, by name), then by offset, end, severity and rule. */
export function sortFindings(fileOrder: readonly string[]): FindingFilter {
  const index = new Map(fileOrder.map((f, i) => [f, i]));
  const fi = (f: string) => index.get(f) ?? fileOrder.length;
  return (findings) =>
    [...findings].sort(
      (a, b) =>
        fi(a.file) - fi(b.file) ||
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.place.start.offset - b.place.start.offset ||
        a.place.end.offset - b.place.end.offset ||
        RANK[a.severity] - RANK[b.severity] ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
    );
}

export function applyFilters(findings: readonly Finding[], filters: readonly FindingFilter[]): Finding[] {
  let out = [...findings];
  for (const f of filters) out = f(out);
  return out;
}
