// Benchmark of the duplicates stage: findDuplicates on every document of a batch, then
// compareDocuments on the whole batch, for batches of 100, 300 and 1,000 documents of ~20,000
// characters built from the corpus (repeated and perturbed: paragraphs drawn from a base report and
// from other reports, sentences shuffled inside paragraphs, about half of the numbers changed).
//
//   npm run build && node bench/duplicates.mjs [--sizes 100,300,1000] [--chars 20000] [--corpus DIR]
//
// It imports the built package (dist/index.js); BAOGAO_DIST=/path/to/module.mjs points it elsewhere.
// Each size runs in a child process so that its peak memory (process.resourceUsage().maxRSS) is its own.
// Statements come from the library's sentence splitter (sentenceRanges), timed as "segment" for scale.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const corpus = opt('--corpus', process.env.BAOGAO_CORPUS ?? '/work/shared/corpus');
const chars = Number(opt('--chars', '20000'));
// --mode distinct: also replace about one character in eight, so documents share little (worst case
// for the batch suffix array, which then sorts every character); default "reuse"
const mode = opt('--mode', 'reuse');
const child = opt('--child', null);

if (child === null) {
  const sizes = opt('--sizes', '100,300,1000').split(',').map(Number);
  const rows = [];
  for (const n of sizes) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), ...args, '--child', String(n)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 26,
    });
    if (r.status !== 0) {
      console.error(`size ${n} failed (${r.status})`);
      process.exit(1);
    }
    const line = r.stdout.trim().split('\n').pop();
    rows.push(JSON.parse(line));
  }
  console.log(`\nmode: ${mode}`);
  console.log('wall-clock seconds, with CPU seconds of the process in brackets (the machine may be shared)');
  console.log('docs  chars/doc  segment(s)  findDuplicates(s)     compareDocuments(s)   total(s)         ms/doc  peakRSS(MB)  dups/doc  shared  pairs');
  for (const r of rows)
    console.log(
      [
        String(r.docs).padStart(4),
        String(r.charsPerDoc).padStart(9),
        r.segment.toFixed(2).padStart(11),
        `${r.find.toFixed(2)} (${r.findCpu.toFixed(2)})`.padStart(20),
        `${r.compare.toFixed(2)} (${r.compareCpu.toFixed(2)})`.padStart(21),
        `${(r.find + r.compare).toFixed(2)} (${(r.findCpu + r.compareCpu).toFixed(2)})`.padStart(16),
        (((r.find + r.compare) * 1000) / r.docs).toFixed(2).padStart(7),
        r.peakMB.toFixed(0).padStart(12),
        r.dupsPerDoc.toFixed(1).padStart(9),
        String(r.shared).padStart(7),
        String(r.pairs).padStart(6),
      ].join(' '),
    );
  if (rows.length > 1) {
    const a = rows[0];
    const b = rows[rows.length - 1];
    const per = (r) => (r.find + r.compare) / r.docs;
    const perCpu = (r) => (r.findCpu + r.compareCpu) / r.docs;
    console.log(`\ntime per document, ${b.docs} vs ${a.docs} documents: ${(per(b) / per(a)).toFixed(2)}x wall-clock, ${(perCpu(b) / perCpu(a)).toFixed(2)}x CPU`);
  }
  process.exit(0);
}

// ------------------------------------------------------------------ child: one batch size
const target = process.env.BAOGAO_DIST ?? new URL('../dist/index.js', import.meta.url).href;
const mod = await import(target.startsWith('file:') || target.startsWith('/') ? (target.startsWith('/') ? pathToFileURL(target).href : target) : target);
if (typeof mod.findDuplicates !== 'function' || typeof mod.compareDocuments !== 'function') {
  console.error(`${target} does not export findDuplicates/compareDocuments: run npm run build, or set BAOGAO_DIST`);
  process.exit(2);
}

/** Statements of a text taken as one section: the library's sentence splitter. */
function split(text) {
  return mod.sentenceRanges(text, 0, text.length).map(([start, end], k) => ({
    id: `s${k + 1}`,
    sectionId: 'sec-0',
    span: { start, end },
    text: text.slice(start, end),
    items: [],
  }));
}

