// The benchmark's corpus: every report in ../shared/corpus/zh/ (sorted) and the seed
// ../shared/corpus/000_304eac767b8a3bea.txt, first. BAOGAO_CORPUS=/path/to/corpus/ points elsewhere.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = process.env.BAOGAO_CORPUS ?? fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
export const SEED = join(CORPUS_DIR, '000_304eac767b8a3bea.txt');

/** The corpus files: the seed, then zh/*.txt in name order. */
export function corpusPaths() {
  const zh = join(CORPUS_DIR, 'zh');
  return [SEED, ...readdirSync(zh).filter((f) => f.endsWith('.txt')).sort().map((f) => join(zh, f))];
}

export function corpusTexts() {
  return corpusPaths().map((p) => readFileSync(p, 'utf8'));
}

/** `n` paths cycling through the corpus (a batch of n reports). */
export function batchPaths(n) {
  const all = corpusPaths();
  return Array.from({ length: n }, (_, i) => all[i % all.length]);
}

/**
 * About `n` characters of reports concatenated (cycling through the corpus, a blank line between two
 * reports), cut at the last line break before `n`. Past the corpus's ~490K distinct characters the
 * reports repeat, so the 2M text holds every paragraph about four times.
 */
export function concatenated(texts, n) {
  let s = '';
  for (let k = 0; s.length < n; k++) s += (s ? '\n\n' : '') + texts[k % texts.length];
  const cut = s.lastIndexOf('\n', n);
  return s.slice(0, cut > n / 2 ? cut : n);
}
