// Measurements that need a process of their own (run by run.mjs; prints one JSON line on stdout):
//
//   node bench/child.mjs one LIB FILE [--no-claims]   read + analyze one report: ms, peak RSS, jiebaLoaded()
//   node bench/child.mjs jieba LIB FILE               jiebaLoaded() after analyze(text, { claims: false }), then after analyze(text)
//   node bench/child.mjs batch LIB JOBS N [FROM TO] [--map]
//                                                     analyzeFiles over N corpus reports (or reports FROM..TO-1 of them):
//                                                     ms, CPU time (per thread, and V8's helper threads' in the
//                                                     first 2 s and after), peak RSS, a digest of the results; --map: each
//                                                     thread sends back only the stats (bench/map-stats.mjs)
//   node bench/child.mjs cores LIB [N]                how many cores N spinning threads get right now
//
// LIB is the URL of the library module (see build.mjs). Peak RSS is process.resourceUsage().maxRSS,
// which counts every thread of the process (so the workers of a batch too).
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createHash } from 'node:crypto';
import { batchPaths } from './corpus.mjs';

const [mode, lib, ...rest] = process.argv.slice(2);
const t0 = performance.now();
const L = await import(lib);
const loadMs = performance.now() - t0;
const rssMB = () => process.resourceUsage().maxRSS / 1024;
// VmHWM: the peak RSS of this process's own memory since exec (Linux). maxRSS can be inflated: Linux
// carries the parent's peak over fork + exec, so a child of a big process reports at least its size.
const peakMB = () => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
};
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');

if (mode === 'one') {
  const [file, flag] = rest;
  const t = performance.now();
  const report = L.analyze(readFileSync(file, 'utf8'), flag === '--no-claims' ? { claims: false } : {});
  out({ loadMs, ms: performance.now() - t, claims: report.claims.length, jiebaLoaded: L.jiebaLoaded(), maxRSSMB: rssMB(), peakMB: peakMB() });
} else if (mode === 'jieba') {
  const text = readFileSync(rest[0], 'utf8');
  const before = L.jiebaLoaded();
  const t1 = performance.now();
  L.analyze(text, { claims: false });
  const noClaimsMs = performance.now() - t1;
  const afterNoClaims = L.jiebaLoaded();
  const t2 = performance.now();
  L.analyze(text);
  const withClaimsMs = performance.now() - t2;
  out({ before, afterNoClaims, afterClaims: L.jiebaLoaded(), noClaimsMs, withClaimsMs });
} else if (mode === 'batch') {
  // CPU time of each thread of this process (Linux: /proc/self/task/*/stat, in clock ticks of 10 ms),
  // sampled every 100 ms so that workers are counted before they exit
  const threads = new Map();
  const sample = () => {
    try {
      for (const tid of readdirSync('/proc/self/task')) {
        const st = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        threads.set(tid, (Number(f[11]) + Number(f[12])) * 10);
      }
    } catch {
      // not Linux, or a thread gone between readdir and read
    }
  };
  const base = new Map();
  sample();
  for (const [k, v] of threads) base.set(k, v);
  // the same figures once WARMUP_MS into the batch: [ms since it began, a copy of `threads`], for the
  // warm-up split below
  const WARMUP_MS = 2000;
  let atWarmup = null;
  let tStart = performance.now();
  const timer = setInterval(() => {
    sample();
    const at = performance.now() - tStart;
    if (!atWarmup && at >= WARMUP_MS) atWarmup = [at, new Map(threads)];
  }, 100);
  const withMap = rest.includes('--map');
  const args = rest.filter((a) => a !== '--map');
  const jobs = Number(args[0]);
  const all = batchPaths(Number(args[1]));
  const paths = args.length > 3 ? all.slice(Number(args[2]), Number(args[3])) : all;
  const map = withMap ? { map: { module: new URL('./map-stats.mjs', import.meta.url).href, name: 'stats' } } : {};
  const hash = createHash('sha256');
  const cpu0 = process.cpuUsage();
  let errors = 0;
  let chars = 0;
  const t = performance.now();
  tStart = t;
  for await (const r of L.analyzeFiles(paths, { jobs, ...map })) {
    // a cheap digest (the full JSON would cost the main thread more than the work being measured)
    const stats = withMap ? r.value : r.report?.stats;
    if (r.error) errors++;
    else chars += stats.characters;
    hash.update(`${r.index} ${r.path} ${r.error ? r.error.code : JSON.stringify(stats)}\n`);
  }
  const ms = performance.now() - t;
  clearInterval(timer);
  sample();
  const cpu = process.cpuUsage(cpu0);
  const perThread = [...threads].map(([tid, v]) => ({ tid, main: tid === String(process.pid), ms: v - (base.get(tid) ?? 0) })).filter((x) => x.ms > 0);
  perThread.sort((a, b) => b.ms - a.ms);
  // CPU time of all the process's threads over wall time: how many cores the batch actually got
  const coresUsed = (cpu.user + cpu.system) / 1000 / ms;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // what this run would take on an idle machine with `cores` cores: the busiest thread, or all the
  // CPU time spread over the cores, whichever is longer (a projection: it assumes no waiting)
  const cores = Number(process.env.BENCH_CORES ?? availableParallelism());
  const idleMs = perThread.length ? Math.max(perThread[0].ms, cpuMs / cores) : null;
  // the CPU time of V8's helper threads (the compiler, the GC) — every thread but the `jobs` that
  // analyse, which are the busiest — in the batch's first WARMUP_MS and after it: where the second
  // core goes when jobs 1 keeps more than one busy
  const analysing = new Set(perThread.slice(0, jobs).map((x) => x.tid));
  const helpersAt = (snap) => [...snap].reduce((a, [tid, v]) => a + (analysing.has(tid) ? 0 : v - (base.get(tid) ?? 0)), 0);
  const helpersTotal = helpersAt(threads);
  const helpersFirst = atWarmup ? helpersAt(atWarmup[1]) : helpersTotal;
  const helpers = { firstMs: WARMUP_MS, inFirstMs: helpersFirst, afterMs: helpersTotal - helpersFirst, afterPerSecondMs: atWarmup && ms > atWarmup[0] ? ((helpersTotal - helpersFirst) / (ms - atWarmup[0])) * 1000 : null };
  out({ jobs, map: withMap, docs: paths.length, chars, errors, ms, cpuMs, coresUsed, threadsMs: perThread.slice(0, 6).map((x) => (x.main ? 'main ' : '') + Math.round(x.ms)), idleMs, helpers, maxRSSMB: rssMB(), peakMB: peakMB(), digest: hash.digest('hex').slice(0, 16) });
} else if (mode === 'cores') {
  // how many cores this process can get right now: N threads spinning for 1.5 s, CPU time over wall time
  const { Worker } = await import('node:worker_threads');
  const n = Number(rest[0] ?? availableParallelism());
  const spin = 'const end = Date.now() + 1500; let x = 0; while (Date.now() < end) x++; require("node:worker_threads").parentPort.postMessage(x);';
  const c0 = process.cpuUsage();
  const t = performance.now();
  await Promise.all(Array.from({ length: n }, () => new Promise((res) => new Worker(spin, { eval: true }).once('message', res))));
  const c = process.cpuUsage(c0);
  out({ threads: n, coresAvailable: (c.user + c.system) / 1000 / (performance.now() - t) });
} else {
  console.error(`child.mjs: unknown mode ${mode}`);
  process.exit(2);
}
