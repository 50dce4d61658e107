/**
 * Where a report from another system came from: the time the channel gave it, its id there,
 * the other messages of the same (pseudonymous) sender, and the media it referred to by hash.
 */
import { type Lang, translator } from '../i18n.ts';
import { Time, firstLine } from './shell.tsx';

const text = translator({
  en: {
    title: 'Origin',
    sentAt: 'Sent (as the channel says)',
    externalId: 'Id in the channel',
    sender: 'Sender',
    senderNone: 'No other messages from this sender.',
    senderOthers: '{n} other messages from this sender (the number itself is sealed with the contact details):',
    senderOne: '1 other message from this sender (the number itself is sealed with the contact details):',
    media: 'Media referred to',
    notIncluded: 'not in the export, no hash',
  },
  ru: {
    title: 'Происхождение',
    sentAt: 'Отправлено (по данным канала)',
    externalId: 'Номер в канале',
    sender: 'Отправитель',
    senderNone: 'Других сообщений от этого отправителя нет.',
    senderOthers: 'Других сообщений от этого отправителя: {n} (сам номер скрыт вместе с контактами):',
    senderOne: 'Ещё одно сообщение от этого отправителя (сам номер скрыт вместе с контактами):',
    media: 'Упомянутые медиафайлы',
    notIncluded: 'нет в выгрузке, хеша нет',
  },
});

export interface ReportOriginView {
  sentAt: Date | null;
  externalId: string | null;
  sender?: { others: number; recent: ReadonlyArray<{ id: number; received_at: Date; what: string }> };
  media: ReadonlyArray<{ name: string; kind: string; sha256: string | null; bytes: number | null }>;
}

export function ReportOrigin(props: { lang: Lang; origin: ReportOriginView }) {
  const { lang, origin: o } = props;
  const t = (k: Parameters<typeof text>[1], vars?: Record<string, string | number>) => text(lang, k, vars);
  return (
    <section class="report-origin">
      <h2>{t('title')}</h2>
      <dl class="facts">
        {o.sentAt ? (
          <>
            <dt>{t('sentAt')}</dt>
            <dd>
              <Time at={o.sentAt} />
            </dd>
          </>
        ) : null}
        {o.externalId ? (
          <>
            <dt>{t('externalId')}</dt>
            <dd>
              <code>{o.externalId}</code>
            </dd>
          </>
        ) : null}
        {o.sender ? (
          <>
            <dt>{t('sender')}</dt>
            <dd>
              {o.sender.others === 0 ? (
                t('senderNone')
              ) : (
                <>
                  <p>{o.sender.others === 1 ? t('senderOne') : t('senderOthers', { n: o.sender.others })}</p>
                  <ul class="sender-reports">
                    {o.sender.recent.map((r) => (
                      <li>
                        <a href={`/editor/reports/${r.id}`}>#{r.id}</a> <Time at={r.received_at} /> — {firstLine(r.what, 80)}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </dd>
          </>
        ) : null}
        {o.media.length > 0 ? (
          <>
            <dt>{t('media')}</dt>
            <dd>
              <ul>
                {o.media.map((m) => (
                  <li>
                    {m.kind}: {m.name} — {m.sha256 ? <code class="sha256">{m.sha256}</code> : t('notIncluded')}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
