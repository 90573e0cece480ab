/**
 * Quantified claims: the cases the genre is made of, each as the sentence a report would print.
 */
import { describe, expect, it } from 'vitest';
import { analyze, parseChineseNumber, type Claim } from '../src/index.js';

const claims = (t: string): Claim[] => analyze(t, { duplicates: false }).claims;
const one = (t: string): Claim => {
  const cs = claims(t);
  expect(cs, t).toHaveLength(1);
  return cs[0];
};

describe('numbers', () => {
  it('reads Chinese numerals', () => {
    expect(parseChineseNumber('一千二百零六')).toBe(1206);
    expect(parseChineseNumber('两')).toBe(2);
    expect(parseChineseNumber('三点五')).toBe(3.5);
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('二十万')).toBe(200000);
    expect(parseChineseNumber('甲')).toBeNull();
  });

  it('reads a Chinese-numeral amount with its unit and scale', () => {
    const c = claims('全市城镇新增就业一千二百零六万人，增长百分之三点五。')[0];
    expect(c.metric).toMatchObject({ text: '城镇新增就业', canonical: 'urban_new_jobs' });
    expect(c.value).toMatchObject({ raw: '一千二百零六万人', number: 1206, unit: '万人', scaled: { number: 12060000, unit: '人' } });
    expect(c.growth).toMatchObject({ direction: 'up', quantity: { number: 3.5, unit: '%' } });
    expect(c.scope).toBe('全市');
  });

  it('reads full-width digits, decimals, 万/亿 and bounds', () => {
    const c = one('国内生产总值超过１２６万亿元。');
    expect(c.value).toMatchObject({ raw: '１２６万亿元', number: 126, unit: '万亿元', bound: 'gte', scaled: { number: 126e12, unit: '元' } });
    expect(one('撰写各类研讨心得300余篇。').value).toMatchObject({ number: 300, unit: '篇', bound: 'approx' });
    expect(one('城镇调查失业率5.5%左右。').value).toMatchObject({ number: 5.5, unit: '%', bound: 'approx' });
    expect(one('完成投资1.2万亿元以上。').value).toMatchObject({ bound: 'gte', scaled: { number: 1.2e12 } });
    expect(one('全年接待游客3千万人次。').value).toMatchObject({ number: 3, unit: '千万人次', scaled: { number: 3e7, unit: '人次' } });
  });

  it('reads mixed place values, a second scale after 多, and a space before the unit', () => {
    expect(one('惠及1万6千多户。').value).toMatchObject({ raw: '1万6千多户', number: 1.6, unit: '万户', bound: 'approx', scaled: { number: 16000, unit: '户' } });
    expect(one('贫困人口减少1亿3千多万。').growth?.quantity).toMatchObject({ number: 1.3, unit: '亿', scaled: { number: 1.3e8 } });
    expect(one('新建高速公路2万5千公里。').value).toMatchObject({ number: 2.5, unit: '万公里', scaled: { number: 25000, unit: '公里' } });
    expect(one('减税降费3万多亿元。').value).toMatchObject({ number: 3, unit: '万亿元', bound: 'approx', scaled: { number: 3e12, unit: '元' } });
    expect(one('审议法律议案149 项。').value).toMatchObject({ number: 149, unit: '项' });
    expect(one('惠及上千万家庭。').value).toMatchObject({ number: 1000, unit: '万', bound: 'gte' });
    expect(one('医药健康产业规模突破万亿元。').value).toMatchObject({ number: 10000, unit: '亿元', scaled: { number: 1e12 } });
  });

  it('reads ranges as one quantity with an upper end', () => {
    const c = one('力争地区生产总值增长6%—7%。');
    expect(c.growth?.quantity).toMatchObject({ raw: '6%—7%', number: 6, upper: 7, unit: '%' });
    expect(c.modality).toBe('target');
    expect(one('预计全年增长6%到7%。').growth?.quantity).toMatchObject({ number: 6, upper: 7 });
  });

  it('reads fractions, 翻番, 倍 and 成', () => {
    expect(one('能耗下降三分之一。').growth?.quantity).toMatchObject({ number: 0.333 });
    expect(one('经济总量翻一番。').growth).toMatchObject({ direction: 'up', quantity: { number: 1, unit: '番' } });
    expect(one('专利拥有量实现翻番。').growth?.quantity).toMatchObject({ number: 1, unit: '番' });
    expect(one('人均收入达到两倍。').value).toMatchObject({ number: 2, unit: '倍' });
  });
});

