// npm run bench — speed and scale of baogao on the real corpus, in one run: prints tables (and a
// markdown summary for the README) and writes bench/results.json (gitignored).
//
//   npm run bench [-- --quick] [-- --only throughput,scaling,startup,memory,batch] [-- --clock wall|cpu]
//                 [-- --batch 1000] [-- --batch-runs 1] [-- --wait-cores 0] [-- --startup-runs 7]
//                 [-- --sizes 20000,200000,2000000]
//                 [-- --no-build] [-- --out bench/results.json]
//
// dist/ is rebuilt first (npm run build) when src/ is newer than it (see build.mjs). Medians over
// repeated runs after a warm-up (tinybench). On a shared machine, --clock cpu times the in-process
// sections in CPU time, which other processes disturb far less than wall time. Sections:
//   throughput  analyze() in characters per second, whole pipeline and per stage (the exported stage
//               functions on the inputs analyze gives them), against the floor (nodejieba.cut) and a
//               peer (Microsoft Recognizers-Text number + percentage + ordinal, Culture.Chinese),
//               in blocks (tinybench) and in paired rounds (one pass of each, back to back)
//   scaling     analyze and each stage on 20K, 200K and 2M characters of concatenated reports
//   startup     cold wall time of the CLI (check: no words, analyze: claims) and of the library, and
//               whether jieba's dictionary was loaded
//   memory      peak RSS of one report, in a child process
//   batch       a batch of 1,000 reports with analyzeFiles, jobs 1 against jobs 2, each in a child
//               process: wall time, CPU time per thread, peak RSS, same results; and the machine's
//               ceiling for any pool: two separate processes side by side, each analysing half of the
//               batch with jobs 1 (nothing shared, nothing copied between them)
// Peak RSS is the child's VmHWM (Linux), else process.resourceUsage().maxRSS (see `peak` below).
// Other processes on the machine skew every figure: the load average is recorded with each section.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { ROOT, ensureDist, libraryUrl } from './build.mjs';
import { SEED, concatenated, corpusPaths, corpusTexts } from './corpus.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const QUICK = flag('--quick');
const ONLY = new Set(opt('--only', 'throughput,scaling,startup,memory,batch').split(','));
const BATCH = Number(opt('--batch', QUICK ? '100' : '1000'));
const BATCH_RUNS = Number(opt('--batch-runs', '1'));
// on a shared machine: before each batch run, wait up to this many seconds for both cores to be free
const WAIT_CORES = Number(opt('--wait-cores', '0'));
const STARTUP_RUNS = Number(opt('--startup-runs', QUICK ? '3' : '7'));
const SIZES = opt('--sizes', '20000,200000,2000000').split(',').map(Number);
const size = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}K`);
const SPAN = `${size(SIZES[SIZES.length - 1])} / ${size(SIZES[0])}`;
const RESULTS = opt('--out', fileURLToPath(new URL('./results.json', import.meta.url)));
// --clock cpu: time the in-process measurements (throughput, scaling) in CPU time of this process
// (process.cpuUsage, all threads: V8's GC helpers count) instead of wall time — far less disturbed by
// other processes on a shared machine; equal to wall time, or a little above it, on a quiet one.
const CLOCK = opt('--clock', 'wall');
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const require = createRequire(import.meta.url);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const load = () => Number(os.loadavg()[0].toFixed(2));
const fmt = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(d));
const kcs = (charsPerSec) => `${Math.round(charsPerSec / 1000).toLocaleString('en-US')}K`;
const mark = (ok) => (ok ? '✓' : '✗');
let sink = 0;
// Peak RSS of a child: VmHWM where Linux gives it — process.resourceUsage().maxRSS of a child carries
// over the peak of the process that spawned it (fork + exec), this one, which holds jieba and the 2M
// texts — else maxRSS. Both are in results.json.
const peak = (r) => r.peakMB ?? r.maxRSSMB;

const buildNote = ensureDist({ skip: flag('--no-build') });
const lib = await libraryUrl();
const L = await import(lib.url);
const texts = corpusTexts();
const corpusChars = texts.reduce((a, t) => a + t.length, 0);
const results = {
  date: new Date().toISOString(),
  command: `npm run bench${args.length ? ' -- ' + args.join(' ') : ''}`,
  machine: { cpus: os.availableParallelism(), model: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
  git: gitInfo(),
  build: buildNote,
  library: lib.note,
  corpus: { docs: texts.length, chars: corpusChars },
  clock: CLOCK,
  load: { start: load() },
};
console.log(`baogao bench — ${results.machine.cpus} cores, ${results.machine.model}, node ${process.version}, load ${results.load.start}`);
console.log(`${buildNote}; ${lib.note}; clock: ${CLOCK}`);
console.log(`corpus: ${texts.length} reports, ${corpusChars.toLocaleString('en-US')} characters\n`);

function gitInfo() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const d = spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' });
  return { commit: r.stdout.trim(), srcDirty: d.stdout.trim().length > 0 };
}

/** The inputs analyze gives each stage, for one text. */
function stageInputs(text) {
  const norm = L.normalize(text);
  const { sections } = L.splitSections(text);
  const statements = L.splitStatements(text, sections);
  const placeholders = L.findPlaceholders(norm);
  for (const p of placeholders) p.raw = text.slice(p.span.start, p.span.end);
  // attach each placeholder to its statement, as analyze does (model/analyze.ts, not exported)
  let k = 0;
  for (const p of placeholders) {
    while (k < statements.length && statements[k].span.end <= p.span.start) k++;
    const s = statements[k];
    p.statementId = s && s.span.start <= p.span.start && p.span.end <= s.span.end ? s.id : null;
  }
  return { text, norm, sections, statements, placeholders };
}

const STAGES = [
  ['normalize', (x) => L.normalize(x.text).text.length],
  ['sections', (x) => L.splitSections(x.text).sections.length],
  ['statements', (x) => L.splitStatements(x.text, x.sections).length],
  ['placeholders', (x) => L.findPlaceholders(x.norm).length],
  ['claims', (x) => L.extractClaims(x.text, x.norm, x.statements, x.sections, x.placeholders, []).length],
  ['duplicates', (x) => L.findDuplicates(x.text, x.statements, {}).length],
];

/** Run the tasks (name → fn, one call = one pass over the inputs) with tinybench; median ms of each. */
async function medians(tasks, { iterations, warmupIterations = 1 }) {
  const bench = new Bench({ iterations, time: 0, warmupIterations, warmupTime: 0, throws: true, ...(CLOCK === 'cpu' ? { now: cpuNow } : {}) });
  for (const [name, fn] of tasks) bench.add(name, fn);
  await bench.run();
  const out = {};
  for (const t of bench.tasks) out[t.name] = { ms: t.result.latency.p50, runs: t.result.latency.samplesCount, rme: t.result.latency.rme };
  return out;
}

// ---------------------------------------------------------------------------------------------
// throughput

if (ONLY.has('throughput')) {
  const t0 = Date.now();
  const inputs = texts.map(stageInputs);
  L.analyze(texts[0]); // loads jieba's dictionary, outside the timings
  // the floor: nodejieba's own segmenter (the C++ one baogao's TypeScript port reproduces), with
  // baogao's user dictionary, loaded outside the timings
  const jieba = require('nodejieba');
  jieba.load({ userDict: join(ROOT, 'dictionaries', 'jieba.user.dict.utf8'), idfDict: join(ROOT, 'dictionaries', 'jieba.idf.utf8') });
  const R = require('@microsoft/recognizers-text-suite');
  const C = R.Culture.Chinese;
  const paragraphs = texts.flatMap((t) => t.split('\n').filter((l) => l.trim()));
  const recognize = (xs) => {
    let n = 0;
    for (const x of xs) n += R.recognizeNumber(x, C).length + R.recognizePercentage(x, C).length + R.recognizeOrdinal(x, C).length;
    return n;
  };
  const it = QUICK ? 3 : 7;
  const ours = await medians(
    [
      ['analyze', () => { for (const t of texts) sink += L.analyze(t).claims.length; }],
      ['analyze, claims off', () => { for (const t of texts) sink += L.analyze(t, { claims: false }).statements.length; }],
      ...STAGES.map(([name, fn]) => [name, () => { for (const x of inputs) sink += fn(x); }]),
      ['nodejieba.cut', () => { for (const t of texts) sink += jieba.cut(t).length; }],
    ],
    { iterations: it },
  );
  const peer = await medians(
    [
      ['Recognizers, whole reports', () => { sink += recognize(texts); }],
      ['Recognizers, paragraphs', () => { sink += recognize(paragraphs); }],
    ],
    { iterations: QUICK ? 2 : 3 },
  );
  // paired rounds: analyze, then Recognizers (both ways), back to back, a ratio per round — a
  // machine whose speed drifts between the blocks above moves both sides of a round together
  const rounds = [];
  for (let r = 0; r < (QUICK ? 3 : 7); r++) {
    const clock = CLOCK === 'cpu' ? cpuNow : () => performance.now();
    let t = clock();
    for (const x of texts) sink += L.analyze(x).claims.length;
    const a = clock() - t;
    t = clock();
    sink += recognize(texts);
    const w = clock() - t;
    t = clock();
    sink += recognize(paragraphs);
    const p = clock() - t;
    rounds.push({ analyzeMs: a, wholeMs: w, paragraphsMs: p, ratio: Math.min(w, p) / a });
  }
  const found = { ours: L.analyze(texts[1]).claims.length, recognizers: recognize([texts[1]]) };
  const all = { ...ours, ...peer };
  for (const v of Object.values(all)) {
    v.charsPerSec = corpusChars / (v.ms / 1000);
    v.msPer1k = (v.ms / corpusChars) * 1000;
  }
  const bestPeer = Math.min(peer['Recognizers, whole reports'].ms, peer['Recognizers, paragraphs'].ms);
  results.throughput = {
    tasks: all,
    stageSum: STAGES.reduce((a, [n]) => a + ours[n].ms, 0),
    analyzeOverCut: ours.analyze.ms / ours['nodejieba.cut'].ms,
    analyzeNoClaimsOverCut: ours['analyze, claims off'].ms / ours['nodejieba.cut'].ms,
    peerOverAnalyze: bestPeer / ours.analyze.ms,
    pairedRounds: rounds,
    pairedPeerOverAnalyze: median(rounds.map((x) => x.ratio)),
    peerMsPer1k: (bestPeer / corpusChars) * 1000,
    foundInOneReport: found,
    seconds: (Date.now() - t0) / 1000,
    load: load(),
  };
  const T = results.throughput;
  console.log(`throughput over the corpus (${corpusChars.toLocaleString('en-US')} chars; median of ${it} runs after a warm-up; load ${T.load})`);
  console.log('  task                          chars/s     ms/1K chars  × cut   share of analyze');
  for (const [name, v] of Object.entries(all)) {
    const share = STAGES.some(([n]) => n === name) ? `${fmt((100 * v.ms) / ours.analyze.ms, 0)}%` : '';
    console.log(`  ${name.padEnd(28)} ${kcs(v.charsPerSec).padStart(8)}  ${fmt(v.msPer1k, 3).padStart(11)}  ${fmt(v.ms / ours['nodejieba.cut'].ms).padStart(6)}   ${share}`);
  }
  console.log(`  analyze / cut = ${fmt(T.analyzeOverCut)} (target ≤ 3 ${mark(T.analyzeOverCut <= 3)}); Recognizers (faster variant) / analyze = ${fmt(T.peerOverAnalyze)}× (target ≥ 5 ${mark(T.peerOverAnalyze >= 5)})`);
  console.log(`  paired rounds (analyze, then Recognizers, back to back): Recognizers / analyze = ${rounds.map((x) => fmt(x.ratio, 1)).join(', ')}; median ${fmt(T.pairedPeerOverAnalyze)}× (target ≥ 5 ${mark(T.pairedPeerOverAnalyze >= 5)})`);
  console.log(`  in ${corpusPaths()[1].split('/').pop()}: ${found.ours} claims from analyze; ${found.recognizers} numbers, percentages and ordinals from Recognizers\n`);
}

// ---------------------------------------------------------------------------------------------
// scaling

if (ONLY.has('scaling')) {
  const t0 = Date.now();
  L.analyze(texts[0]);
  results.scaling = { sizes: [] };
  console.log('scaling: concatenated reports (the corpus repeats past ~490K characters); ms per 1K chars');
  const names = ['analyze', ...STAGES.map(([n]) => n)];
  console.log(`  ${'chars'.padStart(9)}  ${names.map((n) => n.padStart(12)).join('')}`);
  for (const n of SIZES) {
    const text = concatenated(texts, n);
    const x = stageInputs(text);
    const iterations = QUICK ? 2 : n <= 20_000 ? 15 : n <= 200_000 ? 5 : 3;
    const m = await medians(
      [['analyze', () => { sink += L.analyze(text).claims.length; }], ...STAGES.map(([name, fn]) => [name, () => { sink += fn(x); }])],
      { iterations },
    );
    const row = { chars: text.length, runs: iterations, load: load(), msPer1k: {}, ms: {} };
    for (const k of names) {
      row.ms[k] = m[k].ms;
      row.msPer1k[k] = (m[k].ms / text.length) * 1000;
    }
    results.scaling.sizes.push(row);
    console.log(`  ${text.length.toLocaleString('en-US').padStart(9)}  ${names.map((k) => fmt(row.msPer1k[k], 3).padStart(12)).join('')}   (load ${row.load})`);
  }
  const small = results.scaling.sizes[0];
  const large = results.scaling.sizes[results.scaling.sizes.length - 1];
  results.scaling.growth = Object.fromEntries(names.map((k) => [k, large.msPer1k[k] / small.msPer1k[k]]));
  results.scaling.seconds = (Date.now() - t0) / 1000;
  console.log(`  ${SPAN.padStart(9)}  ${names.map((k) => (fmt(results.scaling.growth[k]) + '×').padStart(12)).join('')}`);
  console.log(`  time per character, ${SPAN}: ${fmt(results.scaling.growth.analyze)}× (target ≤ 1.5 ${mark(results.scaling.growth.analyze <= 1.5)})`);
  const steep = names.filter((k) => results.scaling.growth[k] > 1.5);
  if (steep.length) console.log(`  grows faster than the text: ${steep.join(', ')}`);
  console.log();
}

// ---------------------------------------------------------------------------------------------
// start-up

function wall(argv, { env } = {}) {
  const t = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, ...env } });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${argv.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return { ms, stderr: r.stderr };
}

function child(argv) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'child.mjs'), ...argv], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench/child.mjs ${argv.join(' ')} exited with ${r.status}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** child(), without waiting: several run side by side */
function childAsync(argv) {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [join(ROOT, 'bench', 'child.mjs'), ...argv], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    c.on('error', reject);
    c.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop())) : reject(new Error(`bench/child.mjs ${argv.join(' ')} exited with ${code}`))));
  });
}

if (ONLY.has('startup')) {
  const t0 = Date.now();
  const seed = SEED;
  const libScript = (claims) =>
    `const {analyze}=require('./dist/index.cjs');analyze(require('fs').readFileSync(${JSON.stringify(seed)},'utf8')${claims ? '' : ',{claims:false}'})`;
  const cmds = [
    ['node (empty script)', ['-e', '0']],
    ['baogao check (no claims)', ['bin/baogao.cjs', 'check', seed]],
    ['baogao analyze (claims)', ['bin/baogao.cjs', 'analyze', seed]],
    ['library, claims off', ['-e', libScript(false)]],
    ['library, claims on', ['-e', libScript(true)]],
  ];
  const rows = {};
  for (const [name] of cmds) rows[name] = [];
  // interleaved, so that a burst of load on the machine hits every command alike
  for (let k = 0; k < STARTUP_RUNS; k++) for (const [name, argv] of cmds) rows[name].push(wall(argv).ms);
  const probe = (argv) => /\[jieba-probe\] (\{.*\})/.exec(wall(['--require', join(ROOT, 'bench', 'jieba-probe.cjs'), ...argv]).stderr)?.[1];
  const cliJieba = {
    check: JSON.parse(probe(['bin/baogao.cjs', 'check', seed]) ?? '{}').jieba,
    analyze: JSON.parse(probe(['bin/baogao.cjs', 'analyze', seed]) ?? '{}').jieba,
  };
  const libJieba = child(['jieba', lib.url, seed]);
  results.startup = {
    runs: STARTUP_RUNS,
    medianMs: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, median(v)])),
    samplesMs: rows,
    jiebaLoaded: { cliCheck: cliJieba.check, cliAnalyze: cliJieba.analyze, library: libJieba },
    seconds: (Date.now() - t0) / 1000,
    load: load(),
  };
  const S = results.startup;
  console.log(`start-up: cold wall time on the seed (${texts[0].length.toLocaleString('en-US')} chars), median of ${STARTUP_RUNS} (load ${S.load})`);
  for (const [k, v] of Object.entries(S.medianMs)) console.log(`  ${k.padEnd(28)} ${fmt(v, 0).padStart(6)} ms`);
  console.log(`  jieba loaded: check ${cliJieba.check}, analyze ${cliJieba.analyze}; jiebaLoaded() after analyze(text, { claims: false }) ${libJieba.afterNoClaims}, after analyze(text) ${libJieba.afterClaims}`);
  console.log(`  cost of claims at start-up: CLI ${fmt(S.medianMs['baogao analyze (claims)'] - S.medianMs['baogao check (no claims)'], 0)} ms, library ${fmt(S.medianMs['library, claims on'] - S.medianMs['library, claims off'], 0)} ms\n`);
}

// ---------------------------------------------------------------------------------------------
// memory and batch

if (ONLY.has('memory')) {
  const one = child(['one', lib.url, SEED]);
  const oneNoClaims = child(['one', lib.url, SEED, '--no-claims']);
  results.memory = { oneReport: one, oneReportNoClaims: oneNoClaims, load: load() };
  console.log(`memory: peak RSS for one report (the seed): ${fmt(peak(one), 0)} MB with claims (jieba ${one.jiebaLoaded}), ${fmt(peak(oneNoClaims), 0)} MB without (jieba ${oneNoClaims.jiebaLoaded})\n`);
}

if (ONLY.has('batch')) {
  const t0 = Date.now();
  const runs = { 1: [], 2: [] };
  const halves = [];
  // the same batch with a map that sends back only each report's stats (BatchOptions.map)
  const mapped = { 1: [], 2: [] };
  console.log(`batch: analyzeFiles over ${BATCH} reports (the corpus cycled), ${BATCH_RUNS} run(s) each, alternating`);
  for (let k = 0; k < BATCH_RUNS; k++) {
    for (const jobs of [1, 2]) {
      // what the machine leaves us: two spinning threads get 2.0 cores on an idle 2-core machine
      let avail = child(['cores', lib.url, '2']).coresAvailable;
      for (const until = Date.now() + WAIT_CORES * 1000; avail < 1.8 && Date.now() < until; ) {
        await new Promise((res) => setTimeout(res, 10_000));
        avail = child(['cores', lib.url, '2']).coresAvailable;
      }
      const r = child(['batch', lib.url, String(jobs), String(BATCH)]);
      r.load = load();
      r.coresAvailableBefore = avail;
      runs[jobs].push(r);
      console.log(`  jobs ${jobs}: ${fmt(r.ms / 1000, 1)} s, ${kcs(r.chars / (r.ms / 1000))} chars/s, ${fmt(r.coresUsed, 2)} cores busy (${fmt(r.coresAvailableBefore, 2)} available just before), CPU ${fmt(r.cpuMs / 1000, 1)} s (threads: ${r.threadsMs.join(', ')} ms), peak RSS ${fmt(peak(r), 0)} MB, errors ${r.errors}, digest ${r.digest} (load ${r.load})`);
    }
    // the ceiling: two processes, each jobs 1 on half the batch, started together; the pair's time is
    // the later one's (each child times its own batch, after its own start-up, as the runs above do)
    // (a batch of one has no halves: one process gets the report, the other none)
    const half = BATCH > 1 ? Math.floor(BATCH / 2) : BATCH;
    const two = await Promise.all([childAsync(['batch', lib.url, '1', String(BATCH), '0', String(half)]), childAsync(['batch', lib.url, '1', String(BATCH), String(half), String(BATCH)])]);
    const h = { ms: Math.max(...two.map((x) => x.ms)), cpuMs: two[0].cpuMs + two[1].cpuMs, parts: two.map((x) => ({ docs: x.docs, ms: x.ms, cpuMs: x.cpuMs, peakMB: peak(x) })), load: load() };
    halves.push(h);
    console.log(`  two processes, jobs 1 on ${half} + ${BATCH - half} reports side by side: ${fmt(h.ms / 1000, 1)} s (${two.map((x) => fmt(x.ms / 1000, 1)).join(' and ')} s), CPU ${fmt(h.cpuMs / 1000, 1)} s, peak RSS ${two.map((x) => fmt(peak(x), 0)).join(' + ')} MB (load ${h.load})`);
    for (const jobs of [1, 2]) {
      const r = child(['batch', lib.url, String(jobs), String(BATCH), '--map']);
      r.load = load();
      mapped[jobs].push(r);
      console.log(`  with a map (stats only), jobs ${jobs}: ${fmt(r.ms / 1000, 1)} s, CPU ${fmt(r.cpuMs / 1000, 1)} s, peak RSS ${fmt(peak(r), 0)} MB, digest ${r.digest} (load ${r.load})`);
    }
  }
  // the fixed cost of a thread (jieba's dictionary, JIT warm-up, start-up) and the cost per report:
  // a straight line through jobs 1 on about a tenth of the batch and on the whole batch (the tenth
  // made of whole rounds of the corpus, so that both hold the same mix of reports)
  const round = corpusPaths().length;
  const small = Math.min(BATCH, round * Math.max(1, Math.round(BATCH / 10 / round)));
  let fit = null;
  if (small < BATCH) {
    const tenth = [];
    for (let k = 0; k < BATCH_RUNS; k++) tenth.push(child(['batch', lib.url, '1', String(small)]).ms);
    const msSmall = median(tenth);
    const msWhole = median(runs[1].map((r) => r.ms));
    const perReportMs = (msWhole - msSmall) / (BATCH - small);
    fit = { small, msSmall, msWhole, fixedMs: msWhole - perReportMs * BATCH, perReportMs };
    console.log(`  jobs 1 on ${small} reports: ${tenth.map((x) => fmt(x / 1000, 2)).join(', ')} s → a thread's fixed cost ≈ ${fmt(fit.fixedMs / 1000, 2)} s, then ${fmt(perReportMs, 1)} ms per report`);
  } else {
    console.log(`  (a batch of ${BATCH} is too small to fit a thread's fixed cost: use --batch ${2 * round} or more)`);
  }
  // each pair (jobs 1 then jobs 2) is one comparison; a pair in which someone else held a core
  // (fewer than 1.8 of the 2 free just before either run) says more about the machine than about us
  const pairs = runs[1].map((a, k) => {
    const b = runs[2][k];
    return { speedup: a.ms / b.ms, ceiling: a.ms / halves[k].ms, coresFree: Math.min(a.coresAvailableBefore, b.coresAvailableBefore), ms1: a.ms, ms2: b.ms, msHalves: halves[k].ms };
  });
  const clean = pairs.filter((p) => p.coresFree >= 1.8);
  const speedup = median((clean.length ? clean : pairs).map((p) => p.speedup));
  const ceiling = median((clean.length ? clean : pairs).map((p) => p.ceiling));
  const same = new Set([...runs[1], ...runs[2], ...mapped[1], ...mapped[2]].map((r) => r.digest)).size === 1;
  const mapSpeedup = median(mapped[1].map((a, k) => a.ms / mapped[2][k].ms));
  const idle1 = median(runs[1].map((r) => r.idleMs));
  const idle2 = median(runs[2].map((r) => r.idleMs));
  const cpuRatio = median(runs[2].map((r) => r.cpuMs)) / median(runs[1].map((r) => r.cpuMs));
  // jobs 1 already keeps more than one core busy: V8 compiles hot functions and marks the heap on
  // helper threads, which have the second core to themselves. Two analysing threads do at least that
  // CPU work between them on `cores` cores, so no pool can be faster than cores × wall / CPU of jobs 1
  const helperBound = median(runs[1].map((r) => (results.machine.cpus * r.ms) / r.cpuMs));
  results.batch = { docs: BATCH, runs, halves, mapped, mapSpeedup, fit, pairs, cleanPairs: clean.length, speedup, ceiling, helperBound, projectedIdleSpeedup: idle1 && idle2 ? idle1 / idle2 : null, cpuRatio, sameResults: same, seconds: (Date.now() - t0) / 1000 };
  console.log(`  pairs: ${pairs.map((p) => `${fmt(p.speedup)}× (${fmt(p.coresFree, 1)} cores free; two processes: ${fmt(p.ceiling)}×)`).join(', ')}`);
  console.log(`  jobs 2 vs jobs 1: ${fmt(speedup)}× faster, median of ${clean.length ? `the ${clean.length} pair(s) with both cores free` : 'all pairs — NONE had both cores free: re-run'} (target ≥ 1.7 ${mark(speedup >= 1.7)}); same results: ${same}`);
  console.log(`  jobs 2 spends ${fmt(cpuRatio)}× the CPU time of jobs 1; from per-thread CPU time, an idle machine would give ${fmt(results.batch.projectedIdleSpeedup)}×`);
  console.log(`  ceiling: two separate processes on half the batch each are ${fmt(ceiling)}× faster than jobs 1 (median); the pool gets ${fmt((speedup / ceiling) * 100, 0)}% of that`);
  console.log(`  with a map that sends back only the stats: jobs 2 is ${fmt(mapSpeedup)}× faster than jobs 1 (median of ${mapped[1].length}: ${mapped[1].map((a, k) => fmt(a.ms / mapped[2][k].ms)).join(', ')})`);
  console.log(`  bound: jobs 1 keeps ${fmt(median(runs[1].map((r) => r.cpuMs / r.ms)))} cores busy (V8's compiler and GC helpers), so on ${results.machine.cpus} cores no split of the same work beats ${fmt(helperBound)}×`);
  // where that second core goes: the helpers' CPU time in the batch's first 2 s (warm-up: the JIT
  // compiles the pipeline, which each thread's isolate does again) and per second after it
  const helpers = (j) => ({ inFirstMs: median(runs[j].map((r) => r.helpers.inFirstMs)), afterPerSecondMs: median(runs[j].map((r) => r.helpers.afterPerSecondMs ?? 0)) });
  results.batch.helpers = { 1: helpers(1), 2: helpers(2) };
  for (const j of [1, 2]) console.log(`  V8's helper threads, jobs ${j}: ${fmt(results.batch.helpers[j].inFirstMs / 1000)} s of CPU in the first 2 s, then ${fmt(results.batch.helpers[j].afterPerSecondMs, 0)} ms per second (medians)`);
  console.log();
}

