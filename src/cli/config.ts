/**
 * check's configuration file (#20): `baogao.config.json`, found upwards from the first input (as
 * eslint and markdownlint find theirs) or given with `--config FILE`.
 *
 *   {
 *     "rules": { "near-duplicate": "off", "percent-or-points": "error", "repeated-phrase": true },
 *     "formulations": ["以人民为中心的发展思想"],     // extra fixed formulations (提法)
 *     "placeholders": ["待补充", "【[^】]{0,10}】"],  // extra placeholder patterns (regular expressions)
 *     "ignore": ["archive/**", "*.bak.txt"]          // files a directory scan leaves out
 *   }
 *
 * The shape is a zod schema, built (and zod loaded) only to explain a file that the light check
 * `configLooksValid` refuses — the command line never loads zod otherwise (its start-up is
 * measured), as src/model/options.ts does for analyze()'s options. A property of the two: the light
 * check accepts what the schema accepts (tests/check-cli.test.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { z as Zod } from 'zod';
import type { Severity } from '../render/finding.js';

export const CONFIG_NAME = 'baogao.config.json';

type ZodNamespace = typeof Zod;
const SETTINGS = ['off', 'error', 'warning', 'info'] as const;

export interface CheckConfig {
  rules?: Record<string, 'off' | Severity | boolean>;
  formulations?: string[];
  placeholders?: string[];
  ignore?: string[];
}

/** A loaded configuration: where it is, what it says, the regexps and ignores compiled. */
export interface LoadedConfig {
  path: string;
  dir: string;
  config: CheckConfig;
  /** rule id → 'off' or a severity (true gives no entry: the rule's default) */
  severities: Record<string, 'off' | Severity>;
  placeholders: RegExp[];
  ignores: RegExp[];
}

export class ConfigError extends Error {}

function build(z: ZodNamespace, ruleIds: readonly string[]) {
  const setting = z.union([z.enum(SETTINGS), z.boolean()], { error: 'expected off, error, warning, info, true or false' }).describe('off, error, warning, info, or true (on, its default severity) / false (off)');
  return z
    .object({
      $schema: z.string().optional(),
      rules: z.partialRecord(z.enum(ruleIds as [string, ...string[]]), setting).optional().describe('rule id → setting'),
      formulations: z.array(z.string().min(1)).optional().describe('extra fixed formulations, reported as info when repeated'),
      placeholders: z.array(z.string().min(1)).optional().describe('extra placeholder patterns, as regular expressions'),
      ignore: z.array(z.string().min(1)).optional().describe("files a directory scan leaves out: globs relative to the configuration's directory (* ** ?)"),
    })
    .strict();
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0));

/** What the schema accepts, without zod. */
export function configLooksValid(v: unknown, ruleIds: readonly string[]): v is CheckConfig {
  if (!isObject(v)) return false;
  if (!Object.keys(v).every((k) => ['$schema', 'rules', 'formulations', 'placeholders', 'ignore'].includes(k))) return false;
  if (v.$schema !== undefined && typeof v.$schema !== 'string') return false;
  if (v.rules !== undefined) {
    if (!isObject(v.rules)) return false;
    for (const [id, s] of Object.entries(v.rules)) {
      if (!ruleIds.includes(id)) return false;
      if (typeof s !== 'boolean' && !(SETTINGS as readonly unknown[]).includes(s)) return false;
    }
  }
  return strings(v.formulations) && strings(v.placeholders) && strings(v.ignore);
}

/** zod's explanation of a refused configuration, one issue a line. */
export function explainConfig(v: unknown, ruleIds: readonly string[]): string[] {
  const { z } = createRequire(import.meta.url)('zod') as { z: ZodNamespace };
  const r = build(z, ruleIds).safeParse(v);
  if (r.success) return [];
  return r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
}

/** The configuration file that applies to `from` (a file or directory): the nearest upwards. */
export function findConfig(from: string): string | null {
  let dir = resolve(from);
  if (existsSync(dir) && !isDirectory(dir)) dir = dirname(dir);
  for (;;) {
    const p = join(dir, CONFIG_NAME);
    if (existsSync(p)) return p;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A glob (* within a name, ** across directories, ?) as a regexp on a /-separated relative path. */
export function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // a pattern without a slash matches a name in any directory, as .gitignore's do
  return new RegExp(glob.includes('/') ? `^${re}$` : `(?:^|/)${re}$`);
}

/** Reads, checks and compiles the configuration at `path`; a ConfigError says what is wrong. */
export function loadConfig(path: string, ruleIds: readonly string[]): LoadedConfig {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch (err) {
    throw new ConfigError(`${path}: not JSON (${(err as Error).message})`);
  }
  if (!configLooksValid(v, ruleIds)) {
    const why = explainConfig(v, ruleIds);
    throw new ConfigError(`${path}: ${why.length ? why.join('; ') : 'not a configuration'} (rules are ${ruleIds.join(', ')})`);
  }
  const config = v;
  const severities: Record<string, 'off' | Severity> = {};
  for (const [id, s] of Object.entries(config.rules ?? {})) {
    if (s === true) continue;
    severities[id] = s === false ? 'off' : s;
  }
  const placeholders = (config.placeholders ?? []).map((p, i) => {
    try {
      return new RegExp(p, 'gu');
    } catch (err) {
      throw new ConfigError(`${path}: placeholders.${i}: not a regular expression (${(err as Error).message})`);
    }
  });
  return { path, dir: dirname(path), config, severities, placeholders, ignores: (config.ignore ?? []).map(globRegExp) };
}

/** Is `file` (absolute) one the configuration ignores? */
export function ignored(cfg: LoadedConfig, file: string): boolean {
  const rel = relative(cfg.dir, file).split(sep).join('/');
  if (rel.startsWith('..')) return false;
  return cfg.ignores.some((r) => r.test(rel));
}
