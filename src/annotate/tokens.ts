/**
 * Stage: annotate — words. nodejieba gives words and part-of-speech tags; it loads its dictionary
 * (about 1.5 s) the first time words are asked for, never before, so commands that need no words
 * (sections, placeholders, exact duplicates) never pay for it. When nodejieba cannot be loaded,
 * words come from Intl.Segmenter (no tags) and one warning says so.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dictionariesDir } from '../dictionaries.js';

export interface Word {
  word: string;
  tag: string;
  start: number;
  end: number;
}

interface Jieba {
  load(opts?: { userDict?: string; idfDict?: string }): void;
  tag(s: string): Array<{ word: string; tag: string }>;
  cut(s: string): string[];
}

let jieba: Jieba | null | undefined;
let loadError: string | null = null;

/** nodejieba with the project's user dictionary, loaded once; null when it cannot be loaded. */
export function loadJieba(): Jieba | null {
  if (jieba !== undefined) return jieba;
  if (process.env.BAOGAO_NO_JIEBA === '1') {
    loadError = 'disabled by BAOGAO_NO_JIEBA=1';
    jieba = null;
    return null;
  }
  try {
    const require = createRequire(import.meta.url);
    const j = require('nodejieba') as Jieba;
    const dir = dictionariesDir();
    const user = join(dir, 'jieba.user.dict.utf8');
    // load() also reads an IDF table (6 MB) for keyword extraction, which we never call: a one-line
    // table (dictionaries/jieba.idf.utf8) saves about 330 ms and 20 MB per thread; tags are unchanged
    const idf = join(dir, 'jieba.idf.utf8');
    j.load({ ...(existsSync(user) ? { userDict: user } : {}), ...(existsSync(idf) ? { idfDict: idf } : {}) });
    jieba = j;
  } catch (e) {
    loadError = e instanceof Error ? e.message.split('\n')[0] : String(e);
    jieba = null;
  }
  return jieba;
}

/** Has the dictionary been loaded in this process? (for tests and the benchmark) */
export function jiebaLoaded(): boolean {
  return !!jieba;
}

/** The warning to show when words come from the fallback, or null. */
export function segmenterWarning(): string | null {
  if (jieba === undefined || jieba) return null;
  return `nodejieba could not be loaded (${loadError}); words come from Intl.Segmenter, without part-of-speech tags`;
}

let segmenter: Intl.Segmenter | null = null;

/** Words of `s` with offsets into `s`; tags are jieba's, or 'x' from the fallback. */
export function words(s: string): Word[] {
  const out: Word[] = [];
  const j = loadJieba();
  if (j) {
    let at = 0;
    for (const { word, tag } of j.tag(s)) {
      // jieba returns the words in order and covers the string; find each to stay exact
      const k = s.indexOf(word, at);
      const start = k === -1 ? at : k;
      out.push({ word, tag, start, end: start + word.length });
      at = start + word.length;
    }
    return out;
  }
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  for (const seg of segmenter.segment(s)) {
    out.push({ word: seg.segment, tag: seg.isWordLike ? 'x' : 'w', start: seg.index, end: seg.index + seg.segment.length });
  }
  return out;
}
