/**
 * The docs (issue #18): docs/model.md is what scripts/gen-model-doc.mjs makes of the zod schema;
 * every rule's link in a finding opens an existing section of the shipped docs/rules.md, and every
 * rule of the rules stage (TEXT_RULES and FIGURE_RULES) has a section there and a row of its table;
 * every relative link of the README and docs/ resolves to a file and an anchor; the README stays a short
 * user's guide whose set-up commands are the ones CI runs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modelDoc } from '../scripts/gen-model-doc.mjs';
import * as ruleStage from '../src/rules/index.js';
import { ALL_RULES, RULE_INFO } from '../src/rules/index.js';
import { ruleDocUrl, rulesDocUrl } from '../src/rules/url.js';
import { DuplicateKind } from '../src/schema/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (p: string) => readFileSync(p, 'utf8');

/** anchors a Markdown file defines: explicit <a id> / id="…", and GitHub's heading slugs */
function anchors(md: string): Set<string> {
  const out = new Set<string>();
  for (const m of md.matchAll(/\bid="([^"]+)"/g)) out.add(m[1]);
  for (const m of md.matchAll(/^#{1,6} +(.+)$/gm)) {
    out.add(
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    );
  }
  return out;
}

/** [text](target) links of a Markdown file, code spans and fenced blocks left out */
function links(md: string): string[] {
  const prose = md.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
}

const DOCS = [join(ROOT, 'README.md'), ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'docs', f))];

describe('docs/model.md', () => {
  it('is what the schema generates (run `npm run docs` after a schema change)', () => {
    expect(read(join(ROOT, 'docs', 'model.md'))).toBe(modelDoc());
  });

  it('documents every field of the Report and every duplicate kind', () => {
    const md = read(join(ROOT, 'docs', 'model.md'));
    for (const f of ['schemaVersion', 'sections', 'statements', 'placeholders', 'claims', 'duplicates', 'stats', 'warnings']) expect(md).toContain(`| \`${f}\` |`);
    for (const k of DuplicateKind.options) expect(md).toContain(`\`${k}\``);
  });
});

describe("the findings' rule links", () => {
  it('point into the docs/rules.md beside this package, as a file: URL', () => {
    expect(rulesDocUrl().startsWith('file://')).toBe(true);
    expect(fileURLToPath(rulesDocUrl())).toBe(join(ROOT, 'docs', 'rules.md'));
  });

  it("open an existing file and an anchor of it, for every rule, in findings and in SARIF's rule table", () => {
    expect(RULE_INFO.map((r) => r.id)).toEqual(ALL_RULES.map((r) => r.meta.id));
    for (const r of RULE_INFO) {
      for (const url of [r.url, ruleDocUrl(r.id)]) {
        const u = new URL(url);
        expect(u.protocol).toBe('file:');
        const file = fileURLToPath(u);
        expect(existsSync(file), file).toBe(true);
        expect(anchors(read(file)), u.hash).toContain(u.hash.slice(1));
      }
    }
  });

  it('never name a repository that does not exist', () => {
    for (const f of DOCS) expect(read(f), f).not.toContain('github.com/baogao');
    expect(read(join(ROOT, 'package.json'))).not.toContain('github.com/baogao');
  });
});

/** Every rule id the code knows: the rules stage's modules, text rules and figure rules (ALL_RULES). */
function codeRuleIds(): string[] {
  const ids = new Set<string>();
  for (const list of [ruleStage.FIGURE_RULES, ruleStage.TEXT_RULES, ruleStage.ALL_RULES]) for (const r of list) ids.add(r.meta.id);
  return [...ids];
}

describe('docs/rules.md documents every rule of the code', () => {
  const md = read(join(ROOT, 'docs', 'rules.md'));
  const ids = codeRuleIds();
  const table = md.slice(0, md.indexOf('\n## '));
  const rows = [...table.matchAll(/^\| \[`([^`]+)`\]\(#rule-([^)]+)\) \|/gm)];

  it('knows the text rules and the four figure rules', () => {
    for (const id of ['placeholder', 'reused-sentence', 'inconsistent-figure', 'percent-or-points', 'figures-do-not-add-up', 'disagrees-with-reference']) expect(ids).toContain(id);
    expect(ids.length).toBeGreaterThanOrEqual(11);
  });

  for (const id of ids) {
    it(`${id}: a section (anchor rule-${id}) and a row of the table at the top`, () => {
      expect(anchors(md)).toContain(`rule-${id}`);
      expect(md).toContain(`<a id="rule-${id}"></a>\n## \`${id}\``);
      expect(rows.some((r) => r[1] === id && r[2] === id), `row of ${id}`).toBe(true);
    });
  }

  it("the figure rules' own links (meta.anchor, ruleDocUrl) open their section of the shipped file", () => {
    for (const r of ruleStage.FIGURE_RULES) {
      expect(r.meta.anchor).toBe(`rule-${r.meta.id}`);
      const u = new URL(ruleDocUrl(r.meta.id));
      expect(u.protocol).toBe('file:');
      expect(fileURLToPath(u)).toBe(join(ROOT, 'docs', 'rules.md'));
      expect(anchors(read(fileURLToPath(u)))).toContain(u.hash.slice(1));
    }
  });

  it('documents no rule the code does not have, and counts them right', () => {
    const documented = [...md.matchAll(/<a id="rule-([^"]+)"><\/a>/g)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...ids].sort());
    expect(rows.map((r) => r[1]).sort()).toEqual([...ids].sort());
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen'];
    expect(md).toContain(`reports ${words[ids.length] ?? ids.length} rules`);
  });
});

describe('links in the README and docs/', () => {
  for (const f of DOCS) {
    it(`resolve: ${f.slice(ROOT.length)}`, () => {
      const md = read(f);
      const found = links(md);
      for (const l of found) {
        if (/^[a-z]+:/i.test(l)) continue; // absolute URLs: none are checked here
        const [path, hash] = l.split('#');
        const target = path ? resolve(dirname(f), decodeURIComponent(path)) : f;
        expect(existsSync(target), `${l} in ${f}`).toBe(true);
        if (hash) expect(anchors(read(target)), `${l} in ${f}`).toContain(hash);
      }
    });
  }
});

describe('the README', () => {
  const readme = read(join(ROOT, 'README.md'));

  it('is a short guide: under 10 KB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(10 * 1024);
  });

  it("has the set-up commands that CI runs, in .ci/run's order", () => {
    const setup = readme.slice(readme.indexOf('## Set up'));
    const block = setup.slice(setup.indexOf('```sh') + 5, setup.indexOf('```', setup.indexOf('```sh') + 5));
    const commands = block
      .split('\n')
      .map((l) => l.replace(/#.*$/, '').trim())
      .filter(Boolean);
    expect(commands.length).toBeGreaterThanOrEqual(3);
    const ci = read(join(ROOT, '.ci', 'run'))
      .split('\n')
      .map((l) => l.trim());
    let at = -1;
    for (const c of commands) {
      const i = ci.indexOf(c, at + 1);
      expect(i, `"${c}" in .ci/run`).toBeGreaterThan(at);
      at = i;
    }
  });

  it('links the rule reference, the model and the measurements', () => {
    for (const d of ['docs/rules.md', 'docs/model.md', 'docs/performance.md']) expect(links(readme).some((l) => l.startsWith(d))).toBe(true);
  });
});
