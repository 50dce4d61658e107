/**
 * The reporter's pages: the form, the receipt, and the pages for a report that could not be
 * taken. Plain HTML that posts in one request; the form carries `id="report-form"` so the
 * offline-queue island (publish/client/report-offline.ts) finds it without changing how it
 * works without scripts.
 */
import type { FieldProblem } from '../core/errors.ts';
import { HOW_KNOWN, REPORT_LIMITS } from '../core/report.ts';
import { type Lang, translator } from './i18n.ts';
import { Page } from './layout.tsx';
import { problemText } from './report-problems.ts';

const t = translator({
  en: {
    title: 'Send a report',
    intro: 'Tell us what you saw or heard. Editors check every report before anything is published.',
    safety1: 'We do not store IP addresses.',
    safety2: 'Do not write your name or anything that identifies you.',
    safety3: 'This page works on a slow link and without JavaScript; sending it is one small request.',
    whatLabel: 'What happened?',
    whatHint: 'Required. What you saw or heard, as plainly as you can: who, how many people, what they did.',
    whenLabel: 'When?',
    whenHint: 'In your own words, for example “today 14:00” or “5 Jan, evening”.',
    whereLabel: 'Where?',
    whereHint: 'Town, street, landmark.',
    howLabel: 'How do you know?',
    how_saw: 'I saw it myself',
    how_heard: 'I heard it myself',
    how_relayed: 'Someone told me',
    how_media: 'From the media or social media',
    how_other: 'Other',
    contactLabel: 'How can editors reach you? (optional)',
    contactHint: 'Only editors can read this. Leave it empty if it could endanger you.',
    send: 'Send report',
    problemsTitle: 'The report was not sent yet. Please fix:',
    resent:
      'This form was already sent once with different text. Nothing new was stored. To send what is below as a new report, press “Send report” again.',
    receivedTitle: 'Report received',
    againTitle: 'This report was already received',
    againText: 'The form reached us more than once; we kept one report.',
    codeIntro: 'Your receipt code:',
    writeDown:
      'Write this code down on paper or learn it by heart. It is the only way to find out what happened to your report: we do not know who you are, so we cannot look it up for you.',
    codeReveals:
      'The code shows only whether the report was used, never what it says or who sent it. Still, keep it where others will not find it.',
    checkBefore: 'To check, open',
    checkLink: 'Check a report',
    checkAfter: 'and enter the code.',
    closePage: 'When you have written the code down, close this page.',
    another: 'Send another report',
    tooLargeTitle: 'The report is too long',
    tooLargeText:
      'We accept up to 64 KiB in one report, and nothing of this one was stored. Go back (your browser usually keeps what you typed), shorten it or split it into two reports, and send again.',
    badTitle: 'The report could not be read',
    badText: 'Nothing was stored. Go back, reload the form and send it again.',
    notStoredTitle: 'The report could not be stored',
    notStoredText:
      'Something went wrong on our side and the report was NOT stored. Go back (your browser usually keeps what you typed) and send it again in a moment.',
    detail: 'Details:',
    backToForm: 'Open a fresh form',
    mediaLabel: 'Photos or videos (optional)',
    mediaHint:
      'Up to 5 files: photos (JPEG, PNG, WebP, GIF) up to 15 MiB each, videos (MP4, MOV, WebM) up to 100 MiB each. Before anything is kept for display we remove the hidden data in them: location (GPS), time, phone model and other EXIF, XMP and IPTC details.',
    keepOriginal: 'Keep the original as evidence',
    keepOriginalHint:
      'Only if the untouched file matters as proof. The original still contains everything the phone recorded, often the exact place and time and the phone’s model, which can identify you. It is stored apart, only editors can open it, and it is never published; but if our server is seized, it could be found. If unsure, leave this unticked.',
    mediaTitle: 'A photo or video could not be accepted',
    mediaText:
      'Nothing of this report was stored. Go back (your browser usually keeps what you typed, but you will need to choose the files again), remove or replace the file named below, and send again.',
  },
  ru: {
    title: 'Сообщить о событии',
    intro: 'Расскажите, что вы видели или слышали. Редакторы проверяют каждое сообщение, прежде чем что-либо публиковать.',
    safety1: 'Мы не храним IP-адреса.',
    safety2: 'Не пишите своё имя и ничего, что может вас выдать.',
    safety3: 'Страница работает на медленной связи и без JavaScript; отправка — один небольшой запрос.',
    whatLabel: 'Что произошло?',
    whatHint: 'Обязательно. Что вы видели или слышали, как можно проще: кто, сколько людей, что они делали.',
    whenLabel: 'Когда?',
    whenHint: 'Своими словами, например «сегодня в 14:00» или «5 января, вечером».',
    whereLabel: 'Где?',
    whereHint: 'Город, улица, ориентир.',
    howLabel: 'Откуда вы это знаете?',
    how_saw: 'Видел(а) сам(а)',
    how_heard: 'Слышал(а) сам(а)',
    how_relayed: 'Мне рассказали',
    how_media: 'Из СМИ или соцсетей',
    how_other: 'Другое',
    contactLabel: 'Как редакторам связаться с вами? (необязательно)',
    contactHint: 'Это видят только редакторы. Оставьте поле пустым, если это может быть для вас опасно.',
    send: 'Отправить',
    problemsTitle: 'Сообщение ещё не отправлено. Исправьте:',
    resent:
      'Эта форма уже была отправлена с другим текстом. Ничего нового не сохранено. Чтобы отправить текст ниже как новое сообщение, нажмите «Отправить» ещё раз.',
    receivedTitle: 'Сообщение получено',
    againTitle: 'Это сообщение уже было получено',
    againText: 'Форма дошла до нас несколько раз; мы сохранили одно сообщение.',
    codeIntro: 'Ваш код для проверки:',
    writeDown:
      'Запишите этот код на бумаге или запомните его. Только по нему можно узнать, что стало с вашим сообщением: мы не знаем, кто вы, и не сможем найти его за вас.',
    codeReveals:
      'По коду видно только, использовано ли сообщение, — но не его текст и не отправитель. И всё же храните код там, где его не найдут.',
    checkBefore: 'Чтобы проверить, откройте страницу',
    checkLink: '«Проверить сообщение»',
    checkAfter: 'и введите код.',
    closePage: 'Когда запишете код, закройте эту страницу.',
    another: 'Отправить ещё одно сообщение',
    tooLargeTitle: 'Сообщение слишком длинное',
    tooLargeText:
      'Мы принимаем до 64 КиБ в одном сообщении; из этого ничего не сохранено. Вернитесь назад (браузер обычно сохраняет набранное), сократите текст или разделите его на два сообщения и отправьте снова.',
    badTitle: 'Не удалось прочитать сообщение',
    badText: 'Ничего не сохранено. Вернитесь назад, обновите форму и отправьте снова.',
    notStoredTitle: 'Не удалось сохранить сообщение',
    notStoredText:
      'На нашей стороне что-то пошло не так, и сообщение НЕ сохранено. Вернитесь назад (браузер обычно сохраняет набранное) и отправьте его снова чуть позже.',
    detail: 'Подробности:',
    backToForm: 'Открыть новую форму',
    mediaLabel: 'Фото или видео (необязательно)',
    mediaHint:
      'До 5 файлов: фото (JPEG, PNG, WebP, GIF) до 15 МиБ каждое, видео (MP4, MOV, WebM) до 100 МиБ каждое. Прежде чем что-то сохранить для просмотра, мы удаляем скрытые данные: место съёмки (GPS), время, модель телефона и другие сведения EXIF, XMP и IPTC.',
    keepOriginal: 'Сохранить оригинал как доказательство',
    keepOriginalHint:
      'Только если нетронутый файл важен как доказательство. В оригинале остаётся всё, что записал телефон, часто точное место и время съёмки и модель телефона, — по этому вас можно узнать. Он хранится отдельно, открыть его могут только редакторы, и он никогда не публикуется; но если наш сервер изымут, его могут найти. Если сомневаетесь, не отмечайте.',
    mediaTitle: 'Не удалось принять фото или видео',
    mediaText:
      'Из этого сообщения ничего не сохранено. Вернитесь назад (браузер обычно сохраняет набранное, но файлы придётся выбрать заново), уберите или замените указанный ниже файл и отправьте снова.',
  },
});

