/**
 * Pieces every public view of an event shares: its local time, status badge, fatalities, place
 * and coding labels, in the reader's language. Inputs are PublicEvent parts only.
 */
import type { ActorTypeCode, EventType, SubEventType } from '../core/coding.ts';
import type { EventLocation } from '../core/event.ts';
import { getPlace, placeName } from '../core/gazetteer/search.ts';
import type { PublicEvent } from '../core/public-event.ts';
import { type EventTime, type PartOfDay, readLocalTime } from '../core/time.ts';
import type { VerificationStatus } from '../core/verification.ts';
import { type Lang, ruPlural, translator } from './i18n.ts';

export const viewText = translator({
  en: {
    timeUnknown: 'time unknown',
    dateWithinWeek: 'date approximate (within a week)',
    dateWithinMonth: 'some time this month',
    night: 'at night',
    morning: 'morning',
    afternoon: 'afternoon',
    evening: 'evening',
    retractedNote: 'Retracted',
    noDeaths: 'no deaths reported',
    count: '{n} events',
    countOne: '1 event',
  },
  ru: {
    timeUnknown: 'время неизвестно',
    dateWithinWeek: 'дата приблизительна (в пределах недели)',
    dateWithinMonth: 'в течение месяца',
    night: 'ночью',
    morning: 'утром',
    afternoon: 'днём',
    evening: 'вечером',
    retractedNote: 'Отозвано',
    noDeaths: 'погибших нет',
    count: '{n} {word}',
    countOne: '1 событие',
  },
});

const EVENT_TYPE_RU: Record<EventType, string> = {
  Battles: 'Бои',
  'Explosions/Remote violence': 'Взрывы / дистанционное насилие',
  'Violence against civilians': 'Насилие против мирных жителей',
  Protests: 'Протесты',
  Riots: 'Беспорядки',
  'Strategic developments': 'Стратегические события',
};

const SUB_EVENT_TYPE_RU: Record<SubEventType, string> = {
  'Armed clash': 'Вооружённое столкновение',
  'Government regains territory': 'Власти восстанавливают контроль над территорией',
  'Non-state actor overtakes territory': 'Негосударственная группа захватывает территорию',
  'Chemical weapon': 'Химическое оружие',
  'Air/drone strike': 'Удар с воздуха или беспилотника',
  'Suicide bomb': 'Взрыв смертника',
  'Shelling/artillery/missile attack': 'Обстрел, артиллерийский или ракетный удар',
  'Remote explosive/landmine/IED': 'Дистанционный взрыв, мина, СВУ',
  Grenade: 'Граната',
  'Sexual violence': 'Сексуальное насилие',
  Attack: 'Нападение',
  'Abduction/forced disappearance': 'Похищение, насильственное исчезновение',
  'Peaceful protest': 'Мирный протест',
  'Protest with intervention': 'Протест с вмешательством',
  'Excessive force against protesters': 'Чрезмерная сила против протестующих',
  'Violent demonstration': 'Насильственная демонстрация',
  'Mob violence': 'Насилие толпы',
  Agreement: 'Соглашение',
  Arrests: 'Задержания',
  'Change to group/activity': 'Изменения в группе или её деятельности',
  'Disrupted weapons use': 'Предотвращённое применение оружия',
  'Headquarters or base established': 'Создание штаба или базы',
  'Looting/property destruction': 'Мародёрство, уничтожение имущества',
  'Non-violent transfer of territory': 'Ненасильственная передача территории',
  Other: 'Другое',
};

const STATUS_LABELS: Record<Lang, Record<VerificationStatus, string>> = {
  en: { unverified: 'unverified', corroborated: 'corroborated', verified: 'verified', disputed: 'disputed', retracted: 'retracted' },
  ru: {
    unverified: 'не проверено',
    corroborated: 'подтверждено источниками',
    verified: 'проверено',
    disputed: 'оспаривается',
    retracted: 'отозвано',
  },
};

