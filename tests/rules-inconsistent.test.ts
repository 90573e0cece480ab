/**
 * inconsistent-figure (#20): an amount or a count after a metric named in three characters or more
 * is one figure (restated with another value: caught); money put into something unnamed (省级财政
 * 安排…亿元) is not — the false alarms it gave on Guangdong 2017.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { check } from '../src/index.js';

const corpus = new URL('../../shared/corpus/', import.meta.url).pathname;
const read = (p: string) => readFileSync(corpus + p, 'utf8');
const RULES = { 'percent-or-points': 'off', 'figures-do-not-add-up': 'off' } as const;
const inconsistent = (text: string) => check(text, { rules: RULES }).filter((f) => f.ruleId === 'inconsistent-figure');

/** `text` with the line holding `sentence` followed by a new paragraph: the sentence, `from` put as `to` */
function restated(text: string, sentence: string, from: string, to: string): { text: string; at: number } {
  const at = text.indexOf(sentence);
  expect(at, sentence).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n', at);
  const copy = sentence.replace(from, to);
  return { text: `${text.slice(0, end)}\n${copy}${text.slice(end)}`, at: end + 1 + copy.indexOf(to) };
}

describe('inconsistent-figure on amounts and counts named by their text', () => {
  const zj = read('zh/prov-zhejiang-2025-gov-work-report.zh.txt');
  const sentence = '加强住房保障工作，建设筹集保障性租赁住房25.1万套（间），实施城中村改造3.6万户。';

  it('Zhejiang 2025 as published has none', () => expect(inconsistent(zj)).toEqual([]));
  it('its 保障性租赁住房 restated as written raises nothing', () => {
    expect(inconsistent(restated(zj, sentence, '25.1万套', '25.1万套').text)).toEqual([]);
  });
  it('restated as 25.2万套 is caught on the copy, related to the original', () => {
    const r = restated(zj, sentence, '25.1万套', '25.2万套');
    const f = inconsistent(r.text);
    expect(f).toHaveLength(1);
    expect(f[0].place.start.offset).toBe(r.at);
    expect(f[0].expected).toEqual(['25.1万套']);
    expect(f[0].related?.[0].place.start.offset).toBe(zj.indexOf('25.1万套'));
  });
  it('sums of money put into unnamed things are not one figure (Guangdong 2017: 省级财政安排4.82亿元 … 15.82亿元)', () => {
    const gd = read('series/guangdong/prov-guangdong-2017-gov-work-report.zh.txt');
    expect(gd).toContain('省级财政安排4.82亿元');
    expect(inconsistent(gd)).toEqual([]);
  });
  it('a count before a long name is one figure: 新建105家街道乡镇区域养老服务中心 restated as 106家 is caught (Beijing 2025)', () => {
    const bj = read('zh/city-beijing-2025-gov-work-report.zh.txt');
    const line = bj.split('\n').find((l) => l.includes('新建105家街道乡镇区域养老服务中心'))!;
    const sentence = line.slice(line.indexOf('健全养老服务体系'), line.indexOf('。', line.indexOf('健全养老服务体系')) + 1);
    const r = restated(bj, sentence, '105家', '106家');
    expect(inconsistent(r.text).map((f) => f.place.start.offset)).toEqual([r.at]);
  });
  it('counts before a short name are sets that did something, not one figure (Guangdong 2021: 建设10家省实验室 … 建设5家省实验室)', () => {
    const gd = read('series/guangdong/prov-guangdong-2021-gov-work-report.zh.txt');
    expect(gd).toContain('建设5家省实验室');
    expect(inconsistent(gd)).toEqual([]);
  });
});
