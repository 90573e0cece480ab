/**
 * Before/after figures for the hostile .docx files of issue #17, one reader and one file per process:
 *
 *   npx tsx tests/helpers/measure-docx.ts mammoth|ours runs|table|bigxml
 *
 * `mammoth` is mammoth's extractRawText (the reader before), `ours` readDocxDocument with its
 * defaults (the parse worker, the limits). Prints the outcome, this process's CPU time (all threads:
 * user + system) and its peak resident memory. mammoth on `bigxml` needs
 * `node --max-old-space-size=6000 --import tsx tests/helpers/measure-docx.ts mammoth bigxml`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bigTableDocx, bigXmlDocx, emptyRunsDocx } from './hostile-docx.js';

const [reader, which] = process.argv.slice(2);
const build = { runs: emptyRunsDocx, table: bigTableDocx, bigxml: bigXmlDocx }[which ?? ''];
if (!build || (reader !== 'mammoth' && reader !== 'ours')) {
  console.error('usage: measure-docx.ts mammoth|ours runs|table|bigxml');
  process.exit(2);
}
// the file is built once, in this process, and read in a fresh one, so that building it is not measured
const file = join(tmpdir(), `baogao-hostile-${which}.docx`);
if (!process.env.BAOGAO_MEASURE_CHILD) {
  if (!existsSync(file)) writeFileSync(file, build());
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), reader, which!], {
    stdio: 'inherit',
    env: { ...process.env, BAOGAO_MEASURE_CHILD: '1' },
  });
  process.exit(r.status ?? 1);
}
const buf = readFileSync(file);
const c0 = process.cpuUsage();
const t0 = performance.now();
let outcome: string;
try {
  if (reader === 'mammoth') {
    const mammoth = ((await import('mammoth')) as unknown as { default: typeof import('mammoth') }).default;
    outcome = `${(await mammoth.extractRawText({ buffer: buf })).value.length} characters`;
  } else {
    const { readDocxDocument } = await import('../../src/read/docx.js');
    outcome = `${(await readDocxDocument(buf, `${which}.docx`)).text.length} characters`;
  }
} catch (err) {
  outcome = `error: ${err instanceof Error ? err.message : String(err)}`;
}
const cpu = process.cpuUsage(c0);
console.log(
  `${reader} ${which} (${buf.length} bytes): ${outcome}; ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, ${((performance.now() - t0) / 1e3).toFixed(2)} s wall, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
