/**
 * jieba's word segmentation and part-of-speech tags, in TypeScript: the algorithm of cppjieba (the
 * C++ library inside nodejieba) — MixSegment (maximum-probability route over a dictionary DAG, then an
 * HMM for runs of unknown single characters) and PosTagger — over the same dictionary and HMM model
 * files that nodejieba ships, plus the project's user dictionary.
 *
 * Why not call nodejieba: its binding builds a trie of hash maps per thread and loads the dictionary
 * twice (once more for TextRank, which we never use): 1.3 s and about 250 MB per thread, paid again by
 * every worker of a batch. Loading it here takes a fraction of that (typed arrays, one pass), and the
 * words come back with their offsets. tests/jieba.test.ts holds `tag` to nodejieba.tag on every
 * sentence of the corpus.
 *
 * Faithful to cppjieba, including its quirks: separators (space, tab, LF, '，', '。') are words of
 * their own; a word's tag is its dictionary tag, else 'm' when all its ASCII is digits, 'eng' when it
 * has other ASCII, 'x' when none (counting only the first half of the word, as cppjieba does).
 * Characters are code points, as cppjieba's runes; a lone surrogate counts as U+FFFD, which is what
 * nodejieba receives for it.
 */
import { readFileSync } from 'node:fs';

/** cppjieba's "minus infinity" and its maximum word length */
const MIN_DOUBLE = -3.14e100;
const MAX_WORD_LENGTH = 512;
/** PreFilter's separators: space, tab, LF, '，', '。' */
const SEPARATORS = new Set([0x20, 0x09, 0x0a, 0xff0c, 0x3002]);

/** the dictionary as a trie: nodes are numbers, edges (node, code point) → node in a hash table */
export interface JiebaDict {
  /**
   * Edges below the root, open addressing with linear probing: slot h is edges[3h..3h+2] = parent
   * node + 1 (0: empty), code point, child node — one cache line holds a probe and its neighbours
   */
  edges: Int32Array;
  mask: number;
  /** the root's children by BMP code point (−1: none); the root's other children are in `edges` */
  rootChild: Int32Array;
  /** per node: the dictionary entry that ends there, or −1 */
  nodeUnit: Int32Array;
  weights: Float64Array;
  /** per entry: index into tags ('' when the entry has none) */
  unitTag: Int32Array;
  tags: string[];
  minWeight: number;
  /** single characters of the user dictionary: never handed to the HMM */
  userSingles: Set<number>;
}

export interface HmmModel {
  start: Float64Array; // [4]
  trans: Float64Array; // [4 × 4], from × 4 + to
  /** emission log-probabilities of the BMP per state (MIN_DOUBLE when absent), and above it */
  emitBmp: Float64Array[];
  emitAstral: Map<number, number>[];
}

function hash(node: number, code: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca77)) >>> 0;
}

/** child of `node` by code point `code`, or −1 */
function child(d: JiebaDict, node: number, code: number): number {
  if (node === 0 && code < 0x10000) return d.rootChild[code];
  const { edges, mask } = d;
  const key = node + 1;
  let h = hash(node, code) & mask;
  for (;;) {
    const k = edges[h * 3];
    if (k === 0) return -1;
    if (k === key && edges[h * 3 + 1] === code) return edges[h * 3 + 2];
    h = (h + 1) & mask;
  }
}

/** what cppjieba's Split(line, buf, " ") gives: empty fields kept, no trailing empty field */
function splitSpaces(line: string): string[] {
  const out: string[] = [];
  let from = 0;
  while (from < line.length) {
    const k = line.indexOf(' ', from);
    if (k === -1) {
      out.push(line.slice(from));
      break;
    }
    out.push(line.slice(from, k));
    from = k + 1;
  }
  return out;
}

/** C's atoi: leading whitespace, sign, digits; 0 when there are none */
function atoi(s: string): number {
  const n = parseInt(s, 10);
  return Number.isNaN(n) ? 0 : n;
}

