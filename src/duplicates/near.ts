/**
 * Near-duplicate candidates without an all-pairs loop: character-bigram shingles, MinHash signatures
 * and LSH banding; every candidate pair is then confirmed with an exact character-level edit
 * similarity (1 − Levenshtein / longer length), computed in a band so a pair that cannot reach the
 * threshold costs O(k·n).
 */

export interface NearParams {
  /** MinHash functions = bands × rows */
  bands: number;
  rows: number;
}

export const DEFAULT_NEAR: NearParams = { bands: 20, rows: 3 };

const SEEDS: Int32Array = (() => {
  const out = new Int32Array(512);
  let x = 0x2545f491;
  for (let i = 0; i < out.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x | 0;
  }
  return out;
})();

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/**
 * Candidate pairs among `items` (keys as code ranges of `codes`): pairs [i, j] with i < j that share
 * at least one LSH band. Items shorter than 2 code units are skipped.
 */
export function lshCandidates(
  codes: Uint16Array,
  starts: Int32Array,
  ends: Int32Array,
  params: NearParams = DEFAULT_NEAR,
): Array<[number, number]> {
  const m = starts.length;
  const k = Math.min(200, params.bands * params.rows);
  const sig = new Int32Array(k);
  const buckets = new Map<number, number[]>();
  const pairs: Array<[number, number]> = [];
  const seen = new Set<number>();
  for (let it = 0; it < m; it++) {
    const a = starts[it];
    const b = ends[it];
    if (b - a < 2) continue;
    sig.fill(0x7fffffff);
    for (let p = a; p + 1 < b; p++) {
      const h = fmix((codes[p] << 16) ^ codes[p + 1] ^ 0x5bd1e995);
      // h is well mixed, so a random odd multiplier and offset per function make the permutations
      for (let f = 0; f < k; f++) {
        const x = (Math.imul(h, SEEDS[2 * f] | 1) + SEEDS[2 * f + 1]) | 0;
        if (x < sig[f]) sig[f] = x;
      }
    }
    for (let band = 0; band < params.bands; band++) {
      let h = SEEDS[400 + (band % 100)] ^ band;
      for (let r = 0; r < params.rows; r++) h = fmix(h ^ sig[band * params.rows + r]) + r;
      const list = buckets.get(h);
      if (list === undefined) {
        buckets.set(h, [it]);
        continue;
      }
      for (const other of list) {
        const key = other * m + it;
        if (!seen.has(key)) {
          seen.add(key);
          pairs.push([other, it]);
        }
      }
      list.push(it);
    }
  }
  return pairs;
}

/**
 * Edit similarity of two code ranges: 1 − d / max(len), or -1 when it is below `min` (the distance is
 * only computed inside the band that could reach `min`).
 */
export function editSimilarity(
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
  const kmax = Math.floor((1 - min) * longer + 1e-9);
  if (Math.abs(n - m) > kmax) return -1;
  const d = bandedLevenshtein(codes, a0, n, codesB, b0, m, kmax);
  if (d < 0) return -1;
  const sim = 1 - d / longer;
  return sim >= min - 1e-12 ? sim : -1;
}

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
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
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
