/**
 * `baogao check --format json` — the output format (stable; version 1)
 * ====================================================================
 *
 * One JSON object, 2-space indented, keys always in this order:
 *
 * ```json
 * {
 *   "format": "baogao-check",
 *   "formatVersion": 1,
 *   "tool": { "name": "baogao", "version": "0.1.0" },
 *   "files": [
 *     {
 *       "file": "drafts/2023.txt",
 *       "errorCount": 1,
 *       "warningCount": 0,
 *       "infoCount": 0,
 *       "findings": [
 *         {
 *           "reason": "Placeholder “**” left in the text: fill in a number",
 *           "ruleId": "placeholder",
 *           "severity": "error",
 *           "file": "drafts/2023.txt",
 *           "place": {
 *             "start": { "line": 4, "column": 17, "offset": 437 },
 *             "end": { "line": 4, "column": 19, "offset": 439 }
 *           },
 *           "source": "baogao",
 *           "actual": "**",
 *           "url": "file:///…/node_modules/baogao/docs/rules.md#rule-placeholder"
 *         }
 *       ],
 *       "reuse": [{ "against": "past/2022.txt", "share": 0.31, "sentences": 40 }]
 *     }
 *   ],
 *   "unreadable": [{ "file": "notes.txt", "code": "BINARY", "message": "notes.txt: …" }],
 *   "summary": { "files": 2, "unreadable": 1, "errors": 1, "warnings": 0, "info": 0 }
 * }
 * ```
 *
 * - `files`: every draft that was read, in the order given (directories expanded in sorted order),
 *   including drafts without findings. `file` is the path relative to the working directory with
 *   forward slashes (absolute when given absolute; `<stdin>` for `-`).
 * - `findings`: sorted by offset; at any one place only the most severe are kept (a clause repeated in
 *   a row that is also a repeated phrase is reported once, as `repeated-clause`). Each finding is
 *   shaped like a vfile-message:
 *   - `reason` — the message; `ruleId` — one of `placeholder`, `repeated-clause`, `duplicate-sentence`,
 *     `duplicate-paragraph`, `near-duplicate`, `repeated-phrase`, `reused-sentence`;
 *   - `severity` — `error`, `warning` or `info`;
 *   - `place.start` / `place.end` — `line` and `column` are 1-based, `offset` is 0-based; columns and
 *     offsets count **UTF-16 code units** of the decoded text (one per 汉字 of the Basic Multilingual
 *     Plane, two for a character outside it; a leading BOM is not part of the text; CRLF counts as
 *     two). `end` is exclusive (the point just after the finding), so
 *     `text.slice(start.offset, end.offset) === actual`;
 *   - `actual` — the text found; `expected` — suggested replacements, present only when a rule has
 *     some (none do yet); `url` — the rule's documentation;
 *   - `related` (optional) — other places that explain the finding, each
 *     `{ "file", "place", "message" }`: the first occurrence of a repeat ("first occurrence"), or the
 *     sentence in each past report a reused sentence comes from ("in a past report").
 * - `reuse`: with `--against`, the past report the draft shares most sentences with: `share` is the
 *   fraction (0..1, 4 decimals) of the draft's sentences, repeats counted, found in it; `sentences` the
 *   number of distinct sentences in common. Empty without `--against` or when nothing is shared.
 * - `unreadable`: inputs that could not be read; `code` is a read error code (`NOT_FOUND`, `EMPTY`,
 *   `BINARY`, `DECODE`, `DOCX_CORRUPT`, `DOCX_ENCRYPTED`, `ZIP_BOMB`, `TOO_LARGE`, `UNSUPPORTED`,
 *   `NO_FILES`, `IS_DIRECTORY`, `UNREADABLE`) or `INTERNAL`.
 * - `summary`: counts over all files after filtering (`--quiet` keeps errors only).
 *
 * Exit status: 0 when no errors or warnings (info does not count), 1 when there are some, 2 when an
 * input was unreadable or the command line was wrong.
 */
import { countSeverities, allFindings, type CheckResult, type Finding } from './finding.js';

export const JSON_FORMAT_VERSION = 1;

