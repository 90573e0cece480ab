// Measures the near-duplicate threshold on the corpus (plain Node, no build needed).
//
//   node bench/duplicates-threshold.mjs [--show] [--corpus DIR]
//   node bench/duplicates-threshold.mjs --formulations   (how many reports hold each dictionary entry)
//
// 1. Negatives: every pair of distinct sentences inside one real report (exhaustively, a length
//    filter first) with its edit similarity (1 − Levenshtein / longer length, on keys: punctuation and
//    whitespace dropped). Real reports contain no copy-and-edit slips to speak of, so pairs found
//    here are parallel phrasing (着力推动空间结构优化调整 / 着力推动产业结构优化调整) that a
//    threshold should leave alone.
// 2. Positives: the slips we want: a sentence copied with one number changed, and one with a
//    two-character word replaced, for every sentence of every report.
// For each threshold and minimum length, prints recall on the positives and the number of natural
// pairs (false alarms) per report.
//
// Result (30 reports: zh/ without the wikisource copies, gbk/, the seed): with sentences of at least 12 key characters and a threshold of
// 0.85, no natural pair is flagged and 99.3% of one-figure changes and 94.1% of two-character word
// replacements are found; at 16+ characters both are ~100%. Lower thresholds start flagging parallel
// topic sentences (着力推动空间结构优化调整 / 着力推动产业结构优化调整, 0.83; 加强/加快全国统一大市场建设,
// 0.91 but 11 characters). Hence DEFAULT_NEAR_THRESHOLD = 0.85 and nearMinLength = 12.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const corpus = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : '/work/shared/corpus';
const show = args.includes('--show');

function load() {
  const docs = [];
  for (const f of readdirSync(join(corpus, 'zh')).sort()) {
    if (f.includes('wikisource')) continue; // second transcriptions of 2015 and 2017
    docs.push({ name: f, text: readFileSync(join(corpus, 'zh', f), 'utf8') });
  }
  for (const f of readdirSync(join(corpus, 'gbk')).sort())
    docs.push({ name: f, text: new TextDecoder('gb18030').decode(readFileSync(join(corpus, 'gbk', f))) });
  docs.push({ name: 'seed', text: readFileSync(join(corpus, '000_304eac767b8a3bea.txt'), 'utf8') });
  return docs;
}

const DROP = /[\p{P}\p{Z}\p{Cc}\p{Cf}\s|`^]/u;
function key(s) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) c -= 0xfee0;
    const ch = String.fromCharCode(c);
    if (ch === '%') out += ch;
    else if (ch === '.' && /\d/.test(out.at(-1) ?? '') && /[0-9０-９]/.test(s[i + 1] ?? '')) out += ch;
    else if (!DROP.test(ch)) out += ch.toLowerCase();
  }
  return out;
}

function sentences(text) {
  return text
    .split(/[。！？；!?;\n]/)
    .map((s) => s.trim())
    .filter((s) => s && !/^(#|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)])/.test(s) && !/^[（(].*[）)]$/.test(s));
}

function lev(a, b) {
  const m = b.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = v;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m];
}
const sim = (a, b) => 1 - lev(a, b) / Math.max(a.length, b.length);

// deterministic PRNG
let seed = 12345;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

const docs = load();

if (args.includes('--formulations')) {
  const dict = readFileSync(new URL('../dictionaries/formulations.txt', import.meta.url), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
  const keys = docs.map((d) => key(d.text));
  for (const f of dict) console.log(String(keys.filter((k) => k.includes(key(f))).length).padStart(3), f);
  console.log(`${dict.length} entries, ${docs.length} reports`);
  process.exit(0);
}

const natural = []; // {doc, a, b, s, len}
const positives = []; // {kind, s, len}
for (const d of docs) {
  const keys = [...new Set(sentences(d.text).map(key))].filter((k) => k.length >= 6);
  for (let i = 0; i < keys.length; i++)
    for (let j = i + 1; j < keys.length; j++) {
      const a = keys[i];
      const b = keys[j];
      if (Math.min(a.length, b.length) / Math.max(a.length, b.length) < 0.6) continue;
      const s = sim(a, b);
      if (s >= 0.6) natural.push({ doc: d.name, a, b, s, len: Math.min(a.length, b.length) });
    }
  for (const k of keys) {
    // one number changed
    const nums = [...k.matchAll(/\d+(?:\.\d+)?/g)];
    if (nums.length) {
      const m = nums[Math.floor(rnd() * nums.length)];
      let repl = String(Number(m[0]) + 1 + Math.floor(rnd() * 9));
      if (m[0].includes('.')) repl = (Number(m[0]) + 0.1 + Math.floor(rnd() * 9) / 10).toFixed(m[0].split('.')[1].length);
      const k2 = k.slice(0, m.index) + repl + k.slice(m.index + m[0].length);
      positives.push({ kind: 'number', s: sim(k, k2), len: k.length });
    }
    // a two-character word replaced by another from the same document
    if (k.length >= 8) {
      const at = Math.floor(rnd() * (k.length - 2));
      const donor = keys[Math.floor(rnd() * keys.length)];
      const from = Math.floor(rnd() * Math.max(1, donor.length - 2));
      const k2 = k.slice(0, at) + donor.slice(from, from + 2) + k.slice(at + 2);
      if (k2 !== k) positives.push({ kind: 'word', s: sim(k, k2), len: k.length });
    }
  }
}

console.log(`${docs.length} reports, ${natural.length} natural pairs with similarity ≥ 0.6, ${positives.length} synthetic slips`);
const thresholds = [0.7, 0.75, 0.8, 0.85, 0.9];
const minLens = [6, 10, 12, 16, 20];
console.log('\nminLen threshold | recall(number) recall(word) | natural pairs (per report)');
for (const L of minLens)
  for (const t of thresholds) {
    const pos = positives.filter((p) => p.len >= L);
    const rn = pos.filter((p) => p.kind === 'number');
    const rw = pos.filter((p) => p.kind === 'word');
    const recallN = rn.filter((p) => p.s >= t).length / Math.max(1, rn.length);
    const recallW = rw.filter((p) => p.s >= t).length / Math.max(1, rw.length);
    const fp = natural.filter((p) => p.len >= L && p.s >= t && p.s < 1).length;
    console.log(`${String(L).padStart(6)} ${t.toFixed(2).padStart(9)} | ${(recallN * 100).toFixed(1).padStart(6)}% ${(recallW * 100).toFixed(1).padStart(6)}% | ${String(fp).padStart(5)} (${(fp / docs.length).toFixed(2)})`);
  }
const short = positives.filter((p) => p.len < 10);
console.log(`\nslips in sentences under 10 characters: ${short.length}, median similarity ${short.map((p) => p.s).sort()[Math.floor(short.length / 2)]?.toFixed(3)}`);
if (show) {
  console.log('\nnatural pairs ≥ 0.75:');
  for (const p of natural.filter((p) => p.s >= 0.75).sort((x, y) => y.s - x.s)) console.log(p.s.toFixed(3), p.len, p.doc, p.a, '|', p.b);
}
