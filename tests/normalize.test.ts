import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldWidthCode, isZeroWidth, normalize, toOriginal } from '../src/normalize/index.js';

/** What normalisation must do to one code unit, written out independently of the fast path. */
function expectedFor(c: number): string {
  if (isZeroWidth(c)) return '';
  if (c === 0x0d) return '\n';
  return String.fromCharCode(foldWidthCode(c));
}

describe('normalize', () => {
  it('folds exactly the code units it should, whichever path it takes (every code unit checked)', () => {
    // the quick test that skips the copy once matched all of U+FF01–U+FF5E, so every Chinese report
    // (，（）：) was copied; now it matches only what changes, and this checks it misses none
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const s = '增长' + String.fromCharCode(c) + '，';
      const n = normalize(s);
      if (n.text !== '增长' + expectedFor(c) + '，') wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('leaves full-width punctuation alone and returns the original when nothing folds', () => {
    const s = '（一）地区生产总值增长５．２％，达到１２６万亿元；';
    expect(normalize(s).text).toBe('（一）地区生产总值增长5.2%，达到126万亿元；');
    const plain = '（一）地区生产总值增长5.2%，达到126万亿元；';
    const n = normalize(plain);
    expect(n.text).toBe(plain);
    expect(n.sameLength).toBe(true);
  });

  it('maps every normalised range back to the original (CRLF, zero-width, full-width)', () => {
    const unit = fc.constantFrom('a', '5', '５', '％', '\r\n', '\r', '\u200b', '\ufeff', '增', '，', '\n', '𠀀');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (parts) => {
        const s = parts.join('');
        const n = normalize(s);
        expect(n.map.length).toBe(n.text.length + 1);
        expect(n.map[n.text.length]).toBe(s.length);
        for (let i = 0; i < n.text.length; i++) {
          const { start, end } = toOriginal(n, i, i + 1);
          expect(expectedFor(s.charCodeAt(start)) || '\n').toContain(n.text[i]);
          expect(end).toBe(start + 1);
        }
      }),
    );
  });
});
