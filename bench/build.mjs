// The builds the benchmark runs on.
//
// - dist/ (what the package ships, and what bin/baogao.cjs runs): rebuilt with `npm run build`
//   (tsup, then the JSON Schema) when any file under src/, tsup.config.ts or package.json is newer
//   than the oldest of its bundles, or one is missing.
// - The library the in-process and child measurements import: dist/index.js when it exports all the
//   benchmark needs (analyzeFiles, analyzeTexts, jiebaLoaded besides the stages); until it does, a
//   bundle of the same sources made with esbuild (as tsup does) into node_modules/.cache/baogao-bench/,
//   from bench/lib-entry.mjs, with src/batch/worker.ts as its worker.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST_FILES = ['index.js', 'index.cjs', 'cli.js', 'cli.cjs', 'worker.js', 'worker.cjs'];
export const NEEDED = ['analyze', 'normalize', 'splitSections', 'splitStatements', 'findPlaceholders', 'extractClaims', 'findDuplicates', 'analyzeFiles', 'analyzeTexts', 'jiebaLoaded'];
const BUNDLE_DIR = join(ROOT, 'node_modules', '.cache', 'baogao-bench');

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of readdirSync(path)) m = Math.max(m, newest(join(path, e)));
  return m;
}

/** Why dist/ is stale, or null when it is fresh. */
export function distStaleness() {
  const missing = DIST_FILES.filter((f) => !existsSync(join(ROOT, 'dist', f)));
  if (missing.length) return `missing ${missing.map((f) => 'dist/' + f).join(', ')}`;
  const built = Math.min(...DIST_FILES.map((f) => statSync(join(ROOT, 'dist', f)).mtimeMs));
  const sources = Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'tsup.config.ts')), newest(join(ROOT, 'package.json')));
  if (sources > built) return `src/ changed ${((sources - built) / 1000).toFixed(0)} s after the last build`;
  return null;
}

/** Rebuild dist/ if it is stale (unless `skip`); returns a line for the log. */
export function ensureDist({ skip = false } = {}) {
  const why = distStaleness();
  if (!why) return 'dist/ is up to date';
  if (skip) return `dist/ is stale (${why}); --no-build given, measuring it anyway`;
  console.error(`bench: dist/ is stale (${why}): npm run build`);
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) {
    console.error('bench: the build failed; fix it (or run with --no-build to measure the old dist/)');
    process.exit(2);
  }
  return `dist/ rebuilt (${why})`;
}

/** The module the benchmark imports: its URL, and a line for the log. */
export async function libraryUrl() {
  const dist = pathToFileURL(join(ROOT, 'dist', 'index.js')).href;
  const mod = await import(dist);
  const lacking = NEEDED.filter((k) => typeof mod[k] !== 'function');
  if (!lacking.length) return { url: dist, note: 'library: dist/index.js' };
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: { index: join(ROOT, 'bench', 'lib-entry.mjs'), worker: join(ROOT, 'src', 'batch', 'worker.ts') },
    outdir: BUNDLE_DIR,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.js' },
    logLevel: 'warning',
  });
  return {
    url: pathToFileURL(join(BUNDLE_DIR, 'index.js')).href,
    note: `library: a bundle of src/ in node_modules/.cache/baogao-bench/ (dist/index.js does not export ${lacking.join(', ')} yet)`,
  };
}
