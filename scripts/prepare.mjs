#!/usr/bin/env node
// npm's `prepare`: `npm run build`, unless dist/ is already built from the current sources.
//
// npm runs `prepare` after `npm ci` / `npm install` in this repository, before `npm pack`, and also
// the first time `npx baogao` runs inside the repository: npm exec installs the project itself and
// runs its prepare. With an unconditional build that first `npx baogao` took 15-16 s (tsup and the
// type declarations), for a dist/ that `npm ci` had just built. Staleness is bench/build.mjs's (a
// bundle missing, or src/, tsup.config.ts or package.json newer than the oldest bundle), plus the
// JSON Schema. `node scripts/prepare.mjs --force` always builds.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, distStaleness } from '../bench/build.mjs';

const why = process.argv.includes('--force')
  ? '--force'
  : (distStaleness() ?? (existsSync(join(ROOT, 'dist', 'report.schema.json')) ? null : 'missing dist/report.schema.json'));
if (!why) {
  console.error('baogao prepare: dist/ is up to date, not rebuilt');
  process.exit(0);
}
console.error(`baogao prepare: building dist/ (${why})`);
const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
process.exit(r.status ?? 1);
