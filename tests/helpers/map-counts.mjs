// A map module for the batch tests (BatchOptions.map): what each thread sends back instead of a report.
export function counts(report, doc) {
  return { claims: report.claims.length, statements: report.statements.length, chars: doc.text.length, label: doc.label, encoding: doc.encoding ?? null };
}

/** fails on the seed (a map that throws: the batch reports MAP_FAILED for that document and goes on) */
export function failOnSeed(report, doc) {
  if (doc.label.includes('000_304eac767b8a3bea')) throw new Error('no seed here');
  return report.claims.length;
}

export const notAFunction = 42;
