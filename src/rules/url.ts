/**
 * The link of a rule: its section (anchor rule-<id>) of the rule reference that ships in the
 * package (docs/rules.md beside dictionaries/, found from this module's own location), as a file:
 * URL, so a finding's link opens the docs of the version that made it, installed or not, on or off
 * line.
 */
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dictionariesDir } from '../dictionaries.js';

let docs: string | null = null;

/** docs/rules.md of this package, as a file: URL (SARIF's informationUri) */
export function rulesDocUrl(): string {
  if (docs === null) {
    try {
      docs = pathToFileURL(join(dirname(dictionariesDir()), 'docs', 'rules.md')).href;
    } catch {
      docs = 'docs/rules.md';
    }
  }
  return docs;
}

export function ruleDocUrl(id: string): string {
  return `${rulesDocUrl()}#rule-${id}`;
}
