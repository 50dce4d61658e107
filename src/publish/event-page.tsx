/**
 * An event's permalink: every public fact, its public sources, how to cite it, and the history
 * of what was published under this address. Earlier versions render with the same page and a
 * notice pointing to the current one.
 */
import type { Child } from 'hono/jsx';
import { ACTOR_TYPES } from '../core/coding.ts';
import type { Actor } from '../core/event.ts';
import { getPlace, placeName } from '../core/gazetteer/search.ts';
import type { PublicEvent } from '../core/public-event.ts';
import {
  EventTimeView,
  StatusBadge,
  actorTypeName,
  dayHeading,
  disorderTypeLabel,
  eventTypeLabel,
  fatalitiesText,
  longDate,
  placeLabel,
  subEventTypeLabel,
  summaryOf,
  timeView,
} from './event-view.tsx';
import { EventMediaSection } from './event-media.tsx';
import { regionName } from './filter-form.tsx';
import { type Lang, common, ruPlural, translator } from './i18n.ts';
import { Page } from './layout.tsx';

const t = translator({
  en: {
    eventNo: 'Event {id}',
    when: 'When',
    where: 'Where',
    region: 'Region',
    coordinates: 'Coordinates',
    onOsm: 'on OpenStreetMap',
    geoPrecision: 'Location precision',
    geo1: 'the exact place',
    geo2: 'near this place, or somewhere in part of the region',
    geo3: 'only the region is known; the point is its centre',
    type: 'Event type',
    disorder: 'Disorder type',
    actors: 'Actors',
    associated: 'with',
    interaction: 'Interaction',
    civilians: 'Civilians targeted',
    yes: 'yes',
    no: 'no',
    fatalities: 'Fatalities',
    reported: 'reported: {range}',
    acled: 'figure used in the data: {n}',
    none: 'none reported',
    status: 'Status',
    summaryEn: 'Summary (English)',
    summaryRu: 'Summary (Russian)',
    notes: 'Notes',
    tags: 'Tags',
    sources: 'Sources',
    noPublicSources: 'No public sources.',
    privateSources: '{n} further sources kept private to protect them.',
    privateSource: '1 further source kept private to protect it.',
    cite: 'Cite this event',
    citation: 'Event {id}, revision {revision}, first published {first}.',
    history: 'Published versions',
    published: 'published revision {revision}',
    withdrawn: 'withdrawn from the site',
    current: 'this version',
    view: 'view revision {revision}',
    olderNotice: 'This is an earlier version of this event (revision {revision}, published {at}).',
    seeCurrent: 'See the current version.',
    retractedNotice: 'The editors retracted this event.',
    retractedOn: 'Retracted on {date}:',
    correctedOn: 'Corrected on {date}:',
    correctedOnBare: 'Corrected on {date}.',
    earlierVersions: 'Earlier versions stay readable.',
    goneTitle: 'Event withdrawn',
    goneText: 'The editors took event {id} off the chronicle on {at}. Its earlier versions are no longer shown.',
    local: 'local time',
  },
  ru: {
    eventNo: 'Событие {id}',
    when: 'Когда',
    where: 'Где',
    region: 'Регион',
    coordinates: 'Координаты',
    onOsm: 'на OpenStreetMap',
    geoPrecision: 'Точность места',
    geo1: 'точное место',
    geo2: 'рядом с этим местом или в части региона',
    geo3: 'известен только регион; точка — его центр',
    type: 'Тип события',
    disorder: 'Вид беспорядков',
    actors: 'Участники',
    associated: 'вместе с',
    interaction: 'Взаимодействие',
    civilians: 'Против мирных жителей',
    yes: 'да',
    no: 'нет',
    fatalities: 'Погибшие',
    reported: 'по сообщениям: {range}',
    acled: 'в данных: {n}',
    none: 'не сообщалось',
    status: 'Статус',
    summaryEn: 'Кратко (по-английски)',
    summaryRu: 'Кратко (по-русски)',
    notes: 'Примечания',
    tags: 'Метки',
    sources: 'Источники',
    noPublicSources: 'Открытых источников нет.',
    privateSources: 'Ещё {n} {word} мы не раскрываем, чтобы их защитить.',
    privateSource: 'Ещё один источник мы не раскрываем, чтобы его защитить.',
    cite: 'Как сослаться',
    citation: 'Событие {id}, редакция {revision}, впервые опубликовано {first}.',
    history: 'Опубликованные редакции',
    published: 'опубликована редакция {revision}',
    withdrawn: 'снято с сайта',
    current: 'эта редакция',
    view: 'открыть редакцию {revision}',
    olderNotice: 'Это прежняя редакция события (редакция {revision}, опубликована {at}).',
    seeCurrent: 'Смотреть текущую.',
    retractedNotice: 'Редакция отозвала это событие.',
    retractedOn: 'Опровергнуто {date}:',
    correctedOn: 'Исправлено {date}:',
    correctedOnBare: 'Исправлено {date}.',
    earlierVersions: 'Прежние редакции доступны.',
    goneTitle: 'Событие снято',
    goneText: 'Редакция сняла событие {id} с хроники {at}. Его прежние редакции больше не показываются.',
    local: 'местное время',
  },
});

