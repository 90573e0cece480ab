/**
 * `baogao targets FILES|DIRS... [--format text|csv|json|xlsx] [-o FILE] [--all]`: each year's targets
 * beside the outcomes the next report (or a statistical communiqué) gives for them. main.ts gives
 * this its parsing, reading and error plumbing; the table is src/targets, its layout src/render/targets.
 */
import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Report } from '../schema/index.js';
import type { Unreadable } from '../render/finding.js';
import { renderTargetsCsv, renderTargetsJson, renderTargetsText, renderTargetsXlsx } from '../render/targets.js';
import { targets, type TargetsInput } from '../targets/index.js';
import { expand, stdinIs, type InputFile, type LoadedFile } from './inputs.js';
import { Progress, type Io } from './io.js';
import { CLI } from './messages.js';
import { renderTargetsHtml } from '../render/html/targets.js';
import { packageInfo } from './version.js';

export const TARGET_FORMATS = ['text', 'csv', 'json', 'xlsx', 'html'] as const;
export type TargetFormat = (typeof TARGET_FORMATS)[number];

export interface TargetsEnv {
  io: Io;
  cwd: string;
  error(msg: string): void;
  parse(
    cmd: string,
    args: string[],
    options: Record<string, { type: 'string' | 'boolean'; short?: string }>,
  ): { values: Record<string, unknown>; positionals: string[] };
  /** throws the CLI's usage error (exit 2) */
  usage(msg: string): never;
  sameFile(a: string, b: string): boolean;
  /** read and analyse the files in order; null for one that failed (already said on stderr, in `failed`) */
  each(files: InputFile[], failed: Unreadable[], progress: Progress): AsyncIterable<(LoadedFile & { report: Report }) | null>;
  help: string;
  /** what a write error's code means, as the other commands say it */
  writeErrors: Record<string, string>;
}

export async function targetsCommand(args: string[], env: TargetsEnv): Promise<number> {
  const { values, positionals } = env.parse('targets', args, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    all: { type: 'boolean' },
  });
  if (values.help) {
    env.io.stdout.write(env.help);
    return 0;
  }
  if (positionals.length === 0) env.usage(CLI.noInputs('targets'));
  const output = values.output as string | undefined;
  const given = values.format as string | undefined;
  if (given !== undefined && !(TARGET_FORMATS as readonly string[]).includes(given)) env.usage(CLI.badFormat('targets', given, [...TARGET_FORMATS]));
  let format: TargetFormat = (given as TargetFormat | undefined) ?? 'text';
  let outAbs: string | null = null;
  if (output !== undefined) {
    outAbs = resolve(env.cwd, output);
    const ext = extname(output).toLowerCase().slice(1);
    if (given === undefined) {
      if ((TARGET_FORMATS as readonly string[]).includes(ext)) format = ext as TargetFormat;
      else if (ext === 'txt') format = 'text';
      else env.usage(`targets: cannot tell the format of '${output}' from its extension; give --format text|csv|json|xlsx|html.`);
    }
    for (const p of positionals) if (p !== '-' && env.sameFile(resolve(env.cwd, p), outAbs)) env.usage(CLI.outputIsInput(output));
  } else if (format === 'xlsx') env.usage("targets: an .xlsx workbook goes to a file: give -o FILE.xlsx.");

  const failed: Unreadable[] = [];
  const inputs = await expand(positionals, env.cwd);
  for (const e of inputs.errors) {
    env.error(e.message);
    failed.push(e);
  }
  if (outAbs) for (const f of inputs.files) if (f.abs ? env.sameFile(f.abs, outAbs) : stdinIs(outAbs)) env.usage(CLI.outputIsInput(output!));

  const progress = new Progress(env.io.stderr, inputs.files.length);
  const docs: TargetsInput[] = [];
  for await (const a of env.each(inputs.files, failed, progress)) {
    if (a) docs.push({ report: a.report, text: a.text, file: a.display });
  }
  progress.clear();
  if (docs.length === 0) {
    env.error('targets: no report could be read; nothing written.');
    return 2;
  }

  const result = targets(docs, { all: values.all === true });
  for (const w of result.warnings) env.error(`warning: ${w}`);
  if (!result.sources.some((s) => s.used)) {
    // every file was read and every one left out (no place or year, not Chinese): an empty table
    // written with exit 0 would pass for "no targets in these reports"
    env.error('targets: no report gave a place and a year (see the warnings above); nothing written.');
    return 2;
  }
  const data: string | Uint8Array =
    format === 'html' ? renderTargetsHtml(result, { generator: `${packageInfo().name} ${packageInfo().version}` }) : format === 'json' ? renderTargetsJson(result) : format === 'csv' ? renderTargetsCsv(result) : format === 'xlsx' ? renderTargetsXlsx(result) : renderTargetsText({ ...result, warnings: [] });
  if (outAbs) {
    try {
      writeFileSync(outAbs, data);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      env.error(CLI.cannotWrite(output!, env.writeErrors[e.code ?? ''] ?? e.message));
      return 2;
    }
  } else env.io.stdout.write(data);
  return failed.length ? 2 : 0;
}
