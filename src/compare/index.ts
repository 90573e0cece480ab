/**
 * Chinese ↔ English: which claims of a report and of its translation say the same thing, which
 * appear in one version only, and which disagree. Pure, on two Reports (zh and en, as analyze
 * returns them).
 *
 * Facts. A claim's facts are its quantities with their role: the value, the baseline, and the
 * growth with its direction (up/down/flat); a rank is a fact of its position. Each fact is
 * compared on its `scaled` number and unit, normalised first:
 * - units fold by the `conversions` of dictionaries/units.en.json (translators turn 1.3万亿斤 into
 *   650 million metric tons and 亩 into hectares): 斤 → 吨 × 0.0005, 亩 → 公顷 × 1/15, 百分点 → 个百分点…;
 *   n 番 (翻一番, doubled) is an increase of 2ⁿ − 1 倍; a fraction (三分之一, 一半, a third) is a percentage;
 * - units fall into classes: % ; 个百分点 ; each currency (元, 美元…) ; counts — the Chinese measure
 *   words (人, 个, 家, 户, 项…, listed as `countUnits`) and the bare English count ('') are one class,
 *   since "13.61 million new urban jobs" has no word for 万人's 人; every other unit is its own class;
 * - two numbers are equal when they differ by at most 1e-9 relatively, or by 1% when a conversion
 *   was applied to one of them (converted figures are rounded by the translator).
 *
 * Matching (the rule):
 * 1. a zh claim and an en claim can match when their canonical metrics are compatible (equal, or
 *    one of them unknown) and they share at least one fact: same kind (a level — value or baseline,
 *    which readers of the two languages tell apart differently: 由320元提高到380元 — ↔ a level;
 *    a growth ↔ a growth with the same direction; a rank ↔ a rank), equal number, same unit class;
 * 2. candidates are taken greedily, best first: more shared facts, then both canonical metrics known
 *    and equal, then the same modality, then the nearest relative position in the document
 *    (span.start / characters);
 * 3. a matched pair whose other facts conflict — both have levels (or growths) and none of them
 *    agree: the numbers, units or directions differ — goes to `disagree` instead of `matched`;
 * 4. among the claims left over, a zh claim and an en claim with the same known canonical metric,
 *    a fact of the same kind (or the same number in another kind), the same modality, within 5% of
 *    the document of each other, disagree
 *    (the translation or one of the readers gives another number, unit or direction); nearest first;
 * 5. whatever is left is `onlyZh` / `onlyEn`.
 */
import type { Claim, Quantity, Report } from '../schema/index.js';
import { loadJson } from '../dictionaries.js';

export interface ClaimPair {
  zh: Claim;
  en: Claim;
}

export type DisagreementReason = 'number' | 'unit' | 'direction';

export interface Disagreement extends ClaimPair {
  /** what differs between the facts of the same role */
  reasons: DisagreementReason[];
}

export interface VersionComparison {
  matched: ClaimPair[];
  onlyZh: Claim[];
  onlyEn: Claim[];
  disagree: Disagreement[];
}

export type FactRole = 'value' | 'baseline' | 'growth' | 'rank';

export interface Fact {
  role: FactRole;
  /** growth direction; null for values, baselines and ranks */
  direction: 'up' | 'down' | 'flat' | null;
  /** the number after unit conversion (the rank position for ranks) */
  number: number;
  /** the unit class: %, 个百分点, a currency, 'count', another base unit, or 'rank' */
  unitClass: string;
  /** a conversion was applied (tolerance 1%) */
  converted: boolean;
}

interface UnitsEnCompare {
  conversions: Record<string, [string, number]>;
  countUnits: string[];
}
let dict: { conversions: Map<string, [string, number]>; counts: Set<string> } | null = null;
function units() {
  if (!dict) {
    const raw = loadJson<UnitsEnCompare>('units.en.json');
    dict = { conversions: new Map(Object.entries(raw.conversions)), counts: new Set(raw.countUnits) };
  }
  return dict;
}

