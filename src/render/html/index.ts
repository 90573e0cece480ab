/** The HTML pages: self-contained files, opened by double-click, that make no request. */
export { renderCheckHtml, type CheckHtmlOptions } from './check.js';
export { renderAnalyzeHtml, type AnalyzeHtmlOptions } from './analyze.js';
export { esc, jsonData, token } from './escape.js';
export { markedText, type MarkSpan } from './marks.js';
export { page, contentSecurityPolicy, type PageOptions } from './page.js';
export { renderIndicatorsHtml, placeFromFileName, type IndicatorsHtmlOptions } from './indicators.js';
export { lineChart, niceTicks, formatNumber, type LineChart, type ChartSeries, type ChartBand } from './chart.js';
export { renderTargetsHtml, type TargetsHtmlOptions } from './targets.js';
