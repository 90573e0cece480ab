/**
 * The command line: `main(argv, io)` runs one command and returns its exit status — 0 clean,
 * 1 findings (errors or warnings), 2 bad usage or unreadable input. Nothing here calls process.exit,
 * so it can be driven in-process by tests.
 */
import { createWriteStream, statSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, InputTooLargeError, type AnalyzeOptions } from '../model/analyze.js';
import type { Claim, Report } from '../schema/index.js';
import { compareVersions, englishReportYear, versionWarnings } from '../compare/index.js';
import { detectLanguage } from '../lang/index.js';
import { analyzeFiles, fileSizes, worthWorkers, type BatchError, type MapSpec, type OmittablePart } from '../batch/index.js';
import { indicatorsOf, type ReportIndicators } from './indicators-map.js';
import { availableParallelism } from 'node:os';
import { lineColumn, lineStarts } from '../sections/lines.js';
import type { CheckResult, FileReport, Finding, Reuse, Unreadable } from '../render/finding.js';
import { countSeverities } from '../render/finding.js';
import { stylishLines } from '../render/stylish.js';
import { jsonChunks, renderJsonChunks } from '../render/json.js';
import { renderSarifChunks } from '../render/sarif.js';
import { printable } from '../render/printable.js';
import { renderOutline } from '../render/outline.js';
import { csvHead, csvRecords } from '../render/csv.js';
import { xlsx } from '../render/xlsx.js';
import { INDICATOR_COLUMNS, jsonRowItems, pivotTable, reportYear, rowValues, type IndicatorRow, type PivotColumn } from '../render/indicators.js';
import { ANALYZE_HELP, CHECK_HELP, COMPARE_HELP, INDICATORS_HELP, MAIN_HELP, TARGETS_HELP } from './help.js';
import { targetsCommand } from './targets.js';
import { placeFromFileName, renderAnalyzeHtml, renderCheckHtml, renderIndicatorsHtml } from '../render/html/index.js';
import { CLI } from './messages.js';
import { checkChoice, CheckChoiceError } from './check-options.js';
import { readBaseline, writeBaseline } from './check-baseline-io.js';
import { newFindings, type Baseline } from './baseline.js';
import { CONFIG_NAME, ConfigError, findConfig, loadConfig, type LoadedConfig } from './config.js';
import { skipFiles } from './scan.js';
import { defaultFormulations } from '../duplicates/index.js';
import { comparable, comparePast, makeSource, RULE_INFO, reuseSummary, runRules, settle, type ComparedDoc, type ReferenceDoc, type Source } from '../rules/index.js';
import { rulesDocUrl } from '../rules/url.js';
import { displayPath, expand, isUnreadable, load, realOrSame, stdinIs, unreadable, type InputFile, type LoadedFile } from './inputs.js';
import { linesOf, Progress, writeChunks, type Io } from './io.js';
import { packageInfo } from './version.js';

export type { Io, OutStream } from './io.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {}

interface Ctx {
  io: Io;
  cwd: string;
  /** one line on stderr, prefixed with "baogao: " */
  error(msg: string): void;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

interface Parsed {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
}

function parse(cmd: string, args: string[], options: OptionSpec): Parsed {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const msg = e.message ?? String(err);
    let why: string;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(msg);
    if (unknown) why = `unknown option '${unknown[1]}'`;
    else if (missing) why = `option ${missing[1]} needs a value`;
    else why = msg.split(/\.\s/)[0].replace(/\.$/, '');
    throw new UsageError(`${cmd}: ${why}. See 'baogao ${cmd} --help'.`);
  }
}

function oneOf<T extends string>(cmd: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(CLI.badFormat(cmd, value, [...allowed]));
}

/** A value as JSON (2-space indented) and a line break, in pieces for writeChunks. */
function* jsonLines(value: unknown): Generator<string> {
  yield* jsonChunks(value);
  yield '\n';
}

function useColor(io: Io): boolean {
  if (!io.stdout.isTTY) return false;
  const env = process.env;
  return !('NO_COLOR' in env) && env.TERM !== 'dumb';
}

