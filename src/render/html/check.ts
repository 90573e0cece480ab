/**
 * `baogao check --format html`: the checked drafts as one page. For each draft its text as it
 * reads, every finding marked in place (a colour per rule, the underline per severity; the first
 * place of a repeat outlined), and beside it the list of findings — each a link to its mark. The top
 * bar filters by rule and severity; hovering (or tapping) a mark shows its reasons and, for repeats,
 * the other places. A batch starts with an index: one line per file with its counts.
 *
 * Takes the same CheckResult as the other renderers (stylish, json, sarif) and nothing else.
 */
import type { CheckResult, FileReport, Finding, RuleInfo, Severity } from '../finding.js';
import { countSeverities } from '../finding.js';
import { attr, esc } from './escape.js';
import { markedText, type MarkSpan } from './marks.js';
import { page } from './page.js';

export interface CheckHtmlOptions {
  /** "baogao 0.1.0" */
  generator: string;
  /** the rules, in the order the legend and the filters show them */
  rules: readonly RuleInfo[];
  /** the per-draft line of --against: "reuses 31% of its sentences from …" */
  reuseLine?: (r: FileReport['reuse'][number]) => string;
}

/** Background and ink of each rule, in the order of `rules`; rules past the palette are grey. */
const PALETTE: Array<[string, string]> = [
  ['#ffd3d0', '#c62828'], // placeholder
  ['#ffe2bf', '#d35400'], // repeated-clause
  ['#e8dcff', '#5e35b1'], // duplicate-sentence
  ['#d3e6ff', '#1565c0'], // duplicate-paragraph
  ['#cdf0ea', '#00796b'], // near-duplicate
  ['#fbf0a8', '#8d6e00'], // repeated-phrase
  ['#d7f2cc', '#2e7d32'], // reused-sentence
];
const GREY: [string, string] = ['#e3e6ea', '#546e7a'];

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const SEV_CLASS: Record<Severity, string> = { error: 'e', warning: 'w', info: 'i' };

const CSS = `
mark{color:inherit;background:none;border-bottom:2px solid transparent;border-radius:2px;padding:0 1px;cursor:help}
mark.se{border-bottom-width:3px;border-bottom-style:solid}mark.sw{border-bottom-style:dashed}mark.si{border-bottom-style:dotted}
mark.ref{background:none!important;outline:1.5px dashed;outline-offset:0}
.filters{display:flex;flex-wrap:wrap;gap:.25rem .4rem;align-items:center}
.filters label{display:inline-flex;align-items:center;gap:.3rem;padding:.05rem .5rem;border:1px solid var(--line);border-radius:12px;font-size:12px;cursor:pointer;user-select:none;background:#fff}
.filters label:has(input:not(:checked)){opacity:.45;text-decoration:line-through}
.filters input{margin:0}
.filters .c{color:var(--mute)}
.filters .sep{width:1px;height:1.2rem;background:var(--line);margin:0 .2rem}
.swatch{display:inline-block;width:1.1em;height:.9em;border-radius:2px;border-bottom:3px solid}

.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(17rem,24rem);gap:1.5rem;align-items:start}
.side{position:sticky;top:calc(var(--top) + .6rem);max-height:calc(100vh - var(--top) - 1.2rem);overflow:auto;border-left:1px solid var(--line);padding-left:1rem}
.side summary{font-weight:600;cursor:pointer;margin-bottom:.3rem}
ol.fl{list-style:none;margin:0;padding:0}
ol.fl li{border-bottom:1px solid #eef0f3}
ol.fl a{display:block;padding:.3rem .35rem;color:inherit;text-decoration:none;border-left:3px solid transparent}
ol.fl a:hover,ol.fl a:focus{background:#f1f5fb;border-left-color:var(--acc)}ol.fl li.cur a{background:#fff3c4;border-left-color:#ff9800}
ol.fl .pos{font:12px ui-monospace,monospace;color:var(--mute);margin-right:.3rem}
ol.fl .rule{font-size:11px;font-weight:600;margin-right:.3rem}
ol.fl .why{display:block;font-size:13px;overflow-wrap:anywhere}
ol.fl li.se .pos{color:#b3261e}ol.fl li.sw .pos{color:#8a5a00}
.sum{display:flex;flex-wrap:wrap;gap:.4rem;margin:0 0 .8rem}
.doc+.doc{content-visibility:auto;contain-intrinsic-size:auto 3000px}
.legend-box summary{cursor:pointer}.legend-box .key{display:inline-flex;align-items:center;gap:.3rem;margin:0 .8rem 0 .3rem;font-size:13px}
.legend{margin-top:.6rem!important;display:grid;grid-template-columns:max-content 1fr;gap:.25rem .8rem;font-size:13px;margin:0}
.legend dt{font-weight:600;white-space:nowrap}.legend dd{margin:0;color:var(--mute)}
.index td a{word-break:break-all}
.bad{color:#b3261e}
@media (max-width:820px){
main{padding:.5rem}.card{padding:.7rem}
.cols{grid-template-columns:1fr}
.side{position:static;max-height:45vh;border-left:0;border-top:1px solid var(--line);padding:.5rem 0 0;order:-1}
.text{font-size:16px;line-height:1.9}
header.top{position:static}
}
@media print{
.cols{display:block}.side{position:static;max-height:none;overflow:visible;border:0;padding:0}
.doc{break-before:page;content-visibility:visible}
.text{font-size:12pt;line-height:1.8;max-width:none}
mark{border-bottom-width:2px}
}
`;

