/**
 * What every editor page shares: the workspace navigation, the logout form (which also carries
 * the session's CSRF token), field problems next to their controls, and timestamps.
 */
import type { Child } from 'hono/jsx';
import type { FieldProblem } from '../../core/errors.ts';
import { admin1Of, getPlace, placeName } from '../../core/gazetteer/search.ts';
import { localClock } from '../../core/time.ts';
import { type Lang, translator } from '../i18n.ts';
import { MessagePage, Page } from '../layout.tsx';

export type EditorRole = 'admin' | 'editor';

/** The signed-in editor as pages need them. */
export interface EditorUser {
  username: string;
  role: EditorRole;
  csrf: string;
}

export const shellText = translator({
  en: {
    workspace: 'Editor workspace',
    queue: 'Report queue',
    search: 'Search',
    events: 'Events',
    newEvent: 'New event',
    sources: 'Sources',
    importArmored: 'Paste a report',
    users: 'Users',
    password: 'My password',
    limits: 'Limits',
    accuracy: 'Desk accuracy',
    signedInAs: 'Signed in as {name} ({role})',
    logout: 'Log out',
    role_admin: 'admin',
    role_editor: 'editor',
    problemsTitle: 'Please correct the following:',
    back: 'Back',
    none: '—',
  },
  ru: {
    workspace: 'Рабочее место редакции',
    queue: 'Очередь сообщений',
    search: 'Поиск',
    events: 'События',
    newEvent: 'Новое событие',
    sources: 'Источники',
    importArmored: 'Вставить сообщение',
    users: 'Пользователи',
    password: 'Мой пароль',
    limits: 'Ограничения',
    accuracy: 'Точность подсказок',
    signedInAs: 'Вы вошли как {name} ({role})',
    logout: 'Выйти',
    role_admin: 'администратор',
    role_editor: 'редактор',
    problemsTitle: 'Исправьте, пожалуйста:',
    back: 'Назад',
    none: '—',
  },
});

/** The hidden field every state-changing editor form posts back. */
export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/**
 * The site-wide no-referrer policy makes browsers send "Origin: null" with our own forms, which
 * the workspace's origin check cannot tell from a forged post; within the workspace, a
 * same-origin policy lets the real origin through and still sends nothing to other sites.
 */
export function EditorHead() {
  return <meta name="referrer" content="same-origin" />;
}

export type EditorNav = 'queue' | 'search' | 'events' | 'new-event' | 'sources' | 'users' | 'import' | 'password' | 'limits' | 'accuracy';

export interface EditorPageProps {
  lang: Lang;
  path: string;
  title: string;
  user: EditorUser;
  nav?: EditorNav;
  children?: Child;
  /** Islands this page loads; it works without them. */
  scripts?: string[];
}