/** C's atof on a well-formed number; 0 when there is none */
function atof(s: string): number {
  const n = parseFloat(s);
  return Number.isNaN(n) ? 0 : n;
}

/**
 * The code point at s[i], as cppjieba's rune: a surrogate pair is one, a lone surrogate is U+FFFD (what
 * nodejieba receives for it). The next one starts at i + 2 when this one is above U+FFFF, else i + 1.
 */
function runeAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return c;
  const d = c <= 0xdbff && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
  return d >= 0xdc00 && d <= 0xdfff ? ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000 : 0xfffd;
}

/** code points of a string (runeAt) */
function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; ) {
    const c = runeAt(s, i);
    out.push(c);
    i += c > 0xffff ? 2 : 1;
  }
  return out;
}

/** a growing trie in typed arrays, laid out as JiebaDict's */
class TrieBuilder {
  edges: Int32Array;
  mask: number;
  rootChild = new Int32Array(0x10000).fill(-1);
  nodeUnit: Int32Array;
  nodes = 1;
  private count = 0;

  constructor(expectedEdges: number) {
    let cap = 1024;
    while (cap < expectedEdges * 2) cap <<= 1;
    this.mask = cap - 1;
    this.edges = new Int32Array(cap * 3);
    this.nodeUnit = new Int32Array(cap >> 1).fill(-1);
  }

  /** the child of `node` by `code`, made when missing */
  step(node: number, code: number): number {
    if (node === 0 && code < 0x10000) {
      const c = this.rootChild[code];
      if (c !== -1) return c;
      return (this.rootChild[code] = this.made());
    }
    const { edges, mask } = this;
    const key = node + 1;
    let h = hash(node, code) & mask;
    for (;;) {
      const k = edges[h * 3];
      if (k === 0) break;
      if (k === key && edges[h * 3 + 1] === code) return edges[h * 3 + 2];
      h = (h + 1) & mask;
    }
    const made = this.made();
    edges[h * 3] = key;
    edges[h * 3 + 1] = code;
    edges[h * 3 + 2] = made;
    if (++this.count * 2 > mask) this.grow();
    return made;
  }

  private made(): number {
    const made = this.nodes++;
    if (made >= this.nodeUnit.length) {
      const grown = new Int32Array(this.nodeUnit.length * 2).fill(-1);
      grown.set(this.nodeUnit);
      this.nodeUnit = grown;
    }
    return made;
  }

  private grow(): void {
    const old = this.edges;
    const cap = (this.mask + 1) * 2;
    const mask = cap - 1;
    const edges = new Int32Array(cap * 3);
    for (let i = 0; i < old.length; i += 3) {
      const k = old[i];
      if (k === 0) continue;
      let h = hash(k - 1, old[i + 1]) & mask;
      while (edges[h * 3] !== 0) h = (h + 1) & mask;
      edges[h * 3] = k;
      edges[h * 3 + 1] = old[i + 1];
      edges[h * 3 + 2] = old[i + 2];
    }
    this.edges = edges;
    this.mask = mask;
  }
}

/** decodes the dictionary's tags, odd numbers and bad lines (one decoder for all) */
const utf8 = new TextDecoder();

/** the tag of bytes [from, to) of a UTF-8 buffer, interned */
class TagTable {
  tags: string[] = [];
  private index = new Map<string, number>();
  private ascii = new Map<number, number>();

  of(s: string): number {
    let t = this.index.get(s);
    if (t === undefined) {
      t = this.tags.length;
      this.tags.push(s);
      this.index.set(s, t);
    }
    return t;
  }

  ofBytes(buf: Uint8Array, from: number, to: number): number {
    // short ASCII tags (n, nr, vn, ...) by a number made of their bytes, without making a string
    if (to - from <= 3) {
      let key = 1;
      let ascii = true;
      for (let i = from; i < to; i++) {
        if (buf[i] >= 0x80) ascii = false;
        key = key * 256 + buf[i];
      }
      if (ascii) {
        let t = this.ascii.get(key);
        if (t === undefined) {
          t = this.of(utf8.decode(buf.subarray(from, to)));
          this.ascii.set(key, t);
        }
        return t;
      }
    }
    return this.of(utf8.decode(buf.subarray(from, to)));
  }
}

