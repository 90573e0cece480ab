/**
 * placeholder: a mask left in the text (**, ***, 9*%, XX, X.X%, □□, 【待补充】) — one finding each of
 * the model's placeholders, graded by kind (PLACEHOLDER_SEVERITY), and one a match of each extra
 * pattern of the configuration (a warning; at most MAX_MATCHES a pattern and document).
 */
import type { PlaceholderKind } from '../../schema/index.js';
import type { Finding, Severity } from '../../render/finding.js';
import { findingAt, type Rule } from '../types.js';
import { TEXT_MESSAGES } from './messages.js';

export const PLACEHOLDER_SEVERITY: Record<PlaceholderKind, Severity> = {
  number: 'error',
  name: 'error',
  date: 'error',
  text: 'warning',
  unknown: 'warning',
  // 丁某某, 张某 in a published discipline report: anonymised on purpose
  anonymized: 'info',
};

/** How many matches of one configured pattern are reported in one document, at most. */
export const MAX_MATCHES = 1000;

export const placeholder: Rule = {
  meta: {
    id: 'placeholder',
    defaultSeverity: 'error',
    description:
      'A masked placeholder (**, ***, 9*%, XX, X.X%, □□, 【待补充】) is left in the text: errors for numbers, names and dates, warnings otherwise; an anonymised name (张某, 丁某某) is info.',
    anchor: 'rule-placeholder',
    needs: {},
    graded: true,
  },
  check(report, ctx) {
    const out: Finding[] = report.placeholders.map((p) =>
      findingAt(placeholder, ctx, p.span, TEXT_MESSAGES.placeholder({ raw: p.raw, kind: p.kind, hint: p.hint, pattern: p.pattern }), {
        severity: PLACEHOLDER_SEVERITY[p.kind],
      }),
    );
    const text = ctx.source.text;
    for (const re of ctx.placeholders ?? []) {
      re.lastIndex = 0;
      let n = 0;
      for (let m = re.exec(text); m && n < MAX_MATCHES; m = re.exec(text), n++) {
        if (m[0] === '') {
          re.lastIndex++;
          continue;
        }
        const span = { start: m.index, end: m.index + m[0].length };
        out.push(findingAt(placeholder, ctx, span, TEXT_MESSAGES.placeholderPattern(m[0]), { severity: 'warning' }));
      }
    }
    return out;
  },
};
