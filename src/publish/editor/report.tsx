/**
 * One report for triage: everything the reporter said, what the gazetteer made of the place,
 * who did what to it, and the actions open to this editor. Contact details appear only on
 * the admin's explicit reveal, once.
 */
import type { FieldProblem } from '../../core/errors.ts';
import { type Suggestions, languageOf } from '../../core/reading/read.ts';
import { type Lang, translator } from '../i18n.ts';
import { SameText, reportLabel } from './queue.tsx';
import { ReportOrigin, type ReportOriginView } from './report-origin.tsx';
import { SuggestionsPanel } from './suggestions.tsx';
import { type EditorUser, Csrf, EditorPage, FieldProblems, Lines, Time, fieldId, firstLine, placeLabel } from './shell.tsx';

const text = translator({
  en: {
    title: 'Report #{id}',
    received: 'Received',
    channel: 'Channel',
    language: 'Language (read by the desk)',
    lang_kk: 'Kazakh',
    lang_ru: 'Russian',
    lang_en: 'English',
    lang_other: 'another language',
    langEvidence: 'from {evidence}',
    sameText: 'Likely duplicate',
    sameIncident: 'Proposed incident',
    sameMedia: 'Same photo or video',
    createFromIncident: 'Create an event from this incident ({n} reports)',
    state: 'State',
    whenClaimed: 'When (reporter’s words)',
    whereClaimed: 'Where (reporter’s words)',
    howKnown: 'How the reporter knows',
    place: 'Place found by the gazetteer',
    source: 'Source record',
    contact: 'Contact details',
    contactSealed: 'The reporter left contact details. Only an admin can reveal them, and every reveal is recorded.',
    contactNone: 'none left',
    ageSealed:
      'The reporter’s private details (contact, and any field they marked private) were encrypted on their device to the editors’ keys; the server cannot read them.',
    ageHow:
      'To read them here, paste your AGE-SECRET-KEY-1…; it stays in this page and is never sent. Or save the text below and run “age -d -i your-key.txt”.',
    ageKey: 'Your age secret key',
    ageOpen: 'Open here',
    ageBadKey: 'That is not an AGE-SECRET-KEY-1… key.',
    ageWrongKey: 'This key cannot open these details: they were encrypted to the editors’ keys of the day the report was sent.',
    reveal: 'Reveal contact details (recorded)',
    revealed: 'Contact details, shown once. Do not copy them anywhere else.',
    claimedBy: 'Claimed by {name}',
    claimedByYou: 'You have claimed this report.',
    linkedTo: 'Linked to event',
    duplicateOf: 'Duplicate of report',
    note: 'Note',
    actions: 'Actions',
    claim: 'Claim this report',
    takeOver: 'Take over from {name} (admin)',
    release: 'Release it for others',
    createEvent: 'Create an event from this report',
    linkTitle: 'Link to an existing event',
    eventId: 'Event number',
    recent: 'or pick a recent event',
    pick: '— choose —',
    link: 'Link',
    duplicateTitle: 'Mark as a duplicate',
    duplicateOfField: 'Number of the report it repeats',
    markDuplicate: 'Mark duplicate',
    rejectTitle: 'Reject',
    rejectNote: 'Why (kept for the team)',
    reject: 'Reject report',
    settled: 'This report is settled; nothing more to do.',
    history: 'History',
    noHistory: 'Nothing has been done with this report yet.',
    act_claim: 'claimed',
    act_release: 'released',
    act_linked: 'linked',
    act_duplicate: 'marked duplicate',
    act_rejected: 'rejected',
    act_reveal_contact: 'revealed contact details',
    claimedElsewhere: 'Claimed by {name}: only they (or an admin) can act on it.',
    media: 'Photos and videos',
    mediaNote: 'Shown without their metadata (location, time, device). The SHA-256 is of the file exactly as the reporter sent it.',
    mediaOpen: 'Open (metadata removed)',
    mediaOriginal: 'Download the original (evidence; still has its location and device data)',
    mediaNoOriginal: 'No original kept',
  },
  ru: {
    title: 'Сообщение №{id}',
    received: 'Получено',
    channel: 'Канал',
    language: 'Язык (по прочтению)',
    lang_kk: 'казахский',
    lang_ru: 'русский',
    lang_en: 'английский',
    lang_other: 'другой язык',
    langEvidence: 'по {evidence}',
    sameText: 'Похоже на повтор',
    sameIncident: 'Предполагаемый инцидент',
    sameMedia: 'То же фото или видео',
    createFromIncident: 'Создать событие из инцидента (сообщений: {n})',
    state: 'Состояние',
    whenClaimed: 'Когда (со слов автора)',
    whereClaimed: 'Где (со слов автора)',
    howKnown: 'Откуда автор знает',
    place: 'Место по справочнику',
    source: 'Запись об источнике',
    contact: 'Контакты',
    contactSealed: 'Автор оставил контакты. Раскрыть их может только администратор, и каждое раскрытие записывается.',
    contactNone: 'не оставлены',
    ageSealed:
      'Личные данные автора (контакты и поля, которые он скрыл) зашифрованы на его устройстве ключами редакторов; сервер не может их прочесть.',
    ageHow:
      'Чтобы прочесть их здесь, вставьте свой AGE-SECRET-KEY-1… — он остаётся на этой странице и никуда не отправляется. Или сохраните текст ниже и выполните «age -d -i ваш-ключ.txt».',
    ageKey: 'Ваш секретный ключ age',
    ageOpen: 'Открыть здесь',
    ageBadKey: 'Это не ключ AGE-SECRET-KEY-1….',
    ageWrongKey: 'Этот ключ не открывает данные: они зашифрованы ключами редакторов на день отправки.',
    reveal: 'Раскрыть контакты (будет записано)',
    revealed: 'Контакты показаны один раз. Не копируйте их никуда.',
    claimedBy: 'В работе у {name}',
    claimedByYou: 'Это сообщение в работе у вас.',
    linkedTo: 'Связано с событием',
    duplicateOf: 'Дубликат сообщения',
    note: 'Примечание',
    actions: 'Действия',
    claim: 'Взять в работу',
    takeOver: 'Забрать у {name} (администратор)',
    release: 'Вернуть в очередь',
    createEvent: 'Создать событие по этому сообщению',
    linkTitle: 'Связать с существующим событием',
    eventId: 'Номер события',
    recent: 'или выберите недавнее событие',
    pick: '— выберите —',
    link: 'Связать',
    duplicateTitle: 'Отметить как дубликат',
    duplicateOfField: 'Номер сообщения, которое оно повторяет',
    markDuplicate: 'Отметить дубликат',
    rejectTitle: 'Отклонить',
    rejectNote: 'Почему (для редакции)',
    reject: 'Отклонить сообщение',
    settled: 'Сообщение разобрано, действий не требуется.',
    history: 'История',
    noHistory: 'С сообщением ещё ничего не делали.',
    act_claim: 'взято в работу',
    act_release: 'возвращено в очередь',
    act_linked: 'связано',
    act_duplicate: 'отмечено как дубликат',
    act_rejected: 'отклонено',
    act_reveal_contact: 'раскрыты контакты',
    claimedElsewhere: 'В работе у {name}: действовать может только он(а) или администратор.',
    media: 'Фото и видео',
    mediaNote: 'Показаны без метаданных (место, время, устройство). SHA-256 — от файла в том виде, в каком его прислал автор.',
    mediaOpen: 'Открыть (метаданные удалены)',
    mediaOriginal: 'Скачать оригинал (доказательство; в нём остались место и данные устройства)',
    mediaNoOriginal: 'Оригинал не сохранён',
  },
});

