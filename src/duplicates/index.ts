/**
 * Duplicates: repeated clauses, duplicated sentences and paragraphs, near-duplicate sentences and long
 * repeated phrases in one document (`findDuplicates`), and sentences and phrases shared across a batch
 * (`compareDocuments`).
 *
 * Matching is done on keys (punctuation, whitespace and formatting dropped, full-width digits and
 * letters folded, ASCII lower-cased; see keys.ts); every reported span is a span of the original
 * text, so `text.slice(span.start, span.end) === occurrence.text` always holds. `Duplicate.text` is
 * the first occurrence, width-folded and without whitespace.
 *
 * Kinds and severities:
 * - `repeated-clause` (warning): the same clause (between ，、；：) twice in one statement, or across two
 *   neighbouring statements. Said twice in a row (坚持党要管党、全面从严治党，坚持党要管党、全面从严治党)
 *   it needs 4 key characters; further apart 8, and across statements no figures (同比增长**% twice
 *   is parallel style). A stock formulation repeated across two sentences (表示诚挚感谢！…表示诚挚感谢！)
 *   is info; stuttered inside one sentence it stays a warning.
 * - `duplicate-paragraph` (warning): a line of two or more sentences that recurs, in order, as a whole
 *   line or inside another line. Its sentences are not listed again one by one.
 * - `duplicate-sentence` (warning; info for a formulation): the same sentence key in two places.
 * - `near-duplicate` (warning): sentences of 12+ key characters (up to 1,000) whose edit similarity
 *   is at least `nearThreshold` (0.85, measured: bench/duplicates-threshold.mjs), with the lowest
 *   similarity of the group's checked pairs (see near.ts for the bounds on which pairs are checked).
 * - `repeated-phrase` (info, `formulation` when the dictionary covers it): a maximal phrase of 8+ key
 *   characters used 3+ times outside the duplicates above — occurrences inside a duplicated sentence
 *   or paragraph are neither counted nor listed (that text is reported already, and a report pasted
 *   twice is then not suffix-sorted whole); on the corpus these are programme names and stock
 *   phrases, never slips.
 * Short heading lines (一、…, （一）…, ## …, under 40 characters), notes wholly in brackets
 * （牵头单位：…） and structure (keys.ts isStructure: Markdown table rows, link/image-only and
 * Latin-only statements in Chinese text, datelines, short whole lines without a sentence's
 * punctuation) take part in none of these but the clause check.
 *
 * What repeats by design is not a slip (#22, measured on the labelled corpus findings in
 * fixtures/findings/corpus-labels.json): a clause repeated apart is not reported with figures, as a
 * shared enumeration item or as the predicate closing parallel parts, nor across paragraphs unless
 * said twice in a row; a restated run-in heading and a sentence shared by entries of a glossary or of
 * notes are info; near-duplicates of one frame that differ in a key word (物流中心 / 消费中心) or
 * report two measurements close together are not grouped, while a copy with a figure changed or
 * words added still is.
 *
 * Cost: one document is hashed (sentences, clauses: by hashes of their key codes, no strings), its
 * recurring stretches suffix-sorted (SA-IS, linear) for the repeated phrases, and its sentences
 * MinHash/LSH-banded (character bigrams, one-permutation sketches, 20 bands of 2) for near-duplicate
 * candidates, a bounded number of them confirmed per sentence by a banded Levenshtein: linear in its
 * length, no loop over pairs of sentences, even when all of them are alike (第1项…, 第2项…). A batch
 * is hashed per sentence, and its distinct material that recurs in two documents is suffix-sorted
 * once.
 */
import type { Duplicate, DuplicateKind, Occurrence, Severity, Span, Statement } from '../schema/index.js';
import { FormulationMatcher, defaultFormulations } from './formulations.js';
import {
  DOT,
  type KeyStream,
  SEP,
  buildKeyStream,
  codesToString,
  displayForm,
  FNV_BASIS,
  FNV_PRIME,
  hashCodes,
  keyCode,
  keySpan,
  keyTable,
  rankAt,
  sameCodes,
  stmtKey,
} from './keys.js';
import { nearGroups } from './near.js';
import { Coverage, denseAlphabet, findRepeats } from './repeats.js';

export { FormulationMatcher, defaultFormulations, parseFormulations } from './formulations.js';
export { keyOf as duplicateKey, isHeading } from './keys.js';

/**
 * Default near-duplicate threshold (edit similarity on keys). Measured on the corpus with
 * bench/duplicates-threshold.mjs: see the comment block there and in the report.
 */
export const DEFAULT_NEAR_THRESHOLD = 0.85;

export interface DuplicateOptions {
  /** minimum edit similarity (0..1) for `near-duplicate`; default DEFAULT_NEAR_THRESHOLD */
  nearThreshold?: number;
  /** minimum phrase length in key characters for `repeated-phrase`; default 8 (shared phrases: see CompareOptions) */
  minPhraseLength?: number;
  /** minimum number of occurrences for `repeated-phrase`; default 3 */
  minPhraseCount?: number;
  /** fixed formulations; default dictionaries/formulations.txt, loaded lazily once */
  formulations?: string[];
  /** shortest sentence (key characters) reported as a duplicate or counted in shares; default 6 */
  minSentenceLength?: number;
  /** shortest sentence (key characters) considered for near-duplicates; default 12 (measured with the threshold) */
  nearMinLength?: number;
  /** shortest clause (key characters) for `repeated-clause`; default 4 */
  minClauseLength?: number;
}

interface Resolved {
  nearThreshold: number;
  minPhraseLength: number;
  minPhraseCount: number;
  minSentenceLength: number;
  nearMinLength: number;
  minClauseLength: number;
  matcher: FormulationMatcher;
}

let defaultMatcher: FormulationMatcher | null = null;

function resolve(options: DuplicateOptions = {}): Resolved {
  let matcher: FormulationMatcher;
  if (options.formulations) matcher = new FormulationMatcher(options.formulations);
  else matcher = defaultMatcher ??= new FormulationMatcher(defaultFormulations());
  return {
    nearThreshold: options.nearThreshold ?? DEFAULT_NEAR_THRESHOLD,
    minPhraseLength: Math.max(2, options.minPhraseLength ?? 8),
    minPhraseCount: Math.max(2, options.minPhraseCount ?? 3),
    minSentenceLength: Math.max(1, options.minSentenceLength ?? 6),
    nearMinLength: Math.max(2, options.nearMinLength ?? 12),
    minClauseLength: Math.max(1, options.minClauseLength ?? 4),
    matcher,
  };
}

