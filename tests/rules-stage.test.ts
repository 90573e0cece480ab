/**
 * The rules stage (#20): every rule is a module with complete metadata and a section of its own in
 * docs/rules.md; the library's check() gives exactly the findings `baogao check --format json` gives
 * (the seed, --against, a configuration); settling keeps the command line's semantics (graded rules
 * settle at their own grades before a configured severity or an off applies); the public signature
 * (the expectTypeOf assertions are checked by `npm run typecheck`).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/index.js';
import {
  ALL_RULES,
  check,
  CheckOptionsError,
  FIGURE_RULE_INFO,
  FIGURE_RULES,
  RULE_INFO,
  TEXT_RULES,
  type CheckOptions,
  type CheckReference,
  type Finding,
  type Report,
  type Rule,
  type RuleContext,
  type RuleMeta,
  type RuleSetting,
} from '../src/index.js';
import { planRules, settle } from '../src/rules/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const SEED = join(CORPUS, '000_304eac767b8a3bea.txt');
const G = join(CORPUS, 'series', 'guangdong');
const G23 = join(G, 'prov-guangdong-2023-gov-work-report.zh.txt');
const G22 = join(G, 'prov-guangdong-2022-gov-work-report.zh.txt');
const read = (p: string) => readFileSync(p, 'utf8');

async function cli(args: string[]): Promise<{ code: number; files: Array<{ file: string; findings: Finding[] }> }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdout: { write: (s: string | Uint8Array) => ((out += typeof s === 'string' ? s : Buffer.from(s).toString()), true) },
    stderr: { write: (s: string | Uint8Array) => ((err += String(s)), true), isTTY: false },
    cwd: ROOT,
  });
  expect(err).toBe('');
  return { code, files: JSON.parse(out).files };
}

/** what identifies a finding: its rule and its place */
const where = (f: Finding) => `${f.ruleId} ${f.place.start.offset}-${f.place.end.offset}`;

