/**
 * The `stylish` format of `baogao check` (ESLint's default look), with a source excerpt under each
 * finding and carets aligned under Chinese text:
 *
 *   drafts/2023.txt
 *     2:46  error  Placeholder “**” left in the text: fill in a name (市委)  placeholder
 *       …贯彻落实**省党委****重点工作部署，保持了…
 *       　　　　　　＾＾…
 *
 *   ✖ 3 problems (2 errors, 1 warning)
 *
 * Full-width characters take two columns (see width.ts): the line under the excerpt puts an
 * ideographic space under each of them and an ASCII space under each narrow one, and `＾`/`^` under
 * the finding, so the carets stay aligned whatever the mix.
 */
import { countSeverities, allFindings, type CheckResult, type Finding, type Severity } from './finding.js';
import { displayWidth, padEnd, splitsPair, underline, widest } from './width.js';
import { printable } from './printable.js';

export { printable };

export interface StylishOptions {
  /** ANSI colours (default false) */
  color?: boolean;
  /** code points of context shown either side of a finding (default 12) */
  context?: number;
  /** code points of the finding itself shown before cutting with … (default 40) */
  maxMarked?: number;
  /** the per-draft summaries of --against, by file ("reuses 31% of …") */
  reuseLine?: (r: { share: number; against: string; sentences: number }) => string;
}

const SGR = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', underline: '\x1b[4m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', green: '\x1b[32m' };

function paint(on: boolean, codes: string, s: string): string {
  return on && s ? codes + s + SGR.reset : s;
}

const SEVERITY_COLOR: Record<Severity, string> = { error: SGR.red, warning: SGR.yellow, info: SGR.blue };

export interface Excerpt {
  /** the excerpt of the line holding the finding's start */
  line: string;
  /** blanks under the text before the finding */
  pad: string;
  /** carets under the finding */
  carets: string;
}

const isBreak = (c: number): boolean => c === 0x0a || c === 0x0d;

/** Where the code point ending at p starts (a surrogate pair is one code point). */
function codePointBefore(text: string, p: number): number {
  return splitsPair(text, p - 1) ? p - 2 : p - 1;
}

/** Where the code point starting at p ends, a pair counting only if it ends by `limit`. */
function codePointAfter(text: string, p: number, limit: number): number {
  return p + 1 < limit && splitsPair(text, p + 1) ? p + 2 : p + 1;
}

/**
 * The excerpt of `text` around [start, end): the part of the start's line from up to `context` code
 * points before to `context` after, cut with … where it does not reach the line's ends; the finding
 * is shown up to `maxMarked` code points and up to the end of its first line. It reads only those
 * code points and the one past each limit, never the whole line: a draft written as one long line
 * with thousands of findings would otherwise cost the line's length for each of them. Offsets
 * outside the text are taken as its nearest end.
 */
export function excerpt(text: string, start: number, end: number, context = 12, maxMarked = 40): Excerpt {
  start = Math.min(Math.max(start, 0), text.length);
  end = Math.min(Math.max(end, 0), text.length);
  let b = start;
  for (let n = 0; n < context && b > 0 && !isBreak(text.charCodeAt(b - 1)); n++) b = codePointBefore(text, b);
  let before = text.slice(b, start).replace(/^[ \t\u3000\u00a0]+/, '');
  if (b > 0 && !isBreak(text.charCodeAt(b - 1))) before = '…' + before;

  // the finding, up to its end or its line's end, whichever comes first
  const stop = Math.max(end, start);
  let m = start;
  for (let n = 0; n < maxMarked && m < stop && !isBreak(text.charCodeAt(m)); n++) m = codePointAfter(text, m, stop);
  let marked = text.slice(start, m);
  let after: string;
  if (m < stop && !isBreak(text.charCodeAt(m))) {
    after = '…';
  } else {
    let a = m;
    for (let n = 0; n < context && a < text.length && !isBreak(text.charCodeAt(a)); n++) a = codePointAfter(text, a, text.length);
    after = text.slice(m, a);
    // more of the line after, or a finding that goes on past its line's end
    if ((a < text.length && !isBreak(text.charCodeAt(a))) || m < stop) after += '…';
    after = after.replace(/[ \t\u3000\u00a0]+$/, '');
  }
  before = printable(before);
  marked = printable(marked);
  after = printable(after);
  const { pad, carets } = underline(before, marked);
  return { line: before + marked + after, pad, carets };
}

function plural(n: number, word: string, pluralWord = word + 's'): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/** The last line: "✖ 3 problems (2 errors, 1 warning)", or "no problems". Info does not count. */
export function stylishSummary(findings: readonly Finding[]): string {
  const c = countSeverities(findings);
  const problems = c.errors + c.warnings;
  const info = c.info ? `${c.info} info` : '';
  if (problems === 0) return info ? `no problems (${info})` : 'no problems';
  return `✖ ${plural(problems, 'problem')} (${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')})` + (info ? ` and ${info}` : '');
}

export function renderStylish(result: CheckResult, options: StylishOptions = {}): string {
  return stylishLines(result, options).join('\n') + '\n';
}

/** renderStylish's lines, without their line breaks: the command line writes them a part at a time. */
export function stylishLines(result: CheckResult, options: StylishOptions = {}): string[] {
  const color = options.color ?? false;
  const context = options.context ?? 12;
  const maxMarked = options.maxMarked ?? 40;
  const out: string[] = [];
  for (const file of result.files) {
    if (file.findings.length === 0 && file.reuse.length === 0) continue;
    out.push(paint(color, SGR.underline, printable(file.file)));
    const pos = file.findings.map((f) => `${f.place.start.line}:${f.place.start.column}`);
    const posW = widest(pos, (p) => p.length);
    const sevW = widest(file.findings, (f) => f.severity.length);
    const msgs = file.findings.map((f) => printable(f.reason));
    const msgW = widest(msgs, displayWidth);
    file.findings.forEach((f, i) => {
      const sev = paint(color, SEVERITY_COLOR[f.severity], padEnd(f.severity, sevW));
      out.push(`  ${paint(color, SGR.dim, padEnd(pos[i], posW))}  ${sev}  ${padEnd(msgs[i], msgW)}  ${paint(color, SGR.dim, f.ruleId)}`);
      if (file.text !== undefined) {
        const ex = excerpt(file.text, f.place.start.offset, f.place.end.offset, context, maxMarked);
        out.push(`    ${ex.line}`.trimEnd());
        out.push(`    ${ex.pad}${paint(color, SEVERITY_COLOR[f.severity], ex.carets)}`);
      }
    });
    for (const r of file.reuse) {
      const line = options.reuseLine ? options.reuseLine(r) : `reuses ${Math.round(r.share * 100)}% of its sentences from ${r.against}`;
      out.push(`  ${printable(line)}`);
    }
    out.push('');
  }
  const all = allFindings(result);
  const summary = stylishSummary(all);
  const c = countSeverities(all);
  if (result.files.length > 0 || result.unreadable.length === 0) {
    out.push(paint(color, SGR.bold + (c.errors ? SGR.red : c.warnings ? SGR.yellow : SGR.green), summary));
  }
  if (result.unreadable.length) {
    const names = result.unreadable.map((u) => printable(u.file)).join(', ');
    out.push(paint(color, SGR.bold + SGR.red, `✖ ${plural(result.unreadable.length, 'input')} could not be read: ${names}`));
  }
  return out;
}