interface Found {
  kind: DuplicateKind;
  text: string;
  occ: Array<{ start: number; end: number; rank: number }>;
  similarity: number | null;
  severity: Severity;
  formulation: boolean;
}

const KIND_ORDER: Record<DuplicateKind, number> = {
  'repeated-clause': 0,
  'duplicate-paragraph': 1,
  'duplicate-sentence': 2,
  'near-duplicate': 3,
  'repeated-phrase': 4,
};

/** Find repeated clauses, duplicate sentences and paragraphs, near-duplicates and repeated phrases. */
export function findDuplicates(text: string, statements: Statement[], options?: DuplicateOptions): Duplicate[] {
  const o = resolve(options);
  const ks = buildKeyStream(text, statements);
  const found: Found[] = [];

  repeatedClauses(text, statements, ks, o, found);

  // sentence keys: an id per distinct key, found through a hash of its codes (checked code by code:
  // no key string is built for a sentence that is not reported)
  const R = ks.order.length;
  const keyLen = new Int32Array(R);
  const keyIds = new Int32Array(R).fill(-1);
  const ranksOf: number[][] = [];
  {
    let cap = 16;
    while (cap < 2 * R) cap <<= 1;
    const mask = cap - 1;
    const slotHash = new Int32Array(cap);
    const slotId = new Int32Array(cap).fill(-1);
    for (let r = 0; r < R; r++) {
      const a = ks.keyStart[r];
      const len = ks.keyEnd[r] - a;
      keyLen[r] = len;
      if (ks.heading[r] || len === 0) continue;
      const h = hashCodes(ks.codes, a, a + len);
      let i = Math.imul(h, 0x9e3779b1) & mask;
      let id = -1;
      for (; slotId[i] !== -1; i = (i + 1) & mask) {
        const rep = ranksOf[slotId[i]][0];
        if (slotHash[i] === h && keyLen[rep] === len && sameCodes(ks.codes, ks.keyStart[rep], ks.codes, a, len)) {
          id = slotId[i];
          break;
        }
      }
      if (id < 0) {
        id = ranksOf.length;
        slotHash[i] = h;
        slotId[i] = id;
        ranksOf.push([]);
      }
      keyIds[r] = id;
      ranksOf[id].push(r);
    }
  }

  // per rank: 1 when the statement's line opens an entry of a numbered list or of notes
  const lineEntry = new Uint8Array(R);
  for (let r = 0, cur = 0; r < R; r++) {
    if (r === 0 || ks.lineStart[r] !== ks.lineStart[r - 1]) cur = ks.entry[r];
    lineEntry[r] = cur;
  }

  const inParagraph = duplicateParagraphs(text, statements, ks, keyLen, keyIds, ranksOf, o, found);

  // duplicate sentences
  const dupKey = new Uint8Array(R);
  for (let id = 0; id < ranksOf.length; id++) {
    const rs = ranksOf[id];
    if (rs.length < 2) continue;
    if (keyLen[rs[0]] < o.minSentenceLength) continue;
    for (const r of rs) dupKey[r] = 1;
    if (rs.every((r) => inParagraph[r])) continue;
    const formulation = o.matcher.matches(stmtKey(ks, rs[0]));
    found.push({
      kind: 'duplicate-sentence',
      text: displayForm(statements[ks.order[rs[0]]].text),
      occ: rs.map((r) => stmtOcc(statements, ks, r)),
      similarity: null,
      severity: formulation || byDesign(text, statements, ks, rs, lineEntry) ? 'info' : 'warning',
      formulation,
    });
  }

  nearDuplicates(text, statements, ks, keyLen, ranksOf, o, found, lineEntry);
  repeatedPhrases(text, statements, ks, dupKey, inParagraph, o, found);

  found.sort(
    (a, b) =>
      a.occ[0].start - b.occ[0].start ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      b.occ[0].end - a.occ[0].end ||
      (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  );
  return found.map((f, i) => ({
    id: `d${i + 1}`,
    kind: f.kind,
    text: f.text,
    occurrences: f.occ.map(
      (x): Occurrence => ({
        span: { start: x.start, end: x.end },
        statementId: x.rank >= 0 ? statements[ks.order[x.rank]].id : null,
        text: text.slice(x.start, x.end),
      }),
    ),
    count: f.occ.length,
    similarity: f.similarity,
    severity: f.severity,
    formulation: f.formulation,
  }));
}

function stmtOcc(statements: Statement[], ks: KeyStream, r: number) {
  const st = statements[ks.order[r]];
  return { start: st.span.start, end: st.span.end, rank: r };
}

// ---------------------------------------------------------------- repeated clauses

/** Clause delimiters: ，、；：,;:。！？!? and line ends. */
function isClauseDelim(c: number): boolean {
  if (c < 0x80) return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x0d;
  return c === 0xff0c || c === 0x3001 || c === 0xff1b || c === 0xff1a || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0x09 || c === 0xa0 || (c >= 0x0a && c <= 0x0d) || c === 0xfeff || (c >= 0x2000 && c <= 0x200b);
}

/**
 * The clauses of one statement in flat arrays, refilled statement after statement: the span (trimmed
 * of whitespace), the key's codes in `codes` and a hash of them. Two clauses are compared by hash and
 * length (and code by code when those agree); no key string is built unless a run is reported.
 */
class Clauses {
  n = 0;
  start = new Int32Array(64);
  end = new Int32Array(64);
  kStart = new Int32Array(64);
  kLen = new Int32Array(64);
  hash = new Int32Array(64);
  codes = new Uint16Array(1024);

  /** Split statement st: one pass that finds the clauses, trims them and computes their keys. */
  fill(text: string, st: Statement): void {
    const { start, end } = st.span;
    if (this.codes.length < end - start) this.codes = new Uint16Array(2 * (end - start));
    const codes = this.codes;
    const table = keyTable();
    this.n = 0;
    let k = 0;
    // the open clause: first and past-last non-space offsets (s < 0: none yet), key start, hash
    let s = -1;
    let e = -1;
    let k0 = 0;
    let h = FNV_BASIS;
    let prev = -1;
    for (let i = start; i <= end; i++) {
      const c = i < end ? text.charCodeAt(i) : 0x0a;
      let kc = table[c];
      if (kc === 0) {
        // dropped from the key: a delimiter, a space, or other punctuation (part of the span)
        if (isClauseDelim(c)) {
          if (s >= 0) this.push(s, e, k0, k - k0, h);
          s = -1;
          k0 = k;
          h = FNV_BASIS;
          prev = -1;
        } else if (!isSpace(c)) {
          if (s < 0) s = i;
          e = i + 1;
        }
        continue;
      }
      if (s < 0) s = i;
      e = i + 1;
      // a point is kept between digits only; the key is computed up to the statement's end: a point
      // before a delimiter is not followed by a digit either way, so it is the clause's key
      if (kc === DOT && (kc = keyCode(text, i, end, prev, table)) < 0) continue;
      codes[k++] = kc;
      h = Math.imul(h ^ kc, FNV_PRIME);
      prev = kc;
    }
  }

  private push(s: number, e: number, k: number, len: number, h: number): void {
    if (this.n === this.start.length) {
      const grow = (x: Int32Array) => {
        const y = new Int32Array(2 * x.length);
        y.set(x);
        return y;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.kStart = grow(this.kStart);
      this.kLen = grow(this.kLen);
      this.hash = grow(this.hash);
    }
    const c = this.n++;
    this.start[c] = s;
    this.end[c] = e;
    this.kStart[c] = k;
    this.kLen[c] = len;
    this.hash[c] = h;
  }

  /** The key of clause c. */
  key(c: number): string {
    return codesToString(this.codes, this.kStart[c], this.kStart[c] + this.kLen[c]);
  }
}

function sameClause(A: Clauses, i: number, B: Clauses, j: number): boolean {
  return A.hash[i] === B.hash[j] && A.kLen[i] === B.kLen[j] && sameCodes(A.codes, A.kStart[i], B.codes, B.kStart[j], A.kLen[i]);
}

function repeatedClauses(text: string, statements: Statement[], ks: KeyStream, o: Resolved, found: Found[]): void {
  const R = ks.order.length;
  let cur = new Clauses();
  let next = new Clauses();
  if (R > 0) next.fill(text, statements[ks.order[0]]);
  for (let r = 0; r < R; r++) {
    const t = cur;
    cur = next;
    next = t;
    const hasNext = r + 1 < R;
    if (hasNext) next.fill(text, statements[ks.order[r + 1]]);
    // within the statement
    runsBetween(text, cur, cur, true, r, r, o, found, true);
    // with the next statement (neither a heading); in another paragraph only said twice in a row
    if (hasNext && !ks.heading[r] && !ks.heading[r + 1]) runsBetween(text, cur, next, false, r, r + 1, o, found, ks.lineStart[r] === ks.lineStart[r + 1]);
  }
}

/** How many later occurrences of a clause are tried as the start of a repeated run. */
const MAX_PARTNERS = 8;
const partners = new Int32Array(MAX_PARTNERS);

/**
 * Runs of consecutive equal clauses: A[i..i+t) = B[j..j+t), started by a clause of at least
 * minClauseLength key characters. `same` when A and B are the same statement (then j > i and the
 * runs do not overlap).
 */
function runsBetween(
  text: string,
  A: Clauses,
  B: Clauses,
  same: boolean,
  ra: number,
  rb: number,
  o: Resolved,
  found: Found[],
  oneParagraph: boolean,
): void {
  const nA = A.n;
  const nB = B.n;
  if (nA === 0 || nB === 0) return;
  if (same && nA < 2) return;
  const minLen = o.minClauseLength;
  // positions of each long-enough clause in B by key hash (a scan for short statements, a map for long ones)
  const small = nA * nB <= 256;
  const where = small ? null : new Map<number, number[]>();
  if (where)
    for (let j = 0; j < nB; j++) {
      if (B.kLen[j] < minLen) continue;
      const l = where.get(B.hash[j]);
      if (l) l.push(j);
      else where.set(B.hash[j], [j]);
    }
  let groups: Map<string, Map<number, { start: number; end: number; rank: number }>> | null = null;
  for (let i = 0; i < nA; i++) {
    if (A.kLen[i] < minLen) continue;
    let np = 0;
    if (!where) {
      for (let j = same ? i + 1 : 0; j < nB && np < MAX_PARTNERS; j++) if (sameClause(A, i, B, j)) partners[np++] = j;
    } else {
      // the nearest few later occurrences are enough to find every run; all of them would make a
      // statement of one clause repeated k times cost k² (a hostile input). A clause of another key
      // with the same hash is skipped, and the scan is as short (2 × MAX_PARTNERS entries at most).
      const l = where.get(A.hash[i]);
      if (l) {
        let lo = 0;
        let hi = l.length;
        const from = same ? i + 1 : 0;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (l[mid] < from) lo = mid + 1;
          else hi = mid;
        }
        for (let q = lo; q < l.length && q < lo + 2 * MAX_PARTNERS && np < MAX_PARTNERS; q++)
          if (sameClause(A, i, B, l[q])) partners[np++] = l[q];
      }
    }
    for (let p = 0; p < np; p++) {
      const j = partners[p];
      if (same && j <= i) continue;
      // a continuation of a run that started earlier
      if (i > 0 && j > 0 && (!same || j - 1 > i - 1) && A.kLen[i - 1] >= minLen && sameClause(A, i - 1, B, j - 1)) continue;
      let t = 1;
      while (i + t < nA && j + t < nB && (!same || i + t < j) && sameClause(A, i + t, B, j + t)) t++;
      if (!same && i === 0 && t === nA && j === 0 && t === nB) continue; // whole sentences: a duplicate sentence
      let len = 0;
      for (let u = 0; u < t; u++) len += A.kLen[i + u];
      // clauses between the two runs: 0 is "said twice in a row"
      const gap = same ? j - (i + t) : nA - (i + t) + j;
      if (gap > 0) {
        // across two paragraphs only a clause said twice in a row is a slip: two entries of a list
        // (…帮助企业降本减负… / …帮助企业降本减负…) or two paragraphs opening with the same frame
        // (在固定资产投资（不含农户）中，…) are parallel by design
        if (!oneParagraph) continue;
        // further apart, only a substantial run counts (服务贸易 twice in a long list does not)
        if (len < 2 * minLen) continue;
        // and only one without figures: 同比增长**% twice, 增加11.7万亿元 after two subjects, 增速居全国第3位
        // after each indicator of a list are parallel style
        if (/[0-9０-９*＊]/.test(text.slice(A.start[i], A.end[i + t - 1]))) continue;
        // an item of an enumeration (、 beside it) shared by two lists: 对国内生产总值、三次产业及相关行业增加值、…
        if (listItem(text, A.start[i], A.end[i + t - 1]) || listItem(text, B.start[j], B.end[j + t - 1])) continue;
        // the predicate closing two parallel parts: …，由自然资源部门统一核发；…，由自然资源部门统一核发。
        if (closesPart(text, A.end[i + t - 1]) && closesPart(text, B.end[j + t - 1])) continue;
      }
      let runKey = A.key(i);
      for (let u = 1; u < t; u++) runKey += '|' + A.key(i + u);
      groups ??= new Map();
      let g = groups.get(runKey);
      if (!g) groups.set(runKey, (g = new Map()));
      g.set(A.start[i], { start: A.start[i], end: A.end[i + t - 1], rank: ra });
      g.set(B.start[j], { start: B.start[j], end: B.end[j + t - 1], rank: rb });
    }
  }
  if (!groups) return;
  for (const [runKey, g] of groups) {
    const occ = [...g.values()].sort((x, y) => x.start - y.start);
    // a clause said twice in one sentence is a slip even when it is a stock formulation; across two
    // sentences a formulation (表示诚挚感谢！… 表示诚挚感谢！) is the set frame: info
    const formulation = !same && o.matcher.matches(runKey.replace(/\|/g, ''));
    found.push({
      kind: 'repeated-clause',
      text: displayForm(text.slice(occ[0].start, occ[0].end)),
      occ,
      similarity: null,
      severity: formulation ? 'info' : 'warning',
      formulation,
    });
  }
}

/** The character before `start` or after `end` (spaces skipped, a few at most) is an enumeration comma. */
function listItem(text: string, start: number, end: number): boolean {
  let a = start - 1;
  while (a >= 0 && start - a < 4 && isSpace(text.charCodeAt(a))) a--;
  let b = end;
  while (b < text.length && b - end < 3 && isSpace(text.charCodeAt(b))) b++;
  return text.charCodeAt(a) === 0x3001 || text.charCodeAt(b) === 0x3001;
}

/** The clause ending at `end` closes a part: ；。！？ (or the line's end) follows. */
function closesPart(text: string, end: number): boolean {
  let b = end;
  while (b < text.length && b - end < 3 && (text.charCodeAt(b) === 0x20 || text.charCodeAt(b) === 0x3000)) b++;
  if (b >= text.length) return true;
  const c = text.charCodeAt(b);
  return c === 0xff1b || c === 0x3b || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x0d;
}

// ---------------------------------------------------------------- duplicate paragraphs

function lineStarts(text: string): Int32Array {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return Int32Array.from(starts);
}

function lineOf(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A paragraph (a line of at least two sentences) whose sentences recur, in order and consecutively,
 * as a whole line or inside another line. Returns the ranks covered by such repeats.
 */
function duplicateParagraphs(
  text: string,
  statements: Statement[],
  ks: KeyStream,
  keyLen: Int32Array,
  keyIds: Int32Array,
  ranksOf: number[][],
  o: Resolved,
  found: Found[],
): Uint8Array {
  const R = ks.order.length;
  const covered = new Uint8Array(R);
  const starts = lineStarts(text);
  const line = new Int32Array(R);
  for (let r = 0; r < R; r++) line[r] = lineOf(starts, statements[ks.order[r]].span.start);
  // keyed ranks in order, and each keyed rank's index in that list
  const seq: number[] = [];
  const pos = new Int32Array(R).fill(-1);
  for (let r = 0; r < R; r++)
    if (keyIds[r] >= 0) {
      pos[r] = seq.length;
      seq.push(r);
    }
  const groups = new Map<string, Map<number, { start: number; end: number; rank: number; ranks: number[] }>>();
  let p = 0;
  while (p < seq.length) {
    let q = p;
    while (q + 1 < seq.length && line[seq[q + 1]] === line[seq[p]]) q++;
    const k = q - p + 1;
    let lineLen = 0;
    for (let t = p; t <= q; t++) lineLen += keyLen[seq[t]];
    if (k >= 2 && lineLen >= 2 * o.minSentenceLength) {
      const first = keyIds[seq[p]];
      for (const other of ranksOf[first]) {
        const op = pos[other];
        if (op === p) continue;
        if (op + k - 1 >= seq.length) continue;
        if (op <= q && op + k - 1 >= p) continue; // overlaps itself
        let ok = true;
        for (let t = 1; t < k && ok; t++) {
          const a = seq[p + t];
          const b = seq[op + t];
          if (keyIds[a] !== keyIds[b] || line[b] !== line[other]) ok = false;
        }
        if (!ok) continue;
        const gk = seq
          .slice(p, q + 1)
          .map((r) => keyIds[r])
          .join(',');
        let g = groups.get(gk);
        if (!g) groups.set(gk, (g = new Map()));
        const lineRanks = seq.slice(p, q + 1);
        const otherRanks = seq.slice(op, op + k);
        g.set(statements[ks.order[seq[p]]].span.start, {
          start: statements[ks.order[seq[p]]].span.start,
          end: statements[ks.order[seq[q]]].span.end,
          rank: seq[p],
          ranks: lineRanks,
        });
        g.set(statements[ks.order[other]].span.start, {
          start: statements[ks.order[other]].span.start,
          end: statements[ks.order[seq[op + k - 1]]].span.end,
          rank: other,
          ranks: otherRanks,
        });
      }
    }
    p = q + 1;
  }
  for (const g of groups.values()) {
    const occ = [...g.values()].sort((x, y) => x.start - y.start);
    // drop an occurrence nested in another one of the same group (cannot happen for equal lengths)
    for (const x of occ) for (const r of x.ranks) covered[r] = 1;
    found.push({
      kind: 'duplicate-paragraph',
      text: displayForm(text.slice(occ[0].start, occ[0].end)),
      occ: occ.map(({ start, end, rank }) => ({ start, end, rank })),
      similarity: null,
      severity: 'warning',
      formulation: false,
    });
  }
  return covered;
}

/** Longest sentence (key characters) taken as a run-in heading restated. */
const RUN_IN_MAX = 30;

/**
 * A sentence that repeats by design, reported as info:
 * - a run-in heading restated: a short sentence without figures that opens its paragraph, and
 *   wherever else it occurs opens a paragraph too or stands in a line of short sentences
 *   (推进节能减排和生态环境保护。 opens a paragraph of the review and one of the plans; 全力扩大有效投资。
 *   listed among the year's tasks heads its own paragraph later);
 * - the same sentence in several entries of one numbered list or of notes, on different lines: the
 *   entries describe different things in the same words (（28）…目前已编制完成工程规划。 （29）…
 *   目前已编制完成工程规划。; [37]…不能直接相比计算增速。 [43]…不能直接相比计算增速。).
 */
function byDesign(text: string, statements: Statement[], ks: KeyStream, rs: number[], lineEntry: Uint8Array): boolean {
  const lines = new Set(rs.map((r) => ks.lineStart[r]));
  if (lines.size < rs.length) return false; // twice in one paragraph: a slip
  if (rs.every((r) => lineEntry[r])) return true;
  const first = statements[ks.order[rs[0]]];
  if (ks.keyEnd[rs[0]] - ks.keyStart[rs[0]] > RUN_IN_MAX || /[0-9０-９*＊]/.test(first.text)) return false;
  const opensLine = (r: number) => {
    const st = statements[ks.order[r]];
    for (let i = ks.lineStart[r]; i < st.span.start; i++) if (!isSpace(text.charCodeAt(i)) && text[i] !== '*' && text[i] !== '#') return false;
    return true;
  };
  // a line of short sentences: the year's tasks listed one after another (全力扩大有效投资。着力提振消费。…)
  const taskList = (r: number) => {
    const short = (x: number) => ks.heading[x] === 1 || ks.keyEnd[x] - ks.keyStart[x] <= RUN_IN_MAX;
    let n = 0;
    for (let x = r - 1; x >= 0 && ks.lineStart[x] === ks.lineStart[r]; x--) if (++n > 20 || !short(x)) return false;
    for (let x = r + 1; x < ks.order.length && ks.lineStart[x] === ks.lineStart[r]; x++) if (++n > 40 || !short(x)) return false;
    return true;
  };
  // a run-in heading: more text follows on its line
  const runsIn = (r: number) => r + 1 < ks.order.length && ks.lineStart[r + 1] === ks.lineStart[r];
  let heads = 0;
  for (const r of rs) {
    if (opensLine(r)) {
      if (runsIn(r)) heads++;
    } else if (!taskList(r)) return false;
  }
  return heads > 0;
}

/** Collapsed key of a sentence for comparing frames: every run of figures (digits, . and %) becomes one #. */
function frameKey(codes: Uint16Array, a: number, b: number): string {
  let out = '';
  let inFig = false;
  for (let i = a; i < b; i++) {
    const c = codes[i];
    const fig = (c >= 0x30 && c <= 0x39) || c === DOT || c === 0x25;
    if (fig) {
      if (!inFig) out += '#';
      inFig = true;
      continue;
    }
    inFig = false;
    out += String.fromCharCode(c);
  }
  return out;
}

/**
 * Whether two frame keys differ by a word put in place of another (物流中心 / 消费中心, 第一产业 /
 * 第二产业, 出厂价格 / 购进价格): both keep something of their own between the shared start and end.
 * A copy with words added or dropped (one middle empty) is not a substitution.
 */
function substitution(a: string, b: string): boolean {
  if (a === b) return false;
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let q = 0;
  while (q < n - p && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  return a.length - p - q > 0 && b.length - p - q > 0;
}

// ---------------------------------------------------------------- near-duplicates

function nearDuplicates(
  text: string,
  statements: Statement[],
  ks: KeyStream,
  keyLen: Int32Array,
  ranksOf: number[][],
  o: Resolved,
  found: Found[],
  lineEntry: Uint8Array,
): void {
  if (o.nearThreshold > 1) return;
  const items: number[] = [];
  for (let id = 0; id < ranksOf.length; id++) if (keyLen[ranksOf[id][0]] >= o.nearMinLength) items.push(id);
  if (items.length < 2) return;
  const starts = new Int32Array(items.length);
  const ends = new Int32Array(items.length);
  for (let t = 0; t < items.length; t++) {
    const r = ranksOf[items[t]][0];
    starts[t] = ks.keyStart[r];
    ends[t] = ks.keyEnd[r];
  }
  const { root, lowest } = nearGroups(ks.codes, starts, ends, o.nearThreshold);
  const members = new Map<number, number[]>();
  for (let t = 0; t < items.length; t++) {
    if (lowest[root[t]] > 1) continue;
    const l = members.get(root[t]);
    if (l) l.push(t);
    else members.set(root[t], [t]);
  }
  for (const [g, all] of members) {
    for (const ts of sameFrame(text, ks, items, ranksOf, all)) {
      const ranks: number[] = [];
      for (const t of ts) for (const x of ranksOf[items[t]]) ranks.push(x);
      ranks.sort((a, b) => a - b);
      const formulation = ts.every((t) => o.matcher.matches(stmtKey(ks, ranksOf[items[t]][0])));
      // entries of one list or of notes worded alike, each on its own line: by design
      const entries = new Set(ranks.map((r) => ks.lineStart[r])).size === ranks.length && ranks.every((r) => lineEntry[r]);
      found.push({
        kind: 'near-duplicate',
        text: displayForm(statements[ks.order[ranks[0]]].text),
        occ: ranks.map((r) => stmtOcc(statements, ks, r)),
        similarity: Math.round(lowest[g] * 1e4) / 1e4,
        severity: formulation || entries ? 'info' : 'warning',
        formulation,
      });
    }
  }
}

/** The figures of a key range, in order (runs of digits and points). */
function figures(codes: Uint16Array, a: number, b: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = a; i <= b; i++) {
    const c = i < b ? codes[i] : 0;
    if ((c >= 0x30 && c <= 0x39) || c === DOT) cur += String.fromCharCode(c);
    else if (cur) {
      out.push(cur);
      cur = '';
    }
  }
  return out;
}

/**
 * Two sentences of one frame, close together (the same or neighbouring paragraphs), whose figures
 * are two or more and all different: two measurements reported alike (…占国内生产总值的比重为4.14%，
 * 比上年提高0.19个百分点。 / …比重为0.9%，比上年提高0.1个百分点。), not a copy with a figure changed.
 */
function twoMeasurements(text: string, ks: KeyStream, r1: number, r2: number): boolean {
  const f1 = figures(ks.codes, ks.keyStart[r1], ks.keyEnd[r1]);
  const f2 = figures(ks.codes, ks.keyStart[r2], ks.keyEnd[r2]);
  if (f1.length < 2 || f1.length !== f2.length) return false;
  for (let i = 0; i < f1.length; i++) if (f1[i] === f2[i]) return false;
  // neighbouring paragraphs: at most two line breaks apart (one blank line between them)
  const [a, b] = ks.lineStart[r1] <= ks.lineStart[r2] ? [ks.lineStart[r1], ks.lineStart[r2]] : [ks.lineStart[r2], ks.lineStart[r1]];
  let breaks = 0;
  for (let i = text.indexOf('\n', a); i !== -1 && i < b && breaks <= 3; i = text.indexOf('\n', i + 1)) breaks++;
  return breaks <= 3;
}

/**
 * The parts of a near-duplicate group that are copies of one another, not enumerations of one frame:
 * members are joined when they differ in figures only (a figure changed in a copy) or by words added
 * or dropped, and left apart when one word stands in place of another (加快建设…物流中心 / …消费中心:
 * the genre's parallel style). Each member is compared with the group's first member of another frame
 * and with the previous one (linear); parts of one member are dropped.
 */
function sameFrame(text: string, ks: KeyStream, items: number[], ranksOf: number[][], ts: number[]): number[][] {
  if (ts.length < 2) return [];
  const frames = ts.map((t) => {
    const r = ranksOf[items[t]][0];
    return frameKey(ks.codes, ks.keyStart[r], ks.keyEnd[r]);
  });
  const parent = ts.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const join = (x: number, y: number) => {
    const a = find(x);
    const b = find(y);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const byFrame = new Map<string, number>();
  const lastOfFrame = new Map<string, number>();
  for (let i = 0; i < ts.length; i++) {
    const f = frames[i];
    const seen = byFrame.get(f);
    if (seen !== undefined) {
      const last = lastOfFrame.get(f)!;
      if (!twoMeasurements(text, ks, ranksOf[items[ts[seen]]][0], ranksOf[items[ts[i]]][0])) join(i, seen);
      if (last !== seen && !twoMeasurements(text, ks, ranksOf[items[ts[last]]][0], ranksOf[items[ts[i]]][0])) join(i, last);
    } else byFrame.set(f, i);
    lastOfFrame.set(f, i);
  }
  const reps = [...byFrame.values()];
  for (let k = 1; k < reps.length; k++) {
    if (!substitution(frames[reps[0]], frames[reps[k]])) join(reps[0], reps[k]);
    if (k > 1 && !substitution(frames[reps[k - 1]], frames[reps[k]])) join(reps[k - 1], reps[k]);
  }
  const parts = new Map<number, number[]>();
  for (let i = 0; i < ts.length; i++) {
    const root = find(i);
    const l = parts.get(root);
    if (l) l.push(ts[i]);
    else parts.set(root, [ts[i]]);
  }
  return [...parts.values()].filter((p) => p.length >= 2);
}

// ---------------------------------------------------------------- repeated phrases

function repeatedPhrases(
  text: string,
  statements: Statement[],
  ks: KeyStream,
  dupKey: Uint8Array,
  inParagraph: Uint8Array,
  o: Resolved,
  found: Found[],
): void {
  const n = ks.length;
  if (n < o.minPhraseLength) return;
  // duplicate sentences and paragraphs are reported already: phrases are counted outside them, so
  // their copies are blanked out (a document pasted twice is then not suffix-sorted whole)
  let codes = ks.codes;
  for (let r = 0; r < ks.order.length; r++) {
    if (!dupKey[r] && !inParagraph[r]) continue;
    if (codes === ks.codes) codes = ks.codes.slice(0, n);
    codes.fill(SEP, ks.keyStart[r], ks.keyEnd[r]);
  }
  const s = new Int32Array(n);
  const upper = denseAlphabet(codes, n, s);
  const rep = findRepeats(s, upper, o.minPhraseLength, o.minPhraseCount, null);
  if (rep.count === 0) return;
  const { sa, map } = rep;
  const cover = new Coverage(n);
  // duplicate sentences and paragraphs are reported already: their copies do not count again
  for (let r = 0; r < ks.order.length; r++)
    if (dupKey[r] || inParagraph[r]) cover.add(ks.keyStart[r], ks.keyEnd[r]);
  // Real reports have few long repeats; periodic input (aaaa…, 1234512345…) has a nest of repeat
  // classes whose sizes add up to n². A linear work budget keeps the stage linear there: once spent,
  // no further (ever shorter) phrases are examined.
  let budget = 8 * n + 100_000;
  for (let c = 0; c < rep.count; c++) {
    const len = rep.len[c];
    budget -= rep.rb[c] - rep.lb[c] + 1;
    if (budget < 0) break;
    let free = 0;
    for (let t = rep.lb[c]; t <= rep.rb[c] && free < o.minPhraseCount; t++) if (!cover.covers(map[sa[t]], len)) free++;
    if (free < o.minPhraseCount) continue;
    const positions: number[] = [];
    for (let t = rep.lb[c]; t <= rep.rb[c]; t++) positions.push(map[sa[t]]);
    positions.sort((a, b) => a - b);
    budget -= positions.length;
    cover.addSorted(positions, len);
    const key = codesToString(ks.codes, positions[0], positions[0] + len);
    const occ = positions.map((p) => {
      const sp = keySpan(ks, p, p + len);
      return { start: sp.start, end: sp.end, rank: rankAt(ks, p) };
    });
    found.push({
      kind: 'repeated-phrase',
      text: displayForm(text.slice(occ[0].start, occ[0].end)),
      occ,
      similarity: null,
      // measured on the corpus: long phrases used three times or more are programme names and stock
      // phrases (成渝地区双城经济圈, 粤港澳大湾区建设), not slips: information, never a warning
      severity: 'info',
      formulation: o.matcher.matches(key),
    });
  }
  void statements;
}

// ---------------------------------------------------------------- across documents

export interface CompareDoc {
  id: string;
  text: string;
  statements: Statement[];
  role?: 'draft' | 'reference';
}

export interface SharedOccurrence {
  docId: string;
  span: Span;
  statementId: string | null;
}

export interface SharedItem {
  kind: 'sentence' | 'phrase';
  text: string;
  occurrences: SharedOccurrence[];
  /** true when the shared text is a fixed formulation from the dictionary */
  formulation: boolean;
}

export interface DocumentPair {
  a: string;
  b: string;
  /** share of a's sentences (counted with repeats) whose key occurs in b */
  shareAinB: number;
  shareBinA: number;
  /** distinct sentence keys found in both */
  sharedSentences: number;
}

export interface CompareResult {
  shared: SharedItem[];
  pairs: DocumentPair[];
}

export interface CompareOptions extends DuplicateOptions {
  /** an item is listed in `shared` when it occurs in at least this many documents; default 2 */
  minShared?: number;
  /**
   * shortest phrase (key characters) listed as shared between documents; default 12. Shorter shared
   * phrases (8–11 characters) are nearly all stock terms and formulations that every report uses,
   * and on a batch they swamp the list; findDuplicates' minPhraseLength (8) is for one document. A
   * minPhraseLength above 12 raises this default with it.
   */
  minSharedPhraseLength?: number;
  /** set false to skip shared phrases (sentences and pair shares only); default true */
  phrases?: boolean;
  /** 'all' (default): every pair of documents (with roles: every pair with a draft); 'sharing': only pairs that share a sentence */
  pairs?: 'all' | 'sharing';
}

/**
 * Sentences and long phrases shared between documents, and for every pair of documents the share of
 * one's sentences found in the other. With roles, pairs are those that involve a draft (a draft
 * first), and shared items must occur in a draft.
 *
 * Near-linear in the total text: sentences are hashed; phrases come from one suffix array over the
 * batch's distinct material (each shared sentence once, and only stretches covered by a window that
 * recurs in another document); pair shares are counted per shared sentence over the documents that
 * hold it.
 */
export function compareDocuments(docs: CompareDoc[], options?: CompareOptions): CompareResult {
  const o = resolve(options);
  const minShared = Math.max(2, options?.minShared ?? 2);
  const minPhrase = Math.max(2, options?.minSharedPhraseLength ?? Math.max(o.minPhraseLength, 12));
  const D = docs.length;
  const anyRole = docs.some((d) => d.role !== undefined);
  const isDraft = docs.map((d) => !anyRole || d.role !== 'reference');

  const streams: KeyStream[] = docs.map((d) => buildKeyStream(d.text, d.statements));
  const eligible = new Int32Array(D);

  // --- sentences: key → documents (with counts) and occurrences
  interface Entry {
    docs: number[];
    counts: number[];
    occ: number[]; // doc, rank, doc, rank…
  }
  const entries = new Map<string, Entry>();
  for (let d = 0; d < D; d++) {
    const ks = streams[d];
    for (let r = 0; r < ks.order.length; r++) {
      if (ks.heading[r]) continue;
      const len = ks.keyEnd[r] - ks.keyStart[r];
      if (len < o.minSentenceLength) continue;
      eligible[d]++;
      const k = stmtKey(ks, r);
      let e = entries.get(k);
      if (!e) entries.set(k, (e = { docs: [], counts: [], occ: [] }));
      if (e.docs[e.docs.length - 1] === d) e.counts[e.counts.length - 1]++;
      else {
        e.docs.push(d);
        e.counts.push(1);
      }
      e.occ.push(d, r);
    }
  }

  // --- pair shares, counted over the documents of each shared sentence. Rows are drafts (every
  // document when there are no roles), columns any document; a pair of drafts is counted in the row
  // of the earlier one.
  const draftRank = new Int32Array(D).fill(-1);
  let nDrafts = 0;
  for (let d = 0; d < D; d++) if (isDraft[d]) draftRank[d] = nDrafts++;
  const inRow = new Int32Array(nDrafts * D);
  const inCol = new Int32Array(nDrafts * D);
  const both = new Int32Array(nDrafts * D);
  const items: SharedAcc[] = [];
  // per document and statement rank: the shared-sentence item it belongs to, or -1
  const sharedOf: Int32Array[] = streams.map((ks) => new Int32Array(ks.order.length).fill(-1));

  for (const [key, e] of entries) {
    const m = e.docs.length;
    if (m < 2) continue;
    let drafts = 0;
    for (let x = 0; x < m; x++) {
      const dx = e.docs[x];
      if (!isDraft[dx]) continue;
      drafts++;
      const row = draftRank[dx] * D;
      const cx = e.counts[x];
      for (let y = 0; y < m; y++) {
        if (y === x) continue;
        const dy = e.docs[y];
        if (isDraft[dy] && y < x) continue; // counted in dy's row
        inRow[row + dy] += cx;
        inCol[row + dy] += e.counts[y];
        both[row + dy]++;
      }
    }
    if (m < minShared || drafts === 0) continue;
    const occ: number[] = [];
    for (let t = 0; t < e.occ.length; t += 2) {
      const d = e.occ[t];
      const r = e.occ[t + 1];
      const st = docs[d].statements[streams[d].order[r]];
      occ.push(d, st.span.start, st.span.end, r);
      sharedOf[d][r] = items.length;
    }
    items.push({ kind: 'sentence', key, occ });
  }

  const pairs: DocumentPair[] = [];
  const onlySharing = options?.pairs === 'sharing';
  for (let i = 0; i < D; i++)
    for (let j = i + 1; j < D; j++) {
      if (!isDraft[i] && !isDraft[j]) continue;
      // a draft first
      const [a, b] = isDraft[i] ? [i, j] : [j, i];
      const at = draftRank[a] * D + b;
      if (onlySharing && both[at] === 0) continue;
      pairs.push({
        a: docs[a].id,
        b: docs[b].id,
        shareAinB: eligible[a] ? round4(inRow[at] / eligible[a]) : 0,
        shareBinA: eligible[b] ? round4(inCol[at] / eligible[b]) : 0,
        sharedSentences: both[at],
      });
    }

  if (options?.phrases !== false) sharedPhrases(streams, isDraft, sharedOf, minShared, minPhrase, items);

  // by first occurrence (document, then position)
  const order = items.map((_, i) => i);
  order.sort((x, y) => {
    const a = items[x].occ;
    const b = items[y].occ;
    return a[0] - b[0] || a[1] - b[1] || b[2] - a[2] || x - y;
  });
  const shared: SharedItem[] = new Array(order.length);
  for (let t = 0; t < order.length; t++) {
    const it = items[order[t]];
    const occ = it.occ;
    const occurrences: SharedOccurrence[] = new Array(occ.length / 4);
    for (let u = 0; u < occ.length; u += 4) {
      const d = occ[u];
      const r = occ[u + 3];
      occurrences[u / 4] = {
        docId: docs[d].id,
        span: { start: occ[u + 1], end: occ[u + 2] },
        statementId: docs[d].statements[streams[d].order[r]].id,
      };
    }
    shared[t] = {
      kind: it.kind,
      text: displayForm(docs[occ[0]].text.slice(occ[1], occ[2])),
      occurrences,
      formulation: o.matcher.matches(it.key),
    };
  }
  return { shared, pairs };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** A shared item being built: occurrences flat as doc, start, end, statement rank. */
interface SharedAcc {
  kind: 'sentence' | 'phrase';
  key: string;
  occ: number[];
}

/**
 * Shared phrases: maximal repeats of at least `minLen` key characters found in at least `minShared`
 * documents outside the shared sentences. One suffix array over the batch, in which each shared
 * sentence appears once (its copies are identical keys, so a phrase inside one is inside all of them
 * at the same offset): the sorted text is the batch's distinct material, not its copies.
 */
function sharedPhrases(
  streams: KeyStream[],
  isDraft: boolean[],
  sharedOf: Int32Array[],
  minShared: number,
  minLen: number,
  items: SharedAcc[],
): void {
  const D = streams.length;
  const nSentences = items.length;
  // segments of the reduced text: a statement of one document, or the one copy of a shared sentence
  const segStart: number[] = [];
  const segDoc: number[] = []; // document, or -1 for a shared sentence
  const segRank: number[] = []; // statement rank, or the shared item index
  const repDone = new Uint8Array(nSentences);
  let N = 0;
  for (let d = 0; d < D; d++) {
    const ks = streams[d];
    for (let r = 0; r < ks.order.length; r++) {
      const len = ks.keyEnd[r] - ks.keyStart[r];
      if (len === 0) continue;
      const it = sharedOf[d][r];
      if (it >= 0) {
        if (repDone[it]) continue;
        repDone[it] = 1;
        segDoc.push(-1);
        segRank.push(it);
      } else {
        segDoc.push(d);
        segRank.push(r);
      }
      segStart.push(N);
      N += len + 1;
    }
  }
  if (N === 0) return;
  const all = new Uint16Array(N);
  const colors = new Int32Array(N);
  const segOf = new Int32Array(N);
  for (let g = 0; g < segStart.length; g++) {
    const d = segDoc[g];
    let ks: KeyStream;
    let r: number;
    if (d >= 0) {
      ks = streams[d];
      r = segRank[g];
    } else {
      const occ = items[segRank[g]].occ;
      ks = streams[occ[0]];
      r = occ[3];
    }
    const a = segStart[g];
    const len = ks.keyEnd[r] - ks.keyStart[r];
    all.set(ks.codes.subarray(ks.keyStart[r], ks.keyEnd[r]), a);
    all[a + len] = SEP;
    // a shared sentence is in several documents already: its colour is "mixed" (-1)
    colors.fill(d >= 0 ? d : -1, a, a + len + 1);
    segOf.fill(g, a, a + len + 1);
  }
  const s = new Int32Array(N);
  const upper = denseAlphabet(all, N, s);
  const rep = findRepeats(s, upper, minLen, 2, colors);
  if (rep.count === 0) return;
  const { sa, map } = rep;
  const kc = rep.keptColors!;
  // coverage in kept coordinates: an occurrence never spans two kept stretches
  const cover = new Coverage(sa.length);
  const docMark = new Int32Array(D).fill(-1);
  // the same linear work budget as for one document's phrases (periodic input nests repeat classes)
  let budget = 32 * N + 100_000;
  for (let c = 0; c < rep.count; c++) {
    const len = rep.len[c];
    budget -= (rep.rb[c] - rep.lb[c] + 1) * (1 + Math.min(len, 64));
    if (budget < 0) break;
    let freeDocs = 0;
    let draftSeen = false;
    for (let t = rep.lb[c]; t <= rep.rb[c]; t++) {
      const q = sa[t];
      const d = kc[q];
      if (d < 0 || docMark[d] === c || cover.covers(q, len)) continue; // in a shared sentence, or a longer phrase
      docMark[d] = c;
      freeDocs++;
      if (isDraft[d]) draftSeen = true;
      if (freeDocs >= minShared && draftSeen) break;
    }
    if (freeDocs < minShared || !draftSeen) continue;
    const occ: number[] = [];
    let first = -1;
    for (let t = rep.lb[c]; t <= rep.rb[c]; t++) {
      const q = sa[t];
      cover.add(q, q + len);
      const p = map[q];
      if (first < 0 || p < first) first = p;
      const g = segOf[p];
      const delta = p - segStart[g];
      if (segDoc[g] >= 0) placeOcc(streams, segDoc[g], segRank[g], delta, len, occ);
      else {
        const so = items[segRank[g]].occ;
        for (let u = 0; u < so.length; u += 4) placeOcc(streams, so[u], so[u + 3], delta, len, occ);
      }
    }
    items.push({ kind: 'phrase', key: codesToString(all, first, first + len), occ: sortQuads(occ) });
  }
}

function placeOcc(streams: KeyStream[], d: number, r: number, delta: number, len: number, out: number[]): void {
  const ks = streams[d];
  const a = ks.keyStart[r] + delta;
  out.push(d, ks.orig[a], ks.orig[a + len - 1] + 1, r);
}

/** Sort flat (doc, start, end, rank) quadruples by doc, then start. */
function sortQuads(q: number[]): number[] {
  const n = q.length / 4;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) {
    const a = (i - 1) * 4;
    const b = i * 4;
    if (q[a] > q[b] || (q[a] === q[b] && q[a + 1] > q[b + 1])) sorted = false;
  }
  if (sorted) return q;
  const idx = Array.from({ length: n }, (_, i) => i * 4);
  idx.sort((a, b) => q[a] - q[b] || q[a + 1] - q[b + 1]);
  const out = new Array<number>(q.length);
  for (let i = 0; i < n; i++) {
    const a = idx[i];
    out[i * 4] = q[a];
    out[i * 4 + 1] = q[a + 1];
    out[i * 4 + 2] = q[a + 2];
    out[i * 4 + 3] = q[a + 3];
  }
  return out;
}
