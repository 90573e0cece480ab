import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    cli: 'src/cli/index.ts',
    worker: 'src/batch/worker.ts',
    'indicators-map': 'src/cli/indicators-map.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  // No source maps: they were 4.0 MB of the 5.9 MB unpacked tarball, and dist/ is not minified, so a
  // stack trace already names our functions and readable lines. Maps left out of the package but
  // still referenced by a sourceMappingURL comment would make bundlers warn, so none are made.
  sourcemap: false,
  clean: true,
  target: 'node20',
  platform: 'node',
  splitting: false,
  shims: true,
  // dependencies stay external (tsup's default); `stemmer` (a devDependency: ~170 lines, MIT, notice
  // in LICENSE) is bundled, so the CommonJS build can use that ESM-only package on any Node 20.
  external: ['compromise', 'zod', 'parse5'],
  noExternal: ['stemmer'],
});
