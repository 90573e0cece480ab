/**
 * The link of a rule: its section (anchor rule-<id>) of the docs/rules.md that ships beside
 * dictionaries/, as a file: URL — the same link src/cli/messages.ts gives the other rules.
 */
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dictionariesDir } from '../dictionaries.js';

let docs: string | null = null;

function docsUrl(): string {
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
  return `${docsUrl()}#rule-${id}`;
}
