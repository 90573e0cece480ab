/**
 * The invariants every Report must hold, on any input: spans slice to their text, sections tile
 * the text, statements cover the non-blank characters of their section bodies in order, and the
 * report validates against the zod schema. Returns the list of violations (empty when it holds).
 */
import { Report, type Section, type Span } from '../../src/schema/index.js';

const BLANK = /^[\s\u3000\u00a0\u200b-\u200d\u2060\ufeff]*$/;

function sliceOk(text: string, span: Span | null | undefined, expected: string, what: string, out: string[]): void {
  if (!span) return;
  if (span.start < 0 || span.end > text.length || span.start > span.end) out.push(`${what}: span ${span.start}-${span.end} out of range`);
  else if (text.slice(span.start, span.end) !== expected) out.push(`${what}: text does not match its span ${span.start}-${span.end}`);
}

export function violations(text: string, report: Report): string[] {
  const out: string[] = [];
  const parsed = Report.safeParse(report);
  if (!parsed.success) out.push(`schema: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);

  // sections tile: top level from 0 to text.length, children contiguous inside body end
  const tile = (secs: Section[], from: number, to: number, where: string) => {
    let at = from;
    for (const s of secs) {
      if (s.span.start !== at) out.push(`${where}: ${s.id} starts at ${s.span.start}, expected ${at}`);
      if (s.body.start < s.span.start || s.body.end > s.span.end || s.body.start > s.body.end) out.push(`${s.id}: body outside its span`);
      if (s.heading) sliceOk(text, s.heading.span, s.heading.text, `${s.id} heading`, out);
      if (s.marker.span) sliceOk(text, s.marker.span, s.marker.text, `${s.id} marker`, out);
      if (s.children.length) {
        if (s.children[0].span.start !== s.body.end) out.push(`${s.id}: first child does not start where the body ends`);
        tile(s.children, s.children[0].span.start, s.span.end, s.id);
      } else if (s.body.end !== s.span.end) {
        out.push(`${s.id}: leaf body does not reach the section end`);
      }
      at = s.span.end;
    }
    if (at !== to) out.push(`${where}: sections end at ${at}, expected ${to}`);
  };
  tile(report.sections, 0, text.length, 'top');

  // statements: in order, inside their section's body, covering every non-blank character
  const bodies = new Map<string, Span>();
  const collect = (secs: Section[]) => {
    for (const s of secs) {
      bodies.set(s.id, s.body);
      collect(s.children);
    }
  };
  collect(report.sections);
  let last = 0;
  for (const st of report.statements) {
    sliceOk(text, st.span, st.text, st.id, out);
    const body = bodies.get(st.sectionId);
    if (!body) out.push(`${st.id}: unknown section ${st.sectionId}`);
    else if (st.span.start < body.start || st.span.end > body.end) out.push(`${st.id}: outside the body of ${st.sectionId}`);
    if (st.span.start < last) out.push(`${st.id}: overlaps the statement before`);
    last = st.span.end;
    for (const it of st.items) sliceOk(text, it.span, it.text, `${st.id} item`, out);
  }
  // nothing lost: every non-blank character of a body (outside front matter) is in a statement
  const covered = new Uint8Array(text.length);
  for (const st of report.statements) covered.fill(1, st.span.start, st.span.end);
  const visitBodies = (secs: Section[]) => {
    for (const s of secs) {
      if (s.role !== 'frontmatter') {
        for (let k = s.body.start; k < s.body.end; k++) {
          if (!covered[k] && !BLANK.test(text.charAt(k))) {
            out.push(`${s.id}: character ${k} (${JSON.stringify(text.charAt(k))}) of the body is in no statement`);
            break;
          }
        }
      }
      visitBodies(s.children);
    }
  };
  visitBodies(report.sections);

  for (const p of report.placeholders) sliceOk(text, p.span, p.raw, `placeholder ${p.id}`, out);
  for (const c of report.claims) {
    sliceOk(text, c.span, c.text, `claim ${c.id}`, out);
    if (c.metric.span) sliceOk(text, c.metric.span, c.metric.text ?? '', `claim ${c.id} metric`, out);
    if (c.metric.text === '') out.push(`claim ${c.id}: an empty metric text must be null`);
    for (const q of [c.value, c.baseline, c.growth?.quantity]) if (q) sliceOk(text, q.span, q.raw, `claim ${c.id} quantity`, out);
    for (const r of c.ranks) sliceOk(text, r.span, r.raw, `claim ${c.id} rank`, out);
    if (c.period) sliceOk(text, c.period.span, c.period.text, `claim ${c.id} period`, out);
  }
  for (const d of report.duplicates) for (const o of d.occurrences) sliceOk(text, o.span, o.text, `duplicate ${d.id}`, out);
  if (report.title) sliceOk(text, report.title.span, report.title.text, 'title', out);
  return out;
}
