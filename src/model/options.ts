/**
 * The options of analyze() as a zod schema: the type is inferred from it, and analyze() validates
 * what it is given against it, so a wrong option is a clear error that says what is allowed
 * rather than a TypeError deep in a stage or a report that fails its own schema.
 */
import { z } from 'zod';

export const DuplicateOptionsSchema = z
  .object({
    nearThreshold: z.number().min(0).max(1).optional().describe('minimum edit similarity (0..1) for near-duplicates'),
    minPhraseLength: z.number().int().positive().optional().describe('minimum phrase length in key characters for repeated-phrase'),
    minPhraseCount: z.number().int().positive().optional().describe('minimum number of occurrences for repeated-phrase'),
    formulations: z.array(z.string()).optional().describe('fixed formulations; default dictionaries/formulations.txt'),
    minSentenceLength: z.number().int().nonnegative().optional().describe('shortest sentence (key characters) reported as a duplicate'),
    nearMinLength: z.number().int().nonnegative().optional().describe('shortest sentence (key characters) considered for near-duplicates'),
    minClauseLength: z.number().int().positive().optional().describe('shortest clause (key characters) for repeated-clause'),
  })
  .strict();

/**
 * A heading that a Word file marks by its paragraph style or outline level (readDocument gives
 * them for .docx): the span of the paragraph's line in the text, without its line break, in
 * UTF-16 offsets, and Word's outline level, 0-based (0 = top level).
 */
export const HeadingHintSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    level: z.number().int().min(0).max(8).describe("Word's outline level, 0-based"),
  })
  .strict()
  .refine((h) => h.end >= h.start, { message: 'end must not be before start' });

export const AnalyzeOptionsSchema = z
  .object({
    claims: z.boolean().optional().describe('extract claims (default true); sections, statements and placeholders always run'),
    duplicates: z.union([z.boolean(), DuplicateOptionsSchema]).optional().describe('find duplicates (default true), or their options'),
    language: z.enum(['zh', 'en']).optional().describe('force the language; detected by default'),
    headings: z.array(HeadingHintSchema).optional().describe("Word's heading paragraphs: a hinted line is a heading at its level even without a number"),
  })
  .strict();

export type AnalyzeOptions = z.infer<typeof AnalyzeOptionsSchema>;

const ALLOWED =
  "allowed: { claims?: boolean, duplicates?: boolean | { nearThreshold (0..1), minPhraseLength, minPhraseCount, formulations (string[]), minSentenceLength, nearMinLength, minClauseLength }, language?: 'zh' | 'en', headings?: Array<{ start, end, level }> }";

/** Options passed to analyze() are wrong. `code` is 'BAD_OPTIONS'. */
export class AnalyzeOptionsError extends TypeError {
  readonly code = 'BAD_OPTIONS';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  return typeof value;
}

/** The options, validated; undefined gives the defaults ({}). Throws AnalyzeOptionsError. */
export function parseAnalyzeOptions(options: unknown): AnalyzeOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new AnalyzeOptionsError(`analyze(text, options): options must be an object or undefined, not ${describe(options)}; ${ALLOWED}`);
  }
  const parsed = AnalyzeOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((i) => {
    const path = i.path.length ? `options.${i.path.join('.')}` : 'options';
    return `${path}: ${i.message}`;
  });
  throw new AnalyzeOptionsError(`analyze(text, options): ${issues.join('; ')}; ${ALLOWED}`);
}
