/**
 * Stage: annotate — masked placeholders. Finds `*` runs (`**`, `***`, partly masked `9*%`), `××`,
 * `XX`, `某某`, `……` and says what each stands for: a number, a name, a date or text.
 * Markdown `**bold**` is told apart from a mask: in a document written in Markdown a `**` that opens
 * at a line start or after punctuation and closes on the same line (or the next) is markup.
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
}

let dict: (PlaceholderDict & { suffixes: string[] }) | null = null;
function load() {
  if (!dict) {
    const d = loadJson<PlaceholderDict>('placeholders.json');
    dict = { ...d, suffixes: [...d.nameSuffixes].sort((a, b) => b.length - a.length) };
  }
  return dict;
}

/** Is this document written in Markdown? Front matter, `#` headings or whole-line `**bold**`. */
export function looksLikeMarkdown(norm: string): boolean {
  if (/^\uFEFF?---\s*\n/.test(norm)) return true;
  return /^(?:#{1,6}[ \u3000]|[ \u3000]*\*\*[^*\n]{2,}\*\*[ \u3000]*$)/m.test(norm);
}

const OPEN_BEFORE = new Set([...'\n\t 　：:。；;，,、“"（(【《！？>—']);

/**
 * Where each run of exactly two `*` starts, in order. The search jumps from * to * (most lines have
 * none); a run ends at any other character, a line break too.
 */
export function doubleStarRuns(norm: string): number[] {
  const out: number[] = [];
  for (let star = norm.indexOf('*'); star !== -1; ) {
    let j = star;
    while (norm.charCodeAt(j) === 42) j++;
    if (j - star === 2) out.push(star);
    star = norm.indexOf('*', j);
  }
  return out;
}

/** Offsets (normalised) of `**` runs that are Markdown bold delimiters. */
export function boldDelimiters(norm: string): Set<number> {
  const out = new Set<number>();
  const all = doubleStarRuns(norm);
  // pair the runs line by line
  let k = 0;
  let lineStart = 0;
  let pendingOpen = -1; // an opener whose closer may come on the next line
  let pendingLine = -1;
  let lineNo = 0;
  const runs: number[] = [];
  while (lineStart <= norm.length) {
    let lineEnd = norm.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = norm.length;
    runs.length = 0;
    while (k < all.length && all[k] < lineEnd) runs.push(all[k++]);
    let open = pendingOpen !== -1 && lineNo - pendingLine <= 3 ? pendingOpen : -1;
    pendingOpen = -1;
    for (const r of runs) {
      const before = r === lineStart ? '\n' : norm.charAt(r - 1);
      const after = norm.charAt(r + 2);
      if (open === -1) {
        if ((OPEN_BEFORE.has(before) || r === lineStart) && after && after !== ' ' && after !== '\n') open = r;
      } else if (r - open > 2 && before !== ' ') {
        out.add(open);
        out.add(r);
        open = -1;
      }
    }
    if (open !== -1) {
      // an opener may close a few lines on (some sources wrap a bold subtitle over a blank line)
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

/** Find placeholders in the normalised copy; spans point into the original. */
export function findPlaceholders(norm: Normalized, markdown = looksLikeMarkdown(norm.text)): Placeholder[] {
  const d = load();
  const t = norm.text;
  const bold = markdown ? boldDelimiters(t) : new Set<number>();
  const found: Array<{ start: number; end: number; kind: PlaceholderKind; hint: string | null; pattern: string | null }> = [];

  STAR_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STAR_RUN.exec(t))) {
    const raw = m[0];
    if (!raw.includes('*')) continue;
    let start = m.index;
    let end = start + raw.length;
    // drop bold delimiters from the run's ends (`**2023**` or `**一、`)
    if (bold.has(start) && raw.startsWith('**')) start += 2;
    if (bold.has(end - 2) && raw.endsWith('**') && end - 2 >= start) end -= 2;
    if (end <= start) continue;
    let r = t.slice(start, end);
    // digits around stars belong to a partly masked number; a bare digit run left after trimming is no mask
    if (!r.includes('*')) continue;
    // trailing '.' handled by regex; strip a leading or trailing separator
    r = t.slice(start, end);
    const partial = /[0-9]/.test(r);
    const { kind, hint } = classify(t, start, end, partial, d);
    found.push({ start, end, kind, hint, pattern: partial ? r : null });
  }

  // positions already taken by a mask: a text mask may not overlap one (a scan over `found` for
  // every candidate would be quadratic)
  const taken = new Uint8Array(t.length);
  for (const f of found) taken.fill(1, f.start, f.end);
  // text masks (……, ××, XX, 某某)
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
      // XX inside a Latin word is no mask
      if (/[A-Za-z]/.test(mask) && (/[A-Za-z]/.test(t.charAt(at - 1)) || /[A-Za-z]/.test(t.charAt(end)))) continue;
      let clash = false;
      for (let k = at; k < end && !clash; k++) clash = taken[k] === 1;
      if (clash) continue;
      taken.fill(1, at, end);
      const hint = parenHint(t, end);
      const kind: PlaceholderKind = mask === '……' || mask === '…' ? 'text' : mask === '某某' ? 'name' : nameOrText(t, end, d);
      found.push({ start: at, end, kind, hint: hint ?? (kind === 'name' ? suffixAt(t, end, d) : null), pattern: null });
      from = end;
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

function nameOrText(t: string, end: number, d: PlaceholderDict & { suffixes: string[] }): PlaceholderKind {
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

function classify(
  t: string,
  start: number,
  end: number,
  partial: boolean,
  d: PlaceholderDict & { suffixes: string[] },
): { kind: PlaceholderKind; hint: string | null } {
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