/** the number at the start of bytes [from, to), as C's atof reads it (0 when there is none) */
function atofBytes(buf: Uint8Array, from: number, to: number): number {
  let n = 0;
  let i = from;
  for (; i < to; i++) {
    const c = buf[i];
    if (c < 0x30 || c > 0x39) break;
    n = n * 10 + (c - 0x30);
  }
  // plain digits (every line of jieba's dictionary) are exact this way below 2^53; anything else
  // (a sign, a point, an exponent) goes through parseFloat, which reads as atof does
  if (i === to && i > from && n < 2 ** 53) return n;
  return atof(utf8.decode(buf.subarray(from, to)));
}

/**
 * Build the trie from cppjieba's dictionary (UTF-8 bytes, `word freq tag` per line) and a user
 * dictionary (`word`, `word tag` or `word freq tag`), as cppjieba's DictTrie does: weights are
 * log(freq / total of the main dictionary); user words without a frequency get the median weight; a
 * later entry for the same word replaces an earlier one. Throws on a malformed main dictionary line
 * (cppjieba aborts). One pass over the bytes, no string per word.
 */
export function buildDict(main: Uint8Array, userText = ''): JiebaDict {
  const trie = new TrieBuilder(main.length >> 3);
  const tagTable = new TagTable();
  let raw = new Float64Array(1 << 16);
  let unitTag = new Int32Array(1 << 16);
  let units = 0;
  const n = main.length;
  let from = 0;
  while (from < n) {
    if (units === raw.length) {
      const r = new Float64Array(units * 2);
      r.set(raw);
      raw = r;
      const t = new Int32Array(units * 2);
      t.set(unitTag);
      unitTag = t;
    }
    // the word: its code points from the UTF-8 bytes, straight into the trie, up to the first space
    let node = 0;
    let i = from;
    while (i < n) {
      const c = main[i];
      if (c === 0x20 || c === 0x0a) break;
      let code: number;
      if (c < 0x80) {
        code = c;
        i += 1;
      } else if (c < 0xe0) {
        code = ((c & 0x1f) << 6) | (main[i + 1] & 0x3f);
        i += 2;
      } else if (c < 0xf0) {
        code = ((c & 0x0f) << 12) | ((main[i + 1] & 0x3f) << 6) | (main[i + 2] & 0x3f);
        i += 3;
      } else {
        code = ((c & 0x07) << 18) | ((main[i + 1] & 0x3f) << 12) | ((main[i + 2] & 0x3f) << 6) | (main[i + 3] & 0x3f);
        i += 4;
      }
      node = trie.step(node, code);
    }
    // then the frequency and the tag: cppjieba splits the line at every space and wants exactly
    // three fields (a trailing space makes no field of its own)
    const s1 = i;
    let s2 = -1;
    let s3 = -1;
    if (main[i] === 0x20) {
      for (i = s1 + 1; i < n && main[i] !== 0x0a; i++) {
        if (main[i] !== 0x20) continue;
        if (s2 === -1) s2 = i;
        else if (s3 === -1) s3 = i;
        else s3 = -2;
      }
    }
    const end = i;
    const tagEnd = s3 === -1 ? end : s3 === end - 1 ? s3 : -1;
    if (s2 === -1 || tagEnd === -1) {
      const line = utf8.decode(main.subarray(from, end));
      throw new Error(`jieba dictionary: line ${units + 1} is not "word freq tag": ${JSON.stringify(line.slice(0, 60))}`);
    }
    raw[units] = atofBytes(main, s1 + 1, s2);
    unitTag[units] = tagTable.ofBytes(main, s2 + 1, tagEnd);
    if (node !== 0) trie.nodeUnit[node] = units;
    units++;
    from = end + 1;
  }
  if (units === 0) throw new Error('jieba dictionary is empty');
  let sum = 0;
  for (let u = 0; u < units; u++) sum += raw[u];
  const userLines = userText === '' ? [] : userText.split('\n');
  const weights = new Float64Array(units + userLines.length);
  for (let u = 0; u < units; u++) weights[u] = Math.log(raw[u] / sum);
  const sorted = weights.slice(0, units).sort();
  const minWeight = sorted[0];
  const median = sorted[units >> 1];
  const tags = new Int32Array(units + userLines.length);
  tags.set(unitTag.subarray(0, units));
  const userSingles = new Set<number>();
  let u = units;
  for (const line of userLines) {
    if (line.length === 0) continue;
    const f = splitSpaces(line);
    if (f.length < 1 || f.length > 3) continue; // cppjieba inserts an empty word: nothing
    weights[u] = f.length === 3 ? Math.log(atoi(f[1]) / sum) : median;
    tags[u] = tagTable.of(f.length === 1 ? '' : f[f.length - 1]);
    const cps = codePoints(f[0]);
    if (cps.length === 1) userSingles.add(cps[0]);
    let node = 0;
    for (const code of cps) node = trie.step(node, code);
    if (node !== 0) trie.nodeUnit[node] = u;
    u++;
  }
  return {
    edges: trie.edges,
    mask: trie.mask,
    rootChild: trie.rootChild,
    nodeUnit: trie.nodeUnit,
    weights: weights.subarray(0, u),
    unitTag: tags.subarray(0, u),
    tags: tagTable.tags,
    minWeight,
    userSingles,
  };
}

