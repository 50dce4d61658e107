/**
 * Checking a report by its receipt code. The code travels in a form body, never in the URL,
 * so it stays out of server logs and browser history.
 *
 * The status page never shows what the report says, not even on request. Whoever holds the
 * code may not be the reporter (a seized phone, a note found in a pocket), and the text on
 * screen is what would tie a person to a report; the reporter already knows what they wrote.
 */
import type { Child } from 'hono/jsx';
import type { FieldProblem } from '../core/errors.ts';
import type { ReportState } from '../core/report.ts';
import { type Lang, translator } from './i18n.ts';
import { Page } from './layout.tsx';
import { problemText } from './report-problems.ts';

const t = translator({
  en: {
    title: 'Check a report',
    intro: 'Enter the receipt code you got when you sent the report.',
    codeLabel: 'Receipt code',
    codeHint: '12 letters and digits, like 7K3M-9QX2-AB4D. Case, spaces and dashes do not matter.',
    check: 'Check',
    notFoundTitle: 'No report with this code',
    notFoundText: 'Check the code for typos and try again.',
    resultTitle: 'Report status',
    receivedOn: 'Received: {date}',
    state_new: 'Received; waiting for an editor.',
    state_claimed: 'An editor is reviewing it.',
    state_linked: 'Used by the editors.',
    state_published: 'Used in a published event:',
    eventLink: 'see the event',
    state_duplicate: 'Marked as a duplicate of another report about the same incident.',
    state_rejected: 'Not used.',
    noText: 'For your safety this page never shows what the report says.',
    checkAnother: 'Check another code',
    sendReport: 'Send a report',
  },
  ru: {
    title: 'Проверить сообщение',
    intro: 'Введите код, который вы получили при отправке сообщения.',
    codeLabel: 'Код',
    codeHint: '12 букв и цифр, например 7K3M-9QX2-AB4D. Регистр, пробелы и дефисы не важны.',
    check: 'Проверить',
    notFoundTitle: 'Сообщения с таким кодом нет',
    notFoundText: 'Проверьте, нет ли в коде опечатки, и попробуйте снова.',
    resultTitle: 'Статус сообщения',
    receivedOn: 'Дата получения: {date}',
    state_new: 'Получено; ждёт редактора.',
    state_claimed: 'Редактор проверяет сообщение.',
    state_linked: 'Использовано редакторами.',
    state_published: 'Использовано в опубликованном событии:',
    eventLink: 'открыть событие',
    state_duplicate: 'Отмечено как повтор другого сообщения о том же событии.',
    state_rejected: 'Не использовано.',
    noText: 'Ради вашей безопасности эта страница никогда не показывает текст сообщения.',
    checkAnother: 'Проверить другой код',
    sendReport: 'Сообщить о событии',
  },
});

function CodeForm(props: { lang: Lang; value?: string; problems?: readonly FieldProblem[] }) {
  const { lang } = props;
  const problems = (props.problems ?? []).filter((p) => p.field === 'code');
  return (
    <form method="post" action="/report/status" autocomplete="off" accept-charset="utf-8">
      <input type="hidden" name="lang" value={lang} />
      <div class="field">
        <label for="f-code">{t(lang, 'codeLabel')}</label>
        <span class="hint" id="code-hint">
          {t(lang, 'codeHint')}
        </span>
        {problems.length ? (
          <p class="notice error" id="code-error">
            {problems.map((p) => problemText(lang, p)).join(' ')}
          </p>
        ) : null}
        <input
          type="text"
          id="f-code"
          name="code"
          required
          maxlength={40}
          value={props.value ?? ''}
          autocapitalize="characters"
          spellcheck={false}
          aria-describedby={problems.length ? 'code-hint code-error' : 'code-hint'}
          aria-invalid={problems.length ? 'true' : undefined}
        />
      </div>
      <button type="submit">{t(lang, 'check')}</button>
    </form>
  );
}

/** The form asking for a code; with `problems` when the code typed was not a code at all. */
export function StatusFormPage(props: { lang: Lang; path: string; value?: string; problems?: readonly FieldProblem[] }) {
  const { lang } = props;
  const problems = props.problems ?? [];
  return (
    <Page lang={lang} path={props.path} title={t(lang, 'title')} nav="report">
      <h1>{t(lang, 'title')}</h1>
      {problems.length ? (
        <div class="notice error" id="problems">
          <ul>
            {problems.map((p) => (
              <li>
                <a href="#f-code">
                  {t(lang, 'codeLabel')}: {problemText(lang, p)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{t(lang, 'intro')}</p>
      <CodeForm lang={lang} {...(props.value === undefined ? {} : { value: props.value })} problems={problems} />
    </Page>
  );
}

export function StatusNotFoundPage(props: { lang: Lang; path: string }) {
  const { lang } = props;
  return (
    <Page lang={lang} path={props.path} title={t(lang, 'notFoundTitle')} nav="report">
      <h1>{t(lang, 'notFoundTitle')}</h1>
      <p>{t(lang, 'notFoundText')}</p>
      <CodeForm lang={lang} />
    </Page>
  );
}

export interface StatusView {
  state: ReportState;
  /** ISO date (UTC day) of receipt. */
  receivedOn: string;
  /** Permalink of the published event the report went into, if any. */
  eventHref?: string;
}

function formatDay(lang: Lang, isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

export function StatusPage(props: { lang: Lang; path: string; status: StatusView }) {
  const { lang, status } = props;
  let state: Child;
  if (status.state === 'linked' && status.eventHref) {
    state = (
      <>
        {t(lang, 'state_published')} <a href={status.eventHref}>{t(lang, 'eventLink')}</a>
      </>
    );
  } else {
    state = t(lang, `state_${status.state}`);
  }
  return (
    <Page lang={lang} path={props.path} title={t(lang, 'resultTitle')} nav="report">
      <h1>{t(lang, 'resultTitle')}</h1>
      <p class="notice ok" id="report-state" data-state={status.state}>
        {state}
      </p>
      <p>{t(lang, 'receivedOn', { date: formatDay(lang, status.receivedOn) })}</p>
      <p class="meta">{t(lang, 'noText')}</p>
      <p>
        <a href="/report/status">{t(lang, 'checkAnother')}</a> · <a href="/report">{t(lang, 'sendReport')}</a>
      </p>
    </Page>
  );
}
