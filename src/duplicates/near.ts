/**
 * Near-duplicate groups without an all-pairs loop: character-bigram shingles, MinHash signatures and
 * LSH banding give candidate pairs; every candidate pair is then confirmed with an exact
 * character-level edit similarity (1 − Levenshtein / longer length), computed in a band so a pair
 * that cannot reach the threshold stops early. Confirmed pairs are joined into groups (union-find).
 *
 * Signatures: one-permutation hashing (Li, Owen & Zhang 2012) with optimal densification
 * (Shrivastava 2017). Each bigram is hashed twice, once per row; a hash's top bits pick one of 20
 * bins and the bin keeps its smallest hash, so a signature costs two hashes per bigram instead of
 * one pass per hash function (40 of them). An empty bin (short sentences have fewer bigrams than
 * bins) borrows the value of the first filled bin in a fixed order of its own, which keeps the
 * chance that two sentences agree on a bin equal to their bigram Jaccard similarity. Band b is bin b
 * of both sketches: its two rows come from independent hashes, as with 40 separate MinHash functions.
 * Measured on the sentences of 12+ key characters of 32 reports (zh/, gbk/, the seed), each copied
 * with random substitutions down to an edit similarity in [0.85, 1): 11,607 of the 11,608 copies
 * found (40 MinHash functions: 99.97%; 20×3 gave 99.8%, 10×4 91.5%), from 14,710 candidate pairs
 * among the reports' own sentences (40 functions: 10,340, and 8,000 to 27,000 with other seeds).
 *
 * Cost bounds, each documented where it is set: a bucket is walked back over its BUCKET_WALK newest
 * members only, an item gets at most MAX_CHECKS edit-distance checks (the candidates sharing the most
 * bands first) within CHECK_WORK cells, pairs inside a group of more than SMALL_GROUP members are not
 * checked again, and items over NEAR_MAX_LENGTH key characters take no part. Without them a text of
 * many near-identical sentences (第1项…, 第2项…) puts every pair in one bucket and checks them all:
 * quadratic. On the 32 reports they leave 380 candidate pairs unchecked, each sharing one band (of
 * 20); of the 11,607 copies found above, 3 share a single band with their original, 11 on average.
 */
import { fmix } from './keys.js';

/** Bands (= bins per sketch), each of ROWS = 2 rows (one sketch per row). */
const BANDS = 20;

/**
 * A bucket (one band value) is walked back over its newest members only. Near-identical sentences
 * (a template repeated with a changed number) all share most buckets; each new one then meets its
 * recent predecessors, enough to join it to their group, instead of all of them. In a real report a
 * bucket holds up to ~50 sentences that merely share common bigrams, and a near-duplicate pair
 * shares several bands, so one crowded bucket does not hide it.
 */
const BUCKET_WALK = 16;

/** Edit-distance checks per item at most (candidates sharing the most bands first). */
const MAX_CHECKS = 16;

/**
 * Banded edit-distance cells per item, beyond its first check: keeps the checks of long sentences
 * (a check costs length × (2k + 1) cells) from adding up to a quadratic cost.
 */
const CHECK_WORK = 32_768;

/**
 * Pairs inside one group are still checked while it has at most this many members, so a real group
 * (two to four copies of a sentence) reports the lowest similarity of all its candidate pairs; in a
 * larger group (a template sentence repeated with changes) only the pairs that join it count.
 */
const SMALL_GROUP = 8;

/**
 * Longest item (key characters) considered. One check costs ~0.3 × length² cells; the corpus'
 * longest sentence has 453 key characters, and a longer "sentence" is an unpunctuated run.
 */
const NEAR_MAX_LENGTH = 1000;

/** For each bin i, the other bins in the order an empty bin i looks for a filled one to borrow. */
const BORROW: Uint8Array = (() => {
  const out = new Uint8Array(BANDS * (BANDS - 1));
  let x = 0x2545f491;
  for (let i = 0; i < BANDS; i++) {
    const order: number[] = [];
    for (let j = 0; j < BANDS; j++) if (j !== i) order.push(j);
    // Fisher–Yates with xorshift32: a fixed pseudo-random order per bin
    for (let q = order.length - 1; q > 0; q--) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      const r = (x >>> 0) % (q + 1);
      const t = order[q];
      order[q] = order[r];
      order[r] = t;
    }
    out.set(order, i * (BANDS - 1));
  }
  return out;
})();

