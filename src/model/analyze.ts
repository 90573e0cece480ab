/**
 * The pipeline: normalise → sections → statements → annotate (placeholders, numbers) → claims →
 * duplicates → model. Each stage is a pure function of the outputs of the stages before it.
 */
import { SCHEMA_VERSION, type Placeholder, type Report, type Statement } from '../schema/index.js';
import { normalize } from '../normalize/index.js';
import { splitSections, walkSections } from '../sections/index.js';
import { splitStatements } from '../statements/index.js';
import { findPlaceholders } from '../annotate/placeholders.js';
import { lineStarts } from '../sections/lines.js';
import { extractClaims } from '../claims/index.js';
import { findDuplicates, type DuplicateOptions } from '../duplicates/index.js';

export interface AnalyzeOptions {
  /** stages to run; all by default. Sections, statements and placeholders always run. */
  claims?: boolean;
  duplicates?: boolean | DuplicateOptions;
  /** force the language; detected by default */
  language?: 'zh' | 'en';
}

/** Input larger than this is refused with a clear error instead of exhausting memory. */
export const MAX_INPUT_CHARS = 50_000_000;

export class InputTooLargeError extends Error {
  readonly code = 'TOO_LARGE';
  constructor(readonly length: number) {
    super(`input of ${length} characters is larger than the limit of ${MAX_INPUT_CHARS} characters`);
  }
}

/** Assign each placeholder to the statement that holds it (both lists are in document order). */
function attach(placeholders: Placeholder[], statements: Statement[]): void {
  let k = 0;
  for (const p of placeholders) {
    while (k < statements.length && statements[k].span.end <= p.span.start) k++;
    const s = statements[k];
    p.statementId = s && s.span.start <= p.span.start && p.span.end <= s.span.end ? s.id : null;
  }
}

export function analyze(text: string, options: AnalyzeOptions = {}): Report {
  if (typeof text !== 'string') throw new TypeError('analyze(text): text must be a string');
  if (text.length > MAX_INPUT_CHARS) throw new InputTooLargeError(text.length);
  const warnings: string[] = [];
  const norm = normalize(text);
  const { title, sections } = splitSections(text);
  const statements = splitStatements(text, sections);
  const placeholders = findPlaceholders(norm);
  for (const p of placeholders) p.raw = text.slice(p.span.start, p.span.end);
  attach(placeholders, statements);
  const claims = options.claims === false ? [] : extractClaims(text, norm, statements, sections, placeholders, warnings);
  const duplicates =
    options.duplicates === false
      ? []
      : findDuplicates(text, statements, typeof options.duplicates === 'object' ? options.duplicates : {});
  let sectionCount = 0;
  for (const _ of walkSections(sections)) sectionCount++;
  return {
    schemaVersion: SCHEMA_VERSION,
    language: 'zh',
    title,
    sections,
    statements,
    placeholders,
    claims,
    duplicates,
    stats: {
      characters: text.length,
      lines: lineStarts(text).length,
      sections: sectionCount,
      statements: statements.length,
      placeholders: placeholders.length,
      claims: claims.length,
      duplicates: duplicates.length,
    },
    warnings,
  };
}
