/**
 * The /data page: what each download and feed is, the CSV columns, the API, the filters, the
 * licence and how to cite. The filter form works without script: one submit shows links for
 * the selection, the other buttons send the same fields straight to a file or feed.
 */
import { EVENT_TYPE_LIST } from '../core/coding.ts';
import type { FieldProblem } from '../core/errors.ts';
import { type EventFilter, filterToParams } from '../core/filter.ts';
import { placeName, regionsOf } from '../core/gazetteer/search.ts';
import { VERIFICATION_STATUSES } from '../core/verification.ts';
import { COLUMN_HELP } from './data-columns.ts';
import { ACLED_COLUMNS } from './exports/csv.ts';
import { statusLabel } from './feeds/describe.ts';
import { type Lang, translator } from './i18n.ts';
import { Page } from './layout.tsx';

const t = translator({
  en: {
    title: 'Data and feeds',
    intro:
      'Everything published in this chronicle, in open formats. Only published events appear: never reports, drafts or private sources.',
    licence: 'Data: CC BY 4.0, cite the permalink.',
    geonames: 'Coordinates and names of smaller Kazakh towns and district centres come from GeoNames (geonames.org), CC BY 4.0.',
    filterTitle: 'Choose events',
    from: 'From (local date)',
    to: 'To (local date)',
    region: 'Region',
    type: 'Event type',
    status: 'Status',
    any: 'Any',
    show: 'Show links',
    filterHelp: 'Or download this selection directly:',
    problems: 'Please correct the filter:',
    linksTitle: 'Downloads and feeds',
    linksFiltered: 'Links for your selection:',
    format: 'Format',
    address: 'Address',
    what: 'What it is',
    csv: 'ACLED-compatible CSV of all matching events (columns below). UTF-8, comma-separated, CRLF line ends.',
    geojson: 'GeoJSON FeatureCollection: one point per event, [longitude, latitude].',
    atom: 'Atom feed of the 50 latest publications, with GeoRSS points. Add ?lang=ru for Russian titles.',
    jsonFeed: 'JSON Feed 1.1 of the 50 latest publications; the _caravan field carries coordinates and status.',
    apiTitle: 'API',
    apiIntro: 'JSON over HTTP, no key needed. The OpenAPI 3.1 description lists every field.',
    apiList: 'Published events, newest day first, 50 per page (pageSize up to 500, page from 1).',
    apiOne: 'One event at its current revision.',
    apiHistory: 'Every publication of an event: revision, action, reason, time, and the record as published.',
    apiSpec: 'OpenAPI description of all of the above.',
    filtersTitle: 'Filters',
    filtersIntro:
      'Every file, feed and the API take the same query parameters as the chronology. A bad value is refused with status 422 naming the parameter.',
    pFrom: 'first local date, YYYY-MM-DD',
    pTo: 'last local date, YYYY-MM-DD',
    pRegion: 'region id, e.g. kz-mangystau',
    pType: 'ACLED event type, e.g. Protests',
    pStatus: 'unverified, corroborated, verified, disputed or retracted',
    cachingTitle: 'Caching and reuse',
    caching:
      'Answers may be cached for 60 seconds and carry an ETag; send If-None-Match to get 304 when nothing changed. Any website may read them (Access-Control-Allow-Origin: *).',
    columnsTitle: 'CSV columns',
    columnsIntro:
      "ACLED's column names in ACLED's order, so tools made for ACLED data read the file. Events that are not verified say so at the start of notes.",
    column: 'Column',
    meaning: 'Meaning',
    citeTitle: 'How to cite',
    cite: "Cite the event's permalink (/events/17) or, to pin the exact wording, the revision's address (/events/17/v/2), with the date you read it. Events are revised, never silently rewritten; the history endpoint shows every published version.",
    citeExample: 'Example:',
  },
  ru: {
    title: 'Данные и ленты',
    intro:
      'Всё опубликованное в хронике — в открытых форматах. Только опубликованные события: никогда сообщения, черновики или закрытые источники.',
    licence: 'Данные: CC BY 4.0, ссылайтесь на постоянную ссылку события.',
    geonames: 'Координаты и названия небольших городов и районных центров Казахстана взяты из GeoNames (geonames.org), CC BY 4.0.',
    filterTitle: 'Выбор событий',
    from: 'С (местная дата)',
    to: 'По (местная дата)',
    region: 'Регион',
    type: 'Тип события',
    status: 'Статус',
    any: 'Любой',
    show: 'Показать ссылки',
    filterHelp: 'Или скачайте эту выборку сразу:',
    problems: 'Исправьте фильтр:',
    linksTitle: 'Файлы и ленты',
    linksFiltered: 'Ссылки для вашей выборки:',
    format: 'Формат',
    address: 'Адрес',
    what: 'Что это',
    csv: 'CSV в формате ACLED со всеми подходящими событиями (столбцы ниже). UTF-8, запятые, строки CRLF.',
    geojson: 'GeoJSON FeatureCollection: точка на событие, [долгота, широта].',
    atom: 'Лента Atom из 50 последних публикаций с точками GeoRSS. ?lang=ru — заголовки по-русски.',
    jsonFeed: 'JSON Feed 1.1 из 50 последних публикаций; поле _caravan содержит координаты и статус.',
    apiTitle: 'API',
    apiIntro: 'JSON по HTTP, ключ не нужен. Описание OpenAPI 3.1 перечисляет все поля.',
    apiList: 'Опубликованные события, сначала новые дни, по 50 на страницу (pageSize до 500, page с 1).',
    apiOne: 'Одно событие в текущей редакции.',
    apiHistory: 'Все публикации события: редакция, действие, причина, время и запись в опубликованном виде.',
    apiSpec: 'Описание OpenAPI всего перечисленного.',
    filtersTitle: 'Фильтры',
    filtersIntro:
      'Все файлы, ленты и API принимают те же параметры, что и хроника. Неверное значение отклоняется с кодом 422 и названием параметра.',
    pFrom: 'первая местная дата, ГГГГ-ММ-ДД',
    pTo: 'последняя местная дата, ГГГГ-ММ-ДД',
    pRegion: 'код региона, например kz-mangystau',
    pType: 'тип события ACLED, например Protests',
    pStatus: 'unverified, corroborated, verified, disputed или retracted',
    cachingTitle: 'Кэширование и повторное использование',
    caching:
      'Ответы можно кэшировать 60 секунд, у них есть ETag; пришлите If-None-Match и получите 304, если ничего не изменилось. Любой сайт может их читать (Access-Control-Allow-Origin: *).',
    columnsTitle: 'Столбцы CSV',
    columnsIntro:
      'Названия и порядок столбцов как у ACLED, чтобы файл читали инструменты для данных ACLED. Непроверенные события помечены в начале notes.',
    column: 'Столбец',
    meaning: 'Значение',
    citeTitle: 'Как ссылаться',
    cite: 'Ссылайтесь на постоянную ссылку события (/events/17) или, чтобы закрепить точную формулировку, на адрес редакции (/events/17/v/2), с датой обращения. События исправляются, но не переписываются молча; история показывает все опубликованные версии.',
    citeExample: 'Пример:',
  },
});

