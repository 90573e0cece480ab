/**
 * The HTML renderers without a browser (#21): marked text nests whatever the spans, and reads back
 * as the text; escaping; chart ticks; places from file names. The pages in a browser are
 * tests/browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFragment } from 'parse5';
import { esc, jsonData, token } from '../src/render/html/escape.js';
import { markedText, type MarkSpan } from '../src/render/html/marks.js';
import { niceTicks } from '../src/render/html/chart.js';
import { placeFromFileName } from '../src/render/html/indicators.js';

interface Node {
  nodeName: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
}

function textOf(n: Node): string {
  if (n.nodeName === '#text') return n.value ?? '';
  return (n.childNodes ?? []).map(textOf).join('');
}

/** the text of every element with data-f="k", in document order, joined */
function fragments(root: Node, k: string): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.attrs?.some((a) => a.name === 'data-f' && a.value === k)) {
      out += textOf(n);
      return;
    }
    for (const c of n.childNodes ?? []) walk(c);
  };
  walk(root);
  return out;
}

function ids(root: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    for (const a of n.attrs ?? []) if (a.name === 'id') out.push(a.value);
    for (const c of n.childNodes ?? []) walk(c);
  };
  walk(root);
  return out;
}

// a real sentence of the seed (../shared/corpus/000_304eac767b8a3bea.txt, line 2), with its mask
const SEED_LINE = '今年以来，市委、市政府领导班子在省党委的正确领导下，坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，全面贯彻落实**省党委****重点工作部署';

describe('markedText', () => {
  it('nests overlapping spans by cutting them, and every span reads back as its text', () => {
    const text = SEED_LINE;
    const a = text.indexOf('习近平');
    const b = text.indexOf('深入');
    const spans: MarkSpan[] = [
      { start: a, end: b + 4, tag: 'mark', attrs: ' data-f="0"', first: ' id="m0"' }, // crosses the next
      { start: b, end: text.length, tag: 'mark', attrs: ' data-f="1"', first: ' id="m1"' },
      { start: text.indexOf('**'), end: text.indexOf('**') + 2, tag: 'mark', attrs: ' data-f="2"', first: ' id="m2"' },
    ];
    const html = [...markedText(text, spans)].join('');
    const root = parseFragment(html) as unknown as Node;
    expect(textOf(root)).toBe(text);
    spans.forEach((s, k) => expect(fragments(root, String(k))).toBe(text.slice(s.start, s.end)));
    expect(ids(root).sort()).toEqual(['m0', 'm1', 'm2']);
  });

  it('holds for any text and any spans (property)', () => {
    const chars = fc.constantFrom('市', '委', '<', '>', '&', '"', '\n', '*', 'a', '。', '𠀋');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 60 }).map((a) => a.join('')),
        fc.array(fc.tuple(fc.nat(70), fc.nat(70)), { maxLength: 12 }),
        (text, raw) => {
          // offsets at code-point boundaries, as the model's are
          const cut = (i: number) => {
            let k = Math.min(i, text.length);
            if (k > 0 && k < text.length && /[\udc00-\udfff]/.test(text[k])) k--;
            return k;
          };
          const spans: MarkSpan[] = raw.map(([x, y], k) => {
            const s = cut(Math.min(x, y));
            const e = cut(Math.max(x, y));
            return { start: s, end: e, tag: k % 2 ? 'mark' : 'span', attrs: ` data-f="${k}"`, first: ` id="m${k}"` };
          });
          const html = [...markedText(text, spans)].join('');
          const root = parseFragment(html) as unknown as Node;
          // the parser's tree holds the text exactly (CR aside, which HTML reads as a line break)
          expect(textOf(root)).toBe(text);
          spans.forEach((s, k) => expect(fragments(root, String(k))).toBe(text.slice(s.start, s.end)));
          // every span has its element, with its id once
          expect(ids(root).sort()).toEqual(spans.map((_, k) => `m${k}`).sort());
          // the tags balance: re-serialising the parse changes nothing but entity spelling
          expect(html.match(/<(mark|span)\b/g)?.length ?? 0).toBe(html.match(/<\/(mark|span)>/g)?.length ?? 0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is linear: 200K characters with 20K spans in under 2 s (quadratic would be 4·10^8 steps)', () => {
    const text = SEED_LINE.repeat(Math.ceil(200_000 / SEED_LINE.length));
    const spans: MarkSpan[] = [];
    for (let i = 0; i < 20_000; i++) spans.push({ start: i * 10, end: i * 10 + 15, tag: 'mark', attrs: ` data-f="${i}"` });
    const t = performance.now();
    let n = 0;
    for (const p of markedText(text, spans)) n += p.length;
    expect(n).toBeGreaterThan(text.length);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});

describe('escaping', () => {
  it('leaves no markup in text nor attributes', () => {
    const hostile = '"><img src=x onerror="alert(1)"><script>alert(2)</script>\'&';
    expect(esc(hostile)).not.toMatch(/[<>"']/);
    const root = parseFragment(`<p title="${esc(hostile)}">${esc(hostile)}</p>`) as unknown as Node;
    const p = root.childNodes![0];
    expect(p.childNodes).toHaveLength(1);
    expect(textOf(p)).toBe(hostile);
    expect(p.attrs).toEqual([{ name: 'title', value: hostile }]);
  });

  it('JSON data cannot close its script element', () => {
    const s = jsonData({ t: '</script><script>alert(1)</script><!--' });
    expect(s).not.toMatch(/[<>]/);
    expect(JSON.parse(s)).toEqual({ t: '</script><script>alert(1)</script><!--' });
  });

  it('tokens are safe ids and keep different names apart', () => {
    expect(token('s1.2')).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token('a.b')).not.toBe(token('a_b'));
  });
});

describe('charts', () => {
  it('nice ticks cover the range in steps of 1, 2 or 5 × 10^k', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: 1e9, noNaN: true }), (a, b) => {
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        const t = niceTicks(lo, hi);
        expect(t.length).toBeGreaterThanOrEqual(2);
        expect(t.length).toBeLessThanOrEqual(51);
        expect(t[0]).toBeLessThanOrEqual(lo);
        expect(t[t.length - 1]).toBeGreaterThanOrEqual(hi - Math.abs(hi) * 1e-9);
        const step = t[1] - t[0];
        const m = step / 10 ** Math.floor(Math.log10(step));
        expect([1, 2, 5, 10].some((x) => Math.abs(m - x) < 1e-6)).toBe(true);
      }),
    );
  });

  it('places from the names reports are filed under', () => {
    expect(placeFromFileName('../shared/corpus/docx/2025年北京市政府工作报告.docx')).toBe('北京市');
    expect(placeFromFileName('series/guangdong/prov-guangdong-2019-gov-work-report.zh.txt')).toBe('prov-guangdong');
    expect(placeFromFileName('gbk/hailar-district-2016.gbk.txt')).toBe('hailar-district');
    expect(placeFromFileName('reference/nbs-2015-statistical-communique.zh.txt')).toBe('nbs');
  });
});
