/**
 * Units as written after a number: an optional scale (万亿, 亿, 万, 千…) and a base unit (元, 人次,
 * 吨, %, 个百分点, 倍…), from dictionaries/units.json, loaded once.
 */
import { loadJson } from '../dictionaries.js';

interface UnitsDict {
  scales: Record<string, number>;
  percent: string[];
  multiples: string[];
  units: string[];
  bounds: { gte: string[]; lte: string[]; approx: string[] };
}

export interface UnitMatch {
  /** the unit as written: 亿元, 万人次, %, 个百分点 */
  unit: string;
  /** the scale prefix, or '' */
  scale: string;
  factor: number;
  /** the unit with the scale folded out: 元, 人次, % */
  base: string;
  end: number;
  kind: 'percent' | 'multiple' | 'unit' | 'scale';
}

interface Compiled {
  raw: UnitsDict;
  scales: Array<[string, number]>;
  /** base units by first code unit, longest first: tried after every number */
  basesByFirst: Map<number, Array<[string, UnitMatch['kind']]>>;
}
let compiled: Compiled | null = null;

export function unitsDict(): Compiled {
  if (compiled) return compiled;
  const raw = loadJson<UnitsDict>('units.json');
  const scales = Object.entries(raw.scales).sort((a, b) => b[0].length - a[0].length);
  const bases: Array<[string, UnitMatch['kind']]> = [
    ...raw.percent.map((u) => [u, 'percent'] as [string, UnitMatch['kind']]),
    ...raw.multiples.map((u) => [u, 'multiple'] as [string, UnitMatch['kind']]),
    ...raw.units.map((u) => [u, 'unit'] as [string, UnitMatch['kind']]),
  ].sort((a, b) => b[0].length - a[0].length);
  const basesByFirst = new Map<number, Array<[string, UnitMatch['kind']]>>();
  for (const b of bases) {
    const k = b[0].charCodeAt(0);
    const list = basesByFirst.get(k);
    if (list) list.push(b);
    else basesByFirst.set(k, [b]);
  }
  compiled = { raw, scales, basesByFirst };
  return compiled;
}

function baseAt(t: string, at: number, c: Compiled): [string, UnitMatch['kind']] | null {
  const list = c.basesByFirst.get(t.charCodeAt(at));
  if (list) for (const b of list) if (t.startsWith(b[0], at)) return b;
  return null;
}

/** The unit starting at `at` in `t`, or null. */
/** A unit followed by these characters is the start of another word: 项目, 人才, 个人. */
const NOT_UNIT = /^(?:项目|项工作|人才|人员|人民|人口|人均|个人|个体|次要|次日|户籍|家庭|家长|所有|所属|所在|条件|条例|处理|处置|件事|场景|场所|批准|部门|部署|部分|台账|分析|分类|门户|套餐|间隔|天然|天气|月份|年度|年轻|年龄|年货|位置|位于|名单|名称|名誉|名义|度过|起步|起点|起来|轮候|周边|周期|周年|口岸|口号|米袋|种植|种类|种业|只有|支持|支撑|支部|列入|列为|单位|元素|元旦|级别|星期|秒杀)/;

export function unitAt(t: string, at: number): UnitMatch | null {
  const c = unitsDict();
  let scale = '';
  // 6600多万, 80余万: the bound word may come before the scale too
  if ((t.charAt(at) === '多' || t.charAt(at) === '余') && c.scales.some(([s]) => t.startsWith(s, at + 1))) at += 1;
  let factor = 1;
  for (const [s, f] of c.scales) {
    if (t.startsWith(s, at)) {
      scale = s;
      factor = f;
      break;
    }
  }
  let k = at + scale.length;
  // 万余吨, 万多人: the bound word sits between scale and unit
  let skip = 0;
  if (t.charAt(k) === '余' || t.charAt(k) === '多') skip = 1;
  // 3万多亿元: a second scale after the bound word multiplies the first (万 × 亿 = 万亿)
  if (scale && skip) {
    for (const [s2, f2] of c.scales) {
      if (t.startsWith(s2, k + skip) && f2 > factor) {
        const b2 = baseAt(t, k + skip + s2.length, c);
        const unit = scale + s2 + (b2 ? b2[0] : '');
        return { unit, scale: scale + s2, factor: factor * f2, base: b2 ? b2[0] : '', end: k + skip + s2.length + (b2 ? b2[0].length : 0), kind: b2 ? b2[1] : 'scale' };
      }
    }
  }
  let b = baseAt(t, k + skip, c);
  if (b && NOT_UNIT.test(t.slice(k + skip, k + skip + 4))) b = null;
  if (b) {
    // '个' alone before a noun that is not a unit is still a measure word: 3个项目 → 个
    return {
      unit: scale + b[0],
      scale,
      factor,
      base: b[0],
      end: k + skip + b[0].length,
      kind: b[1],
    };
  }
  if (scale) return { unit: scale, scale, factor, base: '', end: k, kind: 'scale' };
  return null;
}

/** Bound words: 以上/超过 (gte), 以内/以下 (lte), 左右/约/近/余/多 (approx). */
export function boundWords(): UnitsDict['bounds'] {
  return unitsDict().raw.bounds;
}
