/**
 * The comparison cross-document rules read (reused-sentence): drafts and past reports compared at
 * once (compareDocuments, sentences only), seen from each draft as a PastContext, and the past
 * report each draft reuses most (check's "reuses 31% of its sentences from …" line).
 */
import { compareDocuments, type CompareDoc, type SharedItem } from '../duplicates/index.js';
import type { Report, Span } from '../schema/index.js';
import type { Reuse } from '../render/finding.js';
import type { PastContext, Source } from './types.js';

/** A document to compare: its source and the statements compared (see `comparable`). */
export interface ComparedDoc {
  source: Source;
  statements: Report['statements'];
}

function overlaps(a: Span, b: Span | null): boolean {
  return b !== null && a.start < b.end && b.start < a.end;
}

/** A report's statements but its title's: every 政府工作报告 has the same title. */
export function comparable(report: Pick<Report, 'statements' | 'title'>): Report['statements'] {
  const title = report.title?.span ?? null;
  return report.statements.filter((st) => !overlaps(st.span, title));
}

/**
 * Drafts compared with past reports: for each draft (in order) the PastContext its cross-document
 * rules read, and the past report it reuses most (none when it shares no sentence with any).
 */
export function comparePast(drafts: readonly ComparedDoc[], past: readonly ComparedDoc[]): { contexts: PastContext[]; reuse: Reuse[][] } {
  const all = [...drafts, ...past];
  const sources = all.map((a) => a.source);
  const isDraft = sources.map((_, i) => i < drafts.length);
  const docs: CompareDoc[] = all.map((a, i) => ({ id: String(i), text: a.source.text, statements: a.statements, role: isDraft[i] ? 'draft' : 'reference' }));
  const compared = compareDocuments(docs, { phrases: false });
  const shared: SharedItem[][] = drafts.map(() => []);
  // the last item listed for each draft: an item is listed once for each draft it occurs in
  const listed = new Int32Array(drafts.length).fill(-1);
  compared.shared.forEach((item, k) => {
    for (const o of item.occurrences) {
      const d = Number(o.docId);
      if (!isDraft[d] || listed[d] === k) continue;
      listed[d] = k;
      shared[d].push(item);
    }
  });
  const contexts = drafts.map((_, self): PastContext => ({ sources, isDraft, self, shared: shared[self] }));
  const reuse: Reuse[][] = drafts.map(() => []);
  for (const pair of compared.pairs) {
    const a = Number(pair.a);
    const b = Number(pair.b);
    if (!isDraft[a] || isDraft[b] || pair.sharedSentences === 0) continue;
    const best = reuse[a][0];
    const r: Reuse = { against: sources[b].file, share: pair.shareAinB, sentences: pair.sharedSentences };
    if (!best || r.share > best.share) reuse[a] = [r];
  }
  return { contexts, reuse };
}
