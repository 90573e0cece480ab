/**
 * Stage: annotate — masked placeholders. Finds `*` runs (`**`, `***`, partly masked `9*%`), `××`,
 * `XX`, `X.X%`, `□□`, `○○`, `某某`, `……`, editorial notes left in brackets (`【待补充】`, `（数据待核）`,
 * `[待定]`) and says what each stands for: a number, a name, a date or text. Anonymised names of
 * published discipline reports (丁某某, 张某: a surname before 某/某某) are their own kind,
 * `anonymized`: not a leftover.
 *
 * A mask stands where a value belongs. Markdown is told apart from masks: in a document written in
 * Markdown, `**bold**` opens before a character and closes after one on the same line (or the next),
 * unless the `**` stands where a number belongs (**亿元, **%); `*emphasis*` likewise with one star; a
 * line of underscores is a rule. A single X is a mask only before a unit (X射线 is a word); ○○ touching
 * a numeral is a zero (二○○八年).
 *
 * Works on the normalised copy; spans are mapped back to the original text.
 */
import type { Placeholder, PlaceholderKind } from '../schema/index.js';
import { loadJson } from '../dictionaries.js';
import { toOriginal, type Normalized } from '../normalize/index.js';
import { unitAt } from './units.js';

interface PlaceholderDict {
  textMasks: string[];
  nameSuffixes: string[];
  dateAfter: string[];
  dateBefore: string[];
  numberAfter: string[];
  maskNameAfter: string[];
  xMaskChars: string;
  boxMaskChars: string;
  pending: string[];
  pendingNumber: string[];
  pendingDate: string[];
  pendingName: string[];
  surnames: string[];
  notAnonymousAfter: string;
}

interface Loaded extends PlaceholderDict {
  suffixes: string[];
  single: Set<string>;
  compound: Set<string>;
  xChars: Set<string>;
  boxChars: Set<string>;
  /** 1 for the code units of xMaskChars and boxMaskChars: one lookup per character of the text */
  maskCode: Uint8Array;
  stopAfter: Set<string>;
}

let dict: Loaded | null = null;
function load(): Loaded {
  if (!dict) {
    const d = loadJson<PlaceholderDict>('placeholders.json');
    dict = {
      ...d,
      suffixes: [...d.nameSuffixes].sort((a, b) => b.length - a.length),
      single: new Set(d.surnames.filter((s) => s.length === 1)),
      compound: new Set(d.surnames.filter((s) => s.length === 2)),
      xChars: new Set([...d.xMaskChars]),
      boxChars: new Set([...d.boxMaskChars]),
      stopAfter: new Set([...d.notAnonymousAfter]),
      maskCode: new Uint8Array(65536),
    };
    for (const c of d.xMaskChars + d.boxMaskChars) dict.maskCode[c.charCodeAt(0)] = 1;
  }
  return dict;
}

