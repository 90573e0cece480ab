/**
 * Stage: claims — what kind of time a claim's period is. A five-year plan's average (“十四五”期间年均
 * 增长5.5%), a goal for 2035 and this year's target (今年增长5%左右) read alike but are different
 * things to an analyst: the kind tells them apart.
 *
 * `before` is the text just before the period expression (到, 至, by…), which turns a year into a
 * horizon.
 */
import type { PeriodKind } from '../schema/index.js';

const MULTI_ZH = /过去|^[一二三四五六七八九十两]+年|^[0-9]{1,2}年|年(?:来|间|以来)$|^近|“?十[一二三四五六]五”?|[0-9]{4}[—\-－~～至到][0-9]{4}/;
const PART_ZH = /季度|上半年|下半年|^前(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})个月$|[0-9]{1,2}[—\-－~～至到][0-9]{1,2}月|[0-9]{1,2}月份?$/;
const TO_DATE_ZH = /截至|以来|目前|年初至今/;

export function periodKindZh(text: string, before: string, after = ''): PeriodKind {
  if (text === '届时') return 'horizon';
  // 一年来, 过去一年: the year under review
  if (/^(?:过去(?:的)?|这)?一年(?:来|间|以来)?$/.test(text)) return 'year';
  // 2007年11月至2012年6月, 2018年至2022年: the end of a range, not a goal's date
  if (/[年月日][到至]$/.test(before) || /^[0-9０-９]/.test(after)) return /[年月日][到至]$/.test(before) ? 'multi-year' : 'year';
  // 到2035年，…: a goal's date; 增加到2017年的8.99万亿元 is a level in that year
  if (/(?:到|至)$/.test(before) && /^[0-9]{4}年$/.test(text) && !/截$/.test(before) && !after.startsWith('的')) return 'horizon';
  // 到2023年底: the state at a date, as 截至 says
  if (/(?:到|至)$/.test(before) && /^[0-9]{4}年(?:底|末)$/.test(text)) return 'to-date';
  if (/[0-9]{4}年.*[—\-－~～至到][0-9]{4}/.test(text)) return 'multi-year';
  if (TO_DATE_ZH.test(text)) return 'to-date';
  if (PART_ZH.test(text)) return 'part-year';
  if (MULTI_ZH.test(text)) return 'multi-year';
  return 'year';
}

export function periodKindEn(text: string, before: string): PeriodKind {
  const s = text.toLowerCase();
  if (/\b(?:by|until|through)\s*$/i.test(before) && /^\d{4}$/.test(s)) return 'horizon';
  if (/\bso far\b|\bto date\b|\bsince\b|\bas of\b/.test(s)) return 'to-date';
  if (/quarter|first half|second half|\bmonths?\b|january|february|march|april|may|june|july|august|september|october|november|december/.test(s)) return 'part-year';
  if (/years|five-year|plan period|\b\d{4}\s*[-–—]\s*\d{4}\b|decade/.test(s)) return 'multi-year';
  return 'year';
}
