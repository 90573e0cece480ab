/**
 * The texts of the command line itself (the rules' messages are in src/rules: messages.ts and
 * text/messages.ts).
 */

/** one-line messages of the command line itself */
export const CLI = {
  unknownCommand: (c: string) => `unknown command '${c}'. Commands: analyze, check, indicators, compare, targets. See 'baogao --help'.`,
  noCommand: `missing command. Usage: baogao <analyze|check|indicators|compare|targets> [options] FILES… See 'baogao --help'.`,
  noInputs: (cmd: string) => `no input files: give FILES or DIRS (or - for standard input). See 'baogao ${cmd} --help'.`,
  badFormat: (cmd: string, value: string, allowed: string[]) =>
    `invalid --format '${value}': expected ${allowed.join(', ')}. See 'baogao ${cmd} --help'.`,
  oneFile: `analyze takes exactly one FILE (or - for standard input). See 'baogao analyze --help'.`,
  outputIsInput: (o: string) => `refusing to write ${o}: it is one of the input files`,
  outputExtension: (o: string) => `cannot tell the output format from '${o}': use a name ending in .csv, .xlsx or .json`,
  cannotWrite: (o: string, why: string) => `cannot write ${o}: ${why}`,
  internal: (file: string, why: string) => `${file}: internal error while analysing: ${why}`,
};