function loadCorpus() {
  const texts = [];
  for (const f of readdirSync(join(corpus, 'zh')).sort()) texts.push(readFileSync(join(corpus, 'zh', f), 'utf8'));
  for (const f of readdirSync(join(corpus, 'gbk')).sort()) texts.push(new TextDecoder('gb18030').decode(readFileSync(join(corpus, 'gbk', f))));
  texts.push(readFileSync(join(corpus, '000_304eac767b8a3bea.txt'), 'utf8'));
  return texts.map((t) => t.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0));
}

function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function perturb(par, r) {
  const sents = par.match(/[^。！？；]+[。！？；]?/g) ?? [par];
  for (let i = sents.length - 1; i > 0; i--) {
    if (r() < 0.3) {
      const j = Math.floor(r() * (i + 1));
      [sents[i], sents[j]] = [sents[j], sents[i]];
    }
  }
  let out = sents.join('').replace(/\d+(?:\.\d+)?/g, (m) => (r() < 0.5 ? m : String(Math.floor(r() * 1000) / (m.includes('.') ? 10 : 1))));
  if (mode === 'distinct') out = out.replace(/[\u4e00-\u9fff]/g, (c) => (r() < 0.125 ? String.fromCharCode(0x4e00 + Math.floor(r() * 0x5000)) : c));
  return out;
}

function makeBatch(n, offset = 0) {
  const pool = loadCorpus();
  const docs = [];
  for (let i = 0; i < n; i++) {
    const r = rng(0x9e3779b1 ^ ((i + offset) * 2654435761));
    const base = pool[i % pool.length];
    const lines = [];
    let len = 0;
    let k = Math.floor(r() * base.length);
    while (len < chars) {
      const src = r() < 0.7 ? base : pool[Math.floor(r() * pool.length)];
      const par = r() < 0.7 ? src[k++ % src.length] : src[Math.floor(r() * src.length)];
      const p = perturb(par, r);
      lines.push(p);
      len += p.length + 1;
    }
    let text = lines.join('\n');
    if (text.length > chars) text = text.slice(0, text.lastIndexOf('\n', chars) > 0 ? text.lastIndexOf('\n', chars) : chars);
    docs.push({ id: `doc${i + 1}`, text });
  }
  return docs;
}

const n = Number(child);
const docs = makeBatch(n);
let t = performance.now();
for (const d of docs) d.statements = split(d.text);
const segment = (performance.now() - t) / 1000;

// warm up (dictionary, tables, JIT) on a separate small batch, so that every size is timed hot
{
  const warm = makeBatch(20, 1_000_003).map((d) => ({ ...d, statements: split(d.text) }));
  for (const d of warm) mod.findDuplicates(d.text, d.statements);
  mod.compareDocuments(warm);
}

const cpuSeconds = (u) => (u.user + u.system) / 1e6;
t = performance.now();
let c = process.cpuUsage();
let dups = 0;
for (const d of docs) dups += mod.findDuplicates(d.text, d.statements).length;
const find = (performance.now() - t) / 1000;
const findCpu = cpuSeconds(process.cpuUsage(c));

t = performance.now();
c = process.cpuUsage();
const res = mod.compareDocuments(docs);
const compare = (performance.now() - t) / 1000;
const compareCpu = cpuSeconds(process.cpuUsage(c));

const peakMB = process.resourceUsage().maxRSS / 1024;
const charsPerDoc = Math.round(docs.reduce((a, d) => a + d.text.length, 0) / n);
console.error(`  ${n} docs: segment ${segment.toFixed(2)} s, findDuplicates ${find.toFixed(2)} s, compareDocuments ${compare.toFixed(2)} s, peak ${peakMB.toFixed(0)} MB`);
console.log(JSON.stringify({ docs: n, charsPerDoc, segment, find, compare, findCpu, compareCpu, peakMB, dupsPerDoc: dups / n, shared: res.shared.length, pairs: res.pairs.length }));
