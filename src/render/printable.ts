/**
 * Text from a document or a file name, made safe and predictable to print on a terminal: C0/C1
 * control characters (ESC included, so no escape sequence gets through) become spaces,
 * bidirectional controls are dropped. Tabs are kept. Every line the command line prints with
 * document text or a path in it goes through this one function: stylish and the outline, compare's
 * list, the progress line and the error lines.
 */
export function printable(s: string): string {
  return s.replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f]/g, ' ').replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
}
