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
