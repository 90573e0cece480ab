/** dictionaries/figures.json, loaded once. */
import { loadJson } from '../../dictionaries.js';

export interface FigureWords {
  multiYear: string[];
  cumulative: string[];
  shareHeads: string[];
  notShareHeads: string[];
  comparators: string[];
  spendingHeads: string[];
  beneficiaryLeads: string[];
}

let words: FigureWords | null = null;

export function figureWords(): FigureWords {
  words ??= loadJson<FigureWords>('figures.json');
  return words;
}
