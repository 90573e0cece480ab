/**
 * Layout families of the sections stage (issue #16): indented headings, unnumbered top headings of
 * Word files typed without numbers, whole-line bold headings, appended matter, and Word's heading
 * hints. Lines are real, from the reports named beside them (../shared/corpus).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSections, walkSections, type HeadingHint } from '../src/sections/index.js';
import type { Section } from '../src/schema/index.js';
import { analyze } from '../src/model/analyze.js';
import { violations } from './helpers/invariants.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/sections/${name}/input.txt`, import.meta.url), 'utf8');

/** The tree's shape without offsets: depth, marker kind and text, heading, role. */
function shape(sections: Section[]): string[] {
  const out: string[] = [];
  const visit = (secs: Section[], depth: number) => {
    for (const s of secs) {
      out.push(`${depth} ${s.marker.kind} ${s.marker.text} ${s.heading?.text ?? ''} ${s.role}`);
      visit(s.children, depth + 1);
    }
  };
  visit(sections, 0);
  return out;
}

// 2025年辽宁省政府工作报告 (docx), opening and headings; one heading per marker kind of the genre
const OPENING = '各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。\n';
const HEADINGS = [
  '第一部分 2024年工作回顾',
  '一、2024年工作回顾',
  '（一）政策举措加力见效。坚持把稳实体经济作为稳增长的着力点。',
  '1.抢抓政策机遇，全方位扩大内需。',
  '（1）坚持创新驱动，加快建设科技强省。',
  '①持续精准发力，坚定调整产业结构。',
  '## 二、2025年工作安排',
  '**三、全面提升政府现代化治理水平**',
  '##\u2003四、全面提升政府现代化治理水平',
];
const BODY = '过去一年，是实现“十四五”规划目标任务的关键之年，是全面振兴新突破三年行动的攻坚之年。';
/** ASCII spaces, tabs, full-width spaces, Word's em and en spaces, NBSP. */
const INDENTS = ['', ' ', '  ', '\t', '\u3000\u3000', '\u2003\u2003', '\u2002', '\u00a0', ' \u3000'];

