/** What a reporter sees when the intake budgets are spent: what happened, and when to try again. */
import { type Lang, translator } from './i18n.ts';
import { Page } from './layout.tsx';

const text = translator({
  en: {
    title: 'Too many reports right now',
    client_reports:
      'So many reports came from your connection recently that we are pausing it. Many people may share your address (a mobile network does that), so this may not be about you.',
    client_bytes: 'Your connection has sent as many photos and videos as one connection may for now.',
    total_reports: 'The chronicle is receiving more reports than it can take right now.',
    total_bytes: 'The chronicle has received as many photos and videos as it can store for now.',
    disk_reserve: 'The chronicle’s storage is nearly full. Its editors can see this and are making room.',
    retry: 'Your report was not stored. Please send it again in {minutes} minutes; your text is not kept here, so copy it first.',
    back: 'Back to the report form',
  },
  ru: {
    title: 'Сейчас слишком много сообщений',
    client_reports:
      'С вашего подключения недавно пришло так много сообщений, что мы его приостановили. Вашим адресом могут пользоваться многие (так делает мобильная сеть), так что дело может быть не в вас.',
    client_bytes: 'С вашего подключения пришло столько фото и видео, сколько пока можно принять от одного подключения.',
    total_reports: 'Сейчас хроника получает больше сообщений, чем может принять.',
    total_bytes: 'Хроника уже приняла столько фото и видео, сколько может сейчас сохранить.',
    disk_reserve: 'Хранилище хроники почти заполнено. Редакция видит это и освобождает место.',
    retry:
      'Ваше сообщение не сохранено. Пожалуйста, отправьте его снова через {minutes} мин.; текст здесь не сохранился, поэтому сначала скопируйте его.',
    back: 'Вернуться к форме сообщения',
  },
});

export type LimitReason = 'client_reports' | 'client_bytes' | 'total_reports' | 'total_bytes' | 'disk_reserve';

export function LimitRefusedPage(props: { lang: Lang; path: string; reason: LimitReason; retryAfter: number }) {
  const { lang } = props;
  const minutes = Math.max(1, Math.ceil(props.retryAfter / 60));
  return (
    <Page lang={lang} path={props.path} title={text(lang, 'title')} nav="report">
      <h1>{text(lang, 'title')}</h1>
      <p class="notice error" id="limit-reason" data-limit={props.reason}>
        {text(lang, props.reason)}
      </p>
      <p>{text(lang, 'retry', { minutes })}</p>
      <p>
        <a href="/report">{text(lang, 'back')}</a>
      </p>
    </Page>
  );
}