/** Read and analyse one input; an Unreadable on failure (reported on stderr by the caller). */
async function readAndAnalyze(
  file: InputFile,
  ctx: Ctx,
  options: Parameters<typeof analyze>[1],
  preloaded?: LoadedFile,
): Promise<{ loaded: LoadedFile; report: Report }> {
  const loaded = preloaded ?? (await load(file, ctx.io));
  try {
    return { loaded, report: analyze(loaded.text, loaded.headings ? { ...options, headings: loaded.headings } : options) };
  } catch (err) {
    if (err instanceof InputTooLargeError) throw unreadable(file.display, 'TOO_LARGE', err.message);
    const why = err instanceof Error ? err.message : String(err);
    throw { file: file.display, code: 'INTERNAL', message: CLI.internal(file.display, why) } satisfies Unreadable;
  }
}

/**
 * Run `work` over files in order; an unreadable file is reported at once on stderr and the batch
 * goes on. Shows a progress line on a terminal for batches.
 */
async function batch<T>(
  files: InputFile[],
  ctx: Ctx,
  progress: Progress,
  offset: number,
  total: number,
  work: (f: InputFile) => Promise<T>,
  failed: Unreadable[],
): Promise<Array<T | null>> {
  const out: Array<T | null> = [];
  for (let i = 0; i < files.length; i++) {
    progress.update(offset + i + 1, total, files[i].display);
    try {
      out.push(await work(files[i]));
    } catch (err) {
      if (!isUnreadable(err)) throw err;
      progress.clear();
      ctx.error(err.message);
      failed.push(err);
      out.push(null);
    }
  }
  return out;
}

/** A batch result without a report, as the in-process path would have reported it. */
function batchFailure(f: InputFile, error: BatchError | undefined): Unreadable {
  // the worker's message starts with the absolute path; show the path as the user gave it
  const raw = (error?.message ?? 'could not be read').replace(f.abs ?? '', '').replace(/^:\s*/, '');
  if (error?.code === 'ANALYZE_FAILED' || error?.code === 'MAP_FAILED') return { file: f.display, code: 'INTERNAL', message: CLI.internal(f.display, raw) };
  return unreadable(f.display, error?.code ?? 'UNREADABLE', raw);
}

/** A batch result without a report (or value): said on stderr at once and added to `failed`. */
function failedInBatch(f: InputFile, error: BatchError | undefined, ctx: Ctx, progress: Progress, failed: Unreadable[]): void {
  progress.clear();
  const u = batchFailure(f, error);
  ctx.error(u.message);
  failed.push(u);
}

/** One input, or standard input among them: read and analysed here, not through analyzeFiles. */
function inProcess(files: InputFile[]): boolean {
  return files.length <= 1 || files.some((f) => f.abs === null);
}

/**
 * Read and analyse inputs, yielding the results in input order: through analyzeFiles on `jobs`
 * threads when there is more than one file and none is standard input (with jobs 1 too: it reads
 * the next files while it analyses one, where reading each file only when its turn came left the
 * thread idle 14% of a 1,000-file check), else here, one after the other. An input that fails is
 * reported on stderr at once, added to `failed` and gives null; the batch goes on.
 */
async function* analyzeEach(
  files: InputFile[],
  ctx: Ctx,
  progress: Progress,
  offset: number,
  total: number,
  options: AnalyzeOptions,
  jobs: number,
  failed: Unreadable[],
  omit: OmittablePart[] = [],
): AsyncGenerator<(LoadedFile & { report: Report }) | null> {
  if (inProcess(files)) {
    yield* await batch(files, ctx, progress, offset, total, async (f) => {
      const { loaded, report } = await readAndAnalyze(f, ctx, options);
      return { ...loaded, report };
    }, failed);
    return;
  }
  for await (const r of analyzeFiles(files.map((f) => f.abs!), { jobs, analyze: options, text: true, omit })) {
    const f = files[r.index];
    progress.update(offset + r.index + 1, total, f.display);
    if (r.report && r.text !== undefined) {
      yield { ...f, text: r.text, report: r.report };
      continue;
    }
    failedInBatch(f, r.error, ctx, progress, failed);
    yield null;
  }
}

/**
 * This module's sibling (indicators-map.ts in the sources, .js or .cjs next to the bundle), which the
 * batch's threads import to run `indicatorsOf` where the reports are made.
 */
function indicatorsMap(): MapSpec {
  const here = import.meta.url;
  const ext = /\.[cm]?ts$/.test(new URL(here).pathname) ? '.ts' : here.endsWith('.cjs') ? '.cjs' : '.js';
  return { module: new URL('./indicators-map' + ext, here).href, name: 'indicatorsOf' };
}