function ruleCss(k: number, bg: string, ink: string): string {
  return (
    `mark.k${k}{background:${bg};border-bottom-color:${ink}}mark.ref.k${k}{outline-color:${ink}}.swatch.k${k}{background:${bg};border-color:${ink}}` +
    `ol.fl li.k${k} .rule{color:${ink}}ol.fl li.k${k} a{border-left-color:${bg}}` +
    `.h-k${k} li.k${k}{display:none}.h-k${k} mark.k${k}{background:none!important;border-bottom-color:transparent!important;outline:0!important;cursor:auto}`
  );
}

function sevCss(c: string): string {
  return `.h-s${c} li.s${c}{display:none}.h-s${c} mark.s${c}{background:none!important;border-bottom-color:transparent!important;outline:0!important;cursor:auto}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function countPills(fs: readonly Finding[]): string {
  const c = countSeverities(fs);
  return (
    `<span class="pill e">${plural(c.errors, 'error')}</span><span class="pill w">${plural(c.warnings, 'warning')}</span>` +
    `<span class="pill i">${c.info} info</span>`
  );
}

/** A finding's group: the findings of one repeat share the place of its first occurrence. */
function groupKey(f: Finding): string | null {
  const r = f.related?.[0];
  return r ? `${f.ruleId}|${r.file}|${r.place.start.offset}|${r.place.end.offset}` : null;
}

function* filePart(file: FileReport, d: number, ruleIndex: (id: string) => number, options: CheckHtmlOptions): Generator<string> {
  const fs = file.findings;
  yield `<section class="doc card" id="d${d}" data-doc="${d}">\n<h2>${esc(file.file)}</h2>\n`;
  yield `<div class="sum">${countPills(fs)}<span class="pill noprint"><span class="shown">${fs.length}</span> shown</span></div>\n`;
  for (const r of file.reuse) if (options.reuseLine) yield `<p class="muted">${esc(options.reuseLine(r))}</p>\n`;
  const groups = new Map<string, number>();
  const spans: MarkSpan[] = [];
  const items: string[] = [];
  fs.forEach((f, i) => {
    const k = ruleIndex(f.ruleId);
    const s = SEV_CLASS[f.severity] ?? 'i';
    const key = groupKey(f);
    let g = '';
    if (key !== null) {
      let n = groups.get(key);
      if (n === undefined) {
        n = groups.size;
        groups.set(key, n);
        const r = f.related![0];
        // the first place of a repeat, in this file: outlined, with the list of the others
        if (r.file === f.file && file.text !== undefined) {
          spans.push({
            start: r.place.start.offset,
            end: r.place.end.offset,
            tag: 'mark',
            attrs: ` class="k${k} s${s} ref" data-g="g${n}" data-rule="${attr(f.ruleId)}" data-pos="${r.place.start.line}:${r.place.start.column}"`,
            first: ` id="r${d}-g${n}"`,
          });
        }
      }
      g = ` data-g="g${n}"`;
    }
    spans.push({ start: f.place.start.offset, end: f.place.end.offset, tag: 'mark', attrs: ` class="k${k} s${s}" data-f="${i}"`, first: ` id="m${d}-${i}"` });
    const pos = `${f.place.start.line}:${f.place.start.column}`;
    items.push(
      `<li class="k${k} s${s}" id="l${d}-${i}" data-f="${i}" data-rule="${attr(f.ruleId)}" data-sev="${f.severity}"${g}>` +
        `<a href="#m${d}-${i}"><span class="pos">${pos}</span><span class="rule">${esc(f.ruleId)}</span><span class="why">${esc(f.reason)}</span></a></li>`,
    );
  });
  yield '<div class="cols">\n<div class="text" lang="zh-Hans">';
  if (file.text !== undefined) yield* markedText(file.text, spans);
  else yield '<span class="muted">(text not available)</span>';
  yield '</div>\n<aside class="side"><details open><summary>Findings</summary>\n<ol class="fl">';
  if (items.length === 0) yield '<li class="muted">No findings.</li>';
  for (const li of items) yield li;
  yield '</ol></details></aside>\n</div>\n</section>\n';
}

/** The page of `check --format html`, as pieces. */
export function* renderCheckHtml(result: CheckResult, options: CheckHtmlOptions): Generator<string> {
  // rules in the given order, then any other rule a finding names
  const order = options.rules.map((r) => r.id);
  for (const f of result.files) for (const x of f.findings) if (!order.includes(x.ruleId)) order.push(x.ruleId);
  const index = new Map(order.map((id, k) => [id, k]));
  const ruleIndex = (id: string) => index.get(id) ?? 0;
  const all = result.files.flatMap((f) => f.findings);
  const perRule = new Map<string, number>();
  for (const f of all) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
  const perSev = countSeverities(all);

  let css = CSS;
  order.forEach((id, k) => {
    const [bg, ink] = PALETTE[k] ?? GREY;
    css += ruleCss(k, bg, ink);
  });
  for (const s of SEVERITIES) css += sevCss(SEV_CLASS[s]);

  // the filters: a rule is listed when it has findings; every severity is
  let bar = '<div class="filters noprint" aria-label="filters">';
  order.forEach((id, k) => {
    const n = perRule.get(id) ?? 0;
    if (n) bar += `<label title="${attr(id)}"><input type="checkbox" data-hide="k${k}" checked><span class="swatch k${k}"></span>${esc(id)} <span class="c">${n}</span></label>`;
  });
  bar += '<span class="sep"></span>';
  const sevCount: Record<Severity, number> = { error: perSev.errors, warning: perSev.warnings, info: perSev.info };
  for (const s of SEVERITIES) {
    bar += `<label><input type="checkbox" data-hide="s${SEV_CLASS[s]}" checked><span class="${SEV_CLASS[s]}">${s}</span> <span class="c">${sevCount[s]}</span></label>`;
  }
  bar += '</div>';

  const title = result.files.length === 1 && result.unreadable.length === 0 ? `baogao check — ${result.files[0].file}` : `baogao check — ${plural(result.files.length, 'draft')}`;
  const body = function* (): Generator<string> {
    if (result.files.length > 1 || result.unreadable.length) {
      yield '<section class="card index"><h2>Drafts</h2>\n<table><thead><tr><th>file</th><th class="n">errors</th><th class="n">warnings</th><th class="n">info</th></tr></thead><tbody>\n';
      for (const [d, f] of result.files.entries()) {
        const c = countSeverities(f.findings);
        yield `<tr><td><a href="#d${d}">${esc(f.file)}</a></td><td class="n${c.errors ? ' e' : ''}">${c.errors}</td><td class="n${c.warnings ? ' w' : ''}">${c.warnings}</td><td class="n">${c.info}</td></tr>\n`;
      }
      for (const u of result.unreadable) yield `<tr><td class="bad">${esc(u.file)}</td><td colspan="3" class="bad">${esc(u.code)}: ${esc(u.message)}</td></tr>\n`;
      yield '</tbody></table></section>\n';
    }
    // the legend: the colours in one line, what each rule means when opened
    const shown = [...order.entries()].filter(([, id]) => perRule.has(id));
    yield '<details class="card legend-box"><summary><b>Legend</b> ';
    for (const [k, id] of shown) yield `<span class="key"><span class="swatch k${k}"></span>${esc(id)}</span>`;
    yield '<span class="key muted">underline: solid error · dashed warning · dotted info · outline: first place of a repeat</span></summary><dl class="legend">';
    for (const [k, id] of shown) {
      const info = options.rules.find((r) => r.id === id);
      yield `<dt><span class="swatch k${k}"></span> ${esc(id)}</dt><dd>${esc(info?.description ?? '')}</dd>`;
    }
    yield '</dl></details>\n';
    for (const [d, f] of result.files.entries()) yield* filePart(f, d, ruleIndex, options);
    if (result.files.length === 0) yield '<p class="card muted">No draft could be read.</p>';
  };
  yield* page({ title, css, generator: options.generator, bar, kind: 'check' }, body());
}