describe('indented headings', () => {
  it('are headings as a family: any marker kind under any indentation gives the tree of the unindented text', () => {
    const plain = OPENING + HEADINGS.map((h) => `${h}\n${BODY}\n`).join('');
    const expected = shape(splitSections(plain).sections);
    expect(expected.filter((l) => !l.includes('preamble')).length).toBe(HEADINGS.length);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...INDENTS), { minLength: HEADINGS.length, maxLength: HEADINGS.length }), (indents) => {
        const text = OPENING + HEADINGS.map((h, i) => `${indents[i]}${h}\n${indents[(i + 1) % indents.length]}${BODY}\n`).join('');
        expect(shape(splitSections(text).sections)).toEqual(expected);
        expect(violations(text, analyze(text, { claims: false, duplicates: false }))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('Liaoning 2025 (Word, every paragraph indented with two em spaces) has its parts, not one section', () => {
    const text = fixture('liaoning-2025-word-emspace');
    const { sections } = splitSections(text);
    const top = sections.map((s) => s.heading?.text ?? `(${s.role})`);
    expect(top).toEqual(['(preamble)', '2024年工作回顾', '2025年工作安排', '全面提升政府现代化治理水平', '(closing)']);
    expect([...walkSections(sections)].length).toBeGreaterThan(20);
  });

  it('enumerations after an em-space indentation are found (一是… at the start of an indented line)', () => {
    const text = OPENING + '一、2024年工作回顾\n\u2003\u2003一是稳定态势持续向好。\n\u2003\u2003二是发展动能不断增强。\n';
    const items = [...walkSections(splitSections(text).sections)].filter((s) => s.marker.kind === 'enumeration');
    expect(items.map((s) => s.marker.text)).toEqual(['一是', '二是']);
  });
});

describe('unnumbered top headings in plain text (genre rule)', () => {
  it('Sichuan 2025: 2024年工作回顾 / 2025年工作安排建议 / 加强政府自身建设 are top-level, over （一）…', () => {
    const { sections } = splitSections(fixture('sichuan-2025-word-unnumbered'));
    const top = sections.map((s) => `${s.heading?.text ?? ''}:${s.role}`);
    expect(top).toEqual([':preamble', '2024年工作回顾:body', '2025年工作安排建议:plans', '加强政府自身建设:plans', ':closing', '名词解释:body']);
    expect(sections[1].children.map((c) => c.marker.text)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）']);
  });

  it('needs a paragraph that has ended before it: a short line after an open sentence is not a heading', () => {
    // 2025年西藏政府工作报告: the heading line and its paragraph, then the same line after a clause
    const heading = '2024年工作回顾';
    const para = '2024年是新中国成立75周年，是实现“十四五”规划目标任务的关键一年。';
    const good = `${OPENING}${heading}\n${para}\n`;
    const bad = `${OPENING}我们坚持稳中求进工作总基调，\n${heading}\n${para}\n`;
    expect(splitSections(good).sections.map((s) => s.heading?.text ?? null)).toContain(heading);
    expect(splitSections(bad).sections.map((s) => s.heading?.text ?? null)).not.toContain(heading);
  });

  it('is not taken before the opening paragraph (date line, speaker) nor from a table caption', () => {
    // 2025年四川省政府工作报告 opening lines; nbs-2024 table caption
    const text =
      '2025年四川省政府工作报告\n2025年1月20日在四川省第十四届人民代表大会第四次会议上\n四川省人民政府省长 施小琳\n' +
      OPENING +
      '表1　2024年年末人口数及其构成\n' +
      '年末全国人口140828万人，比上年末减少139万人。全年出生人口954万人，出生率为6.77‰。\n';
    const { sections } = splitSections(text);
    expect(sections.map((s) => s.role)).toEqual(['body']);
  });

  it('under numbered parts, a bold line is a sub-heading, not a new top-level part', () => {
    // prov-guangdong-2024: 附件1 / **2024年省十件民生实事** / 一、…
    const text = `${OPENING}一、2023年工作回顾\n${BODY}\n**附件1**\n**2024年省十件民生实事**\n一、提升就业服务能力和强化产业技能人才支撑\n${BODY}\n`;
    const { sections } = splitSections(text);
    const appendix = sections.find((s) => s.heading?.text === '附件1')!;
    // the appended pledges of the coming year (the report reviews 2023) are plans
    expect(appendix.role).toBe('plans');
    expect(appendix.level).toBe(1);
    const items = appendix.children.map((c) => `${c.marker.kind}:${c.heading?.text}`);
    expect(items).toEqual(['bold:2024年省十件民生实事', 'chinese:提升就业服务能力和强化产业技能人才支撑']);
  });
});

describe('bold lines under Markdown headings without numbers', () => {
  it('nest under the ## heading (a sub-heading), not above it', () => {
    // prov-guangdong-2024: 附件1 / 2024年省十件民生实事, here under a marker-less ## heading
    const text = `${OPENING}## 2023年工作回顾\n${BODY}\n## 附录\n**2024年省十件民生实事**\n${BODY}\n`;
    const got = shape(splitSections(text).sections);
    expect(got.filter((l) => l.includes('2024年省十件民生实事'))).toEqual(['1 bold ** 2024年省十件民生实事 plans']);
  });
});

describe("Word's heading hints", () => {
  const sichuan = fixture('sichuan-2025-word-unnumbered');
  const lineHint = (text: string, line: string, level: number): HeadingHint => {
    const at = text.indexOf(`\n${line}\n`) + 1;
    expect(at).toBeGreaterThan(0);
    return { start: at, end: at + line.length, level };
  };

  it('hinted unnumbered lines at level 0 give the top level the genre rule finds (Sichuan 2025)', () => {
    const hints = ['2024年工作回顾', '2025年工作安排建议', '加强政府自身建设'].map((l) => lineHint(sichuan, l, 0));
    expect(shape(splitSections(sichuan, hints).sections)).toEqual(shape(splitSections(sichuan).sections));
  });

  it('a hinted line is a heading even where the plain-text rule cannot see one (a heading with a comma)', () => {
    // 2025年福建省政府工作报告's part headings, typed without their numbers as Sichuan's are
    const text = fixture('fujian-2025-word-plans-opening').replace(/^(\s*)[一二三]、(牢记)/gm, '$1$2');
    const heads = ['　　牢记殷殷嘱托，在接续奋斗中新福建建设取得新成效', '　　牢记历史使命，在中国式现代化建设中奋勇争先', '　　牢记人民至上，在建设服务型政府中践行初心使命'];
    const without = splitSections(text).sections;
    expect(without.filter((s) => s.heading?.text.startsWith('牢记')).length).toBe(0);
    const { sections } = splitSections(text, heads.map((h) => lineHint(text, h, 0)));
    const top = sections.filter((s) => s.heading?.text.startsWith('牢记'));
    expect(top.map((s) => s.role)).toEqual(['body', 'plans', 'plans']);
    expect(top.map((s) => s.marker.kind)).toEqual(['none', 'none', 'none']);
    // the numbered （一） headings nest under them
    expect(top.map((s) => s.children.filter((c) => c.marker.kind === 'paren-chinese').length)).toEqual([8, 9, 5]);
  });

  it('numbered hinted lines keep their marker; an unnumbered hint between two levels nests between them', () => {
    // 2025年辽宁省政府工作报告: 一、 at level 0, （一） at level 2, an unnumbered line hinted at level 1
    const text = `${OPENING}一、2024年工作回顾\n${BODY}\n经济运行持续向好\n${BODY}\n（一）政策举措加力见效。坚持把稳实体经济作为稳增长的着力点。\n`;
    const hints = [lineHint(text, '一、2024年工作回顾', 0), lineHint(text, '经济运行持续向好', 1), lineHint(text, '（一）政策举措加力见效。坚持把稳实体经济作为稳增长的着力点。', 2)];
    const got = shape(splitSections(text, hints).sections);
    expect(got).toEqual([
      '0 none   preamble',
      '0 chinese 一、 2024年工作回顾 body',
      '1 none  经济运行持续向好 body',
      '2 paren-chinese （一） 政策举措加力见效 body',
    ]);
    expect(violations(text, analyze(text, { claims: false, duplicates: false, headings: hints }))).toEqual([]);
  });

  it('hints on the title, date and speaker lines before the opening paragraph do not make parts (Sichuan 2025)', () => {
    const hints = ['2025年1月20日在四川省第十四届人民代表大会第四次会议上', '四川省人民政府省长 施小琳'].map((l) => lineHint(sichuan, l, 0));
    hints.push({ start: 0, end: '2025年四川省政府工作报告'.length, level: 0 });
    expect(shape(splitSections(sichuan, hints).sections)).toEqual(shape(splitSections(sichuan).sections));
  });

  it('hints out of range or on blank lines are ignored, never a crash', () => {
    const text = `${OPENING}一、2024年工作回顾\n\n${BODY}\n`;
    const blank = text.indexOf('\n\n') + 1;
    const hints = [{ start: -5, end: 3, level: 0 }, { start: text.length + 10, end: text.length + 12, level: 1 }, { start: blank, end: blank, level: 0 }];
    expect(shape(splitSections(text, hints).sections)).toEqual(shape(splitSections(text).sections));
  });
});

describe('linear time on the new layout rules', () => {
  /** CPU milliseconds of one splitSections call. */
  const time = (text: string, hints?: HeadingHint[]) => {
    const c0 = process.cpuUsage();
    splitSections(text, hints);
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  // unnumbered headings between paragraphs, appendix lines, bold lines, hinted lines: each family
  // at 100K and 1M characters
  const families: Record<string, string> = {
    'unnumbered headings': `2024年工作回顾\n${BODY}\n`,
    'appendix lines': '附件1\n名词解释\n',
    'bold lines': '**2025年省十件民生实事**\n',
    'blank lines between short lines': '加强政府自身建设\n\n\n\n\n\n',
  };
  for (const [name, unit] of Object.entries(families)) {
    it(name, () => {
      const make = (n: number) => OPENING + unit.repeat(Math.ceil(n / unit.length));
      time(make(10_000));
      const small = Math.min(time(make(100_000)), time(make(100_000)));
      const large = Math.min(time(make(1_000_000)), time(make(1_000_000)));
      expect(large, `${name}: 100K ${small.toFixed(0)} ms, 1M ${large.toFixed(0)} ms`).toBeLessThanOrEqual(15 * Math.max(small, 20));
    }, 60_000);
  }
  it('hints on every line', () => {
    const make = (n: number) => {
      const text = OPENING + `加强政府自身建设\n${BODY}\n`.repeat(Math.ceil(n / 60));
      const hints: HeadingHint[] = [];
      for (let at = text.indexOf('加强'); at !== -1; at = text.indexOf('加强', at + 1)) hints.push({ start: at, end: at + 8, level: hints.length % 3 });
      return [text, hints] as const;
    };
    const [s, sh] = make(100_000);
    const [l, lh] = make(1_000_000);
    time(s, sh);
    const small = time(s, sh);
    const large = time(l, lh);
    expect(large, `100K ${small.toFixed(0)} ms, 1M ${large.toFixed(0)} ms`).toBeLessThanOrEqual(15 * Math.max(small, 20));
  }, 60_000);
});
