/**
 * `baogao indicators` on worker threads: each thread turns its own reports into indicator rows
 * (BatchOptions.map names this module), so only the rows cross between threads, not the reports.
 * The main thread then puts each file's name, as the user gave it, in the rows' `file` column.
 */
import type { MapDocument } from '../batch/task.js';
import type { Report } from '../schema/index.js';
import { indicatorRows, reportYear, type IndicatorRow } from '../render/indicators.js';
import { placeAndYear } from '../targets/place.js';

export interface ReportIndicators {
  /** the report's own year (the file name counts only by its last part, the same here and there) */
  year: number | null;
  /** one row per claim, `file` left empty */
  rows: IndicatorRow[];
  /** the place the report speaks for (title, dateline…), for the lines of the HTML page's charts */
  place?: string | null;
}

export function indicatorsOf(report: Report, doc: MapDocument): ReportIndicators {
  const year = reportYear(report, doc.text, doc.label);
  return { year, rows: indicatorRows(report, doc.text, '', year), place: placeAndYear(report, doc.text, doc.label).place };
}
