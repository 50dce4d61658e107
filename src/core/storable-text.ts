/**
 * Text PostgreSQL cannot keep as given. A NUL is refused outright by `text` and `jsonb`; a lone
 * surrogate (JSON and JavaScript strings allow "\ud800") would be written as U+FFFD, silently
 * changing what was sent. One check for every boundary, so each names the field it refuses.
 */

const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored as it is, as a phrase to follow a field name, or undefined when it can. */
export function unstorableReason(text: string): string | undefined {
  if (NUL.test(text)) return 'contains a NUL character, which cannot be stored';
  if (LONE_SURROGATE.test(text)) return 'contains an invalid character (a lone surrogate)';
  return undefined;
}

// Control characters other than tab and newlines (a NUL among them): text a person never typed.
const CONTROL_GLOBAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE_GLOBAL = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * For text a person did not type into our form (a phone's SMS, an export): refusing it would lose
 * the message, so control characters become spaces, lone surrogates U+FFFD, and the rest is kept.
 */
export function toStorableText(text: string): string {
  return text.replace(CONTROL_GLOBAL, ' ').replace(LONE_SURROGATE_GLOBAL, '\uFFFD');
}
