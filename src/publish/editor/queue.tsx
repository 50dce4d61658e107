/** The triage queue, the workspace's home: every open report, oldest first so none waits forever, a page at a time. */
import { type Lang, translator } from '../i18n.ts';
import { Csrf, type EditorUser, EditorPage, Time, firstLine, placeLabel } from './shell.tsx';
import { getPlace, placeName, regionsOf } from '../../core/gazetteer/search.ts';
import { localDate } from '../../core/time.ts';
import { DEFAULT_ZONE } from '../../core/reading/read.ts';
import { EVENT_TYPE_LIST, type EventType } from '../../core/coding.ts';
import { eventTypeLabel } from '../event-view.tsx';

/** The chronicle's own clock beside UTC: most of Kazakhstan, and where most reports come from. */
const CHRONICLE_ZONE = DEFAULT_ZONE;

const isEventType = (v: string): v is EventType => (EVENT_TYPE_LIST as readonly string[]).includes(v);
import { REPORT_LANGS } from '../../core/reading/language.ts';
import { REPORT_CHANNELS } from '../../core/report.ts';

export const reportText = translator({
  en: {
    state_new: 'new',
    state_claimed: 'claimed',
    state_linked: 'linked to an event',
    state_duplicate: 'duplicate',
    state_rejected: 'rejected',
    channel_web: 'web form',
    channel_api: 'API',
    channel_sms: 'SMS',
    channel_telegram: 'Telegram',
    channel_relay: 'relay',
    channel_document: 'document',
    how_saw: 'saw it',
    how_heard: 'heard it',
    how_relayed: 'relayed from someone',
    how_media: 'from the media',
    how_other: 'other',
  },
  ru: {
    state_new: 'новое',
    state_claimed: 'в работе',
    state_linked: 'связано с событием',
    state_duplicate: 'дубликат',
    state_rejected: 'отклонено',
    channel_web: 'веб-форма',
    channel_api: 'API',
    channel_sms: 'SMS',
    channel_telegram: 'Telegram',
    channel_relay: 'через посредника',
    channel_document: 'документ',
    how_saw: 'видел(а) сам(а)',
    how_heard: 'слышал(а)',
    how_relayed: 'передано от другого человека',
    how_media: 'из СМИ',
    how_other: 'другое',
  },
});

/** A label from `reportText` for a value that may be outside the known set. */
export function reportLabel(lang: Lang, prefix: 'state' | 'channel' | 'how', value: string): string {
  const key = `${prefix}_${value}` as Parameters<typeof reportText>[1];
  return reportText(lang, key) ?? value;
}

