/**
 * Uploading a Telegram Desktop export: result.json, and optionally the photos and files beside
 * it so their hashes are recorded. Works as a plain multipart form, without JavaScript.
 */
import type { FieldProblem } from '../../core/errors.ts';
import { type Lang, translator } from '../i18n.ts';
import { type EditorUser, Csrf, EditorPage, FieldProblems, ProblemSummary, fieldId } from './shell.tsx';

const text = translator({
  en: {
    title: 'Import a Telegram export',
    intro:
      'In Telegram Desktop open the channel or chat, choose “Export chat history”, pick the format “Machine-readable JSON”, and export. Upload the result.json it writes; add the photos and files from its folders if you want their SHA-256 recorded with each report. Every message becomes a report with its original time and its channel (or the channel it was forwarded from) as the source. Importing the same export again adds nothing.',
    limit: 'Up to {mb} MB in one upload. For larger exports, run “caravan import telegram <folder>” on the server.',
    resultLabel: 'result.json',
    mediaLabel: 'Photos and files from the export (optional, several at once)',
    offsetLabel: 'UTC offset of the computer that exported (only for exports without “date_unixtime”, e.g. +06:00)',
    submit: 'Import',
    done: 'Imported {chats}: {created} new reports, {existing} already imported, {skipped} messages without anything to report.',
    missing: '{n} media files are referred to but were not uploaded; their reports note them without a hash.',
    queue: 'Open the report queue',
  },
  ru: {
    title: 'Импорт выгрузки Telegram',
    intro:
      'В Telegram Desktop откройте канал или чат, выберите «Экспорт истории чата», формат «Машиночитаемый JSON» и выгрузите. Загрузите получившийся result.json; добавьте фотографии и файлы из его папок, если нужно сохранить их SHA-256 в сообщениях. Каждое сообщение становится сообщением в очереди с исходным временем и каналом (или каналом, из которого оно переслано) как источником. Повторный импорт той же выгрузки ничего не добавляет.',
    limit: 'До {mb} МБ за одну загрузку. Большие выгрузки импортируйте на сервере: «caravan import telegram <папка>».',
    resultLabel: 'result.json',
    mediaLabel: 'Фотографии и файлы из выгрузки (необязательно, можно несколько)',
    offsetLabel: 'Смещение от UTC на компьютере, где делали выгрузку (только для выгрузок без «date_unixtime», например +06:00)',
    submit: 'Импортировать',
    done: 'Импортировано {chats}: новых сообщений {created}, уже было {existing}, без содержания {skipped}.',
    missing: 'Медиафайлов упомянуто, но не загружено: {n}; в сообщениях они отмечены без хеша.',
    queue: 'Открыть очередь сообщений',
  },
});

export interface TelegramImportSummary {
  chats: string[];
  created: number;
  existing: number;
  skipped: number;
  mediaMissing: number;
}

export function TelegramImportPage(props: {
  lang: Lang;
  path: string;
  user: EditorUser;
  action: string;
  maxMegabytes: number;
  result?: TelegramImportSummary;
  problems?: readonly FieldProblem[];
  utcOffset?: string;
}) {
  const { lang } = props;
  const t = (k: Parameters<typeof text>[1], vars?: Record<string, string | number>) => text(lang, k, vars);
  const problems = props.problems ?? [];
  const r = props.result;
  return (
    <EditorPage lang={lang} path={props.path} title={t('title')} user={props.user} nav="import">
      <h1>{t('title')}</h1>
      {r ? (
        <section class="notice">
          <p>{t('done', { chats: r.chats.join(', '), created: r.created, existing: r.existing, skipped: r.skipped })}</p>
          {r.mediaMissing > 0 ? <p>{t('missing', { n: r.mediaMissing })}</p> : null}
          <p>
            <a href="/editor">{t('queue')}</a>
          </p>
        </section>
      ) : null}
      {problems.length > 0 ? <ProblemSummary lang={lang} problems={problems} /> : null}
      <p>{t('intro')}</p>
      <p>{t('limit', { mb: props.maxMegabytes })}</p>
      <form method="post" action={props.action} enctype="multipart/form-data">
        <Csrf token={props.user.csrf} />
        <p class="field">
          <label for={fieldId('result.json')}>{t('resultLabel')}</label>
          <FieldProblems problems={problems} fields={['result.json']} />
          <input type="file" id={fieldId('result.json')} name="result" accept=".json,application/json" required />
        </p>
        <p class="field">
          <label for="f-media">{t('mediaLabel')}</label>
          <input type="file" id="f-media" name="media" multiple />
        </p>
        <p class="field">
          <label for="f-utcOffset">{t('offsetLabel')}</label>
          <FieldProblems problems={problems} fields={['utcOffset']} />
          <input type="text" id="f-utcOffset" name="utc_offset" value={props.utcOffset ?? ''} pattern="[+\-][0-9]{2}:[0-9]{2}" size={7} />
        </p>
        <button type="submit">{t('submit')}</button>
      </form>
    </EditorPage>
  );
}
