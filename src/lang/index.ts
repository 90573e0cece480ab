/**
 * Language of a document: Chinese or English. The share of CJK ideographs among the letters
 * (CJK ideographs + Latin letters): more than half Latin is English, anything else — ties and
 * texts without letters included — is Chinese, the genre's default.
 *
 * Counting characters, not words, favours Chinese (one ideograph is about one English word of five
 * letters); that is the intended bias: a Chinese report full of GDP, PM2.5 and 5G stays Chinese,
 * and an English translation quoting a few 汉字 stays English.
 */

export type Language = 'zh' | 'en';

/** CJK Unified Ideographs, Extension A, Compatibility Ideographs (BMP), and 〇. */
function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

function isLatin(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** Counts of CJK ideographs and Latin letters (full-width Ａ-Ｚ ａ-ｚ count as Latin). */
export function letterCounts(text: string): { cjk: number; latin: number } {
  return count(text, false);
}

/**
 * The counts, or — when `decided` — counts that stop as soon as the rest of the text could no
 * longer change which side is ahead (each code unit left adds at most one letter to one side).
 */
function count(text: string, decided: boolean): { cjk: number; latin: number } {
  let cjk = 0;
  let latin = 0;
  const n = text.length;
  // in blocks of 1,024 code units, the question asked between two (any point to ask it gives the
  // same answer to detectLanguage: it stops only once the rest cannot change it)
  for (let i = 0; i < n; ) {
    const stop = decided ? Math.min(n, i + 1024) : n;
    for (; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (isLatin(c)) latin++;
      } else if (isCjk(c)) cjk++;
      else if (isLatin(c) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) latin++;
      else if (c >= 0xd840 && c <= 0xd87e) {
        // surrogate pair of the supplementary ideographic plane (Extensions B…): one ideograph
        cjk++;
        i++;
      }
    }
    if (decided) {
      const left = n - i;
      if (cjk >= latin + left || latin > cjk + left) break;
    }
  }
  return { cjk, latin };
}

/** 'en' when Latin letters outnumber CJK ideographs, else 'zh' (ties and empty texts → zh). */
export function detectLanguage(text: string): Language {
  const { cjk, latin } = count(text, true);
  return latin > cjk ? 'en' : 'zh';
}

/**
 * English translations mark footnotes with a lone asterisk ("the Four-Pronged Comprehensive
 * Strategy;*", "(* These tasks are: …)"); the Chinese placeholder finder takes it for a mask. In an
 * English text a placeholder that is a single `*` is a footnote mark, not a mask.
 */
export function withoutFootnoteMarks<T extends { span: { start: number; end: number } }>(text: string, placeholders: T[]): T[] {
  return placeholders.filter((p) => !(p.span.end - p.span.start === 1 && text.charAt(p.span.start) === '*'));
}
