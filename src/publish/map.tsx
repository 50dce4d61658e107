/**
 * The map page: a server-drawn SVG of Kazakhstan and its neighbours with the filtered events
 * placed on it and clustered, every mark a plain link, and the same places as a text list.
 * Works without script; a later island may add panning on top.
 */
import type { Child } from 'hono/jsx';
import type { EventFilter } from '../core/filter.ts';
import { placeName, regionsOf } from '../core/gazetteer/search.ts';
import { VERIFICATION_STATUSES, type VerificationStatus } from '../core/verification.ts';
import { eventCount, statusLabel, summaryOf } from './event-view.tsx';
import { FilterForm, REGIONS_AS_OF, filterQuery, isFiltered } from './filter-form.tsx';
import { type Lang, translator } from './i18n.ts';
import { Page } from './layout.tsx';
import { type LabelRequest, mapBase, placeLabels } from './map-geometry.ts';
import type { MapMark, MapView } from './map-marks.ts';

export { type MapMark, type MapPoint, type MapView, mapMarks } from './map-marks.ts';

const t = translator({
  en: {
    title: 'Map',
    intro: 'Where the published events happened. Numbers are groups of events close together; follow one to read them.',
    svgTitle: 'Map of Kazakhstan and neighbouring countries with {count}',
    legend: 'Legend',
    group: 'several events close together (the number says how many)',
    places: 'Places',
    none: 'No published events match these filters.',
    noneAtAll: 'No events have been published yet.',
    outside: 'Outside the area of the map',
    matching: '{count} on this map.',
    caspian: 'Caspian Sea',
    more: '…and {n} more: see the chronology',
  },
  ru: {
    title: 'Карта',
    intro: 'Где произошли опубликованные события. Числа — группы близких событий; по ссылке откроется их список.',
    svgTitle: 'Карта Казахстана и соседних стран: {count}',
    legend: 'Обозначения',
    group: 'несколько событий рядом (число — сколько)',
    places: 'Места',
    none: 'Нет опубликованных событий, подходящих под эти условия.',
    noneAtAll: 'Пока не опубликовано ни одного события.',
    outside: 'За пределами карты',
    matching: 'На карте: {count}.',
    caspian: 'Каспийское море',
    more: '…и ещё {n}: смотрите хронику',
  },
});

/** Label anchors chosen by hand: a country's centroid is often off this map. */
const COUNTRY_LABELS: ReadonlyArray<{ en: string; ru: string; lon: number; lat: number; home?: boolean }> = [
  { en: 'KAZAKHSTAN', ru: 'КАЗАХСТАН', lon: 66.5, lat: 47.2, home: true },
  { en: 'Russia', ru: 'Россия', lon: 62, lat: 55.8 },
  { en: 'China', ru: 'Китай', lon: 85, lat: 41.6 },
  { en: 'Mongolia', ru: 'Монголия', lon: 90.5, lat: 48.3 },
  { en: 'Kyrgyzstan', ru: 'Кыргызстан', lon: 74.6, lat: 41.3 },
  { en: 'Uzbekistan', ru: 'Узбекистан', lon: 63.3, lat: 41.9 },
  { en: 'Turkmenistan', ru: 'Туркменистан', lon: 58.6, lat: 39.4 },
  { en: 'Tajikistan', ru: 'Таджикистан', lon: 71, lat: 38.7 },
  { en: 'Afghanistan', ru: 'Афганистан', lon: 66, lat: 36.9 },
  { en: 'Iran', ru: 'Иран', lon: 54.5, lat: 37.2 },
  { en: 'Azerbaijan', ru: 'Азербайджан', lon: 47.6, lat: 40.4 },
];

const MARK_CLASS: Record<VerificationStatus, string> = {
  verified: 'm-verified',
  corroborated: 'm-corroborated',
  unverified: 'm-unverified',
  disputed: 'm-disputed',
  retracted: 'm-retracted',
};

/** "Mangystau Region" → "Mangystau", "Мангистауская область" → "Мангистауская обл.". */
function shortRegionName(name: string): string {
  return name
    .replace(/ Region$/, '')
    .replace(/ область$/, ' обл.')
    .replace(/^область (.+)$/, '$1');
}

function clusterRadius(n: number): number {
  return Math.round(9 + 3 * Math.log2(n));
}

/** The marks' shapes: status shows in form as well as colour. */
function MarkDefs() {
  return (
    <defs>
      <circle id="m-verified" r="6" />
      <path id="m-corroborated" d="M0-7 7 0 0 7-7 0z" />
      <circle id="m-unverified" r="5.5" />
      <path id="m-disputed" d="M0-7 7 5H-7z" />
      <path id="m-retracted" d="M-5-5 5 5M5-5-5 5" />
    </defs>
  );
}