export function EditorPage(props: EditorPageProps) {
  const { lang, user } = props;
  const t = (k: Parameters<typeof shellText>[1], vars?: Record<string, string>) => shellText(lang, k, vars);
  const item = (key: EditorNav, href: string, label: string) => (
    <li>
      <a href={href} aria-current={props.nav === key ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <Page lang={lang} path={props.path} title={props.title} editor nav="editor" head={<EditorHead />} scripts={props.scripts}>
      <nav class="editor-nav" aria-label={t('workspace')}>
        <ul class="plain inline">
          {item('queue', '/editor', t('queue'))}
          {item('search', '/editor/search', t('search'))}
          {item('events', '/editor/events', t('events'))}
          {item('new-event', '/editor/events/new', t('newEvent'))}
          {item('sources', '/editor/sources', t('sources'))}
          {item('import', '/editor/import', t('importArmored'))}
          {user.role === 'admin' ? item('users', '/editor/users', t('users')) : null}
          {user.role === 'admin' ? item('accuracy', '/editor/accuracy', t('accuracy')) : null}
          {item('limits', '/editor/limits', t('limits'))}
          {item('password', '/editor/password', t('password'))}
        </ul>
        <form method="post" action="/editor/logout" class="inline">
          <Csrf token={user.csrf} />
          <span class="meta">{t('signedInAs', { name: user.username, role: t(`role_${user.role}`) })}</span>{' '}
          <button type="submit" class="secondary">
            {t('logout')}
          </button>
        </form>
      </nav>
      {props.children}
    </Page>
  );
}

/** A message page inside the workspace, for refusals and conflicts (403, 404, 409). */
export function EditorMessagePage(props: { lang: Lang; path: string; title: string; message: string; back: string; user?: EditorUser }) {
  const body = (
    <>
      <h1>{props.title}</h1>
      <p class="notice error" role="alert">
        {props.message}
      </p>
      <p>
        <a href={props.back}>{shellText(props.lang, 'back')}</a>
      </p>
    </>
  );
  if (!props.user) {
    return (
      <MessagePage lang={props.lang} path={props.path} title={props.title} editor>
        <p class="notice error" role="alert">
          {props.message}
        </p>
      </MessagePage>
    );
  }
  return (
    <EditorPage lang={props.lang} path={props.path} title={props.title} user={props.user}>
      {body}
    </EditorPage>
  );
}

/** An element id for a field path: "sources[2].url" -> "f-sources-2-url". */
export function fieldId(field: string): string {
  return `f-${field.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}

/** The messages for one control, shown right after its label. */
export function FieldProblems(props: { problems: readonly FieldProblem[]; fields: readonly string[]; id?: string }) {
  const mine = props.problems.filter((p) => props.fields.includes(p.field));
  if (mine.length === 0) return null;
  return (
    <span class="notice error field-problem" id={props.id}>
      {mine.map((p, i) => (
        <>
          {i > 0 ? <br /> : null}
          {p.message}
        </>
      ))}
    </span>
  );
}

/** Whether any of `fields` has a problem: controls then point at their message. */
export function hasProblem(problems: readonly FieldProblem[], fields: readonly string[]): boolean {
  return problems.some((p) => fields.includes(p.field));
}

/** Every problem at the top of a form, each linking to its control. */
export function ProblemSummary(props: { lang: Lang; problems: readonly FieldProblem[]; labels?: Readonly<Record<string, string>> }) {
  if (props.problems.length === 0) return null;
  return (
    <div class="notice error" role="alert">
      <p>{shellText(props.lang, 'problemsTitle')}</p>
      <ul>
        {props.problems.map((p) => (
          <li>
            <a href={`#${fieldId(p.field)}`}>{props.labels?.[p.field] ?? p.field}</a>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Editors work across zones; one unambiguous clock avoids "whose 10 o'clock?". */
export function formatUtc(at: Date | string | null | undefined): string {
  if (!at) return '—';
  const d = typeof at === 'string' ? new Date(at) : at;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** A machine-readable <time> around the formatted instant; with `zone`, the local clock there beside it. */
export function Time(props: { at: Date | string | null | undefined; zone?: string }) {
  if (!props.at) return <>—</>;
  const d = typeof props.at === 'string' ? new Date(props.at) : props.at;
  return (
    <time datetime={d.toISOString()}>
      {formatUtc(d)}
      {props.zone ? (
        <span class="meta">
          {' '}
          ({localClock(d, props.zone)} {props.zone.replace(/^.*\//, '')})
        </span>
      ) : null}
    </time>
  );
}

/** Multi-line text as typed, without relying on a stylesheet to keep the line breaks. */
export function Lines(props: { text: string }) {
  const lines = props.text.split('\n');
  return (
    <>
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  );
}

export function firstLine(text: string, max = 120): string {
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** "Zhanaozen (Mangystau)" for a gazetteer id, in the page's language. */
export function placeLabel(placeId: string | null | undefined, lang: Lang): string | undefined {
  if (!placeId) return undefined;
  const place = getPlace(placeId);
  if (!place) return placeId;
  const region = admin1Of(place);
  const name = placeName(place, lang);
  return region && region.id !== place.id ? `${name} (${placeName(region, lang)})` : name;
}
