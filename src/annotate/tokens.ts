/**
 * Stage: annotate — words. Words and part-of-speech tags are jieba's: src/annotate/jieba.ts runs
 * cppjieba's algorithm over cppjieba's dictionary and HMM model, vendored in dictionaries/jieba/
 * (nodejieba's files, unchanged; see the README there), and our user dictionary, with the same
 * results as nodejieba.tag and a fraction of its load time and memory per thread. nodejieba itself
 * is only a devDependency (the tests' reference), so installing baogao compiles nothing. The dictionary is loaded the first time words are asked for, never before, so commands that
 * need no words (sections, placeholders, exact duplicates) never pay for it. When it cannot be loaded,
 * words come from Intl.Segmenter (no tags) and one warning says so.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dictionariesDir } from '../dictionaries.js';
import { Jieba, loadJiebaFiles, shareJieba, type JiebaData } from './jieba.js';

export interface Word {
  word: string;
  tag: string;
  start: number;
  end: number;
}

let jieba: Jieba | null | undefined;
let loadError: string | null = null;

/** Where cppjieba's dictionary and HMM model are: dictionaries/jieba/ in this package. */
export function jiebaDictDir(): string {
  return join(dictionariesDir(), 'jieba');
}

/** The segmenter with the project's user dictionary, loaded once; null when it cannot be loaded. */
export function loadJieba(): Jieba | null {
  if (jieba !== undefined) return jieba;
  if (process.env.BAOGAO_NO_JIEBA === '1') {
    loadError = 'disabled by BAOGAO_NO_JIEBA=1';
    jieba = null;
    return null;
  }
  try {
    const dir = jiebaDictDir();
    const user = join(dictionariesDir(), 'jieba.user.dict.utf8');
    jieba = loadJiebaFiles(join(dir, 'jieba.dict.utf8'), join(dir, 'hmm_model.utf8'), existsSync(user) ? user : undefined);
  } catch (e) {
    loadError = e instanceof Error ? e.message.split('\n')[0] : String(e);
    jieba = null;
  }
  return jieba;
}

let sharedData: JiebaData | null = null;

/**
 * The dictionary and model in shared memory, for worker threads (loaded here first if need be); this
 * thread goes on with the shared copy too, so the process holds one. Null when it cannot be loaded.
 */
export function sharedJieba(): JiebaData | null {
  if (sharedData) return sharedData;
  const j = loadJieba();
  if (!j) return null;
  sharedData = shareJieba(j);
  jieba = new Jieba(sharedData.dict, sharedData.hmm);
  return sharedData;
}

/** Use a dictionary and model another thread loaded (see sharedJieba), unless this one has its own. */
export function adoptJieba(data: JiebaData): void {
  if (jieba) return;
  jieba = new Jieba(data.dict, data.hmm);
  sharedData = data;
}

/** Has the dictionary been loaded in this process? (for tests and the benchmark) */
export function jiebaLoaded(): boolean {
  return !!jieba;
}

/** The warning to show when words come from the fallback, or null. */
export function segmenterWarning(): string | null {
  if (jieba === undefined || jieba) return null;
  return `jieba's dictionary could not be loaded (${loadError}); words come from Intl.Segmenter, without part-of-speech tags`;
}

let segmenter: Intl.Segmenter | null = null;

const MEMO_SIZE = 4096;
const memo = new Map<string, Word[]>();

/** Words of `s` with offsets into `s`; tags are jieba's, or 'x' from the fallback. */
export function words(s: string): Word[] {
  const j = loadJieba();
  if (j) {
    // the claims stage asks for the words of one short phrase several times (a metric candidate, then
    // whether it is only verbs, then a lone verb): a third of its calls on the corpus; keep the answers
    const hit = memo.get(s);
    if (hit) return hit;
    const ws = j.tag(s);
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(s, ws);
    return ws;
  }
  const out: Word[] = [];
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  for (const seg of segmenter.segment(s)) {
    out.push({ word: seg.segment, tag: seg.isWordLike ? 'x' : 'w', start: seg.index, end: seg.index + seg.segment.length });
  }
  return out;
}
