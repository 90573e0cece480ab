/**
 * The pipeline: normalise → sections → statements → annotate (placeholders, numbers) → claims →
 * duplicates → model. Each stage is a pure function of the outputs of the stages before it.
 */
import type { Placeholder, Report, Statement } from '../schema/index.js';
import { SCHEMA_VERSION } from '../schema/version.js';
import { normalize } from '../normalize/index.js';
import { splitSections, walkSections } from '../sections/index.js';
import { splitStatements } from '../statements/index.js';
import { findPlaceholders } from '../annotate/placeholders.js';
import { lineCount } from '../sections/lines.js';
import { extractClaims } from '../claims/index.js';
import { findDuplicates } from '../duplicates/index.js';
import { parseAnalyzeOptions, type AnalyzeOptions } from './options.js';
import { detectLanguage, withoutFootnoteMarks } from '../lang/index.js';
import { findDuplicatesEn } from '../lang/duplicates-en.js';
import { splitSectionsEn } from '../sections/en.js';
import { splitStatementsEn } from '../statements/en.js';
import { extractClaimsEn } from '../claims/en.js';
import { segmenterWarning } from '../annotate/tokens.js';

export { analyzeOptionsSchema, AnalyzeOptionsError, type AnalyzeOptions } from './options.js';

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

/**
 * Analyze a report. `options` is checked against AnalyzeOptionsSchema (undefined gives the
 * defaults); a wrong option throws AnalyzeOptionsError, which says what is allowed.
 */
export function analyze(text: string, opts?: AnalyzeOptions): Report {
  if (typeof text !== 'string') throw new TypeError('analyze(text): text must be a string');
  const options = parseAnalyzeOptions(opts);
  if (text.length > MAX_INPUT_CHARS) throw new InputTooLargeError(text.length);
  const warnings: string[] = [];
  const language = options.language ?? detectLanguage(text);
  const en = language === 'en';
  const norm = normalize(text);
  const { title, sections } = en ? splitSectionsEn(text) : splitSections(text, options.headings);
  const statements = en ? splitStatementsEn(text, sections) : splitStatements(text, sections);
  // the English translations mark footnotes with a lone * (Strategy;*): no mask there
  const found = findPlaceholders(norm);
  const placeholders = en ? withoutFootnoteMarks(text, found) : found;
  for (const p of placeholders) p.raw = text.slice(p.span.start, p.span.end);
  attach(placeholders, statements);
  const claims =
    options.claims === false
      ? []
      : en
        ? extractClaimsEn(text, statements, sections)
        : extractClaims(text, norm, statements, sections, placeholders, warnings);
  const dupOptions = typeof options.duplicates === 'object' ? options.duplicates : {};
  const duplicates = options.duplicates === false ? [] : en ? findDuplicatesEn(text, statements) : findDuplicates(text, statements, dupOptions);
  const segWarning = segmenterWarning();
  if (segWarning && options.claims !== false && !en) warnings.push(segWarning);
  let sectionCount = 0;
  for (const _ of walkSections(sections)) sectionCount++;
  return {
    schemaVersion: SCHEMA_VERSION,
    language,
    title,
    sections,
    statements,
    placeholders,
    claims,
    duplicates,
    stats: {
      characters: text.length,
      lines: lineCount(text),
      sections: sectionCount,
      statements: statements.length,
      placeholders: placeholders.length,
      claims: claims.length,
      duplicates: duplicates.length,
    },
    warnings,
  };
}