describe('masked values', () => {
  it('extracts masked and partly masked numbers as claims', () => {
    const c = one('全人群疫苗覆盖率达**%。');
    expect(c.value).toMatchObject({ raw: '**%', number: null, masked: true, unit: '%', scaled: null });
    const p = one('全市环境空气平均优良天数比例为9*%。');
    expect(p.value).toMatchObject({ number: null, masked: true, pattern: '9*', unit: '%' });
  });

  it('gives two claims their own growth in 分别增长**%、**%', () => {
    const cs = claims('技术合同成交额**亿元，技术交易额**亿元，分别增长**%、**%。');
    expect(cs.map((c) => c.metric.text)).toEqual(['技术合同成交额', '技术交易额']);
    expect(cs.map((c) => c.growth?.quantity?.raw)).toEqual(['**%', '**%']);
    expect(cs[0].growth!.quantity!.span.start).toBeLessThan(cs[1].growth!.quantity!.span.start);
  });

  it('takes no lone preposition before the number for a metric (将2.8万亿元…, 在70%左右的地市…)', () => {
    // national-2021/2022 and national-2016: the metric was 将 and 在
    for (const s of ['建立常态化财政资金直达机制，将2.8万亿元中央财政资金纳入直达机制。', '在70%左右的地市开展分级诊疗试点。']) {
      for (const c of claims(s)) expect(c.metric.text ?? '', s).not.toMatch(/^[将在对]$/);
    }
  });

  it('gives subjects listed before 分别 their own growth, not the values earlier in the sentence', () => {
    // city-yangzhou-2023-gov-work-report.zh.txt: the two growth rates went to 地区生产总值 and 高邮、仪征
    const cs = claims('预计地区生产总值突破7000亿元，高邮、仪征首超千亿元，一般公共预算收入同口径增长2.3%，固定资产投资、社会消费品零售总额分别增长10%和2.3%。');
    expect(cs.find((c) => c.value?.raw === '7000亿元')?.growth).toBeNull();
    expect(cs.find((c) => c.value?.raw === '千亿元')?.growth).toBeNull();
    expect(cs.filter((c) => !c.value).map((c) => [c.metric.text, c.growth?.quantity?.raw])).toEqual([
      ['一般公共预算收入同口径', '2.3%'],
      ['固定资产投资', '10%'],
      ['社会消费品零售总额', '2.3%'],
    ]);
  });

  it('gives one claim two ranks in 位列全国第**位、全省第2位', () => {
    const c = one('**城市综合经济竞争力位列全国第**位、全省第2位。');
    expect(c.ranks).toMatchObject([
      { scope: '全国', position: null, masked: true, top: false },
      { scope: '全省', position: 2, masked: false },
    ]);
  });

  it('makes 1剂次**万人，2剂次**万人 two claims', () => {
    const cs = claims('全市累计接种疫苗***万剂次，其中1剂次**万人，2剂次**万人。');
    expect(cs.map((c) => c.metric.text)).toEqual(['接种疫苗', '1剂次', '2剂次']);
    expect(cs.every((c) => c.value?.masked)).toBe(true);
  });
});

describe('growth, baseline, ranks, period, modality', () => {
  it('carries the metric over to the next clause', () => {
    const c = one('前三季度，我市实现地区生产总值***亿元，同比增长**%。');
    expect(c.metric).toMatchObject({ text: '地区生产总值', canonical: 'gdp' });
    expect(c.growth).toMatchObject({ direction: 'up', basis: '同比' });
    expect(c.period?.text).toBe('前三季度');
  });

  it('reads 个百分点 and declines', () => {
    const cs = claims('规模以上工业增加值增长5.2%，比上年提高1.5个百分点。单位GDP能耗下降3.1%。');
    expect(cs[1].growth).toMatchObject({ direction: 'up', basis: '比上年', quantity: { number: 1.5, unit: '个百分点' } });
    expect(cs[2]).toMatchObject({ metric: { canonical: 'energy_intensity' }, growth: { direction: 'down', quantity: { number: 3.1 } } });
  });

  it('reads a baseline in 从80%提高到87%', () => {
    const c = one('城镇化率从80%提高到87%。');
    expect(c.baseline).toMatchObject({ number: 80 });
    expect(c.value).toMatchObject({ number: 87 });
  });

  it('reads ranks: 首位, 百强, 前十, 全国第二', () => {
    expect(one('粮食产量居全国首位。').ranks).toMatchObject([{ scope: '全国', position: 1 }]);
    expect(one('入选中国百强县，排名全国前十。').ranks).toMatchObject([
      { position: 100, top: true },
      { scope: '全国', position: 10, top: true },
    ]);
    expect(one('海洋产业增加值全国第二。').ranks).toMatchObject([{ scope: '全国', position: 2 }]);
  });

  it('tells actual, forecast and target apart', () => {
    expect(one('今年以来，全市城镇新增就业3万人。').modality).toBe('actual');
    expect(one('预计全年地区生产总值增长5%。').modality).toBe('forecast');
    expect(one('主要预期目标是：国内生产总值增长5%左右。').modality).toBe('target');
    const plan = analyze('二、2024年工作安排\n城镇新增就业1200万人以上。\n').claims;
    expect(plan[0].modality).toBe('target');
  });
});

describe('numbers that are no claims', () => {
  it('leaves out years, dates, periods, ordinals, names and slogans', () => {
    const text =
      '2023年，在第十四届全国人民代表大会第一次会议上，11月5日，1—11月，二十大、十四五、第九版防控方案、PM2.5、5G、4A级景区、联合国成立75周年、“两个确立”、“四个意识”、“六稳六保”、“二十条”、“九不准”、10号线、连续9年。';
    expect(claims(text)).toEqual([]);
  });

  it('leaves out a threshold that defines a class', () => {
    expect(claims('500万元以上投资项目全部开工。')).toEqual([]);
    expect(claims('50%以上村卫生室实现一体化管理。')).toHaveLength(1);
  });
});
