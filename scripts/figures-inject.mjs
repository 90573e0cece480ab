#!/usr/bin/env node
// The measure of inconsistent-figure (#20): how often a contradiction injected into a real report
// is found, and how many alarms the unchanged reports give.
//
// For each Chinese report of ../shared/corpus/zh and series/, each figure of an `actual` claim with a metric (its
// value or its growth, written in digits) is stated a second time: its statement copied as a new
// paragraph right after its own (same metric, period, scope and modality), in one copy as written
// (a restatement: no finding may come of it) and in another with the figure's last digit changed
// (+1, 9 → 8: a contradiction that must be found on the copy or on the original). The natural pairs
// are the alarms of the unchanged reports, printed for reading.
//
// usage: node --import tsx scripts/figures-inject.mjs [--max N] [--verbose] [--canonical] [--docx]
//   --max N      figures per report (evenly spread; default 40)
//   --canonical  only figures whose metric has a canonical id
//   --docx       the 28 provincial 2025 Word reports of ../shared/corpus/docx instead, which the figure
//                rules were never developed on (their text as the .docx reader gives it)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus', 'zh');
const { analyze, check } = await import(join(root, 'src', 'index.ts'));
const { readDocument } = await import(join(root, 'src', 'read', 'index.ts'));

const args = process.argv.slice(2);
const max = Number(args[args.indexOf('--max') + 1]) || 40;
const verbose = args.includes('--verbose');
const canonicalOnly = args.includes('--canonical');
const docx = args.includes('--docx');
const RULES = { 'inconsistent-figure': 'warning', 'percent-or-points': 'off', 'disagrees-with-reference': 'off' };
// only the rule measured: check() gives the other rules' findings too (a copied sentence is also a duplicate)
const figureCheck = (input, options) => check(input, options).filter((f) => f.ruleId === 'inconsistent-figure');

/** The raw figure with its last ASCII digit changed, or null when it has none. */
function changed(raw) {
  for (let i = raw.length - 1; i >= 0; i--) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      const d = c - 48;
      return raw.slice(0, i) + String(d === 9 ? 8 : d + 1) + raw.slice(i + 1);
    }
  }
  return null;
}

// the reports of zh/ and of the two series (a wikisource copy repeats its report)
const series = join(root, '..', 'shared', 'corpus', 'series');
const docxDir = join(root, '..', 'shared', 'corpus', 'docx');
const files = docx ? readdirSync(docxDir).filter((f) => f.endsWith('.docx')).sort().map((f) => join(docxDir, f)) : [
  ...readdirSync(corpus).filter((f) => f.endsWith('.txt') && !f.includes('wikisource')).sort().map((f) => join(corpus, f)),
  ...readdirSync(series).sort().flatMap((d) => readdirSync(join(series, d)).filter((f) => f.endsWith('.txt')).sort().map((f) => join(series, d, f))),
];
let natural = 0;
let total = 0;
let found = 0;
let restatedAlarms = 0;
const rows = [];
for (const path of files) {
  const f = path.split('/').pop();
  const text = docx ? (await readDocument(path)).text : readFileSync(path, 'utf8');
  const report = analyze(text);
  const base = figureCheck(report, { text, file: f, rules: RULES });
  natural += base.length;
  for (const x of base) console.log(`natural ${f}:${x.place.start.line}: ${x.reason}`);
  const stmt = new Map(report.statements.map((s) => [s.id, s]));
  const candidates = [];
  for (const c of report.claims) {
    if (c.modality !== 'actual' || (!c.metric.canonical && !(c.metric.text && c.metric.text.length >= 2))) continue;
    if (canonicalOnly && !c.metric.canonical) continue;
    const s = stmt.get(c.statementId);
    if (!s) continue;
    for (const q of [c.growth?.quantity, c.value]) {
      if (!q || q.masked || q.number === null || !/[0-9]/.test(q.raw) || q.span.start < s.span.start || q.span.end > s.span.end) continue;
      candidates.push({ c, s, q });
      break;
    }
  }
  const step = Math.max(1, candidates.length / max);
  let n = 0;
  let hit = 0;
  let tried = 0;
  for (let k = 0; k < candidates.length && n < max; k = Math.floor(++n * step)) {
    const { c, s, q } = candidates[k];
    const lineEnd = text.indexOf('\n', s.span.end);
    const at = lineEnd < 0 ? text.length : lineEnd;
    const sentence = text.slice(s.span.start, s.span.end);
    const within = q.span.start - s.span.start;
    const other = changed(q.raw);
    if (!other) continue;
    const copy = (raw) => sentence.slice(0, within) + raw + sentence.slice(within + q.raw.length);
    const insert = (raw) => text.slice(0, at) + '\n' + copy(raw) + text.slice(at);
    const copyStart = at + 1;
    const copySpan = { start: copyStart + within, end: copyStart + within + other.length };
    // a restatement as written: any finding more than the unchanged report's is a false alarm
    const same = figureCheck(insert(q.raw), { file: f, rules: RULES });
    if (same.length > base.length) {
      restatedAlarms++;
      if (verbose) for (const x of same.slice(0, 1)) console.log(`restated ${f}: ${x.reason} in “${sentence.slice(0, 60)}”`);
    }
    const injected = insert(other);
    const res = figureCheck(injected, { file: f, rules: RULES });
    const origSpan = q.span;
    const ok = res.some((x) => {
      const o = x.place.start.offset;
      const on = (sp) => o >= sp.start && o < sp.end;
      return on(copySpan) || (on(origSpan) && !base.some((b) => b.place.start.offset === o));
    });
    total++;
    tried++;
    if (ok) hit++;
    else if (verbose) console.log(`missed ${f}: ${c.metric.canonical ?? c.metric.text} ${q.raw} → ${other} in “${sentence.slice(0, 60)}”`);
  }
  found += hit;
  rows.push([f, tried, hit]);
}
for (const [f, n, hit] of rows) console.log(`${f.padEnd(52)} ${String(hit).padStart(3)}/${String(n).padEnd(3)} ${n ? ((100 * hit) / n).toFixed(0) : '-'}%`);
console.log(`injected: ${found}/${total} found (${((100 * found) / Math.max(1, total)).toFixed(1)}%)`);
console.log(`restatements that raised an alarm: ${restatedAlarms}/${total}`);
console.log(`alarms on the unchanged reports: ${natural} over ${files.length} reports`);
