/**
 * Triage of one report: claim, release, link, mark duplicate, reject, and the admin's recorded
 * reveal of contact details. Each action is a POST that redirects back to the report; the state
 * change and its line in the report's history are one transaction.
 */
import type { Hono } from 'hono';
import { type FieldProblem, ForbiddenError } from '../../../core/errors.ts';
import { ReportPage, type ReportPageProps } from '../../../publish/editor/report.tsx';
import { listEditorEvents } from '../../../store/events.ts';
import { listMediaOfReport } from '../../../store/media.ts';
import { summarizeReportOrigin } from '../../../store/report-origins.ts';
import {
  claimReport,
  getReport,
  linkReport,
  listReportActions,
  markDuplicate,
  recordContactReveal,
  rejectReport,
  releaseReport,
  sameIncidentAs,
  sameMediaAs,
  sameTextAs,
} from '../../../store/reports.ts';
import { hasRole, requireRole } from '../../middleware/auth.ts';
import type { AppContext } from '../../../app/context.ts';
import { type Ctx, type Env, currentPath, intParam } from '../../common.ts';
import { editorOf, formOf, sessionOf, userOf } from './guard.ts';
import { mediaPath, originalPath } from '../media.ts';
import { suggestionsOf } from '../../../app/intake/suggestions.ts';
import { claimsLapsedBefore } from './bulk.tsx';

const NOTE_MAX = 1000;

export function registerReportRoutes(app: Hono<Env>, ctx: AppContext): void {
  async function render(c: Ctx, id: number, extra: Partial<ReportPageProps> = {}, status: 200 | 422 = 200) {
    const [report, actions, recent, media, origin, sameText, sameMedia, sameIncident] = await Promise.all([
      getReport(ctx.db, id),
      listReportActions(ctx.db, id),
      listEditorEvents(ctx.db, { limit: 20, offset: 0 }),
      listMediaOfReport(ctx.db, id),
      summarizeReportOrigin(ctx.db, id),
      sameTextAs(ctx.db, [id]),
      sameMediaAs(ctx.db, [id]),
      sameIncidentAs(ctx.db, [id]),
    ]);
    const recentEvents = recent.map((e) => ({ id: e.id, summary: e.data.summary.en }));
    return c.html(
      <ReportPage
        lang={c.get('lang')}
        path={currentPath(c)}
        user={userOf(c)}
        report={report}
        actions={actions}
        recentEvents={recentEvents}
        origin={origin}
        sameText={sameText.get(id) ?? []}
        sameMedia={sameMedia.get(id) ?? []}
        sameIncident={sameIncident.get(id) ?? []}
        suggestions={suggestionsOf(report)}
        media={media.map((m) => ({
          id: m.id,
          sha256: m.sha256,
          mime: m.mime,
          bytes: m.bytes,
          width: m.width,
          height: m.height,
          durationMs: m.duration_ms,
          href: mediaPath(m.id),
          originalHref: m.evidence_path === null ? null : originalPath(m.id),
        }))}
        {...extra}
      />,
      status,
    );
  }

  const back = (c: Ctx, id: number) => c.redirect(`/editor/reports/${id}`, 303);
  const reportId = (c: Ctx) => intParam(c.req.param('id'), 'report id');

  app.get('/reports/:id', (c) => render(c, reportId(c)));

  app.post('/reports/:id/claim', async (c) => {
    const id = reportId(c);
    const form = await formOf(c);
    const force = form.get('force') === '1';
    // Taking a report out of another editor's hands is the admin's call alone.
    if (force) requireRole(sessionOf(c), 'admin');
    await ctx.db.transaction((tx) => claimReport(tx, id, editorOf(c).id, force, claimsLapsedBefore(ctx)));
    return back(c, id);
  });

  app.post('/reports/:id/release', async (c) => {
    const id = reportId(c);
    await ctx.db.transaction((tx) => releaseReport(tx, id, editorOf(c).id, hasRole(sessionOf(c), 'admin')));
    return back(c, id);
  });

  app.post('/reports/:id/duplicate', async (c) => {
    const id = reportId(c);
    const form = await formOf(c);
    const of = form.get('of').trim();
    if (!/^\d{1,9}$/.test(of)) {
      return render(
        c,
        id,
        { problems: [{ field: 'of', message: 'enter the number of the report this one repeats' }], values: { of } },
        422,
      );
    }
    const editor = editorOf(c);
    await ctx.db.transaction((tx) => markDuplicate(tx, id, Number(of), editor.id, editor.role === 'admin'));
    return back(c, id);
  });

  app.post('/reports/:id/reject', async (c) => {
    const id = reportId(c);
    const form = await formOf(c);
    const note = form.get('note').trim();
    const problems: FieldProblem[] = [];
    if (!note) problems.push({ field: 'note', message: 'is required: say why the report is rejected' });
    else if (note.length > NOTE_MAX) problems.push({ field: 'note', message: `must be at most ${NOTE_MAX} characters` });
    if (problems.length > 0) return render(c, id, { problems, values: { note } }, 422);
    const editor = editorOf(c);
    await ctx.db.transaction((tx) => rejectReport(tx, id, editor.id, note, editor.role === 'admin'));
    return back(c, id);
  });

  app.post('/reports/:id/link', async (c) => {
    const id = reportId(c);
    const form = await formOf(c);
    const typed = form.get('event_id').trim();
    const chosen = typed || form.get('recent_event').trim();
    if (!/^\d{1,9}$/.test(chosen)) {
      return render(
        c,
        id,
        { problems: [{ field: 'event_id', message: 'enter an event number or pick a recent event' }], values: { eventId: typed } },
        422,
      );
    }
    const editor = editorOf(c);
    await ctx.db.transaction((tx) => linkReport(tx, id, Number(chosen), editor.id, editor.role === 'admin'));
    return back(c, id);
  });

  // Shown once, in this response only: the page a later GET renders never carries it.
  app.post('/reports/:id/reveal', async (c) => {
    const session = sessionOf(c);
    if (!hasRole(session, 'admin')) throw new ForbiddenError('only an admin can reveal a reporter’s contact details');
    const id = reportId(c);
    const report = await getReport(ctx.db, id);
    if (!report.contact_sealed) return render(c, id);
    await recordContactReveal(ctx.db, id, session.user_id);
    const contact = ctx.sealer.open(report.contact_sealed);
    return render(c, id, { revealedContact: contact });
  });
}
