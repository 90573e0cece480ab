/**
 * The figure rules (src/rules): rounding and bounds, a share's change in %, and the national report
 * of 2024 against the statistical communiqué on 2023 — agreeing as published, caught with one
 * figure changed.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze, check, CheckOptionsError, referenceYear } from '../src/index.js';
import { interval, meet } from '../src/rules/figures/quantity.js';
import type { Quantity } from '../src/schema/index.js';

const corpus = new URL('../../shared/corpus/', import.meta.url).pathname;
const read = (p: string) => readFileSync(corpus + p, 'utf8');

function q(raw: string, number: number, unit: string, scale = 1, bound: Quantity['bound'] = null): Quantity {
  return { raw, span: { start: 0, end: raw.length }, number, upper: null, masked: false, pattern: null, unit, scaled: { number: number * scale, unit: unit.replace(/^[万亿]+/, '') }, bound };
}

describe('figures as intervals (rounding half up at the last written digit)', () => {
  it('5.2% agrees with 5.24% and not with 5.25% or 5.3%', () => {
    const a = interval(q('5.2%', 5.2, '%'))!;
    expect(meet(a, interval(q('5.24%', 5.24, '%'))!)).toBe(true);
    expect(meet(a, interval(q('5.25%', 5.25, '%'))!)).toBe(false);
    expect(meet(a, interval(q('5.3%', 5.3, '%'))!)).toBe(false);
  });
  it('126万亿元 agrees with 1260582亿元; 超过126万亿元 with anything above', () => {
    const a = interval(q('126万亿元', 126, '万亿元', 1e12))!;
    const b = interval(q('1260582亿元', 1260582, '亿元', 1e8))!;
    expect(meet(a, b)).toBe(true);
    expect(meet(interval(q('130万亿元', 130, '万亿元', 1e12))!, b)).toBe(false);
    expect(meet(interval(q('126万亿元', 126, '万亿元', 1e12, 'gte'))!, interval(q('130万亿元', 130, '万亿元', 1e12))!)).toBe(true);
  });
  it('two figures with the same bound compare by their numbers: 5%左右 is not 6%左右', () => {
    expect(meet(interval(q('5%', 5, '%', 1, 'approx'))!, interval(q('6%', 6, '%', 1, 'approx'))!)).toBe(false);
    expect(meet(interval(q('5%', 5, '%', 1, 'approx'))!, interval(q('5.2%', 5.2, '%'))!)).toBe(true);
  });
});

describe('percent-or-points', () => {
  it('finds a share raised by 10% where 10个百分点 is meant (Guangdong 2018)', () => {
    const text = readFileSync(new URL('../fixtures/figures/percent-for-points.txt', import.meta.url), 'utf8');
    const f = check(text).filter((x) => x.ruleId === 'percent-or-points');
    expect(f).toHaveLength(1);
    expect(f[0].actual).toBe('10%');
    expect(f[0].expected).toEqual(['10个百分点']);
    expect(f[0].url).toMatch(/rules\.md#rule-percent-or-points$/);
  });
  it('can be turned off', () => {
    const text = readFileSync(new URL('../fixtures/figures/percent-for-points.txt', import.meta.url), 'utf8');
    expect(check(text, { rules: { 'percent-or-points': 'off' } })).toEqual([]);
  });
});

describe('national 2024 against the communiqué on 2023', () => {
  const draft = read('zh/national-2024-gov-work-report.zh.txt');
  const ref = read('reference/nbs-2023-statistical-communique.zh.txt');
  const refReport = analyze(ref);
  const references = [{ text: ref, report: refReport, file: 'nbs-2023.txt' }];

  it('the reference is about 2023', () => expect(referenceYear(ref)).toBe(2023));

  it('as published: no figure disagrees, none is inconsistent', () => {
    const f = check(draft, { references });
    expect(f.filter((x) => x.ruleId === 'disagrees-with-reference')).toEqual([]);
    expect(f.filter((x) => x.ruleId === 'inconsistent-figure')).toEqual([]);
  });

  it('with 增长5.2% changed to 5.3%: one error naming both places', () => {
    const at = draft.indexOf('国内生产总值超过126万亿元，增长5.2%');
    expect(at).toBeGreaterThan(0);
    const k = draft.indexOf('5.2%', at);
    const changed = draft.slice(0, k) + '5.3%' + draft.slice(k + 4);
    const f = check(changed, { references, file: 'draft.txt' }).filter((x) => x.ruleId === 'disagrees-with-reference');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].place.start.offset).toBe(k);
    expect(f[0].actual).toBe('5.3%');
    expect(f[0].expected).toContain('5.2%');
    expect(f[0].related?.[0].file).toBe('nbs-2023.txt');
    expect(f[0].reason).toContain('nbs-2023.txt:');
  });
});

describe('check options', () => {
  it('an unknown rule or setting is a clear error', () => {
    expect(() => check('x', { rules: { 'no-such-rule': 'off' } })).toThrow(CheckOptionsError);
    expect(() => check('x', { rules: { 'percent-or-points': 'loud' as never } })).toThrow(/none of off, error, warning, info/);
  });
  it('a Report without its text is refused', () => {
    expect(() => check(analyze('国内生产总值增长5.2%。'))).toThrow(/options\.text/);
  });
});
