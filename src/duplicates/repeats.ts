/**
 * Maximal repeated phrases of a key stream (one document, or a whole batch with a colour per
 * document), longest first.
 *
 * Two steps keep it near-linear and small:
 * 1. a rolling hash of every window of `minLen` characters finds the windows that repeat (at least
 *    `minCount` times, or in at least two colours); only the stretches of text covered by such
 *    windows can hold a phrase we report, so only they are kept (with a separator between stretches);
 * 2. a suffix array (SA-IS) and LCP array of those stretches give the maximal repeats.
 * Every occurrence of a reported phrase lies inside a kept stretch, and a stretch ends exactly where
 * the phrase could not be extended in two places of the full text, so the repeats found are those of
 * the full text.
 */
import { SEP, fmix } from './keys.js';
import { lcpArray, maximalRepeats, suffixArray } from './suffix.js';

/** Code → dense rank while denseAlphabet runs (0: not seen); reset after each call. */
const REMAP = new Uint16Array(65536);

/** Codes → dense alphabet 1..σ (in order of first appearance) with SEP → 0; returns σ. */
export function denseAlphabet(src: Uint16Array, n: number, out: Int32Array): number {
  const seen: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = src[i];
    if (c === SEP) {
      out[i] = 0;
      continue;
    }
    let r = REMAP[c];
    if (r === 0) {
      seen.push(c);
      r = REMAP[c] = seen.length;
    }
    out[i] = r;
  }
  for (const c of seen) REMAP[c] = 0;
  return seen.length;
}

/**
 * Covered intervals, for candidates taken longest first: `reach[p]` is the furthest end of a taken
 * interval that contains p, so [s, s+len) lies inside one iff reach[s] >= s + len: O(1) to ask,
 * O(length) to add (each added interval is reported with its text anyway).
 */
export class Coverage {
  private reach: Int32Array;
  constructor(n: number) {
    this.reach = new Int32Array(n);
  }
  add(a: number, b: number): void {
    const r = this.reach;
    for (let q = a; q < b; q++) if (r[q] < b) r[q] = b;
  }
  /**
   * Add intervals [p, p + len) for sorted starts: a point takes the end of the last interval that
   * holds it, so each point is written once per call (O(union), not O(count × len), which matters
   * when the occurrences of a periodic phrase overlap).
   */
  addSorted(starts: readonly number[] | Int32Array, len: number): void {
    const r = this.reach;
    for (let i = 0; i < starts.length; i++) {
      const a = starts[i];
      const b = a + len;
      const stop = i + 1 < starts.length ? Math.min(b, starts[i + 1]) : b;
      for (let q = a; q < stop; q++) if (r[q] < b) r[q] = b;
    }
  }
  covers(s: number, len: number): boolean {
    return this.reach[s] >= s + len;
  }
}

/**
 * The stretches of s covered by a repeating window of L characters (not crossing SEP): windows seen
 * at least `minCount` times, or, with colours, in at least two colours (colour -1 counts as a colour
 * of its own: a shared sentence present in several documents). Returns the kept text (stretches
 * separated by SEP) and, for each kept position, its position in s (-1 for the separators).
 */
