/**
 * `baogao analyze --format text`: a readable outline of a report.
 *
 *   hailar-district-2016.gbk.txt
 *   title      政 府 工 作 报 告 (line 1)
 *   size       17968 characters, 149 lines, 385 statements
 *
 *   sections
 *      1  [frontmatter]
 *     13  一、“十二五”时期经济社会发展回顾
 *     15    （一）综合实力显著增强
 *
 *   placeholders  0
 *   claims        217
 *   duplicates    16 (repeated-phrase 15, duplicate-sentence 1)
 */
import type { Report, Section } from '../schema/index.js';
import { lineColumn, lineStarts } from '../sections/lines.js';
import { truncate, widest } from './width.js';
import { printable } from './printable.js';

function counts(keys: string[], order: readonly string[]): string {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  const known = order.filter((k) => m.has(k));
  const rest = [...m.keys()].filter((k) => !order.includes(k)).sort();
  const parts = [...known, ...rest].map((k) => `${k} ${m.get(k)}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** where a section visibly starts: its marker, else its heading, else its first non-blank character */
function sectionStart(s: Section, text: string): number {
  if (s.marker.span) return s.marker.span.start;
  if (s.heading) return s.heading.span.start;
  let i = s.span.start;
  while (i < s.span.end && /\s|\u3000/.test(text[i])) i++;
  return i;
}

export function renderOutline(report: Report, text: string, file: string, options: { maxHeading?: number } = {}): string {
  const maxHeading = options.maxHeading ?? 60;
  const starts = lineStarts(text);
  const lineOf = (offset: number) => lineColumn(starts, offset).line;
  const out: string[] = [];
  out.push(printable(file));
  out.push(
    `title         ${report.title ? `${printable(report.title.text.trim())} (line ${lineOf(report.title.span.start)})` : '(none)'}`,
  );
  out.push(`size          ${report.stats.characters} characters, ${report.stats.lines} lines, ${report.stats.statements} statements`);
  out.push('');
  out.push(`sections      ${report.stats.sections}`);

  const rows: Array<{ line: number; level: number; label: string }> = [];
  const walk = (list: Section[]) => {
    for (const s of list) {
      const marker = s.marker.kind === 'none' ? '' : s.marker.text.trim();
      const heading = s.heading ? s.heading.text.trim() : '';
      let label = marker + (marker && heading && /[A-Za-z0-9.]$/.test(marker) && s.marker.kind !== 'enumeration' ? ' ' : '') + heading;
      if (!label) label = `[${s.role}]`;
      else if (s.role !== 'body') label += `  [${s.role}]`;
      rows.push({ line: lineOf(sectionStart(s, text)), level: s.level, label: truncate(printable(label), maxHeading) });
      walk(s.children);
    }
  };
  walk(report.sections);
  const w = widest(rows, (r) => String(r.line).length, 1);
  for (const r of rows) out.push(`  ${String(r.line).padStart(w)}  ${'  '.repeat(r.level)}${r.label}`);
  out.push('');
  out.push(`placeholders  ${report.placeholders.length}${counts(report.placeholders.map((p) => p.kind), ['number', 'name', 'date', 'text', 'unknown'])}`);
  out.push(`claims        ${report.claims.length}`);
  out.push(
    `duplicates    ${report.duplicates.length}${counts(
      report.duplicates.map((d) => d.kind),
      ['repeated-clause', 'duplicate-sentence', 'duplicate-paragraph', 'near-duplicate', 'repeated-phrase'],
    )}`,
  );
  for (const w of report.warnings) out.push(`warning       ${printable(w)}`);
  return out.join('\n') + '\n';
}
