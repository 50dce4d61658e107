/** /editor/import/telegram: an editor uploads a Telegram Desktop export (app/intake/telegram.ts). */
import type { Hono } from 'hono';
import { BadRequestError, ValidationError } from '../../../core/errors.ts';
import { TelegramImportPage } from '../../../publish/editor/telegram-import.tsx';
import type { AppContext } from '../../../app/context.ts';
import type { Ctx, Env } from '../../common.ts';
import { importTelegramExport, parseTelegramJson, uploadedMediaHasher } from '../../../app/intake/telegram.ts';
import { userOf } from './guard.ts';

export const TELEGRAM_UPLOAD_PATH = '/editor/import/telegram';
/** A channel's month of text with its photos fits; video belongs on the command line. */
export const TELEGRAM_UPLOAD_MAX = 32 * 1024 * 1024;

export function registerTelegramImportRoutes(app: Hono<Env>, ctx: AppContext): void {
  const page = (c: Ctx, props: Partial<Parameters<typeof TelegramImportPage>[0]> = {}, status: 200 | 422 = 200) =>
    c.html(
      <TelegramImportPage
        lang={c.get('lang')}
        path={TELEGRAM_UPLOAD_PATH}
        user={userOf(c)}
        action={TELEGRAM_UPLOAD_PATH}
        maxMegabytes={TELEGRAM_UPLOAD_MAX / 1024 / 1024}
        {...props}
      />,
      status,
    );

  app.get('/import/telegram', (c) => page(c));

  app.post('/import/telegram', async (c) => {
    let body: Record<string, unknown>;
    try {
      // Already read (and cached) by the workspace's CSRF check.
      body = await c.req.parseBody({ all: true });
    } catch {
      throw new BadRequestError('the upload could not be read');
    }
    const files = (v: unknown): File[] => (Array.isArray(v) ? v : [v]).filter((x): x is File => x instanceof File && x.size > 0);
    const [result] = files(body.result);
    const utcOffset = typeof body.utc_offset === 'string' ? body.utc_offset.trim() : '';
    if (!result) return page(c, { problems: [{ field: 'result.json', message: 'choose the result.json of the export' }], utcOffset }, 422);
    const media = await Promise.all(files(body.media).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await result.arrayBuffer());
    } catch {
      return page(c, { problems: [{ field: 'result.json', message: 'is not UTF-8 text' }], utcOffset }, 422);
    }
    try {
      const parsed = await parseTelegramJson(text, uploadedMediaHasher(media), utcOffset ? { utcOffset } : {});
      return page(c, { result: await importTelegramExport(ctx, parsed) });
    } catch (err) {
      if (err instanceof ValidationError) return page(c, { problems: err.problems, utcOffset }, 422);
      throw err;
    }
  });
}
