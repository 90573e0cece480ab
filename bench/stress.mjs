// Odd shapes of draft through every command: `node bench/stress.mjs [--chars 400000] [--timeout 60]`
// (after `npm run build`). Each shape is a short unit repeated to the size — a draft written as one
// line, masks only, ranks only, a Markdown table, the same sentence again and again… — and each runs
// through check (stylish and JSON), analyze (JSON and outline) and indicators (CSV). Prints the wall
// time, exit code and, on failure, the first line of stderr; exits 1 when any command fails (exit
// above 1), times out or takes longer than --limit seconds (default 10).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i === -1 ? dflt : args[i + 1];
};
const CHARS = Number(opt('--chars', '400000'));
const TIMEOUT = Number(opt('--timeout', '60'));
const LIMIT = Number(opt('--limit', '10'));

const SHAPES = {
  'one line, placeholders': '各项工作取得新进展，地区生产总值增长**%，',
  'no punctuation': '各项工作取得新进展地区生产总值增长百分之五',
  'the same sentence': '全市地区生产总值增长5.2%。\n',
  'headings only': '一、总体要求\n（一）发展目标\n1. 经济增长\n（1）产值\n',
  'stars only': '**',
  'name masks only': 'XX某某××……',
  'digits only': '1234567890',
  'English words': 'lorem ipsum dolor sit amet ',
  'Markdown table': '| 指标 | 2023 | 2024 |\n|---|---|---|\n| GDP | 100 | 105 |\n',
  'enumerations': '一是加强领导，二是完善制度，三是强化监督；',
  'bold headings': '**重点任务**：推进改革。',
  'one long word': 'a',
  'ranks': '全省第2位，位列全国第**位，百强县，',
  'growth figures': '增长5.2%，提高1.5个百分点，',
};

const COMMANDS = [
  ['check'],
  ['check', '--format', 'json'],
  ['analyze'],
  ['analyze', '--format', 'text'],
  ['indicators', '-o', 'OUT.csv'],
];

const dir = mkdtempSync(join(tmpdir(), 'baogao-stress-'));
let bad = 0;
try {
  console.log(`${Object.keys(SHAPES).length} shapes of ${CHARS.toLocaleString('en')} characters × ${COMMANDS.length} commands`);
  let k = 0;
  for (const [name, unit] of Object.entries(SHAPES)) {
    let text = '';
    while (text.length < CHARS) text += unit;
    const file = join(dir, `shape-${k++}.txt`);
    writeFileSync(file, text.slice(0, CHARS));
    const cells = [];
    for (const cmd of COMMANDS) {
      const argv = [join(ROOT, 'bin', 'baogao.cjs'), cmd[0], file, ...cmd.slice(1).map((a) => (a === 'OUT.csv' ? join(dir, 'out.csv') : a))];
      const t = performance.now();
      const r = spawnSync(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: TIMEOUT * 1000, maxBuffer: 1 << 26 });
      const s = (performance.now() - t) / 1000;
      const failed = r.status === null || r.status > 1 || s > LIMIT;
      if (failed) bad++;
      const why = r.status === null ? `killed after ${TIMEOUT} s` : r.status > 1 ? (r.stderr.split('\n').find((l) => l.trim()) ?? '') : '';
      cells.push(`${cmd.filter((a) => a !== 'OUT.csv' && a !== '-o').join(' ')} ${s.toFixed(2)} s exit ${r.status ?? '-'}${failed ? ' ✗' : ''}${why ? ` (${why.slice(0, 80)})` : ''}`);
    }
    console.log(`${name}:\n  ${cells.join('\n  ')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(bad ? `${bad} command(s) failed, timed out or took over ${LIMIT} s` : `every command finished in under ${LIMIT} s with exit 0 or 1`);
process.exit(bad ? 1 : 0);
