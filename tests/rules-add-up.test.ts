/**
 * figures-do-not-add-up (#20): a 其中 part above its total, shares of one split above 100%, 从A到B
 * with a change its figures do not give — caught when one figure of a real sentence is changed,
 * silent on the sentence as published and on the corpus passages that once raised false alarms.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { check } from '../src/index.js';

const corpus = new URL('../../shared/corpus/', import.meta.url).pathname;
const cases = JSON.parse(readFileSync(new URL('../fixtures/figures/add-up.json', import.meta.url), 'utf8')) as Record<string, { ok: string; bad: string; changed: string; real?: string }>;
const RULES = { 'inconsistent-figure': 'off', 'percent-or-points': 'off' } as const;
const addUp = (text: string) => check(text, { rules: RULES }).filter((f) => f.ruleId === 'figures-do-not-add-up');

/** the line of a corpus file that holds `needle` (the passage a false alarm came from) */
function lineOf(path: string, needle: string): string {
  const line = readFileSync(corpus + path, 'utf8').split('\n').find((l) => l.includes(needle));
  expect(line, `${needle} in ${path}`).toBeDefined();
  return line!;
}

describe('figures-do-not-add-up on real sentences, one figure changed', () => {
  for (const [name, c] of Object.entries(cases)) {
    if (name.startsWith('$')) continue;
    it(`${name}: silent as written, caught on ${c.changed}`, () => {
      expect(addUp(c.ok)).toEqual([]);
      if (c.real) expect(addUp(c.real)).toEqual([]);
      const f = addUp(c.bad);
      expect(f).toHaveLength(1);
      expect(f[0].actual).toBe(c.changed);
      expect(f[0].severity).toBe('warning');
      expect(f[0].url).toMatch(/rules\.md#rule-figures-do-not-add-up$/);
    });
  }
  it('from-to names the change its figures give, and the figure it changes from', () => {
    const f = addUp(cases.fromToPoints.bad)[0];
    expect(f.expected).toEqual(['6.3个百分点']);
    expect(f.reason).toContain('45.3%');
    const from = cases.fromToPoints.bad.indexOf('45.3%');
    expect(f.related?.[0].place.start.offset).toBe(from);
  });
  it('can be turned off', () => {
    expect(check(cases.part.bad, { rules: { ...RULES, 'figures-do-not-add-up': 'off' } })).toEqual([]);
  });
});

describe('what legitimately looks like parts above a total', () => {
  it('a total in brackets is not the one after 其中 (communiqué 2024: 包括…低速货车694万辆）…其中私人汽车)', () => {
    expect(addUp(lineOf('reference/nbs-2024-statistical-communique.zh.txt', '其中私人汽车保有量'))).toEqual([]);
  });
  it('a floor per student is no sum (Guangdong 2019: 不低于每生每年3000元…其中珠三角地区不低于每生每年5000元)', () => {
    expect(addUp(lineOf('series/guangdong/prov-guangdong-2019-gov-work-report.zh.txt', '其中珠三角地区不低于每生每年5000元'))).toEqual([]);
  });
  it('overlapping shares are no split (Guangdong 2021: 先进制造业、高技术制造业…比重分别达56.1%、31.1%)', () => {
    expect(addUp(lineOf('series/guangdong/prov-guangdong-2021-gov-work-report.zh.txt', '分别达56.1%、31.1%'))).toEqual([]);
  });
});
