#!/usr/bin/env node
// The measure of disagrees-with-reference (#20): the national report of year Y+1 checked against the
// statistical communiqué on year Y (../shared/corpus/reference/). As published, every error is a false
// alarm; then each figure of an `actual` claim with a canonical metric, written in digits, is changed
// in its last digit (+1, 9 → 8), one at a time, and counted as caught when an error lands on it.
// Figures the communiqué does not state cannot be caught: the count of those caught is a floor of
// what the rule covers, not a miss rate.
//
// usage: node --import tsx scripts/reference-inject.mjs [--verbose]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus');
const { analyze, check } = await import(join(root, 'src', 'index.ts'));
const verbose = process.argv.includes('--verbose');
const RULES = { 'inconsistent-figure': 'off', 'percent-or-points': 'off', 'figures-do-not-add-up': 'off' };

function changed(raw) {
  for (let i = raw.length - 1; i >= 0; i--) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) return raw.slice(0, i) + String(c === 57 ? 8 : c - 47) + raw.slice(i + 1);
  }
  return null;
}

let falseAlarms = 0;
let injected = 0;
let caught = 0;
for (let y = 2016; y <= 2025; y++) {
  const draftPath = join(corpus, 'zh', `national-${y}-gov-work-report.zh.txt`);
  const refPath = join(corpus, 'reference', `nbs-${y - 1}-statistical-communique.zh.txt`);
  if (!existsSync(draftPath) || !existsSync(refPath)) continue;
  const text = readFileSync(draftPath, 'utf8');
  const ref = readFileSync(refPath, 'utf8');
  const references = [{ text: ref, report: analyze(ref), file: `nbs-${y - 1}` }];
  const report = analyze(text);
  const base = check(report, { text, file: `national-${y}`, rules: RULES, references }).filter((f) => f.ruleId === 'disagrees-with-reference');
  falseAlarms += base.length;
  for (const f of base) console.log(`false alarm national-${y}:${f.place.start.line}: ${f.reason}`);
  let n = 0;
  let hit = 0;
  const seen = new Set();
  for (const c of report.claims) {
    if (c.modality !== 'actual' || !c.metric.canonical) continue;
    for (const q of [c.value, c.growth?.quantity]) {
      if (!q || q.number === null || q.masked || seen.has(q.span.start)) continue;
      seen.add(q.span.start);
      const other = changed(q.raw);
      if (!other) continue;
      const draft = text.slice(0, q.span.start) + other + text.slice(q.span.end);
      const res = check(draft, { file: `national-${y}`, rules: RULES, references }).filter((f) => f.ruleId === 'disagrees-with-reference');
      n++;
      if (res.some((f) => f.place.start.offset === q.span.start)) {
        hit++;
        if (verbose) console.log(`caught national-${y}: ${c.metric.canonical} ${q.raw} → ${other}`);
      } else if (verbose) console.log(`not caught national-${y}: ${c.metric.canonical} ${q.raw} → ${other} in “${text.slice(c.span.start, c.span.end).slice(0, 50)}”`);
    }
  }
  injected += n;
  caught += hit;
  console.log(`national-${y} vs nbs-${y - 1}: ${base.length} false alarms as published; ${hit} of ${n} changed figures caught`);
}
console.log(`all: ${falseAlarms} false alarms; ${caught} of ${injected} changed figures caught (${((100 * caught) / Math.max(1, injected)).toFixed(1)}%)`);
