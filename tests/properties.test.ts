/**
 * Properties (fast-check): for any string — random characters, lone surrogates, control and
 * zero-width characters, full-width forms, mixed line ends, and splices of real corpus sentences —
 * analyze returns, validates against the schema, every span slices to its text, sections tile the
 * text and statements cover their bodies. Analysing twice gives the same JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';
import { violations } from './helpers/invariants.js';

const corpus = new URL('../../shared/corpus/', import.meta.url).pathname;
const sources = ['000_304eac767b8a3bea.txt', 'zh/national-2024-gov-work-report.zh.txt', 'zh/city-wuhan-2024-gov-work-report.zh.txt', 'zh/prov-shandong-2023-gov-work-report.zh.txt'];
const sentences = sources
  .flatMap((f) => readFileSync(join(corpus, f), 'utf8').split(/(?<=[。！？；\n])/))
  .filter((s) => s.trim().length > 0);

const special = fc.constantFrom(
  '\r\n', '\r', '\n', '\u200b', '\ufeff', '\u3000', '**', '***', '9*%', '……', '××', 'XX', '某某', '（', '）', '“', '”', '《', '》',
  '一、', '（一）', '1.', '（1）', '①', '第一部分', '## ', '# ', '---\n', '一是', '二是', '增长5.2%', '１２３', '％', '\ud800', '\udc00', '😀', '\u0000', '\u0007',
);
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...sentences) },
  { weight: 2, arbitrary: special },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);
/** Corpus sentences shuffled, truncated and spliced with special pieces. */
const docs = fc.array(piece, { maxLength: 40 }).map((ps) => ps.join(''));
const truncated = fc.tuple(fc.constantFrom(...sentences), fc.nat(), fc.nat()).map(([s, a, b]) => s.slice(Math.min(a, b) % (s.length + 1), Math.max(a, b) % (s.length + 1)));

function check(text: string): void {
  const r = analyze(text);
  const v = violations(text, r);
  if (v.length) throw new Error(`${v.slice(0, 3).join('\n')}\non input ${JSON.stringify(text.slice(0, 300))}`);
}

describe('analyze on any input', () => {
  it('holds the invariants on spliced corpus text', () => {
    fc.assert(fc.property(docs, (t) => check(t)), { numRuns: 300 });
  });
  it('holds the invariants on truncated sentences', () => {
    fc.assert(fc.property(fc.array(truncated, { maxLength: 10 }).map((x) => x.join('')), (t) => check(t)), { numRuns: 200 });
  });
  it('holds the invariants on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (t) => check(t)), { numRuns: 300 });
  });
  it('is deterministic', () => {
    fc.assert(
      fc.property(docs, (t) => {
        expect(JSON.stringify(analyze(t))).toBe(JSON.stringify(analyze(t)));
      }),
      { numRuns: 50 },
    );
  });
  it('survives degenerate inputs', () => {
    for (const t of ['', ' ', '\n\n\n', '*'.repeat(10_000), '（'.repeat(10_000) + '）'.repeat(10_000), '“'.repeat(10_000), '一、'.repeat(3000), '1'.repeat(10_000), '一是'.repeat(5000), 'a'.repeat(20_000)]) {
      check(t);
    }
  });
});