export function liveStretches(
  s: Int32Array,
  L: number,
  minCount: number,
  colors: Int32Array | null,
): { text: Int32Array; map: Int32Array } {
  const n = s.length;
  const empty = { text: new Int32Array(0), map: new Int32Array(0) };
  if (n < L || L < 1) return empty;
  const B = 0x01000193;
  let BL = 1; // B^(L-1)
  for (let i = 1; i < L; i++) BL = Math.imul(BL, B);

  // every window's hash and start; then one document's windows are counted, a batch's (colours)
  // sorted by hash (LSD radix, 3 × 11 bits): sequential passes instead of a hash table's random
  // probes, which dominate on a batch of tens of millions
  let m = 0;
  for (let p = 0, run = 0; p < n; p++) {
    if (s[p] === SEP) run = 0;
    else if (++run >= L) m++;
  }
  if (m === 0) return empty;
  const keys = new Uint32Array(m);
  const pos = new Int32Array(m);
  let h = 0;
  let run = 0;
  let w = 0;
  for (let p = 0; p < n; p++) {
    const c = s[p];
    if (c === SEP) {
      run = 0;
      h = 0;
      continue;
    }
    if (run >= L) h = (h - Math.imul(s[p - L], BL)) | 0;
    h = (Math.imul(h, B) + c) | 0;
    run++;
    if (run < L) continue;
    keys[w] = fmix(h) >>> 0;
    pos[w] = p - L + 1;
    w++;
  }
  const gramLive = new Uint8Array(n);
  if (!colors && minCount <= 255) {
    // one document: saturating byte counters, two rows indexed by two mixes of the hash (a count-min
    // sketch); a window counts as often as the lower of its two counters. A counter shared with other
    // windows can only count too high, so a repeating window is never missed; a rare false one keeps a
    // little more text for the exact suffix array (on the corpus 13K kept characters instead of 10K
    // of 430K), whose repeats are those of the full text either way. Four counters a window per row
    // (at most 2^27, 128 MB): 1.3 to 2 times as fast as sorting them, measured from 1M to 8M
    // characters.
    let bits = 10;
    while (1 << bits < 4 * m && bits < 27) bits++;
    const shift = 32 - bits;
    const row1 = new Uint8Array(1 << bits);
    const row2 = new Uint8Array(1 << bits);
    for (let i = 0; i < m; i++) {
      const a1 = keys[i] >>> shift;
      const a2 = Math.imul(keys[i], 0x9e3779b1) >>> shift;
      if (row1[a1] < minCount) row1[a1]++;
      if (row2[a2] < minCount) row2[a2]++;
    }
    for (let i = 0; i < m; i++) {
      const key = keys[i];
      if (row1[key >>> shift] >= minCount && row2[Math.imul(key, 0x9e3779b1) >>> shift] >= minCount) gramLive[pos[i]] = 1;
    }
  } else {
    sortAndMark(keys, pos, m, colors, minCount, gramLive);
  }
  // stretches: positions covered by a live window (gramLive is overwritten with that, in place)
  let end = 0;
  let kept = 0;
  let stretches = 0;
  for (let p = 0; p < n; p++) {
    if (gramLive[p]) end = p + L;
    if (p < end) {
      if (kept === 0 || !gramLive[p - 1]) stretches++;
      gramLive[p] = 1;
      kept++;
    } else gramLive[p] = 0;
  }
  if (kept === 0) return empty;
  const size = kept + stretches - 1;
  const text = new Int32Array(size);
  const map = new Int32Array(size);
  let k = 0;
  for (let p = 0; p < n; p++) {
    if (!gramLive[p]) continue;
    if (k > 0 && !gramLive[p - 1]) {
      text[k] = SEP;
      map[k] = -1;
      k++;
    }
    text[k] = s[p];
    map[k] = p;
    k++;
  }
  return { text, map };
}


