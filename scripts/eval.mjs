#!/usr/bin/env node
// npm run eval: scores the claims of every labelled document in fixtures/eval/ against its labels,
// on the original text and on the text masked the way drafts are masked, with the shared tools in
// ../shared/eval (score.py, mask.py). Prints one row per document and mode, and the mean.
// usage: npm run eval [-- --verbose NAME]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const evalDir = process.env.BAOGAO_EVAL_TOOLS ?? join(root, '..', 'shared', 'eval');
// fixtures/eval: the development set the rules were written against; fixtures/eval-heldout:
// documents labelled blind and kept out of development (their first score is in the README)
const sets = [['dev', join(root, 'fixtures', 'eval')], ['held-out', join(root, 'fixtures', 'eval-heldout')]];
const { analyze } = await import(join(root, 'src', 'index.ts'));

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.filter((a) => !a.startsWith('--'));
if (!existsSync(join(evalDir, 'score.py'))) {
  console.error(`eval: ${evalDir}/score.py not found (set BAOGAO_EVAL_TOOLS)`);
  process.exit(2);
}
const tmp = mkdtempSync(join(tmpdir(), 'baogao-eval-'));
const rows = [];
for (const [set, fixtures] of sets) {
  if (!existsSync(fixtures)) continue;
  for (const f of readdirSync(fixtures).filter((f) => f.endsWith('.labels.jsonl')).sort()) {
    const name = f.replace(/\.labels\.jsonl$/, '');
    if (only.length && !only.includes(name)) continue;
    const labels = join(fixtures, f);
    const textPath = join(fixtures, `${name}.txt`);
    for (const mode of ['original', 'masked']) {
      const text = mode === 'original'
        ? readFileSync(textPath, 'utf8')
        : execFileSync('python3', [join(evalDir, 'mask.py'), textPath, labels], { encoding: 'utf8', maxBuffer: 1 << 26 });
      const report = analyze(text, { duplicates: false });
      const rp = join(tmp, `${name}.${mode}.json`);
      writeFileSync(rp, JSON.stringify(report));
      const out = execFileSync('python3', [join(evalDir, 'score.py'), labels, rp, ...(mode === 'masked' ? ['--masked'] : []), ...(verbose ? ['--verbose'] : [])], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', verbose ? 'inherit' : 'ignore'],
      });
      rows.push({ set, name, mode, ...JSON.parse(out.trim().split('\n').pop()) });
    }
  }
}
const cols = ['gold', 'predicted', 'precision', 'recall', 'f1', 'role', 'number_unit', 'metric', 'modality', 'full_tuple'];
const pad = (s, n) => String(s).padEnd(n);
console.log(pad('set', 10) + pad('document', 22) + pad('mode', 10) + cols.map((c) => pad(c, 12)).join(''));
for (const r of rows) console.log(pad(r.set, 10) + pad(r.name, 22) + pad(r.mode, 10) + cols.map((c) => pad(r[c], 12)).join(''));
for (const set of ['dev', 'held-out']) {
  for (const mode of ['original', 'masked']) {
    const rs = rows.filter((r) => r.mode === mode && r.set === set);
    if (rs.length < 2) continue;
    const mean = (c) => (rs.reduce((s, r) => s + r[c], 0) / rs.length).toFixed(3);
    console.log(pad(set, 10) + pad('mean', 22) + pad(mode, 10) + cols.map((c) => pad(c === 'gold' || c === 'predicted' ? rs.reduce((s, r) => s + r[c], 0) : mean(c), 12)).join(''));
  }
}
