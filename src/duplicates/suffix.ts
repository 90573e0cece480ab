/**
 * Suffix array (SA-IS, linear time; a port of the AtCoder Library's `sa_is`), LCP array (Kasai) that
 * never matches across the separator value, and a bottom-up walk over the LCP intervals that yields
 * the maximal repeats: substrings that occur at least `minCount` times and can be extended neither
 * to the right (an LCP interval) nor to the left (the characters before their occurrences differ).
 */

/** Suffix array of s (values in [0, upper]). */
export function suffixArray(s: Int32Array, upper: number): Int32Array {
  const n = s.length;
  if (n === 0) return new Int32Array(0);
  if (n === 1) return Int32Array.of(0);
  if (n === 2) return s[0] < s[1] ? Int32Array.of(0, 1) : Int32Array.of(1, 0);
  if (n < 10) return naive(s);

  const sa = new Int32Array(n);
  const ls = new Uint8Array(n); // 1 = S-type
  for (let i = n - 2; i >= 0; i--) ls[i] = s[i] === s[i + 1] ? ls[i + 1] : s[i] < s[i + 1] ? 1 : 0;
  const sumL = new Int32Array(upper + 2);
  const sumS = new Int32Array(upper + 2);
  for (let i = 0; i < n; i++) {
    if (!ls[i]) sumS[s[i]]++;
    else sumL[s[i] + 1]++;
  }
  for (let i = 0; i <= upper; i++) {
    sumS[i] += sumL[i];
    if (i < upper) sumL[i + 1] += sumS[i];
  }
  const buf = new Int32Array(upper + 2);

  const induce = (lms: Int32Array, m: number) => {
    sa.fill(-1);
    buf.set(sumS);
    for (let t = 0; t < m; t++) {
      const d = lms[t];
      if (d === n) continue;
      sa[buf[s[d]]++] = d;
    }
    buf.set(sumL);
    sa[buf[s[n - 1]]++] = n - 1;
    for (let i = 0; i < n; i++) {
      const v = sa[i];
      if (v >= 1 && !ls[v - 1]) sa[buf[s[v - 1]]++] = v - 1;
    }
    buf.set(sumL);
    for (let i = n - 1; i >= 0; i--) {
      const v = sa[i];
      if (v >= 1 && ls[v - 1]) sa[--buf[s[v - 1] + 1]] = v - 1;
    }
  };

  const lmsMap = new Int32Array(n + 1).fill(-1);
  let m = 0;
  for (let i = 1; i < n; i++) if (!ls[i - 1] && ls[i]) lmsMap[i] = m++;
  const lms = new Int32Array(m);
  {
    let t = 0;
    for (let i = 1; i < n; i++) if (!ls[i - 1] && ls[i]) lms[t++] = i;
  }
  induce(lms, m);

  if (m) {
    const sortedLms = new Int32Array(m);
    {
      let t = 0;
      for (let i = 0; i < n; i++) {
        const v = sa[i];
        if (v >= 0 && lmsMap[v] !== -1) sortedLms[t++] = v;
      }
    }
    const recS = new Int32Array(m);
    let recUpper = 0;
    recS[lmsMap[sortedLms[0]]] = 0;
    for (let i = 1; i < m; i++) {
      let l = sortedLms[i - 1];
      let r = sortedLms[i];
      const endL = lmsMap[l] + 1 < m ? lms[lmsMap[l] + 1] : n;
      const endR = lmsMap[r] + 1 < m ? lms[lmsMap[r] + 1] : n;
      let same = true;
      if (endL - l !== endR - r) same = false;
      else {
        while (l < endL) {
          if (s[l] !== s[r]) break;
          l++;
          r++;
        }
        if (l === n || s[l] !== s[r]) same = false;
      }
      if (!same) recUpper++;
      recS[lmsMap[sortedLms[i]]] = recUpper;
    }
    const recSa = suffixArray(recS, recUpper);
    for (let i = 0; i < m; i++) sortedLms[i] = lms[recSa[i]];
    induce(sortedLms, m);
  }
  return sa;
}

