#!/usr/bin/env node
// A second measure of inconsistent-figure (#20), on the restatements the reports themselves make:
// for each figure that a report states twice — the same canonical metric, `actual`, the same figure
// as written, in two paragraphs (the summary and the review, the review and its list) — the later
// mention's last digit is changed (+1, 9 → 8) and the change counts as found when a finding lands on
// either mention. Unlike figures-inject.mjs, nothing is copied: the two mentions are worded as the
// report words them. Two equal figures are not always one figure (two places' growth may be equal):
// --verbose lists every pair, found or not, for reading.
//
// usage: node --import tsx scripts/figures-pairs.mjs [--docx] [--verbose]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus');
const { analyze, check } = await import(join(root, 'src', 'index.ts'));
const { readDocument } = await import(join(root, 'src', 'read', 'index.ts'));
const verbose = process.argv.includes('--verbose');
const docx = process.argv.includes('--docx');
const RULES = { 'percent-or-points': 'off', 'figures-do-not-add-up': 'off', 'disagrees-with-reference': 'off' };
const figureCheck = (input, options) => check(input, options).filter((f) => f.ruleId === 'inconsistent-figure');

function changed(raw) {
  for (let i = raw.length - 1; i >= 0; i--) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) return raw.slice(0, i) + String(c === 57 ? 8 : c - 47) + raw.slice(i + 1);
  }
  return null;
}

const files = docx
  ? readdirSync(join(corpus, 'docx')).sort().map((f) => join(corpus, 'docx', f))
  : [
      ...readdirSync(join(corpus, 'zh')).filter((f) => f.endsWith('.txt') && !f.includes('wikisource')).sort().map((f) => join(corpus, 'zh', f)),
      ...readdirSync(join(corpus, 'series')).sort().flatMap((d) => readdirSync(join(corpus, 'series', d)).filter((f) => f.endsWith('.txt') && !f.includes('wikisource')).sort().map((f) => join(corpus, 'series', d, f))),
    ];
let pairs = 0;
let found = 0;
for (const path of files) {
  const f = path.split('/').pop();
  const text = docx ? (await readDocument(path)).text : readFileSync(path, 'utf8');
  const report = analyze(text);
  const base = figureCheck(report, { text, file: f, rules: RULES });
  const lineOf = (o) => text.slice(0, o).split('\n').length;
  const first = new Map();
  const seen = new Set();
  for (const c of report.claims) {
    if (c.modality !== 'actual' || !c.metric.canonical) continue;
    for (const [what, q] of [['value', c.value], ['growth', c.growth?.quantity]]) {
      if (!q || q.masked || !/[0-9]/.test(q.raw)) continue;
      const key = `${c.metric.canonical}|${what}|${q.raw}|${c.scope ?? ''}`;
      const a = first.get(key);
      if (!a) {
        first.set(key, { c, q });
        continue;
      }
      if (lineOf(a.q.span.start) === lineOf(q.span.start) || seen.has(key)) continue;
      seen.add(key);
      const other = changed(q.raw);
      if (!other) continue;
      const draft = text.slice(0, q.span.start) + other + text.slice(q.span.end);
      const res = figureCheck(draft, { file: f, rules: RULES });
      const on = (x, sp) => x.place.start.offset >= sp.start && x.place.start.offset < sp.end;
      const ok = res.some((x) => (on(x, { start: q.span.start, end: q.span.start + other.length }) || on(x, a.q.span)) && !base.some((b) => b.place.start.offset === x.place.start.offset));
      pairs++;
      if (ok) found++;
      if (verbose) console.log(`${ok ? 'found ' : 'missed'} ${f}:${lineOf(a.q.span.start)}~${lineOf(q.span.start)} ${c.metric.canonical} ${q.raw}→${other}: “${a.c.text.slice(0, 30)}” ~ “${c.text.slice(0, 30)}”`);
    }
  }
}
console.log(`restated figures changed: ${found}/${pairs} found (${((100 * found) / Math.max(1, pairs)).toFixed(1)}%) over ${files.length} reports`);
