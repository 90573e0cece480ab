// Preloaded with `node -r` into the CLI under test: records every file the process opens or writes
// through node:fs and refuses every network call, then prints the record on stderr at exit as
// `SANDBOX {...}`. Module loading does not go through these functions, so only what the code
// itself reads shows.
const fs = require('fs');
const net = require('net');
const dns = require('dns');
const tls = require('tls');
const http = require('http');
const https = require('https');
const dgram = require('dgram');

const log = { read: [], write: [], net: [] };
const wrap = (obj, k, kind) => {
  const orig = obj[k];
  if (typeof orig !== 'function') return;
  obj[k] = function (p, ...rest) {
    log[kind].push(typeof p === 'number' ? `fd:${p}` : String(p));
    return orig.call(this, p, ...rest);
  };
};
// an open for writing (flags w, a or +: what createWriteStream does) is a write, any other a read
const opening = (obj, k) => {
  const orig = obj[k];
  obj[k] = function (p, flags, ...rest) {
    log[typeof flags === 'string' && /[wa+]/.test(flags) ? 'write' : 'read'].push(typeof p === 'number' ? `fd:${p}` : String(p));
    return orig.call(this, p, flags, ...rest);
  };
};
opening(fs, 'openSync');
opening(fs, 'open');
for (const k of ['readFileSync', 'readFile', 'createReadStream', 'readdirSync', 'opendirSync', 'opendir']) wrap(fs, k, 'read');
for (const k of ['readFile', 'open', 'readdir', 'opendir']) wrap(fs.promises, k, 'read');
for (const k of ['writeFileSync', 'appendFileSync', 'writeFile', 'appendFile', 'renameSync', 'copyFileSync', 'unlinkSync', 'rmSync', 'truncateSync']) wrap(fs, k, 'write');
for (const k of ['writeFile', 'appendFile', 'rename', 'copyFile', 'unlink', 'rm', 'truncate']) wrap(fs.promises, k, 'write');
const deny = (name) =>
  function () {
    log.net.push(name);
    throw new Error(`network access denied: ${name}`);
  };
net.Socket.prototype.connect = deny('net.Socket.connect');
net.connect = net.createConnection = deny('net.connect');
dns.lookup = deny('dns.lookup');
dns.resolve = deny('dns.resolve');
http.request = http.get = deny('http');
https.request = https.get = deny('https');
tls.connect = deny('tls.connect');
dgram.createSocket = deny('dgram');
globalThis.fetch = deny('fetch');
process.on('exit', () => {
  fs.writeSync(2, `\nSANDBOX ${JSON.stringify(log)}\n`);
});
