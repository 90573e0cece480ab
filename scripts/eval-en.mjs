#!/usr/bin/env node
// English claims against the Chinese originals, with the sentence alignments of the official
// translations as a free oracle (../shared/corpus/tmx/GR2015.tmx … GR2021.tmx).
//
// What is measured, precisely:
// - Unit of alignment: a TMX translation unit <tu> (one Chinese segment, one English segment, as
//   the aligner paired them; a unit may hold several sentences on either side).
// - On each unit, the Chinese reader (analyze from dist/, the zh pipeline, `npx tsup` first) runs
//   on the zh segment and the English reader (splitSectionsEn → splitStatementsEn →
//   extractClaimsEn) on the en segment, each segment as a document of its own.
// - "Aligned claims" are the units where BOTH sides have at least one claim. Units where only one
//   side has claims are counted and printed (zh-only, en-only) but are outside the share; the
//   `strict` column puts their facts in the denominator too.
// - Inside an aligned unit, claims are compared fact by fact (src/compare claimFacts): each value,
//   baseline and growth quantity (with its direction) and each rank position is a fact, with its
//   `scaled` number and unit normalised as compareVersions does (conversions 斤→吨, 亩→公顷;
//   unit classes %, 个百分点, currency, count…). Facts are paired greedily: first pairs that agree
//   on number, unit class and direction; then pairs with an equal number only (they count as
//   disagreements of unit / direction / role); then a fact whose number has no counterpart stays
//   unpaired. A value and a baseline are both levels (由320元提高到380元: readers tell them apart
//   differently, and neither has a direction); a level against a growth is a direction disagreement.
// - agree = pairs that agree on number, unit class and direction;
//   facts = pairs + unpaired zh facts + unpaired en facts (a zh claim with no English counterpart
//   and an English claim with no Chinese one both count as disagreements);
//   share = agree / facts, per year. Nothing is dropped: numbers one translator wrote and the other
//   did not (a rounding, an omitted figure, a figure only in the translation) count against us.
// - `roleless` is printed for diagnosis only: the share when a level read on one side and a growth
//   on the other (the readers disagree on the role, not on the number or unit) is not held against
//   the pair; opposite growth directions still are.
//
// usage: node scripts/eval-en.mjs [--verbose YEAR] [--limit N]   (prints one row per year)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmxDir = process.env.BAOGAO_TMX ?? join(root, '..', 'shared', 'corpus', 'tmx');
const args = process.argv.slice(2);
const verboseAt = args.indexOf('--verbose');
const verbose = verboseAt !== -1 ? args[verboseAt + 1] : null;
const limitAt = args.indexOf('--limit');
const limit = limitAt !== -1 ? Number(args[limitAt + 1]) : 40;

if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('eval-en: dist/index.js not found: build first (npx tsup)');
  process.exit(2);
}
const dist = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
const { analyze } = dist;

// the English stages: from dist/ once they are exported there, else straight from src/ via tsx
let en;
if (dist.splitSectionsEn && dist.splitStatementsEn && dist.extractClaimsEn && dist.claimFacts) {
  en = dist;
} else {
  const { tsImport } = await import('tsx/esm/api');
  const load = (p) => tsImport(pathToFileURL(join(root, p)).href, import.meta.url);
  en = {
    ...(await load('src/sections/en.ts')),
    ...(await load('src/statements/en.ts')),
    ...(await load('src/claims/en.ts')),
    ...(await load('src/compare/index.ts')),
  };
}
const { splitSectionsEn, splitStatementsEn, extractClaimsEn, claimFacts, factsAgree, numbersEqual } = en;

const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d))).replace(/&amp;/g, '&');

function units(xml) {
  const out = [];
  for (const m of xml.matchAll(/<tu\b[^>]*>([\s\S]*?)<\/tu>/g)) {
    const seg = (lang) => {
      const r = new RegExp(`<tuv[^>]*xml:lang="${lang}"[^>]*>\\s*<seg>([\\s\\S]*?)</seg>`).exec(m[1]);
      return r ? decode(r[1]) : null;
    };
    const zh = seg('zh-CN') ?? seg('zh');
    const enSeg = seg('en-US') ?? seg('en');
    if (zh !== null && enSeg !== null) out.push({ zh, en: enSeg });
  }
  return out;
}

function englishClaims(text) {
  const { sections } = splitSectionsEn(text);
  const statements = splitStatementsEn(text, sections);
  return extractClaimsEn(text, statements, sections);
}

