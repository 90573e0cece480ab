/**
 * The report model. This zod schema is the contract: the TypeScript types are inferred from it and
 * the JSON Schema shipped in the package (`baogao/schema.json`) is generated from it.
 *
 * Every span is `{ start, end }` in UTF-16 code units of the exact input string given to `analyze`,
 * so `text.slice(span.start, span.end)` is the element's text.
 */
import { z } from 'zod';
import { SCHEMA_VERSION } from './version.js';

export { SCHEMA_VERSION };

export const Span = z
  .object({
    start: z.number().int().nonnegative().describe('0-based, UTF-16 code units, inclusive'),
    end: z.number().int().nonnegative().describe('0-based, UTF-16 code units, exclusive'),
  })
  .describe('A range of the original input: text.slice(start, end)');
export type Span = z.infer<typeof Span>;

export const TextSpan = z.object({ text: z.string(), span: Span });
export type TextSpan = z.infer<typeof TextSpan>;

export const SectionRole = z.enum(['frontmatter', 'preamble', 'body', 'problems', 'plans', 'closing']);
export type SectionRole = z.infer<typeof SectionRole>;

export const MarkerKind = z.enum([
  'chinese', // 一、
  'paren-chinese', // （一）
  'arabic', // 1. 1、 1．
  'paren-arabic', // （1）
  'circled', // ①
  'part', // 第一部分 / 第一章
  'roman', // I. II. (English reports)
  'markdown', // ## heading
  'bold', // **heading** alone on a line
  'enumeration', // 一是… 二是…
  'none', // frontmatter / preamble / closing parts without a marker
]);
export type MarkerKind = z.infer<typeof MarkerKind>;

export const Marker = z.object({
  kind: MarkerKind,
  text: z.string().describe('the marker as written: 一、 （一） 1. ## 一是'),
  ordinal: z.number().int().nullable().describe('1 for 一、/（一）/1./①/一是, null when none'),
  span: Span.nullable(),
});
export type Marker = z.infer<typeof Marker>;

export type Section = {
  id: string;
  level: number;
  marker: Marker;
  heading: TextSpan | null;
  runIn: boolean;
  role: SectionRole;
  span: Span;
  body: Span;
  children: Section[];
};
export const Section: z.ZodType<Section> = z.lazy(() =>
  z.object({
    id: z.string(),
    level: z.number().int().nonnegative().describe('0 for top-level parts, 1 for 一、, deeper below'),
    marker: Marker,
    heading: TextSpan.nullable().describe('the heading text (run-in headings included) without its marker'),
    runIn: z.boolean().describe('true when the heading runs into the paragraph: （一）产业提质增效。正文…'),
    role: SectionRole,
    span: Span.describe('the whole section, heading and children included'),
    body: Span.describe('the part of the section after its heading and before its first child'),
    children: z.array(Section),
  }),
);

export const EnumItem = z.object({
  marker: z.string().describe('一是 / 二是 / 第一 / 其一'),
  ordinal: z.number().int(),
  span: Span,
  text: z.string(),
});
export type EnumItem = z.infer<typeof EnumItem>;

export const Statement = z.object({
  id: z.string(),
  sectionId: z.string(),
  span: Span,
  text: z.string(),
  items: z.array(EnumItem).describe('enumerated items (一是…二是…) that start inside this statement'),
});
export type Statement = z.infer<typeof Statement>;

export const PlaceholderKind = z.enum([
  'number',
  'name',
  'date',
  'text',
  'unknown',
  'anonymized', // 丁某某, 张某: a name anonymised on purpose in a published report, not a leftover
]);
export type PlaceholderKind = z.infer<typeof PlaceholderKind>;

export const Placeholder = z.object({
  id: z.string(),
  span: Span,
  raw: z.string(),
  kind: PlaceholderKind,
  hint: z.string().nullable().describe('what the text says the mask stands for: **（市名） → 市名, **市 → 市'),
  pattern: z.string().nullable().describe('a partly masked number as written, 9* for 9*%'),
  statementId: z.string().nullable(),
});
export type Placeholder = z.infer<typeof Placeholder>;

export const Bound = z.enum(['gte', 'lte', 'approx']);
export type Bound = z.infer<typeof Bound>;

