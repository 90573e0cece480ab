/**
 * Duplicates, English: the Chinese finder (src/duplicates) keys sentences on characters, which in
 * English turns every repeated word into a "repeated phrase". English reports get sentence-level
 * duplicates instead:
 * - `duplicate-sentence`: statements with the same words (`tokenizeEn`, lower case, punctuation and
 *   spacing ignored), at least `minWords` words;
 * - `near-duplicate`: statements of at least `minWords` words whose Porter stems overlap (Jaccard
 *   ≥ 0.6, candidates found through an index of their rarer stems) and whose texts have a Dice
 *   coefficient of character bigrams (`diceEn`) of at least `threshold`; pairs group into clusters;
 *   `similarity` is the lowest Dice of a cluster.
 * These three functions used to come from **natural** (WordTokenizer, PorterStemmer,
 * DiceCoefficient), whose install pulls database clients and WordNet (~70 MB). The stemmer is now
 * the `stemmer` package (Porter's algorithm, no dependencies, bundled into dist/ at build time), the
 * tokenizer and the coefficient are a few lines here; tests/install.test.ts holds all
 * three to natural (a devDependency) on every sentence of the English corpus.
 */
import { stemmer } from 'stemmer';
import type { Duplicate, Statement } from '../schema/index.js';

/** Split on runs of anything but Latin and Cyrillic letters, digits and _ (natural's WordTokenizer). */
const GAPS = /[^A-Za-zА-Яа-я0-9_]+/;
export function tokenizeEn(s: string): string[] {
  return s.split(GAPS).filter((w) => w !== '');
}

/** The Porter stem of a word, lower-cased; words under 3 letters are kept as they are. */
export function stemEn(w: string): string {
  return w.length < 3 ? w : stemmer(w);
}

function bigrams(s: string): Set<string> {
  const t = s.length === 1 ? `${s} ` : s;
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/**
 * Dice coefficient of two strings' sets of character bigrams, after lower-casing, trimming and
 * collapsing spaces: 2 |A ∩ B| / (|A| + |B|), in [0, 1] (NaN for two strings with no bigrams).
 */
export function diceEn(a: string, b: string): number {
  return diceOfGrams(bigrams(normDice(a)), bigrams(normDice(b)));
}

function normDice(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

function diceOfGrams(x: Set<string>, y: Set<string>): number {
  let inter = 0;
  for (const g of x) if (y.has(g)) inter++;
  return (2 * inter) / (x.size + y.size);
}

const n = { tokenize: tokenizeEn, stem: stemEn };

export interface DuplicateEnOptions {
  /** shortest statement, in words, that counts (default 6) */
  minWords?: number;
  /** Dice coefficient for near-duplicates (default 0.85) */
  threshold?: number;
}

const STOP = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'as', 'we', 'will', 'our', 'be', 'is', 'are', 'was', 'were', 'that', 'this', 'its', 'it', 'from', 'have', 'has']);

export function findDuplicatesEn(text: string, statements: Statement[], options: DuplicateEnOptions = {}): Duplicate[] {
  const minWords = options.minWords ?? 6;
  const threshold = options.threshold ?? 0.85;
  const words = statements.map((s) => n.tokenize(s.text).map((w) => w.toLowerCase()));
  const keys = words.map((w) => w.join(' '));
  const found: Array<{ kind: Duplicate['kind']; members: number[]; similarity: number | null }> = [];

  // exact: the same words
  const byKey = new Map<string, number[]>();
  words.forEach((w, i) => {
    if (w.length < minWords) return;
    const list = byKey.get(keys[i]) ?? [];
    list.push(i);
    byKey.set(keys[i], list);
  });
  const exact = new Set<number>();
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    for (const i of list) exact.add(i);
    found.push({ kind: 'duplicate-sentence', members: list, similarity: null });
  }

  // near: stems overlap, then the Dice coefficient confirms; one representative per exact group
  const stems = words.map((w) => new Set(w.filter((x) => !STOP.has(x) && !/^\d+$/.test(x)).map(n.stem)));
  const df = new Map<string, number>();
  for (const s of stems) for (const x of s) df.set(x, (df.get(x) ?? 0) + 1);
  const index = new Map<string, number[]>();
  const seenKey = new Set<string>();
  const cands: number[] = [];
  words.forEach((w, i) => {
    if (w.length < minWords || seenKey.has(keys[i])) return;
    seenKey.add(keys[i]);
    cands.push(i);
  });
  for (const i of cands) {
    // the three rarest stems of a statement: a near-duplicate shares at least one of them
    const rare = [...stems[i]].sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1)).slice(0, 3);
    for (const x of rare) {
      const l = index.get(x) ?? [];
      l.push(i);
      index.set(x, l);
    }
  }
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    while (parent.has(x) && parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  const sim = new Map<number, number>();
  const tried = new Set<string>();
  // each statement's bigrams once, not once per pair it is tried in (diceEn on the two keys)
  const grams = new Map<number, Set<string>>();
  const gramsOf = (i: number): Set<string> => {
    let g = grams.get(i);
    if (!g) grams.set(i, (g = bigrams(normDice(keys[i]))));
    return g;
  };
  for (const list of index.values()) {
    // a stem shared by hundreds of statements tells none of them apart
    if (list.length > 200) continue;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a];
        const j = list[b];
        const pk = `${i}:${j}`;
        if (tried.has(pk)) continue;
        tried.add(pk);
        let inter = 0;
        for (const x of stems[i]) if (stems[j].has(x)) inter++;
        const union = stems[i].size + stems[j].size - inter;
        if (union === 0 || inter / union < 0.6) continue;
        const d = diceOfGrams(gramsOf(i), gramsOf(j));
        if (d < threshold) continue;
        const ri = find(i);
        const rj = find(j);
        if (!parent.has(ri)) parent.set(ri, ri);
        if (!parent.has(rj)) parent.set(rj, rj);
        parent.set(rj, ri);
        sim.set(ri, Math.min(sim.get(ri) ?? 1, sim.get(rj) ?? 1, d));
      }
    }
  }
  const clusters = new Map<number, number[]>();
  for (const i of parent.keys()) {
    const r = find(i);
    const l = clusters.get(r) ?? [];
    l.push(i);
    clusters.set(r, l);
  }
  for (const [r, members] of clusters) {
    if (members.length < 2) continue;
    members.sort((a, b) => a - b);
    found.push({ kind: 'near-duplicate', members, similarity: Math.round((sim.get(r) ?? 1) * 1000) / 1000 });
  }

  found.sort((a, b) => a.members[0] - b.members[0] || (a.kind < b.kind ? -1 : 1));
  return found.map((f, k) => ({
    id: `d${k + 1}`,
    kind: f.kind,
    text: statements[f.members[0]].text,
    occurrences: f.members.map((i) => ({ span: { ...statements[i].span }, statementId: statements[i].id, text: text.slice(statements[i].span.start, statements[i].span.end) })),
    count: f.members.length,
    similarity: f.similarity,
    severity: f.kind === 'duplicate-sentence' ? 'warning' : 'info',
    formulation: false,
  }));
}