/** The bit mask of a sketch whose bins are all filled. */
const FULL = (1 << BANDS) - 1;

/** The bin of a hash: its top 16 bits scaled to [0, BANDS). */
function binOf(h: number): number {
  return ((h >>> 16) * BANDS) >>> 16;
}

class UnionFind {
  parent: Int32Array;
  size: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }
  /** Joins the groups of two roots; the smaller index becomes the root. */
  join(ra: number, rb: number): number {
    const root = Math.min(ra, rb);
    const other = Math.max(ra, rb);
    this.parent[other] = root;
    this.size[root] += this.size[other];
    return root;
  }
}

export interface NearGroups {
  /** per item: its group's root (the group's smallest item) */
  root: Int32Array;
  /** per root: the lowest similarity of the group's confirmed pairs; 2 for an item in no pair */
  lowest: Float64Array;
}

/**
 * Groups of near-duplicate items (key code ranges [starts[i], ends[i]) of `codes`, all distinct):
 * items joined by pairs whose edit similarity is at least `min` and below 1. Items shorter than 2
 * code units or longer than NEAR_MAX_LENGTH take no part.
 */
export function nearGroups(codes: Uint16Array, starts: Int32Array, ends: Int32Array, min: number): NearGroups {
  const m = starts.length;
  const uf = new UnionFind(m);
  const lowest = new Float64Array(m).fill(2);
  // the two sketches: smallest hash per bin (bins filled by the current item: bit masks m1, m2)
  const v1 = new Int32Array(BANDS);
  const v2 = new Int32Array(BANDS);
  // buckets: an open-addressing table of (band value → newest entry), entries chained per bucket;
  // a slot's key and head side by side (one cache line for both), the head stored as entry + 1 so
  // that a fresh (zeroed) table is empty
  const nEntries = m * BANDS;
  let cap = 1024;
  while (cap < nEntries * 2) cap <<= 1;
  const mask = cap - 1;
  const table = new Int32Array(2 * cap);
  const eNext = new Int32Array(nEntries);
  const eItem = new Int32Array(nEntries);
  let nE = 0;
  // candidates of the current item: distinct others with the number of bands they share
  const seenBy = new Int32Array(m).fill(-1);
  const shared = new Uint8Array(m);
  const cand = new Int32Array(BANDS * BUCKET_WALK);
  for (let it = 0; it < m; it++) {
    const a = starts[it];
    const b = ends[it];
    if (b - a < 2 || b - a > NEAR_MAX_LENGTH) continue;
    // a bin keeps its smallest hash: starting each at the largest int32 gives the same minimum as
    // taking the first hash of an empty bin (a hash equal to it leaves it equal), without a branch
    // on the masks, which only say which bins were filled
    v1.fill(0x7fffffff);
    v2.fill(0x7fffffff);
    let m1 = 0;
    let m2 = 0;
    for (let p = a; p + 1 < b; p++) {
      const x = (codes[p] << 16) | codes[p + 1];
      const h1 = fmix(x ^ 0x5bd1e995);
      const h2 = fmix(Math.imul(x, 0x9e3779b1) ^ 0x27d4eb2f);
      const i1 = binOf(h1);
      const i2 = binOf(h2);
      v1[i1] = Math.min(v1[i1], h1);
      v2[i2] = Math.min(v2[i2], h2);
      m1 |= 1 << i1;
      m2 |= 1 << i2;
    }
    if (m1 !== FULL) densify(v1, m1);
    if (m2 !== FULL) densify(v2, m2);

    let nc = 0;
    for (let band = 0; band < BANDS; band++) {
      const h = fmix(Math.imul(v1[band], 0x9e3779b1) ^ v2[band] ^ Math.imul(band + 1, 0x632be5ab));
      let i = h & mask;
      while (table[2 * i + 1] !== 0 && table[2 * i] !== h) i = (i + 1) & mask;
      const slot = 2 * i;
      if (table[slot + 1] === 0) table[slot] = h;
      for (let e = table[slot + 1] - 1, walked = 0; e !== -1 && walked < BUCKET_WALK; e = eNext[e], walked++) {
        const other = eItem[e];
        if (seenBy[other] !== it) {
          seenBy[other] = it;
          shared[other] = 1;
          cand[nc++] = other;
        } else shared[other]++;
      }
      eItem[nE] = it;
      eNext[nE] = table[slot + 1] - 1;
      table[slot + 1] = ++nE;
    }

    // check the candidates sharing the most bands first (a near-duplicate shares many)
    let work = 0;
    for (let checks = 0; checks < MAX_CHECKS; checks++) {
      let best = -1;
      for (let q = 0; q < nc; q++) if (cand[q] >= 0 && (best < 0 || shared[cand[q]] > shared[cand[best]])) best = q;
      if (best < 0) break;
      const other = cand[best];
      cand[best] = -1;
      const ra = uf.find(it);
      const rb = uf.find(other);
      if (ra === rb && uf.size[ra] > SMALL_GROUP) continue;
      const oa = starts[other];
      const ob = ends[other];
      const cost = Math.max(b - a, ob - oa) * (2 * maxEdits(b - a, ob - oa, min) + 1);
      if (checks > 0 && work + cost > CHECK_WORK) break;
      work += cost;
      const sim = editSimilarity(codes, a, b, codes, oa, ob, min);
      if (sim < 0 || sim >= 1) continue;
      const root = ra === rb ? ra : uf.join(ra, rb);
      lowest[root] = Math.min(lowest[root], lowest[ra], lowest[rb], sim);
    }
  }
  const root = new Int32Array(m);
  for (let i = 0; i < m; i++) root[i] = uf.find(i);
  return { root, lowest };
}

