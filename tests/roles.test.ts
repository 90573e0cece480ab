/**
 * Section roles (issue #16): the part of a report that sets the coming work is `plans` in every
 * layout, review parts stay `body`, and children take their part's role. Checked over the whole
 * corpus (../shared/corpus: zh/, series/, gbk/, docx/ and the seed) and on real headings written
 * in each layout of the genre.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSections, walkSections } from '../src/sections/index.js';
import { readDocument } from '../src/read/index.js';
import { analyze } from '../src/index.js';
import type { Section } from '../src/schema/index.js';

const corpus = new URL('../../shared/corpus/', import.meta.url).pathname;
const list = (dir: string) => readdirSync(join(corpus, dir)).sort().map((f) => join(dir, f));
/** Every work report of the corpus: government, discipline-commission, congress, the seed 述职报告. */
const reports = [
  ...list('zh'),
  ...list('series/national'),
  ...list('series/guangdong'),
  ...list('gbk'),
  ...list('docx'),
  '000_304eac767b8a3bea.txt',
];
/** Files skipped, each with its reason. None today. */
const SKIP: Record<string, string> = {};

/** The report's text: .docx through the reader, the GBK files decoded as their names say, the rest UTF-8. */
async function textOf(rel: string): Promise<string> {
  if (rel.endsWith('.docx')) return (await readDocument(join(corpus, rel))).text;
  const buf = readFileSync(join(corpus, rel));
  return new TextDecoder(rel.endsWith('.gbk.txt') ? 'gb18030' : 'utf-8').decode(buf);
}

// reports open with a title, a date line and 各位代表：现在，我代表…。 — the opening paragraph
const OPENING = '各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。\n';
const REVIEW = '过去一年，是实现“十四五”规划目标任务的关键一年。全省地区生产总值增长5.7%。';
const PLAN = '今年是“十四五”规划收官之年。全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。';

function topRoles(text: string): Array<[string, string]> {
  return splitSections(text).sections.map((s) => [s.heading?.text ?? `(${s.marker.kind})`, s.role]);
}

describe('the plans part over the corpus', () => {
  const results = new Map<string, Section[]>();
  it.each(reports)('%s has a top-level plans part', async (rel) => {
    if (SKIP[rel]) return;
    const { sections } = splitSections(await textOf(rel));
    results.set(rel, sections);
    const plans = sections.filter((s) => s.role === 'plans');
    expect(plans.length, `${rel}: top-level roles ${sections.map((s) => s.role).join(' ')}`).toBeGreaterThan(0);
  });

  it.each(reports)('%s: its review parts stay body, and children of plans parts are plans', async (rel) => {
    const sections = results.get(rel) ?? splitSections(await textOf(rel)).sections;
    for (const s of sections) {
      if (s.heading && /回顾/.test(s.heading.text)) expect(s.role, `${rel}: ${s.heading.text}`).toBe('body');
      if (s.role === 'plans' && s.marker.kind !== 'none') {
        for (const d of walkSections(s.children)) expect(d.role, `${rel}: ${d.heading?.text ?? d.marker.text} under ${s.heading?.text}`).toBe('plans');
      }
    }
  });
});

describe('plans headings of the genre, in every layout', () => {
  // real headings: national 2013 (对今年政府工作的建议), Hunan 2025 (关于2025年工作), national 2020,
  // Wuhan 2024, Heilongjiang 2025, national 2013, Sichuan 2025, CCDI 2012 and 2017, Shandong 2023
  const headings = [
    '对今年政府工作的建议',
    '关于2025年工作',
    '今年发展主要目标和下一阶段工作总体部署',
    '2024年重点工作',
    '2025年工作总体要求',
    '今年经济社会发展的总体要求、主要预期目标和宏观经济政策',
    '2025年工作安排建议',
    '进一步加强党风廉政建设和反腐败工作的建议',
    '今后五年的工作建议',
    '今后五年的目标任务',
  ];
  const layouts: Array<[string, (h: string) => string]> = [
    ['一、', (h) => `二、${h}`],
    ['第二部分', (h) => `第二部分　${h}`],
    ['##', (h) => `## 二、${h}`],
    ['**bold**', (h) => `**二、${h}**`],
    ['unnumbered', (h) => h],
  ];
  for (const [name, layout] of layouts) {
    it.each(headings)(`${name}: %s`, (h) => {
      const review = name === 'unnumbered' ? '2024年工作回顾' : layout('2024年工作回顾').replace('二、', '一、').replace('第二部分', '第一部分');
      const text = `2025年政府工作报告\n${OPENING}${review}\n${REVIEW}\n${layout(h)}\n${PLAN}\n`;
      const roles = topRoles(text);
      expect(roles.find(([t]) => t === '2024年工作回顾')?.[1]).toBe('body');
      expect(roles.find(([t]) => t === h)?.[1], JSON.stringify(roles)).toBe('plans');
    });
  }
});

