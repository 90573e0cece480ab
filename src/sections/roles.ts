import { loadJson } from '../dictionaries.js';

interface RoleCues {
  paragraph: string[];
  heading: string[];
  paragraphRe: RegExp | null;
}
export type Roles = Record<'problems' | 'plans' | 'closing' | 'body', RoleCues>;

let roles: Roles | null = null;

/** The role cues of dictionaries/roles.json, compiled once. */
export function loadRoles(): Roles {
  if (roles) return roles;
  const raw = loadJson<Record<string, { paragraph?: string[]; heading?: string[]; paragraphPattern?: string }>>('roles.json');
  const cues = (k: string): RoleCues => ({
    paragraph: raw[k]?.paragraph ?? [],
    heading: raw[k]?.heading ?? [],
    paragraphRe: raw[k]?.paragraphPattern ? new RegExp(raw[k].paragraphPattern!) : null,
  });
  roles = { problems: cues('problems'), plans: cues('plans'), closing: cues('closing'), body: cues('body') };
  return roles;
}
