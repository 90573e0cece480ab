/**
 * Post-processing of findings, textlint style: a list of small pure filters applied in order (the
 * rules stage settles its findings with them: dedupe, the configured severities, sortFindings).
 */
import type { Finding, Severity } from '../render/finding.js';

export type FindingFilter = (findings: readonly Finding[]) => Finding[];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * One finding per place and rule, and at any one place only the most severe findings: a repeated
 * clause (warning) also found as a repeated phrase (info) is reported once, as the warning.
 */
export const dedupe: FindingFilter = (findings) => {
  const place = (f: Finding) => `${f.file}\u0000${f.place.start.offset}\u0000${f.place.end.offset}`;
  const best = new Map<string, number>();
  for (const f of findings) best.set(place(f), Math.min(best.get(place(f)) ?? 3, RANK[f.severity]));
  const seen = new Set<string>();
  return findings.filter((f) => {
    const p = place(f);
    if (RANK[f.severity] !== best.get(p)) return false;
    const key = `${p}\u0000${f.ruleId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
