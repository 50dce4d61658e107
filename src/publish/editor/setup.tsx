/** The one-time page that creates the first admin account of a new chronicle. */
import type { FieldProblem } from '../../core/errors.ts';
import { type Lang, translator } from '../i18n.ts';
import { Page } from '../layout.tsx';
import { TextInput } from './controls.tsx';
import { passwordRule } from './password-rule.ts';
import { EditorHead, ProblemSummary } from './shell.tsx';

const text = translator({
  en: {
    title: 'Create the first admin account',
    intro:
      'This chronicle has no editor account yet. The account you create here is an admin: it can add the rest of the team. This address works once.',
    username: 'Username',
    password: 'Password',
    submit: 'Create admin account',
  },
  ru: {
    title: 'Первая учётная запись администратора',
    intro:
      'У этой хроники ещё нет учётных записей редакции. Запись, созданная здесь, — администратор: она может добавить остальных. Эта ссылка действует один раз.',
    username: 'Имя пользователя',
    password: 'Пароль',
    submit: 'Создать администратора',
  },
});

export interface SetupPageProps {
  lang: Lang;
  path: string;
  /** Where the form posts: the one-time address itself. */
  action: string;
  username?: string;
  problems?: readonly FieldProblem[];
}

export function SetupPage(props: SetupPageProps) {
  const t = (k: Parameters<typeof text>[1]) => text(props.lang, k);
  const problems = props.problems ?? [];
  return (
    <Page lang={props.lang} path={props.path} title={t('title')} editor nav="editor" head={<EditorHead />}>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ProblemSummary lang={props.lang} problems={problems} labels={{ username: t('username'), password: t('password') }} />
      <form method="post" action={props.action}>
        <TextInput
          label={t('username')}
          name="username"
          fields={['username']}
          problems={problems}
          value={props.username ?? ''}
          required
          maxlength={40}
          autocomplete="username"
        />
        <p class="field">
          <label for="password">
            {t('password')}
            <span class="hint">{passwordRule(props.lang)}</span>
          </label>
          <input type="password" id="password" name="password" autocomplete="new-password" required minlength={10} maxlength={200} />
        </p>
        <button type="submit">{t('submit')}</button>
      </form>
    </Page>
  );
}
