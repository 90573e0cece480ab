/**
 * Every text `baogao check` shows about a finding, keyed by rule id, kept apart from the logic that
 * finds them (findings.ts). Quoted document text is shortened with `quote`.
 */
import type { PlaceholderKind } from '../schema/index.js';
import type { RuleInfo, Severity } from '../render/finding.js';
import { truncate } from '../render/width.js';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dictionariesDir } from '../dictionaries.js';

/**
 * The rule reference that ships in the package (docs/rules.md beside dictionaries/, found from this
 * module's own location), as a file: URL, so a finding's link opens the docs of the version that
 * made it, installed or not, on or off line. Each rule has a section with the anchor `rule-<id>`.
 */
export const DOCS_URL = rulesDocUrl();

function rulesDocUrl(): string {
  try {
    return pathToFileURL(join(dirname(dictionariesDir()), 'docs', 'rules.md')).href;
  } catch {
    return 'docs/rules.md';
  }
}

export type RuleId =
  | 'placeholder'
  | 'repeated-clause'
  | 'duplicate-sentence'
  | 'duplicate-paragraph'
  | 'near-duplicate'
  | 'repeated-phrase'
  | 'reused-sentence';

/** “…” around document text, cut to 24 columns (12 汉字) */
export function quote(text: string, max = 24): string {
  return `“${truncate(text.replace(/\s+/g, ' ').trim(), max)}”`;
}

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

export const MESSAGES = {
  placeholder: (p: PlaceholderParams) =>
    p.kind === 'anonymized'
      ? `Name ${quote(p.raw)} is anonymised${p.hint ? ` (the surname ${p.hint} kept)` : ''}: on purpose in a published report, not a placeholder to fill in`
      : `Placeholder ${quote(p.raw)} left in the text: fill in ${p.pattern ? 'the masked digits of a number' : KIND_LABEL[p.kind]}` +
        (p.hint ? ` (${p.hint})` : ''),
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
} satisfies Record<RuleId, (p: never) => string>;

/** the message of a related place */
export const RELATED = {
  first: 'first occurrence',
  past: 'in a past report',
};

/** the per-draft summary of --against */
export function reuseSummary(share: number, against: string, sentences: number): string {
  return `reuses ${percent(share)} of its sentences from ${against} (${sentences} sentence${sentences === 1 ? '' : 's'} in common)`;
}

const RULE_TABLE: Record<RuleId, { description: string; defaultSeverity: Severity }> = {
  placeholder: {
    description:
      'A masked placeholder (**, ***, 9*%, XX, X.X%, □□, 【待补充】) is left in the text: errors for numbers, names and dates, warnings otherwise; an anonymised name (张某, 丁某某) is info.',
    defaultSeverity: 'error',
  },
  'repeated-clause': {
    description: 'The same clause is written twice in a row, within a sentence or across two adjacent sentences.',
    defaultSeverity: 'warning',
  },
  'duplicate-sentence': {
    description: 'The same sentence occurs more than once in the document.',
    defaultSeverity: 'warning',
  },
  'duplicate-paragraph': {
    description: 'The same paragraph occurs more than once in the document.',
    defaultSeverity: 'warning',
  },
  'near-duplicate': {
    description: 'Two sentences are nearly the same (edit similarity above the threshold).',
    defaultSeverity: 'warning',
  },
  'repeated-phrase': {
    description: 'A long phrase recurs three or more times; fixed political formulations are reported as info.',
    defaultSeverity: 'info',
  },
  'reused-sentence': {
    description: 'A sentence of the draft occurs in a past report given with --against.',
    defaultSeverity: 'warning',
  },
};

/** The link to a rule's section of the shipped docs/rules.md. */
export function ruleUrl(id: string): string {
  return `${DOCS_URL}#rule-${id}`;
}

export const RULES: RuleInfo[] = (Object.keys(RULE_TABLE) as RuleId[]).map((id) => ({
  id,
  description: RULE_TABLE[id].description,
  url: ruleUrl(id),
  defaultSeverity: RULE_TABLE[id].defaultSeverity,
}));

/** one-line messages of the command line itself */
export const CLI = {
  unknownCommand: (c: string) => `unknown command '${c}'. Commands: analyze, check, indicators, compare, targets. See 'baogao --help'.`,
  noCommand: `missing command. Usage: baogao <analyze|check|indicators|compare|targets> [options] FILES… See 'baogao --help'.`,
  noInputs: (cmd: string) => `no input files: give FILES or DIRS (or - for standard input). See 'baogao ${cmd} --help'.`,
  badFormat: (cmd: string, value: string, allowed: string[]) =>
    `invalid --format '${value}': expected ${allowed.join(', ')}. See 'baogao ${cmd} --help'.`,
  oneFile: `analyze takes exactly one FILE (or - for standard input). See 'baogao analyze --help'.`,
  outputIsInput: (o: string) => `refusing to write ${o}: it is one of the input files`,
  outputExtension: (o: string) => `cannot tell the output format from '${o}': use a name ending in .csv, .xlsx or .json`,
  cannotWrite: (o: string, why: string) => `cannot write ${o}: ${why}`,
  internal: (file: string, why: string) => `${file}: internal error while analysing: ${why}`,
};