const text = translator({
  en: {
    title: 'Report queue',
    counts: 'Reports by state',
    open: 'Open reports, oldest first',
    openNewest: 'Open reports, newest first',
    showNewest: 'Show the newest first',
    showOldest: 'Show the oldest first',
    range: 'Reports {from}–{to} of {total} open.',
    previous: '← Previous {n}',
    next: 'Next {n} →',
    pages: 'Pages of the queue',
    empty: 'Nothing waiting: every report has been handled.',
    received: 'Received',
    channel: 'Channel',
    report: 'Report',
    claimedWhereWhen: 'Reporter says (where / when)',
    place: 'The desk read (where, when, type)',
    hearsay: 'hearsay',
    sameIncident: 'same place and time as',
    sameMedia: 'same photo or video as',
    andMore: ' and {n} more',
    hedged: 'Hearsay',
    hedged_yes: 'only hearsay and unconfirmed',
    hedged_no: 'no hearsay',
    region: 'Region',
    claimedBy: 'Claimed by',
    select: 'Select',
    newReports: 'New reports since this page was loaded: {n}.',
    reload: 'Show them',
    reloadPlain: 'Reload the queue',
    keys: 'Keyboard',
    keysHelp:
      'j / k: next / previous report · o: open it · x: tick it · c: claim the ticked (or this) report · d: mark as duplicates · n: new event from it · r: reload',
    selectOne: 'Select report #{id}',
    lapsed: '(claim lapsed: anyone may take it)',
    bulk: 'The selected reports',
    bulkAction: 'Do',
    bulk_claim: 'claim them',
    bulk_reject: 'reject them, with the reason below',
    bulk_duplicate: 'mark them as duplicates of report no.',
    bulk_link: 'link them to event no.',
    bulkNote: 'Reason (for the editors)',
    bulkOf: 'Duplicates of report no.',
    bulkEvent: 'Event no.',
    bulkApply: 'Apply to the selected reports',
    done_claim: 'Reports claimed: {n}.',
    done_reject: 'Reports rejected: {n}.',
    done_duplicate: 'Reports marked as duplicates: {n}.',
    done_link: 'Reports linked to the event: {n}.',
    you: 'you',
    nobody: 'nobody yet',
    sameText: 'same text as',
    narrow: 'Narrow the queue',
    language: 'Language',
    any: 'any',
    show: 'Show',
    lang_kk: 'Kazakh',
    lang_ru: 'Russian',
    lang_en: 'English',
    lang_other: 'other',
  },
  ru: {
    title: 'Очередь сообщений',
    counts: 'Сообщения по состоянию',
    open: 'Открытые сообщения, сначала старые',
    openNewest: 'Открытые сообщения, сначала новые',
    showNewest: 'Сначала новые',
    showOldest: 'Сначала старые',
    range: 'Сообщения {from}–{to} из {total} открытых.',
    previous: '← Предыдущие {n}',
    next: 'Следующие {n} →',
    pages: 'Страницы очереди',
    empty: 'Очередь пуста: все сообщения разобраны.',
    received: 'Получено',
    channel: 'Канал',
    report: 'Сообщение',
    claimedWhereWhen: 'Со слов автора (где / когда)',
    place: 'Прочитано машиной (где, когда, тип)',
    hearsay: 'слухи',
    sameIncident: 'то же место и время, что',
    sameMedia: 'то же фото или видео, что',
    andMore: ' и ещё {n}',
    hedged: 'Слухи',
    hedged_yes: 'только слухи и неподтверждённое',
    hedged_no: 'без слухов',
    region: 'Регион',
    claimedBy: 'В работе у',
    select: 'Выбрать',
    newReports: 'Новых сообщений с загрузки страницы: {n}.',
    reload: 'Показать',
    reloadPlain: 'Обновить очередь',
    keys: 'Клавиши',
    keysHelp:
      'j / k: следующее / предыдущее · o: открыть · x: отметить · c: взять отмеченные (или это) · d: отметить как дубликаты · n: новое событие · r: обновить',
    selectOne: 'Выбрать сообщение №{id}',
    lapsed: '(срок взятия истёк: может взять любой)',
    bulk: 'Выбранные сообщения',
    bulkAction: 'Что сделать',
    bulk_claim: 'взять в работу',
    bulk_reject: 'отклонить, с причиной ниже',
    bulk_duplicate: 'отметить как дубликаты сообщения №',
    bulk_link: 'связать с событием №',
    bulkNote: 'Причина (для редакции)',
    bulkOf: 'Дубликаты сообщения №',
    bulkEvent: 'Событие №',
    bulkApply: 'Применить к выбранным',
    done_claim: 'Взято в работу: {n}.',
    done_reject: 'Отклонено: {n}.',
    done_duplicate: 'Отмечено как дубликаты: {n}.',
    done_link: 'Связано с событием: {n}.',
    you: 'вас',
    nobody: 'никого',
    sameText: 'тот же текст, что',
    narrow: 'Сузить очередь',
    language: 'Язык',
    any: 'любой',
    show: 'Показать',
    lang_kk: 'казахский',
    lang_ru: 'русский',
    lang_en: 'английский',
    lang_other: 'другой',
  },
});

type Key = Parameters<typeof text>[1];

export interface QueueReport {
  id: number;
  received_at: Date;
  channel: string;
  what: string;
  claimed_when: string | null;
  claimed_where: string | null;
  place_id: string | null;
  state: string;
  claimed_by_name?: string | null | undefined;
  claimed_at?: Date | null | undefined;
  /** What the desk read (migration 017). */
  event_place_id?: string | null | undefined;
  event_start?: Date | null | undefined;
  event_type?: string | null | undefined;
  hedged?: boolean | null | undefined;
}

export const QUEUE_PAGE_SIZE = 200;

/** "Zhanaozen · 2022-01-05 · Protests · hearsay": the desk's reading in one line, the date local to the place. */
function DeskRead(props: { lang: Lang; report: QueueReport }) {
  const r = props.report;
  const placeId = r.event_place_id ?? r.place_id;
  const zone = (placeId ? getPlace(placeId)?.timeZone : undefined) ?? 'Asia/Almaty';
  const parts = [
    placeLabel(placeId, props.lang) ?? '—',
    r.event_start ? localDate(r.event_start, zone) : undefined,
    r.event_type && isEventType(r.event_type) ? eventTypeLabel(r.event_type, props.lang) : undefined,
  ].filter(Boolean);
  return (
    <>
      {parts.join(' · ')}
      {r.hedged ? <span class="badge hearsay"> {text(props.lang, 'hearsay')}</span> : null}
    </>
  );
}

/** Links a badge shows before "and N more": a row stays one line or two on a phone. */
const SHOWN_LINKS = 5;

