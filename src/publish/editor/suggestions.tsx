/**
 * What the desk read in a report, shown as suggestions beside the report: where and when the
 * event happened, its type, its dead and injured, and whether the reporter saw it, each with
 * the words it came from and how sure the reader is. Nothing here is a decision; "New event from
 * report" carries the suggestions into the event form, marked as suggested until confirmed.
 */
import type { Evidence } from '../../core/reading/evidence.ts';
import type { Suggestions } from '../../core/reading/read.ts';
import { localClock, localDate, offsetLabel } from '../../core/time.ts';
import { subEventTypeLabel, eventTypeLabel } from '../event-view.tsx';
import { type Lang, translator } from '../i18n.ts';
import { placeLabel } from './shell.tsx';

const text = translator({
  en: {
    title: 'Suggested by the desk',
    intro: 'Read from the report by the machine; check each against the text before using it.',
    where: 'Where it happened',
    mentioned: 'Only mentioned',
    when: 'When',
    type: 'Type',
    killed: 'Killed',
    injured: 'Injured',
    known: 'How it is known',
    hedged: 'Hearsay or unconfirmed, by its own words',
    firstHand: 'First-hand, by its own words',
    both: 'Passed on, with a first-hand account inside',
    noCue: 'The report does not say',
    none: 'nothing found',
    sure: '{n} % sure',
    from: 'from',
    ref_forwarded: 'read against the forwarded message’s own time',
    ref_written: 'read against when the reporter wrote it on their device',
    ref_sent: 'read against when it was sent',
    ref_received: 'read against when it reached us',
    approx: 'about',
    acled: 'ACLED figure {n}',
    p_minute: 'to the minute',
    p_hour: 'to the hour',
    p_part_of_day: 'part of the day',
    p_day: 'the day',
    p_days: 'several days',
    p_month: 'the month',
  },
  ru: {
    title: 'Предложения',
    intro: 'Машина прочла это в сообщении; сверьте каждое с текстом, прежде чем использовать.',
    where: 'Где произошло',
    mentioned: 'Только упомянуто',
    when: 'Когда',
    type: 'Тип',
    killed: 'Погибли',
    injured: 'Ранены',
    known: 'Откуда известно',
    hedged: 'Слухи или не подтверждено, по словам самого сообщения',
    firstHand: 'Очевидец, по словам самого сообщения',
    both: 'Пересказ, внутри — слова очевидца',
    noCue: 'Сообщение об этом не говорит',
    none: 'ничего не найдено',
    sure: 'уверенность {n} %',
    from: 'по словам',
    ref_forwarded: 'отсчёт от времени пересланного сообщения',
    ref_written: 'отсчёт от того, когда автор написал его на устройстве',
    ref_sent: 'отсчёт от времени отправки',
    ref_received: 'отсчёт от времени получения',
    approx: 'около',
    acled: 'для ACLED: {n}',
    p_minute: 'до минуты',
    p_hour: 'до часа',
    p_part_of_day: 'часть дня',
    p_day: 'день',
    p_days: 'несколько дней',
    p_month: 'месяц',
  },
});

type Key = Parameters<typeof text>[1];

function Quotes(props: { lang: Lang; evidence: readonly Evidence[] }) {
  const quotes = [...new Set(props.evidence.map((e) => e.quote.trim()).filter((q) => q !== ''))].slice(0, 4);
  if (quotes.length === 0) return null;
  return (
    <span class="evidence">
      {' '}
      {text(props.lang, 'from')}{' '}
      {quotes.map((q, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <q>{q}</q>
        </>
      ))}
    </span>
  );
}

function Sure(props: { lang: Lang; confidence: number }) {
  return <span class="sure"> ({text(props.lang, 'sure', { n: Math.round(props.confidence * 100) })})</span>;
}

/** "2022-01-05 18:00 – 23:59 +05:00 (Asia/Aqtau)": the window as the place's clock read it. */
export function localWindow(start: string, end: string, timeZone: string): string {
  const endAt = new Date(Date.parse(end) - 60_000);
  const [d0, d1] = [localDate(start, timeZone), localDate(endAt, timeZone)];
  const to = d0 === d1 ? localClock(endAt, timeZone) : `${d1} ${localClock(endAt, timeZone)}`;
  return `${d0} ${localClock(start, timeZone)} – ${to} ${offsetLabel(start, timeZone)} (${timeZone})`;
}

export function SuggestionsPanel(props: { lang: Lang; suggestions: Suggestions }) {
  const { lang, suggestions: s } = props;
  const t = (k: Key, vars?: Record<string, string | number>) => text(lang, k, vars);
  const events = s.places.filter((p) => p.role === 'event');
  const mentioned = s.places.filter((p) => p.role === 'mentioned');
  const h = s.hearsay;
  const known = h.hedged && h.firstHand ? 'both' : h.hedged ? 'hedged' : h.firstHand ? 'firstHand' : 'noCue';
  return (
    <section class="suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('title')}</h2>
      <p class="muted">{t('intro')}</p>
      <dl class="facts">
        <dt>{t('where')}</dt>
        <dd>
          {events[0] ? (
            <>
              <strong>{placeLabel(events[0].place.id, lang)}</strong>
              <Quotes lang={lang} evidence={events.flatMap((p) => p.evidence)} />
              <Sure lang={lang} confidence={events[0].confidence} />
            </>
          ) : (
            t('none')
          )}
        </dd>
        {mentioned.length > 0 ? (
          <>
            <dt>{t('mentioned')}</dt>
            <dd>
              {mentioned.map((p, i) => (
                <>
                  {i > 0 ? '; ' : ''}
                  {placeLabel(p.place.id, lang)} <span class="muted">({p.why})</span>
                </>
              ))}
            </dd>
          </>
        ) : null}
        <dt>{t('when')}</dt>
        <dd>
          {s.time ? (
            <>
              <strong>
                {s.time.approximate ? `${t('approx')} ` : ''}
                {localWindow(s.time.start, s.time.end, s.time.timeZone)}
              </strong>
              , {t(`p_${s.time.precision}` as Key)}; {t(`ref_${s.time.reference}` as Key)}
              <Quotes lang={lang} evidence={s.time.evidence.filter((e) => e.from !== 'channel')} />
              <Sure lang={lang} confidence={s.time.confidence} />
            </>
          ) : (
            t('none')
          )}
        </dd>
        <dt>{t('type')}</dt>
        <dd>
          {s.type ? (
            <>
              <strong>
                {eventTypeLabel(s.type.eventType, lang)} — {subEventTypeLabel(s.type.subEventType, lang)}
              </strong>
              <Quotes lang={lang} evidence={s.type.evidence} />
              <Sure lang={lang} confidence={s.type.confidence} />
            </>
          ) : (
            t('none')
          )}
        </dd>
        {s.casualties?.killed ? (
          <>
            <dt>{t('killed')}</dt>
            <dd>
              <strong>{s.casualties.killed.wording}</strong> ({t('acled', { n: s.casualties.killed.acled })})
              <Sure lang={lang} confidence={s.casualties.confidence} />
            </dd>
          </>
        ) : null}
        {s.casualties?.injured ? (
          <>
            <dt>{t('injured')}</dt>
            <dd>
              <strong>{s.casualties.injured.wording}</strong>
            </dd>
          </>
        ) : null}
        <dt>{t('known')}</dt>
        <dd>
          {t(known)}
          <Quotes lang={lang} evidence={h.evidence} />
        </dd>
      </dl>
    </section>
  );
}