/** cppjieba's HMMModel file: start probabilities, 4 × 4 transitions, then emissions B, E, M, S */
export function buildHmm(text: string): HmmModel {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith('#'));
  if (lines.length < 9) throw new Error(`jieba HMM model: ${lines.length} lines, expected 9`);
  const row = (l: string, n: number): number[] => {
    const f = splitSpaces(l);
    if (f.length !== n) throw new Error(`jieba HMM model: expected ${n} numbers in ${JSON.stringify(l.slice(0, 60))}`);
    return f.map(atof);
  };
  const start = Float64Array.from(row(lines[0], 4));
  const trans = Float64Array.from([1, 2, 3, 4].flatMap((i) => row(lines[i], 4)));
  const emitBmp: Float64Array[] = [];
  const emitAstral: Map<number, number>[] = [];
  for (let s = 0; s < 4; s++) {
    const bmp = new Float64Array(0x10000).fill(MIN_DOUBLE);
    const astral = new Map<number, number>();
    for (const pair of lines[5 + s].split(',')) {
      const k = pair.split(':');
      const cps = k.length === 2 ? codePoints(k[0]) : [];
      if (cps.length !== 1) throw new Error(`jieba HMM model: bad emission ${JSON.stringify(pair.slice(0, 20))}`);
      if (cps[0] < 0x10000) bmp[cps[0]] = atof(k[1]);
      else astral.set(cps[0], atof(k[1]));
    }
    emitBmp.push(bmp);
    emitAstral.push(astral);
  }
  return { start, trans, emitBmp, emitAstral };
}

export interface TaggedWord {
  word: string;
  tag: string;
  /** UTF-16 offsets into the string given to tag() */
  start: number;
  end: number;
}

/** A segmenter over one dictionary and model; scratch arrays are reused between calls. */
export class Jieba {
  private runes = new Int32Array(256);
  private at = new Int32Array(257);
  private route = new Float64Array(257);
  private len = new Int32Array(256);
  private vWeight = new Float64Array(1024);
  private vPath = new Int8Array(1024);

  constructor(readonly dict: JiebaDict, readonly hmm: HmmModel) {}

  /** words of `s` and their tags, exactly as nodejieba.tag(s), with offsets */
  tag(s: string): TaggedWord[] {
    const n = this.decode(s);
    const out: TaggedWord[] = [];
    const runes = this.runes;
    // PreFilter: a separator is a range of its own
    let b = 0;
    while (b < n) {
      let e = b;
      while (e < n && !SEPARATORS.has(runes[e])) e++;
      if (e === b) e = b + 1;
      this.mix(s, b, e, out);
      b = e;
    }
    return out;
  }

