/**
 * The desk's accuracy on real work: for each field the desk suggests, how often editors kept,
 * changed or cleared the suggestion when they coded an event from a report, and the latest
 * corrections, so the team sees what the machine gets wrong.
 */
import { type OutcomeCounts, type OutcomeRow, SUGGESTED_FIELDS, type SuggestedField } from '../../core/reading/fields.ts';
import { type Lang, translator } from '../i18n.ts';
import { type EditorUser, EditorPage, Time } from './shell.tsx';

const text = translator({
  en: {
    title: 'Desk accuracy',
    intro:
      'When an editor creates an event from a report, Caravan records for each field the desk suggested whether it was kept, changed or cleared. The share kept is the desk’s accuracy on this chronicle’s own reports.',
    field: 'Field',
    accepted: 'Kept',
    corrected: 'Changed',
    rejected: 'Cleared',
    rate: 'Kept, share',
    none: 'No event has been coded from a suggested report yet.',
    latest: 'Latest changes',
    suggestedValue: 'Suggested',
    chosen: 'Saved',
    report: 'Report',
    event: 'Event',
    at: 'When',
    f_place: 'Place',
    f_time: 'Time',
    f_type: 'Type',
    f_fatalities: 'Fatalities',
  },
  ru: {
    title: 'Точность подсказок',
    intro:
      'Когда редактор создаёт событие из сообщения, Caravan записывает по каждому предложенному полю, оставлено ли оно, изменено или стёрто. Доля оставленных — точность подсказок на сообщениях этой хроники.',
    field: 'Поле',
    accepted: 'Оставлено',
    corrected: 'Изменено',
    rejected: 'Стёрто',
    rate: 'Доля оставленных',
    none: 'Из сообщений с подсказками ещё не создано ни одного события.',
    latest: 'Последние исправления',
    suggestedValue: 'Предложено',
    chosen: 'Сохранено',
    report: 'Сообщение',
    event: 'Событие',
    at: 'Когда',
    f_place: 'Место',
    f_time: 'Время',
    f_type: 'Тип',
    f_fatalities: 'Погибшие',
  },
});

type Key = Parameters<typeof text>[1];

export interface AccuracyPageProps {
  lang: Lang;
  path: string;
  user: EditorUser;
  counts: OutcomeCounts;
  latest: ReadonlyArray<OutcomeRow & { report_id: number; event_id: number; at: Date }>;
}

export function AccuracyPage(props: AccuracyPageProps) {
  const { lang, counts } = props;
  const t = (k: Key) => text(lang, k);
  const fieldName = (f: SuggestedField) => t(`f_${f}` as Key);
  const total = SUGGESTED_FIELDS.reduce((n, f) => n + counts[f].accepted + counts[f].corrected + counts[f].rejected, 0);
  return (
    <EditorPage lang={lang} path={props.path} title={t('title')} user={props.user} nav="accuracy">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {total === 0 ? (
        <p id="accuracy-none">{t('none')}</p>
      ) : (
        <table id="accuracy">
          <thead>
            <tr>
              <th scope="col">{t('field')}</th>
              <th scope="col">{t('accepted')}</th>
              <th scope="col">{t('corrected')}</th>
              <th scope="col">{t('rejected')}</th>
              <th scope="col">{t('rate')}</th>
            </tr>
          </thead>
          <tbody>
            {SUGGESTED_FIELDS.map((f) => {
              const c = counts[f];
              const n = c.accepted + c.corrected + c.rejected;
              return (
                <tr data-field={f}>
                  <th scope="row">{fieldName(f)}</th>
                  <td data-outcome="accepted">{c.accepted}</td>
                  <td data-outcome="corrected">{c.corrected}</td>
                  <td data-outcome="rejected">{c.rejected}</td>
                  <td>{n === 0 ? '—' : `${Math.round((100 * c.accepted) / n)} %`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {props.latest.length > 0 ? (
        <>
          <h2>{t('latest')}</h2>
          <table id="corrections">
            <thead>
              <tr>
                <th scope="col">{t('at')}</th>
                <th scope="col">{t('field')}</th>
                <th scope="col">{t('suggestedValue')}</th>
                <th scope="col">{t('chosen')}</th>
                <th scope="col">{t('report')}</th>
                <th scope="col">{t('event')}</th>
              </tr>
            </thead>
            <tbody>
              {props.latest.map((r) => (
                <tr>
                  <td>
                    <Time at={r.at} />
                  </td>
                  <td>{fieldName(r.field)}</td>
                  <td class="wrap">{r.suggested}</td>
                  <td class="wrap">{r.chosen || '—'}</td>
                  <td>
                    <a href={`/editor/reports/${r.report_id}`}>#{r.report_id}</a>
                  </td>
                  <td>
                    <a href={`/editor/events/${r.event_id}`}>#{r.event_id}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </EditorPage>
  );
}
