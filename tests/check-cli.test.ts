/**
 * check runs the figure rules (#20): --min-severity, --rule / --no-rule, --reference, the figure
 * rules in SARIF's rule list; in process (main with an in-memory Io), on national 2024 with one
 * figure of its review restated with another value, and on the communiqué it quotes.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/index.js';
import { configLooksValid, explainConfig, globRegExp } from '../src/cli/config.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const SEED = join(CORPUS, '000_304eac767b8a3bea.txt');
const NATIONAL = readFileSync(join(CORPUS, 'zh', 'national-2024-gov-work-report.zh.txt'), 'utf8');
const COMMUNIQUE = join(CORPUS, 'reference', 'nbs-2023-statistical-communique.zh.txt');

function memoryIo() {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (s: string | Uint8Array) => ((out += typeof s === 'string' ? s : Buffer.from(s).toString()), true) },
      stderr: { write: (s: string | Uint8Array) => ((err += String(s)), true), isTTY: false },
      cwd: ROOT,
    },
    out: () => out,
    err: () => err,
  };
}

async function run(args: string[]) {
  const m = memoryIo();
  const code = await main(args, m.io);
  return { code, out: m.out(), err: m.err() };
}

const dir = mkdtempSync(join(tmpdir(), 'baogao-check-cli-'));
/** national 2024 with its summary's GDP growth (5.2%) restated as 5.3% in a paragraph of its own */
const SENTENCE = '国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。';
const at = NATIONAL.indexOf(SENTENCE);
const lineEnd = NATIONAL.indexOf('\n', at);
const CHANGED = join(dir, 'national-2024-changed.txt');
writeFileSync(CHANGED, `${NATIONAL.slice(0, lineEnd)}\n${SENTENCE.replace('5.2%', '5.3%')}${NATIONAL.slice(lineEnd)}`);
const AS_PUBLISHED = join(dir, 'national-2024.txt');
writeFileSync(AS_PUBLISHED, NATIONAL);

const findings = (out: string) => JSON.parse(out).files.flatMap((f: { findings: unknown[] }) => f.findings) as Array<{ ruleId: string; severity: string; actual: string }>;

describe('check runs the figure rules', () => {
  it('the sentence restated is in national 2024', () => expect(at).toBeGreaterThan(0));

  it('finds the restated figure with another value (inconsistent-figure), none as published', async () => {
    const changed = await run(['check', CHANGED, '--format', 'json']);
    expect(changed.err).toBe('');
    const f = findings(changed.out).filter((x) => x.ruleId === 'inconsistent-figure');
    expect(f.map((x) => x.actual)).toEqual(['5.3%']);
    const same = await run(['check', AS_PUBLISHED, '--format', 'json']);
    expect(findings(same.out).filter((x) => x.ruleId.match(/figure|percent|add-up/))).toEqual([]);
  });

  it('--no-rule turns it off; --rule keeps only the rules named', async () => {
    const off = await run(['check', CHANGED, '--format', 'json', '--no-rule', 'inconsistent-figure']);
    expect(findings(off.out).some((x) => x.ruleId === 'inconsistent-figure')).toBe(false);
    const only = await run(['check', SEED, '--format', 'json', '--rule', 'placeholder']);
    const ids = new Set(findings(only.out).map((x) => x.ruleId));
    expect([...ids]).toEqual(['placeholder']);
  });

  it('--min-severity error drops warnings and info; warning keeps warnings (a placeholder warning too)', async () => {
    const all = findings((await run(['check', SEED, '--format', 'json'])).out);
    const errors = findings((await run(['check', SEED, '--format', 'json', '--min-severity', 'error'])).out);
    const warnings = findings((await run(['check', SEED, '--format', 'json', '--min-severity', 'warning'])).out);
    expect(errors).toEqual(all.filter((x) => x.severity === 'error'));
    expect(warnings).toEqual(all.filter((x) => x.severity !== 'info'));
    expect(warnings.some((x) => x.severity === 'warning' && x.ruleId === 'placeholder')).toBe(true);
  });

  it('bad --min-severity and unknown rules are usage errors (exit 2) that name what is allowed', async () => {
    const bad = await run(['check', SEED, '--min-severity', 'loud']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--min-severity 'loud': expected error, warning or info/);
    const unknown = await run(['check', SEED, '--no-rule', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown rule 'nope' for --no-rule: the rules are placeholder, .*figures-do-not-add-up/);
  });

  it('--reference: national 2024 agrees with the communiqué on 2023 as published; 5.3% is caught as an error', async () => {
    const ok = await run(['check', AS_PUBLISHED, '--reference', COMMUNIQUE, '--format', 'json']);
    expect(findings(ok.out).filter((x) => x.ruleId === 'disagrees-with-reference')).toEqual([]);
    const bad = await run(['check', CHANGED, '--reference', COMMUNIQUE, '--format', 'json']);
    const f = findings(bad.out).filter((x) => x.ruleId === 'disagrees-with-reference');
    expect(f.map((x) => [x.actual, x.severity])).toEqual([['5.3%', 'error']]);
    expect(bad.code).toBe(1);
  });

  it("SARIF lists the figure rules with the CLI's own", async () => {
    const r = await run(['check', SEED, '--format', 'sarif']);
    const ids = JSON.parse(r.out).runs[0].tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['placeholder', 'inconsistent-figure', 'percent-or-points', 'figures-do-not-add-up', 'disagrees-with-reference']));
  });
});

