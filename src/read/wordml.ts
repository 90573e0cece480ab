/**
 * The text of a Word document (word/document.xml) and the headings its styles mark, read in one pass
 * over the XML bytes (xml.ts) instead of through a DOM.
 *
 * The text is exactly what mammoth's `extractRawText` gave (and the corpus was checked against), with
 * each "\n\n" then taken as "\n": every paragraph, table cells' included, is its text and "\n\n";
 * w:t is text, w:tab "\t", w:noBreakHyphen U+2011, w:softHyphen U+00AD, w:sym its Unicode character
 * (when its font is one dingbat-to-unicode knows); manual breaks, field codes (w:instrText), deleted
 * text (w:del, w:moveFrom), properties, images and anything unknown give nothing. The same structural
 * rules apply: only mc:Fallback of mc:AlternateContent is read; only w:sdtContent of w:sdt (a checkbox
 * content control loses its first non-empty text, or all of it when it has none); the text boxes of
 * a VML w:pict come after the paragraph that holds them; a paragraph whose mark is deleted
 * (w:pPr/w:rPr/w:del) is joined to the next paragraph; a deleted row (w:trPr/w:del) is left out, as is
 * a vertically merged continuation cell (w:vMerge) in a table whose rows hold only cells.
 *
 * Headings: a paragraph is one when its own w:pPr/w:outlineLvl is 0–8, or (without one) when its
 * style — w:pStyle, else the default paragraph style — has an outline level: its own
 * w:pPr/w:outlineLvl, else a built-in heading name ("heading 1".."heading 9", "标题 1".."标题 9",
 * "Title" at level 0), else that of the style it is based on. Level 9 (or anything else) is body text.
 * Each heading with any non-blank text is `{ start, end, level }`, its paragraph's span in the text.
 */
import { createRequire } from 'node:module';
import { XmlError, decodeText, scanXml, type XmlHandler } from './xml.js';

export interface Heading {
  start: number;
  end: number;
  /** 0-based, as Word's outline level: 0 is a top-level heading */
  level: number;
}

export interface WordText {
  text: string;
  headings: Heading[];
}

/** Deepest element nesting read in a part: real documents nest a few dozen deep. */
export const MAX_XML_DEPTH = 512;

// ---------------------------------------------------------------------------------------------
// styles.xml: the outline level of each paragraph style

export interface StyleLevels {
  /** outline level of a paragraph style by id, null for body text */
  level(styleId: string | undefined): number | null;
}

interface StyleDef {
  name?: string;
  basedOn?: string;
  outline?: string;
}

const BUILTIN_HEADING = /^(?:heading|标题)\s*([1-9])$/i;

function outlineValue(v: string | undefined): number | null | undefined {
  if (v === undefined) return undefined;
  return /^[0-8]$/.test(v.trim()) ? Number(v.trim()) : null;
}

