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
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  splitting: false,
  shims: true,
  external: ['nodejieba', 'natural', 'compromise', 'mammoth', 'zod'],
});
