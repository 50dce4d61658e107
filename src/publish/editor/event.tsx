/**
 * One event for editors: the latest draft in full, whether and which revision is public, the
 * publish and unpublish actions, a quick status change, and the revision history.
 */
import { ACTOR_TYPES, interactionOf } from '../../core/coding.ts';
import type { FieldProblem } from '../../core/errors.ts';
import type { EventData } from '../../core/event.ts';
import type { PublishWarning } from '../../core/publish-warnings.ts';
import { conservativeFatalities, describeFatalities } from '../../core/fatalities.ts';
import { readLocalTime } from '../../core/time.ts';
import { VERIFICATION_STATUSES } from '../../core/verification.ts';
import { type Lang, translator } from '../i18n.ts';
import { Checkbox, Select, TextArea } from './controls.tsx';
import { formText } from './event-form.tsx';
import { type PublicationView, type RevisionView, RevisionHistory } from './history.tsx';
import { type EditorUser, Csrf, EditorPage, Lines, ProblemSummary, firstLine, formatUtc, placeLabel } from './shell.tsx';

const text = translator({
  en: {
    title: 'Event #{id}',
    draft: 'Draft: revision {n} has never been published.',
    publishedLatest: 'Published: the public page shows revision {n}, the latest.',
    publishedOlder: 'Published revision {pub}; revision {n} is newer and not yet public.',
    unpublishedNow: 'Not public: it was taken off the site.',
    permalink: 'Public page',
    edit: 'Edit this event',
    publish: 'Publish revision {n}',
    confirmFirst:
      'I have checked this event against its sources. Published, it is signed into the public log for good: a later correction or withdrawal stays visible.',
    warnAfterReport:
      'The event’s time is after report #{id} it is coded from ({at}): an event cannot come after the words that tell of it. Check the date.',
    warnOutsidePeriod: 'The event’s date, {date}, is outside the period this chronicle covers ({from} to {to}). Check the date.',
    warnStaleRu: 'Revision {n} changed the English summary and not the Russian one: is the translation out of date?',
    warnStaleEn: 'Revision {n} changed the Russian summary and not the English one: is the translation out of date?',
    publicNote: 'Note for readers (optional)',
    publicNoteHint: 'What changed in this correction; shown in the event’s public history.',
    publicNoteRequired: 'Note for readers',
    publicNoteRequiredHint:
      'Required: what this correction or retraction changes and why. Readers see it at the top of the event’s page and in the public log.',
    unpublish: 'Unpublish',
    unpublishReason: 'Why take it off the site? (kept in the team’s publication history; readers see only that it was withdrawn)',
    changeStatus: 'Change the status only',
    statusReason: 'Status reason',
    reason: 'Reason for this change (optional)',
    setStatus: 'Set status',
    summaryRu: 'Russian',
    notes: 'Notes',
    when: 'When (local)',
    where: 'Where',
    coords: 'Coordinates',
    type: 'Type',
    actors: 'Actors',
    interaction: 'Interaction',
    civilians: 'Civilians targeted',
    yes: 'yes',
    no: 'no',
    fatalities: 'Fatalities as reported',
    acled: 'ACLED figure (most conservative reading): {n}',
    unknown: 'unknown',
    status: 'Status',
    sources: 'Sources',
    noSources: 'none',
    tags: 'Tags',
    reports: 'Reports linked to this event',
    approx: 'approximately',
    precision: 'precision',
  },
  ru: {
    title: 'Событие №{id}',
    draft: 'Черновик: правка {n} ещё не публиковалась.',
    publishedLatest: 'Опубликовано: на сайте правка {n}, последняя.',
    publishedOlder: 'Опубликована правка {pub}; правка {n} новее и ещё не опубликована.',
    unpublishedNow: 'Не на сайте: событие снято с публикации.',
    permalink: 'Публичная страница',
    edit: 'Править событие',
    publish: 'Опубликовать правку {n}',
    confirmFirst:
      'Я сверил(а) событие с источниками. После публикации оно навсегда подписано в открытом журнале: поправка или отзыв останутся видны.',
    warnAfterReport:
      'Время события позже сообщения №{id}, по которому оно составлено ({at}): событие не может быть позже слов о нём. Проверьте дату.',
    warnOutsidePeriod: 'Дата события, {date}, вне периода хроники ({from} — {to}). Проверьте дату.',
    warnStaleRu: 'Правка {n} изменила английское описание, но не русское: не устарел ли перевод?',
    warnStaleEn: 'Правка {n} изменила русское описание, но не английское: не устарел ли перевод?',
    publicNote: 'Примечание для читателей (необязательно)',
    publicNoteHint: 'Что изменилось в этой правке; видно в публичной истории события.',
    publicNoteRequired: 'Примечание для читателей',
    publicNoteRequiredHint:
      'Обязательно: что меняет это исправление или опровержение и почему. Читатели увидят это вверху страницы события и в открытом журнале.',
    unpublish: 'Снять с публикации',
    unpublishReason: 'Почему снимаем? (сохраняется в истории публикации для редакции; читатели видят только, что событие отозвано)',
    changeStatus: 'Изменить только статус',
    statusReason: 'Обоснование статуса',
    reason: 'Причина изменения (необязательно)',
    setStatus: 'Установить статус',
    summaryRu: 'По-русски',
    notes: 'Примечания',
    when: 'Когда (местное время)',
    where: 'Где',
    coords: 'Координаты',
    type: 'Тип',
    actors: 'Участники',
    interaction: 'Взаимодействие',
    civilians: 'Против мирных жителей',
    yes: 'да',
    no: 'нет',
    fatalities: 'Погибшие по сообщениям',
    acled: 'Число для ACLED (самое осторожное прочтение): {n}',
    unknown: 'неизвестно',
    status: 'Статус',
    sources: 'Источники',
    noSources: 'нет',
    tags: 'Метки',
    reports: 'Сообщения, связанные с событием',
    approx: 'приблизительно',
    precision: 'точность',
  },
});