results.load.end = load();
// our own work keeps one core busy (two in the batch); more than that is someone else's
const loads = [results.load.start, results.load.end, results.throughput?.load, ...(results.scaling?.sizes.map((x) => x.load) ?? []), results.startup?.load, results.memory?.load, ...Object.values(results.batch?.runs ?? {}).flat().map((x) => x.load)].filter((x) => typeof x === 'number');
results.load.max = Math.max(...loads);
results.load.busy = results.load.max > results.machine.cpus + 0.5;
writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
if (results.load.busy) console.log(`WARNING: the machine was busy (load average up to ${results.load.max} on ${results.machine.cpus} cores): figures are noisy, re-run when it is quiet\n`);
console.log(summary(results));
console.log(`\nwritten: ${RESULTS}`);
if (sink === -1) console.log(sink);

/** The markdown table for the README. */
function summary(r) {
  const lines = [`| measure | figure | target |`, `|---|---|---|`];
  const row = (a, b, c = '') => lines.push(`| ${a} | ${b} | ${c} |`);
  const T = r.throughput;
  if (T) {
    const t = T.tasks;
    row('`analyze()`, whole pipeline', `${kcs(t.analyze.charsPerSec)} chars/s (${fmt(t.analyze.msPer1k)} ms per 1,000 chars)`);
    row('`analyze()`, claims off', `${kcs(t['analyze, claims off'].charsPerSec)} chars/s`);
    row('stages: sections · statements · placeholders · claims · duplicates (normalize)', STAGES.map(([n]) => n).filter((n) => n !== 'normalize').map((n) => fmt(t[n].msPer1k, 3)).join(' · ') + ` (${fmt(t.normalize.msPer1k, 3)}) ms per 1,000 chars`);
    row('floor: `nodejieba.cut`', `${kcs(t['nodejieba.cut'].charsPerSec)} chars/s (${fmt(t['nodejieba.cut'].msPer1k)} ms per 1,000 chars)`);
    row('**analyze / cut**', `**${fmt(T.analyzeOverCut)}** (claims off: ${fmt(T.analyzeNoClaimsOverCut)})`, `≤ 3 ${mark(T.analyzeOverCut <= 3)}`);
    row('peer: Recognizers-Text number + percentage + ordinal (zh)', `${fmt(t['Recognizers, whole reports'].msPer1k)} ms per 1,000 chars on whole reports, ${fmt(t['Recognizers, paragraphs'].msPer1k)} by paragraph`);
    row('**Recognizers / analyze** (its faster way)', `**${fmt(T.peerOverAnalyze, 1)}×**`, `≥ 5 ${mark(T.peerOverAnalyze >= 5)}`);
    if (T.pairedRounds) {
      const rs = T.pairedRounds.map((x) => x.ratio);
      row('Recognizers / analyze, paired rounds (median; lowest–highest)', `${fmt(T.pairedPeerOverAnalyze, 1)}× (${fmt(Math.min(...rs), 1)}–${fmt(Math.max(...rs), 1)}, ${rs.length} rounds)`, `≥ 5 ${mark(T.pairedPeerOverAnalyze >= 5)}`);
    }
  }
  if (r.scaling) {
    const s = r.scaling.sizes;
    row(`scaling: ms per 1,000 chars at ${SIZES.map(size).join(' · ')}`, s.map((x) => fmt(x.msPer1k.analyze)).join(' · '));
    row(`**time per char, ${SPAN}**`, `**${fmt(r.scaling.growth.analyze)}×** (stages: ${STAGES.map(([n]) => `${n} ${fmt(r.scaling.growth[n])}`).join(', ')})`, `≤ 1.5 ${mark(r.scaling.growth.analyze <= 1.5)}`);
  }
  if (r.batch) {
    const b = r.batch;
    const rss = (j) => Math.max(...b.runs[j].map(peak));
    row(
      `batch of ${b.docs.toLocaleString('en-US')} reports, jobs 1 → jobs 2, per run`,
      b.pairs.map((p) => `${fmt(p.ms1 / 1000, 1)} s → ${fmt(p.ms2 / 1000, 1)} s (${fmt(p.coresFree, 1)} cores free)`).join('; ') + `; same results: ${b.sameResults ? 'yes' : 'NO'}`,
    );
    row(
      '**jobs 2 vs jobs 1**',
      `**${fmt(b.speedup)}×** (${b.cleanPairs ? `runs with both cores free` : 'no run had both cores free'}; CPU time jobs 2 / jobs 1: ${fmt(b.cpuRatio)}×; projected for an idle machine from per-thread CPU time: ${fmt(b.projectedIdleSpeedup)}×)`,
      `≥ 1.7 ${mark(b.speedup >= 1.7)}`,
    );
    if (b.ceiling) row('ceiling: two separate processes, jobs 1 on half the batch each, vs jobs 1', `${fmt(b.ceiling)}× (the pool gets ${fmt((b.speedup / b.ceiling) * 100, 0)}% of it)`);
    if (b.mapSpeedup) row('jobs 2 vs jobs 1 with a `map` that sends back only the stats', `${fmt(b.mapSpeedup)}× (${b.mapped[1].map((a, k) => `${fmt(a.ms / 1000, 1)} s → ${fmt(b.mapped[2][k].ms / 1000, 1)} s`).join('; ')})`);
    if (b.helperBound) row(`bound: ${r.machine.cpus} cores × wall / CPU time of jobs 1 (its V8 helper threads already use the second core)`, `${fmt(b.helperBound)}×`);
    if (b.helpers) row("V8's helper threads (compiler, GC): CPU time in the batch's first 2 s, then per second", [1, 2].map((j) => `jobs ${j}: ${fmt(b.helpers[j].inFirstMs / 1000)} s, then ${fmt(b.helpers[j].afterPerSecondMs, 0)} ms`).join('; '));
    if (b.fit) row(`a thread's fixed cost · cost per report (jobs 1 on ${b.fit.small} and ${b.docs.toLocaleString('en-US')} reports)`, `${fmt(b.fit.fixedMs / 1000, 2)} s · ${fmt(b.fit.perReportMs, 1)} ms`);
    row(`peak RSS, batch of ${b.docs.toLocaleString('en-US')}: jobs 1 · jobs 2`, `${fmt(rss(1), 0)} MB · ${fmt(rss(2), 0)} MB`);
  }
  if (r.memory) row('peak RSS, one report (claims on · off)', `${fmt(peak(r.memory.oneReport), 0)} MB · ${fmt(peak(r.memory.oneReportNoClaims), 0)} MB`);
  if (r.startup) {
    const m = r.startup.medianMs;
    const j = r.startup.jiebaLoaded;
    row('cold start, `baogao check` (no jieba) · `baogao analyze` (jieba)', `${fmt(m['baogao check (no claims)'], 0)} ms · ${fmt(m['baogao analyze (claims)'], 0)} ms (**${fmt(m['baogao analyze (claims)'] / m['baogao check (no claims)'], 1)}×**; node alone: ${fmt(m['node (empty script)'], 0)} ms)`);
    row('cold start, library `analyze()`: claims off · on', `${fmt(m['library, claims off'], 0)} ms · ${fmt(m['library, claims on'], 0)} ms (**${fmt(m['library, claims on'] / m['library, claims off'], 1)}×**)`);
    const ok = j.cliCheck === false && j.cliAnalyze === true && j.library.afterNoClaims === false && j.library.afterClaims === true;
    row('jieba loaded by check · analyze · `analyze(t, { claims: false })`', `${j.cliCheck} · ${j.cliAnalyze} · ${j.library.afterNoClaims}`, `false · true · false ${mark(ok)}`);
  }
  return `## Benchmark (${r.machine.cpus} cores, ${r.machine.model}, Node ${r.machine.node.slice(1)}, ${r.clock === 'cpu' ? 'CPU time' : 'wall time'}, load ${r.load.start} → ${r.load.end}, src ${r.git.commit}${r.git.srcDirty ? ' + local changes' : ''})\n\n${lines.join('\n')}\n\nReproduce: \`${r.command}\``;
}
