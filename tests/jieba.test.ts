/**
 * How nodejieba is loaded. load() reads an IDF table for keyword extraction, which baogao never
 * calls; dictionaries/jieba.idf.utf8 replaces the 6 MB default with one line, to load faster in
 * every thread. These tests check that the short table is well formed (cppjieba logs every bad
 * line to stderr) and that part-of-speech tags on real sentences do not depend on it.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const IDF = fileURLToPath(new URL('../dictionaries/jieba.idf.utf8', import.meta.url));
const USER = fileURLToPath(new URL('../dictionaries/jieba.user.dict.utf8', import.meta.url));
// national report 2024 (../shared/corpus/zh, see SOURCES.md): its first 200 sentences
const REPORT = fileURLToPath(new URL('../../shared/corpus/zh/national-2024-gov-work-report.zh.txt', import.meta.url));

/** nodejieba in a child process: stderr, and the tags of each sentence as `word/tag` lists */
function tagsWith(idf: string | null, sentences: string[]) {
  const script = `
    const j = require('nodejieba');
    const o = JSON.parse(process.argv[1]);
    j.load(o.idf ? { userDict: o.user, idfDict: o.idf } : { userDict: o.user });
    process.stdout.write(JSON.stringify(o.sentences.map((s) => j.tag(s).map((w) => w.word + '/' + w.tag).join(' '))));`;
  const r = spawnSync(process.execPath, ['-e', script, JSON.stringify({ idf, user: USER, sentences })], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(r.status).toBe(0);
  return { stderr: r.stderr, tags: JSON.parse(r.stdout) as string[] };
}

describe('nodejieba with the one-line IDF table', () => {
  it('every line of the table is "word idf", as cppjieba reads it', () => {
    const lines = readFileSync(IDF, 'utf8').split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^\S+ \d+(\.\d+)?$/);
  });

  it('loads without a word on stderr and tags 200 real sentences as the default table does', () => {
    const sentences = readFileSync(REPORT, 'utf8')
      .split(/(?<=[。；！？])/)
      .filter((s) => s.trim().length > 4)
      .slice(0, 200);
    expect(sentences.length).toBe(200);
    const ours = tagsWith(IDF, sentences);
    const standard = tagsWith(null, sentences);
    expect(ours.stderr).toBe('');
    expect(ours.tags).toEqual(standard.tags);
    expect(ours.tags.join(' ')).toContain('/m');
  }, 30_000);
});

/*
 * Our segmenter (src/annotate/jieba.ts) runs cppjieba's algorithm in TypeScript over nodejieba's own
 * dictionary and HMM model. nodejieba.tag is the oracle: the same words and tags on every sentence of
 * the corpus, and on edge cases of the user dictionary format.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { buildDict, buildHmm, Jieba, loadJiebaFiles } from '../src/annotate/jieba.js';
import { jiebaDictDir } from '../src/annotate/tokens.js';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const DICT = join(jiebaDictDir(), 'jieba.dict.utf8');
const HMM = join(jiebaDictDir(), 'hmm_model.utf8');
const nodejieba = createRequire(import.meta.url)('nodejieba') as {
  load(o: object): void;
  tag(s: string): Array<{ word: string; tag: string }>;
};
const show = (ws: Array<{ word: string; tag: string }>) => ws.map((w) => `${w.word}/${w.tag}`).join(' ');

/** every line (split after 。！？ and line breaks) of the corpus's plain-text reports and the seed */
function corpusLines(): string[] {
  const files = [join(CORPUS, '000_304eac767b8a3bea.txt')];
  for (const dir of ['zh', 'en', 'reference']) for (const f of readdirSync(join(CORPUS, dir)).sort()) if (/\.(txt|md)$/.test(f)) files.push(join(CORPUS, dir, f));
  return files.flatMap((f) => readFileSync(f, 'utf8').split(/(?<=[。！？\n])/)).filter((l) => l !== '');
}

