/**
 * The events list, one event's page with its history, and the actions taken from it: publish
 * the latest revision, unpublish with a reason, change only the status.
 */
import type { Hono } from 'hono';
import { type FieldProblem, ValidationError } from '../../../core/errors.ts';
import { diffEventData } from '../../../core/event.ts';
import { publishWarnings } from '../../../core/publish-warnings.ts';
import { EditorEventPage, type EditorEventPageProps } from '../../../publish/editor/event.tsx';
import { EventListPage } from '../../../publish/editor/events.tsx';
import { getEventRow, listEditorEvents, listPublications, listRevisions } from '../../../store/events.ts';
import { reportsForEvent } from '../../../store/reports.ts';
import type { AppContext } from '../../../app/context.ts';
import { changeStatus, publishLatest, unpublish } from '../../../app/editing/editing.ts';
import { type Ctx, type Env, currentPath, intParam } from '../../common.ts';
import { editorOf, formOf, userOf } from './guard.ts';

const PAGE_SIZE = 50;

type Extra = Pick<EditorEventPageProps, 'problems' | 'values'>;

export function registerEventRoutes(app: Hono<Env>, ctx: AppContext): void {
  async function render(c: Ctx, id: number, extra: Extra = {}, status: 200 | 422 = 200) {
    const [event, revisions, publications, reports] = await Promise.all([
      getEventRow(ctx.db, id),
      listRevisions(ctx.db, id),
      listPublications(ctx.db, id),
      reportsForEvent(ctx.db, id),
    ]);
    const latest = revisions[revisions.length - 1]!;
    const warnings = publishWarnings({
      data: latest.data,
      revision: latest.revision,
      previous: revisions[revisions.length - 2]?.data,
      reports: reports.map((r) => ({ id: r.id, at: r.written_at ?? r.sent_at ?? r.received_at })),
      period: ctx.config.period,
    });
    const history = revisions.map((r, i) => ({ ...r, changes: diffEventData(revisions[i - 1]?.data, r.data) }));
    return c.html(
      <EditorEventPage
        lang={c.get('lang')}
        path={currentPath(c)}
        user={userOf(c)}
        event={event}
        data={latest.data}
        revisions={history}
        publications={publications}
        reports={reports}
        warnings={warnings}
        {...extra}
      />,
      status,
    );
  }

  const eventId = (c: Ctx) => intParam(c.req.param('id'), 'event id');

  app.get('/events', async (c) => {
    const pageParam = c.req.query('page');
    const page = pageParam ? intParam(pageParam, 'page') || 1 : 1;
    const rows = await listEditorEvents(ctx.db, { limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
    return c.html(
      <EventListPage
        lang={c.get('lang')}
        path={currentPath(c)}
        user={userOf(c)}
        events={rows.slice(0, PAGE_SIZE)}
        page={page}
        hasMore={rows.length > PAGE_SIZE}
      />,
    );
  });

  app.get('/events/:id', (c) => render(c, eventId(c)));

  app.post('/events/:id/publish', async (c) => {
    const id = eventId(c);
    const form = await formOf(c);
    const revision = form.get('revision');
    const publicNote = form.get('public_note');
    // The first publication signs the event into the public log for good: asked for in so many words.
    const first = (await getEventRow(ctx.db, id)).first_published_at === null;
    if (first && form.get('confirm_first') !== '1') {
      const problems = [{ field: 'confirmFirst', message: 'tick the box to confirm this first publication' }];
      return render(c, id, { problems, values: { publicNote } }, 422);
    }
    try {
      await publishLatest(ctx, editorOf(c), id, {
        expectedRevision: /^\d{1,9}$/.test(revision) ? Number(revision) : undefined,
        publicNote,
      });
    } catch (err) {
      if (err instanceof ValidationError) return render(c, id, { problems: err.problems, values: { publicNote } }, 422);
      throw err;
    }
    return c.redirect(`/editor/events/${id}`, 303);
  });

  app.post('/events/:id/unpublish', async (c) => {
    const id = eventId(c);
    const form = await formOf(c);
    const reason = form.get('reason');
    try {
      await unpublish(ctx, editorOf(c), id, reason);
    } catch (err) {
      if (err instanceof ValidationError) return render(c, id, { problems: err.problems, values: { unpublishReason: reason } }, 422);
      throw err;
    }
    return c.redirect(`/editor/events/${id}`, 303);
  });

  app.post('/events/:id/status', async (c) => {
    const id = eventId(c);
    const form = await formOf(c);
    const values = { status: form.get('status'), statusReason: form.get('status_reason'), reason: form.get('change_reason') };
    const base = form.get('base_revision');
    try {
      await changeStatus(ctx, editorOf(c), id, {
        status: values.status,
        statusReason: values.statusReason,
        reason: values.reason,
        baseRevision: /^\d{1,9}$/.test(base) ? Number(base) : 0,
      });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      // This form's own "reason" field is named apart from the unpublish form's.
      const problems: FieldProblem[] = err.problems.map((p) => (p.field === 'reason' ? { ...p, field: 'changeReason' } : p));
      return render(c, id, { problems, values }, 422);
    }
    return c.redirect(`/editor/events/${id}`, 303);
  });
}
