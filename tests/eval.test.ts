/**
 * The labelled development set (fixtures/eval/*.labels.jsonl, labelled by hand following
 * ../shared/eval/GUIDE.md) scored with the shared score.py, on the original text and on the text
 * masked by mask.py. Guards the issue's bars against regressions; `npm run eval` prints the table.
 *
 * In masked mode score.py keeps only gold numbers written in digits, so claims read from Chinese
 * numerals (全国第二, 三分之一) and, in the seed, numbers already masked in the original count as
 * false positives there: masked precision is not a fair figure and is not asserted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';

const tools = new URL('../../shared/eval/', import.meta.url).pathname;
const fixtures = new URL('../fixtures/eval/', import.meta.url).pathname;
const hasTools = existsSync(join(tools, 'score.py'));

interface Score {
  gold: number;
  precision: number;
  recall: number;
  f1: number;
  role: number;
  number_unit: number;
  metric: number;
  modality: number;
  full_tuple: number;
}

function score(name: string, masked: boolean): Score {
  const labels = join(fixtures, `${name}.labels.jsonl`);
  const textPath = join(fixtures, `${name}.txt`);
  const text = masked ? execFileSync('python3', [join(tools, 'mask.py'), textPath, labels], { encoding: 'utf8' }) : readFileSync(textPath, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'baogao-eval-'));
  const report = join(dir, 'report.json');
  writeFileSync(report, JSON.stringify(analyze(text, { duplicates: false })));
  const out = execFileSync('python3', [join(tools, 'score.py'), labels, report, ...(masked ? ['--masked'] : [])], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

const mean = (xs: Score[], k: keyof Score) => xs.reduce((s, x) => s + x[k], 0) / xs.length;

describe.skipIf(!hasTools)('development set', () => {
  const names = readdirSync(fixtures).filter((f) => f.endsWith('.labels.jsonl')).map((f) => f.replace('.labels.jsonl', '')).sort();

  it('reaches the bars on the original text', () => {
    const s = names.map((n) => score(n, false));
    expect(mean(s, 'f1')).toBeGreaterThanOrEqual(0.95);
    expect(mean(s, 'number_unit')).toBeGreaterThanOrEqual(0.98);
    expect(mean(s, 'role')).toBeGreaterThanOrEqual(0.95);
    // issue #16's bars, held with a little room below what the development set reaches (metric 0.927,
    // modality 0.978, full tuple 0.881 at the time of writing)
    expect(mean(s, 'metric')).toBeGreaterThanOrEqual(0.91);
    expect(mean(s, 'modality')).toBeGreaterThanOrEqual(0.95);
    expect(mean(s, 'full_tuple')).toBeGreaterThanOrEqual(0.86);
    for (const x of s) expect(x.f1).toBeGreaterThanOrEqual(0.9);
    for (const x of s) expect(x.full_tuple).toBeGreaterThanOrEqual(0.75);
  }, 60_000);

  it('reaches the bars on the masked text', () => {
    const s = names.map((n) => score(n, true));
    expect(mean(s, 'recall')).toBeGreaterThanOrEqual(0.95);
    expect(mean(s, 'number_unit')).toBeGreaterThanOrEqual(0.98);
    expect(mean(s, 'role')).toBeGreaterThanOrEqual(0.95);
    expect(mean(s, 'metric')).toBeGreaterThanOrEqual(0.9);
    expect(mean(s, 'full_tuple')).toBeGreaterThanOrEqual(0.86);
  }, 60_000);
});