function findingJson(f: Finding): Record<string, unknown> {
  const o: Record<string, unknown> = {
    reason: f.reason,
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file,
    place: {
      start: { line: f.place.start.line, column: f.place.start.column, offset: f.place.start.offset },
      end: { line: f.place.end.line, column: f.place.end.column, offset: f.place.end.offset },
    },
    source: f.source,
    actual: f.actual,
  };
  if (f.expected) o.expected = f.expected;
  o.url = f.url;
  if (f.related?.length) {
    o.related = f.related.map((r) => ({
      file: r.file,
      place: {
        start: { line: r.place.start.line, column: r.place.start.column, offset: r.place.start.offset },
        end: { line: r.place.end.line, column: r.place.end.column, offset: r.place.end.offset },
      },
      message: r.message,
    }));
  }
  return o;
}

export function checkJson(result: CheckResult, tool: { name: string; version: string }): unknown {
  const all = allFindings(result);
  const total = countSeverities(all);
  return {
    format: 'baogao-check',
    formatVersion: JSON_FORMAT_VERSION,
    tool: { name: tool.name, version: tool.version },
    files: result.files.map((file) => {
      const c = countSeverities(file.findings);
      return {
        file: file.file,
        errorCount: c.errors,
        warningCount: c.warnings,
        infoCount: c.info,
        findings: file.findings.map(findingJson),
        reuse: file.reuse.map((r) => ({ against: r.against, share: r.share, sentences: r.sentences })),
      };
    }),
    unreadable: result.unreadable.map((u) => ({ file: u.file, code: u.code, message: u.message })),
    summary: {
      files: result.files.length,
      unreadable: result.unreadable.length,
      errors: total.errors,
      warnings: total.warnings,
      info: total.info,
    },
  };
}

export function renderJson(result: CheckResult, tool: { name: string; version: string }): string {
  return JSON.stringify(checkJson(result, tool), null, 2) + '\n';
}

/**
 * JSON.stringify(value, null, 2), piece by piece: the same text, never built as one string. A
 * report or a check result of a few MB of input runs to 95–233 bytes of JSON per input character,
 * past V8's longest string (2^29 − 24 code units, "Invalid string length"); the command line writes
 * these pieces as they come (see cli/io.ts, writeChunks). `indent` is the indentation of the line
 * the value starts on; a value of up to `small` nodes is written in one JSON.stringify. Leaves go
 * through JSON.stringify itself, so numbers, escapes, toJSON and skipped keys are JSON's own.
 */
export function* jsonChunks(value: unknown, indent = '', small = SMALL): Generator<string> {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(key: string): unknown }).toJSON('');
  }
  if (value === null || typeof value !== 'object') {
    // undefined, functions and symbols are never asked for (skipped in objects, null in arrays)
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (budgetLeft(value, small) >= 0) {
    // a small value (a finding, a claim, a statement): JSON.stringify's own text, indented to its
    // place (JSON's strings hold no line break), which is much faster than walking it
    const own = JSON.stringify(value, null, 2);
    yield indent ? own.replace(/\n/g, '\n' + indent) : own;
    return;
  }
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n' + inner;
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',\n' + inner;
      const v = value[i];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
      else yield* jsonChunks(v, inner, small);
    }
    yield '\n' + indent + ']';
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    let v = (value as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON(key: string): unknown }).toJSON(key);
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield (first ? '{\n' : ',\n') + inner + JSON.stringify(key) + ': ';
    first = false;
    yield* jsonChunks(v, inner, small);
  }
  yield first ? '{}' : '\n' + indent + '}';
}

/** What a value may cost, in nodes and 64-character runs of its strings, to be written in one JSON.stringify. */
const SMALL = 4096;

/**
 * What is left of `budget` after the nodes of `v` (each value and key one, a string one more per
 * 64 characters), or -1 once it is spent: the walk stops there, so a huge value costs no more
 * than the budget to be found too big.
 */
function budgetLeft(v: unknown, budget: number): number {
  budget--;
  if (budget < 0) return -1;
  if (typeof v === 'string') return budget - (v.length >> 6);
  if (v === null || typeof v !== 'object') return budget;
  if (Array.isArray(v)) {
    for (const x of v) if ((budget = budgetLeft(x, budget)) < 0) return -1;
    return budget;
  }
  for (const k of Object.keys(v)) if ((budget = budgetLeft((v as Record<string, unknown>)[k], budget - 1)) < 0) return -1;
  return budget;
}

/** `check --format json` as pieces (renderJson's text, never one string). */
export function* renderJsonChunks(result: CheckResult, tool: { name: string; version: string }): Generator<string> {
  yield* jsonChunks(checkJson(result, tool));
  yield '\n';
}