/** A scaled quantity in comparable form: converted number and unit class; null when masked. */
export function normalizeQuantity(q: Quantity | null | undefined): { number: number; unitClass: string; converted: boolean } | null {
  if (!q || !q.scaled) return null;
  const u = units();
  let unit = q.scaled.unit;
  let number = q.scaled.number;
  let converted = false;
  if (unit === '' && number > 0 && number <= 1 && /分之|半|third|quarter|half/i.test(q.raw)) {
    // 三分之一 = a third = 33.3%, 一半 = half = 50%: fractions compare as percentages
    number = number * 100;
    unit = '%';
    converted = true;
  }
  if (unit === '番') {
    // 翻一番 = doubled = an increase of 1 倍; 翻两番 = quadrupled = 3 倍
    number = 2 ** number - 1;
    unit = '倍';
  }
  const conv = u.conversions.get(unit);
  if (conv) {
    converted = conv[1] !== 1;
    number = number * conv[1];
    unit = conv[0];
  }
  const unitClass = u.counts.has(unit) ? 'count' : unit;
  return { number, unitClass, converted };
}

/** The facts of a claim (see the header). */
export function claimFacts(c: Claim): Fact[] {
  const out: Fact[] = [];
  const add = (role: FactRole, q: Quantity | null, direction: Fact['direction']) => {
    const n = normalizeQuantity(q);
    if (n) out.push({ role, direction, number: n.number, unitClass: n.unitClass, converted: n.converted });
  };
  add('value', c.value, null);
  add('baseline', c.baseline, null);
  if (c.growth) add('growth', c.growth.quantity, c.growth.direction);
  for (const r of c.ranks) if (r.position !== null) out.push({ role: 'rank', direction: null, number: r.position, unitClass: 'rank', converted: false });
  return out;
}

export function numbersEqual(a: number, b: number, converted = false): boolean {
  if (a === b) return true;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= (converted ? 0.01 : 1e-9) * scale;
}

/** Values and baselines are levels; a growth and a rank are each their own kind. */
export function factKind(f: Fact): 'level' | 'growth' | 'rank' {
  return f.role === 'growth' ? 'growth' : f.role === 'rank' ? 'rank' : 'level';
}

/** Same kind (level, growth, rank), direction, unit class and number. */
export function factsAgree(a: Fact, b: Fact): boolean {
  return factKind(a) === factKind(b) && a.direction === b.direction && a.unitClass === b.unitClass && numbersEqual(a.number, b.number, a.converted || b.converted);
}

/** What differs between two facts of the same role (empty when they agree). */
export function factDifferences(a: Fact, b: Fact): DisagreementReason[] {
  const out: DisagreementReason[] = [];
  if (!numbersEqual(a.number, b.number, a.converted || b.converted)) out.push('number');
  if (a.unitClass !== b.unitClass) out.push('unit');
  if (a.direction !== b.direction) out.push('direction');
  return out;
}

function metricsCompatible(a: Claim, b: Claim): boolean {
  return !a.metric.canonical || !b.metric.canonical || a.metric.canonical === b.metric.canonical;
}

/** Conflicts between the facts of the same role of two claims (value vs value…). */
function conflicts(fz: Fact[], fe: Fact[]): DisagreementReason[] {
  const reasons = new Set<DisagreementReason>();
  for (const kind of ['level', 'growth'] as const) {
    const a = fz.filter((f) => factKind(f) === kind);
    const b = fe.filter((f) => factKind(f) === kind);
    if (a.length === 0 || b.length === 0) continue;
    if (a.some((x) => b.some((y) => factsAgree(x, y)))) continue;
    for (const r of factDifferences(a[0], b[0])) reasons.add(r);
  }
  return [...reasons];
}

/**
 * Candidates per claim and per fact: the English claims with an equal number are taken nearest in
 * the document first, at most this many, and at most MAX_NUMBERS distinct numbers within the
 * tolerance are tried. A translation keeps its claims in about the same place, so the right partner
 * is among the nearest; without a cap, reports whose claims share one number (every line "增长5%")
 * try every pair: 40K characters a side took 12 s and 300K ran out of memory.
 */
export const MAX_CANDIDATES = 32;
const MAX_NUMBERS = 8;