/** Read word/styles.xml (its bytes, UTF-8) into the outline levels of its paragraph styles. */
export function readStyleLevels(buf: Buffer | null): StyleLevels {
  const defs = new Map<string, StyleDef>();
  let defaultId: string | undefined;
  if (buf) {
    const path: string[] = [];
    let cur: StyleDef | null = null;
    const handler: XmlHandler = {
      open(name, attr) {
        path.push(name);
        const d = path.length;
        if (d === 2 && name === 'w:style') {
          cur = null;
          if ((attr('w:type') ?? 'paragraph') !== 'paragraph') return;
          const id = attr('w:styleId');
          if (id === undefined || defs.has(id)) return;
          cur = {};
          defs.set(id, cur);
          const def = attr('w:default');
          if (def === '1' || def === 'true' || def === 'on') defaultId ??= id;
        } else if (cur && d === 3 && name === 'w:name') cur.name ??= attr('w:val');
        else if (cur && d === 3 && name === 'w:basedOn') cur.basedOn ??= attr('w:val');
        else if (cur && d === 4 && name === 'w:outlineLvl' && path[2] === 'w:pPr') cur.outline ??= attr('w:val');
      },
      close() {
        if (path.pop() === 'w:style' && path.length === 1) cur = null;
      },
      chars() {},
      cdata() {},
    };
    scanXml(buf, handler, MAX_XML_DEPTH);
  }
  const memo = new Map<string, number | null>();
  const resolve = (id: string, seen: number): number | null => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const s = defs.get(id);
    let level: number | null = null;
    if (s) {
      const own = outlineValue(s.outline);
      const named = s.name ? BUILTIN_HEADING.exec(s.name.trim()) : null;
      if (own !== undefined) level = own;
      else if (named) level = Number(named[1]) - 1;
      else if (s.name && s.name.trim().toLowerCase() === 'title') level = 0;
      else if (s.basedOn && s.basedOn !== id && seen < 32) level = resolve(s.basedOn, seen + 1);
    }
    memo.set(id, level);
    return level;
  };
  return {
    level(styleId) {
      const id = styleId ?? defaultId;
      return id === undefined ? null : resolve(id, 0);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// document.xml: the text

/** Text being built, with the headings inside it (offsets relative to `text`). */
interface Sink {
  text: string;
  /** null until there is one (most text has none: no array made for it) */
  marks: Heading[] | null;
}

const newSink = (): Sink => ({ text: '', marks: null });

function append(to: Sink, from: Sink): void {
  if (from.marks) {
    const shift = to.text.length;
    to.marks ??= [];
    for (const m of from.marks) to.marks.push({ start: m.start + shift, end: m.end + shift, level: m.level });
  }
  to.text += from.text;
}

/** Elements whose children are read in place (mammoth's readChildElements). */
const TRANSPARENT = new Set([
  'w:body',
  'w:r',
  'w:hyperlink',
  'w:customXml',
  'w:ins',
  'w:moveFromRangeEnd',
  'w:moveFromRangeStart',
  'w:moveTo',
  'w:moveToRangeEnd',
  'w:moveToRangeStart',
  'w:object',
  'w:smartTag',
  'w:drawing',
  'v:roundrect',
  'v:shape',
  'v:textbox',
  'w:txbxContent',
  'v:group',
  'v:rect',
]);

/** Elements that are something in mammoth's document (so a table or row holding one is irregular). */
const PRODUCES = new Set(['w:r', 'w:t', 'w:tab', 'w:noBreakHyphen', 'w:softHyphen', 'w:hyperlink', 'w:br', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference', 'w:tbl']);

interface Pending {
  text: Sink;
  extra: Sink | null;
  then: Pending | null;
}

interface Cell {
  sink: Sink;
  vMerge: boolean;
  colSpan: number;
}
type RowItem = { cell: Cell } | { other: Sink };
type TableItem = { row: RowItem[] } | { other: Sink };

type Frame =
  | { kind: 'skip' }
  | { kind: 'read' }
  | { kind: 'document'; body: boolean }
  | { kind: 'p'; sink: Sink; extra: Sink | null; pPr: boolean; style?: string; outline?: string; deleted: boolean }
  | { kind: 'pPr'; p: Frame & { kind: 'p' }; rPr: boolean }
  | { kind: 'pPrRPr'; p: Frame & { kind: 'p' } }
  | { kind: 't'; text: string }
  | { kind: 'pict'; sink: Sink }
  | { kind: 'ac'; fallback: boolean }
  | { kind: 'sdt'; sdtPr: boolean; content: boolean; checkbox: boolean }
  | { kind: 'sdtPr'; sdt: Frame & { kind: 'sdt' } }
  | { kind: 'check'; sink: Sink; consumed: boolean }
  | { kind: 'tbl'; items: TableItem[]; irregular: boolean }
  | { kind: 'tr'; items: RowItem[]; trPr: boolean; deleted: boolean; irregular: boolean }
  | { kind: 'trPr'; tr: Frame & { kind: 'tr' } }
  | { kind: 'tc'; cell: Cell; tcPr: boolean }
  | { kind: 'tcPr'; cell: Cell; vMerge: boolean; gridSpan: boolean };

const SKIP: Frame = { kind: 'skip' };
const READ: Frame = { kind: 'read' };

type Dingbats = { hex(font: string, hex: string): { string: string } | undefined };
let dingbats: Dingbats | null | undefined;
function loadDingbats(): Dingbats | null {
  if (dingbats === undefined) {
    try {
      dingbats = createRequire(import.meta.url)('dingbat-to-unicode') as Dingbats;
    } catch {
      dingbats = null;
    }
  }
  return dingbats;
}

function symbol(font: string | undefined, char: string | undefined): string | null {
  const d = loadDingbats();
  if (!d || font === undefined || char === undefined) return null;
  const u = d.hex(font, char) ?? (/^F0..$/.test(char) ? d.hex(font, char.substring(2)) : undefined);
  return u ? u.string : null;
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x200b && c <= 0x200d))) return false;
  }
  return true;
}

