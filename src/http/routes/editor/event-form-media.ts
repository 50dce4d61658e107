/**
 * The media part of the event form, both ways: a checkbox and a caption per offered file,
 * keyed by the SHA-256 of its stripped copy, to the document's `media` list and back.
 */
import type { EventData } from '../../../core/event.ts';
import type { MediaChoiceState } from '../../../publish/editor/event-form-state.ts';
import type { Form } from './guard.ts';

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** More than any event offers; bounds the work a crafted form can cause. */
const MAX_OFFERED = 200;

/** Every file the form offered (`media_sha`), with its checkbox and caption. */
export function readMediaChoices(form: Form): MediaChoiceState[] {
  const seen = new Set<string>();
  const out: MediaChoiceState[] = [];
  for (const sha256 of form.all('media_sha').slice(0, MAX_OFFERED)) {
    if (!SHA256_HEX.test(sha256) || seen.has(sha256)) continue;
    seen.add(sha256);
    out.push({ sha256, chosen: form.get(`media_on_${sha256}`) === '1', caption: form.get(`media_caption_${sha256}`) });
  }
  return out;
}

/** The document's `media`: the chosen files in the order shown; undefined when none is chosen. */
export function mediaInputOf(choices: readonly MediaChoiceState[]): Array<{ sha256: string; caption?: string }> | undefined {
  const media = choices
    .filter((c) => c.chosen)
    .map((c) => (c.caption.trim() ? { sha256: c.sha256, caption: c.caption } : { sha256: c.sha256 }));
  return media.length > 0 ? media : undefined;
}

export function mediaChoicesOf(data: EventData): MediaChoiceState[] {
  return (data.media ?? []).map((m) => ({ sha256: m.sha256, chosen: true, caption: m.caption ?? '' }));
}