/** One entry of the publication history, as the public may see it (no editor, no report). */
export interface PublishedVersion {
  revision: number;
  action: 'publish' | 'unpublish';
  at: string;
  /** The editors' public note for a publication; withdrawals show no reason. */
  reason?: string | null;
}

export interface EventPageProps {
  lang: Lang;
  path: string;
  ev: PublicEvent;
  history: PublishedVersion[];
  /** Canonical permalink, `${origin}/events/${id}`. */
  permalink: string;
  siteTitle: string;
  /** Set when `ev` is an earlier version: the current revision. */
  currentRevision?: number;
  /** Where media files are served by hash; "/media/" unless this is a mirror's page. */
  mediaBase?: string;
}

const isoDay = (instant: string) => instant.slice(0, 10);
const utcStamp = (instant: string, lang: Lang) => `${longDate(isoDay(instant), lang)}, ${instant.slice(11, 16)} UTC`;

function coordinates(lat: number, lon: number): string {
  return `${Math.abs(lat)}° ${lat < 0 ? 'S' : 'N'}, ${Math.abs(lon)}° ${lon < 0 ? 'W' : 'E'}`;
}

function interactionLabel(ev: PublicEvent, lang: Lang): string {
  if (lang !== 'ru') return ev.interaction;
  const a = ev.actor1.type;
  const b = ev.actor2?.type;
  if (b === undefined) return `${actorTypeName(a, ACTOR_TYPES[a], lang)} (одна сторона)`;
  const [x, y] = a <= b ? [a, b] : [b, a];
  return `${actorTypeName(x, ACTOR_TYPES[x], lang)} — ${actorTypeName(y, ACTOR_TYPES[y], lang)}`;
}

function ActorLine(props: { actor: Actor; lang: Lang }) {
  const { actor, lang } = props;
  return (
    <li>
      {actor.name} <span class="meta">({actorTypeName(actor.type, ACTOR_TYPES[actor.type], lang)})</span>
      {actor.associated.length > 0 ? (
        <>
          {' '}
          {t(lang, 'associated')} {actor.associated.join('; ')}
        </>
      ) : null}
    </li>
  );
}

function regionOf(ev: PublicEvent, lang: Lang): string | undefined {
  const place = ev.location.placeId ? getPlace(ev.location.placeId) : undefined;
  let p = place;
  for (let i = 0; p && i < 8; i++) {
    if (p.kind === 'region') return p.id === place?.id ? undefined : placeName(p, lang);
    p = p.parent ? getPlace(p.parent) : undefined;
  }
  return ev.location.admin1 ? regionName(ev.location.admin1, lang) : undefined;
}

