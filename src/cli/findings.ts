/**
 * Findings of `baogao check`: a report's leftover placeholders and duplicates, and sentences reused
 * from past reports (compareDocuments). Pure functions of their inputs; the texts live in messages.ts.
 */
import type { Duplicate, PlaceholderKind, Report, Span } from '../schema/index.js';
import type { CompareResult } from '../duplicates/index.js';
import { lineColumn, lineStarts } from '../sections/lines.js';
import type { Finding, Place, Point, RelatedPlace, Reuse, Severity } from '../render/finding.js';
import { MESSAGES, RELATED, ruleUrl, type RuleId } from './messages.js';

/** A decoded input with its line index. */
export interface Source {
  file: string;
  text: string;
  starts: number[];
}

export function source(file: string, text: string): Source {
  return { file, text, starts: lineStarts(text) };
}

export function pointAt(src: Source, offset: number): Point {
  const { line, column } = lineColumn(src.starts, offset);
  return { line, column, offset };
}

export function placeOf(src: Source, span: Span): Place {
  return { start: pointAt(src, span.start), end: pointAt(src, span.end) };
}

const at = (p: Place) => `${p.start.line}:${p.start.column}`;

function finding(rule: RuleId, severity: Severity, src: Source, span: Span, reason: string, related?: RelatedPlace[]): Finding {
  const f: Finding = {
    reason,
    ruleId: rule,
    severity,
    file: src.file,
    place: placeOf(src, span),
    source: 'baogao',
    actual: src.text.slice(span.start, span.end),
    url: ruleUrl(rule),
  };
  if (related && related.length) f.related = related;
  return f;
}

export const PLACEHOLDER_SEVERITY: Record<PlaceholderKind, Severity> = {
  number: 'error',
  name: 'error',
  date: 'error',
  text: 'warning',
  unknown: 'warning',
  // 丁某某, 张某 in a published discipline report: anonymised on purpose
  anonymized: 'info',
};

/** Leftover placeholders: one finding each. */
export function placeholderFindings(report: Report, src: Source): Finding[] {
  return report.placeholders.map((p) =>
    finding('placeholder', PLACEHOLDER_SEVERITY[p.kind], src, p.span, MESSAGES.placeholder({ raw: p.raw, kind: p.kind, hint: p.hint, pattern: p.pattern })),
  );
}

/**
 * Duplicates: one finding on every occurrence after the first, pointing back at the first (related).
 * The rule id is the duplicate's kind and the severity the duplicate's own.
 */
export function duplicateFindings(duplicates: Duplicate[], src: Source): Finding[] {
  const out: Finding[] = [];
  for (const d of duplicates) {
    const occ = [...d.occurrences].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    if (occ.length < 2) continue;
    const firstPlace = placeOf(src, occ[0].span);
    const params = { text: d.text, count: d.count, first: at(firstPlace), formulation: d.formulation, similarity: d.similarity };
    const reason = MESSAGES[d.kind](params);
    const related: RelatedPlace[] = [{ file: src.file, place: firstPlace, message: RELATED.first }];
    for (const o of occ.slice(1)) out.push(finding(d.kind, d.severity, src, o.span, reason, related));
  }
  return out;
}

/** All findings of one analysed document. */
export function reportFindings(report: Report, src: Source): Finding[] {
  return [...placeholderFindings(report, src), ...duplicateFindings(report.duplicates, src)];
}

/**
 * Sentences of the drafts found in past reports. `docs` are the sources in the order given to
 * compareDocuments, whose ids must be their indices as strings; `isDraft` tells them apart. Draft
 * sentences inside `skip[i]` (the document's title: every 政府工作报告 has the same) are not reported.
 */
export function reuseFindings(
  compared: CompareResult,
  docs: Source[],
  isDraft: boolean[],
  skip: Array<Span | null> = [],
): { findings: Finding[][]; reuse: Reuse[][] } {
  const findings: Finding[][] = docs.map(() => []);
  const reuse: Reuse[][] = docs.map(() => []);
  for (const item of compared.shared) {
    if (item.kind !== 'sentence') continue;
    const past = item.occurrences.filter((o) => !isDraft[Number(o.docId)]);
    if (past.length === 0) continue;
    const pastDocs = new Set(past.map((o) => o.docId));
    const p0 = past[0];
    const firstPast = docs[Number(p0.docId)];
    const pastPlace = placeOf(firstPast, p0.span);
    const related: RelatedPlace[] = past.map((o) => {
      const s = docs[Number(o.docId)];
      return { file: s.file, place: placeOf(s, o.span), message: RELATED.past };
    });
    const reason = MESSAGES['reused-sentence']({
      from: `${firstPast.file}:${at(pastPlace)}`,
      more: pastDocs.size - 1,
      formulation: item.formulation,
    });
    for (const o of item.occurrences) {
      const d = Number(o.docId);
      if (!isDraft[d]) continue;
      const t = skip[d];
      if (t && o.span.start < t.end && t.start < o.span.end) continue;
      findings[d].push(finding('reused-sentence', item.formulation ? 'info' : 'warning', docs[d], o.span, reason, related));
    }
  }
  // the past report each draft reuses most
  for (const pair of compared.pairs) {
    const a = Number(pair.a);
    const b = Number(pair.b);
    if (!isDraft[a] || isDraft[b] || pair.sharedSentences === 0) continue;
    const best = reuse[a][0];
    const r: Reuse = { against: docs[b].file, share: pair.shareAinB, sentences: pair.sharedSentences };
    if (!best || r.share > best.share) reuse[a] = [r];
  }
  return { findings, reuse };
}
