/**
 * The .docx reader turns Word's symbol-font characters (w:sym, Wingdings…) into text through
 * dingbat-to-unicode. It used to come with mammoth; mammoth is now a devDependency, so the package
 * must be a dependency of its own or a user's install reads those characters as nothing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

describe('dingbat-to-unicode', () => {
  it('is a runtime dependency, and resolves', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toContain('dingbat-to-unicode');
    expect(createRequire(import.meta.url).resolve('dingbat-to-unicode')).toMatch(/dingbat-to-unicode/);
  });
});
