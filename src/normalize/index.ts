/**
 * Normalise a copy of the text for matching, keeping a map back to the original offsets.
 *
 * - full-width ASCII forms (０-９, Ａ-Ｚ, ％, ．, ＋, －…) become ASCII, one code unit for one;
 * - CRLF and lone CR become LF (the CR is dropped from the copy);
 * - zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are dropped;
 * - the ideographic space U+3000 is kept (it marks paragraph indents).
 *
 * `map[i]` is the original offset of normalised code unit i; `map[norm.length]` is the original
 * length, so a normalised range [a, b) maps to the original range [map[a], map[b - 1] + 1) —
 * use `toOriginal` to do it right.
 */
export interface Normalized {
  text: string;
  map: Uint32Array;
  /** true when the copy differs from the original only by 1:1 substitutions */
  sameLength: boolean;
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

export function isZeroWidth(code: number): boolean {
  return ZERO_WIDTH.has(code);
}

/** isZeroWidth without a Set lookup, for the loop over every code unit below. */
function zeroWidth(c: number): boolean {
  return c >= 0x200b && (c <= 0x200d || c === 0x2060 || c === 0xfeff);
}

/** Full-width ASCII variant → ASCII, else the code itself. */
export function foldWidthCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) {
    // keep full-width punctuation that carries Chinese meaning as is: （）：；，！？ are sentence and
    // bracket marks we match explicitly; fold only digits, letters and numeric signs
    const ascii = code - 0xfee0;
    if (
      (ascii >= 0x30 && ascii <= 0x39) || // digits
      (ascii >= 0x41 && ascii <= 0x5a) ||
      (ascii >= 0x61 && ascii <= 0x7a) ||
      ascii === 0x25 || // %
      ascii === 0x2e || // .
      ascii === 0x2b || // +
      ascii === 0x2d || // -
      ascii === 0x2a || // *
      ascii === 0x2f // /
    ) {
      return ascii;
    }
  }
  return code;
}

/**
 * Does anything in the text need folding? Exactly the code units the loop below changes or drops:
 * CR, zero-width characters and the full-width forms foldWidthCode folds (％＊＋－．／, digits,
 * letters) — not the full-width punctuation every Chinese report is full of, which stays as is.
 * Most reports need nothing, and then the copy is the original.
 */
const NEEDS_WORK = /[\r\u200b-\u200d\u2060\ufeff\uff05\uff0a\uff0b\uff0d-\uff19\uff21-\uff3a\uff41-\uff5a]/;

export function normalize(original: string): Normalized {
  const n = original.length;
  if (!NEEDS_WORK.test(original)) {
    const map = new Uint32Array(n + 1);
    for (let i = 0; i <= n; i++) map[i] = i;
    return { text: original, map, sameLength: true };
  }
  const out = new Uint16Array(n);
  const map = new Uint32Array(n + 1);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    if (zeroWidth(c)) continue;
    if (c === 0x0d) {
      // CR LF → LF (drop the CR); lone CR → LF
      if (i + 1 < n && original.charCodeAt(i + 1) === 0x0a) continue;
      out[j] = 0x0a;
      map[j++] = i;
      continue;
    }
    out[j] = foldWidthCode(c);
    map[j++] = i;
  }
  map[j] = n;
  const text = codesToString(out, j);
  return { text, map: map.subarray(0, j + 1), sameLength: j === n };
}

/**
 * The codes as one string, made in chunks (apply's argument count is bounded) and joined: a join
 * gives a flat string, where `+=` would give a tree of chunks that every later scan of the copy
 * (numbers, placeholders, claims) walks through, half again as slow.
 */
function codesToString(codes: Uint16Array, length: number): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}

/** Map a normalised range back to the original text. */
export function toOriginal(norm: Normalized, start: number, end: number): { start: number; end: number } {
  const s = norm.map[start];
  const e = end > start ? norm.map[end - 1] + 1 : s;
  return { start: s, end: e };
}

/** Map an original offset to the first normalised offset at or after it. */
export function toNormalized(norm: Normalized, offset: number): number {
  // nothing dropped: the map is the identity
  if (norm.sameLength) return Math.min(Math.max(offset, 0), norm.map.length - 1);
  // binary search in the monotone map
  let lo = 0;
  let hi = norm.map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (norm.map[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