export const Quantity = z.object({
  raw: z.string(),
  span: Span,
  number: z.number().nullable().describe('as written, in Arabic (1206 for 一千二百零六); null when masked'),
  upper: z.number().nullable().describe('the other end of a range 6%—7%'),
  masked: z.boolean(),
  pattern: z.string().nullable().describe('9* for a partly masked number'),
  unit: z.string().nullable().describe('as written after the number: %, 个百分点, 亿元, 万人次, 倍'),
  scaled: z
    .object({ number: z.number(), unit: z.string() })
    .nullable()
    .describe('万/亿/万亿 folded in: 1206万人 → 12060000 人; null when masked'),
  bound: Bound.nullable(),
  tooLarge: z
    .boolean()
    .optional()
    .describe('true when the number as written (raw) is too large to compute with (1e300 or more with its scale; 309 digits do not fit a number at all): number and scaled are then null'),
});
export type Quantity = z.infer<typeof Quantity>;

export const Growth = z.object({
  direction: z.enum(['up', 'down', 'flat']),
  quantity: Quantity.nullable(),
  basis: z.string().nullable().describe('同比, 比上年, 较上年同期, 年均…'),
  average: z.boolean().describe('true for an annual average over a span of years (年均增长): not one year\'s change'),
});
export type Growth = z.infer<typeof Growth>;

export const Rank = z.object({
  raw: z.string(),
  span: Span,
  scope: z.string().nullable(),
  position: z.number().nullable(),
  masked: z.boolean(),
  top: z.boolean().describe('true for 百强 / 前十: within the top N'),
});
export type Rank = z.infer<typeof Rank>;

export const Modality = z.enum(['actual', 'forecast', 'target']);
export type Modality = z.infer<typeof Modality>;

export const PeriodKind = z.enum([
  'year', // 2024年, 今年, 去年, 全年
  'part-year', // 前三季度, 上半年, 1—11月
  'to-date', // 截至年底, 今年以来, 截至目前
  'multi-year', // 过去五年, 五年来, “十四五”时期, 2018—2022年, 十年
  'horizon', // 到2035年, 到2027年: a date a goal is set for
]);
export type PeriodKind = z.infer<typeof PeriodKind>;

export const Period = z.object({
  text: z.string(),
  span: Span,
  kind: PeriodKind,
});
export type Period = z.infer<typeof Period>;

export const Claim = z.object({
  id: z.string(),
  statementId: z.string(),
  span: Span,
  text: z.string(),
  metric: z.object({
    text: z.string().nullable().describe('the noun phrase that names what is measured; null when the text names none'),
    span: Span.nullable(),
    canonical: z.string().nullable().describe('an id of dictionaries/metrics.json, or null'),
  }),
  value: Quantity.nullable(),
  baseline: Quantity.nullable(),
  growth: Growth.nullable(),
  ranks: z.array(Rank),
  period: Period.nullable().describe('the time the claim is about, as written before its number, and its kind'),
  modality: Modality,
  scope: z.string().nullable(),
});
export type Claim = z.infer<typeof Claim>;

export const Severity = z.enum(['info', 'warning', 'error']);
export type Severity = z.infer<typeof Severity>;

export const DuplicateKind = z.enum([
  'repeated-clause',
  'duplicate-sentence',
  'duplicate-paragraph',
  'near-duplicate',
  'repeated-phrase',
]);
export type DuplicateKind = z.infer<typeof DuplicateKind>;

export const Occurrence = z.object({ span: Span, statementId: z.string().nullable(), text: z.string() });
export type Occurrence = z.infer<typeof Occurrence>;

export const Duplicate = z.object({
  id: z.string(),
  kind: DuplicateKind,
  text: z.string().describe('the normalised form that repeats'),
  occurrences: z.array(Occurrence),
  count: z.number().int(),
  similarity: z.number().nullable().describe('0..1, for near-duplicates'),
  severity: Severity,
  formulation: z.boolean().describe('true when it is a fixed political formulation from dictionaries/'),
});
export type Duplicate = z.infer<typeof Duplicate>;

export const Report = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  language: z.enum(['zh', 'en']),
  title: TextSpan.nullable(),
  sections: z.array(Section).describe('top-level parts in order; they tile the whole text'),
  statements: z.array(Statement),
  placeholders: z.array(Placeholder),
  claims: z.array(Claim),
  duplicates: z.array(Duplicate),
  stats: z.object({
    characters: z.number().int(),
    lines: z.number().int(),
    sections: z.number().int(),
    statements: z.number().int(),
    placeholders: z.number().int(),
    claims: z.number().int(),
    duplicates: z.number().int(),
  }),
  warnings: z.array(z.string()).describe('non-fatal problems, such as a missing word segmenter'),
});
export type Report = z.infer<typeof Report>;

export function reportJsonSchema(): unknown {
  return z.toJSONSchema(Report, { target: 'draft-2020-12', unrepresentable: 'any' });
}