/** The English facts by number, each number's claims by position in the document. */
function numberIndex(ef: Fact[][], ePos: number[]): { near(x: number, pos: number): number[] } {
  const byNumber = new Map<number, number[]>();
  ef.forEach((fs, j) => {
    for (const f of fs) {
      const l = byNumber.get(f.number);
      if (!l) byNumber.set(f.number, [j]);
      else if (l[l.length - 1] !== j) l.push(j);
    }
  });
  // claims are in document order, so each list is sorted by position already
  const numbers = [...byNumber.keys()].sort((a, b) => a - b);
  const firstAtLeast = (lo: number): number => {
    let a = 0;
    let b = numbers.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (numbers[m] < lo) a = m + 1;
      else b = m;
    }
    return a;
  };
  return {
    near(x, pos) {
      // within the tolerance of a converted figure (1%), with room for rounding
      const lo = x - Math.abs(x) * 0.011 - 1e-12;
      const hi = x + Math.abs(x) * 0.011 + 1e-12;
      const out: number[] = [];
      // the distinct numbers in range, nearest to x first
      let l = firstAtLeast(x) - 1;
      let h = l + 1;
      for (let tried = 0; tried < MAX_NUMBERS; tried++) {
        const dl = l >= 0 && numbers[l] >= lo ? x - numbers[l] : Infinity;
        const dh = h < numbers.length && numbers[h] <= hi ? numbers[h] - x : Infinity;
        if (dl === Infinity && dh === Infinity) break;
        const list = byNumber.get(numbers[dl <= dh ? l-- : h++])!;
        // the claims with that number nearest to pos, outward
        let a = 0;
        let b = list.length;
        while (a < b) {
          const m = (a + b) >>> 1;
          if (ePos[list[m]] < pos) a = m + 1;
          else b = m;
        }
        let p = a - 1;
        let q = a;
        for (let taken = 0; taken < MAX_CANDIDATES && (p >= 0 || q < list.length); taken++) {
          const dp = p >= 0 ? pos - ePos[list[p]] : Infinity;
          const dq = q < list.length ? ePos[list[q]] - pos : Infinity;
          out.push(list[dp <= dq ? p-- : q++]);
        }
      }
      return out;
    },
  };
}

/**
 * Compare a Chinese report with its English translation (see the header for the rule). The lists
 * are in document order (matched and disagree by the zh claim).
 */
export function compareVersions(zh: Report, en: Report): VersionComparison {
  const zc = zh.claims;
  const ec = en.claims;
  const zf = zc.map(claimFacts);
  const ef = ec.map(claimFacts);
  const zPos = zc.map((c) => c.span.start / Math.max(1, zh.stats.characters));
  const ePos = ec.map((c) => c.span.start / Math.max(1, en.stats.characters));
  // the English facts by number, to find the claims that may share a fact without trying every pair
  const byNumber = numberIndex(ef, ePos);
  const cands: Array<{ i: number; j: number; score: number; dist: number }> = [];
  for (let i = 0; i < zc.length; i++) {
    if (zf[i].length === 0) continue;
    const js = new Set<number>();
    for (const f of zf[i]) for (const j of byNumber.near(f.number, zPos[i])) js.add(j);
    for (const j of [...js].sort((a, b) => a - b)) {
      if (ef[j].length === 0 || !metricsCompatible(zc[i], ec[j])) continue;
      let shared = 0;
      const used = new Set<number>();
      for (const a of zf[i]) {
        const k = ef[j].findIndex((b, kk) => !used.has(kk) && factsAgree(a, b));
        if (k !== -1) {
          used.add(k);
          shared++;
        }
      }
      if (shared === 0) continue;
      const known = zc[i].metric.canonical && zc[i].metric.canonical === ec[j].metric.canonical ? 1 : 0;
      const modal = zc[i].modality === ec[j].modality ? 1 : 0;
      cands.push({ i, j, score: shared * 4 + known * 2 + modal, dist: Math.abs(zPos[i] - ePos[j]) });
    }
  }
  cands.sort((a, b) => b.score - a.score || a.dist - b.dist);
  const zUsed = new Set<number>();
  const eUsed = new Set<number>();
  const matched: ClaimPair[] = [];
  const disagree: Disagreement[] = [];
  const pairs: Array<{ i: number; j: number; reasons: DisagreementReason[] }> = [];
  for (const c of cands) {
    if (zUsed.has(c.i) || eUsed.has(c.j)) continue;
    zUsed.add(c.i);
    eUsed.add(c.j);
    pairs.push({ i: c.i, j: c.j, reasons: conflicts(zf[c.i], ef[c.j]) });
  }
  // leftovers with the same known metric and a fact of the same role nearby: disagreements
  const left: Array<{ i: number; j: number; dist: number }> = [];
  const byMetric = new Map<string, number[]>();
  ec.forEach((c, j) => {
    if (eUsed.has(j) || !c.metric.canonical) return;
    const l = byMetric.get(c.metric.canonical) ?? [];
    l.push(j);
    byMetric.set(c.metric.canonical, l);
  });
  for (let i = 0; i < zc.length; i++) {
    const canonical = zc[i].metric.canonical;
    if (zUsed.has(i) || !canonical) continue;
    // English claims are in document order: those within 5% of the document of this one, nearest first
    const list = byMetric.get(canonical) ?? [];
    let a = 0;
    let b = list.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (ePos[list[m]] < zPos[i]) a = m + 1;
      else b = m;
    }
    // outward from the nearest, at most MAX_CANDIDATES of them: a report whose claims all share one
    // metric would otherwise try 5% of the other's claims for each of its own
    let lo = a - 1;
    let hi = a;
    for (let taken = 0; taken < MAX_CANDIDATES; taken++) {
      const before = lo >= 0 && ePos[list[lo]] >= zPos[i] - 0.05 ? zPos[i] - ePos[list[lo]] : Infinity;
      const after = hi < list.length && ePos[list[hi]] <= zPos[i] + 0.05 ? ePos[list[hi]] - zPos[i] : Infinity;
      if (before === Infinity && after === Infinity) break;
      const k = before <= after ? lo-- : hi++;
      const j = list[k];
      if (zc[i].modality !== ec[j].modality) continue;
      const dist = Math.abs(zPos[i] - ePos[j]);
      // a fact of the same role, or the same number read in another role (a value against a growth)
      const sameRole = zf[i].some((a) => ef[j].some((b) => factKind(a) === factKind(b) || numbersEqual(a.number, b.number, a.converted || b.converted)));
      if (sameRole) left.push({ i, j, dist });
    }
  }
  left.sort((a, b) => a.dist - b.dist);
  for (const l of left) {
    if (zUsed.has(l.i) || eUsed.has(l.j)) continue;
    zUsed.add(l.i);
    eUsed.add(l.j);
    const reasons = conflicts(zf[l.i], ef[l.j]);
    if (reasons.length === 0) {
      // facts of different roles (a value against a growth): the direction is what differs
      reasons.push('direction');
    }
    pairs.push({ i: l.i, j: l.j, reasons });
  }
  pairs.sort((a, b) => a.i - b.i);
  for (const p of pairs) {
    if (p.reasons.length) disagree.push({ zh: zc[p.i], en: ec[p.j], reasons: p.reasons });
    else matched.push({ zh: zc[p.i], en: ec[p.j] });
  }
  return {
    matched,
    onlyZh: zc.filter((_, i) => !zUsed.has(i)),
    onlyEn: ec.filter((_, j) => !eUsed.has(j)),
    disagree,
  };
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** "on March 5, 2019", "March 2019": the delivery date under the title of a translation. */
const DELIVERY_DATE = new RegExp(`\\b(?:${MONTHS})\\s+(?:\\d{1,2},?\\s+)?((?:19|20)\\d{2})\\b`);

