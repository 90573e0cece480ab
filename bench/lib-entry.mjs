// Entry of the benchmark's own bundle of the sources (see build.mjs): the public API, the batch
// functions and jiebaLoaded(), which dist/index.js does not export (yet).
export * from '../src/index.ts';
export { analyzeFiles, analyzeTexts } from '../src/batch/index.ts';
export { jiebaLoaded } from '../src/annotate/tokens.ts';