type Key = Parameters<typeof text>[1];

/** The language the desk read, with what it read it from (read again from the text: it is pure and quick). */
function languageLine(lang: Lang, r: Pick<ReportView, 'what' | 'claimed_where'>): string {
  const guess = languageOf({ what: r.what, where: r.claimed_where });
  const name = text(lang, `lang_${guess.lang}`);
  return guess.evidence.length > 0 ? `${name} (${text(lang, 'langEvidence', { evidence: guess.evidence.slice(0, 4).join(', ') })})` : name;
}

export interface ReportView {
  id: number;
  received_at: Date;
  channel: string;
  what: string;
  claimed_when: string | null;
  claimed_where: string | null;
  how_known: string;
  place_id: string | null;
  source_id: number | null;
  state: string;
  claimed_by_name?: string | null | undefined;
  claimed_at: Date | null;
  event_id: number | null;
  duplicate_of: number | null;
  state_note: string | null;
  contact_sealed: string | null;
  /** Private fields the reporter's browser encrypted to the editors' age recipients. */
  contact_age?: string | null;
  written_at?: Date | null;
}

export interface MediaView {
  id: number;
  /** Of the bytes as received. */
  sha256: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  /** The stripped copy, editors only. */
  href: string;
  /** The evidence original, editors only; null when none was kept. */
  originalHref: string | null;
}