/**
 * The raw text of word/document.xml (mammoth's shape: "\n\n" after each paragraph) and its headings.
 * Throws XmlError.
 */
function rawDocumentText(buf: Buffer, styles: StyleLevels): { raw: string; marks: Heading[] } {
  const root = newSink();
  const frames: Frame[] = [];
  const sinks: Sink[] = [root];
  // paragraphs open (innermost last), for the text boxes of a w:pict
  const paras: Array<Frame & { kind: 'p' }> = [];
  // checkbox content controls open (innermost last)
  const checks: Array<Frame & { kind: 'check' }> = [];
  // a deleted paragraph's text and text boxes, waiting for the next paragraph; `then` is a deleted
  // paragraph inside it (in a text box), whose turn comes once this one has been taken: mammoth reads
  // a deleted paragraph's content again inside the next paragraph, and meets the inner one there
  let pending: Pending | null = null;
  let skipDepth = 0;

  const T: Frame & { kind: 't' } = { kind: 't', text: '' };
  const top = (): Frame | undefined => frames[frames.length - 1];
  const sink = (): Sink => sinks[sinks.length - 1];
  /** the table or row an element sits in directly (not inside a cell), to mark it irregular */
  const markIrregular = (): void => {
    for (let k = frames.length - 1; k >= 0; k--) {
      const f = frames[k];
      if (f.kind === 'tc' || f.kind === 'p' || f.kind === 'pict' || f.kind === 'check') return;
      if (f.kind === 'tr' || f.kind === 'tbl') {
        f.irregular = true;
        return;
      }
    }
  };
  const emitText = (s: string): void => {
    if (s.length > 0) {
      for (let k = checks.length - 1; k >= 0; k--) {
        if (!checks[k].consumed) {
          checks[k].consumed = true; // a checkbox's first text is the box itself
          return;
        }
      }
    }
    sink().text += s;
  };
  const skip = (): void => {
    frames.push(SKIP);
    skipDepth = 1;
  };

  const handler: XmlHandler = {
    open(name, attr) {
      if (skipDepth > 0) {
        skipDepth++;
        return;
      }
      const parent = top();
      if (!parent) {
        if (name !== 'w:document') throw new XmlError(`the root element is <${name}>, not <w:document>`, 0);
        frames.push({ kind: 'document', body: false });
        return;
      }
      switch (parent.kind) {
        case 'document':
          if (name === 'w:body' && !parent.body) {
            parent.body = true;
            frames.push(READ);
          } else skip();
          return;
        case 'pPr':
          if (name === 'w:pStyle') parent.p.style ??= attr('w:val') ?? '';
          else if (name === 'w:outlineLvl') parent.p.outline ??= attr('w:val') ?? '';
          else if (name === 'w:rPr' && !parent.rPr) {
            parent.rPr = true;
            frames.push({ kind: 'pPrRPr', p: parent.p });
            return;
          }
          skip();
          return;
        case 'pPrRPr':
          if (name === 'w:del') parent.p.deleted = true;
          skip();
          return;
        case 'trPr':
          if (name === 'w:del') parent.tr.deleted = true;
          skip();
          return;
        case 'tcPr':
          if (name === 'w:vMerge' && !parent.vMerge) {
            parent.vMerge = true;
            const v = attr('w:val');
            parent.cell.vMerge = v === 'continue' || !v;
          } else if (name === 'w:gridSpan' && !parent.gridSpan) {
            parent.gridSpan = true;
            const v = attr('w:val');
            parent.cell.colSpan = v ? parseInt(v, 10) : 1;
          }
          skip();
          return;
        case 'sdtPr':
          if (name === 'wordml:checkbox') parent.sdt.checkbox = true;
          skip();
          return;
        case 't':
          skip(); // markup inside w:t: its text is not the run's
          return;
        case 'ac':
          if (name === 'mc:Fallback' && !parent.fallback) {
            parent.fallback = true;
            frames.push(READ);
          } else skip();
          return;
        case 'sdt':
          if (name === 'w:sdtPr' && !parent.sdtPr) {
            parent.sdtPr = true;
            frames.push({ kind: 'sdtPr', sdt: parent });
          } else if (name === 'w:sdtContent' && !parent.content) {
            parent.content = true;
            if (parent.checkbox) {
              const f = { kind: 'check' as const, sink: newSink(), consumed: false };
              frames.push(f);
              sinks.push(f.sink);
              checks.push(f);
            } else frames.push(READ);
          } else skip();
          return;
        case 'p':
          if (name === 'w:pPr' && !parent.pPr) {
            parent.pPr = true;
            frames.push({ kind: 'pPr', p: parent, rPr: false });
            return;
          }
          break;
        case 'tr':
          if (parent.deleted) {
            skip(); // a deleted row is not read at all (a deleted paragraph in it joins nothing)
            return;
          }
          if (name === 'w:trPr' && !parent.trPr) {
            parent.trPr = true;
            frames.push({ kind: 'trPr', tr: parent });
            return;
          }
          break;
        case 'tc':
          if (name === 'w:tcPr' && !parent.tcPr) {
            parent.tcPr = true;
            frames.push({ kind: 'tcPr', cell: parent.cell, vMerge: false, gridSpan: false });
            return;
          }
          break;
        default:
          break;
      }
      // an element in reading context (body, run, cell, text box…)
      if (PRODUCES.has(name)) markIrregular();
      switch (name) {
        case 'w:p': {
          markIrregular();
          const f = { kind: 'p' as const, sink: pending?.text ?? newSink(), extra: pending?.extra ?? null, pPr: false, deleted: false };
          pending = pending ? pending.then : null;
          frames.push(f);
          paras.push(f);
          sinks.push(f.sink);
          return;
        }
        case 'w:t':
          // one frame serves every w:t: nothing inside one is read
          T.text = '';
          frames.push(T);
          return;
        case 'w:tab':
          sink().text += '\t';
          skip();
          return;
        case 'w:noBreakHyphen':
          emitText('\u2011');
          skip();
          return;
        case 'w:softHyphen':
          emitText('\u00ad');
          skip();
          return;
        case 'w:sym': {
          const s = symbol(attr('w:font'), attr('w:char'));
          if (s !== null) {
            markIrregular();
            emitText(s);
          }
          skip();
          return;
        }
        case 'w:bookmarkStart':
          if (attr('w:name') !== '_GoBack') markIrregular();
          skip();
          return;
        case 'w:pict': {
          const f = { kind: 'pict' as const, sink: newSink() };
          frames.push(f);
          sinks.push(f.sink);
          return;
        }
        case 'mc:AlternateContent':
          frames.push({ kind: 'ac', fallback: false });
          return;
        case 'w:sdt':
          frames.push({ kind: 'sdt', sdtPr: false, content: false, checkbox: false });
          return;
        case 'w:tbl': {
          frames.push({ kind: 'tbl', items: [], irregular: false });
          return;
        }
        case 'w:tr':
          frames.push({ kind: 'tr', items: [], trPr: false, deleted: false, irregular: false });
          return;
        case 'w:tc': {
          const cell: Cell = { sink: newSink(), vMerge: false, colSpan: 1 };
          frames.push({ kind: 'tc', cell, tcPr: false });
          sinks.push(cell.sink);
          return;
        }
        default:
          if (TRANSPARENT.has(name)) frames.push(READ);
          else skip();
      }
    },

    close() {
      if (skipDepth > 0) {
        skipDepth--;
        if (skipDepth === 0) frames.pop();
        return;
      }
      const f = frames.pop()!;
      switch (f.kind) {
        case 't':
          emitText(f.text);
          return;
        case 'p': {
          paras.pop();
          sinks.pop();
          if (f.deleted) {
            pending = { text: f.sink, extra: f.extra, then: pending };
            return;
          }
          const level = f.outline !== undefined ? outlineValue(f.outline) : styles.level(f.style);
          const out: Sink = f.sink;
          if (level !== null && level !== undefined && !isBlank(out.text)) (out.marks ??= []).unshift({ start: 0, end: out.text.length, level });
          out.text += '\n\n';
          if (f.extra) append(out, f.extra);
          place(out);
          return;
        }
        case 'pict': {
          sinks.pop();
          const p = paras[paras.length - 1];
          if (p) append((p.extra ??= newSink()), f.sink); // else: a text box outside any paragraph is lost, as in mammoth
          return;
        }
        case 'check':
          sinks.pop();
          checks.pop();
          if (f.consumed) append(sink(), f.sink); // else the control was the box alone
          return;
        case 'tc': {
          sinks.pop();
          const row = structuralParent();
          if (row && row.kind === 'tr') row.items.push({ cell: f.cell });
          else place(f.cell.sink); // a cell outside any row (invalid): its text where it stands
          return;
        }
        case 'tr': {
          if (f.deleted) return;
          const tbl = structuralParent();
          if (tbl && tbl.kind === 'tbl') tbl.items.push({ row: f.items });
          else for (const it of f.items) place('cell' in it ? it.cell.sink : it.other);
          return;
        }
        case 'tbl':
          place(tableText(f.items, f.irregular));
          return;
        default:
          return;
      }
    },

    chars(start, end) {
      if (skipDepth > 0) return;
      const f = top();
      if (f && f.kind === 't') f.text += decodeText(buf, start, end);
    },

    cdata(start, end) {
      if (skipDepth > 0) return;
      const f = top();
      if (f && f.kind === 't') f.text += buf.toString('utf8', start, end);
    },
  };

  /**
   * The row or table an element closing now belongs to, through the elements read in place
   * (w:sdt, w:customXml, mc:AlternateContent…), when no sink (a cell, a paragraph…) is nearer.
   */
  function structuralParent(): Frame | undefined {
    for (let k = frames.length - 1; k >= 0; k--) {
      const f = frames[k];
      if (f.kind === 'read' || f.kind === 'sdt' || f.kind === 'ac') continue;
      return f;
    }
    return undefined;
  }

  /** Put finished text where its element sits: in a row or table being built, or the current sink. */
  function place(s: Sink): void {
    const f = structuralParent();
    if (f && (f.kind === 'tr' || f.kind === 'tbl')) f.items.push({ other: s });
    else append(sink(), s);
  }

  scanXml(buf, handler, MAX_XML_DEPTH);
  return { raw: root.text, marks: root.marks ?? [] };
}

