/**
 * Escaping for the HTML pages. Everything that comes from a report (its text, file names, reasons,
 * metric names) goes through one of these: text content through `esc`, attribute values (always
 * double-quoted) through `attr`, and JSON inside a <script type="application/json"> through `jsonData`.
 */

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text content and double-quoted attribute values: & < > " ' as entities. A bidirectional override,
 * embedding or isolate (U+202A–U+202E, U+2066–U+2069) would reverse what follows it on the page
 * (a file name 'a\u202etxt.exe' shown as 'aexe.txt'), and a C0/C1 control other than tab, LF and CR
 * is no character HTML may carry: each becomes U+FFFD, one for one, so the page shows that something
 * was there and the text keeps its length.
 */
export function esc(s: string): string {
  return s.replace(/[&<>"']|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, (c) => TEXT[c] ?? '\ufffd');
}

/** An attribute value (the caller writes the double quotes). */
export const attr = esc;

/** A value as JSON that cannot close its <script> element nor open a comment: < > & as \u escapes. */
export function jsonData(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A token safe in an id or class name, from any string (file names included). */
export function token(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(36)}`);
}
