/**
 * The media part of the event form: each photo or video of the reports linked to the event,
 * with a box to publish it with the event and a caption. Only the metadata-stripped copy is
 * ever shown or published; originals kept as evidence never appear here.
 */
import type { FieldProblem } from '../../core/errors.ts';
import { MEDIA_CAPTION_MAX } from '../../core/event-media.ts';
import { type Lang, translator } from '../i18n.ts';
import type { EventFormState, MediaChoiceState } from './event-form-state.ts';
import { FieldProblems } from './shell.tsx';

/** A stripped file of a linked report, as the form offers it. */
export interface OfferedMedia {
  id: number;
  reportId: number;
  sha256: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
}

const text = translator({
  en: {
    media: 'Photos and videos',
    hint: 'From the reports linked to this event, with their metadata (location, device, time) removed. Checked files are published with the event; readers see the caption and the file’s SHA-256.',
    publish: 'Publish with the event',
    caption: 'Caption (public)',
    fromReport: 'report #{id}',
    earlier: 'published by an earlier revision',
  },
  ru: {
    media: 'Фото и видео',
    hint: 'Из сообщений, связанных с событием, без метаданных (место, устройство, время). Отмеченные файлы публикуются вместе с событием; читатели видят подпись и SHA-256 файла.',
    publish: 'Опубликовать вместе с событием',
    caption: 'Подпись (публичная)',
    fromReport: 'сообщение №{id}',
    earlier: 'опубликовано в одной из прежних правок',
  },
});

type Key = Parameters<typeof text>[1];

/** Offered files first, in report order, then files an earlier revision attached that are no longer offered. */
function rows(state: EventFormState, offered: readonly OfferedMedia[]): Array<{ choice: MediaChoiceState; file?: OfferedMedia }> {
  const chosen = new Map(state.media.map((c) => [c.sha256, c]));
  const out: Array<{ choice: MediaChoiceState; file?: OfferedMedia }> = [];
  const seen = new Set<string>();
  for (const file of offered) {
    if (seen.has(file.sha256)) continue;
    seen.add(file.sha256);
    out.push({ choice: chosen.get(file.sha256) ?? { sha256: file.sha256, chosen: false, caption: '' }, file });
  }
  for (const c of state.media) if (!seen.has(c.sha256)) out.push({ choice: c });
  return out;
}

export function MediaFieldset(props: {
  lang: Lang;
  state: EventFormState;
  problems: readonly FieldProblem[];
  offered: readonly OfferedMedia[];
}) {
  const t = (k: Key, vars?: Record<string, string | number>) => text(props.lang, k, vars);
  const list = rows(props.state, props.offered);
  // Problems are named by the position in the document's list, which holds only chosen files.
  let chosenIndex = -1;
  // Most events have no media: their form stays as it was.
  if (list.length === 0) return null;
  return (
    <fieldset id="media">
      <legend>{t('media')}</legend>
      <p class="hint">{t('hint')}</p>
      <FieldProblems problems={props.problems} fields={['media']} />
      <ul class="media-choices">
        {list.map(({ choice, file }) => {
          if (choice.chosen) chosenIndex++;
          const fields = choice.chosen ? [`media[${chosenIndex}]`, `media[${chosenIndex}].sha256`] : [];
          const id = `media-${choice.sha256.slice(0, 16)}`;
          return (
            <li>
              <input type="hidden" name="media_sha" value={choice.sha256} />
              {file ? <MediaPreview file={file} /> : null}
              <p class="meta">
                {file ? <a href={`/editor/reports/${file.reportId}`}>{t('fromReport', { id: file.reportId })}</a> : t('earlier')} ·{' '}
                {file?.mime ?? ''} · SHA-256 <code>{choice.sha256}</code>
              </p>
              <FieldProblems problems={props.problems} fields={fields} />
              <p class="field check">
                <input type="checkbox" id={`${id}-on`} name={`media_on_${choice.sha256}`} value="1" checked={choice.chosen} />{' '}
                <label for={`${id}-on`}>{t('publish')}</label>
              </p>
              <p class="field">
                <label for={`${id}-caption`}>{t('caption')}</label>
                <FieldProblems problems={props.problems} fields={choice.chosen ? [`media[${chosenIndex}].caption`] : []} />
                <input
                  type="text"
                  id={`${id}-caption`}
                  name={`media_caption_${choice.sha256}`}
                  value={choice.caption}
                  maxlength={MEDIA_CAPTION_MAX}
                />
              </p>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** A small preview from the editors' own media route; videos are linked, not loaded. */
function MediaPreview(props: { file: OfferedMedia }) {
  const { file } = props;
  const href = `/editor/media/${file.id}`;
  if (file.mime.startsWith('image/')) {
    const scale = file.width && file.height ? Math.min(1, 240 / file.width) : 1;
    return (
      <a href={href}>
        <img
          src={href}
          alt=""
          loading="lazy"
          width={file.width ? Math.round(file.width * scale) : undefined}
          height={file.height ? Math.round(file.height * scale) : undefined}
        />
      </a>
    );
  }
  return (
    <p>
      <a href={href}>{file.mime}</a>
    </p>
  );
}
