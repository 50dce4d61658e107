/** Accounts of the editorial team, for admins: list, add with a role, disable, set a new password. */
import type { FieldProblem } from '../../core/errors.ts';
import { type Lang, translator } from '../i18n.ts';
import { Select, TextInput } from './controls.tsx';
import { passwordRule } from './password-rule.ts';
import { type EditorRole, type EditorUser, Csrf, EditorPage, ProblemSummary, Time, shellText } from './shell.tsx';

const text = translator({
  en: {
    title: 'Users',
    intro:
      'Editors triage, code and publish. Admins also manage users, take over claimed reports and may reveal a reporter’s contact details.',
    username: 'Username',
    role: 'Role',
    created: 'Created',
    state: 'State',
    active: 'active',
    disabled: 'disabled since {at}',
    disable: 'Disable {name}',
    you: 'you',
    addTitle: 'Add a user',
    password: 'Password',
    passwordHint: 'Give it to the person over a safe channel.',
    add: 'Add user',
    resetLabel: 'New password for {name}',
    reset: 'Set new password',
    resetDone: 'New password set for {name}; their sessions have ended. Give it to them over a safe channel.',
    ownPassword: 'change yours on “My password”',
    passwordCol: 'Password',
  },
  ru: {
    title: 'Пользователи',
    intro:
      'Редакторы разбирают, кодируют и публикуют. Администраторы также управляют пользователями, забирают сообщения из чужой работы и могут раскрыть контакты автора.',
    username: 'Имя пользователя',
    role: 'Роль',
    created: 'Создан',
    state: 'Состояние',
    active: 'активен',
    disabled: 'отключён с {at}',
    disable: 'Отключить {name}',
    you: 'вы',
    addTitle: 'Добавить пользователя',
    password: 'Пароль',
    passwordHint: 'Передайте его человеку по надёжному каналу.',
    add: 'Добавить',
    resetLabel: 'Новый пароль для {name}',
    reset: 'Задать новый пароль',
    resetDone: 'Для {name} задан новый пароль; его сеансы завершены. Передайте пароль по надёжному каналу.',
    ownPassword: 'свой меняйте на странице «Мой пароль»',
    passwordCol: 'Пароль',
  },
});

export interface UserView {
  id: number;
  username: string;
  role: EditorRole;
  created_at: Date;
  disabled_at: Date | null;
}

export interface UsersPageProps {
  lang: Lang;
  path: string;
  user: EditorUser;
  users: readonly UserView[];
  problems?: readonly FieldProblem[];
  values?: { username: string; role: string };
  /** The account whose password was just reset. */
  resetDone?: string;
  /** What was wrong with a new password typed for one account. */
  resetProblem?: { userId: number; message: string };
}

export function UsersPage(props: UsersPageProps) {
  const { lang } = props;
  const t = (k: Parameters<typeof text>[1], vars?: Record<string, string>) => text(lang, k, vars);
  const problems = props.problems ?? [];
  const roleLabel = (r: EditorRole) => shellText(lang, `role_${r}`);
  return (
    <EditorPage lang={lang} path={props.path} title={t('title')} user={props.user} nav="users">
      <h1>{t('title')}</h1>
      {props.resetDone ? <p class="notice ok">{t('resetDone', { name: props.resetDone })}</p> : null}
      <p>{t('intro')}</p>
      <p class="hint" id="password-rule">
        {t('passwordCol')}: {passwordRule(lang)}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('username')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('created')}</th>
            <th scope="col">{t('state')}</th>
            <th scope="col">{t('passwordCol')}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr id={`user-${u.username}`}>
              <td>
                {u.username}
                {u.username === props.user.username ? ` (${t('you')})` : ''}
              </td>
              <td>{roleLabel(u.role)}</td>
              <td>
                <Time at={u.created_at} />
              </td>
              <td>
                {u.disabled_at ? (
                  t('disabled', { at: u.disabled_at.toISOString().slice(0, 10) })
                ) : u.username === props.user.username ? (
                  t('active')
                ) : (
                  <form method="post" action={`/editor/users/${u.id}/disable`} class="inline">
                    <Csrf token={props.user.csrf} />
                    {t('active')}{' '}
                    <button type="submit" class="danger">
                      {t('disable', { name: u.username })}
                    </button>
                  </form>
                )}
              </td>
              <td>
                {u.username === props.user.username ? (
                  <a href="/editor/password">{t('ownPassword')}</a>
                ) : u.disabled_at ? null : (
                  <form method="post" action={`/editor/users/${u.id}/password`} class="inline">
                    <Csrf token={props.user.csrf} />
                    <label for={`reset-${u.id}`}>{t('resetLabel', { name: u.username })}</label>{' '}
                    {props.resetProblem?.userId === u.id ? (
                      <span class="notice error field-problem">{props.resetProblem.message}</span>
                    ) : null}
                    <input
                      type="password"
                      id={`reset-${u.id}`}
                      name="password"
                      autocomplete="new-password"
                      aria-describedby="password-rule"
                      required
                      minlength={10}
                      maxlength={200}
                    />{' '}
                    <button type="submit">{t('reset')}</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('addTitle')}</h2>
      <ProblemSummary lang={lang} problems={problems} />
      <form method="post" action="/editor/users">
        <Csrf token={props.user.csrf} />
        <TextInput
          problems={problems}
          label={t('username')}
          name="username"
          fields={['username']}
          value={props.values?.username ?? ''}
          maxlength={40}
          required
        />
        <p class="field">
          <label for="f-password">
            {t('password')}
            <span class="hint">
              {passwordRule(lang)} {t('passwordHint')}
            </span>
          </label>
          {problems
            .filter((p) => p.field === 'password')
            .map((p) => (
              <span class="notice error field-problem">{p.message}</span>
            ))}
          <input type="password" id="f-password" name="password" autocomplete="new-password" required maxlength={200} />
        </p>
        <Select
          problems={problems}
          label={t('role')}
          name="role"
          fields={['role']}
          value={props.values?.role ?? 'editor'}
          options={(['editor', 'admin'] as const).map((r) => ({ value: r, label: roleLabel(r) }))}
        />
        <button type="submit">{t('add')}</button>
      </form>
    </EditorPage>
  );
}