describe('rule modules', () => {
  it('each has complete metadata, a unique id, and its section rule-<id> in docs/rules.md', () => {
    const md = read(join(ROOT, 'docs', 'rules.md'));
    const ids = ALL_RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(TEXT_RULES.length + FIGURE_RULES.length);
    for (const r of ALL_RULES) {
      const m = r.meta;
      expect(m.id, m.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(['error', 'warning', 'info'], m.id).toContain(m.defaultSeverity);
      expect(m.description.length, m.id).toBeGreaterThan(20);
      expect(m.description, m.id).not.toMatch(/[\n\r]/);
      expect(m.anchor, m.id).toBe(`rule-${m.id}`);
      expect(md, m.id).toContain(`<a id="${m.anchor}"></a>`);
      expect(typeof m.needs, m.id).toBe('object');
      expect(typeof r.check, m.id).toBe('function');
      // one module per rule, named by its id
      const dir = TEXT_RULES.includes(r) ? 'text' : 'figures';
      expect(existsSync(join(ROOT, 'src', 'rules', dir, `${m.id}.ts`)), m.id).toBe(true);
    }
  });

  it("give the rule tables of SARIF, HTML and the configuration, in the stage's order", () => {
    expect(RULE_INFO.map((r) => r.id)).toEqual(ALL_RULES.map((r) => r.meta.id));
    expect(FIGURE_RULE_INFO.map((r) => r.id)).toEqual(FIGURE_RULES.map((r) => r.meta.id));
    for (const [i, r] of RULE_INFO.entries()) {
      expect(r.url).toMatch(new RegExp(`/docs/rules\\.md#${ALL_RULES[i].meta.anchor}$`));
      expect(r.description).toBe(ALL_RULES[i].meta.description);
      expect(r.defaultSeverity).toBe(ALL_RULES[i].meta.defaultSeverity);
    }
  });
});

describe('check() gives what baogao check gives', { timeout: 60_000 }, () => {
  it('on the seed: the same findings, rule and place, reason and severity', async () => {
    const { code, files } = await cli(['check', SEED, '--format', 'json']);
    expect(code).toBe(1);
    const lib = check(read(SEED), { file: files[0].file });
    expect(lib.map(where)).toEqual(files[0].findings.map(where));
    for (const id of ['placeholder', 'repeated-clause', 'repeated-phrase']) expect(lib.some((f) => f.ruleId === id), id).toBe(true);
    expect(lib).toEqual(files[0].findings);
  });

  it('with a past report (--against / against): the sentences reused, nothing else changed', async () => {
    const { files } = await cli(['check', G23, '--against', G22, '--format', 'json']);
    const past = files[0].findings.filter((f) => f.ruleId === 'reused-sentence');
    expect(past.length).toBeGreaterThan(3);
    const pastFile = past[0].related![0].file;
    const lib = check(read(G23), { file: files[0].file, against: [{ text: read(G22), file: pastFile }] });
    expect(lib).toEqual(files[0].findings);
    const alone = check(read(G23), { file: files[0].file });
    expect(alone.some((f) => f.ruleId === 'reused-sentence')).toBe(false);
  });

  it('with a configuration: rules off or re-graded, placeholder patterns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baogao-stage-'));
    const rules: Record<string, RuleSetting> = { placeholder: 'info', 'repeated-phrase': 'warning', 'near-duplicate': 'off', 'duplicate-sentence': 'error', 'inconsistent-figure': 'info' };
    const placeholders = ['待补充', '同比'];
    writeFileSync(join(dir, 'baogao.config.json'), JSON.stringify({ rules, placeholders }));
    const { files } = await cli(['check', SEED, '--config', join(dir, 'baogao.config.json'), '--format', 'json']);
    const lib = check(read(SEED), { file: files[0].file, rules, placeholders });
    expect(lib).toEqual(files[0].findings);
    expect(lib.some((f) => f.reason.includes('a pattern of baogao.config.json'))).toBe(true);
    expect(lib.filter((f) => f.ruleId === 'placeholder').every((f) => f.severity === 'info')).toBe(true);
    expect(lib.some((f) => f.ruleId === 'near-duplicate')).toBe(false);
  });
});