/** Fill the bins no bigram fell into (not in the `filled` bit mask): each borrows the first filled bin in its order. */
function densify(v: Int32Array, filled: number): void {
  for (let i = 0; i < BANDS; i++) {
    if (filled & (1 << i)) continue;
    const from = i * (BANDS - 1);
    for (let q = 0; q < BANDS - 1; q++) {
      const j = BORROW[from + q];
      if (filled & (1 << j)) {
        v[i] = v[j];
        break;
      }
    }
  }
}

/** The most edits two lengths may differ by and still reach similarity `min`. */
function maxEdits(n: number, m: number, min: number): number {
  return Math.floor((1 - min) * Math.max(n, m) + 1e-9);
}

/**
 * Edit similarity of two code ranges: 1 − d / max(len), or -1 when it is below `min` (the distance is
 * only computed inside the band that could reach `min`).
 */
function editSimilarity(
  codes: Uint16Array,
  a0: number,
  a1: number,
  codesB: Uint16Array,
  b0: number,
  b1: number,
  min: number,
): number {
  const n = a1 - a0;
  const m = b1 - b0;
  const longer = Math.max(n, m);
  if (longer === 0) return 1;
  const kmax = maxEdits(n, m, min);
  if (Math.abs(n - m) > kmax) return -1;
  const d = bandedLevenshtein(codes, a0, n, codesB, b0, m, kmax);
  if (d < 0) return -1;
  const sim = 1 - d / longer;
  return sim >= min - 1e-12 ? sim : -1;
}

/** Rows of the banded Levenshtein, reused from call to call. */
let rowA = new Int32Array(256);
let rowB = new Int32Array(256);

/** Levenshtein distance if ≤ k, else -1 (Ukkonen band). */
function bandedLevenshtein(
  A: Uint16Array,
  a0: number,
  n: number,
  B: Uint16Array,
  b0: number,
  m: number,
  k: number,
): number {
  const INF = 1 << 29;
  if (rowA.length <= m) {
    rowA = new Int32Array(2 * (m + 1));
    rowB = new Int32Array(2 * (m + 1));
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= m; j++) prev[j] = j <= k ? j : INF;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(m, i + k);
    cur[0] = i <= k ? i : INF;
    if (lo > 1) cur[lo - 1] = INF;
    let rowMin = cur[0];
    const ca = A[a0 + i - 1];
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1] + (ca === B[b0 + j - 1] ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      let v = sub < del ? sub : del;
      if (ins < v) v = ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = INF;
    if (rowMin > k) return -1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[m];
  return d <= k ? d : -1;
}
