/** The JSON document of `baogao targets`: its name and version (no zod here: the CLI loads this). */
export const TARGETS_FORMAT = 'baogao-targets';
export const TARGETS_FORMAT_VERSION = 1;