export interface ReportFormValues {
  what?: string;
  when?: string;
  where?: string;
  howKnown?: string;
  contact?: string;
}

export interface ReportFormProps {
  lang: Lang;
  path: string;
  /** Random per render: a double-submitted or resent form is stored once. */
  idempotencyKey: string;
  values?: ReportFormValues;
  problems?: readonly FieldProblem[];
  /** The form's key was already used for a different report. */
  resent?: boolean;
}

type Field = 'what' | 'when' | 'where' | 'howKnown' | 'contact';

/** Where a problem's link in the summary leads: the control itself, or the first radio. */
function anchorOf(field: string): string | undefined {
  if (field === 'howKnown') return `#f-howKnown-${HOW_KNOWN[0]}`;
  if (field === 'what' || field === 'when' || field === 'where' || field === 'contact') return `#f-${field}`;
  return undefined;
}

export function ReportFormPage(props: ReportFormProps) {
  const { lang } = props;
  const values = props.values ?? {};
  const problems = props.problems ?? [];
  const problemsOf = (field: Field) => problems.filter((p) => p.field === field);
  const describedBy = (field: Field, hint: boolean) =>
    [hint ? `${field}-hint` : '', problemsOf(field).length ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const error = (field: Field) => {
    const list = problemsOf(field);
    return list.length ? (
      <p class="notice error" id={`${field}-error`}>
        {list.map((p) => problemText(lang, p)).join(' ')}
      </p>
    ) : null;
  };
  const invalid = (field: Field) => (problemsOf(field).length ? 'true' : undefined);
  const label = (field: string) =>
    field === 'what'
      ? t(lang, 'whatLabel')
      : field === 'when'
        ? t(lang, 'whenLabel')
        : field === 'where'
          ? t(lang, 'whereLabel')
          : field === 'howKnown'
            ? t(lang, 'howLabel')
            : field === 'contact'
              ? t(lang, 'contactLabel')
              : undefined;

  return (
    <Page
      lang={lang}
      path={props.path}
      title={t(lang, 'title')}
      nav="report"
      scripts={['/assets/report.js']}
      head={<link rel="manifest" href="/report.webmanifest" />}
    >
      <h1>{t(lang, 'title')}</h1>
      {problems.length ? (
        <div class="notice error" id="problems">
          <h2>{t(lang, 'problemsTitle')}</h2>
          <ul>
            {problems.map((p) => {
              const text = `${label(p.field) ?? ''} ${problemText(lang, p)}`.trim();
              const href = anchorOf(p.field);
              return <li>{href ? <a href={href}>{text}</a> : text}</li>;
            })}
          </ul>
        </div>
      ) : null}
      {props.resent ? <p class="notice">{t(lang, 'resent')}</p> : null}
      <p>{t(lang, 'intro')}</p>
      <ul class="notice">
        <li>{t(lang, 'safety1')}</li>
        <li>{t(lang, 'safety2')}</li>
        <li>{t(lang, 'safety3')}</li>
      </ul>
      {/* autocomplete=off: a seized phone's form history must not replay what was typed here. */}
      <form method="post" action="/report" id="report-form" autocomplete="off" accept-charset="utf-8" enctype="multipart/form-data">
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <input type="hidden" name="lang" value={lang} />
        <div class="field">
          <label for="f-what">{t(lang, 'whatLabel')}</label>
          <span class="hint" id="what-hint">
            {t(lang, 'whatHint')}
          </span>
          {error('what')}
          <textarea
            id="f-what"
            name="what"
            rows={6}
            required
            maxlength={REPORT_LIMITS.what}
            aria-describedby={describedBy('what', true)}
            aria-invalid={invalid('what')}
          >
            {values.what ?? ''}
          </textarea>
        </div>
        <div class="field">
          <label for="f-when">{t(lang, 'whenLabel')}</label>
          <span class="hint" id="when-hint">
            {t(lang, 'whenHint')}
          </span>
          {error('when')}
          <input
            type="text"
            id="f-when"
            name="when"
            maxlength={REPORT_LIMITS.when}
            value={values.when ?? ''}
            aria-describedby={describedBy('when', true)}
            aria-invalid={invalid('when')}
          />
        </div>
        <div class="field">
          <label for="f-where">{t(lang, 'whereLabel')}</label>
          <span class="hint" id="where-hint">
            {t(lang, 'whereHint')}
          </span>
          {error('where')}
          <input
            type="text"
            id="f-where"
            name="where"
            maxlength={REPORT_LIMITS.where}
            value={values.where ?? ''}
            aria-describedby={describedBy('where', true)}
            aria-invalid={invalid('where')}
          />
        </div>
        <fieldset class="field" aria-describedby={describedBy('howKnown', false)}>
          <legend>{t(lang, 'howLabel')}</legend>
          {error('howKnown')}
          {HOW_KNOWN.map((h) => (
            <div>
              <input type="radio" id={`f-howKnown-${h}`} name="howKnown" value={h} checked={values.howKnown === h} />{' '}
              <label for={`f-howKnown-${h}`}>{t(lang, `how_${h}`)}</label>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label for="f-contact">{t(lang, 'contactLabel')}</label>
          <span class="hint" id="contact-hint">
            {t(lang, 'contactHint')}
          </span>
          {error('contact')}
          <input
            type="text"
            id="f-contact"
            name="contact"
            maxlength={REPORT_LIMITS.contact}
            value={values.contact ?? ''}
            aria-describedby={describedBy('contact', true)}
            aria-invalid={invalid('contact')}
          />
        </div>
        <div class="field">
          <label for="f-media">{t(lang, 'mediaLabel')}</label>
          <span class="hint" id="media-hint">
            {t(lang, 'mediaHint')}
          </span>
          <input
            type="file"
            id="f-media"
            name="media"
            multiple
            accept="image/jpeg,image/png,image/webp,image/gif,video/mp4,video/quicktime,video/webm"
            aria-describedby="media-hint"
          />
        </div>
        <div class="field">
          <input type="checkbox" id="f-keepOriginal" name="keepOriginal" value="1" aria-describedby="keepOriginal-hint" />{' '}
          <label for="f-keepOriginal">{t(lang, 'keepOriginal')}</label>
          <span class="hint" id="keepOriginal-hint">
            {t(lang, 'keepOriginalHint')}
          </span>
        </div>
        <button type="submit">{t(lang, 'send')}</button>
      </form>
    </Page>
  );
}

export function ReceiptPage(props: { lang: Lang; path: string; receiptCode: string; created: boolean }) {
  const { lang } = props;
  const title = props.created ? t(lang, 'receivedTitle') : t(lang, 'againTitle');
  return (
    <Page lang={lang} path={props.path} title={title} nav="report">
      <h1>{title}</h1>
      {props.created ? null : <p>{t(lang, 'againText')}</p>}
      <p>{t(lang, 'codeIntro')}</p>
      <p class="receipt" id="receipt-code">
        {props.receiptCode}
      </p>
      <p>
        <strong>{t(lang, 'writeDown')}</strong>
      </p>
      <p>
        {t(lang, 'checkBefore')} <a href="/report/status">{t(lang, 'checkLink')}</a> {t(lang, 'checkAfter')}
      </p>
      <p>{t(lang, 'codeReveals')}</p>
      <p>{t(lang, 'closePage')}</p>
      <p>
        <a href="/report">{t(lang, 'another')}</a>
      </p>
    </Page>
  );
}

/** A report that could not be taken (too large, unreadable, storage failing): nothing was stored. */
export function ReportRefusedPage(props: {
  lang: Lang;
  path: string;
  reason: 'too_large' | 'unreadable' | 'not_stored' | 'media';
  detail?: string;
}) {
  const { lang } = props;
  const [title, text] =
    props.reason === 'too_large'
      ? [t(lang, 'tooLargeTitle'), t(lang, 'tooLargeText')]
      : props.reason === 'media'
        ? [t(lang, 'mediaTitle'), t(lang, 'mediaText')]
        : props.reason === 'unreadable'
          ? [t(lang, 'badTitle'), t(lang, 'badText')]
          : [t(lang, 'notStoredTitle'), t(lang, 'notStoredText')];
  return (
    <Page lang={lang} path={props.path} title={title} nav="report">
      <h1>{title}</h1>
      <p class="notice error">{text}</p>
      {props.detail ? (
        <p class="meta">
          {t(lang, 'detail')} {props.detail}
        </p>
      ) : null}
      <p>
        <a href="/report">{t(lang, 'backToForm')}</a>
      </p>
    </Page>
  );
}
