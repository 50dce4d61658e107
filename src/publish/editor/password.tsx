/** An editor changing their own password. */
import type { FieldProblem } from '../../core/errors.ts';
import { type Lang, translator } from '../i18n.ts';
import { passwordRule } from './password-rule.ts';
import { type EditorUser, Csrf, EditorPage, ProblemSummary } from './shell.tsx';

const text = translator({
  en: {
    title: 'My password',
    intro: 'A new password logs you out everywhere else: every other browser where this account is logged in has to log in again.',
    current: 'Current password',
    password: 'New password',
    repeat: 'New password again',
    submit: 'Change my password',
    done: 'Your password is changed; your other sessions have ended.',
  },
  ru: {
    title: 'Мой пароль',
    intro: 'Новый пароль завершает все остальные сеансы: во всех других браузерах, где открыта эта учётная запись, придётся войти снова.',
    current: 'Текущий пароль',
    password: 'Новый пароль',
    repeat: 'Новый пароль ещё раз',
    submit: 'Сменить пароль',
    done: 'Пароль изменён; остальные сеансы завершены.',
  },
});

export interface PasswordPageProps {
  lang: Lang;
  path: string;
  user: EditorUser;
  problems?: readonly FieldProblem[];
  done?: boolean;
}

function PasswordField(props: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  autocomplete: string;
  problems: readonly FieldProblem[];
}) {
  return (
    <p class="field">
      <label for={props.id}>
        {props.label}
        {props.hint ? <span class="hint">{props.hint}</span> : null}
      </label>
      {props.problems
        .filter((p) => p.field === props.name)
        .map((p) => (
          <span class="notice error field-problem">{p.message}</span>
        ))}
      <input type="password" id={props.id} name={props.name} autocomplete={props.autocomplete} required maxlength={200} />
    </p>
  );
}

export function PasswordPage(props: PasswordPageProps) {
  const { lang } = props;
  const t = (k: Parameters<typeof text>[1]) => text(lang, k);
  const problems = props.problems ?? [];
  return (
    <EditorPage lang={lang} path={props.path} title={t('title')} user={props.user} nav="password">
      <h1>{t('title')}</h1>
      {props.done ? <p class="notice ok">{t('done')}</p> : null}
      <p>{t('intro')}</p>
      <ProblemSummary lang={lang} problems={problems} />
      <form method="post" action="/editor/password">
        <Csrf token={props.user.csrf} />
        <PasswordField id="f-current" name="current" label={t('current')} autocomplete="current-password" problems={problems} />
        <PasswordField
          id="f-password"
          name="password"
          label={t('password')}
          hint={passwordRule(lang)}
          autocomplete="new-password"
          problems={problems}
        />
        <PasswordField id="f-repeat" name="repeat" label={t('repeat')} autocomplete="new-password" problems={problems} />
        <button type="submit">{t('submit')}</button>
      </form>
    </EditorPage>
  );
}