type Key = Parameters<typeof text>[1];

export interface EditorEventPageProps {
  lang: Lang;
  path: string;
  user: EditorUser;
  event: { id: number; latest_revision: number; published_revision: number | null; first_published_at: Date | null };
  data: EventData;
  revisions: readonly RevisionView[];
  publications: readonly PublicationView[];
  reports: ReadonlyArray<{ id: number; what: string }>;
  /** What to look at again before publishing (core/publish-warnings.ts). */
  warnings?: readonly PublishWarning[];
  problems?: readonly FieldProblem[];
  values?: { publicNote?: string; unpublishReason?: string; status?: string; statusReason?: string; reason?: string };
}

function when(lang: Lang, data: EventData, approx: string, precisionWord: string): string {
  const r = readLocalTime(data.time);
  let s = r.date;
  if (r.clock) s += ` ${r.clock}`;
  if (r.partOfDay) s += ` (${formText(lang, `pod_${r.partOfDay}`)})`;
  if (r.endDate || r.endClock) s += ` – ${r.endDate ?? ''}${r.endClock ? ` ${r.endClock}` : ''}`;
  s += ` (UTC${r.offset}, ${data.time.timeZone}; ${precisionWord}: ${formText(lang, `prec_${r.precision}`)})`;
  return r.approximate ? `${approx} ${s}` : s;
}

