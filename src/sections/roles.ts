import { loadJson } from '../dictionaries.js';

interface RoleCues {
  paragraph: string[];
  heading: string[];
  paragraphRe: RegExp | null;
  headingRe: RegExp | null;
}

export interface ComingYear {
  now: string[];
  work: string[];
  review: string[];
}

export interface Opening {
  paragraphs: number;
  cues: string[];
}

export type Roles = Record<'problems' | 'plans' | 'closing' | 'body', RoleCues> & {
  comingYear: ComingYear;
  opening: Opening;
  appendixRe: RegExp | null;
};

interface RawCues {
  paragraph?: string[];
  heading?: string[];
  paragraphPattern?: string;
  headingPattern?: string;
  comingYear?: Partial<ComingYear>;
  opening?: Partial<Opening>;
  linePattern?: string;
}

let roles: Roles | null = null;

/** The role cues of dictionaries/roles.json, compiled once. */
export function loadRoles(): Roles {
  if (roles) return roles;
  const raw = loadJson<Record<string, RawCues>>('roles.json');
  const cues = (k: string): RoleCues => ({
    paragraph: raw[k]?.paragraph ?? [],
    heading: raw[k]?.heading ?? [],
    paragraphRe: raw[k]?.paragraphPattern ? new RegExp(raw[k].paragraphPattern!) : null,
    headingRe: raw[k]?.headingPattern ? new RegExp(raw[k].headingPattern!) : null,
  });
  const cy = raw.plans?.comingYear ?? {};
  const op = raw.plans?.opening ?? {};
  roles = {
    problems: cues('problems'),
    plans: cues('plans'),
    closing: cues('closing'),
    body: cues('body'),
    comingYear: { now: cy.now ?? [], work: cy.work ?? [], review: cy.review ?? [] },
    opening: { paragraphs: op.paragraphs ?? 0, cues: op.cues ?? [] },
    appendixRe: raw.appendix?.linePattern ? new RegExp(raw.appendix.linePattern) : null,
  };
  return roles;
}
