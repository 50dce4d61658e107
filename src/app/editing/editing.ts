/**
 * Editorial operations shared by the editor pages, the API and the CLI. Each is one
 * transaction: the event revision, the report it settles and the publication either all
 * happen or none does.
 */
import { CaravanError, ConflictError, type FieldProblem, ValidationError } from '../../core/errors.ts';
import { type EventData, diffEventData, validateEventData } from '../../core/event.ts';
import type { PublicEvent } from '../../core/public-event.ts';
import type { VerificationStatus } from '../../core/verification.ts';
import type { Queryable } from '../../store/db.ts';
import {
  createEvent,
  getRevision,
  lastPublication,
  listPublications,
  lockEventRow,
  publishEvent,
  reviseEvent,
  unpublishEvent,
} from '../../store/events.ts';
import { linkReport, reportExists } from '../../store/reports.ts';
import { getSource } from '../../store/sources.ts';
import type { Role } from '../../store/users.ts';
import type { OutcomeRow } from '../../core/reading/fields.ts';
import { recordOutcomes } from '../../store/suggestion-outcomes.ts';
import type { AppContext } from '../context.ts';
import { type MediaScope, withMediaFacts } from './event-media.ts';

/** Who is acting: enough to record authorship and to apply the admin's wider rights. */
export interface Editor {
  id: number;
  role: Role;
}

export const REASON_MAX = 1000;

const isAdmin = (editor: Editor) => editor.role === 'admin';

/** Report and source references must point at rows that exist, or the event cites nothing. */
async function sourceRefProblems(q: Queryable, data: EventData): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const [i, ref] of data.sources.entries()) {
    if (ref.kind === 'report' && ref.reportId !== undefined) {
      const found = /^\d{1,9}$/.test(ref.reportId) && (await reportExists(q, Number(ref.reportId)));
      if (!found) problems.push({ field: `sources[${i}].reportId`, message: `there is no report ${ref.reportId}` });
    }
    if (ref.kind === 'source' && ref.sourceId !== undefined) {
      const found = /^\d{1,9}$/.test(ref.sourceId) ? await getSource(q, Number(ref.sourceId)) : undefined;
      if (!found) problems.push({ field: `sources[${i}].sourceId`, message: `there is no source ${ref.sourceId}` });
    }
  }
  return problems;
}

/** Validates a document against the status it replaces, including the references it cites. */
async function checkedData(
  q: Queryable,
  input: unknown,
  previousStatus: VerificationStatus | undefined,
  scope: MediaScope,
): Promise<EventData> {
  const withFacts = await withMediaFacts(q, input, scope);
  const problems: FieldProblem[] = [...withFacts.problems];
  let data: EventData | undefined;
  try {
    data = validateEventData(withFacts.input, previousStatus);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    problems.push(...err.problems.filter((p) => !problems.some((known) => known.field === p.field)));
  }
  if (data) problems.push(...(await sourceRefProblems(q, data)));
  if (problems.length > 0 || !data) throw new ValidationError(problems);
  return data;
}

function reasonOf(reason: string | undefined, required: boolean): string | undefined {
  const r = reason?.trim() ?? '';
  if (required && !r) throw new ValidationError([{ field: 'reason', message: 'is required: say why you are making this change' }]);
  if (r.length > REASON_MAX) throw new ValidationError([{ field: 'reason', message: `must be at most ${REASON_MAX} characters` }]);
  return r || undefined;
}

/**
 * Creates an event from a submitted document. When it is coded from a report, the report is
 * linked to it in the same transaction, so a report is never both open and coded.
 */
export async function createEventFromForm(
  ctx: AppContext,
  editor: Editor,
  input: unknown,
  opts: { reason?: string; fromReportId?: number; alsoReportIds?: readonly number[]; outcomes?: readonly OutcomeRow[] } = {},
): Promise<number> {
  const reason = reasonOf(opts.reason, false) ?? (opts.fromReportId ? `coded from report ${opts.fromReportId}` : 'first draft');
  return ctx.db.transaction(async (tx) => {
    const data = await checkedData(tx, input, undefined, opts.fromReportId !== undefined ? { fromReportId: opts.fromReportId } : {});
    const id = await createEvent(tx, editor.id, data, reason);
    if (opts.fromReportId !== undefined) {
      await linkReport(tx, opts.fromReportId, id, editor.id, isAdmin(editor));
      // The rest of its incident, under the same rules: one the editor may not act on undoes it all.
      for (const other of opts.alsoReportIds ?? []) {
        try {
          await linkReport(tx, other, id, editor.id, isAdmin(editor));
        } catch (err) {
          if (err instanceof CaravanError) err.message = `report #${other} of the incident: ${err.message}; nothing was saved`;
          throw err;
        }
      }
      // What the editor kept of the desk's suggestions, counted on /editor/accuracy.
      if (opts.outcomes) await recordOutcomes(tx, { reportId: opts.fromReportId, eventId: id, userId: editor.id, outcomes: opts.outcomes });
    }
    return id;
  });
}

/**
 * Adds a revision. `baseRevision` is the revision the editor's form was built from; a save on
 * top of someone else's newer revision is refused rather than silently undoing it.
 */
