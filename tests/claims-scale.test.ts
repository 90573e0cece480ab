/**
 * Issue #17: claims were quadratic in numbers × slogans or periods within one statement (a long
 * statement mixing dates, “十四五”-style names and numbers grew 56× from 100K to 1M characters).
 * Eight times the text must cost far less than 64 times the time; the bound leaves room for a VM whose
 * speed moves 30% within minutes.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/index.js';

function time(s: string): number {
  const t0 = performance.now();
  analyze(s, { duplicates: false });
  return performance.now() - t0;
}

describe('claims stay linear in one long statement', () => {
  it.each([
    ['numbers, periods and slogans', '2024年“十四五”期间增长5%，“两个确立”达到3亿元，'],
    ['a range of dates before a plan period', '2024年1月至“十四五”期间增长5%、'],
  ])('%s', (_name, unit) => {
    const make = (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
    time(make(20_000)); // warm up: the word dictionary and the JIT
    const small = Math.min(time(make(50_000)), time(make(50_000)));
    const large = time(make(400_000));
    expect(large / small).toBeLessThan(24);
  }, 60_000);
});
