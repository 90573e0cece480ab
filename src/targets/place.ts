/**
 * Which place and year a report speaks for, and where that was read: the title ("2024年政府工作报告",
 * "广东省2024年国民经济和社会发展统计公报"), the front matter's title, the dateline of the first lines
 * ("——2025年1月…在广东省第十四届人民代表大会第三次会议上"), else the file name.
 *
 * A statistical communiqué (统计公报) is dated after its year: its year is the one its title names.
 */
import type { Report } from '../schema/index.js';
import { loadJson } from '../dictionaries.js';
import type { PlaceSource } from './schema.js';

interface Words {
  communique: string[];
  national: string[];
}

const words = (): Words => loadJson<Words>('targets.json');

export interface PlaceYear {
  kind: 'report' | 'communique';
  place: string | null;
  placeSource: PlaceSource | null;
  year: number | null;
  yearSource: PlaceSource | null;
}

const DIGITS = /[０-９]/g;
const fold = (s: string) => s.replace(DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

const YEAR = /((?:19|20)\d{2})\s*年/;
/** ——2024年3月5日在…, （2016年2月19日）, 2019年1月28日在… */
const DATELINE = /^[—–\-－（(]*(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?/;
/** 在广东省第十三届人民代表大会 / 在第十四届全国人民代表大会 / 在海拉尔区第十四届人民代表大会 */
const CONGRESS = /在([^在，。；\s]{0,24}?)第[一二三四五六七八九十百〇零\d]{1,6}届(全国)?人民代表大会/;
/** 浙江省省长 王浩, 海拉尔区人民政府区长, 广西壮族自治区主席 */
const SPEAKER = /^([^\d，。；：\s]{2,14}?(?:省|市|区|县|州|旗|盟|自治区))(?:人民政府)?(?:代理?)?(?:省长|市长|区长|县长|州长|旗长|盟长|主席)/;
/** 2025年北京市政府工作报告, 北京市人民政府工作报告 */
const TITLE_PLACE = /^(?:(?:19|20)\d{2}年(?:度)?)?([^\d年度]\D{0,15}?)(?:人民)?政府工作报告/;
/** 中华人民共和国2024年国民经济和社会发展统计公报 */
const COMMUNIQUE_PLACE = /^(\D{1,16}?)(?:19|20)\d{2}年(?:国民经济和社会发展)?统计公报/;

function placeName(raw: string): string | null {
  const s = raw.replace(/[\s*#“”"《》]/g, '');
  if (!s) return null;
  if (words().national.includes(s)) return '全国';
  return s;
}

function frontMatterTitle(text: string): string | null {
  if (!text.startsWith('---')) return null;
  const end = text.indexOf('\n---', 3);
  if (end < 0 || end > 4000) return null;
  const m = /^title:\s*(.+)$/m.exec(text.slice(0, end));
  return m ? m[1].trim().replace(/^["']|["']$/g, '') : null;
}

/** The first non-blank lines after any front matter, up to 15, as written. */
function headLines(text: string): string[] {
  let start = 0;
  if (text.startsWith('---')) {
    const end = text.indexOf('\n---', 3);
    if (end >= 0 && end < 4000) start = end + 4;
  }
  return text
    .slice(start, start + 3000)
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l)
    .slice(0, 15);
}

function clean(s: string): string {
  return fold(s.replace(/[*#\s]/g, ''));
}

export function placeAndYear(report: Pick<Report, 'title'>, text: string, file: string): PlaceYear {
  const out: PlaceYear = { kind: 'report', place: null, placeSource: null, year: null, yearSource: null };
  const title = report.title ? clean(report.title.text) : '';
  const fm = frontMatterTitle(text);
  const front = fm ? clean(fm) : '';
  const head = headLines(text).map(clean);
  if (words().communique.some((w) => title.includes(w) || front.includes(w) || head.slice(0, 3).some((l) => l.includes(w)))) out.kind = 'communique';

  const set = (place: string | null, year: number | null, source: PlaceSource) => {
    if (out.place === null && place) {
      out.place = place;
      out.placeSource = source;
    }
    if (out.year === null && year !== null) {
      out.year = year;
      out.yearSource = source;
    }
  };
  const fromLine = (line: string, source: PlaceSource, titleLike: boolean) => {
    // a title names its year; of the first lines, only a date (——2024年3月5日在…) or a title does
    const y = titleLike || DATELINE.test(line) || TITLE_PLACE.test(line) ? YEAR.exec(line) : null;
    const c = CONGRESS.exec(line);
    let place: string | null = c ? (c[2] ? '全国' : placeName(c[1])) : null;
    if (!place && titleLike) {
      const t = (out.kind === 'communique' ? COMMUNIQUE_PLACE : TITLE_PLACE).exec(line);
      if (t) place = placeName(t[1]);
    }
    set(place, y ? Number(y[1]) : null, source);
  };
  if (title) fromLine(title, 'title', true);
  if (front) fromLine(front, 'front-matter', true);
  let prev: string | null = null;
  for (const line of head) {
    if (out.place !== null && out.year !== null) break;
    // a communiqué's lines give its date of issue, not its year
    if (out.kind === 'communique') {
      const t = COMMUNIQUE_PLACE.exec(line);
      const bare = /^(?:(?:19|20)\d{2}年)(?:国民经济和社会发展)?统计公报/.exec(line);
      // the place on a line of its own above the title: 中华人民共和国 / 2015年国民经济和社会发展统计公报
      if (t) set(placeName(t[1]), Number(YEAR.exec(line)![1]), 'dateline');
      else if (bare) set(prev && prev.length <= 16 && !/\d/.test(prev) ? placeName(prev) : null, Number(YEAR.exec(line)![1]), 'dateline');
      prev = line;
      continue;
    }
    fromLine(line, 'dateline', false);
    if (out.place === null && /^(国务院总理|国务院)/.test(line)) set('全国', null, 'dateline');
  }
  if (out.place === null && out.kind === 'report') {
    // a dateline broken over lines (**2024年1月23日在浙江省** / **第十四届人民代表大会…**), else the
    // speaker's title (浙江省省长 王浩, 海拉尔区人民政府区长)
    const c = CONGRESS.exec(head.slice(0, 8).join(''));
    if (c) set(c[2] ? '全国' : placeName(c[1]), null, 'dateline');
    for (const line of head.slice(0, 12)) {
      if (out.place !== null) break;
      const s = SPEAKER.exec(line);
      if (s) set(placeName(s[1]), null, 'dateline');
    }
  }
  if (out.place === null || out.year === null) {
    const base = fold((file.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, ''));
    const y = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(base);
    let place: string | null = null;
    const zh = /(?:(?:19|20)\d{2}年)?(\p{Script=Han}{2,12}?)(?:人民)?(?:政府工作报告|\d{4}年?国民经济|统计公报)/u.exec(base);
    if (zh) place = placeName(zh[1]);
    else {
      // a Latin slug: the words before the year that are not a kind (national, prov, city…)
      const parts = base.toLowerCase().split(/[-_.\s]+/);
      const at = parts.findIndex((p) => /^(?:19|20)\d{2}$/.test(p));
      const before = (at >= 0 ? parts.slice(0, at) : []).filter((p) => !['prov', 'province', 'city', 'district', 'county', 'gov'].includes(p));
      if (before.length) place = before.includes('national') ? '全国' : before.join('-');
    }
    set(place, y ? Number(y[1]) : null, 'file-name');
  }
  return out;
}