/**
 * analyzeEach for the indicator table: each report becomes its rows in the thread that made it
 * (through the batch's map), and only the rows come back.
 */
async function* indicatorsEach(
  files: InputFile[],
  ctx: Ctx,
  progress: Progress,
  options: AnalyzeOptions,
  jobs: number,
  failed: Unreadable[],
): AsyncGenerator<{ display: string; value: ReportIndicators } | null> {
  if (inProcess(files)) {
    for await (const a of analyzeEach(files, ctx, progress, 0, files.length, options, jobs, failed)) {
      yield a && { display: a.display, value: indicatorsOf(a.report, { text: a.text, label: a.display }) };
    }
    return;
  }
  for await (const r of analyzeFiles(files.map((f) => f.abs!), { jobs, analyze: options, omit: ['placeholders', 'duplicates'], map: indicatorsMap() })) {
    const f = files[r.index];
    progress.update(r.index + 1, files.length, f.display);
    if (r.value !== undefined) {
      yield { display: f.display, value: r.value as ReportIndicators };
      continue;
    }
    failedInBatch(f, r.error, ctx, progress, failed);
    yield null;
  }
}

function reportErrors(errors: Unreadable[], ctx: Ctx): void {
  for (const e of errors) ctx.error(e.message);
}

// ---------------------------------------------------------------------------------------- analyze