describe('check --write-baseline / --baseline', () => {
  it('reports only the findings the baseline does not hold, matched by text, not by line', async () => {
    const draft = join(dir, 'draft.txt');
    const base = join(dir, 'baseline.json');
    writeFileSync(draft, NATIONAL.slice(0, lineEnd) + `\n${SENTENCE.replace('5.2%', '5.3%')}\n`);
    const first = await run(['check', draft, '--format', 'json', '--write-baseline', base]);
    const before = findings(first.out);
    expect(before.length).toBeGreaterThan(0);
    const recorded = JSON.parse(readFileSync(base, 'utf8'));
    expect(recorded.findings).toHaveLength(before.length);
    // nothing new: nothing reported, exit 0
    const same = await run(['check', draft, '--format', 'json', '--baseline', base]);
    expect(findings(same.out)).toEqual([]);
    expect(same.code).toBe(0);
    // a paragraph above moves every line; a new wrong figure below is the one finding
    writeFileSync(draft, `各位代表：\n\n${readFileSync(draft, 'utf8')}国内生产总值增长5.4%。\n`);
    const later = await run(['check', draft, '--format', 'json', '--baseline', base]);
    const now = findings(later.out).map((x) => [x.ruleId, x.actual]);
    expect(now.filter(([id]) => id === 'inconsistent-figure')).toEqual([['inconsistent-figure', '5.4%']]);
    // the others are the new sentence's own (a near-duplicate of the summary's), none of the recorded ones
    expect(now.every(([id, actual]) => id === 'inconsistent-figure' || actual.includes('5.4%'))).toBe(true);
  });

  it('a baseline that is not one, or is missing, is a usage error that says so', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"findings": 3}');
    const r = await run(['check', SEED, '--baseline', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a baseline of baogao check \(version undefined, expected 1\)/);
    const missing = await run(['check', SEED, '--baseline', join(dir, 'none.json')]);
    expect(missing.err).toMatch(/cannot read baseline .*none\.json: no such file/);
  });

  it('never writes the baseline over an input', async () => {
    const draft = join(dir, 'keep.txt');
    writeFileSync(draft, SENTENCE);
    const r = await run(['check', draft, '--write-baseline', draft]);
    expect(r.code).toBe(2);
    expect(readFileSync(draft, 'utf8')).toBe(SENTENCE);
  });
});

