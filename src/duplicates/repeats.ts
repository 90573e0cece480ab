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
import { SEP } from './keys.js';
import { lcpArray, maximalRepeats, suffixArray } from './suffix.js';

const REMAP = new Int32Array(65536);
const REMAP_STAMP = new Int32Array(65536);
let remapStamp = 0;

/** Codes → dense alphabet 1..σ with SEP → 0; returns σ. */
export function denseAlphabet(src: Uint16Array, n: number, out: Int32Array): number {
  remapStamp++;
  if (remapStamp > 0x7ffffff0) {
    REMAP_STAMP.fill(0);
    remapStamp = 1;
  }
  let sigma = 0;
  for (let i = 0; i < n; i++) {
    const c = src[i];
    if (c === SEP) {
      out[i] = 0;
      continue;
    }
    if (REMAP_STAMP[c] !== remapStamp) {
      REMAP_STAMP[c] = remapStamp;
      REMAP[c] = ++sigma;
    }
    out[i] = REMAP[c];
  }
  return sigma;
}

/** Prefix-max Fenwick tree: cover [a, b) intervals, ask whether [s, s+len) lies inside one. */
export class Coverage {
  private tree: Int32Array;
  constructor(private n: number) {
    this.tree = new Int32Array(n + 1);
  }
  add(a: number, b: number): void {
    const t = this.tree;
    for (let i = a + 1; i <= this.n; i += i & -i) if (t[i] < b) t[i] = b;
  }
  covers(s: number, len: number): boolean {
    const t = this.tree;
    let m = 0;
    for (let i = s + 1; i > 0; i -= i & -i) if (t[i] > m) m = t[i];
    return m >= s + len;
  }
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

const MULTI = -3;

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
  let cap = 1024;
  while (cap < n * 2) cap <<= 1;
  const mask = cap - 1;
  const keys = new Int32Array(cap);
  const vals = new Int32Array(cap);
  const used = new Uint8Array(cap);
  const B = 0x01000193;
  let BL = 1; // B^(L-1)
  for (let i = 1; i < L; i++) BL = Math.imul(BL, B);
  const hashes = new Int32Array(n); // window hash at p, valid when gram[p]
  const gram = new Uint8Array(n);

  // pass 1: count windows
  let h = 0;
  let run = 0; // characters since the last SEP
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
    const start = p - L + 1;
    const key = fmix(h) | 0;
    hashes[start] = key;
    gram[start] = 1;
    let i = key & mask;
    const col = colors ? colors[start] : 0;
    for (;;) {
      if (!used[i]) {
        used[i] = 1;
        keys[i] = key;
        vals[i] = colors ? col : 1;
        break;
      }
      if (keys[i] === key) {
        if (colors) {
          if (vals[i] !== MULTI && vals[i] !== col) vals[i] = MULTI;
        } else if (vals[i] < minCount) vals[i]++;
        break;
      }
      i = (i + 1) & mask;
    }
  }

  // pass 2: keep positions covered by a repeating window
  const live = new Uint8Array(n);
  let end = 0;
  let kept = 0;
  for (let p = 0; p < n; p++) {
    if (gram[p]) {
      const key = hashes[p];
      let i = key & mask;
      while (keys[i] !== key) i = (i + 1) & mask;
      const v = vals[i];
      if (colors ? v === MULTI : v >= minCount) end = p + L;
    }
    if (p < end) {
      live[p] = 1;
      kept++;
    }
  }
  if (kept === 0) return empty;
  const text = new Int32Array(kept * 2 + 1);
  const map = new Int32Array(kept * 2 + 1);
  let k = 0;
  for (let p = 0; p < n; p++) {
    if (!live[p]) continue;
    if (p > 0 && !live[p - 1] && k > 0) {
      text[k] = SEP;
      map[k] = -1;
      k++;
    }
    text[k] = s[p];
    map[k] = p;
    k++;
  }
  return { text: text.slice(0, k), map: map.slice(0, k) };
}

export interface Repeats {
  /** suffix array of the kept text */
  sa: Int32Array;
  /** kept position → position in the input */
  map: Int32Array;
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
  const none: Repeats = { sa: new Int32Array(0), map, len: new Int32Array(0), lb: new Int32Array(0), rb: new Int32Array(0), count: 0 };
  if (text.length < minLen) return none;
  const sa = suffixArray(text, upper);
  const lcp = lcpArray(text, sa, SEP);
  let keptColors: Int32Array | undefined;
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
    keptColors,
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
  return { sa, map, len: oLen, lb: oLb, rb: oRb, count };
}