  /** fill runes[0..n) and at[0..n] (UTF-16 offsets); returns n */
  private decode(s: string): number {
    if (this.runes.length < s.length) {
      this.runes = new Int32Array(s.length * 2);
      this.at = new Int32Array(s.length * 2 + 1);
      this.route = new Float64Array(s.length * 2 + 1);
      this.len = new Int32Array(s.length * 2);
    }
    const { runes, at } = this;
    let n = 0;
    for (let i = 0; i < s.length; ) {
      const c = runeAt(s, i);
      at[n] = i;
      runes[n++] = c;
      i += c > 0xffff ? 2 : 1;
    }
    at[n] = s.length;
    return n;
  }

  /** MixSegment on runes [b, e): the maximum-probability route, single unknown characters to the HMM */
  private mix(s: string, b: number, e: number, out: TaggedWord[]): void {
    this.mp(b, e);
    const { len, runes } = this;
    const singles = this.dict.userSingles;
    let i = b;
    while (i < e) {
      const l = len[i];
      if (l > 1 || singles.has(runes[i])) {
        this.emit(s, i, i + l, out);
        i += l;
        continue;
      }
      let j = i;
      while (j < e && len[j] === 1 && !singles.has(runes[j])) j++;
      this.hmmCut(s, i, j, out);
      i = j;
    }
  }

  /** MPSegment: len[i] = length of the word that starts at i on the best route (from each word start) */
  private mp(b: number, e: number): void {
    const d = this.dict;
    const { runes, route, len } = this;
    const { nodeUnit, weights, minWeight } = d;
    route[e] = 0;
    for (let i = e - 1; i >= b; i--) {
      // candidates in cppjieba's order: the single character first (a word or not), then longer words
      let node = child(d, 0, runes[i]);
      const u0 = node === -1 ? -1 : nodeUnit[node];
      // cppjieba adds the route beyond the range only when there is one (0.0 + route + weight)
      let best = (i + 1 < e ? route[i + 1] : 0) + (u0 === -1 ? minWeight : weights[u0]);
      let bestLen = 1;
      for (let j = i + 1; j < e && j - i + 1 <= MAX_WORD_LENGTH && node !== -1; j++) {
        node = child(d, node, runes[j]);
        if (node === -1) break;
        const u = nodeUnit[node];
        if (u === -1) continue;
        const v = (j + 1 < e ? route[j + 1] : 0) + weights[u];
        if (v > best) {
          best = v;
          bestLen = j - i + 1;
        }
      }
      route[i] = best;
      len[i] = bestLen;
    }
  }