export interface ReportActionView {
  action: string;
  note: string | null;
  at: Date;
  username: string | null;
}

export interface ReportPageProps {
  lang: Lang;
  path: string;
  user: EditorUser;
  report: ReportView;
  actions: ReportActionView[];
  recentEvents: Array<{ id: number; summary: string }>;
  /** Set only in the response to the admin's reveal. */
  revealedContact?: string;
  media?: readonly MediaView[];
  /** For reports from SMS or Telegram: channel time and id, the sender's other messages, media hashes. */
  origin?: ReportOriginView | undefined;
  problems?: readonly FieldProblem[];
  /** Earlier reports with the same words however typed (core/reading/fold.ts). */
  sameText?: readonly number[];
  /** Other reports with the same photo or video. */
  sameMedia?: readonly number[];
  /** Other reports of the same place and time: with this one, a proposed incident. */
  sameIncident?: readonly number[];
  /** What the desk read in it (core/reading/read.ts). */
  suggestions?: Suggestions | undefined;
  /** What the editor typed into a refused form, to show again. */
  values?: { of?: string; note?: string; eventId?: string };
}

export function ReportPage(props: ReportPageProps) {
  const { lang, report: r, user } = props;
  const t = (k: Key, vars?: Record<string, string | number>) => text(lang, k, vars);
  const problems = props.problems ?? [];
  const isAdmin = user.role === 'admin';
  const mine = r.state === 'claimed' && r.claimed_by_name === user.username;
  const open = r.state === 'new' || r.state === 'claimed';
  const canAct = r.state === 'new' || mine || (r.state === 'claimed' && isAdmin);
  const base = `/editor/reports/${r.id}`;
  // The reports it would be one incident with: the same place and time, and its copies.
  const incident = [...new Set([...(props.sameIncident ?? []), ...(props.sameText ?? []), ...(props.sameMedia ?? [])])];
  return (
    <EditorPage
      lang={lang}
      path={props.path}
      title={t('title', { id: r.id })}
      user={user}
      nav="queue"
      scripts={r.contact_age ? ['/assets/contact-open.js'] : undefined}
    >
      <h1>
        {t('title', { id: r.id })}: {firstLine(r.what, 80)}
      </h1>
      <blockquote class="report-text">
        <p>
          <Lines text={r.what} />
        </p>
      </blockquote>
      {props.suggestions ? <SuggestionsPanel lang={lang} suggestions={props.suggestions} /> : null}
      <dl class="facts">
        <dt>{t('received')}</dt>
        <dd>
          <Time at={r.received_at} />
        </dd>
        <dt>{t('channel')}</dt>
        <dd>{reportLabel(lang, 'channel', r.channel)}</dd>
        <dt>{t('language')}</dt>
        <dd>{languageLine(lang, r)}</dd>
        {props.sameText?.length ? (
          <>
            <dt>{t('sameText')}</dt>
            <dd>
              <SameText lang={lang} earlier={props.sameText} />
            </dd>
          </>
        ) : null}
        {props.sameMedia?.length ? (
          <>
            <dt>{t('sameMedia')}</dt>
            <dd>
              <SameText lang={lang} earlier={props.sameMedia} media />
            </dd>
          </>
        ) : null}
        {props.sameIncident?.length ? (
          <>
            <dt>{t('sameIncident')}</dt>
            <dd>
              <SameText lang={lang} earlier={props.sameIncident} incident />
            </dd>
          </>
        ) : null}
        <dt>{t('whenClaimed')}</dt>
        <dd>{r.claimed_when ?? '—'}</dd>
        <dt>{t('whereClaimed')}</dt>
        <dd>{r.claimed_where ?? '—'}</dd>
        <dt>{t('howKnown')}</dt>
        <dd>{reportLabel(lang, 'how', r.how_known)}</dd>
        <dt>{t('place')}</dt>
        <dd>{r.place_id ? `${placeLabel(r.place_id, lang)} (${r.place_id})` : '—'}</dd>
        {r.source_id !== null ? (
          <>
            <dt>{t('source')}</dt>
            <dd>
              <a href="/editor/sources">#{r.source_id}</a>
            </dd>
          </>
        ) : null}
        <dt>{t('state')}</dt>
        <dd>
          <strong>{reportLabel(lang, 'state', r.state)}</strong>
          {r.state === 'claimed' ? (
            <>
              {' — '}
              {mine ? t('claimedByYou') : t('claimedBy', { name: r.claimed_by_name ?? '?' })}
            </>
          ) : null}
        </dd>
        {r.event_id !== null ? (
          <>
            <dt>{t('linkedTo')}</dt>
            <dd>
              <a href={`/editor/events/${r.event_id}`}>#{r.event_id}</a>
            </dd>
          </>
        ) : null}
        {r.duplicate_of !== null ? (
          <>
            <dt>{t('duplicateOf')}</dt>
            <dd>
              <a href={`/editor/reports/${r.duplicate_of}`}>#{r.duplicate_of}</a>
            </dd>
          </>
        ) : null}
        {r.state_note ? (
          <>
            <dt>{t('note')}</dt>
            <dd>{r.state_note}</dd>
          </>
        ) : null}
        <dt>{t('contact')}</dt>
        <dd>
          {props.revealedContact !== undefined ? (
            <>
              <p class="notice">{t('revealed')}</p>
              <p class="contact">
                <Lines text={props.revealedContact} />
              </p>
            </>
          ) : r.contact_age ? (
            <AgeSealedContact ciphertext={r.contact_age} t={t} />
          ) : r.contact_sealed ? (
            <>
              {t('contactSealed')}
              {isAdmin ? (
                <form method="post" action={`${base}/reveal`}>
                  <Csrf token={user.csrf} />
                  <button type="submit" class="danger">
                    {t('reveal')}
                  </button>
                </form>
              ) : null}
            </>
          ) : (
            t('contactNone')
          )}
        </dd>
      </dl>

      {props.origin ? <ReportOrigin lang={lang} origin={props.origin} /> : null}

      {props.media?.length ? (
        <>
          <h2>{t('media')}</h2>
          <p class="meta">{t('mediaNote')}</p>
          <ul class="media-list">
            {props.media.map((m) => (
              <li id={`media-${m.id}`}>
                {m.mime.startsWith('image/') ? (
                  <a href={m.href}>
                    <img src={m.href} alt={`#${m.id}`} width={160} />
                  </a>
                ) : null}
                <dl class="facts">
                  <dt>SHA-256</dt>
                  <dd>
                    <code class="sha256">{m.sha256}</code>
                  </dd>
                  <dt>{m.mime}</dt>
                  <dd>{mediaFacts(m)}</dd>
                </dl>
                <a href={m.href}>{t('mediaOpen')}</a>
                {' · '}
                {m.originalHref ? <a href={m.originalHref}>{t('mediaOriginal')}</a> : t('mediaNoOriginal')}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t('actions')}</h2>
      {!open ? <p>{t('settled')}</p> : null}
      {open && !canAct ? <p class="notice">{t('claimedElsewhere', { name: r.claimed_by_name ?? '?' })}</p> : null}
      {open ? (
        <div class="actions">
          {r.state === 'new' ? <ActionButton action={`${base}/claim`} csrf={user.csrf} label={t('claim')} /> : null}
          {r.state === 'claimed' && !mine && isAdmin ? (
            <ActionButton action={`${base}/claim`} csrf={user.csrf} label={t('takeOver', { name: r.claimed_by_name ?? '?' })} force />
          ) : null}
          {r.state === 'claimed' && (mine || isAdmin) ? (
            <ActionButton action={`${base}/release`} csrf={user.csrf} label={t('release')} secondary />
          ) : null}
        </div>
      ) : null}
      {open && canAct ? (
        <>
          <p>
            <a class="button" href={`/editor/events/new?report=${r.id}`}>
              {t('createEvent')}
            </a>
            {incident.length > 0 ? (
              <>
                {' '}
                <a class="button" href={`/editor/events/new?report=${r.id}&incident=${incident.join(',')}`}>
                  {t('createFromIncident', { n: 1 + incident.length })}
                </a>
              </>
            ) : null}
          </p>
          <form method="post" action={`${base}/link`} class="action-form">
            <Csrf token={user.csrf} />
            <fieldset>
              <legend>{t('linkTitle')}</legend>
              <p class="field">
                <label for={fieldId('event_id')}>{t('eventId')}</label>
                <FieldProblems problems={problems} fields={['event_id']} />
                <input type="number" min={1} id={fieldId('event_id')} name="event_id" value={props.values?.eventId ?? ''} />
              </p>
              {props.recentEvents.length > 0 ? (
                <p class="field">
                  <label for="recent_event">{t('recent')}</label>
                  <select id="recent_event" name="recent_event">
                    <option value="">{t('pick')}</option>
                    {props.recentEvents.map((e) => (
                      <option value={String(e.id)}>
                        #{e.id} {firstLine(e.summary, 80)}
                      </option>
                    ))}
                  </select>
                </p>
              ) : null}
              <button type="submit">{t('link')}</button>
            </fieldset>
          </form>
          <form method="post" action={`${base}/duplicate`} class="action-form">
            <Csrf token={user.csrf} />
            <fieldset>
              <legend>{t('duplicateTitle')}</legend>
              <p class="field">
                <label for={fieldId('of')}>{t('duplicateOfField')}</label>
                <FieldProblems problems={problems} fields={['of']} />
                <input type="number" min={1} id={fieldId('of')} name="of" required value={props.values?.of ?? ''} />
              </p>
              <button type="submit" class="secondary">
                {t('markDuplicate')}
              </button>
            </fieldset>
          </form>
          <form method="post" action={`${base}/reject`} class="action-form">
            <Csrf token={user.csrf} />
            <fieldset>
              <legend>{t('rejectTitle')}</legend>
              <p class="field">
                <label for={fieldId('note')}>{t('rejectNote')}</label>
                <FieldProblems problems={problems} fields={['note']} />
                <textarea id={fieldId('note')} name="note" required maxlength={1000}>
                  {props.values?.note ?? ''}
                </textarea>
              </p>
              <button type="submit" class="danger">
                {t('reject')}
              </button>
            </fieldset>
          </form>
        </>
      ) : null}

      <h2>{t('history')}</h2>
      {props.actions.length === 0 ? (
        <p>{t('noHistory')}</p>
      ) : (
        <ol class="history">
          {props.actions.map((a) => (
            <li>
              <Time at={a.at} /> — {a.username ?? '?'}: {actionLabel(lang, a.action)}
              {a.note ? ` (${a.note})` : ''}
            </li>
          ))}
        </ol>
      )}
    </EditorPage>
  );
}

function mediaFacts(m: MediaView): string {
  const size = m.bytes >= 1024 * 1024 ? `${(m.bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.max(1, Math.round(m.bytes / 1024))} KiB`;
  const dims = m.width !== null && m.height !== null ? `${m.width}×${m.height}` : undefined;
  const length = m.durationMs !== null ? `${(m.durationMs / 1000).toFixed(1)} s` : undefined;
  return [size, dims, length].filter(Boolean).join(', ');
}

function actionLabel(lang: Lang, action: string): string {
  return text(lang, `act_${action}` as Key) ?? action;
}

function ActionButton(props: { action: string; csrf: string; label: string; force?: boolean; secondary?: boolean }) {
  return (
    <form method="post" action={props.action} class="inline">
      <Csrf token={props.csrf} />
      {props.force ? <input type="hidden" name="force" value="1" /> : null}
      <button type="submit" class={props.secondary ? 'secondary' : undefined}>
        {props.label}
      </button>
    </form>
  );
}

/**
 * The ciphertext and, with the contact-open island, a field for the editor's identity. No form:
 * nothing here can ever be submitted, so the key cannot reach a URL or the server.
 */
function AgeSealedContact(props: { ciphertext: string; t: (k: Key) => string }) {
  const { t } = props;
  return (
    <div class="contact-age" data-contact-age={props.ciphertext}>
      <p>{t('ageSealed')}</p>
      <p class="hint">{t('ageHow')}</p>
      <div class="contact-open" hidden>
        <label for="age-identity">{t('ageKey')}</label>{' '}
        <input type="password" id="age-identity" name="identity" autocomplete="off" spellcheck={false} />{' '}
        <button type="button">{t('ageOpen')}</button>
      </div>
      <div class="contact-opened" aria-live="polite" data-bad-key={t('ageBadKey')} data-wrong-key={t('ageWrongKey')}></div>
      <pre class="age-ciphertext">{props.ciphertext}</pre>
    </div>
  );
}
