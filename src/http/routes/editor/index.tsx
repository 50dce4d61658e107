/**
 * The editor workspace under /editor: its own sub-application so that the session gate, the
 * CSRF check and the workspace's error pages apply to every route in it and nowhere else.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { CaravanError } from '../../../core/errors.ts';
import { EditorMessagePage } from '../../../publish/editor/shell.tsx';
import { translator } from '../../../publish/i18n.ts';
import { loadSession } from '../../middleware/auth.ts';
import type { AppContext } from '../../../app/context.ts';
import { type Env, currentPath, statusOf } from '../../common.ts';
import { registerEventEditRoutes } from './event-edit.tsx';
import { registerEventRoutes } from './events.tsx';
import { gate, noStore } from './guard.ts';
import { registerLoginRoutes } from './login.tsx';
import { registerImportRoutes } from './import.tsx';
import { TELEGRAM_UPLOAD_MAX, TELEGRAM_UPLOAD_PATH, registerTelegramImportRoutes } from './telegram-import.tsx';
import { registerQueueRoutes } from './queue.tsx';
import { registerSearchRoutes } from './search.tsx';
import { registerReportRoutes } from './reports.tsx';
import { registerMediaRoutes } from '../media.ts';
import { registerSetupRoutes } from './setup.tsx';
import { registerSourceRoutes } from './sources.tsx';
import { registerUserRoutes } from './users.tsx';
import { registerPasswordRoutes } from './users-password.tsx';
import { registerLimitRoutes } from './limits.tsx';
import { registerAccuracyRoutes } from './accuracy.tsx';
import { registerBulkRoutes } from './bulk.tsx';

const text = translator({
  en: {
    '400': 'This request could not be understood',
    '403': 'Not allowed',
    '404': 'Not found',
    '409': 'Conflict: nothing was changed',
    '413': 'Too much data',
    '422': 'Please check your input',
    '502': 'Another server did not answer as it should',
    '503': 'This cannot be done right now; nothing was changed',
  },
  ru: {
    '400': 'Запрос не удалось разобрать',
    '403': 'Нет доступа',
    '404': 'Не найдено',
    '409': 'Конфликт: ничего не изменено',
    '413': 'Слишком много данных',
    '422': 'Проверьте введённые данные',
    '502': 'Другой сервер ответил не так, как должен',
    '503': 'Сейчас это сделать нельзя; ничего не изменено',
  },
});

/** A form posts to "<page>/<action>"; after a refusal the editor goes back to "<page>". */
function backFor(method: string, path: string): string {
  if (method === 'GET' || path === '/editor/logout') return '/editor';
  const parent = path.replace(/\/[^/]*$/, '');
  return parent.startsWith('/editor') ? parent : '/editor';
}

export function registerEditorRoutes(app: Hono<Env>, ctx: AppContext): void {
  const editor = new Hono<Env>();
  editor.use('*', noStore());
  // The largest honest form is an event with a hundred sources: far below this.
  // A Telegram export with its photos is the one upload that needs more.
  const formLimit = bodyLimit({ maxSize: 256 * 1024 });
  const uploadLimit = bodyLimit({ maxSize: TELEGRAM_UPLOAD_MAX });
  editor.use('*', (c, next) => (c.req.path === TELEGRAM_UPLOAD_PATH ? uploadLimit : formLimit)(c, next));
  editor.use('*', loadSession(ctx));
  editor.use('*', gate());

  registerLoginRoutes(editor, ctx);
  registerSetupRoutes(editor, ctx);
  registerQueueRoutes(editor, ctx);
  registerSearchRoutes(editor, ctx);
  registerReportRoutes(editor, ctx);
  registerBulkRoutes(editor, ctx);
  registerMediaRoutes(editor, ctx);
  // Before the event routes: "/events/new" must not be taken for an event id.
  registerEventEditRoutes(editor, ctx);
  registerEventRoutes(editor, ctx);
  registerSourceRoutes(editor, ctx);
  registerImportRoutes(editor, ctx);
  registerTelegramImportRoutes(editor, ctx);
  registerUserRoutes(editor, ctx);
  registerPasswordRoutes(editor, ctx);
  registerLimitRoutes(editor, ctx);
  registerAccuracyRoutes(editor, ctx);

  editor.onError((err, c) => {
    let error: CaravanError | undefined;
    if (err instanceof CaravanError) error = err;
    else if (err instanceof HTTPException && err.status === 413) error = new CaravanError('too_large', 'the form is too large');
    else if (err instanceof HTTPException && err.status < 500) error = new CaravanError('bad_request', err.message || 'bad request');
    // Anything else is ours: the application's handler logs it and answers 500.
    if (!error) throw err;
    const status = statusOf(error);
    const back = backFor(c.req.method, c.req.path);
    const lang = c.get('lang');
    const session = c.get('session');
    const user = session ? { username: session.username, role: session.role, csrf: session.csrf_token } : undefined;
    c.header('Cache-Control', 'no-store');
    return c.html(
      <EditorMessagePage
        lang={lang}
        path={c.req.method === 'GET' ? currentPath(c) : back}
        title={text(lang, `${status}`)}
        message={error.message}
        back={back}
        user={user}
      />,
      status,
    );
  });

  app.route('/editor', editor);
}
