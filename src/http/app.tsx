/**
 * The HTTP application. `createApp(ctx)` returns a Hono app that tests drive with
 * `app.request()` and `bin/` serves on a socket. No handler here logs or stores a client
 * address.
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import { CaravanError } from '../core/errors.ts';
import { MessagePage } from '../publish/layout.tsx';
import { common } from '../publish/i18n.ts';
import { assetRoutes, faviconRoute } from './assets.ts';
import type { AppContext } from '../app/context.ts';
import { describeForLog, refusalOf } from './database-errors.ts';
import { type Env, chooseLang, currentPath, errorJson, statusOf } from './common.ts';
import { registerReaderRoutes } from './routes/reader.tsx';
import { registerReportRoutes } from './routes/report.tsx';
import { registerEditorRoutes } from './routes/editor/index.tsx';
import { registerDataRoutes } from './routes/data.ts';
import { ownChronicle } from '../app/reading/chronicle.ts';
import { registerSmsRoutes } from './routes/sms.ts';
import { registerLogRoutes } from './routes/log.tsx';
import { registerClientRoutes } from './client-bundles.ts';
import { registerRecipientRoutes } from './routes/recipients.ts';
import { registerRelayRoutes } from './routes/relay.ts';
import { registerMirrorRoutes } from './routes/mirrors.tsx';
import { registerWitnessRoutes } from './routes/witness.ts';
import { intakeGuard } from './middleware/intake-guard.tsx';

const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

function wantsJson(path: string, accept: string | undefined): boolean {
  return path.startsWith('/api/') || ((accept?.includes('application/json') ?? false) && !accept?.includes('text/html'));
}

/** A year: well past the 180 days HSTS preload lists ask for, renewed by every answer. */
export const HSTS_MAX_AGE = 365 * 24 * 3600;

export function createApp(ctx: AppContext): Hono<Env> {
  const app = new Hono<Env>();
  // Only the public URL knows whether readers come over https: behind a proxy this process sees http.
  const hsts = ctx.config.origin.startsWith('https:') ? `max-age=${HSTS_MAX_AGE}` : undefined;

  // Pages are read over 2G links: gzip turns the 24 KB chronology into about 5 KB.
  app.use('*', compress());
  app.use('*', async (c, next) => {
    c.set('lang', chooseLang(c));
    c.set('session', undefined);
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Permissions-Policy', 'geolocation=(), camera=(), microphone=()');
    if (hsts) c.header('Strict-Transport-Security', hsts);
  });

  // Before /assets: the bundled scripts live beside the static files there.
  registerClientRoutes(app);
  app.route('/assets', assetRoutes());
  app.route('/favicon.ico', faviconRoute());
  registerRecipientRoutes(app, ctx);
  const own = ownChronicle(ctx);
  const ownSite = { read: own, base: '', url: ctx.config.origin };
  registerReaderRoutes(app, ctx, '', async () => ownSite);
  // Intake budgets are checked before a body is read (intake-guard.tsx).
  app.use('/report', intakeGuard(ctx, 'page'));
  app.use('/api/v1/reports', intakeGuard(ctx, 'json'));
  app.use('/api/v1/relay/:origin/reports', intakeGuard(ctx, 'json'));
  registerReportRoutes(app, ctx);
  registerEditorRoutes(app, ctx);
  registerDataRoutes(app, ctx, own);
  registerSmsRoutes(app, ctx);
  registerLogRoutes(app, ctx);
  registerRelayRoutes(app, ctx);
  registerMirrorRoutes(app, ctx);
  registerWitnessRoutes(app, ctx);

  app.notFound((c) => {
    const lang = c.get('lang') ?? 'en';
    if (wantsJson(c.req.path, c.req.header('accept'))) {
      return c.json({ error: { code: 'not_found', message: `nothing at ${c.req.path}` } }, 404);
    }
    return c.html(
      <MessagePage lang={lang} path={currentPath(c)} title={common(lang, 'notFoundTitle')}>
        <p>{common(lang, 'notFoundText')}</p>
      </MessagePage>,
      404,
    );
  });

  app.onError((err, c) => {
    const lang = c.get('lang') ?? 'en';
    const json = wantsJson(c.req.path, c.req.header('accept'));
    let caravanError: CaravanError | undefined;
    if (err instanceof CaravanError) caravanError = err;
    else if (err instanceof HTTPException && err.status === 413)
      caravanError = new CaravanError('too_large', 'the request body is too large');
    else if (err instanceof HTTPException && err.status < 500) caravanError = new CaravanError('bad_request', err.message || 'bad request');
    else caravanError = refusalOf(err);
    if (caravanError) {
      const status = statusOf(caravanError);
      if (json) return c.json(errorJson(caravanError), status);
      return c.html(
        <MessagePage lang={lang} path={currentPath(c)} title={common(lang, 'errorTitle')}>
          <p class="notice error">{caravanError.message}</p>
        </MessagePage>,
        status,
      );
    }
    // The route, not the path (it can hold what the client sent); the error without its message
    // where that could quote the request; never the client's address.
    console.error(`error on ${c.req.method} ${routePath(c)}: ${describeForLog(err)}`);
    if (json) return c.json({ error: { code: 'internal', message: 'internal error; nothing you sent was lost' } }, 500);
    return c.html(
      <MessagePage lang={lang} path={currentPath(c)} title={common(lang, 'serverErrorTitle')}>
        <p>{common(lang, 'serverErrorText')}</p>
      </MessagePage>,
      500,
    );
  });

  return app;
}
