/**
 * Fixed political formulations (提法) that repeat legitimately. The list lives in
 * dictionaries/formulations.txt (one per line, `#` comments), read lazily once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyOf } from './keys.js';

let cached: string[] | null = null;

/** Parse the dictionary format: one formulation a line, `#` starts a comment. */
export function parseFormulations(source: string): string[] {
  const out: string[] = [];
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line) out.push(line);
  }
  return out;
}

/** Where dictionaries/formulations.txt is: next to src/ or dist/, found by walking up from this module. */
export function formulationsPath(): string | null {
  let dir: string;
  try {
    dir = dirname(fileURLToPath(import.meta.url));
  } catch {
    dir = process.cwd();
  }
  for (let i = 0; i < 5; i++) {
    const p = join(dir, 'dictionaries', 'formulations.txt');
    if (existsSync(p)) return p;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const cwd = join(process.cwd(), 'dictionaries', 'formulations.txt');
  return existsSync(cwd) ? cwd : null;
}

/** The shipped formulations (loaded once; an empty list when the file cannot be found). */
export function defaultFormulations(): string[] {
  if (cached) return cached;
  const p = formulationsPath();
  cached = p ? parseFormulations(readFileSync(p, 'utf8')) : [];
  return cached;
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

  constructor(formulations: string[]) {
    const set = new Set<string>();
    for (const f of formulations) {
      const k = keyOf(f);
      if (k.length >= 2) set.add(k);
    }
    // longest first so coverage greedily prefers long entries (coverage is a union anyway)
    this.keys = [...set].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
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
    if (key.length >= 4) {
      for (const f of this.keys) if (f.length >= key.length && f.includes(key)) return true;
    }
    const covered = new Uint8Array(key.length);
    for (const f of this.keys) {
      if (f.length > key.length) continue;
      let at = key.indexOf(f);
      while (at >= 0) {
        covered.fill(1, at, at + f.length);
        at = key.indexOf(f, at + 1);
      }
    }
    let uncovered = 0;
    for (let i = 0; i < covered.length; i++) if (!covered[i]) uncovered++;
    return uncovered <= Math.min(4, Math.floor(key.length / 4));
  }
}