describe('settling', () => {
  const text = 'abcdefghij';
  const at = (ruleId: string, severity: Finding['severity'], start: number, end: number): Finding => ({
    reason: ruleId,
    ruleId,
    severity,
    file: 'a.txt',
    place: { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } },
    source: 'baogao',
    actual: text.slice(start, end),
    url: '',
  });
  const clause = at('repeated-clause', 'warning', 2, 6);
  const phrase = at('repeated-phrase', 'info', 2, 6);
  const settled = (rules: Record<string, RuleSetting>, findings = [phrase, clause]) => settle(findings, planRules({ rules }), ['a.txt']).map((f) => `${f.ruleId}:${f.severity}`);

  it('keeps at a place only the most severe finding, at the rules’ own grades', () => {
    expect(settled({})).toEqual(['repeated-clause:warning']);
    // a configured severity applies after: the phrase hidden by the clause stays hidden
    expect(settled({ 'repeated-phrase': 'warning' })).toEqual(['repeated-clause:warning']);
    expect(settled({ 'repeated-clause': 'info' })).toEqual(['repeated-clause:info']);
    // a graded rule turned off still runs: what it hides stays hidden, its own findings are left out
    expect(settled({ 'repeated-clause': 'off' })).toEqual([]);
    expect(settled({ 'repeated-phrase': 'error' }, [phrase])).toEqual(['repeated-phrase:error']);
  });

  it('a graded rule keeps its grades unless configured; minSeverity drops what is below', () => {
    const t = '全市开展学习**次，完成率达到XX%。';
    expect(check(t).filter((f) => f.ruleId === 'placeholder').map((f) => f.severity)).toEqual(['error', 'error']);
    expect(check(t, { rules: { placeholder: 'info' } }).map((f) => f.severity)).toEqual(['info', 'info']);
    expect(check(t, { rules: { placeholder: true } }).map((f) => f.severity)).toEqual(['error', 'error']);
    expect(check(t, { rules: { placeholder: 'info' }, minSeverity: 'warning' })).toEqual([]);
  });

  it('plans: the figure rules read the claims and run only when some of their findings would be kept', () => {
    expect(planRules().claims).toBe(true);
    const off = Object.fromEntries(FIGURE_RULES.map((r) => [r.meta.id, 'off' as const]));
    expect(planRules({ rules: off }).claims).toBe(false);
    expect(planRules({ minSeverity: 'error', references: false }).claims).toBe(false);
    expect(planRules({ minSeverity: 'error', references: true }).claims).toBe(true);
    // graded rules always run, off or below the minimum
    expect(planRules({ rules: { placeholder: 'off' }, minSeverity: 'error' }).rules.filter((p) => p.rule.meta.graded).every((p) => p.runs)).toBe(true);
  });

  it('refuses unknown rules, settings and patterns', () => {
    expect(() => check('x', { rules: { 'no-such-rule': 'off' } })).toThrow(/unknown rule 'no-such-rule': the rules are placeholder, .*disagrees-with-reference/);
    expect(() => check('x', { rules: { placeholder: 'loud' as never } })).toThrow(CheckOptionsError);
    expect(() => check('x', { minSeverity: 'loud' as never })).toThrow(CheckOptionsError);
    expect(() => check('x', { placeholders: ['('] })).toThrow(/placeholders\.0: not a regular expression/);
  });

  it('takes a RegExp pattern without the g flag', () => {
    const f = check('一是待补充。二是待补充。', { placeholders: [/待补充/] }).filter((x) => x.ruleId === 'placeholder');
    expect(f.map((x) => x.place.start.offset)).toEqual([2, 8]);
  });
});

describe('the public signature', () => {
  it('check(text | report, options) → findings', () => {
    expectTypeOf(check).parameter(0).toEqualTypeOf<string | Report>();
    expectTypeOf(check).parameter(1).toEqualTypeOf<CheckOptions | undefined>();
    expectTypeOf(check).returns.toEqualTypeOf<Finding[]>();
    expectTypeOf<CheckOptions['against']>().toEqualTypeOf<CheckReference[] | undefined>();
    expectTypeOf<CheckOptions['references']>().toEqualTypeOf<CheckReference[] | undefined>();
    expectTypeOf<CheckOptions['rules']>().toEqualTypeOf<Record<string, RuleSetting> | undefined>();
    expectTypeOf<CheckOptions['minSeverity']>().toEqualTypeOf<'error' | 'warning' | 'info' | undefined>();
    expectTypeOf<CheckOptions['placeholders']>().toEqualTypeOf<Array<string | RegExp> | undefined>();
    expectTypeOf<RuleSetting>().toEqualTypeOf<'off' | 'error' | 'warning' | 'info' | boolean>();
    expectTypeOf<CheckReference>().toEqualTypeOf<{ text: string; report?: Report; file?: string }>();
    // @ts-expect-error a number is no document
    expect(() => check(42)).toThrow();
  });

  it('a rule is its metadata and a pure (report, context) → findings', () => {
    expectTypeOf(ALL_RULES).toEqualTypeOf<readonly Rule[]>();
    expectTypeOf<Rule['meta']>().toEqualTypeOf<RuleMeta>();
    expectTypeOf<Parameters<Rule['check']>>().toEqualTypeOf<[report: Report, context: RuleContext]>();
    expectTypeOf<ReturnType<Rule['check']>>().toEqualTypeOf<Finding[]>();
    expectTypeOf<RuleMeta['anchor']>().toEqualTypeOf<string>();
  });
});