describe('baogao.config.json', () => {
  const ids = ['placeholder', 'near-duplicate', 'inconsistent-figure'];

  it('is found upwards from the input: rules off or re-graded, extra placeholders, ignores; README and SOURCES skipped', async () => {
    const root = mkdtempSync(join(tmpdir(), 'baogao-config-'));
    const drafts = join(root, 'drafts');
    mkdirSync(join(drafts, 'archive'), { recursive: true });
    const text = readFileSync(CHANGED, 'utf8') + '\n本段数据待补充。\n';
    writeFileSync(join(drafts, 'a.txt'), text);
    writeFileSync(join(drafts, 'archive', 'old.txt'), text);
    writeFileSync(join(drafts, 'README.md'), '# 说明\n');
    writeFileSync(join(drafts, 'SOURCES.txt'), '来源\n');
    writeFileSync(join(root, 'baogao.config.json'), JSON.stringify({ rules: { 'inconsistent-figure': 'error', 'near-duplicate': 'off' }, placeholders: ['待补充'], ignore: ['drafts/archive/**'] }));
    const r = await run(['check', drafts, '--format', 'json']);
    expect(r.err).toBe('baogao: check: skipped 3 files of the directories given (README, SOURCES, LICENSE, CHANGELOG or ignored by baogao.config.json)\n');
    const files = JSON.parse(r.out).files.map((f: { file: string }) => f.file);
    expect(files).toEqual([join(drafts, 'a.txt')]);
    const f = findings(r.out);
    expect(f.filter((x) => x.ruleId === 'inconsistent-figure').map((x) => [x.actual, x.severity])).toEqual([['5.3%', 'error']]);
    expect(f.some((x) => x.ruleId === 'near-duplicate')).toBe(false);
    expect(f.filter((x) => x.ruleId === 'placeholder' && x.actual === '待补充')).toHaveLength(1);
    // a file named on the command line is read, README or not
    const named = await run(['check', join(drafts, 'README.md'), '--format', 'json']);
    expect(named.err).toBe('');
    expect(JSON.parse(named.out).files).toHaveLength(1);
  });

  it('a bad configuration is a usage error naming each wrong key (zod explains it), and --config FILE is used as given', async () => {
    const root = mkdtempSync(join(tmpdir(), 'baogao-config-'));
    const cfg = join(root, 'my.json');
    writeFileSync(cfg, JSON.stringify({ rules: { nope: 'off', 'percent-or-points': 'loud' }, extra: 1 }));
    const r = await run(['check', SEED, '--config', cfg]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('rules.percent-or-points: expected off, error, warning, info, true or false');
    expect(r.err).toContain('Unrecognized key: "nope"');
    expect(r.err).toContain('Unrecognized key: "extra"');
    writeFileSync(cfg, '{ "rules": ');
    expect((await run(['check', SEED, '--config', cfg])).err).toMatch(/my\.json: not JSON/);
    writeFileSync(cfg, JSON.stringify({ placeholders: ['(unclosed'] }));
    expect((await run(['check', SEED, '--config', cfg])).err).toMatch(/placeholders\.0: not a regular expression/);
  });

  it('the light check accepts exactly what the zod schema accepts (property)', () => {
    const setting = fc.oneof(fc.constantFrom('off', 'error', 'warning', 'info', 'loud', true, false, 1, null));
    const config = fc.oneof(
      fc.record({ rules: fc.dictionary(fc.constantFrom(...ids, 'nope'), setting), formulations: fc.array(fc.oneof(fc.string(), fc.integer())), ignore: fc.array(fc.string()) }, { requiredKeys: [] }),
      fc.record({ placeholders: fc.oneof(fc.array(fc.string()), fc.string()), $schema: fc.oneof(fc.string(), fc.integer()), other: fc.anything() }, { requiredKeys: [] }),
      fc.anything(),
    );
    fc.assert(fc.property(config, (v) => configLooksValid(v, ids) === (explainConfig(v, ids).length === 0)), { numRuns: 300 });
  });

  it('globs: * within a name, ** across directories, a name alone anywhere', () => {
    expect(globRegExp('archive/**').test('archive/2019/a.txt')).toBe(true);
    expect(globRegExp('archive/**').test('drafts/archive/a.txt')).toBe(false);
    expect(globRegExp('*.bak.txt').test('drafts/a.bak.txt')).toBe(true);
    expect(globRegExp('drafts/*.txt').test('drafts/sub/a.txt')).toBe(false);
  });
});
