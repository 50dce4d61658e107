/**
 * The reporter's web pages: the form, the receipt, and checking a receipt code. Everything
 * works as plain HTML forms in one request each.
 *
 * No CSRF token on these forms: they carry no session and grant nothing a stranger could not
 * do by posting directly, and a token would break a form kept open for hours on a bad link.
 * Receipt codes are never put in URLs (logs, history, Referer): the receipt is rendered
 * directly in the POST response instead of redirecting to a page named by the code, and the
 * status check takes the code in the body.
 *
 * No rate limit on status checks: codes carry 60 random bits (about 10^18 codes), so with a
 * hundred thousand reports stored, a billion guesses find one with odds of about one in ten
 * thousand, and a limit per address would hold every reporter behind a carrier's NAT. The report
 * itself is held to the intake budgets (intake-guard.tsx) before this handler runs.
 */
import type { Hono } from 'hono';
import { BadRequestError, CaravanError, ConflictError, TooLargeError, ValidationError } from '../../core/errors.ts';
import { normalizeReceiptCode } from '../../core/report.ts';
import { isLang } from '../../publish/i18n.ts';
import { ReceiptPage, ReportFormPage, type ReportFormValues, ReportRefusedPage } from '../../publish/report-pages.tsx';
import { StatusFormPage, StatusNotFoundPage, StatusPage, type StatusView } from '../../publish/report-status-pages.tsx';
import type { AppContext } from '../../app/context.ts';
import { describeForLog, refusalOf } from '../database-errors.ts';
import { type Ctx, type Env, currentPath } from '../common.ts';
import { acceptReport, eventPath, isIdempotencyKey, lookupReceipt } from '../../app/intake/accept.ts';
import { type ReportUpload, receiveReportUpload } from '../../app/intake/media.ts';
import { MediaError } from '../../app/intake/media-upload.ts';
import { mediaType, readFormBody } from './report-body.ts';
import { registerReportApiRoutes } from './report-api.ts';

type Status = 200 | 201 | 400 | 404 | 409 | 413 | 422 | 503;

/** Reporter pages are never cached: the form holds a one-time key, the others a receipt. */
function page(c: Ctx, node: Parameters<Ctx['html']>[0], status: Status = 200) {
  c.header('Cache-Control', 'no-store');
  return c.html(node, status);
}

function newIdempotencyKey(ctx: AppContext): string {
  return Buffer.from(ctx.randomBytes(16)).toString('base64url');
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** What the reporter typed, to put back in the form; anything that is not text is dropped. */
function formValues(fields: Record<string, unknown>): ReportFormValues {
  const text = (v: unknown) => (typeof v === 'string' ? v.replace(CONTROL, '') : undefined);
  return {
    what: text(fields.what),
    when: text(fields.when),
    where: text(fields.where),
    howKnown: text(fields.howKnown),
    contact: text(fields.contact),
  };
}

/** The language the form was shown in wins, so the answer matches the page even without cookies. */
function useFormLang(c: Ctx, fields: Record<string, unknown>): void {
  if (isLang(fields.lang)) c.set('lang', fields.lang);
}

export function registerReportRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.get('/report', (c) => page(c, <ReportFormPage lang={c.get('lang')} path={currentPath(c)} idempotencyKey={newIdempotencyKey(ctx)} />));

  app.post('/report', async (c) => {
    const lang = () => c.get('lang');
    let fields: Record<string, unknown>;
    // Multipart forms may carry photos and videos: streamed to disk, stripped, stored with the report.
    let upload: ReportUpload | undefined;
    try {
      if (mediaType(c.req.header('content-type')) === 'multipart/form-data') {
        upload = await receiveReportUpload(ctx, c.req.raw);
        fields = upload.fields;
      } else {
        fields = await readFormBody(c.req.raw);
      }
    } catch (err) {
      if (err instanceof MediaError) {
        return page(c, <ReportRefusedPage lang={lang()} path="/report" reason="media" detail={err.message} />, err.status);
      }
      if (err instanceof TooLargeError) return page(c, <ReportRefusedPage lang={lang()} path="/report" reason="too_large" />, 413);
      if (err instanceof BadRequestError) {
        return page(c, <ReportRefusedPage lang={lang()} path="/report" reason="unreadable" detail={err.message} />, 400);
      }
      throw err;
    }
    useFormLang(c, fields);
    try {
      const receipt = await acceptReport(ctx, fields, { channel: 'web', attach: upload?.attach });
      upload?.committed();
      return page(
        c,
        <ReceiptPage lang={lang()} path="/report" receiptCode={receipt.receiptCode} created={receipt.created} />,
        receipt.created ? 201 : 200,
      );
    } catch (err) {
      if (err instanceof ValidationError) {
        const key = isIdempotencyKey(fields.idempotencyKey) ? fields.idempotencyKey : newIdempotencyKey(ctx);
        return page(
          c,
          <ReportFormPage lang={lang()} path="/report" idempotencyKey={key} values={formValues(fields)} problems={err.problems} />,
          422,
        );
      }
      if (err instanceof ConflictError) {
        // The key went with another report (the form was sent, then edited after going back).
        // A fresh key lets the reporter send this text as a new report with one more press.
        return page(
          c,
          <ReportFormPage lang={lang()} path="/report" idempotencyKey={newIdempotencyKey(ctx)} values={formValues(fields)} resent />,
          409,
        );
      }
      if (err instanceof CaravanError) throw err;
      const refusal = refusalOf(err);
      if (refusal) throw refusal;
      // The app's generic 500 page says nothing was lost, which is untrue here: say so plainly.
      // Only the error is logged, never the report.
      console.error(`report intake failed: ${describeForLog(err)}`);
      return page(c, <ReportRefusedPage lang={lang()} path="/report" reason="not_stored" />, 503);
    } finally {
      await upload?.discard();
    }
  });

  app.get('/report/status', (c) => page(c, <StatusFormPage lang={c.get('lang')} path={currentPath(c)} />));

  app.post('/report/status', async (c) => {
    const fields = await readFormBody(c.req.raw);
    useFormLang(c, fields);
    const lang = c.get('lang');
    const code = normalizeReceiptCode(fields.code);
    if (!code) {
      const typed = typeof fields.code === 'string' ? fields.code.replace(CONTROL, '').slice(0, 40) : '';
      const problems = [{ field: 'code', message: 'is not a receipt code' }];
      return page(c, <StatusFormPage lang={lang} path="/report/status" value={typed} problems={problems} />, 422);
    }
    const status = await lookupReceipt(ctx, code);
    if (!status) return page(c, <StatusNotFoundPage lang={lang} path="/report/status" />, 404);
    const view: StatusView = { state: status.state, receivedOn: status.receivedOn };
    if (status.publishedEventId !== undefined) view.eventHref = eventPath(status.publishedEventId);
    return page(c, <StatusPage lang={lang} path="/report/status" status={view} />);
  });

  registerReportApiRoutes(app, ctx);
}