/** "same text as #3, #7": the earlier reports that say the same however they were typed. */
export function SameText(props: { lang: Lang; earlier: readonly number[] | undefined; incident?: boolean; media?: boolean }) {
  if (!props.earlier?.length) return null;
  const kind = props.incident ? 'same-incident' : props.media ? 'same-media' : 'same-text';
  return (
    <span class={`badge ${kind}`}>
      {text(props.lang, props.incident ? 'sameIncident' : props.media ? 'sameMedia' : 'sameText')}{' '}
      {props.earlier.slice(0, SHOWN_LINKS).map((id, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <a href={`/editor/reports/${id}`}>#{id}</a>
        </>
      ))}
      {props.earlier.length > SHOWN_LINKS ? text(props.lang, 'andMore', { n: props.earlier.length - SHOWN_LINKS }) : null}
    </span>
  );
}

export interface QueuePageProps {
  lang: Lang;
  path: string;
  user: EditorUser;
  counts: Record<string, number>;
  order: 'oldest' | 'newest';
  /** One page of the open reports in `order`, and where it sits in the whole queue. */
  page: { reports: QueueReport[]; skipped: number; hasPrevious: boolean; hasNext: boolean };
  /** Per report on the page, earlier reports with the same words however typed: likely duplicates. */
  sameText?: ReadonlyMap<number, readonly number[]>;
  /** Per report on the page, the other reports with the same photo or video. */
  sameMedia?: ReadonlyMap<number, readonly number[]>;
  /** Per report on the page, the other reports of the same place and time: one proposed incident. */
  sameIncident?: ReadonlyMap<number, readonly number[]>;
  /** The queue narrowed, and how many open reports that leaves. */
  filter?: { lang?: string | undefined; channel?: string | undefined; hedged?: boolean | undefined; region?: string | undefined };
  open?: number;
  /** What the bulk form just did, shown once after its redirect. */
  done?: { action: string; n: number } | undefined;
  /** Claims made before this have lapsed (CARAVAN_CLAIM_HOURS). */
  claimsLapseBefore?: Date | undefined;
  /** The newest report's id when the page was made: the island asks what came after it. */
  newestId?: number | undefined;
}

const STATES = ['new', 'claimed', 'linked', 'duplicate', 'rejected'] as const;

