/**
 * HTML text and attribute escaping for the few places that write HTML as strings (the Atom
 * entry body, the static copy's banner): Hono's own escaper, so they escape exactly as the JSX
 * pages do (& < > " and ').
 */
import { escapeToBuffer } from 'hono/utils/html';

export function escapeHtml(s: string): string {
  const buffer: [string] = [''];
  escapeToBuffer(s, buffer);
  return buffer[0];
}