  /** HMMSegment on runes [b, e): ASCII letters/digits by rule, other runs by Viterbi */
  private hmmCut(s: string, b: number, e: number, out: TaggedWord[]): void {
    const runes = this.runes;
    let left = b;
    let right = b;
    while (right < e) {
      const c = runes[right];
      if (c < 0x80) {
        if (left !== right) this.viterbi(s, left, right, out);
        left = right;
        if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
          right++;
          while (right < e) {
            const x = runes[right];
            if ((x >= 0x61 && x <= 0x7a) || (x >= 0x41 && x <= 0x5a) || (x >= 0x30 && x <= 0x39)) right++;
            else break;
          }
        } else if (c >= 0x30 && c <= 0x39) {
          right++;
          while (right < e) {
            const x = runes[right];
            if ((x >= 0x30 && x <= 0x39) || x === 0x2e) right++;
            else break;
          }
        } else right++;
        this.emit(s, left, right, out);
        left = right;
      } else right++;
    }
    if (left !== right) this.viterbi(s, left, right, out);
  }

  private viterbi(s: string, b: number, e: number, out: TaggedWord[]): void {
    const X = e - b;
    if (this.vWeight.length < X * 4) {
      this.vWeight = new Float64Array(X * 8);
      this.vPath = new Int8Array(X * 8);
    }
    const { vWeight: w, vPath: path, runes } = this;
    const { start, trans, emitBmp, emitAstral } = this.hmm;
    const emit = (y: number, c: number): number => (c < 0x10000 ? emitBmp[y][c] : (emitAstral[y].get(c) ?? MIN_DOUBLE));
    for (let y = 0; y < 4; y++) {
      w[y * X] = start[y] + emit(y, runes[b]);
      path[y * X] = -1;
    }
    for (let x = 1; x < X; x++) {
      const c = runes[b + x];
      for (let y = 0; y < 4; y++) {
        const now = x + y * X;
        let best = MIN_DOUBLE;
        let from = 1; // cppjieba starts from E
        const em = emit(y, c);
        for (let p = 0; p < 4; p++) {
          const t = w[x - 1 + p * X] + trans[p * 4 + y] + em;
          if (t > best) {
            best = t;
            from = p;
          }
        }
        w[now] = best;
        path[now] = from;
      }
    }
    // states: 0 B, 1 E, 2 M, 3 S; a word ends at E or S
    let stat = w[X - 1 + X] >= w[X - 1 + 3 * X] ? 1 : 3;
    const status = new Int8Array(X);
    for (let x = X - 1; x >= 0; x--) {
      status[x] = stat;
      stat = path[x + stat * X];
    }
    let left = b;
    for (let x = 0; x < X; x++) {
      if (status[x] % 2) {
        this.emit(s, left, b + x + 1, out);
        left = b + x + 1;
      }
    }
  }

  /** the word on runes [b, e) with its tag (PosTagger.LookupTag) */
  private emit(s: string, b: number, e: number, out: TaggedWord[]): void {
    const d = this.dict;
    const runes = this.runes;
    let node = 0;
    for (let i = b; i < e && node !== -1; i++) node = child(d, node, runes[i]);
    const u = node === -1 ? -1 : d.nodeUnit[node];
    let tag = u === -1 ? '' : d.tags[d.unitTag[u]];
    if (tag === '') {
      // SpecialRule, over the first half of the word as cppjieba counts
      const size = e - b;
      let m = 0;
      let eng = 0;
      for (let i = 0; i < size && eng < size >> 1; i++) {
        const c = runes[b + i];
        if (c < 0x80) {
          eng++;
          if (c >= 0x30 && c <= 0x39) m++;
        }
      }
      tag = eng === 0 ? 'x' : m === eng ? 'm' : 'eng';
    }
    const start = this.at[b];
    const end = this.at[e];
    out.push({ word: s.slice(start, end), tag, start, end });
  }
}

/** A loaded dictionary and model, as sent to another thread. */
export interface JiebaData {
  dict: JiebaDict;
  hmm: HmmModel;
}

function shared<T extends Int32Array | Float64Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const out = new (a.constructor as { new (b: SharedArrayBuffer): T })(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

/**
 * The same dictionary and model in SharedArrayBuffers: posted to a worker thread, they arrive without
 * a copy, so a batch builds them once whatever its number of threads. Nothing writes to them after
 * they are built.
 */
export function shareJieba(j: Jieba): JiebaData {
  const { dict: d, hmm: h } = j;
  return {
    dict: { ...d, edges: shared(d.edges), rootChild: shared(d.rootChild), nodeUnit: shared(d.nodeUnit), weights: shared(d.weights), unitTag: shared(d.unitTag) },
    hmm: { ...h, start: shared(h.start), trans: shared(h.trans), emitBmp: h.emitBmp.map(shared) },
  };
}

/** Load a segmenter from files: cppjieba's dictionary and HMM model, and an optional user dictionary. */
export function loadJiebaFiles(dictPath: string, hmmPath: string, userPath?: string): Jieba {
  const dict = buildDict(readFileSync(dictPath), userPath ? readFileSync(userPath, 'utf8') : '');
  return new Jieba(dict, buildHmm(readFileSync(hmmPath, 'utf8')));
}
