/**
 * The options of analyze() as a zod schema: the type is inferred from it, and a wrong option is a
 * clear error that says what is allowed rather than a TypeError deep in a stage or a report that
 * fails its own schema.
 *
 * The command line never loads zod (its start-up is measured), so the schema is built the first
 * time it is needed, with zod required lazily; what analyze() is given is first checked by
 * `optionsLookValid`, which accepts exactly what the schema accepts (a property test holds them
 * together), and zod is asked only to explain a refusal.
 */
import { createRequire } from 'node:module';
import type { z as Zod } from 'zod';

type ZodNamespace = typeof Zod;

const DUPLICATE_KEYS = ['nearThreshold', 'minPhraseLength', 'minPhraseCount', 'formulations', 'minSentenceLength', 'nearMinLength', 'minClauseLength'] as const;
const OPTION_KEYS = ['claims', 'duplicates', 'language', 'headings'] as const;
const HINT_KEYS = ['start', 'end', 'level'] as const;
/** Word's outline levels are 0–8 (9 is body text). */
const MAX_LEVEL = 8;

function build(z: ZodNamespace) {
  const duplicates = z
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
  const hint = z
    .object({
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      level: z.number().int().min(0).max(MAX_LEVEL).describe("Word's outline level, 0-based"),
    })
    .strict()
    .refine((h) => h.end >= h.start, { message: 'end must not be before start' })
    .describe("a heading a Word file marks by style or outline level: its line's span in the text, without the line break");
  return z
    .object({
      claims: z.boolean().optional().describe('extract claims (default true); sections, statements and placeholders always run'),
      duplicates: z.union([z.boolean(), duplicates]).optional().describe('find duplicates (default true), or their options'),
      language: z.enum(['zh', 'en']).optional().describe('force the language; detected by default'),
      headings: z.array(hint).optional().describe("Word's heading paragraphs (readDocument gives them): a hinted line is a heading at its level even without a number"),
    })
    .strict();
}

export type AnalyzeOptions = Zod.infer<ReturnType<typeof build>>;

let schema: ReturnType<typeof build> | null = null;

/** The zod schema of analyze()'s options (zod is loaded on the first call). */
export function analyzeOptionsSchema(): ReturnType<typeof build> {
  if (!schema) {
    const mod = createRequire(import.meta.url)('zod') as { z: ZodNamespace };
    schema = build(mod.z);
  }
  return schema;
}

const ALLOWED =
  "allowed: { claims?: boolean, duplicates?: boolean | { nearThreshold (0..1), minPhraseLength, minPhraseCount, formulations (string[]), minSentenceLength, nearMinLength, minClauseLength }, language?: 'zh' | 'en', headings?: Array<{ start, end, level (0..8) }> }";

/** Options passed to analyze() are wrong. `code` is 'BAD_OPTIONS'. */
export class AnalyzeOptionsError extends TypeError {
  readonly code = 'BAD_OPTIONS';
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const onlyKeys = (o: Record<string, unknown>, keys: readonly string[]) => Object.keys(o).every((k) => keys.includes(k));
const int = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const opt = (v: unknown, ok: (v: unknown) => boolean) => v === undefined || ok(v);

function duplicatesOk(v: unknown): boolean {
  if (typeof v === 'boolean') return true;
  if (!isObject(v) || !onlyKeys(v, DUPLICATE_KEYS)) return false;
  return (
    opt(v.nearThreshold, (x) => typeof x === 'number' && x >= 0 && x <= 1) &&
    opt(v.minPhraseLength, (x) => int(x) && x > 0) &&
    opt(v.minPhraseCount, (x) => int(x) && x > 0) &&
    opt(v.formulations, (x) => Array.isArray(x) && x.every((s) => typeof s === 'string')) &&
    opt(v.minSentenceLength, (x) => int(x) && x >= 0) &&
    opt(v.nearMinLength, (x) => int(x) && x >= 0) &&
    opt(v.minClauseLength, (x) => int(x) && x > 0)
  );
}

function hintOk(h: unknown): boolean {
  if (!isObject(h) || !onlyKeys(h, HINT_KEYS)) return false;
  const { start, end, level } = h;
  return int(start) && start >= 0 && int(end) && end >= 0 && int(level) && level >= 0 && level <= MAX_LEVEL && end >= start;
}

/** What analyzeOptionsSchema() accepts, checked without zod. */
export function optionsLookValid(v: unknown): boolean {
  if (!isObject(v) || !onlyKeys(v, OPTION_KEYS)) return false;
  return (
    opt(v.claims, (x) => typeof x === 'boolean') &&
    opt(v.language, (x) => x === 'zh' || x === 'en') &&
    opt(v.duplicates, duplicatesOk) &&
    opt(v.headings, (x) => Array.isArray(x) && x.every(hintOk))
  );
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
  if (!isObject(options)) {
    throw new AnalyzeOptionsError(`analyze(text, options): options must be an object or undefined, not ${describe(options)}; ${ALLOWED}`);
  }
  if (optionsLookValid(options)) return options as AnalyzeOptions;
  const parsed = analyzeOptionsSchema().safeParse(options);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.length ? `options.${i.path.join('.')}` : 'options'}: ${i.message}`);
  throw new AnalyzeOptionsError(`analyze(text, options): ${issues.join('; ')}; ${ALLOWED}`);
}