/**
 * The year of an English report: the delivery date in its first lines ("Delivered … on March 5,
 * 2019"), else 19xx/20xx in the file name (its last part), else null — as reportYear reads a
 * Chinese report's title, date line or file name.
 */
export function englishReportYear(text: string, fileName = ''): number | null {
  const head = text.slice(0, 2000).split(/\r\n|\r|\n/).filter((l) => l.trim()).slice(0, 8);
  for (const line of head) {
    const m = DELIVERY_DATE.exec(line);
    if (m) return Number(m[1]);
  }
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const f = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(base);
  return f ? Number(f[1]) : null;
}

/**
 * Below this share of the smaller version's claims matched, the two texts are taken as unrelated
 * (another year, another report). Measured on the corpus's seven national reports and their
 * translations, the matched share of the smaller side: 88–96% for each report and its own
 * translation, 6–33% for a report against another year's.
 */
export const UNRELATED_SHARE = 0.5;

/**
 * Warnings on a comparison that cannot mean what it says: the two reports are of different years,
 * or they share few claims (under UNRELATED_SHARE of the smaller side's, with at least 10 claims
 * on each side). Without them a wrong pair gives only "0 matched".
 */
export function versionWarnings(r: VersionComparison, zhYear: number | null, enYear: number | null, zhName: string, enName: string): string[] {
  const out: string[] = [];
  if (zhYear !== null && enYear !== null && zhYear !== enYear) out.push(`${zhName} is a ${zhYear} report and ${enName} a ${enYear} one: is this its translation?`);
  const zhClaims = r.matched.length + r.disagree.length + r.onlyZh.length;
  const enClaims = r.matched.length + r.disagree.length + r.onlyEn.length;
  const smaller = Math.min(zhClaims, enClaims);
  if (smaller >= 10 && r.matched.length < UNRELATED_SHARE * smaller) {
    out.push(`the two texts share few claims: ${r.matched.length} of ${smaller} matched. Are they the same report in two languages?`);
  }
  return out;
}
