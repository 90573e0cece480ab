#!/usr/bin/env node
'use strict';
// The baogao command line. All of it lives in dist/cli.cjs, built from src/cli/ by `npx tsup`.
let cli;
try {
  cli = require('../dist/cli.cjs');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('cli.cjs')) {
    process.stderr.write('baogao: dist/cli.cjs is missing; build it with `npm run build`\n');
    process.exit(2);
  }
  throw err;
}
cli.run();
