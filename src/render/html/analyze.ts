/**
 * `baogao analyze --format html`: one report as a page — its outline (sections with their roles) on
 * the left, the text in the middle with headings set off and every quantified claim marked (a colour
 * per modality), and the claims as a table on the right; clicking a row scrolls to its claim and
 * shows its sentence, highlighted in the text and quoted above the table.
 */
import type { Claim, Report, Section } from '../../schema/index.js';
import { lineColumn, lineStarts } from '../../sections/lines.js';
import { attr, esc, token } from './escape.js';
import { markedText, type MarkSpan } from './marks.js';
import { page } from './page.js';

export interface AnalyzeHtmlOptions {
  /** "baogao 0.1.0" */
  generator: string;
}

const CSS = `
.analyze main{max-width:none;padding:.8rem}
.panes{display:grid;grid-template-columns:minmax(11rem,15rem) minmax(0,1fr) minmax(26rem,44%);gap:1rem;align-items:start}
.pane{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;height:calc(100vh - var(--top) - 1.8rem);overflow:auto;position:sticky;top:calc(var(--top) + .8rem)}
.stats{display:flex;flex-wrap:wrap;gap:.3rem;align-items:center}
nav.outline ol{list-style:none;margin:0;padding-left:.9rem}
nav.outline>ol{padding-left:0}
nav.outline li{margin:.15rem 0}
nav.outline a{color:inherit;text-decoration:none}
nav.outline a:hover{color:var(--acc);text-decoration:underline}
.role{font-size:11px;border-radius:8px;padding:0 .4em;margin-left:.3em;background:#eef1f5;color:#42526e;white-space:nowrap}
.role.frontmatter{background:#eceff1}.role.preamble{background:#e3f2fd;color:#0d47a1}.role.problems{background:#ffebee;color:#b71c1c}
.role.plans{background:#e8f5e9;color:#1b5e20}.role.closing{background:#f3e5f5;color:#4a148c}
.hd{font-weight:700;font-family:var(--ui)}
mark.cl{color:inherit;border-radius:2px;padding:0 1px;background:#e3eefc;border-bottom:2px solid #1f5fbf}
mark.cl.target{background:#e3f5e1;border-bottom-color:#2e7d32}mark.cl.forecast{background:#fff0d6;border-bottom-color:#c77700}
.st.sel{background:#fff7c2;box-shadow:0 0 0 2px #fff7c2}
.sentence{font:15px/1.8 var(--read);background:#fffbe6;border:1px solid #f1e3a0;border-radius:6px;padding:.4rem .6rem;margin:0 0 .6rem;min-height:2.4rem}
table.claims{font-size:13px}.pane table.claims th{top:-.8rem;z-index:1}
table.claims tbody tr{cursor:pointer}
table.claims tbody tr:hover{background:#f1f5fb}
table.claims tr.on{background:#fff3c4!important}
table.claims td.v{min-width:4em}table.claims th,table.claims td{padding:.25rem .35rem}
.mod{font-size:11px;border-radius:8px;padding:0 .4em;background:#e3eefc;color:#0d47a1}
.mod.target{background:#e3f5e1;color:#1b5e20}.mod.forecast{background:#fff0d6;color:#8a5a00}
@media (max-width:1100px){
.panes{grid-template-columns:1fr}
.pane{position:static;height:auto;max-height:none}
.pane.claims-pane{max-height:70vh}
nav.outline{max-height:40vh}
}
@media print{
.panes{display:block}.pane{position:static;height:auto;overflow:visible;border:0;padding:0;margin-bottom:1rem}
.text{font-size:12pt;max-width:none}
}
`;

/** where a section visibly starts: its marker, else its heading, else its span */
function sectionStart(s: Section): number {
  return s.marker.span?.start ?? s.heading?.span.start ?? s.span.start;
}

function* outline(sections: readonly Section[], text: string, parentRole: string | null = null): Generator<string> {
  yield '<ol>';
  for (const s of sections) {
    const marker = s.marker.kind === 'none' ? '' : s.marker.text.trim();
    const heading = s.heading ? s.heading.text.trim() : '';
    let label = `${marker}${marker && heading && /[A-Za-z0-9.]$/.test(marker) ? ' ' : ''}${heading}`;
    if (!label) label = text.slice(s.span.start, Math.min(s.span.end, s.span.start + 40)).trim().split('\n')[0] || `[${s.role}]`;
    if (label.length > 48) label = label.slice(0, 47) + '…';
    yield `<li><a href="#sec-${token(s.id)}">${esc(label)}</a>${s.role !== 'body' && s.role !== parentRole ? `<span class="role ${attr(s.role)}">${esc(s.role)}</span>` : ''}`;
    if (s.children.length) yield* outline(s.children, text, s.role);
    yield '</li>';
  }
  yield '</ol>';
}