describe('our jieba segmenter', () => {
  const ours = loadJiebaFiles(DICT, HMM, USER);

  it('gives the words and tags of nodejieba.tag on every sentence of the corpus (zh, en, reference, seed)', () => {
    nodejieba.load({ userDict: USER, idfDict: IDF });
    const lines = corpusLines();
    expect(lines.length).toBeGreaterThan(20_000);
    const differ: string[] = [];
    for (const l of lines) {
      const a = show(nodejieba.tag(l));
      const b = show(ours.tag(l));
      if (a !== b && differ.length < 3) differ.push(`${l}\n  nodejieba: ${a}\n  ours:      ${b}`);
    }
    expect(differ).toEqual([]);
  }, 60_000);

  it('reads the user dictionary as cppjieba does: word / word tag / word freq tag, later entries win, single characters kept from the HMM', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baogao-jieba-'));
    const user = join(dir, 'user.utf8');
    // 区块链 without a tag takes the tag rule; 新质 with a tag; 生产力 with a frequency; 鑫 a single
    // character (王鑫 and 鑫淼 are no longer joined by the HMM, and 鑫 loses its tag nr); 发展 listed
    // twice (the second tag wins); a line of four fields is ignored. U+E000–U+E002 (in no dictionary)
    // make an exact tie between two routes, which cppjieba gives to the first candidate, the shorter word
    writeFileSync(user, ['区块链', '新质 nz', '生产力 5 n', '鑫', '发展 3 v', '发展 9 vn', 'a b c d', '浙A 2 nz', '\ue000\ue001 5 n', '\ue001\ue002 5 n', ''].join('\n'));
    const sentences = ['发展新质生产力，推动区块链和鑫鑫产业发展。', '王鑫说', '鑫淼', '浙A12345号牌，GDP增长5.2%，CPI上涨0.2个百分点', '  空格 与\t制表符\n换行。。', '鑫', '', '\ue000\ue001\ue002'];
    const oracle = createRequire(import.meta.url)('nodejieba') as typeof nodejieba;
    oracle.load({ userDict: user, idfDict: IDF });
    const mine = loadJiebaFiles(DICT, HMM, user);
    for (const s of sentences) expect(show(mine.tag(s)), s).toBe(show(oracle.tag(s)));
    nodejieba.load({ userDict: USER, idfDict: IDF }); // back to the project's dictionary
  });

  it('words cover the string in order and slice back to themselves, surrogates included (property)', () => {
    const chars = fc.constantFrom('发', '展', '经', '济', '增', '长', '，', '。', ' ', '\n', 'a', 'Z', '5', '.', '%', '𠀀', '\ud800', '\udc00', '鑫', '某');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (cs) => {
        const s = cs.join('');
        let at = 0;
        for (const w of ours.tag(s)) {
          expect(w.start).toBe(at);
          expect(s.slice(w.start, w.end)).toBe(w.word);
          expect(w.end).toBeGreaterThan(w.start);
          at = w.end;
        }
        expect(at).toBe(s.length);
      }),
      { numRuns: 500 },
    );
  });

  it("gives nodejieba.tag's words and tags on random strings of Chinese, ASCII, separators and symbols (property)", () => {
    nodejieba.load({ userDict: USER, idfDict: IDF });
    // common and rare characters, words of the user dictionary, digits and letters (the HMM's ASCII
    // rules), every separator (space, tab, LF, '，', '。') and characters that are none (CR, U+3000)
    const pieces = fc.constantFrom('地区生产总值', '增长', '百分点', '同比', '鑫', '淼', '垚', '犇', '的', '了', '是', '一', '二', '第', '位', '全省', '5', '2.5', '%', 'GDP', 'a1', 'B', '.', ' ', '\t', '\n', '\r', '，', '。', '、', '\u3000', '（', '）', '*', '×', '𠀀', '某某');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (ps) => {
        const s = ps.join('');
        expect(show(ours.tag(s))).toBe(show(nodejieba.tag(s)));
      }),
      { numRuns: 1000 },
    );
  });

  it('a lone surrogate is tagged as nodejieba tags the U+FFFD it receives for it', () => {
    const s = '经济\ud800增长';
    const mine = ours.tag(s);
    nodejieba.load({ userDict: USER, idfDict: IDF });
    expect(mine.map((w) => w.tag)).toEqual(nodejieba.tag(s).map((w) => w.tag));
    expect(mine.map((w) => w.word).join('')).toBe(s);
  });

  it('a malformed dictionary or model is a clear error, not a crash', () => {
    const enc = new TextEncoder();
    expect(() => buildDict(enc.encode('经济 100 n\n增长 n\n'))).toThrow(/line 2 is not "word freq tag"/);
    expect(() => buildDict(enc.encode(''))).toThrow(/empty/);
    expect(() => buildHmm('1 2 3 4\n')).toThrow(/HMM model/);
    // a trailing space makes no field of its own, as cppjieba splits
    const d = buildDict(enc.encode('经济 100 n \n增长 50 v\n'));
    expect(new Jieba(d, buildHmm(readFileSync(HMM, 'utf8'))).tag('经济增长').map((w) => `${w.word}/${w.tag}`)).toEqual(['经济/n', '增长/v']);
  });
});

describe('without jieba', () => {
  it("says so in the report's warnings and still finds the claims, with words from Intl.Segmenter", () => {
    const seed = fileURLToPath(new URL('../../shared/corpus/000_304eac767b8a3bea.txt', import.meta.url));
    const run = (env: Record<string, string>) => {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'baogao.cjs'), 'analyze', seed, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout) as { warnings: string[]; claims: Array<{ metric: { text: string } }> };
    };
    const off = run({ BAOGAO_NO_JIEBA: '1' });
    expect(off.warnings).toEqual(["jieba's dictionary could not be loaded (disabled by BAOGAO_NO_JIEBA=1); words come from Intl.Segmenter, without part-of-speech tags"]);
    const on = run({});
    expect(on.warnings).toEqual([]);
    expect(off.claims.length).toBe(on.claims.length);
    expect(off.claims.length).toBeGreaterThan(50);
  }, 30_000);
});
