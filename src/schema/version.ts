/**
 * The model's version, in a module of its own: the pipeline stamps it on every report without
 * loading zod, so the CLI and the batch workers start without it (zod and its locales take about
 * 80 ms to load). The schema (index.ts) re-exports it.
 */
export const SCHEMA_VERSION = '1.0.0';