function Fact(props: { label: string; children?: Child }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

function fatalitiesFacts(ev: PublicEvent, lang: Lang): string {
  const f = ev.fatalities;
  const main = fatalitiesText(f, lang);
  if (!main) return t(lang, 'none');
  const bits = [main];
  const { min, max } = f;
  if (typeof min === 'number' && typeof max === 'number' && min !== max) bits.push(t(lang, 'reported', { range: `${min}–${max}` }));
  else if (typeof max === 'number' && typeof min !== 'number') bits.push(t(lang, 'reported', { range: `≤ ${max}` }));
  bits.push(t(lang, 'acled', { n: f.acled }));
  return bits.join('; ');
}

function privateSourcesText(n: number, lang: Lang): string {
  if (n === 1) return t(lang, 'privateSource');
  return t(lang, 'privateSources', { n, word: ruPlural(n, 'источник', 'источника', 'источников') });
}

/**
 * What readers must see first when the current version is not the first one published: that
 * it was corrected or retracted, when, why, and that the earlier versions are still there.
 */
function ChangeNotice(props: { ev: PublicEvent; history: readonly PublishedVersion[]; older: boolean; lang: Lang }) {
  const { ev, lang } = props;
  if (props.older) return null;
  const own = props.history.filter((h) => h.action === 'publish' && h.revision === ev.revision).at(-1);
  const date = longDate(isoDay(own?.at ?? ev.publishedAt), lang);
  const earlier = props.history.some((h) => h.action === 'publish' && h.revision !== ev.revision);
  const seeEarlier = earlier ? (
    <>
      {' '}
      <a href="#history">{t(lang, 'earlierVersions')}</a>
    </>
  ) : null;
  if (ev.status === 'retracted') {
    return (
      <p class="notice error" id="change-notice">
        <strong>{t(lang, 'retractedOn', { date })}</strong> {ev.statusReason ?? own?.reason ?? t(lang, 'retractedNotice')}
        {seeEarlier}
      </p>
    );
  }
  if (!earlier) return null;
  return (
    <p class="notice" id="change-notice">
      {own?.reason ? (
        <>
          <strong>{t(lang, 'correctedOn', { date })}</strong> {own.reason}
        </>
      ) : (
        <strong>{t(lang, 'correctedOnBare', { date })}</strong>
      )}
      {seeEarlier}
    </p>
  );
}

export function EventPage(props: EventPageProps) {
  const { lang, ev } = props;
  const summary = summaryOf(ev, lang);
  const older = props.currentRevision !== undefined && props.currentRevision !== ev.revision;
  const versionUrl = older ? `${props.permalink}/v/${ev.revision}` : props.permalink;
  const when = timeView(ev.time, lang);
  const geo = ev.location.geoPrecision;
  const region = regionOf(ev, lang);
  const { lat, lon } = ev.location;
  const latestPublish = new Map<number, number>();
  props.history.forEach((h, i) => {
    if (h.action === 'publish') latestPublish.set(h.revision, i);
  });

  return (
    <Page lang={lang} path={props.path} title={summary.text} nav="chronology" head={<link rel="canonical" href={props.permalink} />}>
      <article class={ev.status === 'retracted' ? 'event retracted' : 'event'}>
        <p class="meta">
          {t(lang, 'eventNo', { id: ev.id })} · <StatusBadge status={ev.status} lang={lang} />
        </p>
        <h1 lang={summary.lang === lang ? undefined : summary.lang}>{summary.text}</h1>
        {older ? (
          <p class="notice">
            {t(lang, 'olderNotice', { revision: ev.revision, at: utcStamp(ev.publishedAt, lang) })}{' '}
            <a href={`/events/${ev.id}`}>{t(lang, 'seeCurrent')}</a>
          </p>
        ) : null}
        <ChangeNotice ev={ev} history={props.history} older={older} lang={lang} />
        <dl class="facts">
          <Fact label={t(lang, 'when')}>
            {when.endDate ? (
              <>
                {dayHeading(ev.localDate, lang)} – {dayHeading(when.endDate, lang)}
                {when.hasClock ? <> ({when.text})</> : null}
              </>
            ) : (
              <>
                {dayHeading(ev.localDate, lang)}, <EventTimeView time={ev.time} lang={lang} />
              </>
            )}{' '}
            ({t(lang, 'local')}, {ev.time.timeZone}
            {when.hasClock && !when.endDate ? '' : `, ${when.utc}`})
          </Fact>
          <Fact label={t(lang, 'where')}>{placeLabel(ev.location, lang)}</Fact>
          {region ? <Fact label={t(lang, 'region')}>{region}</Fact> : null}
          <Fact label={t(lang, 'coordinates')}>
            {coordinates(lat, lon)} (
            <a href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=12/${lat}/${lon}`}>{t(lang, 'onOsm')}</a>)
          </Fact>
          <Fact label={t(lang, 'geoPrecision')}>
            {geo}: {t(lang, geo === 1 ? 'geo1' : geo === 2 ? 'geo2' : 'geo3')}
          </Fact>
          <Fact label={t(lang, 'type')}>
            {eventTypeLabel(ev.eventType, lang)} — {subEventTypeLabel(ev.subEventType, lang)}
            {lang === 'ru' ? (
              <span lang="en">
                {' '}
                (ACLED: {ev.eventType} — {ev.subEventType})
              </span>
            ) : null}
          </Fact>
          <Fact label={t(lang, 'disorder')}>{disorderTypeLabel(ev.disorderType, lang)}</Fact>
          <Fact label={t(lang, 'actors')}>
            <ul class="plain">
              <ActorLine actor={ev.actor1} lang={lang} />
              {ev.actor2 ? <ActorLine actor={ev.actor2} lang={lang} /> : null}
            </ul>
          </Fact>
          <Fact label={t(lang, 'interaction')}>{interactionLabel(ev, lang)}</Fact>
          <Fact label={t(lang, 'civilians')}>{t(lang, ev.civilianTargeting ? 'yes' : 'no')}</Fact>
          <Fact label={t(lang, 'fatalities')}>{fatalitiesFacts(ev, lang)}</Fact>
          <Fact label={t(lang, 'status')}>
            <StatusBadge status={ev.status} lang={lang} />
            {ev.statusReason ? <> {ev.statusReason}</> : null}
          </Fact>
          <Fact label={t(lang, 'summaryEn')}>
            <span lang="en">{ev.summary.en}</span>
          </Fact>
          {ev.summary.ru ? (
            <Fact label={t(lang, 'summaryRu')}>
              <span lang="ru">{ev.summary.ru}</span>
            </Fact>
          ) : null}
          {ev.tags.length > 0 ? <Fact label={t(lang, 'tags')}>{ev.tags.join(', ')}</Fact> : null}
        </dl>
        {ev.notes ? (
          <section>
            <h2>{t(lang, 'notes')}</h2>
            {ev.notes.split(/\n\s*\n/).map((para) => (
              <p>{para}</p>
            ))}
          </section>
        ) : null}
        <EventMediaSection media={ev.media} eventId={ev.id} base={props.mediaBase ?? '/media/'} lang={lang} />
        <section>
          <h2>{t(lang, 'sources')}</h2>
          {ev.sources.length > 0 ? (
            <ul>
              {ev.sources.map((s) => (
                <li>
                  {/* Validation admits only http(s); checked again because a record outlives its validator. */}
                  {/^https?:\/\//i.test(s.url) ? (
                    <a href={s.url} rel="nofollow noopener noreferrer">
                      {[s.outlet, s.title].filter(Boolean).join(' — ') || s.url}
                    </a>
                  ) : (
                    [s.outlet, s.title].filter(Boolean).join(' — ') || s.url
                  )}
                  {s.scale ? <span class="meta"> ({s.scale})</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t(lang, 'noPublicSources')}</p>
          )}
          {ev.privateSourceCount > 0 ? <p>{privateSourcesText(ev.privateSourceCount, lang)}</p> : null}
        </section>
        <section>
          <h2>{t(lang, 'cite')}</h2>
          <p class="citation">
            {props.siteTitle}. “{summary.text}”.{' '}
            {t(lang, 'citation', { id: ev.id, revision: ev.revision, first: longDate(isoDay(ev.firstPublishedAt), lang) })}{' '}
            <a href={versionUrl}>{versionUrl}</a>
          </p>
        </section>
        <section class="history" id="history">
          <h2>{t(lang, 'history')}</h2>
          <ol>
            {props.history.map((h, i) => (
              <li>
                <time datetime={h.at}>{utcStamp(h.at, lang)}</time> —{' '}
                {h.action === 'publish' ? t(lang, 'published', { revision: h.revision }) : t(lang, 'withdrawn')}
                {h.action === 'publish' && h.reason ? <>: {h.reason}</> : null}
                {h.action === 'publish' && latestPublish.get(h.revision) === i ? (
                  <>
                    {' '}
                    (
                    {h.revision === ev.revision ? (
                      t(lang, 'current')
                    ) : (
                      <a
                        href={
                          h.revision === (props.currentRevision ?? ev.revision) ? `/events/${ev.id}` : `/events/${ev.id}/v/${h.revision}`
                        }
                      >
                        {t(lang, 'view', { revision: h.revision })}
                      </a>
                    )}
                    )
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      </article>
    </Page>
  );
}

/** What a cited address of a withdrawn event says instead of its content. */
export function GonePage(props: { lang: Lang; path: string; id: number; at: string }) {
  const { lang } = props;
  return (
    <Page lang={lang} path={props.path} title={t(lang, 'goneTitle')} nav="chronology">
      <h1>{t(lang, 'goneTitle')}</h1>
      <p>{t(lang, 'goneText', { id: props.id, at: utcStamp(props.at, lang) })}</p>
      <p>
        <a href="/">{common(lang, 'backHome')}</a>
      </p>
    </Page>
  );
}