export function EditorEventPage(props: EditorEventPageProps) {
  const { lang, event: ev, data, user } = props;
  const t = (k: Key, vars?: Record<string, string | number>) => text(lang, k, vars);
  const problems = props.problems ?? [];
  const base = `/editor/events/${ev.id}`;
  const published = ev.published_revision !== null;
  const upToDate = ev.published_revision === ev.latest_revision;
  // A correction or retraction (a newer revision of something once public) must tell readers why.
  const lastPublished = props.publications.filter((p) => p.action === 'publish').at(-1)?.revision;
  const noteRequired = lastPublished !== undefined && lastPublished !== ev.latest_revision;
  const fatalities = describeFatalities(data.fatalities);
  const actor = (a: EventData['actor1']) =>
    `${a.name} (${a.type} — ${ACTOR_TYPES[a.type]})${a.associated.length > 0 ? `; ${a.associated.join('; ')}` : ''}`;
  return (
    <EditorPage lang={lang} path={props.path} title={t('title', { id: ev.id })} user={user} nav="events">
      <h1>
        {t('title', { id: ev.id })}: {data.summary.en}
      </h1>
      <ProblemSummary lang={lang} problems={problems} />
      <p class={published ? 'notice ok' : 'notice'} id="publication-state">
        {!published
          ? ev.first_published_at
            ? t('unpublishedNow')
            : t('draft', { n: ev.latest_revision })
          : upToDate
            ? t('publishedLatest', { n: ev.latest_revision })
            : t('publishedOlder', { pub: ev.published_revision ?? '?', n: ev.latest_revision })}
        {published ? (
          <>
            {' '}
            <a href={`/events/${ev.id}`}>{t('permalink')}</a>
          </>
        ) : null}
      </p>
      {(props.warnings ?? []).map((w) => (
        <p class="notice" data-warning={w.kind}>
          {w.kind === 'after_report'
            ? t('warnAfterReport', { id: w.reportId, at: formatUtc(w.reportAt) })
            : w.kind === 'outside_period'
              ? t('warnOutsidePeriod', { date: w.date, from: w.from, to: w.to })
              : t(w.changed === 'en' ? 'warnStaleRu' : 'warnStaleEn', { n: w.revision })}
        </p>
      ))}
      <p>
        <a class="button" href={`${base}/edit`}>
          {t('edit')}
        </a>
      </p>
      {!upToDate ? (
        <form method="post" action={`${base}/publish`}>
          <Csrf token={user.csrf} />
          <input type="hidden" name="revision" value={String(ev.latest_revision)} />
          {ev.first_published_at ? (
            <TextArea
              problems={problems}
              label={t(noteRequired ? 'publicNoteRequired' : 'publicNote')}
              hint={t(noteRequired ? 'publicNoteRequiredHint' : 'publicNoteHint')}
              name="public_note"
              fields={['publicNote']}
              value={props.values?.publicNote ?? ''}
              maxlength={1000}
              rows={2}
              required={noteRequired}
            />
          ) : null}
          {ev.first_published_at ? null : (
            <Checkbox problems={problems} label={t('confirmFirst')} name="confirm_first" fields={['confirmFirst']} checked={false} />
          )}
          <button type="submit">{t('publish', { n: ev.latest_revision })}</button>
        </form>
      ) : null}
      {published ? (
        <form method="post" action={`${base}/unpublish`}>
          <Csrf token={user.csrf} />
          <TextArea
            problems={problems}
            label={t('unpublishReason')}
            name="reason"
            fields={['reason']}
            value={props.values?.unpublishReason ?? ''}
            maxlength={1000}
            required
            rows={2}
          />
          <button type="submit" class="danger">
            {t('unpublish')}
          </button>
        </form>
      ) : null}

      <dl class="facts">
        {data.summary.ru ? (
          <>
            <dt>{t('summaryRu')}</dt>
            <dd lang="ru">{data.summary.ru}</dd>
          </>
        ) : null}
        {data.notes ? (
          <>
            <dt>{t('notes')}</dt>
            <dd>
              <Lines text={data.notes} />
            </dd>
          </>
        ) : null}
        <dt>{t('when')}</dt>
        <dd>{when(lang, data, t('approx'), t('precision'))}</dd>
        <dt>{t('where')}</dt>
        <dd>
          {data.location.name}
          {data.location.admin1 ? `, ${data.location.admin1}` : ''}, {data.location.country}
          {data.location.placeId ? ` — ${placeLabel(data.location.placeId, lang)} (${data.location.placeId})` : ''}
        </dd>
        <dt>{t('coords')}</dt>
        <dd>
          {data.location.lat}, {data.location.lon} (geo precision {data.location.geoPrecision})
        </dd>
        <dt>{t('type')}</dt>
        <dd>
          {data.eventType} / {data.subEventType}
        </dd>
        <dt>{t('actors')}</dt>
        <dd>
          {actor(data.actor1)}
          {data.actor2 ? (
            <>
              <br />
              {actor(data.actor2)}
            </>
          ) : null}
        </dd>
        <dt>{t('interaction')}</dt>
        <dd>{interactionOf(data.actor1.type, data.actor2?.type).label}</dd>
        <dt>{t('civilians')}</dt>
        <dd>{data.civilianTargeting ? t('yes') : t('no')}</dd>
        <dt>{t('fatalities')}</dt>
        <dd>
          {fatalities ?? t('unknown')}
          <br />
          <strong id="acled-fatalities">{t('acled', { n: conservativeFatalities(data.fatalities) })}</strong>
        </dd>
        <dt>{t('status')}</dt>
        <dd>
          <span class={`badge status-${data.status}`}>{formText(lang, `st_${data.status}`)}</span>
          {data.statusReason ? ` — ${data.statusReason}` : ''}
        </dd>
        <dt>{t('sources')}</dt>
        <dd>
          {data.sources.length === 0 ? (
            t('noSources')
          ) : (
            <ol>
              {data.sources.map((s) => (
                <li>
                  {s.kind === 'link' && s.url ? (
                    <>
                      <a href={s.url} rel="noreferrer noopener">
                        {s.title ?? s.url}
                      </a>
                      {s.outlet ? ` — ${s.outlet}` : ''}
                    </>
                  ) : s.kind === 'report' ? (
                    <a href={`/editor/reports/${s.reportId}`}>report #{s.reportId}</a>
                  ) : (
                    <a href="/editor/sources">source #{s.sourceId}</a>
                  )}
                </li>
              ))}
            </ol>
          )}
        </dd>
        {data.tags.length > 0 ? (
          <>
            <dt>{t('tags')}</dt>
            <dd>{data.tags.join(', ')}</dd>
          </>
        ) : null}
      </dl>

      {props.reports.length > 0 ? (
        <>
          <h2>{t('reports')}</h2>
          <ul>
            {props.reports.map((r) => (
              <li>
                <a href={`/editor/reports/${r.id}`}>#{r.id}</a> {firstLine(r.what)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <form method="post" action={`${base}/status`} class="action-form">
        <Csrf token={user.csrf} />
        <input type="hidden" name="base_revision" value={String(ev.latest_revision)} />
        <fieldset>
          <legend>{t('changeStatus')}</legend>
          <Select
            problems={problems}
            label={t('status')}
            name="status"
            fields={['status']}
            value={props.values?.status ?? data.status}
            options={VERIFICATION_STATUSES.map((s) => ({ value: s, label: formText(lang, `st_${s}`) }))}
          />
          <TextArea
            problems={problems}
            label={t('statusReason')}
            name="status_reason"
            fields={['statusReason']}
            value={props.values?.statusReason ?? data.statusReason ?? ''}
            maxlength={1000}
            rows={2}
          />
          <TextArea
            problems={problems}
            label={t('reason')}
            name="change_reason"
            fields={['changeReason']}
            value={props.values?.reason ?? ''}
            maxlength={1000}
            rows={2}
          />
          <button type="submit" class="secondary">
            {t('setStatus')}
          </button>
        </fieldset>
      </form>

      <RevisionHistory lang={lang} revisions={props.revisions} publications={props.publications} />
    </EditorPage>
  );
}
