/**
 * The event form: every field of the ACLED coding, in plain controls that work without
 * JavaScript. Searching the gazetteer and adding sources are submit buttons that redraw the
 * form without saving; problems appear next to their fields and the input is kept.
 */
import { ACTOR_TYPES, EVENT_TYPE_LIST, EVENT_TYPES } from '../../core/coding.ts';
import type { FieldProblem } from '../../core/errors.ts';
import { TIME_PRECISIONS } from '../../core/time.ts';
import { VERIFICATION_STATUSES } from '../../core/verification.ts';
import { type Lang, translator } from '../i18n.ts';
import { Checkbox, Select, TextArea, TextInput } from './controls.tsx';
import type { EventFormState } from './event-form-state.ts';
import { SuggestedMark } from './event-form-suggested.tsx';
import { type OfferedMedia, MediaFieldset } from './event-form-media.tsx';
import { SourcesFieldset } from './event-form-sources.tsx';
import { reportLabel } from './queue.tsx';
import { type EditorUser, Csrf, EditorPage, FieldProblems, Lines, ProblemSummary, fieldId, placeLabel } from './shell.tsx';

export const formText = translator({
  en: {
    titleNew: 'New event',
    titleEdit: 'Edit event #{id}',
    fromReport: 'Coding report #{id}',
    withIncident: 'and the rest of its incident, linked with it: {ids}',
    reporterWhen: 'Reporter’s “when”',
    reporterWhere: 'Reporter’s “where”',
    reporterHow: 'How they know',
    notSaved: 'Not saved yet: check the form and press Save.',
    save: 'Save',
    summary: 'Summary',
    summaryEn: 'Summary in English',
    summaryRu: 'Summary in Russian',
    notes: 'Notes (public)',
    place: 'Place',
    placeQuery: 'Search the gazetteer',
    placeHint: 'A town, region or landmark in any spelling: Жанаозен, Zhanaozen, Janaozen.',
    findPlace: 'Find place',
    chosenPlace: 'Gazetteer place: {name}',
    noPlace: 'No gazetteer place chosen: enter the name and coordinates yourself.',
    candidates: 'Places that match',
    noneOfThese: 'None of these (enter the place by hand)',
    locationName: 'Location name as published',
    admin1: 'Region (admin1)',
    admin1Derived: 'Region (admin1): {name}, from the gazetteer',
    country: 'Country (ISO alpha-3)',
    lat: 'Latitude',
    lon: 'Longitude',
    geoPrecision: 'Geo precision',
    geo1: '1 — the town or point itself',
    geo2: '2 — near the town, or part of a region',
    geo3: '3 — only the region is known',
    time: 'Time',
    date: 'Local date',
    clock: 'Local time',
    clockHint: '24-hour clock at the place, e.g. 14:30.',
    partOfDay: 'Part of the day',
    pod_night: 'night',
    pod_morning: 'morning',
    pod_afternoon: 'afternoon',
    pod_evening: 'evening',
    endDate: 'End date (if it lasted)',
    endClock: 'End time',
    precision: 'How precisely is the time known?',
    prec_minute: 'to the minute',
    prec_hour: 'to the hour',
    prec_part_of_day: 'part of the day only',
    prec_day: 'the day only',
    prec_days: 'within a few days',
    prec_month: 'within the month',
    approximate: 'Approximate (“around 2 pm”)',
    timeZone: 'Time zone',
    timeZoneHint: 'IANA zone; the place’s zone unless you change it (Zhanaozen: Asia/Aqtau, Almaty: Asia/Almaty).',
    coding: 'Coding',
    eventType: 'Event type and sub-type',
    choose: '— choose —',
    actor1: 'Actor 1',
    actor2: 'Actor 2 (optional)',
    actorName: 'Name',
    actorType: 'Type',
    associated: 'Associated actors',
    associatedHint: 'One per line, or separated by commas.',
    civilianTargeting: 'Civilians were targeted',
    fatalities: 'Fatalities as reported',
    fatalitiesMin: 'Lowest figure',
    fatalitiesMax: 'Highest figure',
    fatalitiesWording: 'The source’s words (“dozens”, “at least 8”)',
    verification: 'Verification',
    status: 'Status',
    st_unverified: 'unverified',
    st_corroborated: 'corroborated',
    st_verified: 'verified',
    st_disputed: 'disputed',
    st_retracted: 'retracted',
    statusReason: 'Status reason',
    statusReasonHint: 'How it was verified, what is disputed, or why it is retracted (shown to readers).',
    tags: 'Tags',
    tagsHint: 'Separated by commas.',
    reason: 'Reason for this change',
    reasonHint: 'Required: kept in the revision history.',
    reasonFirst: 'Note on this first draft (optional)',
    conflictTitle: 'Not saved',
  },
  ru: {
    titleNew: 'Новое событие',
    titleEdit: 'Правка события №{id}',
    fromReport: 'Кодирование сообщения №{id}',
    withIncident: 'и остальных сообщений его инцидента, они будут связаны с событием: {ids}',
    reporterWhen: '«Когда» со слов автора',
    reporterWhere: '«Где» со слов автора',
    reporterHow: 'Откуда автор знает',
    notSaved: 'Ещё не сохранено: проверьте форму и нажмите «Сохранить».',
    save: 'Сохранить',
    summary: 'Описание',
    summaryEn: 'Описание по-английски',
    summaryRu: 'Описание по-русски',
    notes: 'Примечания (публичные)',
    place: 'Место',
    placeQuery: 'Поиск по справочнику мест',
    placeHint: 'Город, область или объект в любом написании: Жанаозен, Zhanaozen, Janaozen.',
    findPlace: 'Найти место',
    chosenPlace: 'Место из справочника: {name}',
    noPlace: 'Место из справочника не выбрано: введите название и координаты сами.',
    candidates: 'Подходящие места',
    noneOfThese: 'Ничего из этого (ввести место вручную)',
    locationName: 'Название места для публикации',
    admin1: 'Область (admin1)',
    admin1Derived: 'Область (admin1): {name}, по справочнику',
    country: 'Страна (ISO alpha-3)',
    lat: 'Широта',
    lon: 'Долгота',
    geoPrecision: 'Точность места',
    geo1: '1 — сам город или точка',
    geo2: '2 — рядом с городом или часть области',
    geo3: '3 — известна только область',
    time: 'Время',
    date: 'Местная дата',
    clock: 'Местное время',
    clockHint: 'По местным часам, 24 часа, например 14:30.',
    partOfDay: 'Время суток',
    pod_night: 'ночь',
    pod_morning: 'утро',
    pod_afternoon: 'день',
    pod_evening: 'вечер',
    endDate: 'Дата окончания (если длилось)',
    endClock: 'Время окончания',
    precision: 'Насколько точно известно время?',
    prec_minute: 'до минуты',
    prec_hour: 'до часа',
    prec_part_of_day: 'только время суток',
    prec_day: 'только день',
    prec_days: 'в пределах нескольких дней',
    prec_month: 'в пределах месяца',
    approximate: 'Приблизительно («около двух часов»)',
    timeZone: 'Часовой пояс',
    timeZoneHint: 'Пояс IANA; по умолчанию пояс места (Жанаозен: Asia/Aqtau, Алматы: Asia/Almaty).',
    coding: 'Кодирование',
    eventType: 'Тип и подтип события',
    choose: '— выберите —',
    actor1: 'Участник 1',
    actor2: 'Участник 2 (необязательно)',
    actorName: 'Название',
    actorType: 'Тип',
    associated: 'Связанные участники',
    associatedHint: 'По одному в строке или через запятую.',
    civilianTargeting: 'Целью были мирные жители',
    fatalities: 'Погибшие по сообщениям',
    fatalitiesMin: 'Наименьшее число',
    fatalitiesMax: 'Наибольшее число',
    fatalitiesWording: 'Слова источника («десятки», «не менее 8»)',
    verification: 'Проверка',
    status: 'Статус',
    st_unverified: 'не проверено',
    st_corroborated: 'подтверждено источниками',
    st_verified: 'проверено',
    st_disputed: 'оспаривается',
    st_retracted: 'отозвано',
    statusReason: 'Обоснование статуса',
    statusReasonHint: 'Как проверено, что оспаривается или почему отозвано (видно читателям).',
    tags: 'Метки',
    tagsHint: 'Через запятую.',
    reason: 'Причина изменения',
    reasonHint: 'Обязательно: сохраняется в истории правок.',
    reasonFirst: 'Примечание к первому варианту (необязательно)',
    conflictTitle: 'Не сохранено',
  },
});