describe('the rule of the coming year', () => {
  const doc = (title: string, heads: string[]) => `${title}\n${OPENING}${heads.map((h, i) => `${'一二三四'[i]}、${h}\n${REVIEW}\n`).join('')}`;

  it('a heading naming the report year and its work is plans; the year before is not (Hunan 2025 titles)', () => {
    const roles = topRoles(doc('2025年湖南省政府工作报告', ['2024年工作', '关于2025年工作']));
    expect(roles.slice(1)).toEqual([
      ['2024年工作', 'body'],
      ['关于2025年工作', 'plans'],
    ]);
  });

  it('the year may be written in full-width or Chinese digits (２０２５年, 二〇二五年)', () => {
    expect(topRoles(doc('２０２５年湖南省政府工作报告', ['２０２４年工作', '关于２０２５年工作'])).slice(1).map(([, r]) => r)).toEqual(['body', 'plans']);
    expect(topRoles(doc('二〇二五年湖南省政府工作报告', ['二〇二四年工作', '关于二〇二五年工作'])).slice(1).map(([, r]) => r)).toEqual(['body', 'plans']);
  });

  it('a review heading that names the year is body (national 2020: 2019年和今年以来工作回顾)', () => {
    const roles = topRoles(doc('政府工作报告\n——2020年5月22日在第十三届全国人民代表大会第三次会议上', ['2019年和今年以来工作回顾', '今年发展主要目标和下一阶段工作总体部署']));
    expect(roles.slice(1).map(([, r]) => r)).toEqual(['body', 'plans']);
  });

  it("a later horizon counts: Sichuan 2021's 十四五规划和2035年远景目标的总体考虑", () => {
    const roles = topRoles(doc('2021年四川省政府工作报告', ['2020年工作回顾和“十三五”发展主要成就', '“十四五”规划和2035年远景目标的总体考虑']));
    expect(roles.slice(1).map(([, r]) => r)).toEqual(['body', 'plans']);
  });

  it("a section whose opening paragraphs set the year's work is plans (Fujian 2025: 二、牢记历史使命…)", () => {
    const text =
      `2025年福建省政府工作报告\n${OPENING}一、牢记殷殷嘱托，在接续奋斗中新福建建设取得新成效\n${REVIEW}\n` +
      '二、牢记历史使命，在中国式现代化建设中奋勇争先\n厚望如山，使命如磐。在中国式现代化建设中奋勇争先，是习近平总书记赋予我们新的重大历史使命。\n' +
      '2025年是“十四五”规划收官、“十五五”规划谋划之年，也是进一步全面深化改革的重要一年。\n';
    const headed = (t: string) => splitSections(t).sections.filter((s) => s.heading).map((s) => s.role);
    expect(headed(text)).toEqual(['body', 'plans']);
    // the same paragraph naming the year under review does not, nor does it start a plans part
    expect(topRoles(text.replace('2025年是', '2024年是')).slice(1).map(([, r]) => r)).toEqual(['body', 'body']);
  });

  it('later top-level parts continue the plans part until an appendix (national 2015; Guangdong 2025 appendices)', () => {
    const text =
      `政府工作报告\n——2015年3月5日在第十二届全国人民代表大会第三次会议上\n${OPENING}一、2014年工作回顾\n${REVIEW}\n二、2015年工作总体部署\n${PLAN}\n` +
      `三、把改革开放扎实推向纵深\n${PLAN}\n四、切实加强政府自身建设\n${PLAN}\n` +
      `附件1\n2015年省十件民生实事\n一、为老年人提供健康管理、医养结合服务\n${PLAN}\n` +
      `附件2 名词解释\n1.“两重”：国家重大战略实施和重点领域安全能力建设。\n`;
    expect(topRoles(text).slice(1)).toEqual([
      ['2014年工作回顾', 'body'],
      ['2015年工作总体部署', 'plans'],
      ['把改革开放扎实推向纵深', 'plans'],
      ['切实加强政府自身建设', 'plans'],
      // the appended pledges of the report's year are plans, its glossary is body
      ['附件1', 'plans'],
      ['附件2 名词解释', 'body'],
    ]);
    // the appended list nests under its 附件 heading and takes its role
    const appendix = splitSections(text).sections.find((s) => s.heading?.text === '附件1')!;
    expect(appendix.children.map((c) => [c.heading?.text, c.role])).toEqual([['为老年人提供健康管理、医养结合服务', 'plans']]);
    // the same list under a past year's title is not
    const past = splitSections(text.replace('2015年省十件民生实事', '2014年省十件民生实事')).sections.find((s) => s.heading?.text === '附件1')!;
    expect(past.role).toBe('body');
  });

  it('a task heading that names a problem is not a problems part (Yunnan 2025: 解决一批群众身边的突出生态环境问题)', () => {
    const text = `2025年云南省政府工作报告\n${OPENING}一、2024年工作回顾\n${REVIEW}\n二、2025年重点任务\n${PLAN}\n（八）解决一批群众身边的突出生态环境问题\n${PLAN}\n`;
    const all = [...walkSections(splitSections(text).sections)];
    expect(all.find((s) => s.heading?.text.startsWith('解决'))?.role).toBe('plans');
  });

  it('述职报告 layouts: 存在的不足 is problems, 下步打算 / 工作设想 are plans (heading cues of the genre)', () => {
    const text = `2022年度述职报告\n${OPENING}一、2022年主要工作\n${REVIEW}\n二、存在的不足\n${REVIEW}\n三、下步打算\n${PLAN}\n`;
    expect(topRoles(text).slice(1).map(([, r]) => r)).toEqual(['body', 'problems', 'plans']);
    expect(topRoles(text.replace('下步打算', '2023年工作设想')).slice(1).map(([, r]) => r)).toEqual(['body', 'problems', 'plans']);
  });

  it('a review heading ends a plans part, even one without 回顾 (19th congress: 过去五年的工作和历史性变革)', () => {
    const text = `2017年报告\n${OPENING}一、2017年工作安排\n${PLAN}\n二、过去五年的工作和历史性变革\n${REVIEW}\n三、新时代中国共产党的历史使命\n${REVIEW}\n`;
    expect(topRoles(text).slice(1).map(([, r]) => r)).toEqual(['plans', 'body', 'body']);
  });

  it('closing cues typed with half-width punctuation count (Xizang 2025: 各位代表!…)', () => {
    const text =
      `2025年西藏政府工作报告\n${OPENING}一、2024年工作回顾\n${REVIEW}\n二、2025年工作安排\n${PLAN}\n` +
      '各位代表!新形势新任务对政府工作提出了新的更高要求。\n各位代表!大道至简，实干为要。让我们更加紧密地团结在以习近平同志为核心的党中央周围。\n';
    expect(topRoles(text).map(([, r]) => r)).toEqual(['preamble', 'body', 'plans', 'closing']);
  });
});

describe('a review keeps its role over plan words in its sub-headings', () => {
  it('prov-guangdong-2020: （一）坚决贯彻落实…“六稳”工作部署 under 一、2019年工作回顾 stays body', () => {
    const text = '**一、2019年工作回顾**\n\n（一）坚决贯彻落实中央宏观调控政策和“六稳”工作部署，推动全省经济持续健康发展。全省地区生产总值10.77万亿元、同比增长6.2%。\n\n**二、2020年工作安排**\n\n（一）扎实做好“六稳”工作。\n';
    const r = analyze(text, { duplicates: false });
    const review = r.sections.find((s) => s.heading?.text.includes('回顾'))!;
    expect(review.role).toBe('body');
    expect(review.children[0].role).toBe('body');
    expect(r.claims.find((c) => c.value?.raw === '10.77万亿元')?.modality).toBe('actual');
  });
});