/** Radix-sort the windows by hash (LSD, 3 × 11 bits) and mark those whose hash repeats enough. */
function sortAndMark(
  keysIn: Uint32Array,
  posIn: Int32Array,
  m: number,
  colors: Int32Array | null,
  minCount: number,
  gramLive: Uint8Array,
): void {
  let keys: Uint32Array = keysIn;
  let pos: Int32Array = posIn;
  {
    let k2: Uint32Array = new Uint32Array(m);
    let p2: Int32Array = new Int32Array(m);
    const count = new Int32Array(2048);
    for (let shift = 0; shift < 32; shift += 11) {
      count.fill(0);
      for (let i = 0; i < m; i++) count[(keys[i] >>> shift) & 2047]++;
      let sum = 0;
      for (let b = 0; b < 2048; b++) {
        const t = count[b];
        count[b] = sum;
        sum += t;
      }
      for (let i = 0; i < m; i++) {
        const at = count[(keys[i] >>> shift) & 2047]++;
        k2[at] = keys[i];
        p2[at] = pos[i];
      }
      const tk = keys;
      keys = k2;
      k2 = tk;
      const tp = pos;
      pos = p2;
      p2 = tp;
    }
  }
  // windows whose hash repeats (enough times, or in two colours) are live
  for (let i = 0; i < m; ) {
    let j = i + 1;
    while (j < m && keys[j] === keys[i]) j++;
    let ok = false;
    if (colors) {
      const c0 = colors[pos[i]];
      for (let t = i + 1; t < j; t++)
        if (colors[pos[t]] !== c0) {
          ok = true;
          break;
        }
    } else ok = j - i >= minCount;
    if (ok) for (let t = i; t < j; t++) gramLive[pos[t]] = 1;
    i = j;
  }
}

export interface Repeats {
  /** suffix array of the kept text */
  sa: Int32Array;
  /** kept position → position in the input */
  map: Int32Array;
  /** with colours: the colour of each kept position (-2 for separators) */
  keptColors: Int32Array | null;
  /** candidates, longest first: length and the SA range [lb, rb] of their occurrences */
  len: Int32Array;
  lb: Int32Array;
  rb: Int32Array;
  count: number;
}

/**
 * Maximal repeats of s (dense codes, SEP = 0) of at least minLen characters and minCount occurrences
 * (or, with colours, occurring in at least two colours), longest first.
 */
export function findRepeats(
  s: Int32Array,
  upper: number,
  minLen: number,
  minCount: number,
  colors: Int32Array | null,
): Repeats {
  const { text, map } = liveStretches(s, minLen, colors ? 2 : minCount, colors);
  const none: Repeats = { sa: new Int32Array(0), map, keptColors: null, len: new Int32Array(0), lb: new Int32Array(0), rb: new Int32Array(0), count: 0 };
  if (text.length < minLen) return none;
  const sa = suffixArray(text, upper);
  const lcp = lcpArray(text, sa, SEP);
  let keptColors: Int32Array | null = null;
  if (colors) {
    keptColors = new Int32Array(text.length);
    for (let i = 0; i < text.length; i++) keptColors[i] = map[i] >= 0 ? colors[map[i]] : -2;
  }
  let cap = 256;
  let len = new Int32Array(cap);
  let lb = new Int32Array(cap);
  let rb = new Int32Array(cap);
  let count = 0;
  let maxLen = 0;
  maximalRepeats(
    text,
    sa,
    lcp,
    SEP,
    minLen,
    colors ? 2 : minCount,
    (L, a, b) => {
      if (count === cap) {
        cap *= 2;
        const grow = (x: Int32Array) => {
          const y = new Int32Array(cap);
          y.set(x);
          return y;
        };
        len = grow(len);
        lb = grow(lb);
        rb = grow(rb);
      }
      len[count] = L;
      lb[count] = a;
      rb[count] = b;
      count++;
      if (L > maxLen) maxLen = L;
    },
    keptColors ?? undefined,
  );
  // counting sort by length, longest first; ties keep the walk's order (deterministic)
  const bucket = new Int32Array(maxLen + 2);
  for (let i = 0; i < count; i++) bucket[maxLen - len[i] + 1]++;
  for (let i = 1; i < bucket.length; i++) bucket[i] += bucket[i - 1];
  const oLen = new Int32Array(count);
  const oLb = new Int32Array(count);
  const oRb = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const at = bucket[maxLen - len[i]]++;
    oLen[at] = len[i];
    oLb[at] = lb[i];
    oRb[at] = rb[i];
  }
  return { sa, map, keptColors, len: oLen, lb: oLb, rb: oRb, count };
}
