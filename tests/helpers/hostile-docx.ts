/**
 * The hostile .docx files of issue #17, built rather than committed: small files whose XML costs a
 * DOM reader gigabytes. Each takes a size so the tests can build them smaller than the attack (the
 * defaults are the attack's sizes; measured in tests/read-hostile.test.ts and the closing note).
 */
import { makeDocx } from './zip.js';

const TEXT = '<w:p><w:r><w:t>一、2024年工作回顾</w:t></w:r></w:p>';

/** One paragraph of `runs` empty runs (500,000: 31 KB zipped, 3 MB of XML), then a line of text. */
export function emptyRunsDocx(runs = 500_000): Buffer {
  return makeDocx(`<w:p>${'<w:r></w:r>'.repeat(runs)}</w:p>${TEXT}`);
}

/** A table of `cells` cells, 20 to a row, each a paragraph with a number (400,000: about 1.3 MB zipped). */
export function bigTableDocx(cells = 400_000): Buffer {
  const rows: string[] = [];
  for (let r = 0; r * 20 < cells; r++) {
    let row = '<w:tr>';
    for (let c = 0; c < 20 && r * 20 + c < cells; c++) row += `<w:tc><w:p><w:r><w:t>${(r * 20 + c) % 9973}</w:t></w:r></w:p></w:tc>`;
    rows.push(row + '</w:tr>');
  }
  return makeDocx(`${TEXT}<w:tbl>${rows.join('')}</w:tbl>`);
}

/**
 * Paragraphs of formatted runs until document.xml holds about `bytes` of XML (150 MB: about 1 MB
 * zipped, a ratio of some 140:1, under the zip checks' 1000:1).
 */
export function bigXmlDocx(bytes = 150 * 1024 * 1024): Buffer {
  const rPr = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>';
  const parts: string[] = [TEXT];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `<w:p><w:pPr><w:ind w:firstLine="640"/></w:pPr><w:r>${rPr}<w:t>第${i}项</w:t></w:r><w:r>${rPr}<w:t>增长${i % 97}%</w:t></w:r></w:p>`;
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return makeDocx(parts.join(''));
}
