/**
 * analyze()'s options are validated against their zod schema (issue #17, Low): a wrong option is
 * an AnalyzeOptionsError that names the option and says what is allowed; undefined is the default.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, AnalyzeOptionsError, analyzeOptionsSchema } from '../src/model/analyze.js';
import { optionsLookValid } from '../src/model/options.js';
import { Report } from '../src/schema/index.js';

// 2025年辽宁省政府工作报告 (fixtures/sections/liaoning-2025-word-emspace), its opening lines
const text = readFileSync(new URL('../fixtures/sections/liaoning-2025-word-emspace/input.txt', import.meta.url), 'utf8').slice(0, 1200);

describe('analyze options', () => {
  it('undefined and {} give the same report', () => {
    expect(analyze(text)).toEqual(analyze(text, {}));
    expect(analyze(text, undefined)).toEqual(analyze(text, {}));
  });

  it.each([
    ['null', null, /options must be an object or undefined, not null/],
    ['a string', 'zh', /options must be an object or undefined, not "zh"/],
    ['an array', [], /not an array/],
    ['an unknown language', { language: 'fr' }, /options\.language: .*"zh".*"en"/s],
    ['a misspelt option', { claim: false }, /options: .*claim/],
    ['a wrong type', { claims: 'no' }, /options\.claims: .*boolean/],
    ['a duplicates threshold out of range', { duplicates: { nearThreshold: 2 } }, /options\.duplicates/],
    ['a hint without a level', { headings: [{ start: 0, end: 4 }] }, /options\.headings\.0\.level/],
    ['a hint ending before it starts', { headings: [{ start: 9, end: 4, level: 0 }] }, /end must not be before start/],
  ])('refuses %s with a clear error that says what is allowed', (_, options, message) => {
    let err: unknown;
    try {
      analyze(text, options as never);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AnalyzeOptionsError);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as AnalyzeOptionsError).code).toBe('BAD_OPTIONS');
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/allowed: \{ claims\?: boolean/);
  });

  it('every option the schema accepts gives a report that passes its own schema', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            claims: fc.boolean(),
            duplicates: fc.oneof(fc.boolean(), fc.record({ nearThreshold: fc.double({ min: 0, max: 1, noNaN: true }), minSentenceLength: fc.nat(30) }, { requiredKeys: [] })),
            language: fc.constantFrom('zh' as const, 'en' as const),
            headings: fc.array(fc.record({ start: fc.nat(1500), level: fc.nat(8) }).map((h) => ({ ...h, end: h.start + 3 })), { maxLength: 5 }),
          },
          { requiredKeys: [] },
        ),
        (options) => {
          expect(analyzeOptionsSchema().safeParse(options).success).toBe(true);
          const r = analyze(text, options);
          expect(Report.safeParse(r).success).toBe(true);
          if (options.language) expect(r.language).toBe(options.language);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the check without zod accepts exactly what the zod schema accepts', () => {
    const num = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.double({ min: -1, max: 2, noNaN: true }), fc.constant(Number.NaN));
    const anyValue = fc.oneof(num, fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constantFrom('zh', 'en', 'fr', ''), fc.array(fc.string(), { maxLength: 2 }));
    const hint = fc.oneof(
      fc.record({ start: num, end: num, level: num }, { requiredKeys: [] }),
      fc.record({ start: fc.nat(20), end: fc.nat(20), level: fc.nat(9), extra: anyValue }, { requiredKeys: ['start', 'end', 'level'] }),
      anyValue,
    );
    const dup = fc.oneof(
      fc.boolean(),
      fc.record(
        { nearThreshold: num, minPhraseLength: num, minPhraseCount: num, formulations: fc.oneof(fc.array(fc.string(), { maxLength: 2 }), fc.array(num, { maxLength: 2 })), minSentenceLength: num, nearMinLength: num, minClauseLength: num, typo: anyValue },
        { requiredKeys: [] },
      ),
      anyValue,
    );
    const options = fc.oneof(
      fc.record({ claims: anyValue, duplicates: dup, language: anyValue, headings: fc.oneof(fc.array(hint, { maxLength: 3 }), anyValue), claim: anyValue }, { requiredKeys: [] }),
      anyValue,
    );
    fc.assert(
      fc.property(options, (o) => {
        expect(optionsLookValid(o)).toBe(analyzeOptionsSchema().safeParse(o).success);
      }),
      { numRuns: 3000 },
    );
  });
});