/** Is this document written in Markdown? Front matter, `#` headings, whole-line `**bold**`, a table rule, an image, or run-in `**bold。**` headings. */
export function looksLikeMarkdown(norm: string): boolean {
  if (/^\uFEFF?---\s*\n/.test(norm)) return true;
  if (/!\[[^\]\n]{0,200}\]\(/.test(norm)) return true;
  if (/^(?:#{1,6}[ \u3000]|[ \u3000]*\*\*[^*\n]{2,}\*\*[ \u3000]*$|[ \u3000]*\|[ :]*-{3,}[ :]*\|)/m.test(norm)) return true;
  // run-in bold headings: two lines or more that open with **…。** (a mask is never closed after 。)
  const runIn = /^[ \u3000]*\*\*[^*\n]{2,60}[。：:！？]\*\*/gm;
  return runIn.test(norm) && runIn.test(norm);
}

const OPEN_BEFORE = new Set([...'\n\t 　：:。；;，,、“"（(【《！？>—']);
/** punctuation that neither opens nor closes bold text */
const NOT_INSIDE = new Set([...' \n\t　，。、；：,.;:)）】》！？']);

/**
 * Where each run of exactly two `*` starts, in order. The search jumps from * to * (most lines have
 * none); a run ends at any other character, a line break too.
 */
export function doubleStarRuns(norm: string): number[] {
  return starRuns(norm, 2);
}

function starRuns(norm: string, len: number): number[] {
  const out: number[] = [];
  for (let star = norm.indexOf('*'); star !== -1; ) {
    let j = star;
    while (norm.charCodeAt(j) === 42) j++;
    if (j - star === len) out.push(star);
    star = norm.indexOf('*', j);
  }
  return out;
}

/** punctuation that ends bold text before its closer: **…影响力。** */
const CLOSE_AFTER = new Set([...'。！？；：，、”’）》】!?;:)']);

/** A rate follows the star run: **%, **个百分点. */
function rateSlot(norm: string, at: number, len: number): boolean {
  const after = norm.slice(at + len, at + len + 4);
  return /^(?:[%‰]|个百分点|百分点)/.test(after);
}

/** What follows a star run at [at, at + len) says a number belongs there: **亿元, **%, **个. */
function unitSlot(norm: string, at: number, len: number): boolean {
  const d = load();
  const after = norm.slice(at + len, at + len + 4);
  // a unit or a measure word after it (**个, **项, **微克/立方米): drafts mask figures far more often
  // than bold text starts with a measure word
  const u = at + len + (/^[余多]/.test(after) ? 1 : 0);
  return d.numberAfter.some((x) => after.startsWith(x)) || !!unitAt(norm, u);
}

/** A star run inside a line stands where a value belongs: a unit after it, 第 or a figure beside it, a place or 同志 after it. */
function valueSlot(norm: string, at: number, len: number): boolean {
  const d = load();
  const before = norm.charAt(at - 1);
  const after = norm.slice(at + len, at + len + 4);
  if (before === '第' || /[0-9—\-－~～–]/.test(before) || /^[0-9]/.test(after)) return true;
  // one end of a range after a word (增长*—***%, 打造**—**个)
  if (/^[—\-－~～–至到][0-9*]/.test(after)) return true;
  return unitSlot(norm, at, len) || d.maskNameAfter.some((x) => after.startsWith(x));
}

/** Offsets (normalised) of `**` runs that are Markdown bold delimiters. */
export function boldDelimiters(norm: string): Set<number> {
  return pairDelimiters(norm, doubleStarRuns(norm), 2, 3);
}

/** Offsets (normalised) of single `*` that are Markdown emphasis delimiters (`*![](图.png)*`, `*注*`). */
export function emphasisDelimiters(norm: string): Set<number> {
  return pairDelimiters(norm, starRuns(norm, 1), 1, 0);
}

/**
 * Pair delimiter runs of `len` stars line by line: an opener after punctuation or at a line start,
 * or (bold) after any character when no value belongs there; a closer after a character on the same
 * line (bold may close up to `wrap` lines on: some sources wrap a bold subtitle). Neither is followed
 * by a unit: **亿元, **%, **个 are masks wherever they stand.
 */
function pairDelimiters(norm: string, all: number[], len: number, wrap: number): Set<number> {
  const out = new Set<number>();
  let k = 0;
  let lineStart = 0;
  let pendingOpen = -1; // an opener whose closer may come on a later line
  let pendingLine = -1;
  let lineNo = 0;
  const runs: number[] = [];
  while (lineStart <= norm.length) {
    let lineEnd = norm.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = norm.length;
    runs.length = 0;
    while (k < all.length && all[k] < lineEnd) runs.push(all[k++]);
    let open = pendingOpen !== -1 && lineNo - pendingLine <= wrap ? pendingOpen : -1;
    pendingOpen = -1;
    for (const r of runs) {
      const before = r === lineStart ? '\n' : norm.charAt(r - 1);
      const after = norm.charAt(r + len);
      // a closer follows a character; after a word (not punctuation) it is not followed by a unit:
      // 增长**% closes nothing, 影响力。**成功举办 does
      if (
        open !== -1 &&
        r - open > len &&
        before !== ' ' &&
        before !== '\n' &&
        (CLOSE_AFTER.has(before) || !unitSlot(norm, r, len)) &&
        !(len === 1 && /^[0-9]/.test(after))
      ) {
        out.add(open);
        out.add(r);
        open = -1;
        continue;
      }
      if (open === -1 && after && !NOT_INSIDE.has(after) && after !== '*') {
        // at a line start (**名词解释**, **多措并举扩大消费。**) unless a rate follows; after
        // punctuation unless a unit follows (、**家); inside a line only bold (not single-star
        // emphasis), and only where no value belongs (**市, 第**, 9**)
        const ok =
          r === lineStart || before === '\n'
            ? !rateSlot(norm, r, len)
            : OPEN_BEFORE.has(before)
              ? !unitSlot(norm, r, len)
              : len > 1 && !valueSlot(norm, r, len);
        if (ok) open = r;
      }
    }
    if (open !== -1 && wrap > 0) {
      pendingOpen = open;
      if (open >= lineStart) pendingLine = lineNo;
    }
    if (lineEnd === norm.length) break;
    lineStart = lineEnd + 1;
    lineNo++;
  }
  return out;
}

const STAR_RUN = /[0-9*](?:[0-9*]|\.(?=[0-9*]))*/g;

interface Found {
  start: number;
  end: number;
  kind: PlaceholderKind;
  hint: string | null;
  pattern: string | null;
}

/** Find placeholders in the normalised copy; spans point into the original. */
export function findPlaceholders(norm: Normalized, markdown = looksLikeMarkdown(norm.text)): Placeholder[] {
  const d = load();
  const t = norm.text;
  const bold = markdown ? boldDelimiters(t) : new Set<number>();
  const em = markdown ? emphasisDelimiters(t) : new Set<number>();
  const found: Found[] = [];

  STAR_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STAR_RUN.exec(t))) {
    const raw = m[0];
    if (!raw.includes('*')) continue;
    let start = m.index;
    let end = start + raw.length;
    // drop bold and emphasis delimiters from the run's ends (`**2023**`, `**一、`, `*![](…)*`)
    if (bold.has(start) && raw.startsWith('**')) start += 2;
    else if (em.has(start) && raw.charAt(0) === '*') start += 1;
    if (bold.has(end - 2) && raw.endsWith('**') && end - 2 >= start) end -= 2;
    else if (em.has(end - 1) && raw.endsWith('*') && end - 1 >= start) end -= 1;
    if (end <= start) continue;
    if (starMarkup(t, start, end, markdown)) continue;
    const r = t.slice(start, end);
    // digits around stars belong to a partly masked number; a bare digit run left after trimming is no mask
    if (!r.includes('*')) continue;
    const partial = /[0-9]/.test(r);
    const { kind, hint } = classify(t, start, end, partial, d);
    found.push({ start, end, kind, hint, pattern: partial ? r : null });
  }

  // positions already taken by a mask: a later mask may not overlap one (a scan over `found` for
  // every candidate would be quadratic)
  const taken = new Uint8Array(t.length);
  for (const f of found) taken.fill(1, f.start, f.end);
  const free = (a: number, b: number) => {
    for (let k = a; k < b; k++) if (taken[k] === 1) return false;
    return true;
  };
  const add = (f: Found) => {
    taken.fill(1, f.start, f.end);
    found.push(f);
  };

  anonymisedNames(t, d, free, add);
  pendingNotes(t, d, free, add);
  maskRuns(t, d, free, add);

  // text masks (……, ××, XX, 某某, ＿＿)
  for (const mask of d.textMasks) {
    let from = 0;
    for (;;) {
      const at = t.indexOf(mask, from);
      if (at === -1) break;
      from = at + mask.length;
      // extend over repeats (………… or ××××)
      let end = from;
      const unit = mask.charAt(0);
      while (t.charAt(end) === unit) end++;
      from = end;
      // XX inside a Latin word is no mask
      if (/[A-Za-z]/.test(mask) && (/[A-Za-z]/.test(t.charAt(at - 1)) || /[A-Za-z]/.test(t.charAt(end)))) continue;
      // a line of underscores is a rule, not a blank to fill
      if (unit === '_' || unit === '＿') {
        const ls = t.lastIndexOf('\n', at - 1) + 1;
        let le = t.indexOf('\n', end);
        if (le === -1) le = t.length;
        if (/^[\s\u3000]*$/.test(t.slice(ls, at)) && /^[\s\u3000]*$/.test(t.slice(end, Math.min(le, end + 200)))) continue;
      }
      if (!free(at, end)) continue;
      const hint = parenHint(t, end);
      const kind: PlaceholderKind = mask === '……' || mask === '…' ? 'text' : mask === '某某' ? 'name' : nameOrText(t, end, d);
      add({ start: at, end, kind, hint: hint ?? (kind === 'name' ? suffixAt(t, end, d) : null), pattern: null });
    }
  }
  // a lone … inside a longer run was already covered; drop overlaps (keep the first found, longest)
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Placeholder[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue;
    lastEnd = f.end;
    const span = toOriginal(norm, f.start, f.end);
    out.push({
      id: `p${out.length + 1}`,
      span,
      raw: '', // filled by the caller from the original text
      kind: f.kind,
      hint: f.hint,
      pattern: f.pattern,
      statementId: null,
    });
  }
  return out;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * Stars that are layout, not masks: a line of stars alone (*** or * * *, a rule between parts), and
 * in Markdown a list bullet (`* ` at a line's start).
 */
function starMarkup(t: string, start: number, end: number, markdown: boolean): boolean {
  let a = start;
  while (a > 0 && start - a < 200 && /[ *\t\u3000]/.test(t.charAt(a - 1))) a--;
  if (a > 0 && t.charAt(a - 1) !== '\n') return false;
  const first = !/\*/.test(t.slice(a, start));
  if (markdown && first && end - start === 1 && (t.charAt(end) === ' ' || t.charAt(end) === '\t')) return true;
  let b = end;
  while (b < t.length && b - end < 200 && /[ *\t\u3000]/.test(t.charAt(b))) b++;
  if (b < t.length && t.charAt(b) !== '\n' && t.charAt(b) !== '\r') return false;
  let stars = 0;
  for (let k = a; k < b; k++) if (t.charCodeAt(k) === 42) stars++;
  return stars >= 3;
}

/**
 * Anonymised names: a surname right before 某 or 某某 (丁某某, 张某, 欧阳某某), not inside a word (提高某些:
 * 某 before 些/种/地… is a determiner). Kind `anonymized`; the span covers the surname.
 */
function anonymisedNames(t: string, d: Loaded, free: (a: number, b: number) => boolean, add: (f: Found) => void): void {
  for (let at = t.indexOf('某'); at !== -1; ) {
    let end = at;
    while (t.charCodeAt(end) === 0x67d0 /* 某 */) end++;
    const next = end;
    if (end - at <= 2 && at > 0 && !d.stopAfter.has(t.charAt(end))) {
      let start = -1;
      if (at >= 2 && d.compound.has(t.slice(at - 2, at))) start = at - 2;
      else if (d.single.has(t.charAt(at - 1))) start = at - 1;
      if (start >= 0 && free(start, end)) add({ start, end, kind: 'anonymized', hint: t.slice(start, at), pattern: null });
    }
    at = t.indexOf('某', next);
  }
}

const OPENERS: Record<string, string> = { '【': '】', '（': '）', '(': ')', '[': ']', '［': '］', '〔': '〕' };

/** Editorial notes left in brackets: 【待补充】, （数据待核）, [待定], （此处时间待定）. */
function pendingNotes(t: string, d: Loaded, free: (a: number, b: number) => boolean, add: (f: Found) => void): void {
  for (const word of d.pending) {
    for (let at = t.indexOf(word); at !== -1; at = t.indexOf(word, at + word.length)) {
      // the opening bracket within 8 characters before, the closing one within 8 after, one line
      let open = -1;
      for (let k = at - 1; k >= 0 && at - k <= 8; k--) {
        const c = t.charAt(k);
        if (c === '\n' || Object.values(OPENERS).includes(c)) break;
        if (OPENERS[c]) {
          open = k;
          break;
        }
      }
      if (open === -1) continue;
      const close = OPENERS[t.charAt(open)];
      let end = -1;
      for (let k = at + word.length; k < t.length && k - at - word.length <= 8; k++) {
        const c = t.charAt(k);
        if (c === '\n' || OPENERS[c]) break;
        if (c === close) {
          end = k + 1;
          break;
        }
      }
      if (end === -1 || !free(open, end)) continue;
      const inner = t.slice(open + 1, end - 1);
      const kind: PlaceholderKind = d.pendingNumber.some((w) => inner.includes(w))
        ? 'number'
        : d.pendingDate.some((w) => inner.includes(w))
          ? 'date'
          : d.pendingName.some((w) => inner.includes(w))
            ? 'name'
            : 'text';
      add({ start: open, end, kind, hint: inner, pattern: null });
    }
  }
}

/** What a mask at [start, end) stands for from what follows it: a number, a date, or neither. */
function valueAfter(t: string, start: number, end: number): 'number' | 'date' | null {
  const after = t.slice(end, end + 6);
  const a = after.replace(/^[余多]/, '');
  if (unitAt(a, 0) || /^[%‰]|^个百分点|^倍|^[万亿千]/.test(a)) return 'number';
  if (t.charAt(start - 1) === '第' && /^[位名批届次]/.test(after)) return 'number';
  if (/^[年月日号]/.test(after)) return 'date';
  return null;
}

/**
 * X masks (XX亿元, X.X%, ×××万人) and box masks (□□, ○○). An X run is a mask where a value belongs
 * (a unit after it) or, two or more long, before a name's suffix (XX市); elsewhere XX is left to the
 * text masks and a single X is a letter. □□ is a mask anywhere; ○○ only when it touches no numeral.
 */
function maskRuns(t: string, d: Loaded, free: (a: number, b: number) => boolean, add: (f: Found) => void): void {
  const NUMERAL = /[0-9〇○零一二两三四五六七八九]/;
  const code = d.maskCode;
  for (let i = 0; i < t.length; i++) {
    if (code[t.charCodeAt(i)] === 0) continue;
    const c = t.charAt(i);
    const x = d.xChars.has(c);
    const box = d.boxChars.has(c);
    if (!x && !box) continue;
    let j = i;
    while (j < t.length && t.charAt(j) === c) j++;
    // X.X: a decimal point between two X runs
    if (x && t.charAt(j) === '.' && t.charAt(j + 1) === c) {
      j += 1;
      while (j < t.length && t.charAt(j) === c) j++;
    }
    const start = i;
    const end = j;
    i = j - 1;
    if (x && (/[A-Za-z0-9]/.test(t.charAt(start - 1)) || /[A-Za-z0-9]/.test(t.charAt(end)))) continue;
    if (c === '○' && (NUMERAL.test(t.charAt(start - 1)) || NUMERAL.test(t.charAt(end)))) continue;
    const len = end - start;
    const value = valueAfter(t, start, end);
    if (x) {
      // ×××/XX not before a unit are text masks (found below); X.X and a lone X need a unit
      if (value !== 'number') continue;
    } else if (len < 2 && !value) continue;
    if (!free(start, end)) continue;
    const suffix = suffixAt(t, end, d);
    const kind: PlaceholderKind = value ?? (suffix ? 'name' : CJK.test(t.charAt(end)) || CJK.test(t.charAt(start - 1)) ? 'name' : 'text');
    add({ start, end, kind, hint: parenHint(t, end) ?? (kind === 'name' ? suffix : null), pattern: null });
  }
}

function nameOrText(t: string, end: number, d: Loaded): PlaceholderKind {
  if (valueAfter(t, end, end) === 'number') return 'number';
  return suffixAt(t, end, d) ? 'name' : 'text';
}

function suffixAt(t: string, at: number, d: { suffixes: string[] }): string | null {
  for (const s of d.suffixes) if (t.startsWith(s, at)) return s;
  return null;
}

/** `**（市名）` → 市名: a short parenthesis right after the mask. */
function parenHint(t: string, at: number): string | null {
  const c = t.charAt(at);
  if (c !== '（' && c !== '(') return null;
  const close = t.slice(at + 1, at + 12).search(/[）)]/);
  if (close <= 0) return null;
  const inner = t.slice(at + 1, at + 1 + close);
  return /[\u4e00-\u9fff]/.test(inner) && !/[0-9*]/.test(inner) ? inner : null;
}

function classify(t: string, start: number, end: number, partial: boolean, d: Loaded): { kind: PlaceholderKind; hint: string | null } {
  const before = t.charAt(start - 1);
  const after = t.slice(end, end + 6);
  const hint = parenHint(t, end);
  if (hint) {
    return { kind: /(数|率|额|量|万|亿|%)/.test(hint) ? 'number' : /(日期|时间|年|月|日)/.test(hint) ? 'date' : 'name', hint };
  }
  // dates: 11月*日, *届*次全会, ****年
  if (d.dateAfter.some((s) => after.startsWith(s))) {
    if (after.startsWith('日') || after.startsWith('号')) return { kind: 'date', hint: null };
    if (/届|次全会|次会议/.test(after.slice(0, 4))) return { kind: 'date', hint: null };
  }
  if (before === '月' && (after.startsWith('日') || after.startsWith('号'))) return { kind: 'date', hint: null };
  if (after.startsWith('年') && end - start === 4 && !partial) return { kind: 'date', hint: null };
  if (after.startsWith('月') && end - start <= 2 && /[年\s，。、]|^$/.test(before || ' ')) return { kind: 'date', hint: null };
  if (partial) return { kind: 'number', hint: null };
  // numbers: a unit, %, 余/多 + unit, 第**位
  const a = after.replace(/^[余多]/, '');
  const suffix0 = suffixAt(t, end, d);
  const unit0 = unitAt(a, 0);
  // ***项目 is a name (项目 is longer than the unit 项); ***项 is a number
  if (unit0 && suffix0 && suffix0.length > unit0.unit.length && a === after) return { kind: 'name', hint: suffix0 };
  if (unit0 || /^[%‰]|^个百分点|^倍|^[万亿千]/.test(a)) return { kind: 'number', hint: null };
  if (before === '第' && /^[位名批届次]/.test(after)) return { kind: 'number', hint: null };
  if (/^[、，]\s*\*+/.test(after) && unitAfterList(t, end)) return { kind: 'number', hint: null };
  // names: **市, **景区, ***项目
  const suffix = suffixAt(t, end, d);
  if (suffix) return { kind: 'name', hint: suffix };
  if (before === '“' || before === '"') return { kind: 'text', hint: null };
  if (/^[、和与及等]/.test(after) || /[在与和对及、]$/.test(before)) return { kind: 'name', hint: null };
  if (/^[\u4e00-\u9fff]/.test(after)) return { kind: 'name', hint: null };
  return { kind: 'unknown', hint: null };
}

/** `**、**%`: a list of masks whose last one carries the unit. */
function unitAfterList(t: string, at: number): boolean {
  let k = at;
  for (let guard = 0; guard < 8; guard++) {
    const m = /^[、，]\s*\*+/.exec(t.slice(k, k + 16));
    if (!m) break;
    k += m[0].length;
  }
  const a = t.slice(k, k + 6).replace(/^[余多]/, '');
  return !!unitAt(a, 0) || /^[%‰]|^个百分点|^倍|^[万亿千]/.test(a);
}
