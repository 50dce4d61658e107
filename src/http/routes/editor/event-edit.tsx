/**
 * Creating and editing events through the event form. A save that breaks a rule comes back as
 * the same form with every problem next to its field (422); a save on top of someone else's
 * newer revision comes back with the editor's input and a conflict notice (409).
 */
import type { Hono } from 'hono';
import { ConflictError, type FieldProblem, ValidationError } from '../../../core/errors.ts';
import { type EventData, validateEventData } from '../../../core/event.ts';
import type { VerificationStatus } from '../../../core/verification.ts';
import { EventFormPage, type EventFormPageProps } from '../../../publish/editor/event-form.tsx';
import { type EventFormState, emptyEventFormState, emptySourceRow } from '../../../publish/editor/event-form-state.ts';
import { placeLabel } from '../../../publish/editor/shell.tsx';
import { getEventRow, getRevision } from '../../../store/events.ts';
import { type ReportRow, getReport } from '../../../store/reports.ts';
import { listSources } from '../../../store/sources.ts';
import type { AppContext } from '../../../app/context.ts';
import { createEventFromForm, saveRevision } from '../../../app/editing/editing.ts';
import { withMediaFacts } from '../../../app/editing/event-media.ts';
import { attachableMedia } from '../../../store/media.ts';
import { type Ctx, type Env, currentPath, intParam } from '../../common.ts';
import {
  addPendingSources,
  eventInputFromState,
  mergeProblems,
  readEventForm,
  resolveFormPlace,
  stateFromEvent,
  stateFromReport,
} from './event-form.ts';
import { editorOf, formOf, userOf } from './guard.ts';
import { outcomesOf, suggestedFormOf } from './event-form-suggested.ts';
import { suggestionsOf } from '../../../app/intake/suggestions.ts';

/** "12,15,19": report numbers, at most 50, anything else dropped. */
function reportIdsOf(raw: string): number[] {
  return [...new Set(raw.split(',').map((x) => x.trim()))]
    .filter((x) => /^\d{1,9}$/.test(x))
    .slice(0, 50)
    .map(Number);
}

type Extra = Partial<Pick<EventFormPageProps, 'problems' | 'candidates' | 'notSaved' | 'conflict'>>;

