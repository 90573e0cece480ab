/**
 * Fixed political formulations (提法) that repeat legitimately. The list lives in
 * dictionaries/formulations.txt (one per line, `#` comments), read lazily once.
 */
import { loadList } from '../dictionaries.js';
import { keyOf } from './keys.js';

/** Parse the dictionary format: one formulation a line, `#` starts a comment. */
export function parseFormulations(source: string): string[] {
  const out: string[] = [];
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line) out.push(line);
  }
  return out;
}

/** The shipped formulations, dictionaries/formulations.txt (read once, by the shared loader). */
export function defaultFormulations(): string[] {
  return loadList('formulations.txt');
}

/**
 * Matches keys against formulations. A key "is a formulation" when it is part of one (a key of at
 * least 4 characters inside a formulation's key), or when formulations cover all of it but for a few
 * characters (at most 4, and at most a quarter of it): 坚持以人民为中心的发展思想 is covered by
 * 以人民为中心的发展思想.
 */
export class FormulationMatcher {
  readonly keys: string[];
  private memo = new Map<string, boolean>();
  /** every substring of 4+ characters of a formulation key: "part of a formulation" in one lookup */
  private parts = new Set<string>();
  /** formulation keys by their first two code units: occurrences found in one pass over a key */
  private byHead = new Map<number, string[]>();

  constructor(formulations: string[]) {
    const set = new Set<string>();
    for (const f of formulations) {
      const k = keyOf(f);
      if (k.length >= 2) set.add(k);
    }
    this.keys = [...set].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    for (const k of this.keys) {
      for (let i = 0; i + 4 <= k.length; i++) for (let j = i + 4; j <= k.length; j++) this.parts.add(k.slice(i, j));
      const head = (k.charCodeAt(0) << 16) | k.charCodeAt(1);
      const l = this.byHead.get(head);
      if (l) l.push(k);
      else this.byHead.set(head, [k]);
    }
  }

  matches(key: string): boolean {
    if (key.length === 0 || this.keys.length === 0) return false;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const result = this.compute(key);
    if (this.memo.size < 100_000) this.memo.set(key, result);
    return result;
  }

  private compute(key: string): boolean {
    if (key.length >= 4 && this.parts.has(key)) return true;
    const slack = Math.min(4, Math.floor(key.length / 4));
    // covered characters: a sweep over formulation occurrences (reach = end of the furthest so far)
    let covered = 0;
    let reach = 0;
    for (let p = 0; p + 1 < key.length; p++) {
      const list = this.byHead.get((key.charCodeAt(p) << 16) | key.charCodeAt(p + 1));
      if (list === undefined) continue;
      for (const f of list) {
        if (!key.startsWith(f, p)) continue;
        const end = p + f.length;
        if (end > reach) {
          covered += end - Math.max(reach, p);
          reach = end;
        }
      }
    }
    return key.length - covered <= slack;
  }
}