const ACTOR_TYPE_RU: Record<ActorTypeCode, string> = {
  1: 'Государственные силы',
  2: 'Повстанческие группы',
  3: 'Политические ополчения',
  4: 'Ополчения по идентичности',
  5: 'Участники беспорядков',
  6: 'Протестующие',
  7: 'Мирные жители',
  8: 'Внешние и прочие силы',
};

const DISORDER_RU: Record<string, string> = {
  'Political violence': 'Политическое насилие',
  Demonstrations: 'Демонстрации',
  'Political violence; Demonstrations': 'Политическое насилие; демонстрации',
  'Strategic developments': 'Стратегические события',
};

export function eventTypeLabel(type: EventType, lang: Lang): string {
  return lang === 'ru' ? EVENT_TYPE_RU[type] : type;
}

export function subEventTypeLabel(type: SubEventType, lang: Lang): string {
  return lang === 'ru' ? SUB_EVENT_TYPE_RU[type] : type;
}

export function statusLabel(status: VerificationStatus, lang: Lang): string {
  return STATUS_LABELS[lang][status];
}

export function disorderTypeLabel(type: string, lang: Lang): string {
  return lang === 'ru' ? (DISORDER_RU[type] ?? type) : type;
}

/** Russian names for ACLED actor types; English keeps ACLED's own words. */
export function actorTypeName(code: ActorTypeCode, english: string, lang: Lang): string {
  return lang === 'ru' ? ACTOR_TYPE_RU[code] : english;
}

/** "1 event", "5 events", "5 событий". */
export function eventCount(n: number, lang: Lang): string {
  if (n === 1) return viewText(lang, 'countOne');
  return viewText(lang, 'count', { n: n.toLocaleString(lang === 'ru' ? 'ru' : 'en'), word: ruPlural(n, 'событие', 'события', 'событий') });
}

const UTC = 'UTC';
const fmtCache = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let f = fmtCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'ru' ? 'ru' : 'en-GB', { ...options, timeZone: UTC });
    fmtCache.set(key, f);
  }
  return f;
}

const dateOf = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

function parts(f: Intl.DateTimeFormat, isoDate: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(dateOf(isoDate))) if (p.type !== 'literal') out[p.type] = p.value;
  return out;
}

/** A local date as a heading: "Wednesday, 5 January 2022", "среда, 5 января 2022". */
export function dayHeading(isoDate: string, lang: Lang): string {
  const p = parts(fmt(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }), isoDate);
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
}

/** "5 January 2022", "5 января 2022". */
export function longDate(isoDate: string, lang: Lang): string {
  const p = parts(fmt(lang, { day: 'numeric', month: 'long', year: 'numeric' }), isoDate);
  return `${p.day} ${p.month} ${p.year}`;
}

/** "5 Jan", "5 янв.". */
export function shortDate(isoDate: string, lang: Lang): string {
  const p = parts(fmt(lang, { day: 'numeric', month: 'short' }), isoDate);
  return `${p.day} ${p.month}`;
}

/** "5–7 Jan" within a month, "31 Dec – 2 Jan" across months. */
export function dateRange(start: string, end: string, lang: Lang): string {
  if (start.slice(0, 7) === end.slice(0, 7)) {
    const a = parts(fmt(lang, { day: 'numeric', month: 'short' }), start);
    const b = parts(fmt(lang, { day: 'numeric', month: 'short' }), end);
    return `${a.day}–${b.day} ${b.month}`;
  }
  return `${shortDate(start, lang)} – ${shortDate(end, lang)}`;
}

/** "+06:00" → "UTC+6", "+05:30" → "UTC+5:30". */
export function utcLabel(offset: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m) return `UTC${offset}`;
  const hours = String(Number(m[2]));
  return m[3] === '00' ? `UTC${m[1]}${hours}` : `UTC${m[1]}${hours}:${m[3]}`;
}

export interface TimeView {
  /** What the reader sees: "14:00", "≈ 14:00", "afternoon", "5–7 Jan", "time unknown". */
  text: string;
  /** Machine-readable value for <time datetime>. */
  datetime: string;
  /** "UTC+6". */
  utc: string;
  timeZone: string;
  date: string;
  /** Last local date of an interval spanning days. */
  endDate?: string;
  /** A clock time or part of the day is known, so the offset means something to the reader. */
  hasClock: boolean;
}