export type FormKey = Parameters<typeof formText>[1];

export interface PlaceOption {
  id: string;
  label: string;
}

export interface EventFormPageProps {
  lang: Lang;
  path: string;
  user: EditorUser;
  /** Absent for a new event. */
  eventId?: number;
  state: EventFormState;
  problems: readonly FieldProblem[];
  candidates: readonly PlaceOption[];
  sourceOptions: ReadonlyArray<{ id: number; label: string }>;
  report?: { id: number; what: string; claimed_when: string | null; claimed_where: string | null; how_known: string };
  notSaved?: boolean;
  /** Why the save was refused because of someone else's change or the report's state. */
  conflict?: string;
  /** Stripped media of the linked reports, which the editor may publish with the event. */
  media?: readonly OfferedMedia[];
}

export function EventFormPage(props: EventFormPageProps) {
  const { lang, state: s, problems } = props;
  const t = (k: FormKey, vars?: Record<string, string | number>) => formText(lang, k, vars);
  const title = props.eventId ? t('titleEdit', { id: props.eventId }) : t('titleNew');
  const action = props.eventId ? `/editor/events/${props.eventId}/edit` : '/editor/events/new';
  const p = { problems };
  const chosen = placeLabel(s.placeId, lang);
  const opt = (value: string, label: string) => ({ value, label });
  return (
    <EditorPage lang={lang} path={props.path} title={title} user={props.user} nav={props.eventId ? 'events' : 'new-event'}>
      <h1>{title}</h1>
      {props.conflict ? (
        <p class="notice error" role="alert">
          <strong>{t('conflictTitle')}:</strong> {props.conflict}
        </p>
      ) : null}
      {props.notSaved ? <p class="notice">{t('notSaved')}</p> : null}
      <ProblemSummary lang={lang} problems={problems} />
      {props.report ? (
        <aside class="notice">
          <p>
            <a href={`/editor/reports/${props.report.id}`}>{t('fromReport', { id: props.report.id })}</a>
            {s.alsoReports ? (
              <>
                {' '}
                {t('withIncident', {
                  ids: s.alsoReports
                    .split(',')
                    .map((x) => `#${x}`)
                    .join(', '),
                })}
              </>
            ) : null}
          </p>
          <blockquote>
            <Lines text={props.report.what} />
          </blockquote>
          <p class="meta">
            {t('reporterWhen')}: {props.report.claimed_when ?? '—'} · {t('reporterWhere')}: {props.report.claimed_where ?? '—'} ·{' '}
            {t('reporterHow')}: {reportLabel(lang, 'how', props.report.how_known)}
          </p>
        </aside>
      ) : null}
      <form method="post" action={action} class="event-form">
        <Csrf token={props.user.csrf} />
        <input type="hidden" name="base_revision" value={s.baseRevision} />
        <input type="hidden" name="from_report" value={s.fromReport} />
        {s.alsoReports ? <input type="hidden" name="also_reports" value={s.alsoReports} /> : null}
        {Object.keys(s.suggested).length > 0 ? <input type="hidden" name="suggested" value={JSON.stringify(s.suggested)} /> : null}
        <input type="hidden" name="prev_place_id" value={s.prevPlaceId} />
        <input type="hidden" name="prev_query" value={s.prevQuery} />
        {/* The first submit button is the one Enter presses: make it Save. */}
        <p>
          <button type="submit" name="intent" value="save">
            {t('save')}
          </button>
        </p>

        <fieldset>
          <legend>{t('summary')}</legend>
          <TextInput
            {...p}
            label={t('summaryEn')}
            name="summary_en"
            fields={['summary.en', 'summary']}
            value={s.summaryEn}
            maxlength={300}
            required
          />
          <TextInput {...p} label={t('summaryRu')} name="summary_ru" fields={['summary.ru']} value={s.summaryRu} maxlength={300} />
          <TextArea {...p} label={t('notes')} name="notes" fields={['notes']} value={s.notes} maxlength={5000} rows={4} />
        </fieldset>

        <fieldset>
          <legend>{t('place')}</legend>
          <SuggestedMark lang={lang} state={s} field="place" />
          <TextInput
            {...p}
            label={t('placeQuery')}
            hint={t('placeHint')}
            name="place_query"
            fields={['location.placeId', 'location']}
            value={s.placeQuery}
            maxlength={200}
          />
          <p>
            <button type="submit" name="intent" value="find_place" class="secondary" formnovalidate>
              {t('findPlace')}
            </button>
          </p>
          {props.candidates.length > 0 ? (
            <fieldset>
              <legend>{t('candidates')}</legend>
              {props.candidates.map((c, i) => (
                <p>
                  <input type="radio" name="place_id" id={`place-${i}`} value={c.id} checked={c.id === s.placeId} />{' '}
                  <label for={`place-${i}`}>{c.label}</label>
                </p>
              ))}
              <p>
                <input type="radio" name="place_id" id="place-none" value="" checked={!s.placeId} />{' '}
                <label for="place-none">{t('noneOfThese')}</label>
              </p>
            </fieldset>
          ) : (
            <>
              <input type="hidden" name="place_id" value={s.placeId} />
              <p>{chosen ? t('chosenPlace', { name: `${chosen} (${s.placeId})` }) : t('noPlace')}</p>
            </>
          )}
          <TextInput
            {...p}
            label={t('locationName')}
            name="location_name"
            fields={['location.name']}
            value={s.locationName}
            maxlength={200}
          />
          {s.placeId && chosen ? (
            <>
              <input type="hidden" name="admin1" value={s.admin1} />
              <p>{t('admin1Derived', { name: s.admin1 || '—' })}</p>
            </>
          ) : (
            <TextInput {...p} label={t('admin1')} name="admin1" fields={['location.admin1']} value={s.admin1} maxlength={200} />
          )}
          <TextInput {...p} label={t('country')} name="country" fields={['location.country']} value={s.country} maxlength={3} />
          <TextInput {...p} label={t('lat')} name="lat" fields={['location.lat']} value={s.lat} inputmode="decimal" />
          <TextInput {...p} label={t('lon')} name="lon" fields={['location.lon']} value={s.lon} inputmode="decimal" />
          <Select
            {...p}
            label={t('geoPrecision')}
            name="geo_precision"
            fields={['location.geoPrecision']}
            value={s.geoPrecision}
            options={[opt('1', t('geo1')), opt('2', t('geo2')), opt('3', t('geo3'))]}
          />
        </fieldset>

        <fieldset>
          <legend>{t('time')}</legend>
          <SuggestedMark lang={lang} state={s} field="time" />
          <Select
            {...p}
            label={t('precision')}
            name="precision"
            fields={['time.precision']}
            value={s.precision}
            options={TIME_PRECISIONS.map((x) => opt(x, t(`prec_${x}`)))}
          />
          <TextInput {...p} type="date" label={t('date')} name="date" fields={['time.start', 'time']} value={s.date} />
          <TextInput {...p} type="time" label={t('clock')} hint={t('clockHint')} name="clock" fields={['time.clock']} value={s.clock} />
          <Select
            {...p}
            label={t('partOfDay')}
            name="part_of_day"
            fields={['time.partOfDay']}
            value={s.partOfDay}
            options={[opt('', t('choose')), ...(['night', 'morning', 'afternoon', 'evening'] as const).map((x) => opt(x, t(`pod_${x}`)))]}
          />
          <TextInput {...p} type="date" label={t('endDate')} name="end_date" fields={['time.end']} value={s.endDate} />
          <TextInput {...p} type="time" label={t('endClock')} name="end_clock" fields={['time.endClock']} value={s.endClock} />
          <Checkbox {...p} label={t('approximate')} name="approximate" fields={['time.approximate']} checked={s.approximate} />
          <TextInput
            {...p}
            label={t('timeZone')}
            hint={t('timeZoneHint')}
            name="time_zone"
            fields={['time.timeZone']}
            value={s.timeZone}
            maxlength={64}
          />
        </fieldset>

        <fieldset>
          <legend>{t('coding')}</legend>
          <SuggestedMark lang={lang} state={s} field="type" />
          <Select
            {...p}
            label={t('eventType')}
            name="sub_event_type"
            fields={['eventType', 'subEventType']}
            value={s.subEventType}
            options={[opt('', t('choose'))]}
            groups={EVENT_TYPE_LIST.map((type) => ({ label: type, options: EVENT_TYPES[type].map((sub) => opt(sub, `${sub} (${type})`)) }))}
          />
          {(['actor1', 'actor2'] as const).map((a) => (
            <fieldset>
              <legend>{t(a)}</legend>
              <TextInput
                {...p}
                label={t('actorName')}
                name={`${a}_name`}
                fields={[`${a}.name`, a]}
                value={a === 'actor1' ? s.actor1Name : s.actor2Name}
                maxlength={200}
              />
              <Select
                {...p}
                label={t('actorType')}
                name={`${a}_type`}
                fields={[`${a}.type`]}
                value={a === 'actor1' ? s.actor1Type : s.actor2Type}
                options={[opt('', t('choose')), ...Object.entries(ACTOR_TYPES).map(([code, label]) => opt(code, `${code} — ${label}`))]}
              />
              <TextArea
                {...p}
                label={t('associated')}
                hint={t('associatedHint')}
                name={`${a}_associated`}
                fields={[`${a}.associated`]}
                value={a === 'actor1' ? s.actor1Associated : s.actor2Associated}
                rows={2}
              />
            </fieldset>
          ))}
          <Checkbox
            {...p}
            label={t('civilianTargeting')}
            name="civilian_targeting"
            fields={['civilianTargeting']}
            checked={s.civilianTargeting}
          />
        </fieldset>

        <fieldset>
          <legend>{t('fatalities')}</legend>
          <SuggestedMark lang={lang} state={s} field="fatalities" />
          <FieldProblems problems={problems} fields={['fatalities']} />
          <TextInput
            {...p}
            type="number"
            min="0"
            label={t('fatalitiesMin')}
            name="fatalities_min"
            fields={['fatalities.min']}
            value={s.fatalitiesMin}
          />
          <TextInput
            {...p}
            type="number"
            min="0"
            label={t('fatalitiesMax')}
            name="fatalities_max"
            fields={['fatalities.max']}
            value={s.fatalitiesMax}
          />
          <TextInput
            {...p}
            label={t('fatalitiesWording')}
            name="fatalities_wording"
            fields={['fatalities.wording']}
            value={s.fatalitiesWording}
            maxlength={200}
          />
        </fieldset>

        <fieldset>
          <legend>{t('verification')}</legend>
          <Select
            {...p}
            label={t('status')}
            name="status"
            fields={['status']}
            value={s.status}
            options={VERIFICATION_STATUSES.map((x) => opt(x, t(`st_${x}`)))}
          />
          <TextArea
            {...p}
            label={t('statusReason')}
            hint={t('statusReasonHint')}
            name="status_reason"
            fields={['statusReason']}
            value={s.statusReason}
            maxlength={1000}
          />
        </fieldset>

        <SourcesFieldset lang={lang} state={s} problems={problems} sourceOptions={props.sourceOptions} />

        <MediaFieldset lang={lang} state={s} problems={problems} offered={props.media ?? []} />

        <TextInput {...p} label={t('tags')} hint={t('tagsHint')} name="tags" fields={['tags']} value={s.tags} maxlength={600} />
        {props.eventId ? (
          <TextArea
            {...p}
            label={t('reason')}
            hint={t('reasonHint')}
            name="reason"
            fields={['reason', 'event']}
            value={s.reason}
            maxlength={1000}
            required
          />
        ) : (
          <TextArea {...p} label={t('reasonFirst')} name="reason" fields={['reason', 'event']} value={s.reason} maxlength={1000} />
        )}
        <p>
          <button type="submit" name="intent" value="save" id={fieldId('save')}>
            {t('save')}
          </button>
        </p>
      </form>
    </EditorPage>
  );
}
