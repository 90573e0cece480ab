/**
 * The files of check's baseline (src/cli/baseline.ts): read with a one-line reason when it cannot
 * be, written never over an input and only when something was read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BaselineError, baselineJson, makeBaseline, parseBaseline, type Baseline } from './baseline.js';
import type { Finding } from '../render/finding.js';
import { realOrSame, type InputFile } from './inputs.js';

const WHY: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a parent is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
};

/** The baseline in `path`, or the reason it cannot be read (a string). */
export function readBaseline(path: string, cwd: string): Baseline | string {
  let json: string;
  try {
    json = readFileSync(resolve(cwd, path), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return `cannot read baseline ${path}: ${WHY[code] ?? code ?? 'unreadable'}`;
  }
  try {
    return parseBaseline(json, `baseline ${path}`);
  } catch (err) {
    if (err instanceof BaselineError) return err.message;
    throw err;
  }
}

/** Writes the baseline of `findings` to `path`; the reason it was not written, or null. */
export function writeBaseline(path: string, cwd: string, findings: readonly Finding[], textOf: (file: string) => string | undefined, inputs: readonly InputFile[]): string | null {
  const abs = resolve(cwd, path);
  const real = realOrSame(abs);
  if (inputs.some((f) => f.abs && realOrSame(f.abs) === real)) return `refusing to write ${path}: it is one of the input files`;
  try {
    writeFileSync(abs, baselineJson(makeBaseline(findings, textOf)));
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return `cannot write baseline ${path}: ${WHY[code] ?? code}`;
  }
}
