/**
 * Fixture folders (autocorrect style): fixtures/sections/NAME/input.txt (or input.gbk.txt, the
 * original GBK bytes) and expected.txt, the outline written out and checked by hand against the
 * document. One test walks the folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSections } from '../src/sections/index.js';
import { outline } from './helpers/outline.js';

const root = new URL('../fixtures/sections/', import.meta.url).pathname;

describe('section fixtures', () => {
  for (const name of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    it(name, () => {
      const dir = join(root, name);
      const input = readdirSync(dir).find((f) => f.startsWith('input'))!;
      const buf = readFileSync(join(dir, input));
      const text = input.endsWith('.gbk.txt') ? new TextDecoder('gb18030').decode(buf) : buf.toString('utf8');
      const { title, sections } = splitSections(text);
      const got = `title: ${title?.text ?? ''}\n` + outline(text, sections);
      expect(got).toBe(readFileSync(join(dir, 'expected.txt'), 'utf8'));
    });
  }
});
