// The map the bench's "map" batch runs in every thread (BatchOptions.map): only a report's stats come
// back, so the batch measures the pool without the cost of copying whole reports between threads.
export function stats(report) {
  return report.stats;
}