export async function saveRevision(
  ctx: AppContext,
  editor: Editor,
  eventId: number,
  input: unknown,
  opts: { reason: string; baseRevision: number },
): Promise<number> {
  const reason = reasonOf(opts.reason, true)!;
  return ctx.db.transaction(async (tx) => {
    const row = await lockEventRow(tx, eventId);
    if (row.latest_revision !== opts.baseRevision) throw staleRevision(row.latest_revision);
    const previous = await getRevision(tx, eventId, row.latest_revision);
    const data = await checkedData(tx, input, previous.data.status, { eventId, previous: previous.data });
    if (diffEventData(previous.data, data).length === 0) {
      throw new ValidationError([{ field: 'event', message: `nothing changed since revision ${previous.revision}` }]);
    }
    return reviseEvent(tx, eventId, editor.id, data, reason, opts.baseRevision);
  });
}

/** Sets the verification status (and its reason) as a new revision, under the same rules as a full save. */
export async function changeStatus(
  ctx: AppContext,
  editor: Editor,
  eventId: number,
  change: { status: string; statusReason?: string; reason?: string; baseRevision: number },
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const row = await lockEventRow(tx, eventId);
    if (row.latest_revision !== change.baseRevision) throw staleRevision(row.latest_revision);
    const previous = (await getRevision(tx, eventId, row.latest_revision)).data;
    const next: Record<string, unknown> = { ...previous, status: change.status };
    const statusReason = change.statusReason?.trim();
    if (statusReason) next.statusReason = statusReason;
    else delete next.statusReason;
    const data = await checkedData(tx, next, previous.status, { eventId, previous });
    if (diffEventData(previous, data).length === 0) {
      throw new ValidationError([{ field: 'status', message: `is already ${previous.status}` }]);
    }
    const reason = reasonOf(change.reason, false) ?? `status ${previous.status} → ${data.status}`;
    return reviseEvent(tx, eventId, editor.id, data, reason, change.baseRevision);
  });
}

/**
 * Publishes the latest revision. With `expectedRevision`, refuses when a newer revision was
 * saved after the editor looked, so nobody publishes text they have not read. `publicNote`
 * tells readers what changed; revision reasons stay inside the team.
 */
export async function publishLatest(
  ctx: AppContext,
  editor: Editor,
  eventId: number,
  opts: { expectedRevision?: number; publicNote?: string } = {},
): Promise<PublicEvent> {
  const note = opts.publicNote?.trim();
  if (note && note.length > REASON_MAX)
    throw new ValidationError([{ field: 'publicNote', message: `must be at most ${REASON_MAX} characters` }]);
  return ctx.db.transaction(async (tx) => {
    const row = await lockEventRow(tx, eventId);
    if (opts.expectedRevision !== undefined && row.latest_revision !== opts.expectedRevision) {
      throw new ConflictError(
        `revision ${row.latest_revision} was saved after you opened revision ${opts.expectedRevision}; read it, then publish again`,
      );
    }
    if (row.published_revision === row.latest_revision) throw await actedMeanwhile(tx, editor, eventId);
    // A correction or retraction goes into the public log and onto the event's page: it must say why.
    const lastPublished = (await listPublications(tx, eventId)).filter((p) => p.action === 'publish').at(-1)?.revision;
    if (!note && lastPublished !== undefined && lastPublished !== row.latest_revision) {
      throw new ValidationError([
        {
          field: 'publicNote',
          message: `is required: tell readers what revision ${row.latest_revision} corrects or why it retracts the event`,
        },
      ]);
    }
    return publishEvent(tx, eventId, editor.id, ctx.now(), note || undefined);
  });
}

/** Takes an event off the public site; the reason is kept in the publication history. */
export async function unpublish(ctx: AppContext, editor: Editor, eventId: number, reason: string): Promise<void> {
  const why = reasonOf(reason, true)!;
  await ctx.db.transaction(async (tx) => {
    const row = await lockEventRow(tx, eventId);
    if (row.published_revision === null) throw await actedMeanwhile(tx, editor, eventId);
    await unpublishEvent(tx, eventId, editor.id, ctx.now(), why);
  });
}

/**
 * The refusal of a publish or unpublish that the event's last publication already did: two
 * editors (or one form sent twice) acted at once, and the log records it once.
 */
async function actedMeanwhile(tx: Queryable, editor: Editor, eventId: number): Promise<ConflictError> {
  const last = await lastPublication(tx, eventId);
  if (!last) return new ConflictError('the event is not published');
  const who = last.editor_id === editor.id ? 'you' : (last.editor_name ?? 'someone else');
  const when = `${last.at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  if (last.action === 'publish') {
    return new ConflictError(
      `revision ${last.revision} is already published: ${who} published it at ${when}, meanwhile. It is public once and nothing was published again; reload the event to see where it stands.`,
    );
  }
  return new ConflictError(
    `the event is not published: ${who} took it off the site at ${when}, meanwhile. Nothing was recorded again; reload the event to see where it stands.`,
  );
}

function staleRevision(latest: number): ConflictError {
  return new ConflictError(`someone else saved revision ${latest} since you opened this event; reload it and apply your change again`);
}
