/** One-line explanations of the CSV columns for the /data page, in both interface languages. */
import type { AcledColumn } from './exports/csv.ts';
import type { Lang } from './i18n.ts';

export const COLUMN_HELP: Record<AcledColumn, Record<Lang, string>> = {
  event_id_cnty: {
    en: 'Country code and event id, e.g. KAZ17; the permalink is /events/17.',
    ru: 'Код страны и номер события, например KAZ17; постоянная ссылка — /events/17.',
  },
  event_date: { en: 'Local date at the place, YYYY-MM-DD.', ru: 'Местная дата в месте события, ГГГГ-ММ-ДД.' },
  year: { en: 'Year of event_date.', ru: 'Год из event_date.' },
  time_precision: { en: '1 the day is known, 2 within a week, 3 within a month.', ru: '1 — известен день, 2 — неделя, 3 — месяц.' },
  disorder_type: {
    en: 'Political violence, Demonstrations, both, or Strategic developments.',
    ru: 'Политическое насилие, демонстрации, то и другое или стратегические события.',
  },
  event_type: { en: 'ACLED event type.', ru: 'Тип события по ACLED.' },
  sub_event_type: { en: 'ACLED sub-event type.', ru: 'Подтип события по ACLED.' },
  actor1: { en: 'Main actor.', ru: 'Основной участник.' },
  assoc_actor_1: { en: 'Actors associated with actor1, separated by "; ".', ru: 'Связанные с actor1 участники через «; ».' },
  inter1: {
    en: 'Actor type of actor1 as a label (State forces, Protesters, ...).',
    ru: 'Тип участника actor1 словами (State forces, Protesters, ...).',
  },
  actor2: { en: 'Second actor, if any.', ru: 'Второй участник, если есть.' },
  assoc_actor_2: { en: 'Actors associated with actor2.', ru: 'Связанные с actor2 участники.' },
  inter2: { en: 'Actor type of actor2 as a label.', ru: 'Тип участника actor2 словами.' },
  interaction: {
    en: 'Both actor types, e.g. "State forces-Protesters", or "<type> only".',
    ru: 'Оба типа участников, например «State forces-Protesters», или «<тип> only».',
  },
  civilian_targeting: {
    en: '"Civilian targeting" when civilians were the target, else empty.',
    ru: '«Civilian targeting», если целью были мирные жители, иначе пусто.',
  },
  iso: { en: 'ISO 3166 numeric country code (Kazakhstan 398).', ru: 'Числовой код страны ISO 3166 (Казахстан — 398).' },
  region: { en: 'ACLED world region, e.g. Caucasus and Central Asia.', ru: 'Регион мира по ACLED, например Caucasus and Central Asia.' },
  country: { en: 'Country name in English.', ru: 'Название страны по-английски.' },
  admin1: { en: 'Region (oblast) or city of republican significance.', ru: 'Область или город республиканского значения.' },
  admin2: { en: 'District, where known.', ru: 'Район, если известен.' },
  admin3: { en: 'Smaller unit, where known.', ru: 'Более мелкая единица, если известна.' },
  location: { en: 'Place name as published.', ru: 'Название места, как опубликовано.' },
  latitude: { en: 'Latitude, 4 decimals.', ru: 'Широта, 4 знака после запятой.' },
  longitude: { en: 'Longitude, 4 decimals.', ru: 'Долгота, 4 знака после запятой.' },
  geo_precision: {
    en: '1 the exact place, 2 near it or part of a region, 3 only the region.',
    ru: '1 — точное место, 2 — рядом или часть региона, 3 — только регион.',
  },
  source: {
    en: 'Public sources (outlets), separated by "; ". Private sources are never listed.',
    ru: 'Открытые источники (издания) через «; ». Закрытые источники не указываются никогда.',
  },
  source_scale: {
    en: 'Scale of those sources (Local, National, International...).',
    ru: 'Уровень этих источников (местный, национальный, международный...).',
  },
  notes: {
    en: 'Summary and notes; begins with the status in brackets, e.g. "[Unverified]", unless verified.',
    ru: 'Описание и примечания; в начале статус в скобках, например «[Unverified]», если событие не проверено.',
  },
  fatalities: {
    en: 'The most conservative figure the sources give; 0 when unknown.',
    ru: 'Самая осторожная из названных источниками цифр; 0, если неизвестно.',
  },
  tags: { en: 'Tags separated by "; ", always with verification=<status>.', ru: 'Метки через «; », всегда с verification=<статус>.' },
  timestamp: { en: 'When this revision was published, in Unix seconds.', ru: 'Когда опубликована эта редакция, в секундах Unix.' },
};
