/** The editor login form. It never says whether the username or the password was wrong. */
import { type Lang, translator } from '../i18n.ts';
import { Page } from '../layout.tsx';
import { EditorHead } from './shell.tsx';

const text = translator({
  en: {
    title: 'Editor login',
    intro: 'For the editorial team only. Reporters do not need an account: use the report form.',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    failed: 'Wrong username or password.',
    missing: 'Enter your username and password.',
    loggedOut: 'You are logged out.',
    login_client: 'Too many failed attempts from this connection. Try again in {minutes} minutes.',
    login_account:
      'Too many failed attempts for this account. Try again in {minutes} minutes, or from a browser that has logged in to it before.',
  },
  ru: {
    title: 'Вход для редакции',
    intro: 'Только для редакции. Чтобы сообщить о событии, учётная запись не нужна: воспользуйтесь формой сообщения.',
    username: 'Имя пользователя',
    password: 'Пароль',
    submit: 'Войти',
    failed: 'Неверное имя пользователя или пароль.',
    missing: 'Введите имя пользователя и пароль.',
    loggedOut: 'Вы вышли.',
    login_client: 'Слишком много неудачных попыток с этого подключения. Попробуйте снова через {minutes} мин.',
    login_account:
      'Слишком много неудачных попыток для этой учётной записи. Попробуйте снова через {minutes} мин. или с браузера, с которого в неё уже входили.',
  },
});

export interface LoginPageProps {
  lang: Lang;
  path: string;
  username?: string;
  error?: 'failed' | 'missing' | 'login_client' | 'login_account';
  /** Seconds until a throttled login may try again. */
  retryAfter?: number;
  loggedOut?: boolean;
  /** Where to go after logging in (an /editor path). */
  next?: string;
}

export function LoginPage(props: LoginPageProps) {
  const t = (k: Parameters<typeof text>[1]) => text(props.lang, k, { minutes: Math.max(1, Math.ceil((props.retryAfter ?? 0) / 60)) });
  return (
    <Page lang={props.lang} path={props.path} title={t('title')} editor nav="editor" head={<EditorHead />}>
      <h1>{t('title')}</h1>
      <p>
        {t('intro')} <a href="/report">/report</a>
      </p>
      {props.loggedOut ? <p class="notice ok">{t('loggedOut')}</p> : null}
      {props.error ? (
        <p class="notice error" role="alert" id="login-error">
          {t(props.error)}
        </p>
      ) : null}
      <form method="post" action="/editor/login">
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <p class="field">
          <label for="username">{t('username')}</label>
          <input
            type="text"
            id="username"
            name="username"
            value={props.username ?? ''}
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
            maxlength={40}
            aria-describedby={props.error ? 'login-error' : undefined}
          />
        </p>
        <p class="field">
          <label for="password">{t('password')}</label>
          <input type="password" id="password" name="password" autocomplete="current-password" required maxlength={200} />
        </p>
        <button type="submit">{t('submit')}</button>
      </form>
    </Page>
  );
}
