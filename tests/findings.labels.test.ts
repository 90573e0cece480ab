/**
 * A labelled set of `check`'s findings (#22): every warning and error over ../shared/corpus (the seed,
 * zh/, series/, gbk/, docx/, reference/; not en/ or tmx/) was read in its context and judged real or
 * false, in fixtures/findings/corpus-labels.json (before and after the #22 rules). This test runs what
 * `check` runs (read, analyze without claims, findings, the dedupe filter) over the corpus and
 *   - fails on a warning or error the fixture has not judged: a new alarm must be read and labelled;
 *   - holds precision (real / all warnings and errors) at 0.9 or more, over the corpus and over its
 *     published reports alone (the seed is a masked draft: all its findings are real);
 *   - finds every finding judged real (the seed's masks and slips, the repeated paragraph of the 2015
 *     transcription, the repeated sentence of Hailar 2016).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, check, FIGURE_RULES } from '../src/index.js';
import { readDocument } from '../src/read/index.js';

/** the text rules only: the labels are of placeholders and repeats */
const TEXT_ONLY = Object.fromEntries(FIGURE_RULES.map((r) => [r.meta.id, 'off' as const]));

const CORPUS = new URL('../../shared/corpus/', import.meta.url).pathname;
const SEED = '000_304eac767b8a3bea.txt';

interface Label {
  file: string;
  ruleId: string;
  line: number;
  column: number;
  text: string;
  verdict: 'real' | 'false';
  why: string;
}
const LABELS: Label[] = JSON.parse(readFileSync(new URL('../fixtures/findings/corpus-labels.json', import.meta.url), 'utf8')).labels;
const key = (x: { file: string; ruleId: string; line: number; column: number }) => `${x.file}|${x.ruleId}|${x.line}|${x.column}`;

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

describe('check over the corpus: labelled findings (#22)', () => {
  it('raises no unjudged alarm, holds precision ≥ 0.9 and finds every real one', async () => {
    const files = [join(CORPUS, SEED), ...['zh', 'series', 'gbk', 'docx', 'reference'].flatMap((d) => walk(join(CORPUS, d)))];
    expect(files.length).toBeGreaterThan(60);
    const found: Array<{ file: string; ruleId: string; line: number; column: number; actual: string }> = [];
    for (const f of files) {
      const { text } = await readDocument(f);
      const rel = relative(CORPUS, f);
      const fs = check(analyze(text, { claims: false }), { text, file: rel, rules: TEXT_ONLY });
      for (const x of fs)
        if (x.severity !== 'info') found.push({ file: rel, ruleId: x.ruleId, line: x.place.start.line, column: x.place.start.column, actual: x.actual });
    }
    const labels = new Map(LABELS.map((l) => [key(l), l]));
    // every alarm judged, and judged on the text it points at
    const unjudged = found.filter((x) => !labels.has(key(x))).map((x) => `${key(x)} ${x.actual.slice(0, 40)}`);
    expect(unjudged).toEqual([]);
    for (const x of found) expect(x.actual.slice(0, 40), key(x)).toBe(labels.get(key(x))!.text);

    const precision = (xs: typeof found) => xs.filter((x) => labels.get(key(x))!.verdict === 'real').length / Math.max(1, xs.length);
    const published = found.filter((x) => x.file !== SEED);
    console.log(
      `corpus: ${found.length} warnings and errors, precision ${precision(found).toFixed(3)}; ` +
        `published reports: ${published.length}, precision ${precision(published).toFixed(3)}`,
    );
    expect(precision(found)).toBeGreaterThanOrEqual(0.9);
    expect(precision(published)).toBeGreaterThanOrEqual(0.9);

    // every real finding still found
    const now = new Set(found.map(key));
    const missed = LABELS.filter((l) => l.verdict === 'real' && !now.has(key(l))).map((l) => `${key(l)} ${l.text}`);
    expect(missed).toEqual([]);
  }, 120_000);

  it('labels every entry with a verdict and a reason, once', () => {
    expect(new Set(LABELS.map(key)).size).toBe(LABELS.length);
    for (const l of LABELS) {
      expect(['real', 'false']).toContain(l.verdict);
      expect(l.why.length).toBeGreaterThan(10);
    }
  });
});