function flatSections(list: readonly Section[], out: Section[] = []): Section[] {
  for (const s of list) {
    out.push(s);
    flatSections(s.children, out);
  }
  return out;
}

const ARROW = { up: '↑', down: '↓', flat: '→' } as const;

function value(c: Claim): string {
  if (!c.value) return '';
  return c.value.raw;
}

function growth(c: Claim): string {
  if (!c.growth) return '';
  return `${ARROW[c.growth.direction]}${c.growth.quantity ? ' ' + c.growth.quantity.raw : ''}${c.growth.average ? ' (年均)' : ''}`;
}

/** The page of `analyze --format html`, as pieces. */
export function* renderAnalyzeHtml(report: Report, text: string, file: string, options: AnalyzeHtmlOptions): Generator<string> {
  const starts = lineStarts(text);
  const lineOf = (offset: number) => lineColumn(starts, offset).line;
  const sections = flatSections(report.sections);
  const spans: MarkSpan[] = [];
  for (const s of sections) {
    spans.push({ start: sectionStart(s), end: sectionStart(s), tag: 'span', attrs: ' class="anchor"', first: ` id="sec-${token(s.id)}"` });
    const h0 = s.marker.span?.start ?? s.heading?.span.start;
    const h1 = s.heading?.span.end ?? s.marker.span?.end;
    if (h0 !== undefined && h1 !== undefined && h1 > h0 && !s.runIn) spans.push({ start: h0, end: h1, tag: 'span', attrs: ' class="hd"' });
  }
  const withClaims = new Set(report.claims.map((c) => c.statementId));
  for (const st of report.statements) {
    if (withClaims.has(st.id)) spans.push({ start: st.span.start, end: st.span.end, tag: 'span', attrs: ' class="st"', first: ` id="s-${token(st.id)}"` });
  }
  report.claims.forEach((c, i) => {
    spans.push({ start: c.span.start, end: c.span.end, tag: 'mark', attrs: ` class="cl ${attr(c.modality)}" data-f="${i}"`, first: ` id="c${i}"` });
  });

  const s = report.stats;
  const bar = `<span class="stats">${[
    `${s.characters} characters`,
    `${s.sections} sections`,
    `${s.statements} statements`,
    `${s.claims} claims`,
    `${s.placeholders} placeholders`,
    `${s.duplicates} duplicates`,
  ]
    .map((x) => `<span class="pill">${esc(x)}</span>`)
    .join('')}</span>`;
  const title = `${report.title ? report.title.text.trim() : file}`;

  const body = function* (): Generator<string> {
    yield `<div class="panes" data-doc="0">\n<nav class="pane outline" aria-label="outline"><h3>Outline</h3><p class="muted">${esc(file)}</p>`;
    yield* outline(report.sections, text);
    for (const w of report.warnings) yield `<p class="muted">warning: ${esc(w)}</p>`;
    yield '</nav>\n<article class="pane"><div class="text" lang="zh-Hans">';
    yield* markedText(text, spans);
    yield '</div></article>\n<section class="pane claims-pane"><h3>Claims</h3>';
    yield '<div class="sentence" aria-live="polite"><span class="muted">Click a row to see its sentence.</span></div>\n';
    yield '<table class="claims"><thead><tr><th class="n">line</th><th>metric</th><th>value</th><th>growth</th><th>period</th><th>modality</th></tr></thead><tbody>\n';
    for (const [i, c] of report.claims.entries()) {
      const metric = c.metric.text ?? '';
      const canon = c.metric.canonical ? `<div class="muted">${esc(c.metric.canonical)}</div>` : '';
      yield (
        `<tr data-go="c${i}" data-st="s-${token(c.statementId)}" tabindex="0"><td class="n">${lineOf(c.span.start)}</td><td>${esc(metric)}${canon}</td>` +
        `<td class="v">${esc(value(c))}</td><td class="v">${esc(growth(c))}</td><td>${esc(c.period?.text ?? '')}</td>` +
        `<td><span class="mod ${attr(c.modality)}">${esc(c.modality)}</span></td></tr>\n`
      );
    }
    if (report.claims.length === 0) yield '<tr><td colspan="6" class="muted">No quantified claims.</td></tr>';
    yield '</tbody></table></section>\n</div>\n';
  };
  yield* page({ title, css: CSS, generator: options.generator, bar, kind: 'analyze' }, body());
}