function naive(s: Int32Array): Int32Array {
  const n = s.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => {
    if (a === b) return 0;
    while (a < n && b < n) {
      if (s[a] !== s[b]) return s[a] - s[b];
      a++;
      b++;
    }
    return a === n ? -1 : 1;
  });
  return Int32Array.from(idx);
}

/**
 * lcp[i] = length of the common prefix of suffixes sa[i-1] and sa[i] that contains no `sep`
 * (lcp[0] = 0). Kasai's algorithm; `rank` may be passed to reuse a buffer.
 */
export function lcpArray(s: Int32Array, sa: Int32Array, sep: number): Int32Array {
  const n = s.length;
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[sa[i]] = i;
  const lcp = new Int32Array(n);
  let h = 0;
  for (let i = 0; i < n; i++) {
    if (h > 0) h--;
    const r = rank[i];
    if (r === 0) {
      h = 0;
      continue;
    }
    const j = sa[r - 1];
    while (i + h < n && j + h < n && s[i + h] === s[j + h] && s[i + h] !== sep) h++;
    lcp[r] = h;
  }
  return lcp;
}

const NONE = -2;
const MIXED = -1;

function merge(a: number, b: number): number {
  if (a === NONE) return b;
  if (b === NONE || a === b) return a;
  return MIXED;
}

/**
 * Walk the LCP intervals bottom-up and call `found(length, lb, rb)` for every maximal repeat of at
 * least `minLen` characters and `minCount` occurrences (sa[lb..rb] are its start positions). With
 * `colorOf`, only repeats whose occurrences carry at least two colours (documents) are reported.
 */
export function maximalRepeats(
  s: Int32Array,
  sa: Int32Array,
  lcp: Int32Array,
  sep: number,
  minLen: number,
  minCount: number,
  found: (len: number, lb: number, rb: number) => void,
  colorOf?: Int32Array,
): void {
  const n = s.length;
  if (n === 0) return;
  const stLcp = new Int32Array(n + 1);
  const stLb = new Int32Array(n + 1);
  const stLeft = new Int32Array(n + 1);
  const stCol = new Int32Array(n + 1);
  let top = 0;
  stLcp[0] = 0;
  stLb[0] = 0;
  stLeft[0] = NONE;
  stCol[0] = NONE;
  for (let i = 1; i <= n; i++) {
    const cur = i < n ? lcp[i] : -1;
    const p = sa[i - 1];
    const leafLeft = p === 0 || s[p - 1] === sep ? MIXED : s[p - 1];
    const leafCol = colorOf ? colorOf[p] : NONE;
    stLeft[top] = merge(stLeft[top], leafLeft);
    stCol[top] = merge(stCol[top], leafCol);
    let lastLb = -1;
    let lastLeft = NONE;
    let lastCol = NONE;
    while (top >= 0 && cur < stLcp[top]) {
      const L = stLcp[top];
      const lb = stLb[top];
      const left = stLeft[top];
      const col = stCol[top];
      top--;
      if (L >= minLen && i - lb >= minCount && left === MIXED && (!colorOf || col === MIXED)) found(L, lb, i - 1);
      lastLb = lb;
      lastLeft = left;
      lastCol = col;
      if (top >= 0 && cur <= stLcp[top]) {
        stLeft[top] = merge(stLeft[top], left);
        stCol[top] = merge(stCol[top], col);
      }
    }
    if (top < 0) break;
    if (cur > stLcp[top]) {
      top++;
      stLcp[top] = cur;
      if (lastLb >= 0) {
        stLb[top] = lastLb;
        stLeft[top] = lastLeft;
        stCol[top] = lastCol;
      } else {
        stLb[top] = i - 1;
        stLeft[top] = leafLeft;
        stCol[top] = leafCol;
      }
    }
  }
}