/** A table's text: its rows' cells in order, vertically merged continuation cells left out (as mammoth). */
function tableText(items: TableItem[], irregular: boolean): Sink {
  const rows = items.filter((it): it is { row: RowItem[] } => 'row' in it).map((it) => it.row);
  const regular = !irregular && rows.length === items.length && rows.every((r) => r.every((it) => 'cell' in it));
  const dropped = new Set<Cell>();
  if (regular) {
    const columns = new Map<number | string, Cell>();
    for (const r of rows) {
      let index: number = 0;
      for (const it of r) {
        const cell = (it as { cell: Cell }).cell;
        const key = Number.isNaN(index) ? 'NaN' : index;
        if (cell.vMerge && columns.has(key)) dropped.add(cell);
        else columns.set(key, cell);
        index += cell.colSpan;
      }
    }
  }
  const out = newSink();
  for (const it of items) {
    if ('other' in it) append(out, it.other);
    else for (const c of it.row) append(out, 'cell' in c ? (dropped.has(c.cell) ? newSink() : c.cell.sink) : c.other);
  }
  return out;
}

/**
 * The document's text, one paragraph a line (mammoth's "\n\n" taken as "\n", left to right, as
 * `raw.replace(/\n\n/g, '\n')`), with the headings' spans moved with it.
 */
export function documentText(buf: Buffer, styles: StyleLevels): WordText {
  const { raw, marks } = rawDocumentText(buf, styles);
  const text = raw.replace(/\n\n/g, '\n');
  if (marks.length === 0) return { text, headings: [] };
  const positions = [...new Set(marks.flatMap((m) => [m.start, m.end]))].sort((a, b) => a - b);
  const moved = new Map<number, number>();
  let k = 0;
  let removed = 0;
  let i = 0;
  for (;;) {
    const j = raw.indexOf('\n\n', i);
    const limit = j === -1 ? raw.length : j;
    while (k < positions.length && positions[k] <= limit) moved.set(positions[k], positions[k] - removed), k++;
    if (j === -1) break;
    while (k < positions.length && positions[k] === j + 1) moved.set(positions[k], j - removed + 1), k++;
    removed++;
    i = j + 2;
  }
  const headings = marks
    .map((m) => ({ start: moved.get(m.start)!, end: moved.get(m.end)!, level: m.level }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, headings };
}