export interface DataPageProps {
  lang: Lang;
  path: string;
  origin: string;
  filter: EventFilter;
  /** The query as sent, to refill the form even when a value was refused. */
  values: Record<string, string>;
  problems: readonly FieldProblem[];
}

function withQuery(path: string, params: Record<string, string>): string {
  const s = new URLSearchParams(params).toString();
  return s ? `${path}?${s}` : path;
}

export function DataPage(props: DataPageProps) {
  const { lang, origin, filter, values } = props;
  const params = filterToParams(filter);
  const filtered = Object.keys(params).length > 0;
  const feedParams = lang === 'en' ? params : { ...params, lang };
  const links: Array<{ format: string; href: string; what: string }> = [
    { format: 'CSV (ACLED)', href: withQuery('/events.csv', params), what: t(lang, 'csv') },
    { format: 'GeoJSON', href: withQuery('/events.geojson', params), what: t(lang, 'geojson') },
    { format: 'Atom', href: withQuery('/feed.atom', feedParams), what: t(lang, 'atom') },
    { format: 'JSON Feed', href: withQuery('/feed.json', feedParams), what: t(lang, 'jsonFeed') },
  ];
  const regions = regionsOf('KAZ')
    .map((r) => ({ id: r.id, name: placeName(r, lang) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  const formats = [
    ['/events.csv', 'CSV'],
    ['/events.geojson', 'GeoJSON'],
    ['/feed.atom', 'Atom'],
    ['/feed.json', 'JSON Feed'],
  ] as const;
  return (
    <Page lang={lang} path={props.path} title={t(lang, 'title')} nav="data" description={t(lang, 'intro')}>
      <h1>{t(lang, 'title')}</h1>
      <p>{t(lang, 'intro')}</p>
      <p>
        <strong>{t(lang, 'licence')}</strong>
      </p>

      <h2 id="filter">{t(lang, 'filterTitle')}</h2>
      {props.problems.length > 0 ? (
        <div class="notice error" role="alert">
          <p>{t(lang, 'problems')}</p>
          <ul>
            {props.problems.map((p) => (
              <li>
                <code>{p.field}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form class="filters" method="get" action="/data">
        <input type="hidden" name="lang" value={lang} />
        <label>
          {t(lang, 'from')}
          <input type="date" name="from" value={values.from ?? ''} />
        </label>
        <label>
          {t(lang, 'to')}
          <input type="date" name="to" value={values.to ?? ''} />
        </label>
        <label>
          {t(lang, 'region')}
          <select name="region">
            <option value="">{t(lang, 'any')}</option>
            {regions.map((r) => (
              <option value={r.id} selected={values.region === r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'type')}
          <select name="type">
            <option value="">{t(lang, 'any')}</option>
            {EVENT_TYPE_LIST.map((type) => (
              <option value={type} selected={values.type === type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'status')}
          <select name="status">
            <option value="">{t(lang, 'any')}</option>
            {VERIFICATION_STATUSES.map((s) => (
              <option value={s} selected={values.status === s}>
                {statusLabel(s, lang)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t(lang, 'show')}</button>
        <p>
          {t(lang, 'filterHelp')}{' '}
          {formats.map(([action, label]) => (
            <>
              <button type="submit" class="secondary" formAction={action}>
                {label}
              </button>{' '}
            </>
          ))}
        </p>
      </form>

      <h2 id="downloads">{t(lang, 'linksTitle')}</h2>
      {filtered ? <p>{t(lang, 'linksFiltered')}</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'format')}</th>
            <th scope="col">{t(lang, 'address')}</th>
            <th scope="col">{t(lang, 'what')}</th>
          </tr>
        </thead>
        <tbody>
          {links.map((l) => (
            <tr id={l.format === 'JSON Feed' ? 'json-feed' : undefined}>
              <th scope="row">{l.format}</th>
              <td>
                <a href={l.href}>{l.href}</a>
              </td>
              <td>{l.what}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="api">{t(lang, 'apiTitle')}</h2>
      <p>{t(lang, 'apiIntro')}</p>
      <dl class="facts">
        <dt>
          <a href={withQuery('/api/v1/events', params)}>
            <code>GET /api/v1/events</code>
          </a>
        </dt>
        <dd>{t(lang, 'apiList')}</dd>
        <dt>
          <code>GET /api/v1/events/{'{id}'}</code>
        </dt>
        <dd>{t(lang, 'apiOne')}</dd>
        <dt>
          <code>GET /api/v1/events/{'{id}'}/history</code>
        </dt>
        <dd>{t(lang, 'apiHistory')}</dd>
        <dt>
          <a href="/openapi.json">
            <code>GET /openapi.json</code>
          </a>
        </dt>
        <dd>{t(lang, 'apiSpec')}</dd>
      </dl>

      <h2 id="filters">{t(lang, 'filtersTitle')}</h2>
      <p>{t(lang, 'filtersIntro')}</p>
      <dl class="facts">
        <dt>
          <code>from</code>
        </dt>
        <dd>{t(lang, 'pFrom')}</dd>
        <dt>
          <code>to</code>
        </dt>
        <dd>{t(lang, 'pTo')}</dd>
        <dt>
          <code>region</code>
        </dt>
        <dd>{t(lang, 'pRegion')}</dd>
        <dt>
          <code>type</code>
        </dt>
        <dd>{t(lang, 'pType')}</dd>
        <dt>
          <code>status</code>
        </dt>
        <dd>{t(lang, 'pStatus')}</dd>
      </dl>
      <h3>{t(lang, 'cachingTitle')}</h3>
      <p>{t(lang, 'caching')}</p>

      <h2 id="columns">{t(lang, 'columnsTitle')}</h2>
      <p>{t(lang, 'columnsIntro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'column')}</th>
            <th scope="col">{t(lang, 'meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {ACLED_COLUMNS.map((col) => (
            <tr>
              <th scope="row">
                <code>{col}</code>
              </th>
              <td>{COLUMN_HELP[col][lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="cite">{t(lang, 'citeTitle')}</h2>
      <p>{t(lang, 'cite')}</p>
      <p>
        {t(lang, 'citeExample')}{' '}
        <q>Caravan, “Kazakhstan, January 2022”, event 17, revision 2, {origin}/events/17/v/2 (accessed 2022-02-01).</q>
      </p>
      <p>{t(lang, 'licence')}</p>
      <p>{t(lang, 'geonames')}</p>
    </Page>
  );
}
