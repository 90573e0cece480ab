/**
 * The HTML pages from the library (#21): what `--format html` writes, for a developer who has a
 * report, findings or a targets table in hand — one self-contained document under its CSP, with the
 * report's text escaped.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze, check, renderAnalyzeHtml, renderCheckHtml, renderTargetsHtml, targets, type CheckResult } from '../src/index.js';
import { RULE_INFO } from '../src/rules/index.js';

const corpus = new URL('../../shared/corpus/', import.meta.url).pathname;
const seed = readFileSync(corpus + '000_304eac767b8a3bea.txt', 'utf8');
const one = (pieces: Iterable<string> | string) => (typeof pieces === 'string' ? pieces : [...pieces].join(''));

function isPage(html: string): void {
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html.match(/<html/g)).toHaveLength(1);
  expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
  expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
}

describe('HTML pages from the library', () => {
  it('renderAnalyzeHtml: the outline and claims of a report, its text escaped', () => {
    const text = `${seed}\n<script>alert(1)</script>\n`;
    const html = one(renderAnalyzeHtml(analyze(text), text, 'seed.txt', { generator: 'test' }));
    isPage(html);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('renderCheckHtml: the findings of check() marked in their draft', () => {
    const findings = check(seed, { file: 'seed.txt' });
    const result: CheckResult = { files: [{ file: 'seed.txt', findings, reuse: [], text: seed }], unreadable: [] };
    const html = one(renderCheckHtml(result, { generator: 'test', rules: RULE_INFO }));
    isPage(html);
    expect(findings.length).toBeGreaterThan(0);
    // each finding its item in the side list (data-f on <li>) and its mark in the text
    expect((html.match(/<li class="[^"]*" id="l\d+-\d+" data-f=/g) ?? []).length).toBe(findings.length);
    expect((html.match(/<mark [^>]*data-f=/g) ?? []).length).toBeGreaterThanOrEqual(findings.length);
  });

  it('renderTargetsHtml: the table of targets()', () => {
    const inputs = ['zh/national-2019-gov-work-report.zh.txt', 'zh/national-2020-gov-work-report.zh.txt'].map((f) => {
      const text = readFileSync(corpus + f, 'utf8');
      return { report: analyze(text), text, file: f };
    });
    const html = one(renderTargetsHtml(targets(inputs), { generator: 'test' }));
    isPage(html);
    expect(html).toContain('gdp');
  });

  it('types: generators of the page’s pieces, or the page', () => {
    expectTypeOf(renderAnalyzeHtml).returns.toMatchTypeOf<Iterable<string>>();
    expectTypeOf(renderCheckHtml).parameter(0).toEqualTypeOf<CheckResult>();
    expectTypeOf(renderTargetsHtml).returns.toEqualTypeOf<string>();
  });
});
