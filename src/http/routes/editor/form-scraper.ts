/**
 * For tests: reads a rendered form's fields the way a browser would submit them (checked boxes
 * and radios only, selected options, textarea text), so a test can change a few fields and
 * post the rest exactly as the page showed them.
 */

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]!) : undefined;
}

const hasAttr = (tag: string, name: string) => new RegExp(`\\s${name}(=|\\s|/?>)`).test(tag);

/** Fields of the form whose action is `action` (the first form when absent). Buttons are left out. */
export function scrapeForm(html: string, action?: string): Record<string, string> {
  const forms = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]);
  const form = action ? forms.find((f) => attr(f.slice(0, f.indexOf('>') + 1), 'action') === action) : forms[0];
  if (!form) throw new Error(`no form with action ${action}`);
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    const type = attr(tag, 'type') ?? 'text';
    if (!name || type === 'submit' || type === 'button') continue;
    if ((type === 'checkbox' || type === 'radio') && !hasAttr(tag, 'checked')) continue;
    fields[name] = attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : '');
  }
  for (const m of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attr(` ${m[1]}`, 'name');
    if (name) fields[name] = decode(m[2]!);
  }
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attr(` ${m[1]}`, 'name');
    if (!name) continue;
    const options = [...m[2]!.matchAll(/<option\b[^>]*>/g)].map((o) => o[0]);
    const chosen = options.find((o) => hasAttr(o, 'selected')) ?? options[0];
    fields[name] = chosen ? (attr(chosen, 'value') ?? '') : '';
  }
  return fields;
}
