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
import { enumerationMarkers, smallChineseNumber } from '../src/sections/markers.js';
import { doubleStarRuns } from '../src/annotate/placeholders.js';
import { lineCount, lineStarts, splitLines } from '../src/sections/lines.js';

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

/**
 * The English path (any text with more Latin letters than CJK goes there): sentences of the English
 * corpus, spliced with the genre's number words, units and scales, and long runs of short words —
 * a statement over 3,000 characters is read without compromise's tags, where the noun-phrase search
 * once read past its terms ("Income per 5 yuan b b b …": a TypeError).
 */
describe('analyze on any English input', () => {
  const enSources = ['en/national-2019-gov-work-report.en.txt', 'en/national-2021-gov-work-report.en.txt'];
  const enSentences = enSources
    .flatMap((f) => readFileSync(join(corpus, f), 'utf8').split(/(?<=[.;:!?\n])/))
    .filter((s) => s.trim().length > 0);
  const enWords = fc.constantFrom(
    ' per ', ' of ', ' by ', ' from ', ' to ', ' the ', ' a ', 'b ', ' 5 ', ' 5% ', ' 12.06 million ', ' US$138.3 billion ', ' yuan ',
    ' percent ', ' percentage points ', ' tons ', ' people ', ' per capita ', ' rose ', ' fell ', ' increased by ', ' ranked second ',
    ' ten million ', ' a third ', ' doubled ', ' over ', ' about ', ' 6–6.5 ', ' 2024 ', ' PM2.5 ', ' 5G ', ': ', ', ', '. ', '\n', '*',
  );
  const run = fc.tuple(fc.constantFrom('b ', 'a ', 'of ', 'per ', 'x, ', '5 ', 'GDP '), fc.integer({ min: 1, max: 2000 })).map(([w, n]) => w.repeat(n));
  const enPiece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...enSentences) },
    { weight: 3, arbitrary: enWords },
    { weight: 1, arbitrary: run },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );
  // at least one corpus sentence keeps the text English whatever the other pieces are
  const enDocs = fc.tuple(fc.constantFrom(...enSentences), fc.array(enPiece, { maxLength: 30 })).map(([s, ps]) => [s, ...ps].join(''));

  it('holds the invariants on spliced English text', () => {
    fc.assert(fc.property(enDocs, (t) => check(t)), { numRuns: 150 });
  }, 120_000);
  it('holds the invariants on a number and a unit before a long run of short words (one test per shape)', () => {
    for (const unit of ['yuan', 'percent', 'million', 'tons', 'people']) check(`Income per 5 ${unit} ` + 'b '.repeat(5000));
  }, 60_000);
});

/**
 * The enumeration-marker, ** run and line-break scans jump with indexOf; the oracles here are the per-character
 * definitions they replaced (a regular expression with a lookbehind; a loop over every character),
 * compared exactly on strings made of the characters that matter.
 */
describe('scans that jump with indexOf agree with their per-character definitions', () => {
  const ENUM_RE = /(?:^|(?<=[。；：，！？\n\u3000 、“]))((?:[一二三四五六七八九十]{1,2})是)/g;
  function enumOracle(text: string, from: number, to: number): Array<[number, string]> {
    const lead = from > 0 ? 1 : 0;
    const part = text.slice(from - lead, to);
    ENUM_RE.lastIndex = lead;
    const out: Array<[number, string]> = [];
    let m: RegExpExecArray | null;
    while ((m = ENUM_RE.exec(part))) {
      // as findEnumerations did: a marker whose numerals are no number (一一是) is dropped
      if (smallChineseNumber(m[1].slice(0, -1)) !== null) out.push([from - lead + m.index + m[0].length - m[1].length, m[1]]);
    }
    return out;
  }

  it('enumerationMarkers finds exactly the markers of the lookbehind expression, in any range', () => {
    const text = fc.array(fc.constantFrom(...'一二三十是是，。\n 、“的x'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, x, y) => {
        const from = x % (t.length + 1);
        const to = from + (y % (t.length - from + 1));
        expect(enumerationMarkers(t, from, to).map((h) => [h.start, h.marker])).toEqual(enumOracle(t, from, to));
      }),
      { numRuns: 3000 },
    );
  });

  function runsOracle(norm: string): number[] {
    // the loop boldDelimiters used to find ** runs: every character, line by line
    const runs: number[] = [];
    let lineStart = 0;
    while (lineStart <= norm.length) {
      let lineEnd = norm.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = norm.length;
      for (let i = lineStart; i < lineEnd; i++) {
        if (norm.charCodeAt(i) !== 42) continue;
        let j = i;
        while (j < lineEnd && norm.charCodeAt(j) === 42) j++;
        if (j - i === 2) runs.push(i);
        i = j - 1;
      }
      if (lineEnd === norm.length) break;
      lineStart = lineEnd + 1;
    }
    return runs;
  }

  it('lineStarts, lineCount and splitLines find exactly the line breaks of the per-character loop', () => {
    const oracle = (text: string): number[] => {
      const starts = [0];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
      return starts;
    };
    const text = fc.array(fc.constantFrom('a', '字', '\n', '\r', '\r\n', '\n\r', ' '), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(lineStarts(t)).toEqual(oracle(t));
        expect(lineCount(t)).toBe(oracle(t).length);
        // splitLines breaks at the same places: its lines start where lineStarts says (a last,
        // empty line after a final break aside), each ending at its break
        const lines = splitLines(t);
        const starts = oracle(t);
        expect(lines.map((l) => l.start)).toEqual(t.length && starts[starts.length - 1] === t.length ? starts.slice(0, -1) : starts);
        for (const l of lines) expect(l.next === t.length && l.end === t.length ? true : /^(\r\n|\r|\n)$/.test(t.slice(l.end, l.next))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('doubleStarRuns finds exactly the ** runs of the per-character loop', () => {
    const text = fc.array(fc.constantFrom('*', '**', '***', '\n', '\n\n', '，', ' ', '字', '（'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(doubleStarRuns(t)).toEqual(runsOracle(t));
      }),
      { numRuns: 3000 },
    );
  });
});