export function MapSvg(props: { lang: Lang; marks: MapMark[]; title: string }) {
  const { lang } = props;
  const base = mapBase();
  const label = (lon: number, lat: number, cls: string, text: string, dy = 0): Child => {
    const p = base.project(lon, lat);
    return p ? (
      <text class={cls} x={Math.round(p[0])} y={Math.round(p[1]) + dy}>
        {text}
      </text>
    ) : null;
  };
  const obstacles = props.marks.map((m) => ({ x: m.x, y: m.y, r: m.event ? 7 : clusterRadius(m.count) }));
  const points: Array<LabelRequest & { px: number; py: number }> = [];
  const regions = regionsOf('KAZ', REGIONS_AS_OF);
  const fullNames = new Set(regions.map((r) => placeName(r, lang)));
  for (const r of regions) {
    const p = base.project(r.lon, r.lat);
    const full = placeName(r, lang);
    // "Almaty Region" stays whole: "Almaty" is the city.
    const short = shortRegionName(full);
    const text = short !== full && fullNames.has(short) ? full : short;
    if (p) points.push({ x: p[0], y: p[1], px: Math.round(p[0]), py: Math.round(p[1]), text });
  }
  const regionLabels = placeLabels(points, obstacles).map((l, i) => ({ ...l, px: points[i]!.px, py: points[i]!.py }));
  return (
    <svg viewBox={`0 0 ${base.width} ${base.height}`} width={base.width} height={base.height} aria-labelledby="map-title">
      <title id="map-title">{props.title}</title>
      <MarkDefs />
      {base.countries.map((c) => (
        <path class={c.home ? 'kz' : 'land'} d={c.d} />
      ))}
      {label(50.6, 42.2, 'sea', t(lang, 'caspian'))}
      {COUNTRY_LABELS.map((c) => label(c.lon, c.lat, c.home ? 'cn home' : 'cn', c[lang]))}
      {regionLabels.map((l) => (
        <g class="rl">
          <circle cx={l.px} cy={l.py} r="1.5" />
          <text x={l.x} y={l.y} class={l.anchor === 'middle' ? undefined : l.anchor}>
            {l.text}
          </text>
        </g>
      ))}
      {props.marks.map((m) =>
        m.event ? (
          <a href={m.href}>
            <title>{m.title}</title>
            <use href={`#${MARK_CLASS[m.status]}`} class={`mk ${MARK_CLASS[m.status]}`} x={m.x} y={m.y} />
          </a>
        ) : (
          <a href={m.href} class="cl">
            <title>{m.title}</title>
            <circle cx={m.x} cy={m.y} r={clusterRadius(m.count)} />
            <text x={m.x} y={m.y + 4}>
              {m.count}
            </text>
          </a>
        ),
      )}
    </svg>
  );
}

function Legend(props: { lang: Lang }) {
  const { lang } = props;
  const icon = (href: string, cls: string) => (
    <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true" class="icon">
      <use href={href} class={cls} />
    </svg>
  );
  return (
    <ul class="legend" aria-label={t(lang, 'legend')}>
      {VERIFICATION_STATUSES.map((s) => (
        <li>
          {icon(`#${MARK_CLASS[s]}`, `mk ${MARK_CLASS[s]}`)} {statusLabel(s, lang)}
        </li>
      ))}
      <li>
        <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true" class="icon cl">
          <circle r="7.5" />
        </svg>{' '}
        {t(lang, 'group')}
      </li>
    </ul>
  );
}

export interface MapPageProps {
  lang: Lang;
  path: string;
  filter: EventFilter;
  /** The map of the published events matching the filter (`mapView`, or `mapMarks` of events in memory). */
  view: MapView;
}

export function MapPage(props: MapPageProps) {
  const { lang, filter, view } = props;
  const { marks, outside } = view;
  const onMap = view.total - view.outsideCount;
  return (
    <Page lang={lang} path={props.path} title={t(lang, 'title')} nav="map" description={t(lang, 'intro')}>
      <h1>{t(lang, 'title')}</h1>
      <p class="meta">{t(lang, 'intro')}</p>
      <FilterForm lang={lang} filter={filter} action="/map" />
      <p class="count" role="status">
        {view.total === 0 ? t(lang, isFiltered(filter) ? 'none' : 'noneAtAll') : t(lang, 'matching', { count: eventCount(onMap, lang) })}
      </p>
      <figure class="map">
        <MapSvg lang={lang} marks={marks} title={t(lang, 'svgTitle', { count: eventCount(onMap, lang) })} />
        <figcaption>
          <Legend lang={lang} />
        </figcaption>
      </figure>
      {marks.length > 0 ? (
        <section>
          <h2>{t(lang, 'places')}</h2>
          <ul class="places">
            {marks.map((m) => (
              <li>
                <a href={m.href}>{m.label}</a> — {m.event ? summaryOf(m.event, lang).text : eventCount(m.count, lang)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.outsideCount > 0 ? (
        <section>
          <h2>{t(lang, 'outside')}</h2>
          <ul class="places">
            {outside.map((ev) => (
              <li>
                <a href={`/events/${ev.id}`}>{ev.location.name}</a> — {summaryOf(ev, lang).text}
              </li>
            ))}
          </ul>
          {view.outsideCount > outside.length ? (
            <p>
              <a href={`/${filterQuery(filter)}`}>{t(lang, 'more', { n: view.outsideCount - outside.length })}</a>
            </p>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
