/**
 * A readable outline of a section tree, one line per section: indentation by depth, the marker as
 * written, the heading, the role and the 1-based line where the section starts. Fixture files
 * under fixtures/sections/ hold the expected outline, written out and checked by hand.
 */
import type { Section } from '../../src/schema/index.js';
import { lineColumn, lineStarts } from '../../src/sections/lines.js';

export function outline(text: string, sections: Section[]): string {
  const starts = lineStarts(text);
  const lines: string[] = [];
  const visit = (secs: Section[], depth: number) => {
    for (const s of secs) {
      const line = lineColumn(starts, s.span.start).line;
      const marker = s.marker.text || `(${s.role})`;
      const heading = s.heading ? s.heading.text.replace(/\s+/g, ' ') : '';
      lines.push(`${'  '.repeat(depth)}${marker} ${heading}`.trimEnd() + `  [${s.role}${s.runIn ? ', run-in' : ''}] @${line}`);
      visit(s.children, depth + 1);
    }
  };
  visit(sections, 0);
  return lines.join('\n') + '\n';
}
