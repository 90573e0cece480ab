// Preloaded into a CLI run (`node --require bench/jieba-probe.cjs bin/baogao.cjs …`): on exit, says on
// stderr whether nodejieba was loaded, i.e. whether jieba's dictionary was paid for. nodejieba is only
// ever loaded through require (createRequire in src/annotate/tokens.ts), so require.cache knows.
'use strict';
process.on('exit', () => {
  const loaded = Object.keys(require.cache).some((k) => /[\\/]node_modules[\\/]nodejieba[\\/]/.test(k));
  process.stderr.write(`\n[jieba-probe] ${JSON.stringify({ nodejieba: loaded })}\n`);
});
