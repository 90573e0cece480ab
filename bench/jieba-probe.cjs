// Preloaded into a CLI run (`node --require bench/jieba-probe.cjs bin/baogao.cjs …`): on exit, says on
// stderr whether jieba's dictionary was read, i.e. whether it was paid for. src/annotate/tokens.ts
// reads it with fs.readFileSync (through the module object, so this wrapper sees it); the native
// nodejieba binding is never loaded by baogao itself.
'use strict';
const fs = require('node:fs');
let read = false;
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (/jieba\.dict\.utf8$/.test(String(path))) read = true;
  return readFileSync.call(this, path, ...rest);
};
process.on('exit', () => {
  process.stderr.write(`\n[jieba-probe] ${JSON.stringify({ jieba: read })}\n`);
});
