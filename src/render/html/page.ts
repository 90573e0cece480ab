/**
 * The shell of every HTML page: one self-contained file (no script, stylesheet, font or image from
 * anywhere), with a Content-Security-Policy that forbids any request and lets run only the page's
 * own stylesheet and script, named by their SHA-256 — so a fragment of a report that escaped
 * escaping still could not run nor load anything.
 */
import { createHash } from 'node:crypto';
import { esc } from './escape.js';

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** The CSP of a page whose only style and script are `css` and `js`. */
export function contentSecurityPolicy(css: string, js: string): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(css)}`,
    `script-src ${sha256(js)}`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export const BASE_CSS = `
:root{--ink:#1d2430;--mute:#5b6472;--line:#dde1e7;--bg:#f6f7f9;--card:#fff;--acc:#1f5fbf;--top:3.2rem;
--ui:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;
--read:"Noto Serif CJK SC","Source Han Serif SC","Songti SC",SimSun,serif}
*{box-sizing:border-box}
html{scroll-padding-top:calc(var(--top) + 1rem)}
body{margin:0;font:14px/1.5 var(--ui);color:var(--ink);background:var(--bg)}
a{color:var(--acc)}
header.top{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center;min-height:var(--top);
padding:.45rem 1rem;background:#fff;border-bottom:1px solid var(--line);box-shadow:0 1px 3px #0000000d}
header.top h1{font-size:15px;margin:0;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:40ch}
footer.meta{color:var(--mute);font-size:12px;text-align:center;padding:0 1rem 1.5rem}
main{padding:1rem;max-width:1500px;margin:0 auto}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1rem 1.2rem;margin:0 0 1rem}
h2{font-size:17px;margin:0 0 .5rem;word-break:break-all}
h3{font-size:14px;margin:.8rem 0 .4rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--mute);font-size:12px;background:#fafbfc;position:sticky;top:0}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.text{font:17px/2 var(--read);white-space:pre-wrap;word-wrap:break-word;overflow-wrap:anywhere;max-width:46em;margin:0}
.muted{color:var(--mute)}
.pill{display:inline-block;padding:0 .45em;border-radius:9px;font-size:12px;line-height:1.6;border:1px solid var(--line);background:#fff;white-space:nowrap}
.e{color:#b3261e;font-weight:600}.w{color:#8a5a00;font-weight:600}.i{color:#3d5a80}
.hit{animation:hit 2s ease-out}
@keyframes hit{0%,40%{outline:3px solid #ff9800;outline-offset:1px;background:#ffe082}100%{outline:3px solid #ff980000}}
.tip{position:fixed;z-index:20;max-width:min(30rem,92vw);background:#1d2430;color:#fff;border-radius:6px;padding:.5rem .7rem;
font:13px/1.5 var(--ui);box-shadow:0 4px 14px #0004}
.tip b{color:#ffd54f}.tip a{color:#9ecbff;cursor:pointer}.tip .r{margin:.15rem 0}.tip .r+.r{border-top:1px solid #fff3;padding-top:.3rem}
.tip ul{margin:.2rem 0 0;padding-left:1.1rem}
@media print{
header.top{position:static;box-shadow:none}
.noprint,.tip{display:none!important}
body{background:#fff}
.card{border:0;padding:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

/**
 * The one script every page shares: filters, go-to links, hover notes, row clicks. A filtered table
 * with data-rowpx lays out its <tbody> groups lazily (content-visibility: auto, the indicators page):
 * a group off the screen keeps the height it had when last on it, so a group whose count of rows
 * shown changed is replaced by a new one, sized at data-rowpx per row until it is laid out.
 */
export const SCRIPT = `(()=>{"use strict";
const $$=(s,r)=>Array.from((r||document).querySelectorAll(s));
const B=document.body;
const state=()=>$$("input[data-hide]").forEach(c=>B.classList.toggle("h-"+c.dataset.hide,!c.checked));
document.addEventListener("change",e=>{if(e.target.matches&&e.target.matches("input[data-hide]")){state();shown();}});
function shown(){for(const d of $$("[data-doc]")){const n=$$("li[data-f]",d).filter(li=>li.offsetParent!==null).length;const o=d.querySelector(".shown");if(o)o.textContent=String(n);}}
function flash(els){for(const x of els){x.classList.remove("hit");void x.offsetWidth;x.classList.add("hit");}setTimeout(()=>els.forEach(x=>x.classList.remove("hit")),2100);}
function go(id){const t=document.getElementById(id);if(!t)return false;const d=t.closest("[data-doc]");const k=t.dataset.f;
const all=k!==undefined&&d?$$('[data-f="'+k+'"]',d).filter(x=>x.tagName!=="LI"&&x.tagName!=="TR"):[t];
t.scrollIntoView({block:"center"});flash(all);if(k!==undefined&&d)item(d,k);return true;}
function item(d,k){for(const o of $$("li.cur",d))o.classList.remove("cur");const li=document.getElementById("l"+d.dataset.doc+"-"+k);if(!li)return;li.classList.add("cur");
const box=li.closest(".side");if(box){const a=box.getBoundingClientRect(),b=li.getBoundingClientRect();if(b.top<a.top||b.bottom>a.bottom)box.scrollTop+=b.top-a.top-a.height/3;}}
let sel=null;
function pick(tr){const d=tr.closest("[data-doc]");if(sel)sel.classList.remove("sel");for(const r of $$("tr.on",d))r.classList.remove("on");tr.classList.add("on");
const s=tr.dataset.st&&document.getElementById(tr.dataset.st);if(s){s.classList.add("sel");sel=s;}
go(tr.dataset.go);const box=d&&d.querySelector(".sentence");if(box&&s)box.textContent=s.textContent;}
document.addEventListener("click",e=>{const t=e.target;if(!(t instanceof Element))return;
const a=t.closest('a[href^="#"]');if(a){const id=decodeURIComponent(a.getAttribute("href").slice(1));if(id&&go(id)){e.preventDefault();history.replaceState(null,"","#"+id);}return;}
const tr=t.closest("tr[data-go]");if(tr){pick(tr);return;}
const m=t.closest("mark[data-f],mark[data-g]");if(m){tip(m,e);const d=m.closest("[data-doc]");if(d&&m.dataset.f!==undefined)item(d,m.dataset.f);}});
document.addEventListener("keydown",e=>{const t=e.target;if((e.key==="Enter"||e.key===" ")&&t instanceof Element&&t.matches("tr[data-go]")){e.preventDefault();pick(t);}});
const T=document.createElement("div");T.className="tip";T.hidden=true;T.setAttribute("role","tooltip");B.append(T);
let cur=null,hide=0;
document.addEventListener("mouseover",e=>{const t=e.target;if(!(t instanceof Element))return;if(t.closest(".tip")){clearTimeout(hide);return;}
const m=t.closest("mark[data-f],mark[data-g]");clearTimeout(hide);if(!m){hide=setTimeout(()=>{T.hidden=true;cur=null;},250);return;}if(m!==cur)tip(m,e);});
function el(tag,text,cls){const x=document.createElement(tag);if(text!==undefined)x.textContent=text;if(cls)x.className=cls;return x;}
function link(label,id){const a=el("a",label);a.setAttribute("href","#"+id);return a;}
function tip(m,ev){const d=m.closest("[data-doc]");if(!d)return;cur=m;const n=d.dataset.doc;T.replaceChildren();
for(let x=m;x&&d.contains(x);x=x.parentElement&&x.parentElement.closest("mark[data-f],mark[data-g]")){
const r=el("div",undefined,"r");
if(x.dataset.f!==undefined){const li=document.getElementById("l"+n+"-"+x.dataset.f);if(!li)continue;
r.append(el("b",li.dataset.rule),document.createTextNode(" "+li.dataset.sev+" · "+(li.querySelector(".pos")||{}).textContent+" "),el("div",(li.querySelector(".why")||{}).textContent));
if(li.dataset.g)others(r,d,n,li.dataset.g,li);}
else{r.append(el("b",x.dataset.rule),document.createTextNode(" first place, at "+x.dataset.pos));others(r,d,n,x.dataset.g,null);}
T.append(r);}
if(!T.childNodes.length)return;T.hidden=false;const rs=Array.from(m.getClientRects());
const b=(ev&&rs.find(r=>ev.clientY>=r.top&&ev.clientY<=r.bottom))||rs[0]||m.getBoundingClientRect();const w=T.offsetWidth,h=T.offsetHeight;
let top=b.bottom+6;if(top+h>innerHeight-4)top=Math.max(4,b.top-h-6);T.style.top=top+"px";T.style.left=Math.max(4,Math.min(b.left,innerWidth-w-8))+"px";}
function others(r,d,n,g,self){const ul=el("ul");const ref=document.getElementById("r"+n+"-"+g);
if(ref&&ref!==self){const li=el("li");li.append(link("first at "+ref.dataset.pos,ref.id));ul.append(li);}
for(const o of $$('li[data-g="'+g+'"]',d)){if(o===self)continue;const li=el("li");li.append(link("also at "+(o.querySelector(".pos")||{}).textContent,"m"+n+"-"+o.dataset.f));ul.append(li);}
if(ul.childNodes.length){r.append(el("div",ul.childNodes.length+1+" places:"),ul);}}
document.addEventListener("input",e=>{const f=e.target;if(!(f instanceof HTMLInputElement)||!f.dataset.filter)return;const q=f.value.trim().toLowerCase();const t=document.getElementById(f.dataset.filter);
if(!t)return;const px=Number(t.dataset.rowpx)||0;
for(const b of $$("tbody",t)){let n=0;for(const r of b.rows){r.hidden=q!==""&&!r.textContent.toLowerCase().includes(q);if(!r.hidden)n++;}
if(!px)continue;
if(b.dataset.n===String(n))continue;const c=b.cloneNode(false);c.dataset.n=String(n);c.hidden=n===0;c.style.containIntrinsicHeight=n*px+"px";c.append(...b.childNodes);b.replaceWith(c);}});
state();
})();`;

export interface PageOptions {
  title: string;
  /** CSS of this page, after BASE_CSS */
  css?: string;
  /** shown at the foot of the page: the tool and its version */
  generator: string;
  /** HTML of the top bar after the title (filters), already escaped */
  bar?: string;
  /** a class on <body> (the page kind) */
  kind: string;
}

/**
 * A whole page around `body` (pieces of HTML, already escaped), as pieces: a page of a batch is
 * several MB, never built as one string.
 */
export function* page(options: PageOptions, body: Iterable<string>): Generator<string> {
  const css = BASE_CSS + (options.css ?? '');
  // the inline style and script must be exactly what their hashes name: no whitespace added around them
  yield '<!DOCTYPE html>\n<html lang="zh-Hans">\n<head>\n<meta charset="utf-8">\n';
  yield `<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(css, SCRIPT))}">\n`;
  yield '<meta name="viewport" content="width=device-width, initial-scale=1">\n';
  yield '<meta name="referrer" content="no-referrer">\n';
  yield `<meta name="generator" content="${esc(options.generator)}">\n`;
  yield `<title>${esc(options.title)}</title>\n<style>${css}</style>\n</head>\n`;
  yield `<body class="${esc(options.kind)}">\n<header class="top"><h1>${esc(options.title)}</h1>${options.bar ?? ''}</header>\n<main>\n`;
  yield* body;
  yield `\n</main>\n<footer class="meta">made by ${esc(options.generator)}</footer>\n<script>${SCRIPT}</script>\n</body>\n</html>\n`;
}
