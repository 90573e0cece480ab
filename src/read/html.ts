/**
 * HTML → text and heading hints, with parse5 (a browser's HTML parser): the form most reports are
 * published in on government sites.
 *
 * - The bytes are decoded by the page's declared charset (a BOM, else `<meta charset>` or
 *   `<meta http-equiv="Content-Type" content="…; charset=…">` in its first 4 KB, when TextDecoder
 *   knows it and the bytes are valid in it), else as a text file is (UTF-8, else GB18030).
 * - The main text: the page's one <main> (or role="main"), else its one <article>, else its <body>;
 *   script, style, noscript, template, nav, header, footer, aside, forms' controls, frames, SVG and
 *   anything hidden (the hidden attribute, aria-hidden="true", display:none, role navigation /
 *   banner / contentinfo / search) are left out. Entities are decoded by the parser.
 * - Block elements (p, div, li, h1–h6, table cells, br …) end lines; within a line, runs of HTML
 *   whitespace are one space (not in <pre>); lines are trimmed of spaces and tabs and blank lines
 *   dropped, so a paragraph is a line as in the other formats. U+3000 and NBSP indents are kept.
 * - h1–h6 lines are headings (level 0–5), as a Word file's heading styles are.
 *
 * Bounded: pages over MAX_HTML_BYTES or MAX_HTML_TAGS are TOO_LARGE before parsing (a tree of a
 * few million elements would cost gigabytes); the walk is iterative (no recursion on deep nesting).
 */
import { ReadError, formatBytes } from './errors.js';
import { decodeBytes, textProblem } from './decode.js';
import type { Heading } from './wordml.js';

/** Largest page read as HTML: report pages are a few hundred KB. */
export const MAX_HTML_BYTES = 16 * 1024 * 1024;
/** Most tags in a page read as HTML. */
export const MAX_HTML_TAGS = 200_000;

export const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);

const SKIP = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'button',
  'select',
  'input',
  'textarea',
  'audio',
  'video',
  'map',
]);

const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'menu',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'html',
]);

const HIDDEN_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search']);

interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
}

type Parse5 = { parse(html: string): Node };
let parse5Promise: Promise<Parse5> | null = null;
function loadParse5(): Promise<Parse5> {
  parse5Promise ??= import('parse5') as unknown as Promise<Parse5>;
  return parse5Promise;
}

