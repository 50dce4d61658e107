/** Every event in the workspace, most recently changed first, with its status and whether it is public. */
import type { EventData } from '../../core/event.ts';
import { localDate } from '../../core/time.ts';
import { type Lang, translator } from '../i18n.ts';
import { formText } from './event-form.tsx';
import { type EditorUser, EditorPage, Time } from './shell.tsx';

const text = translator({
  en: {
    title: 'Events',
    newEvent: 'New event',
    empty: 'No events yet. Create one from a report in the queue, or start a new one.',
    event: 'Event',
    date: 'Local date',
    place: 'Place',
    status: 'Status',
    public: 'Public',
    changed: 'Last changed',
    draft: 'draft',
    publishedLatest: 'revision {n}',
    publishedOlder: 'revision {pub} (revision {n} not yet)',
    newer: 'Newer events',
    older: 'Older events',
  },
  ru: {
    title: 'События',
    newEvent: 'Новое событие',
    empty: 'Событий пока нет. Создайте событие по сообщению из очереди или начните новое.',
    event: 'Событие',
    date: 'Местная дата',
    place: 'Место',
    status: 'Статус',
    public: 'На сайте',
    changed: 'Изменено',
    draft: 'черновик',
    publishedLatest: 'правка {n}',
    publishedOlder: 'правка {pub} (правка {n} ещё нет)',
    newer: 'Более новые',
    older: 'Более старые',
  },
});

export interface EditorEventListRow {
  id: number;
  latest_revision: number;
  published_revision: number | null;
  data: EventData;
  editor_name: string | null;
  updated_at: Date;
}

export interface EventListPageProps {
  lang: Lang;
  path: string;
  user: EditorUser;
  events: readonly EditorEventListRow[];
  page: number;
  hasMore: boolean;
}

export function EventListPage(props: EventListPageProps) {
  const { lang } = props;
  const t = (k: Parameters<typeof text>[1], vars?: Record<string, string | number>) => text(lang, k, vars);
  return (
    <EditorPage lang={lang} path={props.path} title={t('title')} user={props.user} nav="events">
      <h1>{t('title')}</h1>
      <p>
        <a class="button" href="/editor/events/new">
          {t('newEvent')}
        </a>
      </p>
      {props.events.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('event')}</th>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('place')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('public')}</th>
              <th scope="col">{t('changed')}</th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((e) => (
              <tr>
                <td>
                  <a href={`/editor/events/${e.id}`}>#{e.id}</a> {e.data.summary.en}
                </td>
                <td>{localDate(e.data.time.start, e.data.time.timeZone)}</td>
                <td>{e.data.location.name}</td>
                <td>
                  <span class={`badge status-${e.data.status}`}>{formText(lang, `st_${e.data.status}`)}</span>
                </td>
                <td>
                  {e.published_revision === null
                    ? t('draft')
                    : e.published_revision === e.latest_revision
                      ? t('publishedLatest', { n: e.published_revision })
                      : t('publishedOlder', { pub: e.published_revision, n: e.latest_revision })}
                </td>
                <td>
                  <Time at={e.updated_at} /> {e.editor_name ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label={t('title')}>
        {props.page > 1 ? <a href={`/editor/events?page=${props.page - 1}`}>{t('newer')}</a> : <span></span>}
        {props.hasMore ? <a href={`/editor/events?page=${props.page + 1}`}>{t('older')}</a> : <span></span>}
      </nav>
    </EditorPage>
  );
}
