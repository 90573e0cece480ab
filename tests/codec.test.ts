/**
 * The codec a worker sends reports with (src/batch/codec.ts): what comes out is what went in — the
 * same values, the same keys in the same order (so the same JSON), undefined, -0 and NaN included —
 * and anything that is not plain data is refused (null), so the pool sends it by structured cloning.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { MAX_DEPTH, pack, unpack } from '../src/batch/codec.js';
import { packedOutcome, unpacked, type Outcome } from '../src/batch/task.js';
import { analyze } from '../src/model/analyze.js';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

/** Keys of every object, in order, depth first: what JSON.stringify would show, and more (undefined). */
function keyOrder(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) keyOrder(x, out);
  else if (v !== null && typeof v === 'object') {
    out.push(Object.keys(v).join(','));
    for (const x of Object.values(v)) keyOrder(x, out);
  }
  return out;
}

function roundTrip(v: unknown): unknown {
  const p = pack(v);
  expect(p).not.toBeNull();
  // what a worker posts: the parts as structured cloning delivers them
  return unpack(structuredClone(p!));
}

describe('pack / unpack', () => {
  it('gives back every corpus report exactly: values, key order, JSON', () => {
    const files = [join(CORPUS, '000_304eac767b8a3bea.txt'), ...readdirSync(join(CORPUS, 'zh')).sort().slice(0, 4).map((f) => join(CORPUS, 'zh', f))];
    for (const f of files) {
      const report = analyze(readFileSync(f, 'utf8'));
      const back = roundTrip(report);
      expect(isDeepStrictEqual(back, report)).toBe(true);
      expect(JSON.stringify(back)).toBe(JSON.stringify(report));
      expect(keyOrder(back)).toEqual(keyOrder(report));
    }
  });

  it('gives back any plain value (fast-check): undefined, -0, NaN, lone surrogates, shapes reused and new', () => {
    const leaf = fc.oneof(
      fc.constantFrom(null, undefined, true, false, 0, -0, NaN, Infinity, -Infinity, 2 ** 31, -(2 ** 31), 2 ** 31 - 1, 0.1, '', '\ud800', '__proto__'),
      fc.integer(),
      fc.double(),
      fc.string({ unit: 'binary' }),
    );
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, leaf, tie('arr'), tie('obj')),
      arr: fc.array(tie('v'), { maxLength: 6 }),
      // few distinct keys, so shapes repeat as they do in a report
      obj: fc.dictionary(fc.constantFrom('a', 'b', 'start', 'end', 'text', 'x y', '', '0', '10', '-1'), tie('v'), { maxKeys: 5, noNullPrototype: true }),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        const back = roundTrip(v);
        return isDeepStrictEqual(back, v) && isDeepStrictEqual(keyOrder(back), keyOrder(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not plain data, so it is sent by structured cloning instead', () => {
    class Span {
      start = 0;
    }
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const nullProto = Object.assign(Object.create(null) as object, { a: 1 });
    const ownProto = JSON.parse('{"__proto__": 1}') as unknown;
    for (const v of [new Map(), new Set([1]), new Date(0), new Uint8Array(2), new Span(), sparse, nullProto, ownProto, 10n, Symbol('s'), () => 1]) {
      expect(pack({ ok: [1, 2], bad: [v] })).toBeNull();
    }
  });

  it('packs and unpacks the same where code cannot be generated (--disallow-code-generation-from-strings)', () => {
    const report = analyze(readFileSync(join(CORPUS, '000_304eac767b8a3bea.txt'), 'utf8'));
    // shapes this thread has not packed before, so pack must build their writers now
    const fresh = { report, nowhereElse: [{ q1: 1, q2: 'x', q3: [{ q4: null }] }, { q1: -0, q2: '', q3: [] }] };
    vi.stubGlobal('Function', function refuse() {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
    let back: unknown;
    try {
      back = unpack(structuredClone(pack(fresh)!));
    } finally {
      vi.unstubAllGlobals();
    }
    expect(JSON.stringify(back)).toBe(JSON.stringify(fresh));
    expect(isDeepStrictEqual(back, fresh)).toBe(true);
  });

  it('sends an outcome with its report packed and gives it back the same, keys in order (report, text, encoding)', () => {
    const text = readFileSync(join(CORPUS, '000_304eac767b8a3bea.txt'), 'utf8');
    const o: Outcome = { report: analyze(text), text, encoding: 'utf-8' };
    const sent = packedOutcome(o);
    expect(Object.keys(sent.outcome)).toEqual(['packed', 'text', 'encoding']);
    expect(sent.transfer).toHaveLength(2);
    const back = unpacked(structuredClone(sent.outcome, { transfer: sent.transfer }));
    expect(JSON.stringify(back)).toBe(JSON.stringify(o));
    expect(isDeepStrictEqual(back, o)).toBe(true);
    // an outcome without a report, or with one that is not plain data, goes as it is
    const error: Outcome = { error: { code: 'EMPTY', message: 'x: empty file (0 bytes)' } };
    expect(packedOutcome(error)).toEqual({ outcome: error, transfer: [] });
  });

  it('refuses what is not a tree: a cycle, nesting past MAX_DEPTH, a shared object blown up past MAX_OPS', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(pack({ ok: [cyclic] })).toBeNull();
    const nest = (d: number): unknown => (d === 0 ? 'leaf' : { d: nest(d - 1) });
    expect(pack(nest(MAX_DEPTH))).not.toBeNull();
    expect(pack(nest(MAX_DEPTH + 1))).toBeNull();
    // an object reached twice comes back as two equal copies
    const s = { start: 1, end: 2 };
    expect(roundTrip({ a: s, b: [s] })).toEqual({ a: s, b: [s] });
    // …but 2^30 copies of a leaf would be 2^31 ops: refused at MAX_OPS, in about a second
    let dag: unknown = [1];
    for (let k = 0; k < 30; k++) dag = [dag, dag];
    const t = performance.now();
    expect(pack(dag)).toBeNull();
    expect(performance.now() - t).toBeLessThan(10_000);
  });

  it('refuses to pack while Object.prototype has an enumerable property (it would show in every object)', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 9;
    try {
      expect(pack([{ a: 1 }, { a: 1, polluted: 2 }])).toBeNull();
    } finally {
      delete proto.polluted;
    }
    expect(pack([{ a: 1 }, { a: 1, polluted: 2 }])).not.toBeNull();
  });

  it('sends an array as long as it was when reached, whatever a getter in it does', () => {
    const arr: unknown[] = [];
    arr.push({
      get x() {
        arr.push(7);
        return 1;
      },
    }, 2);
    expect(JSON.stringify(roundTrip({ a: arr, b: 'z' }))).toBe('{"a":[{"x":1},2],"b":"z"}');
  });

  it('reports a corrupt packed value instead of returning something wrong', () => {
    const p = pack({ a: [1, 'x'] })!;
    p.ops[0] = 99;
    expect(() => unpack(p)).toThrow(/corrupt packed value/);
  });
});
