/**
 * What `baogao check` reports, shaped like a vfile-message (unified / textlint): every renderer
 * (stylish, json, sarif) takes a `CheckResult` and nothing else.
 *
 * Units: `line` and `column` are 1-based, `offset` is 0-based; columns and offsets count UTF-16 code
 * units of the decoded text (what JavaScript's string indices count: one per 汉字 in the Basic
 * Multilingual Plane, two for a character outside it). `end` is exclusive: the point just after the
 * last character of the finding.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Point {
  /** 1-based line */
  line: number;
  /** 1-based column, in UTF-16 code units */
  column: number;
  /** 0-based offset into the decoded text, in UTF-16 code units */
  offset: number;
}

export interface Place {
  start: Point;
  /** exclusive */
  end: Point;
}

/** Another place that explains a finding: the first occurrence of a repeat, a past report's sentence. */
export interface RelatedPlace {
  file: string;
  place: Place;
  message: string;
}

export interface Finding {
  /** the human-readable message */
  reason: string;
  ruleId: string;
  severity: Severity;
  /** the path as shown to the user: relative to the working directory, forward slashes */
  file: string;
  place: Place;
  source: 'baogao';
  /** the text the finding is about, exactly as it is in the file */
  actual: string;
  /** suggested replacements, when the rule has some */
  expected?: string[];
  /** documentation of the rule */
  url: string;
  related?: RelatedPlace[];
}

/** "this draft reuses 31% of its sentences from that past report" */
export interface Reuse {
  against: string;
  /** 0..1: share of the draft's sentences (repeats counted) that occur in `against` */
  share: number;
  /** distinct sentences found in both */
  sentences: number;
}

export interface FileReport {
  file: string;
  findings: Finding[];
  /** the past report this draft reuses most, when --against was given and it reuses any */
  reuse: Reuse[];
  /** the decoded text, for snippets; never serialised */
  text?: string;
}

export interface Unreadable {
  file: string;
  /** a ReadError code (NOT_FOUND, EMPTY, BINARY, DOCX_CORRUPT…) or INTERNAL */
  code: string;
  /** one line: `${file}: ${reason}` */
  message: string;
}

export interface CheckResult {
  files: FileReport[];
  unreadable: Unreadable[];
}

/** The rules `check` knows, for renderers that list them (SARIF). */
export interface RuleInfo {
  id: string;
  description: string;
  url: string;
  defaultSeverity: Severity;
}

export interface Counts {
  errors: number;
  warnings: number;
  info: number;
}

export function countSeverities(findings: Iterable<Finding>): Counts {
  const c: Counts = { errors: 0, warnings: 0, info: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.info++;
  }
  return c;
}

export function allFindings(result: CheckResult): Finding[] {
  return result.files.flatMap((f) => f.findings);
}