/** The event's time as it read on the clocks where it happened. */
export function timeView(time: EventTime, lang: Lang): TimeView {
  const r = readLocalTime(time);
  const approx = r.approximate ? '≈ ' : '';
  let text: string;
  if (r.endDate) {
    text =
      r.clock && r.endClock
        ? `${approx}${shortDate(r.date, lang)} ${r.clock} – ${shortDate(r.endDate, lang)} ${r.endClock}`
        : `${approx}${dateRange(r.date, r.endDate, lang)}`;
  } else if (r.clock) {
    text = `${approx}${r.clock}${r.endClock && r.endClock !== r.clock ? `–${r.endClock}` : ''}`;
  } else if (r.partOfDay) {
    text = `${approx}${viewText(lang, r.partOfDay satisfies PartOfDay)}`;
  } else if (r.precision === 'days') {
    text = viewText(lang, 'dateWithinWeek');
  } else if (r.precision === 'month') {
    text = viewText(lang, 'dateWithinMonth');
  } else {
    text = viewText(lang, 'timeUnknown');
  }
  return {
    text,
    datetime: r.clock ? `${r.date}T${r.clock}${r.offset}` : r.date,
    utc: utcLabel(r.offset),
    timeZone: time.timeZone,
    date: r.date,
    hasClock: !r.timeUnknown,
    ...(r.endDate ? { endDate: r.endDate } : {}),
  };
}

/** Local time with its UTC offset visible when a time is known, and the zone in the tooltip. */
export function EventTimeView(props: { time: EventTime; lang: Lang }) {
  const v = timeView(props.time, props.lang);
  return (
    <>
      <time datetime={v.datetime} title={`${v.timeZone}, ${v.utc}`}>
        {v.text}
      </time>
      {v.hasClock ? (
        <>
          {' '}
          <span class="tz">{v.utc}</span>
        </>
      ) : null}
    </>
  );
}

export function StatusBadge(props: { status: VerificationStatus; lang: Lang }) {
  return <span class={`badge status-${props.status}`}>{statusLabel(props.status, props.lang)}</span>;
}

/**
 * The conservative figure with the sources' own words: "12 killed (dozens)". Undefined when
 * nothing about deaths was reported.
 */
export function fatalitiesText(f: PublicEvent['fatalities'], lang: Lang): string | undefined {
  const wording = f.wording?.trim();
  const reported = typeof f.min === 'number' || typeof f.max === 'number' || Boolean(wording);
  if (!reported) return undefined;
  if (f.acled === 0 && !wording) return viewText(lang, 'noDeaths');
  const n = f.acled;
  const figure = lang === 'ru' ? `${n} ${ruPlural(n, 'погибший', 'погибших', 'погибших')}` : `${n} killed`;
  return wording ? `${figure} (${wording})` : figure;
}

/**
 * The place in the reader's language when the gazetteer knows it; a landmark or district
 * carries its city ("Republic Square, Almaty").
 */
export function placeLabel(location: EventLocation, lang: Lang): string {
  const place = location.placeId ? getPlace(location.placeId) : undefined;
  if (!place) return location.name;
  const name = placeName(place, lang);
  if ((place.kind === 'landmark' || place.kind === 'district') && place.parent) {
    const parent = getPlace(place.parent);
    if (parent) return `${name}, ${placeName(parent, lang)}`;
  }
  return name;
}

/** The summary in the reader's language, or English with its language marked. */
export function summaryOf(ev: Pick<PublicEvent, 'summary'>, lang: Lang): { text: string; lang: Lang } {
  if (lang === 'ru' && ev.summary.ru) return { text: ev.summary.ru, lang: 'ru' };
  return { text: ev.summary.en, lang: 'en' };
}

/** "Protests — Peaceful protest" in the reader's language. */
export function codingLabel(ev: Pick<PublicEvent, 'eventType' | 'subEventType'>, lang: Lang): string {
  return `${eventTypeLabel(ev.eventType, lang)} — ${subEventTypeLabel(ev.subEventType, lang)}`;
}