/** Pair the facts of one unit; returns { agree, pairs, unpairedZh, unpairedEn, details }. */
function pairFacts(zf, ef) {
  const zUsed = new Set();
  const eUsed = new Set();
  const pairs = [];
  // 1. full agreement
  for (let i = 0; i < zf.length; i++) {
    const j = ef.findIndex((b, k) => !eUsed.has(k) && factsAgree(zf[i], b));
    if (j !== -1) {
      zUsed.add(i);
      eUsed.add(j);
      pairs.push({ z: zf[i], e: ef[j], agree: true });
    }
  }
  // 2. the same number in another unit, role or direction
  for (let i = 0; i < zf.length; i++) {
    if (zUsed.has(i)) continue;
    const j = ef.findIndex((b, k) => !eUsed.has(k) && numbersEqual(zf[i].number, b.number, zf[i].converted || b.converted));
    if (j !== -1) {
      zUsed.add(i);
      eUsed.add(j);
      pairs.push({ z: zf[i], e: ef[j], agree: false });
    }
  }
  return {
    pairs,
    unpairedZh: zf.filter((_, i) => !zUsed.has(i)),
    unpairedEn: ef.filter((_, j) => !eUsed.has(j)),
  };
}

const fmt = (f) => `${f.role}${f.direction ? ':' + f.direction : ''} ${f.number} ${f.unitClass}`;
const files = readdirSync(tmxDir).filter((f) => /\.tmx$/i.test(f)).sort();
const rows = [];
for (const f of files) {
  const year = (/(\d{4})/.exec(f) ?? [])[1] ?? f;
  const us = units(readFileSync(join(tmxDir, f), 'utf8'));
  const row = { year, units: us.length, both: 0, zhOnly: 0, enOnly: 0, facts: 0, agree: 0, oneSidedFacts: 0, roleAgree: 0 };
  let shown = 0;
  for (const u of us) {
    const zc = analyze(u.zh, { duplicates: false }).claims;
    const ec = englishClaims(u.en);
    const zf = zc.flatMap(claimFacts);
    const ef = ec.flatMap(claimFacts);
    if (zf.length && !ef.length) {
      row.zhOnly++;
      row.oneSidedFacts += zf.length;
    }
    if (ef.length && !zf.length) {
      row.enOnly++;
      row.oneSidedFacts += ef.length;
    }
    if (verbose === year && ((zf.length && !ef.length) || (ef.length && !zf.length)) && shown < limit) {
      shown++;
      console.log(`\n[one-sided] ZH ${u.zh}\n            EN ${u.en}\n            zh: ${zf.map(fmt).join(' | ')}\n            en: ${ef.map(fmt).join(' | ')}`);
    }
    if (!zf.length || !ef.length) continue;
    row.both++;
    const p = pairFacts(zf, ef);
    const agree = p.pairs.filter((x) => x.agree).length;
    row.agree += agree;
    row.roleAgree += p.pairs.filter((x) => x.agree || (x.z.unitClass === x.e.unitClass && (x.z.direction === null || x.e.direction === null))).length;
    row.facts += p.pairs.length + p.unpairedZh.length + p.unpairedEn.length;
    if (verbose === year && (agree < p.pairs.length || p.unpairedZh.length || p.unpairedEn.length) && shown < limit) {
      shown++;
      console.log(`\nZH ${u.zh}\nEN ${u.en}`);
      for (const x of p.pairs.filter((x) => !x.agree)) console.log(`   differ   zh ${fmt(x.z)}  en ${fmt(x.e)}`);
      for (const x of p.unpairedZh) console.log(`   zh only  ${fmt(x)}`);
      for (const x of p.unpairedEn) console.log(`   en only  ${fmt(x)}`);
    }
  }
  rows.push(row);
}
const pad = (s, n) => String(s).padEnd(n);
const cols = ['units', 'both', 'zhOnly', 'enOnly', 'facts', 'agree', 'share', 'strict', 'roleless'];
console.log(pad('year', 8) + cols.map((c) => pad(c, 9)).join(''));
let tf = 0;
let ta = 0;
let ts = 0;
for (const r of rows) {
  r.share = r.facts ? (r.agree / r.facts).toFixed(3) : '-';
  r.strict = r.facts + r.oneSidedFacts ? (r.agree / (r.facts + r.oneSidedFacts)).toFixed(3) : '-';
  r.roleless = r.facts ? (r.roleAgree / r.facts).toFixed(3) : '-';
  tf += r.facts;
  ta += r.agree;
  ts += r.oneSidedFacts;
  console.log(pad(r.year, 8) + cols.map((c) => pad(r[c], 9)).join(''));
}
const tr = rows.reduce((s, r) => s + r.roleAgree, 0);
console.log(pad('all', 8) + pad(rows.reduce((s, r) => s + r.units, 0), 9) + pad(rows.reduce((s, r) => s + r.both, 0), 9) + pad(rows.reduce((s, r) => s + r.zhOnly, 0), 9) + pad(rows.reduce((s, r) => s + r.enOnly, 0), 9) + pad(tf, 9) + pad(ta, 9) + pad((ta / tf).toFixed(3), 9) + pad((ta / (tf + ts)).toFixed(3), 9) + pad((tr / tf).toFixed(3), 9));
