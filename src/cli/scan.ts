/**
 * What a directory scan of check leaves out (#20): a project's README, SOURCES, LICENSE, CHANGELOG
 * (and NOTICE, CHANGES, AUTHORS, CONTRIBUTING) files — notes about the reports, not reports — and the
 * files the configuration ignores. A file named on the command line is always read.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InputFile } from './inputs.js';
import { ignored, type LoadedConfig } from './config.js';

const NOTES = /^(?:README|SOURCES|LICEN[CS]E|CHANGELOG|CHANGES|NOTICE|AUTHORS|CONTRIBUTING)(?:[._-][^/\\]*)?$/i;

export function isNotesFile(path: string): boolean {
  const name = path.split(/[/\\]/).pop() ?? '';
  return NOTES.test(name);
}

/** The files to read and how many were skipped, of `files` expanded from `given` (the arguments). */
export function skipFiles(files: InputFile[], given: readonly string[], cwd: string, config: LoadedConfig | null): { files: InputFile[]; skipped: number } {
  const explicit = new Set<string>();
  for (const g of given) {
    if (g === '-') continue;
    const abs = resolve(cwd, g);
    try {
      if (!statSync(abs).isDirectory()) explicit.add(abs);
    } catch {
      // a missing path is expand's error
    }
  }
  const kept: InputFile[] = [];
  let skipped = 0;
  for (const f of files) {
    if (!f.abs || explicit.has(f.abs) || (!isNotesFile(f.abs) && !(config && ignored(config, f.abs)))) kept.push(f);
    else skipped++;
  }
  return { files: kept, skipped };
}
