/**
 * A small pull scanner over the bytes of an Office XML part, in one pass, without building a tree:
 * what reading a .docx costs is then the size of its XML, not the number of its elements (mammoth's
 * DOM took 2–4 GB for 150 MB of XML or 500k empty runs).
 *
 * It reads what Office writes — elements, attributes, character data, entity and character
 * references, comments, CDATA, processing instructions — and refuses what it never writes: a DOCTYPE
 * (so no entity can be defined, let alone expanded), an unknown entity, a tag that is never closed or
 * closed by the wrong name, nesting deeper than `maxDepth`. Markup is ASCII, so names are read
 * byte-wise; text is UTF-8 (the caller has checked the bytes) and is decoded only when the handler
 * asks for it (`text`), with XML's line-end normalisation (CRLF and lone CR are LF).
 *
 * Names come out with their namespace prefix replaced by a fixed one for the namespaces Word uses
 * (`w:`, `r:`, `mc:`, `v:`, `wordml:` …, as mammoth names them), whatever prefix the document binds to
 * them, so `<ns0:p>` in the WordprocessingML namespace is `w:p`. A name in any other namespace keeps
 * `{uri}` as its prefix. Prefix bindings are taken as they are declared and kept for the rest of the
 * part (Office declares them on the root).
 */

export class XmlError extends Error {
  /** byte offset in the part where the problem is */
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.name = 'XmlError';
    this.offset = offset;
  }
}

const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'content-types',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'relationships',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:word': 'office-word',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'wordml',
};

export interface XmlHandler {
  /** a start tag (`empty`: `<x/>`); `attr(name)` gives an attribute's decoded value by canonical name */
  open(name: string, attr: (name: string) => string | undefined, empty: boolean): void;
  /** the end of the element opened last (also called right after open for `<x/>`) */
  close(name: string): void;
  /** character data between tags, bytes [start, end) of the part; decode with `text` if wanted */
  chars(start: number, end: number): void;
  /** the content of a CDATA section, bytes [start, end) */
  cdata(start: number, end: number): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QMARK = 0x3f;
const EQ = 0x3d;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** How many tags the part holds (a `<` not in a comment or CDATA is a tag): counted before parsing. */
export function countTags(buf: Uint8Array): number {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let n = 0;
  for (let p = b.indexOf(LT); p !== -1; p = b.indexOf(LT, p + 1)) n++;
  return n;
}

const MAX_NAMES = 4096;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decode bytes [start, end) of the part as XML character data: UTF-8, references resolved, CRLF and
 * lone CR as LF. Throws XmlError for an unknown entity or a malformed reference.
 */
export function decodeText(buf: Buffer, start: number, end: number): string {
  let s = buf.toString('utf8', start, end);
  if (s.indexOf('\r') !== -1) s = s.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') === -1) return s;
  let out = '';
  let from = 0;
  for (let amp = s.indexOf('&'); amp !== -1; amp = s.indexOf('&', from)) {
    const semi = s.indexOf(';', amp + 1);
    if (semi === -1 || semi - amp > 12) throw new XmlError(`an '&' that does not start a reference`, start + Buffer.byteLength(s.slice(0, amp)));
    const ref = s.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.charCodeAt(0) === 0x23 /* # */) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const digits = hex ? ref.slice(2) : ref.slice(1);
      const cp = (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (!(cp >= 0 && cp <= 0x10ffff)) throw new XmlError(`a malformed character reference &${ref};`, start + Buffer.byteLength(s.slice(0, amp)));
      // U+0000 and surrogates are kept here as written and refused with the whole text (see wordml.ts),
      // as the text path refuses them
      ch = cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    } else ch = ENTITIES[ref];
    if (ch === undefined) throw new XmlError(`an undefined entity &${ref}; (Office XML defines none)`, start + Buffer.byteLength(s.slice(0, amp)));
    out += s.slice(from, amp) + ch;
    from = semi + 1;
  }
  return out + s.slice(from);
}