async function analyzeCommand(args: string[], ctx: Ctx): Promise<number> {
  const { values, positionals } = parse('analyze', args, { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' } });
  if (values.help) {
    ctx.io.stdout.write(ANALYZE_HELP);
    return EXIT_OK;
  }
  const format = oneOf('analyze', values.format as string | undefined, ['json', 'text', 'html'] as const, 'json');
  if (positionals.length !== 1) throw new UsageError(CLI.oneFile);
  const given = positionals[0];
  const abs = given === '-' ? null : resolve(ctx.cwd, given);
  const file: InputFile = { abs, display: abs === null ? '<stdin>' : displayPath(abs, given, ctx.cwd) };
  let res;
  try {
    res = await readAndAnalyze(file, ctx, {});
  } catch (err) {
    if (!isUnreadable(err)) throw err;
    ctx.error(err.message);
    return EXIT_USAGE;
  }
  // JSON in pieces: a report of a few MB of input is longer than the longest string
  const out = format === 'html' ? renderAnalyzeHtml(res.report, res.loaded.text, file.display, { generator: `${packageInfo().name} ${packageInfo().version}` }) : format === 'json' ? jsonLines(res.report) : [renderOutline(res.report, res.loaded.text, file.display)];
  if (values.output === undefined) await writeChunks(ctx.io.stdout, out);
  else if (!(await writeOutput(values.output as string, [file], true, out, ctx))) return EXIT_USAGE;
  return EXIT_OK;
}

// ------------------------------------------------------------------------------------------ check

async function checkCommand(args: string[], ctx: Ctx): Promise<number> {
  const { values, positionals } = parse('check', args, {
    format: { type: 'string', short: 'f' },
    against: { type: 'string', short: 'a', multiple: true },
    quiet: { type: 'boolean', short: 'q' },
    jobs: { type: 'string', short: 'j' },
    output: { type: 'string', short: 'o' },
    'min-severity': { type: 'string' },
    rule: { type: 'string', multiple: true },
    'no-rule': { type: 'string', multiple: true },
    reference: { type: 'string', multiple: true },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    config: { type: 'string' },
  });
  if (values.help) {
    ctx.io.stdout.write(CHECK_HELP);
    return EXIT_OK;
  }
  const referenceArgs = (values.reference as string[] | undefined) ?? [];
  // baogao.config.json: --config FILE, else the nearest upwards from the first input
  let config: LoadedConfig | null = null;
  {
    const first = positionals.find((p) => p !== '-');
    const path = values.config !== undefined ? resolve(ctx.cwd, values.config as string) : findConfig(first !== undefined ? resolve(ctx.cwd, first) : ctx.cwd);
    if (path) {
      try {
        config = loadConfig(path, RULE_INFO.map((r) => r.id));
      } catch (err) {
        if (err instanceof ConfigError) throw new UsageError(`check: ${err.message}`);
        throw err;
      }
    }
  }
  let choice;
  try {
    choice = checkChoice({ configured: config?.severities, minSeverity: values['min-severity'] as string | undefined, quiet: values.quiet as boolean | undefined, rule: values.rule as string[] | undefined, noRule: values['no-rule'] as string[] | undefined, references: referenceArgs.length > 0 });
  } catch (err) {
    if (err instanceof CheckChoiceError) throw new UsageError(err.message);
    throw err;
  }
  let baseline: Baseline | null = null;
  if (values.baseline !== undefined) {
    const b = readBaseline(values.baseline as string, ctx.cwd);
    if (typeof b === 'string') throw new UsageError(`check: ${b}`);
    baseline = b;
  }
  const format = oneOf('check', values.format as string | undefined, ['stylish', 'json', 'sarif', 'html'] as const, 'stylish');
  if (positionals.length === 0) throw new UsageError(CLI.noInputs('check'));
  const against = (values.against as string[] | undefined) ?? [];

  const failed: Unreadable[] = [];
  const expanded = await expand(positionals, ctx.cwd);
  const scan = skipFiles(expanded.files, positionals, ctx.cwd, config);
  const drafts = { files: scan.files, errors: expanded.errors };
  if (scan.skipped) ctx.error(`check: skipped ${scan.skipped} file${scan.skipped === 1 ? '' : 's'} of the directories given (README, SOURCES, LICENSE, CHANGELOG${config?.ignores.length ? ` or ignored by ${CONFIG_NAME}` : ''})`);
  reportErrors(drafts.errors, ctx);
  for (const e of drafts.errors) failed.push(e);
  let refs: InputFile[] = [];
  if (against.length) {
    const r = await expand(against, ctx.cwd);
    reportErrors(r.errors, ctx);
    for (const e of r.errors) failed.push(e);
    const draftKeys = new Set(drafts.files.map((f) => (f.abs ? realOrSame(f.abs) : '-')));
    refs = r.files.filter((f) => !draftKeys.has(f.abs ? realOrSame(f.abs) : '-'));
  }

  const total = drafts.files.length + refs.length;
  const jobs = jobsOption('check', values.jobs as string | undefined, [...drafts.files, ...refs], Math.max(drafts.files.length, refs.length));
  const progress = new Progress(ctx.io.stderr, total);
  // the rules stage (src/rules) gives the findings; this command reads, analyses and renders.
  // Each report gives the findings of the rules that read it alone and is dropped, but for a draft
  // compared with past reports (--against), whose cross-document rule reads it after the comparison
  const plan = choice.plan;
  const ok: Array<{ src: Source; findings: Finding[]; report: Report | null }> = [];
  // findings need placeholders and duplicates only; --against needs the statements (and the title)
  // the figure rules need the claims, and the sections and statements their times are read from
  const omitDrafts: OmittablePart[] = plan.claims ? [] : refs.length ? ['sections'] : ['sections', 'statements'];
  const references: ReferenceDoc[] = [];
  if (plan.claims && referenceArgs.length) {
    const r = await expand(referenceArgs, ctx.cwd);
    reportErrors(r.errors, ctx);
    for (const e of r.errors) failed.push(e);
    for await (const a of analyzeEach(r.files, ctx, progress, 0, r.files.length, {}, jobs, failed, [])) {
      if (a) references.push({ source: makeSource(a.display, a.text), report: a.report });
    }
  }
  const placeholders = config?.placeholders ?? [];
  const extraFormulations = config?.config.formulations ?? [];
  const draftOptions: AnalyzeOptions = { claims: plan.claims, ...(extraFormulations.length ? { duplicates: { formulations: [...defaultFormulations(), ...extraFormulations] } } : {}) };
  for await (const a of analyzeEach(drafts.files, ctx, progress, 0, total, draftOptions, jobs, failed, omitDrafts)) {
    if (!a) continue;
    const src = makeSource(a.display, a.text);
    const findings = runRules(a.report, plan, { source: src, references, placeholders }, 'document');
    ok.push({ src, findings, report: refs.length ? a.report : null });
  }

  const reuseByFile = new Map<string, Reuse[]>();
  if (refs.length && ok.length) {
    const past: ComparedDoc[] = [];
    for await (const a of analyzeEach(refs, ctx, progress, drafts.files.length, total, { claims: false, duplicates: false }, jobs, failed, ['sections', 'placeholders'])) {
      if (a) past.push({ source: makeSource(a.display, a.text), statements: comparable(a.report) });
    }
    if (past.length) {
      // every 政府工作报告 has the same title: comparable() leaves it out of the comparison
      const { contexts, reuse } = comparePast(ok.map((a) => ({ source: a.src, statements: comparable(a.report!) })), past);
      ok.forEach((a, i) => {
        for (const f of runRules(a.report!, plan, { source: a.src, references, placeholders, past: contexts[i] }, 'past')) a.findings.push(f);
        reuseByFile.set(a.src.file, reuse[i]);
      });
    }
  }
  progress.clear();

  const all = settle(ok.flatMap((a) => a.findings), plan, ok.map((a) => a.src.file));
  const texts = new Map(ok.map((a) => [a.src.file, a.src.text]));
  const textOf = (file: string) => texts.get(file);
  if (values['write-baseline'] !== undefined && ok.length) {
    const why = writeBaseline(values['write-baseline'] as string, ctx.cwd, all, textOf, [...drafts.files, ...refs]);
    if (why) {
      ctx.error(why);
      return EXIT_USAGE;
    }
  }
  const findings = baseline ? newFindings(all, baseline, textOf) : all;
  const byFile = new Map<string, Finding[]>(ok.map((a) => [a.src.file, []]));
  for (const f of findings) byFile.get(f.file)?.push(f);

  const files: FileReport[] = ok.map((a) => ({
    file: a.src.file,
    findings: byFile.get(a.src.file) ?? [],
    reuse: reuseByFile.get(a.src.file) ?? [],
    text: a.src.text,
  }));
  const result: CheckResult = { files, unreadable: failed };
  const pkg = packageInfo();
  const output = values.output as string | undefined;
  // written in pieces, never as one string: JSON and SARIF run to 95–233 bytes per input character
  const out =
    format === 'html'
      ? renderCheckHtml(result, { generator: `${pkg.name} ${pkg.version}`, rules: RULE_INFO, reuseLine: (r) => reuseSummary(r.share, r.against, r.sentences) })
      : format === 'json'
      ? renderJsonChunks(result, pkg)
      : format === 'sarif'
        ? renderSarifChunks(result, { name: pkg.name, version: pkg.version, informationUri: rulesDocUrl(), rules: RULE_INFO })
        : linesOf(stylishLines(result, { color: output === undefined && useColor(ctx.io), reuseLine: (r) => reuseSummary(r.share, r.against, r.sentences) }));
  if (output === undefined) await writeChunks(ctx.io.stdout, out);
  else if (!(await writeOutput(output, [...drafts.files, ...refs], ok.length > 0, out, ctx))) return EXIT_USAGE;

  if (failed.length) return EXIT_USAGE;
  const c = countSeverities(findings);
  return c.errors + c.warnings > 0 ? EXIT_FINDINGS : EXIT_OK;
}

// ------------------------------------------------------------------------------------- indicators

type TableFormat = 'csv' | 'xlsx' | 'json' | 'html';

const COLUMN_WIDTHS = [28, 6, 6, 30, 20, 18, 12, 10, 8, 8, 14, 8, 6, 8, 8, 8, 14, 9, 7, 80];

const WRITE_ERRORS: Record<string, string> = {
  ENOENT: 'no such directory',
  ENOTDIR: 'a parent is not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
};

/** The JSON array of jsonRowItems' parts (one per report; empty ones skipped), as pieces. */
function* jsonArrayOf(parts: readonly string[]): Generator<string> {
  let first = true;
  for (const p of parts) {
    if (p === '') continue;
    yield first ? '[\n' : ',\n';
    first = false;
    yield p;
  }
  yield first ? '[]\n' : '\n]\n';
}

/**
 * Pieces of text written to a new file as they come (through a write stream, waiting when it is
 * full), never joined into one string. Rejects with the stream's error (ENOENT, EACCES, ENOSPC…).
 */
async function writeParts(path: string, pieces: Iterable<string>): Promise<void> {
  const stream = createWriteStream(path);
  let failed: Error | null = null;
  const failure = new Promise<never>((_, reject) =>
    stream.once('error', (err) => {
      failed = err;
      reject(err);
    }),
  );
  failure.catch(() => {});
  await Promise.race([new Promise((resolve) => stream.once('open', resolve)), failure]);
  await writeChunks(stream, pieces);
  if (failed) throw failed;
  await Promise.race([new Promise<void>((resolve) => stream.end(() => resolve())), failure]);
}

/**
 * -o FILE of check and analyze: `pieces` written to FILE, never over an input and not at all when no
 * input was read (`any` false). False, said on stderr, when it could not be written.
 */
async function writeOutput(output: string, inputs: InputFile[], any: boolean, pieces: Iterable<string>, ctx: Ctx): Promise<boolean> {
  const abs = resolve(ctx.cwd, output);
  if (inputs.some((f) => (f.abs ? sameFile(f.abs, abs) : stdinIs(abs)))) throw new UsageError(CLI.outputIsInput(output));
  if (!any) return false;
  try {
    await writeParts(abs, pieces);
    return true;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    ctx.error(CLI.cannotWrite(output, WRITE_ERRORS[e.code ?? ''] ?? e.message));
    return false;
  }
}

function sameFile(a: string, b: string): boolean {
  if (realOrSame(a) === realOrSame(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.ino !== 0 && sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

async function indicatorsCommand(args: string[], ctx: Ctx): Promise<number> {
  const { values, positionals } = parse('indicators', args, { output: { type: 'string', short: 'o' }, jobs: { type: 'string', short: 'j' }, format: { type: 'string', short: 'f' } });
  if (values.help) {
    ctx.io.stdout.write(INDICATORS_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError(CLI.noInputs('indicators'));
  const output = values.output as string | undefined;
  let format: TableFormat = 'csv';
  let outAbs: string | null = null;
  if (output !== undefined) {
    outAbs = resolve(ctx.cwd, output);
    for (const p of positionals) {
      if (p !== '-' && sameFile(resolve(ctx.cwd, p), outAbs)) throw new UsageError(CLI.outputIsInput(output));
    }
    const ext = extname(output).toLowerCase();
    if (ext === '.csv' || ext === '.xlsx' || ext === '.json' || ext === '.html') format = ext.slice(1) as TableFormat;
    else if (values.format === undefined) throw new UsageError(CLI.outputExtension(output));
  }
  if (values.format !== undefined) format = oneOf('indicators', values.format as string, ['csv', 'json', 'xlsx', 'html'] as const, 'csv');
  if (format === 'xlsx' && outAbs === null) throw new UsageError("indicators: --format xlsx needs -o FILE.xlsx. See 'baogao indicators --help'.");

  const failed: Unreadable[] = [];
  const inputs = await expand(positionals, ctx.cwd);
  reportErrors(inputs.errors, ctx);
  for (const e of inputs.errors) failed.push(e);
  if (outAbs) {
    for (const f of inputs.files) if (f.abs ? sameFile(f.abs, outAbs) : stdinIs(outAbs)) throw new UsageError(CLI.outputIsInput(output!));
  }

  const jobs = jobsOption('indicators', values.jobs as string | undefined, inputs.files, inputs.files.length);
  const progress = new Progress(ctx.io.stderr, inputs.files.length);
  // .xlsx needs every row at the end (the pivot); CSV and JSON keep one string per report, already
  // in their format, which is far less for the main thread to hold and collect than the row objects
  const rows: IndicatorRow[] = [];
  const parts: string[] = [];
  const columns: PivotColumn[] = [];
  const places = new Map<string, string>();
  // one report at a time: each becomes its rows and is dropped (a batch of 1,000 held 880 MB);
  // placeholders and duplicates are not in the table
  for await (const a of indicatorsEach(inputs.files, ctx, progress, { duplicates: false }, jobs, failed)) {
    if (!a) continue;
    const { year, rows: own } = a.value;
    if (a.value.place) places.set(a.display, a.value.place);
    for (const row of own) row.file = a.display;
    if (format === 'xlsx' || format === 'html') for (const row of own) rows.push(row);
    else parts.push(format === 'json' ? jsonRowItems(own) : csvRecords(own.map(rowValues)));
    columns.push({ file: a.display, year });
  }
  progress.clear();

  // nothing read (every input missing, empty or unreadable): nothing written, not even a header
  // or an empty workbook; the errors are already on stderr
  if (columns.length === 0) return EXIT_USAGE;

  // CSV and JSON go out a report at a time, never as one string; the BOM that lets Excel read
  // UTF-8 only in a file, never on standard output, where a script would read it as part of the
  // first column's name
  const pieces = (): Iterable<string> =>
    format === 'html'
      ? renderIndicatorsHtml(rows, columns, { generator: `${packageInfo().name} ${packageInfo().version}`, placeOf: (f) => places.get(f) ?? placeFromFileName(f) })
      : format === 'json' ? jsonArrayOf(parts) : [csvHead(INDICATOR_COLUMNS, { bom: outAbs !== null }), ...parts];
  if (outAbs) {
    try {
      if (format === 'xlsx') {
        writeFileSync(outAbs, xlsx([
          {
            name: 'indicators',
            rows: [[...INDICATOR_COLUMNS], ...rows.map(rowValues)],
            widths: COLUMN_WIDTHS,
            autoFilter: true,
          },
          {
            name: 'pivot',
            rows: pivotTable(rows, columns),
            headerRows: 2,
            frozenColumns: 1,
            widths: [26, ...columns.map(() => 16)],
          },
        ]));
      } else await writeParts(outAbs, pieces());
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      ctx.error(CLI.cannotWrite(output!, WRITE_ERRORS[e.code ?? ''] ?? e.message));
      return EXIT_USAGE;
    }
  } else await writeChunks(ctx.io.stdout, pieces());
  return failed.length ? EXIT_USAGE : EXIT_OK;
}

/**
 * Threads for a batch without --jobs: the number of cores for WORKERS_FROM_BYTES (16 MB) of files or
 * more, else 1 — analyzeFiles's own default, here so that check's drafts and references share one.
 * Measured here on 2 cores, one thread against two (at 108f8c1): the 24 corpus reports (1.4 MB)
 * check in 0.71–0.77 s against 0.85–0.91 s and give their indicators in 1.07–1.28 s against
 * 1.41–1.56 s; 300 reports (17 MB) check in 2.60–2.65 s against 2.62–2.75 s and give indicators in
 * 3.45–3.88 s against 3.30–3.63 s; 1,000 (57 MB) check in 6.4 s against 4.8 s.
 */
export function defaultJobs(files: InputFile[], most: number): number {
  const paths = files.flatMap((f) => (f.abs ? [f.abs] : []));
  return worthWorkers(fileSizes(paths)) ? Math.min(availableParallelism(), Math.max(most, 1)) : 1;
}

/** --jobs N: threads that analyze a batch (this one included), never more than `most`; see defaultJobs. */
function jobsOption(cmd: string, value: string | undefined, files: InputFile[], most: number): number {
  if (value === undefined) return defaultJobs(files, most);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`${cmd}: --jobs takes a whole number from 1 to 256, not '${value}'.`);
  return Math.min(n, Math.max(most, 1));
}

// ---------------------------------------------------------------------------------------- compare

async function compareCommand(args: string[], ctx: Ctx): Promise<number> {
  const { values, positionals } = parse('compare', args, { format: { type: 'string', short: 'f' } });
  if (values.help) {
    ctx.io.stdout.write(COMPARE_HELP);
    return EXIT_OK;
  }
  const format = oneOf('compare', values.format as string | undefined, ['text', 'json'] as const, 'text');
  if (positionals.length !== 2) throw new UsageError("compare: give the Chinese report and its English translation. See 'baogao compare --help'.");
  const files = positionals.map((given): InputFile => {
    const abs = given === '-' ? null : resolve(ctx.cwd, given);
    return { abs, display: abs === null ? '<stdin>' : displayPath(abs, given, ctx.cwd) };
  });
  let zh;
  let en;
  try {
    const loaded = [await load(files[0], ctx.io), await load(files[1], ctx.io)];
    const langs = loaded.map((l) => detectLanguage(l.text));
    if (langs[0] === langs[1]) {
      const which = langs[0] === 'zh' ? 'Chinese' : 'English';
      throw new UsageError(`compare: ${files[0].display} and ${files[1].display} are both ${which}: give a Chinese report and its English translation.`);
    }
    if (langs[0] === 'en') {
      // the English file first: said, and compared the right way round
      ctx.error(`compare: ${files[0].display} is English and ${files[1].display} Chinese: comparing them the other way round.`);
      files.reverse();
      loaded.reverse();
    }
    zh = await readAndAnalyze(files[0], ctx, { language: 'zh', duplicates: false }, loaded[0]);
    en = await readAndAnalyze(files[1], ctx, { language: 'en', duplicates: false }, loaded[1]);
  } catch (err) {
    if (!isUnreadable(err)) throw err;
    ctx.error(err.message);
    return EXIT_USAGE;
  }
  const r = compareVersions(zh.report, en.report);
  const years = [reportYear(zh.report, zh.loaded.text, files[0].display), englishReportYear(en.loaded.text, files[1].display)];
  for (const w of versionWarnings(r, years[0], years[1], files[0].display, files[1].display)) ctx.error(`compare: ${w}`);
  if (format === 'json') {
    await writeChunks(ctx.io.stdout, jsonLines(r));
  } else {
    const starts = [lineStarts(zh.loaded.text), lineStarts(en.loaded.text)];
    const names = files.map((f) => printable(f.display));
    const at = (k: 0 | 1, c: Claim) => {
      const { line, column } = lineColumn(starts[k], c.span.start);
      return `${names[k]}:${line}:${column}`;
    };
    // claim text is document text: printed through printable, as stylish does
    const out: string[] = [];
    for (const d of r.disagree) out.push(`disagree (${d.reasons.join(', ')})\n  ${at(0, d.zh)}  ${printable(d.zh.text)}\n  ${at(1, d.en)}  ${printable(d.en.text)}`);
    for (const c of r.onlyZh) out.push(`only in Chinese  ${at(0, c)}  ${printable(c.text)}`);
    for (const c of r.onlyEn) out.push(`only in English  ${at(1, c)}  ${printable(c.text)}`);
    out.push(`${r.matched.length} matched, ${r.disagree.length} disagree, ${r.onlyZh.length} only in Chinese, ${r.onlyEn.length} only in English`);
    await writeChunks(ctx.io.stdout, linesOf(out));
  }
  return r.disagree.length || r.onlyZh.length || r.onlyEn.length ? EXIT_FINDINGS : EXIT_OK;
}

// ------------------------------------------------------------------------------------------- main

const COMMANDS: Record<string, (args: string[], ctx: Ctx) => Promise<number>> = {
  analyze: analyzeCommand,
  check: checkCommand,
  indicators: indicatorsCommand,
  compare: compareCommand,
  targets: (args, ctx) =>
    targetsCommand(args, {
      ...ctx,
      parse,
      usage: (msg) => {
        throw new UsageError(msg);
      },
      sameFile,
      each: (files, failed, progress) => analyzeEach(files, ctx, progress, 0, files.length, { duplicates: false }, defaultJobs(files, files.length), failed, ['placeholders', 'duplicates']),
      help: TARGETS_HELP,
      writeErrors: WRITE_ERRORS,
    }),
};

const HELP: Record<string, string> = { analyze: ANALYZE_HELP, check: CHECK_HELP, indicators: INDICATORS_HELP, compare: COMPARE_HELP, targets: TARGETS_HELP };

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const ctx: Ctx = {
    io,
    cwd: io.cwd ?? process.cwd(),
    // messages quote file names and document text: no control character reaches the terminal
    error: (msg) => {
      io.stderr.write(`baogao: ${printable(msg)}\n`);
    },
  };
  const [cmd, ...rest] = argv;
  try {
    if (cmd === undefined) {
      ctx.error(CLI.noCommand);
      return EXIT_USAGE;
    }
    if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
      const topic = cmd === 'help' ? rest[0] : undefined;
      if (topic !== undefined && !HELP[topic]) throw new UsageError(CLI.unknownCommand(topic));
      io.stdout.write(topic ? HELP[topic] : MAIN_HELP);
      return EXIT_OK;
    }
    if (cmd === '--version' || cmd === '-v' || cmd === '-V') {
      io.stdout.write(`${packageInfo().version}\n`);
      return EXIT_OK;
    }
    const run = Object.hasOwn(COMMANDS, cmd) ? COMMANDS[cmd] : undefined;
    if (!run) {
      if (cmd.startsWith('-')) throw new UsageError(`unknown option '${cmd}'. See 'baogao --help'.`);
      throw new UsageError(CLI.unknownCommand(cmd));
    }
    return await run([...rest], ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      ctx.error(err.message);
      return EXIT_USAGE;
    }
    const e = err as Error;
    ctx.error(`internal error: ${e?.message ?? String(err)}`);
    if (process.env.BAOGAO_DEBUG && e?.stack) io.stderr.write(e.stack + '\n');
    return EXIT_USAGE;
  }
}