export function QueuePage(props: QueuePageProps) {
  const { lang } = props;
  const t = (k: Parameters<typeof text>[1], vars?: Record<string, string | number>) => text(lang, k, vars);
  const { order, page } = props;
  const reports = page.reports;
  const open = props.open ?? (props.counts.new ?? 0) + (props.counts.claimed ?? 0);
  const filter = props.filter ?? {};
  const kept: Record<string, string> = {
    ...(filter.lang ? { language: filter.lang } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.hedged === undefined ? {} : { hedged: filter.hedged ? 'yes' : 'no' }),
    ...(filter.region ? { region: filter.region } : {}),
  };
  const lapsed = (r: QueueReport) =>
    props.claimsLapseBefore !== undefined && r.claimed_at != null && r.claimed_at.getTime() < props.claimsLapseBefore.getTime();
  const link = (params: Record<string, string>) => {
    const q = new URLSearchParams({ ...(order === 'newest' ? { order } : {}), ...kept, ...params }).toString();
    return `/editor${q ? `?${q}` : ''}`;
  };
  return (
    <EditorPage lang={lang} path={props.path} title={t('title')} user={props.user} nav="queue" scripts={['/assets/editor-queue.js']}>
      <h1>{t('title')}</h1>
      <p class="notice" id="queue-news" role="status" hidden data-newest={String(props.newestId ?? 0)} data-template={t('newReports')}>
        <span class="count-new"></span> <a href={link({})}>{t('reload')}</a>
      </p>
      <h2>{t('counts')}</h2>
      <dl class="facts" id="report-counts">
        {STATES.map((s) => (
          <>
            <dt>{reportLabel(lang, 'state', s)}</dt>
            <dd data-state={s}>{props.counts[s] ?? 0}</dd>
          </>
        ))}
      </dl>
      <h2>{t(order === 'newest' ? 'openNewest' : 'open')}</h2>
      <form method="get" action="/editor" class="filters" aria-label={t('narrow')}>
        {order === 'newest' ? <input type="hidden" name="order" value="newest" /> : null}
        <label>
          {t('language')}
          <select name="language">
            <option value="">{t('any')}</option>
            {REPORT_LANGS.map((l) => (
              <option value={l} selected={filter.lang === l}>
                {t(`lang_${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('channel')}
          <select name="channel">
            <option value="">{t('any')}</option>
            {REPORT_CHANNELS.map((ch) => (
              <option value={ch} selected={filter.channel === ch}>
                {reportLabel(lang, 'channel', ch)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hedged')}
          <select name="hedged">
            <option value="">{t('any')}</option>
            <option value="yes" selected={filter.hedged === true}>
              {t('hedged_yes')}
            </option>
            <option value="no" selected={filter.hedged === false}>
              {t('hedged_no')}
            </option>
          </select>
        </label>
        <label>
          {t('region')}
          <select name="region">
            <option value="">{t('any')}</option>
            {regionsOf('KAZ').map((r) => (
              <option value={r.id} selected={filter.region === r.id}>
                {placeName(r, lang)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('show')}</button>
      </form>
      <p>
        <a
          href={(() => {
            const q = new URLSearchParams({ ...(order === 'newest' ? {} : { order: 'newest' }), ...kept }).toString();
            return `/editor${q ? `?${q}` : ''}`;
          })()}
        >
          {t(order === 'newest' ? 'showOldest' : 'showNewest')}
        </a>
      </p>
      {props.done ? (
        <p class="notice ok" role="status">
          {t(`done_${props.done.action}` as Key, { n: props.done.n })}
        </p>
      ) : null}
      {reports.length > 0 ? (
        <p class="count" role="status">
          {t('range', { from: page.skipped + 1, to: page.skipped + reports.length, total: open })}
        </p>
      ) : null}
      {reports.length === 0 ? (
        <p class="notice ok">{t('empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('select')}</th>
              <th scope="col">{t('received')}</th>
              <th scope="col">{t('channel')}</th>
              <th scope="col">{t('report')}</th>
              <th scope="col">{t('claimedWhereWhen')}</th>
              <th scope="col">{t('place')}</th>
              <th scope="col">{t('claimedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr>
                <td>
                  <input type="checkbox" name="report" value={String(r.id)} form="bulk" aria-label={t('selectOne', { id: r.id })} />
                </td>
                <td>
                  <Time at={r.received_at} zone={CHRONICLE_ZONE} />
                </td>
                <td>{reportLabel(lang, 'channel', r.channel)}</td>
                <td>
                  <a href={`/editor/reports/${r.id}`}>#{r.id}</a> {firstLine(r.what)}
                  <SameText lang={lang} earlier={props.sameText?.get(r.id)} />
                  <SameText lang={lang} earlier={props.sameMedia?.get(r.id)} media />
                  <SameText lang={lang} earlier={props.sameIncident?.get(r.id)} incident />
                </td>
                <td>
                  {r.claimed_where ?? '—'} / {r.claimed_when ?? '—'}
                </td>
                <td>
                  <DeskRead lang={lang} report={r} />
                </td>
                <td>
                  {r.state === 'claimed'
                    ? r.claimed_by_name === props.user.username
                      ? t('you')
                      : (r.claimed_by_name ?? '?')
                    : t('nobody')}
                  {r.state === 'claimed' && lapsed(r) ? <span class="meta"> {t('lapsed')}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {reports.length > 0 ? (
        <form id="bulk" method="post" action="/editor/bulk" class="bulk">
          <Csrf token={props.user.csrf} />
          <input type="hidden" name="return_to" value={link({})} />
          <fieldset>
            <legend>{t('bulk')}</legend>
            <label>
              {t('bulkAction')}
              <select name="action">
                <option value="claim">{t('bulk_claim')}</option>
                <option value="reject">{t('bulk_reject')}</option>
                <option value="duplicate">{t('bulk_duplicate')}</option>
                <option value="link">{t('bulk_link')}</option>
              </select>
            </label>
            <label>
              {t('bulkNote')}
              <input type="text" name="note" maxlength={1000} />
            </label>
            <label>
              {t('bulkOf')}
              <input type="text" name="of" inputmode="numeric" size={8} />
            </label>
            <label>
              {t('bulkEvent')}
              <input type="text" name="event_id" inputmode="numeric" size={8} />
            </label>
            <button type="submit">{t('bulkApply')}</button>
          </fieldset>
        </form>
      ) : null}
      <p>
        <a href={link({})}>{t('reloadPlain')}</a>
      </p>
      <details id="queue-keys" hidden>
        <summary>{t('keys')}</summary>
        <p>{t('keysHelp')}</p>
      </details>
      {page.hasPrevious || page.hasNext ? (
        <nav class="pager" aria-label={t('pages')}>
          {page.hasPrevious && reports[0] ? (
            <a href={link({ before: String(reports[0].id) })} rel="prev">
              {t('previous', { n: QUEUE_PAGE_SIZE })}
            </a>
          ) : (
            <span></span>
          )}
          {page.hasNext && reports.length > 0 ? (
            <a href={link({ after: String(reports[reports.length - 1]!.id) })} rel="next">
              {t('next', { n: QUEUE_PAGE_SIZE })}
            </a>
          ) : (
            <span></span>
          )}
        </nav>
      ) : null}
    </EditorPage>
  );
}