/**
 * Scan a whole part, calling the handler for each event in document order. Throws XmlError when the
 * part is not well-formed in the ways listed in the header, or nests deeper than maxDepth.
 */
export function scanXml(buf: Buffer, handler: XmlHandler, maxDepth: number): void {
  const n = buf.length;
  const prefixes = new Map<string, string>([['xml', 'xml']]);
  let defaultNs: string | null = null;
  // raw name → canonical name, valid while no prefix binding changes
  let names = new Map<string, string>();
  // where the tag being read starts, for messages
  let at = 0;
  const canonical = (raw: string, isAttr: boolean): string => {
    let c = names.get(raw);
    if (c !== undefined) return c;
    const colon = raw.indexOf(':');
    if (colon === -1) {
      // an unprefixed attribute is in no namespace; an unprefixed element in the default one
      c = isAttr || defaultNs === null ? raw : defaultNs + ':' + raw;
    } else {
      const p = prefixes.get(raw.slice(0, colon));
      if (p === undefined) throw new XmlError(`the prefix of <${raw}> is not declared (no xmlns:${raw.slice(0, colon)})`, at);
      c = p + raw.slice(colon);
    }
    if (!isAttr) names.set(raw, c);
    return c;
  };
  // names as strings without a string made per tag: bytes → the string made the first time (a
  // part has a few dozen distinct names; past MAX_NAMES more are made each time, not kept)
  const interned = new Map<number, Array<{ at: number; len: number; s: string }>>();
  let internedCount = 0;
  const intern = (a: number, b: number): string => {
    let h = 0x811c9dc5 ^ (b - a);
    for (let i = a; i < b; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const bucket = interned.get(h);
    if (bucket) {
      for (const e of bucket) {
        if (e.len !== b - a) continue;
        let k = 0;
        while (k < e.len && buf[e.at + k] === buf[a + k]) k++;
        if (k === e.len) return e.s;
      }
    }
    const str = buf.toString('latin1', a, b);
    if (internedCount < MAX_NAMES) {
      internedCount++;
      const e = { at: a, len: b - a, s: str };
      if (bucket) bucket.push(e);
      else interned.set(h, [e]);
    }
    return str;
  };
  const stack: string[] = [];
  // attributes of the current start tag: raw names and value byte ranges
  const attrNames: string[] = [];
  const attrStarts: number[] = [];
  const attrEnds: number[] = [];
  let attrCount = 0;
  const attr = (name: string): string | undefined => {
    for (let k = 0; k < attrCount; k++) {
      if (canonical(attrNames[k], true) === name) return decodeText(buf, attrStarts[k], attrEnds[k]);
    }
    return undefined;
  };
  const expect: (p: number, what: string) => never = (p, what) => {
    throw new XmlError(p >= n ? `the part ends inside ${what}` : `a malformed ${what}`, Math.min(p, n));
  };

  let pos = 0;
  let rootSeen = false;
  while (pos < n) {
    const lt = buf.indexOf(LT, pos);
    if (lt === -1) {
      handler.chars(pos, n);
      break;
    }
    if (lt > pos) handler.chars(pos, lt);
    at = lt;
    const c = buf[lt + 1];
    if (c === SLASH) {
      const gt = buf.indexOf(GT, lt + 2);
      if (gt === -1) expect(n, 'end tag');
      let e = gt;
      while (e > lt + 2 && isSpace(buf[e - 1])) e--;
      const raw = intern(lt + 2, e);
      const open = stack.pop();
      if (open === undefined) throw new XmlError(`an end tag </${raw}> with no element open`, lt);
      if (open !== raw) throw new XmlError(`<${open}> closed by </${raw}>`, lt);
      handler.close(canonical(raw, false));
      pos = gt + 1;
      continue;
    }
    if (c === QMARK) {
      const end = buf.indexOf('?>', lt + 2, 'latin1');
      if (end === -1) expect(n, 'processing instruction');
      pos = end + 2;
      continue;
    }
    if (c === BANG) {
      if (buf[lt + 2] === 0x2d && buf[lt + 3] === 0x2d) {
        const end = buf.indexOf('-->', lt + 4, 'latin1');
        if (end === -1) expect(n, 'comment');
        pos = end + 3;
        continue;
      }
      if (buf.toString('latin1', lt + 2, lt + 9) === '[CDATA[') {
        const end = buf.indexOf(']]>', lt + 9, 'latin1');
        if (end === -1) expect(n, 'CDATA section');
        if (stack.length) handler.cdata(lt + 9, end);
        pos = end + 3;
        continue;
      }
      if (buf.toString('latin1', lt + 2, lt + 9).toUpperCase() === 'DOCTYPE') {
        throw new XmlError('a DOCTYPE declaration (Office XML never has one; refused so that no entity can be defined)', lt);
      }
      expect(lt, 'markup declaration');
    }
    // a start tag: name, attributes, then > or />
    let p = lt + 1;
    while (p < n && !isSpace(buf[p]) && buf[p] !== GT && buf[p] !== SLASH) p++;
    if (p === lt + 1) expect(lt, 'tag');
    const raw = intern(lt + 1, p);
    attrCount = 0;
    let rebind = false;
    let empty = false;
    for (;;) {
      while (p < n && isSpace(buf[p])) p++;
      if (p >= n) expect(n, `start tag <${raw}>`);
      if (buf[p] === GT) {
        p++;
        break;
      }
      if (buf[p] === SLASH) {
        if (buf[p + 1] !== GT) expect(p, `start tag <${raw}>`);
        empty = true;
        p += 2;
        break;
      }
      const ns = p;
      while (p < n && !isSpace(buf[p]) && buf[p] !== EQ && buf[p] !== GT && buf[p] !== SLASH) p++;
      const an = intern(ns, p);
      while (p < n && isSpace(buf[p])) p++;
      if (buf[p] !== EQ || an.length === 0) expect(p, `attribute in <${raw}>`);
      p++;
      while (p < n && isSpace(buf[p])) p++;
      const q = buf[p];
      if (q !== 0x22 && q !== 0x27) expect(p, `attribute value in <${raw}>`);
      const ve = buf.indexOf(q, p + 1);
      if (ve === -1) expect(n, `attribute value in <${raw}>`);
      const lt2 = buf.indexOf(LT, p + 1);
      if (lt2 !== -1 && lt2 < ve) throw new XmlError(`a '<' inside an attribute value of <${raw}>`, p);
      if (an === 'xmlns' || an.startsWith('xmlns:')) {
        const uri = decodeText(buf, p + 1, ve);
        const mapped = NAMESPACES[uri] ?? `{${uri}}`;
        if (an === 'xmlns') defaultNs = uri === '' ? null : mapped;
        else prefixes.set(an.slice(6), mapped);
        rebind = true;
      } else {
        attrNames[attrCount] = an;
        attrStarts[attrCount] = p + 1;
        attrEnds[attrCount] = ve;
        attrCount++;
      }
      p = ve + 1;
    }
    if (rebind) names = new Map();
    if (stack.length === 0) {
      if (rootSeen) throw new XmlError(`a second root element <${raw}>`, lt);
      rootSeen = true;
    }
    const name = canonical(raw, false);
    if (empty) {
      handler.open(name, attr, true);
      handler.close(name);
    } else {
      if (stack.length >= maxDepth) throw new XmlError(`elements nested more than ${maxDepth} deep`, lt);
      stack.push(raw);
      handler.open(name, attr, false);
    }
    pos = p;
  }
  if (stack.length) throw new XmlError(`the part ends with <${stack[stack.length - 1]}> still open`, n);
  if (!rootSeen) throw new XmlError('no element at all: the part is not XML', 0);
}

/** Is this character data only XML whitespace? (checked on bytes, nothing decoded) */
export function isBlankBytes(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(buf[i])) return false;
  return true;
}

