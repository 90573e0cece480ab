/**
 * Every text the text rules show (placeholder, the repeats, reused-sentence), kept apart from the
 * logic that finds them, as src/rules/messages.ts is for the figure rules. Quoted document text is
 * shortened with `quote`.
 */
import type { PlaceholderKind } from '../../schema/index.js';
import { quote } from '../messages.js';

function percent(x: number): string {
  if (x > 0 && x < 0.005) return 'under 1%';
  return `${Math.round(x * 100)}%`;
}

const KIND_LABEL: Record<PlaceholderKind, string> = {
  number: 'a number',
  name: 'a name',
  date: 'a date',
  text: 'some text',
  unknown: 'something',
  anonymized: 'nothing',
};

export interface PlaceholderParams {
  raw: string;
  kind: PlaceholderKind;
  hint: string | null;
  pattern: string | null;
}
export interface RepeatParams {
  text: string;
  count: number;
  /** "12:5" of the first occurrence */
  first: string;
  formulation: boolean;
  similarity?: number | null;
}
export interface ReuseParams {
  /** "past/2023.txt:14:3" of the first past occurrence */
  from: string;
  more: number;
  formulation: boolean;
}

const formulationNote = (f: boolean) => (f ? ' (a fixed formulation)' : '');
const times = (n: number) => (n === 2 ? 'twice' : `${n} times`);

export const TEXT_MESSAGES = {
  placeholder: (p: PlaceholderParams) =>
    p.kind === 'anonymized'
      ? `Name ${quote(p.raw)} is anonymised${p.hint ? ` (the surname ${p.hint} kept)` : ''}: on purpose in a published report, not a placeholder to fill in`
      : `Placeholder ${quote(p.raw)} left in the text: fill in ${p.pattern ? 'the masked digits of a number' : KIND_LABEL[p.kind]}` +
        (p.hint ? ` (${p.hint})` : ''),
  /** a match of a configured placeholder pattern (baogao.config.json's `placeholders`) */
  placeholderPattern: (raw: string) => `Placeholder “${raw}” left in the text (a pattern of baogao.config.json): fill it in`,
  'repeated-clause': (p: RepeatParams) => `Clause ${quote(p.text)} is repeated; first at ${p.first}${formulationNote(p.formulation)}`,
  'duplicate-sentence': (p: RepeatParams) =>
    `Sentence ${quote(p.text)} occurs ${times(p.count)}; first at ${p.first}${formulationNote(p.formulation)}`,
  'duplicate-paragraph': (p: RepeatParams) => `Paragraph ${quote(p.text)} occurs ${times(p.count)}; first at ${p.first}`,
  'near-duplicate': (p: RepeatParams) =>
    `Sentence nearly repeats the one at ${p.first}` + (p.similarity != null ? ` (${percent(p.similarity)} similar)` : ''),
  'repeated-phrase': (p: RepeatParams) =>
    `Phrase ${quote(p.text)} occurs ${times(p.count)}; first at ${p.first}${formulationNote(p.formulation)}`,
  'reused-sentence': (p: ReuseParams) =>
    `Sentence reused from ${p.from}` + (p.more > 0 ? ` and ${p.more} more past report${p.more === 1 ? '' : 's'}` : '') + formulationNote(p.formulation),
};

/** the message of a related place */
export const TEXT_RELATED = {
  first: 'first occurrence',
  past: 'in a past report',
};

/** the per-draft summary of --against: "reuses 31% of its sentences from …" */
export function reuseSummary(share: number, against: string, sentences: number): string {
  return `reuses ${percent(share)} of its sentences from ${against} (${sentences} sentence${sentences === 1 ? '' : 's'} in common)`;
}
