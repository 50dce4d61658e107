/**
 * The GET form that filters the chronology and the map: plain fields, so it works without
 * script and the result is a link anyone can share.
 */
import { EVENT_TYPE_LIST } from '../core/coding.ts';
import { type EventFilter, filterToParams } from '../core/filter.ts';
import { getPlace, placeName, regionsOf } from '../core/gazetteer/search.ts';
import { VERIFICATION_STATUSES } from '../core/verification.ts';
import { eventTypeLabel, statusLabel } from './event-view.tsx';
import { type Lang, translator } from './i18n.ts';

const t = translator({
  en: {
    legend: 'Filter events',
    from: 'From',
    to: 'To',
    region: 'Region',
    type: 'Event type',
    status: 'Status',
    any: 'Any',
    apply: 'Show',
    reset: 'Clear filters',
    area: 'Only the area {area}',
    areaRemove: 'remove the area',
  },
  ru: {
    legend: 'Отбор событий',
    from: 'С',
    to: 'По',
    region: 'Регион',
    type: 'Тип события',
    status: 'Статус',
    any: 'Любой',
    apply: 'Показать',
    reset: 'Сбросить',
    area: 'Только участок {area}',
    areaRemove: 'убрать участок',
  },
});

/** The date the chronicle's administrative units are taken from (the uprising's units). */
export const REGIONS_AS_OF = '2022-01-05';

export interface RegionOption {
  id: string;
  name: string;
}

/** The 14 regions and 3 cities of republican significance, sorted by name in the reader's language. */
export function regionOptions(lang: Lang): RegionOption[] {
  return regionsOf('KAZ', REGIONS_AS_OF)
    .map((p) => ({ id: p.id, name: placeName(p, lang) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
}

/** A region id's name, or the id itself for an admin1 text the gazetteer does not know. */
export function regionName(id: string, lang: Lang): string {
  const place = getPlace(id);
  return place ? placeName(place, lang) : id;
}

/** A query string (with leading "?", or empty) for the filter plus extra parameters. */
export function filterQuery(filter: EventFilter, extra: Record<string, string> = {}): string {
  const qs = new URLSearchParams({ ...filterToParams(filter), ...extra }).toString();
  return qs ? `?${qs}` : '';
}

export function isFiltered(filter: EventFilter): boolean {
  return Object.keys(filterToParams(filter)).length > 0;
}

function bboxText(b: [number, number, number, number]): string {
  const [w, s, e, n] = b;
  const lat = (y: number) => `${Math.abs(y)}°${y < 0 ? 'S' : 'N'}`;
  const lon = (x: number) => `${Math.abs(x)}°${x < 0 ? 'W' : 'E'}`;
  return `${lat(s)}–${lat(n)}, ${lon(w)}–${lon(e)}`;
}

export function FilterForm(props: { lang: Lang; filter: EventFilter; action: string }) {
  const { lang, filter } = props;
  const regions = regionOptions(lang);
  const known = !filter.region || regions.some((r) => r.id === filter.region);
  const { bbox, ...withoutArea } = filter;
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for the old phones readers use; the role says the same
    <form class="filters" method="get" action={props.action} role="search" aria-label={t(lang, 'legend')}>
      <label>
        {t(lang, 'from')}
        <input type="date" name="from" value={filter.from ?? ''} />
      </label>
      <label>
        {t(lang, 'to')}
        <input type="date" name="to" value={filter.to ?? ''} />
      </label>
      <label>
        {t(lang, 'region')}
        <select name="region">
          <option value="">{t(lang, 'any')}</option>
          {regions.map((r) => (
            <option value={r.id} selected={filter.region === r.id}>
              {r.name}
            </option>
          ))}
          {known ? null : (
            <option value={filter.region} selected>
              {filter.region}
            </option>
          )}
        </select>
      </label>
      <label>
        {t(lang, 'type')}
        <select name="type">
          <option value="">{t(lang, 'any')}</option>
          {EVENT_TYPE_LIST.map((type) => (
            <option value={type} selected={filter.eventType === type}>
              {eventTypeLabel(type, lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t(lang, 'status')}
        <select name="status">
          <option value="">{t(lang, 'any')}</option>
          {VERIFICATION_STATUSES.map((s) => (
            <option value={s} selected={filter.status === s}>
              {statusLabel(s, lang)}
            </option>
          ))}
        </select>
      </label>
      {bbox ? <input type="hidden" name="bbox" value={bbox.join(',')} /> : null}
      <button type="submit">{t(lang, 'apply')}</button>
      {isFiltered(filter) ? <a href={props.action}>{t(lang, 'reset')}</a> : null}
      {bbox ? (
        <p class="area">
          {t(lang, 'area', { area: bboxText(bbox) })} (<a href={props.action + filterQuery(withoutArea)}>{t(lang, 'areaRemove')}</a>)
        </p>
      ) : null}
    </form>
  );
}
