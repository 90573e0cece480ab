/**
 * Where the data lives. Dictionaries are files in `dictionaries/` at the package root, read once,
 * lazily, by the stage that needs them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/** The package's `dictionaries/` folder, found by walking up from this module (src/ or dist/). */
export function dictionariesDir(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let k = 0; k < 6; k++) {
    const candidate = join(dir, 'dictionaries');
    if (existsSync(join(candidate, 'units.json')) || existsSync(join(candidate, 'roles.json'))) {
      root = candidate;
      return root;
    }
    dir = dirname(dir);
  }
  throw new Error('baogao: dictionaries/ folder not found next to the package');
}

const cache = new Map<string, unknown>();

export function readDictionaryText(name: string): string {
  return readFileSync(join(dictionariesDir(), name), 'utf8');
}

/** A JSON dictionary, parsed once. */
export function loadJson<T>(name: string): T {
  if (!cache.has(name)) cache.set(name, JSON.parse(readDictionaryText(name)));
  return cache.get(name) as T;
}

/** A list dictionary: one entry a line, `#` comments and blank lines skipped. Parsed once. */
export function loadList(name: string): string[] {
  if (!cache.has(name)) {
    const list = readDictionaryText(name)
      .split(/\r?\n/)
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter((l) => l && !l.startsWith('#'));
    cache.set(name, list);
  }
  return cache.get(name) as string[];
}
