/** Renderers: pure functions from results to text or bytes. */
export * from './finding.js';
export { renderStylish, stylishSummary, excerpt, printable, type StylishOptions, type Excerpt } from './stylish.js';
export { renderJson, checkJson, JSON_FORMAT_VERSION } from './json.js';
export { renderSarif, checkSarif, artifactUri, SARIF_SCHEMA, type SarifTool } from './sarif.js';
export { toCsv, csvField, csvRecord, type CsvValue } from './csv.js';
export { xlsx, unitFormat, columnName, escapeXml, type Cell, type SheetSpec, type FormattedNumber } from './xlsx.js';
export { zip, crc32, type ZipInput } from './zip.js';
export { renderOutline } from './outline.js';
export {
  INDICATOR_COLUMNS,
  SENTENCE_MAX,
  indicatorRows,
  pivotTable,
  reportYear,
  rowValues,
  type IndicatorRow,
  type PivotColumn,
} from './indicators.js';
export { displayWidth, charWidth, underline, truncate, padEnd, padStart, widest } from './width.js';
