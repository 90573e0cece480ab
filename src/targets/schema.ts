/**
 * The rows of `baogao targets` (issue #19): one per place × year × canonical metric (and measure),
 * a target set for the year beside the outcome reported for it. This zod schema is the contract of
 * the table; the types are inferred from it and tests validate every row against it.
 */
import { z } from 'zod';
import { TARGETS_FORMAT, TARGETS_FORMAT_VERSION } from './format.js';

export { TARGETS_FORMAT, TARGETS_FORMAT_VERSION };

/** Whether a figure is the metric's own level (1.3万亿斤, 5.5%) or its change over the year (增长5%). */
export const Measure = z.enum(['growth', 'level']);
export type Measure = z.infer<typeof Measure>;

/** As in the model (approx 左右, gte 以上, lte 以内), and `range` when the target has an upper end. */
export const TargetBound = z.enum(['approx', 'gte', 'lte', 'range']);
export type TargetBound = z.infer<typeof TargetBound>;

/** hard: 确保, 不低于, a ceiling stated as 以内; soft: 力争, 争取; plain: neither. */
export const Firmness = z.enum(['hard', 'soft', 'plain']);
export type Firmness = z.infer<typeof Firmness>;

export const TargetStatus = z.enum(['met', 'missed', 'no-outcome', 'no-target', 'not-comparable']);
export type TargetStatus = z.infer<typeof TargetStatus>;

export const PlaceSource = z.enum(['title', 'front-matter', 'dateline', 'file-name']);
export type PlaceSource = z.infer<typeof PlaceSource>;

export const TargetCell = z.object({
  number: z.number().describe('as written; a change is signed: 下降3% is -3'),
  upper: z.number().nullable().describe('the other end of a range 6%—6.5%, signed as number is'),
  unit: z.string().nullable(),
  bound: TargetBound.nullable(),
  firmness: Firmness,
  /** annual (null) or, with --all, the span or date of a longer-term goal: 年均, “十四五”时期, 到2035年 */
  horizon: z.string().nullable(),
  source: z.enum(['main-targets', 'plan']).describe('the paragraph of main targets, or elsewhere in the plan part'),
  file: z.string(),
  line: z.number().int().positive(),
  text: z.string(),
});
export type TargetCell = z.infer<typeof TargetCell>;

export const OutcomeCell = z.object({
  number: z.number().describe('as written; a change is signed: 下降3% is -3'),
  unit: z.string().nullable(),
  modality: z.enum(['actual', 'forecast']).describe('forecast: 预计, said before the year\'s final statistics'),
  source: z.enum(['review', 'communique']).describe('the next report\'s review part, or a statistical communiqué'),
  file: z.string(),
  line: z.number().int().positive(),
  text: z.string(),
});
export type OutcomeCell = z.infer<typeof OutcomeCell>;

export const TargetRow = z.object({
  place: z.string(),
  year: z.number().int(),
  metric: z.object({
    text: z.string().nullable().describe('the metric as the target (else the outcome) names it'),
    canonical: z.string().describe('an id of dictionaries/metrics.json'),
    measure: Measure,
  }),
  target: TargetCell.nullable(),
  outcome: OutcomeCell.nullable(),
  status: TargetStatus,
  rule: z.string().describe('the rule that gave the status, as the README names it'),
});
export type TargetRow = z.infer<typeof TargetRow>;

export const TargetsSource = z.object({
  file: z.string(),
  kind: z.enum(['report', 'communique']),
  place: z.string().nullable(),
  placeSource: PlaceSource.nullable(),
  year: z.number().int().nullable(),
  yearSource: PlaceSource.nullable(),
  /** false for the second transcription of a place and year, or a file whose place or year is unknown */
  used: z.boolean(),
  duplicateOf: z.string().nullable(),
});
export type TargetsSource = z.infer<typeof TargetsSource>;

export const TargetsResult = z.object({
  format: z.literal(TARGETS_FORMAT),
  formatVersion: z.literal(TARGETS_FORMAT_VERSION),
  rows: z.array(TargetRow),
  sources: z.array(TargetsSource),
  warnings: z.array(z.string()),
});
export type TargetsResult = z.infer<typeof TargetsResult>;
