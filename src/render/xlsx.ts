/**
 * A minimal XLSX (Office Open XML spreadsheet) writer — no dependency. An .xlsx is a zip of a few XML
 * parts:
 *
 *   [Content_Types].xml            content types of the parts
 *   _rels/.rels                    → xl/workbook.xml
 *   xl/workbook.xml                the sheets (and the autofilter ranges)
 *   xl/_rels/workbook.xml.rels     → worksheets, styles
 *   xl/styles.xml                  bold header, number formats with a unit (General"亿元")
 *   xl/worksheets/sheetN.xml       cells; text as inline strings (t="inlineStr"), so no shared
 *                                  string table is needed
 *
 * Text is written as inline strings and never as formulas, so cell text starting with "=" is inert.
 * Characters XML 1.0 forbids (most C0 controls, lone surrogates) are dropped; text longer than
 * Excel's 32 767-character cell limit is cut.
 */
import { zip } from './zip.js';
import { widest } from './width.js';

/** A number shown with a format, e.g. { value: 162.4, format: 'General"亿元"' } */
export interface FormattedNumber {
  value: number;
  format: string;
}

export type Cell = string | number | boolean | null | undefined | FormattedNumber;

export interface SheetSpec {
  name: string;
  rows: readonly (readonly Cell[])[];
  /** rows at the top shown in bold and kept in view when scrolling (default 1) */
  headerRows?: number;
  /** columns at the left kept in view (default 0) */
  frozenColumns?: number;
  /** column widths in characters */
  widths?: readonly number[];
  /** add an autofilter over the header row and the data */
  autoFilter?: boolean;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const MAX_CELL_TEXT = 32767;

/** Drop what XML 1.0 cannot carry: C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
export function xmlSafe(s: string): string {
  return s
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 1 → A, 26 → Z, 27 → AA */
export function columnName(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A number format that shows the number followed by a literal unit: General"亿元" (a % stays literal). */
export function unitFormat(unit: string): string {
  const u = unit.replace(/["\\]/g, '');
  return u ? `General"${u}"` : 'General';
}

function cutText(s: string): string {
  if (s.length <= MAX_CELL_TEXT) return s;
  let cut = MAX_CELL_TEXT;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return s.slice(0, cut);
}

function sheetNames(specs: readonly SheetSpec[]): string[] {
  const used = new Set<string>();
  return specs.map((s, i) => {
    const base = s.name.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || `Sheet${i + 1}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = base.slice(0, 31 - String(k).length - 1) + '_' + k;
    used.add(name.toLowerCase());
    return name;
  });
}

class Styles {
  private formats = new Map<string, number>();
  /** cellXfs: 0 normal, 1 bold, then one per (format, bold) */
  private xfs: Array<{ numFmtId: number; bold: boolean }> = [
    { numFmtId: 0, bold: false },
    { numFmtId: 0, bold: true },
  ];
  private xfIndex = new Map<string, number>([
    ['0:0', 0],
    ['0:1', 1],
  ]);

  style(format: string | null, bold: boolean): number {
    let id = 0;
    if (format && format !== 'General') {
      id = this.formats.get(format) ?? 0;
      if (!id) {
        id = 164 + this.formats.size;
        this.formats.set(format, id);
      }
    }
    const key = `${id}:${bold ? 1 : 0}`;
    let x = this.xfIndex.get(key);
    if (x === undefined) {
      x = this.xfs.length;
      this.xfs.push({ numFmtId: id, bold });
      this.xfIndex.set(key, x);
    }
    return x;
  }

  xml(): string {
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      XML_DECL +
      `<styleSheet xmlns="${NS_MAIN}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
      '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">` +
      this.xfs
        .map(
          (x) =>
            `<xf numFmtId="${x.numFmtId}" fontId="${x.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"` +
            (x.numFmtId ? ' applyNumberFormat="1"' : '') +
            (x.bold ? ' applyFont="1"' : '') +
            '/>',
        )
        .join('') +
      '</cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

function cellXml(ref: string, cell: Cell, bold: boolean, styles: Styles): string {
  if (cell === null || cell === undefined || cell === '') return '';
  const s = (fmt: string | null) => {
    const x = styles.style(fmt, bold);
    return x ? ` s="${x}"` : '';
  };
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? `<c r="${ref}"${s(null)}><v>${cell}</v></c>` : '';
  }
  if (typeof cell === 'boolean') return `<c r="${ref}" t="b"${s(null)}><v>${cell ? 1 : 0}</v></c>`;
  if (typeof cell === 'object') {
    return Number.isFinite(cell.value) ? `<c r="${ref}"${s(cell.format)}><v>${cell.value}</v></c>` : '';
  }
  const text = escapeXml(cutText(cell));
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" t="inlineStr"${s(null)}><is><t${space}>${text}</t></is></c>`;
}

function sheetXml(spec: SheetSpec, styles: Styles, selected: boolean): { xml: string; filterRef: string | null } {
  const header = spec.headerRows ?? 1;
  const frozenCols = spec.frozenColumns ?? 0;
  const nCols = widest(spec.rows, (r) => r.length, 1);
  const nRows = Math.max(1, spec.rows.length);
  const lastRef = `${columnName(nCols)}${nRows}`;

  let views = `<sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}`;
  if (header > 0 || frozenCols > 0) {
    const top = `${columnName(frozenCols + 1)}${header + 1}`;
    const pane = header > 0 && frozenCols > 0 ? 'bottomRight' : header > 0 ? 'bottomLeft' : 'topRight';
    views +=
      '><pane' +
      (frozenCols > 0 ? ` xSplit="${frozenCols}"` : '') +
      (header > 0 ? ` ySplit="${header}"` : '') +
      ` topLeftCell="${top}" activePane="${pane}" state="frozen"/>` +
      `<selection pane="${pane}" activeCell="${top}" sqref="${top}"/></sheetView>`;
  } else views += '/>';

  const cols = spec.widths?.length
    ? '<cols>' +
      spec.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(1, Math.min(255, w))}" customWidth="1"/>`).join('') +
      '</cols>'
    : '';

  const rows = spec.rows
    .map((row, i) => {
      const bold = i < header;
      const cells = row.map((c, j) => cellXml(`${columnName(j + 1)}${i + 1}`, c, bold, styles)).join('');
      return `<row r="${i + 1}">${cells}</row>`;
    })
    .join('');

  const filterRef = spec.autoFilter && header > 0 ? `A${header}:${columnName(nCols)}${nRows}` : null;
  const xml =
    XML_DECL +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${lastRef}"/>` +
    `<sheetViews>${views}</sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    cols +
    `<sheetData>${rows}</sheetData>` +
    (filterRef ? `<autoFilter ref="${filterRef}"/>` : '') +
    '</worksheet>';
  return { xml, filterRef };
}

function absRef(ref: string): string {
  return ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

/** Write a workbook with the given sheets; returns the .xlsx bytes. */
export function xlsx(sheets: readonly SheetSpec[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError('xlsx: a workbook needs at least one sheet');
  const names = sheetNames(sheets);
  const styles = new Styles();
  const parts = sheets.map((s, i) => sheetXml(s, styles, i === 0));

  const definedNames = parts
    .map((p, i) =>
      p.filterRef
        ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(names[i].replace(/'/g, "''"))}'!${absRef(p.filterRef)}</definedName>`
        : '',
    )
    .join('');
  const workbook =
    XML_DECL +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    '<sheets>' +
    names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets>' +
    (definedNames ? `<definedNames>${definedNames}</definedNames>` : '') +
    '</workbook>';

  const workbookRels =
    XML_DECL +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    names
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('') +
    `<Relationship Id="rId${names.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
    '</Relationships>';

  const rootRels =
    XML_DECL +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
    '</Relationships>';

  const contentTypes =
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    names
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '</Types>';

  return zip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: rootRels },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: workbookRels },
    { name: 'xl/styles.xml', data: styles.xml() },
    ...parts.map((p, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: p.xml })),
  ]);
}
