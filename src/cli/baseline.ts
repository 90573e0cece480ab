/**
 * check --write-baseline FILE / --baseline FILE (#20): record today's findings once, then report only
 * the new ones — how a team adopts a checker on documents that already exist.
 *
 * A finding is matched by its rule, its file and a fingerprint of its text — the words it is on and
 * up to 16 characters either side within its sentence, blanks left out — never by its line, so that a paragraph added
 * above it does not make it new. A fingerprint that occurs n times in the baseline covers n findings;
 * the (n+1)th is new.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../render/finding.js';

export const BASELINE_VERSION = 1;
const CONTEXT = 16;
const SENTENCE_END = '。！？!?\n';

export interface BaselineEntry {
  ruleId: string;
  file: string;
  fingerprint: string;
}

export interface Baseline {
  version: number;
  findings: BaselineEntry[];
}

/** A bad baseline file: not JSON, or not a baseline. */
export class BaselineError extends Error {}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The fingerprint of a finding in the text of its file. */
export function fingerprint(f: Finding, text: string): string {
  const { offset: start } = f.place.start;
  const { offset: end } = f.place.end;
  // the context stays in the finding's sentence: a sentence added beside it changes nothing
  let before = text.slice(Math.max(0, start - CONTEXT), start);
  before = before.slice(Math.max(...[...SENTENCE_END].map((c) => before.lastIndexOf(c))) + 1);
  let after = text.slice(end, end + CONTEXT);
  const cut = [...SENTENCE_END].map((c) => after.indexOf(c)).filter((i) => i >= 0);
  if (cut.length) after = after.slice(0, Math.min(...cut));
  const around = `${squeeze(before)}\u0000${squeeze(text.slice(start, end))}\u0000${squeeze(after)}`;
  return createHash('sha256').update(`${f.ruleId}\u0000${around}`).digest('hex').slice(0, 24);
}

const key = (e: BaselineEntry) => `${e.ruleId}\u0000${e.file}\u0000${e.fingerprint}`;

export function makeBaseline(findings: readonly Finding[], textOf: (file: string) => string | undefined): Baseline {
  const out: BaselineEntry[] = [];
  for (const f of findings) {
    const text = textOf(f.file);
    if (text !== undefined) out.push({ ruleId: f.ruleId, file: f.file, fingerprint: fingerprint(f, text) });
  }
  return { version: BASELINE_VERSION, findings: out };
}

/** The baseline's JSON, as check writes it. */
export function baselineJson(b: Baseline): string {
  return `${JSON.stringify(b, null, 1)}\n`;
}

/** A baseline read from its JSON; the message of the error says what is wrong. */
export function parseBaseline(json: string, name: string): Baseline {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch (err) {
    throw new BaselineError(`${name}: not JSON (${(err as Error).message}); write one with --write-baseline`);
  }
  const bad = (why: string) => new BaselineError(`${name}: not a baseline of baogao check (${why}); write one with --write-baseline`);
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw bad('expected an object');
  const o = v as Record<string, unknown>;
  if (o.version !== BASELINE_VERSION) throw bad(`version ${JSON.stringify(o.version)}, expected ${BASELINE_VERSION}`);
  if (!Array.isArray(o.findings)) throw bad('no findings array');
  o.findings.forEach((e, i) => {
    const x = e as Record<string, unknown> | null;
    if (!x || typeof x.ruleId !== 'string' || typeof x.file !== 'string' || typeof x.fingerprint !== 'string') throw bad(`findings[${i}] needs ruleId, file and fingerprint strings`);
  });
  return { version: BASELINE_VERSION, findings: o.findings as BaselineEntry[] };
}

/** The findings the baseline does not cover, in their order. */
export function newFindings(findings: readonly Finding[], baseline: Baseline, textOf: (file: string) => string | undefined): Finding[] {
  const left = new Map<string, number>();
  for (const e of baseline.findings) left.set(key(e), (left.get(key(e)) ?? 0) + 1);
  return findings.filter((f) => {
    const text = textOf(f.file);
    if (text === undefined) return true;
    const k = key({ ruleId: f.ruleId, file: f.file, fingerprint: fingerprint(f, text) });
    const n = left.get(k) ?? 0;
    if (n === 0) return true;
    left.set(k, n - 1);
    return false;
  });
}