export function registerEventEditRoutes(app: Hono<Env>, ctx: AppContext): void {
  async function reportOf(state: EventFormState): Promise<ReportRow | undefined> {
    if (!/^\d{1,9}$/.test(state.fromReport)) return undefined;
    return getReport(ctx.db, Number(state.fromReport)).catch(() => undefined);
  }

  async function render(c: Ctx, eventId: number | undefined, state: EventFormState, extra: Extra = {}, status: 200 | 409 | 422 = 200) {
    const [sources, report] = await Promise.all([listSources(ctx.db), reportOf(state)]);
    // A new event offers only the report it is coded from; an existing one, its linked reports.
    const media = await attachableMedia(ctx.db, eventId !== undefined ? { eventId } : report ? { fromReportId: report.id } : {});
    return c.html(
      <EventFormPage
        lang={c.get('lang')}
        path={currentPath(c)}
        user={userOf(c)}
        eventId={eventId}
        state={state}
        problems={extra.problems ?? []}
        candidates={extra.candidates ?? []}
        sourceOptions={sources.map((s) => ({ id: s.id, label: `${s.name} (${s.kind})` }))}
        report={report}
        notSaved={extra.notSaved}
        conflict={extra.conflict}
        media={media.map((m) => ({
          id: m.id,
          reportId: m.report_id,
          sha256: m.stripped_sha256,
          mime: m.mime,
          bytes: m.bytes,
          width: m.width,
          height: m.height,
        }))}
      />,
      status,
    );
  }

  async function handle(c: Ctx, eventId: number | undefined) {
    const form = await formOf(c);
    const intent = form.get('intent') || 'save';
    const resolution = resolveFormPlace(addPendingSources(readEventForm(form)), intent === 'find_place');
    const state = resolution.state;
    const lang = c.get('lang');
    const candidates = resolution.candidates.map((x) => ({
      id: x.place.id,
      label: `${placeLabel(x.place.id, lang)} — ${x.place.kind} (${x.place.id})`,
    }));
    if (intent !== 'save') {
      return render(c, eventId, state, { candidates, notSaved: true, problems: intent === 'find_place' ? resolution.problems : [] });
    }

    let previousStatus: VerificationStatus | undefined;
    let previous: EventData | undefined;
    let baseRevision = 0;
    if (eventId !== undefined) {
      baseRevision = /^\d{1,9}$/.test(state.baseRevision) ? Number(state.baseRevision) : 0;
      const row = await getEventRow(ctx.db, eventId);
      if (row.latest_revision !== baseRevision) {
        const conflict = `someone else saved revision ${row.latest_revision} since you opened revision ${baseRevision || '?'}. Your changes are below but were not saved: open the event again in another tab, then apply them to the latest revision.`;
        return render(c, eventId, state, { candidates, conflict }, 409);
      }
      previous = (await getRevision(ctx.db, eventId, row.latest_revision)).data;
      previousStatus = previous.status;
    }

    const { input, problems: formProblems } = eventInputFromState(state);
    const fromReportId = /^\d{1,9}$/.test(state.fromReport) ? Number(state.fromReport) : undefined;
    const alsoReportIds = reportIdsOf(state.alsoReports).filter((x) => x !== fromReportId);
    const scope =
      eventId !== undefined ? { eventId, ...(previous ? { previous } : {}) } : fromReportId !== undefined ? { fromReportId } : {};
    const withFacts = await withMediaFacts(ctx.db, input, scope);
    let problems: FieldProblem[] = [...resolution.problems, ...formProblems, ...withFacts.problems];
    try {
      validateEventData(withFacts.input, previousStatus);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      problems = mergeProblems(problems, err.problems);
    }
    if (eventId !== undefined && !state.reason.trim()) {
      problems.push({ field: 'reason', message: 'is required: say why you are making this change' });
    }
    if (problems.length > 0) return render(c, eventId, state, { candidates, problems }, 422);

    const editor = editorOf(c);
    try {
      if (eventId !== undefined) {
        await saveRevision(ctx, editor, eventId, input, { reason: state.reason, baseRevision });
        return c.redirect(`/editor/events/${eventId}`, 303);
      }
      const outcomes = fromReportId === undefined ? undefined : outcomesOf(state);
      const id = await createEventFromForm(ctx, editor, input, {
        reason: state.reason,
        fromReportId,
        alsoReportIds,
        ...(outcomes ? { outcomes } : {}),
      });
      return c.redirect(`/editor/events/${id}`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return render(c, eventId, state, { candidates, problems: [...err.problems] }, 422);
      if (err instanceof ConflictError) return render(c, eventId, state, { candidates, conflict: err.message }, 409);
      throw err;
    }
  }

  app.get('/events/new', async (c) => {
    const fromReport = c.req.query('report');
    if (!fromReport) return render(c, undefined, emptyEventFormState());
    const report = await getReport(ctx.db, intParam(fromReport, 'report'));
    if (report.state !== 'new' && report.state !== 'claimed') {
      throw new ConflictError(`report ${report.id} is already ${report.state}; there is nothing left to code from it`);
    }
    // "From incident": the other open reports of its incident go with it, as sources, linked on save;
    // each field is suggested from the first of them that suggests one.
    const others = (
      await Promise.all(reportIdsOf(c.req.query('incident') ?? '').map((x) => getReport(ctx.db, x).catch(() => undefined)))
    ).filter((r): r is ReportRow => r !== undefined && r.id !== report.id && (r.state === 'new' || r.state === 'claimed'));
    const suggested = [report, ...others].map((r) => suggestedFormOf(suggestionsOf(r)));
    const merged = Object.assign({}, ...suggested.reverse()) as ReturnType<typeof suggestedFormOf>;
    const state = stateFromReport(report, merged);
    if (others.length > 0) {
      state.alsoReports = others.map((r) => r.id).join(',');
      state.sources = [...state.sources, ...others.map((r) => ({ ...emptySourceRow('report'), reportId: String(r.id) }))];
    }
    return render(c, undefined, state);
  });

  app.post('/events/new', (c) => handle(c, undefined));

  app.get('/events/:id/edit', async (c) => {
    const id = intParam(c.req.param('id'), 'event id');
    const row = await getEventRow(ctx.db, id);
    const latest = await getRevision(ctx.db, id, row.latest_revision);
    return render(c, id, stateFromEvent(latest.data, latest.revision));
  });

  app.post('/events/:id/edit', (c) => handle(c, intParam(c.req.param('id'), 'event id')));
}
