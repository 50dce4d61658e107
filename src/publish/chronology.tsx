/**
 * The chronology: published events grouped by the local day at the place, newest day first,
 * each with its local time, place, coding, status and a link to its permalink.
 */
import type { Child } from 'hono/jsx';
import type { EventFilter } from '../core/filter.ts';
import type { PublicEvent } from '../core/public-event.ts';
import { EventTimeView, StatusBadge, codingLabel, dayHeading, eventCount, fatalitiesText, placeLabel, summaryOf } from './event-view.tsx';
import { FilterForm, filterQuery, isFiltered } from './filter-form.tsx';
import { type Lang, common, translator } from './i18n.ts';
import { Page } from './layout.tsx';

const t = translator({
  en: {
    title: 'Chronology',
    intro: 'Events checked by the editors, in local time at the place where they happened.',
    matching: '{count} match these filters.',
    all: '{count} published.',
    pageOf: 'Page {page} of {pages}.',
    emptyStore: 'No events have been published yet. Editors are checking the first reports; please come back later.',
    emptyFilter: 'No events match these filters.',
    showAll: 'Show all events',
    emptyPage: 'There are no events on page {page}.',
    firstPage: 'Go to the first page',
    prev: '← Newer events',
    next: 'Older events →',
    pagination: 'Pages',
  },
  ru: {
    title: 'Хроника событий',
    intro: 'События, проверенные редакцией, по местному времени в месте, где они произошли.',
    matching: 'Под условия отбора подходит: {count}.',
    all: 'Опубликовано: {count}.',
    pageOf: 'Страница {page} из {pages}.',
    emptyStore: 'Пока не опубликовано ни одного события. Редакция проверяет первые сообщения; загляните позже.',
    emptyFilter: 'Нет событий, подходящих под эти условия.',
    showAll: 'Показать все события',
    emptyPage: 'На странице {page} событий нет.',
    firstPage: 'На первую страницу',
    prev: '← Более новые',
    next: 'Более ранние →',
    pagination: 'Страницы',
  },
});

export const CHRONOLOGY_PAGE_SIZE = 50;

export interface ChronologyProps {
  lang: Lang;
  path: string;
  filter: EventFilter;
  /** This page's events, in the store's order: newest local day first, time order within it. */
  events: PublicEvent[];
  total: number;
  page: number;
  pageSize?: number;
  /** Witness cosignatures on the log's current checkpoint; undefined leaves the log line out (mirrors). */
  witnessedBy?: number;
}

/** Consecutive events of one local day; the input order is kept. */
export function groupByDay(events: readonly PublicEvent[]): Array<{ date: string; events: PublicEvent[] }> {
  const days: Array<{ date: string; events: PublicEvent[] }> = [];
  for (const ev of events) {
    const last = days[days.length - 1];
    if (last && last.date === ev.localDate) last.events.push(ev);
    else days.push({ date: ev.localDate, events: [ev] });
  }
  return days;
}

export function EventItem(props: { ev: PublicEvent; lang: Lang }) {
  const { ev, lang } = props;
  const summary = summaryOf(ev, lang);
  const deaths = fatalitiesText(ev.fatalities, lang);
  const retracted = ev.status === 'retracted';
  return (
    <li class={retracted ? 'retracted' : undefined}>
      <p class="meta">
        <EventTimeView time={ev.time} lang={lang} /> · {placeLabel(ev.location, lang)} · {codingLabel(ev, lang)} ·{' '}
        <StatusBadge status={ev.status} lang={lang} />
        {deaths ? <> · {deaths}</> : null}
      </p>
      <p class="summary">
        <a href={`/events/${ev.id}`} lang={summary.lang === lang ? undefined : summary.lang}>
          {summary.text}
        </a>
      </p>
    </li>
  );
}

/** One line pointing at /log: how many witnesses vouch for the log now. */
function WitnessedLine(props: { lang: Lang; count: number }) {
  const key = props.count === 0 ? 'logWitnessedNone' : props.count === 1 ? 'logWitnessedOne' : 'logWitnessedMany';
  return (
    <p class="meta log-witnessed">
      {common(props.lang, key, { count: props.count })} <a href="/log">{common(props.lang, 'logCheck')}</a>
    </p>
  );
}

export function ChronologyPage(props: ChronologyProps) {
  const { lang, filter, events, total, page } = props;
  const size = props.pageSize ?? CHRONOLOGY_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / size));
  const filtered = isFiltered(filter);
  const days = groupByDay(events);
  const pageLink = (n: number) => `/${filterQuery(filter, n > 1 ? { page: String(n) } : {})}`;

  let empty: Child = null;
  if (events.length === 0) {
    if (total > 0) {
      empty = (
        <p class="notice">
          {t(lang, 'emptyPage', { page })} <a href={pageLink(1)}>{t(lang, 'firstPage')}</a>
        </p>
      );
    } else if (filtered) {
      empty = (
        <p class="notice">
          {t(lang, 'emptyFilter')} <a href="/">{t(lang, 'showAll')}</a>
        </p>
      );
    } else {
      empty = <p class="notice">{t(lang, 'emptyStore')}</p>;
    }
  }

  return (
    <Page lang={lang} path={props.path} title={t(lang, 'title')} nav="chronology" description={t(lang, 'intro')}>
      <h1>{t(lang, 'title')}</h1>
      <p class="meta">{t(lang, 'intro')}</p>
      <FilterForm lang={lang} filter={filter} action="/" />
      <p class="count" role="status">
        {t(lang, filtered ? 'matching' : 'all', { count: eventCount(total, lang) })}
        {pages > 1 ? <> {t(lang, 'pageOf', { page, pages })}</> : null}
      </p>
      {empty}
      {days.map((day) => (
        <section>
          <h2 class="day">
            <time datetime={day.date}>{dayHeading(day.date, lang)}</time>
          </h2>
          <ol class="events">
            {day.events.map((ev) => (
              <EventItem ev={ev} lang={lang} />
            ))}
          </ol>
        </section>
      ))}
      {pages > 1 || page > 1 ? (
        <nav class="pager" aria-label={t(lang, 'pagination')}>
          {page > 1 ? (
            <a href={pageLink(Math.min(page - 1, pages))} rel="prev">
              {t(lang, 'prev')}
            </a>
          ) : (
            <span></span>
          )}
          {page < pages ? (
            <a href={pageLink(page + 1)} rel="next">
              {t(lang, 'next')}
            </a>
          ) : (
            <span></span>
          )}
        </nav>
      ) : null}
      {props.witnessedBy !== undefined ? <WitnessedLine lang={lang} count={props.witnessedBy} /> : null}
    </Page>
  );
}