/** Does this text look like an HTML page (a doctype or an <html> tag first)? */
export function looksLikeHtml(text: string): boolean {
  return /^[\s\ufeff]*(?:<!--[^]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(text.slice(0, 4096));
}

function attr(n: Node, name: string): string | undefined {
  if (!n.attrs) return undefined;
  for (const a of n.attrs) if (a.name === name) return a.value;
  return undefined;
}

function hidden(n: Node): boolean {
  if (!n.attrs || n.attrs.length === 0) return false;
  if (attr(n, 'hidden') !== undefined) return true;
  if (attr(n, 'aria-hidden') === 'true') return true;
  const role = attr(n, 'role');
  if (role && HIDDEN_ROLES.has(role.trim().toLowerCase())) return true;
  const style = attr(n, 'style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** The charset a page declares, by BOM or meta tag in its first 4 KB, if TextDecoder knows it. */
function declaredCharset(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (!m) return null;
  try {
    return new TextDecoder(m[1].toLowerCase()).encoding;
  } catch {
    return null;
  }
}

/** Decode a page's bytes: its declared charset when the bytes are valid in it, else as a text file. */
export function decodeHtmlBytes(buf: Uint8Array, name: string): { text: string; warnings?: string[] } {
  const bom = (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) || (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  const cs = bom ? null : declaredCharset(buf);
  if (cs && cs !== 'utf-8') {
    try {
      return { text: new TextDecoder(cs, { fatal: true }).decode(buf) };
    } catch {
      // not valid in the charset it declares: read it as a text file is read
    }
  }
  const d = decodeBytes(buf, name);
  return d.warnings ? { text: d.text, warnings: d.warnings } : { text: d.text };
}

/** The text of a page: one block a line, h1–h6 as headings. Throws ReadError (EMPTY, TOO_LARGE…). */
export async function htmlText(html: string, name: string): Promise<{ text: string; headings: Heading[] }> {
  let tags = 0;
  for (let p = html.indexOf('<'); p !== -1; p = html.indexOf('<', p + 1)) {
    if (++tags > MAX_HTML_TAGS) {
      throw new ReadError('TOO_LARGE', name, `too large to read as HTML: more than ${MAX_HTML_TAGS.toLocaleString('en-US')} tags`);
    }
  }
  let parse5: Parse5;
  try {
    parse5 = await loadParse5();
  } catch (err) {
    parse5Promise = null;
    throw new ReadError('UNSUPPORTED', name, `cannot read HTML: the parse5 package failed to load (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  const doc = parse5.parse(html);
  const htmlEl = doc.childNodes?.find((n) => n.tagName === 'html');
  const body = htmlEl?.childNodes?.find((n) => n.tagName === 'body') ?? htmlEl ?? doc;
  const root = mainOf(body) ?? body;

  const lines: string[] = [];
  const levels: Array<number | null> = [];
  let line = '';
  let pre = 0;
  const flush = (level: number | null): void => {
    // inside <pre> a line keeps its spaces; elsewhere they are the markup's indentation
    const t = pre > 0 ? line : line.replace(/^[ \t]+|[ \t]+$/g, '');
    line = '';
    if (t.trim()) {
      lines.push(t);
      levels.push(level);
    }
  };
  // iterative walk: [node, leaving] pairs; `heading` and `pre` are counted on the way in and out
  const stack: Array<{ n: Node; out: boolean }> = [{ n: root, out: false }];
  const headingLevels: number[] = [];
  const level = (): number | null => (headingLevels.length ? headingLevels[headingLevels.length - 1] : null);
  while (stack.length) {
    const { n, out } = stack.pop()!;
    const tag = n.tagName;
    if (out) {
      if (tag && BLOCK.has(tag)) flush(level());
      if (tag === 'pre') pre--;
      if (tag && /^h[1-6]$/.test(tag)) headingLevels.pop();
      continue;
    }
    if (n.nodeName === '#text') {
      const v = n.value ?? '';
      if (pre > 0) {
        const parts = v.split(/\r\n?|\n/);
        for (let k = 0; k < parts.length; k++) {
          if (k > 0) flush(level());
          line += parts[k];
        }
      } else line += v.replace(/[ \t\n\r\f]+/g, ' ');
      continue;
    }
    if (!tag) continue; // comments, doctype
    if (SKIP.has(tag) || hidden(n)) continue;
    if (tag === 'br') {
      flush(level());
      continue;
    }
    if (BLOCK.has(tag)) flush(level());
    if (tag === 'pre') pre++;
    if (/^h[1-6]$/.test(tag)) headingLevels.push(Number(tag[1]) - 1);
    stack.push({ n, out: true });
    const kids = tag === 'template' ? n.content?.childNodes : n.childNodes;
    if (kids) for (let k = kids.length - 1; k >= 0; k--) stack.push({ n: kids[k], out: false });
  }
  flush(level());
  if (lines.length === 0) throw new ReadError('EMPTY', name, 'the page contains no text (outside scripts, styles and navigation)');

  const headings: Heading[] = [];
  let text = '';
  for (let k = 0; k < lines.length; k++) {
    const lv = levels[k];
    if (lv !== null) headings.push({ start: text.length, end: text.length + lines[k].length, level: lv });
    text += lines[k] + '\n';
  }
  const problem = textProblem(text);
  if (problem) throw new ReadError(problem.code, name, `${problem.reason} in the page's text`);
  return { text, headings };
}

/** The page's one <main> (or role="main"), else its one <article>; null when there is not exactly one. */
function mainOf(body: Node): Node | null {
  const mains: Node[] = [];
  const articles: Node[] = [];
  const stack: Node[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.tagName && (SKIP.has(n.tagName) || hidden(n))) continue;
    if (n.tagName === 'main' || attr(n, 'role') === 'main') mains.push(n);
    else if (n.tagName === 'article') articles.push(n);
    if (n.childNodes) for (const c of n.childNodes) stack.push(c);
  }
  if (mains.length === 1) return mains[0];
  if (mains.length === 0 && articles.length === 1) return articles[0];
  return null;
}

/** Read an HTML page's bytes. Throws ReadError only. */
export async function readHtml(buf: Uint8Array, name: string): Promise<{ text: string; headings: Heading[]; warnings?: string[] }> {
  if (buf.length > MAX_HTML_BYTES) {
    throw new ReadError('TOO_LARGE', name, `too large to read as HTML (${formatBytes(buf.length)}; limit ${formatBytes(MAX_HTML_BYTES)})`);
  }
  const { text: html, warnings } = decodeHtmlBytes(buf, name);
  const out = await htmlText(html, name);
  return warnings ? { ...out, warnings } : out;
}
