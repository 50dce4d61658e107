/**
 * Acting on many reports at once from the queue: claim them, reject them with one reason, mark
 * them as duplicates of one report, or link them to one event. One transaction: every report
 * is acted on, or, when one cannot be (claimed by someone else, already handled), none is and
 * the editor is told which. The same rules as one report at a time (store/reports.ts).
 */
import type { Hono } from 'hono';
import type { AppContext } from '../../../app/context.ts';
import { CaravanError, ValidationError } from '../../../core/errors.ts';
import { claimReport, linkReport, markDuplicate, rejectReport } from '../../../store/reports.ts';
import type { Env } from '../../common.ts';
import { editorOf, formOf } from './guard.ts';

export const BULK_ACTIONS = ['claim', 'reject', 'duplicate', 'link'] as const;
type BulkAction = (typeof BULK_ACTIONS)[number];
/** The queue's page size: one page selected at most. */
const MAX_SELECTED = 200;
const NOTE_MAX = 1000;

/** Claims made before this have lapsed (CARAVAN_CLAIM_HOURS); undefined when claims never lapse. */
export function claimsLapsedBefore(ctx: AppContext): Date | undefined {
  const hours = ctx.config.claimHours;
  return hours > 0 ? new Date(ctx.now().getTime() - hours * 3_600_000) : undefined;
}

/** Where to go back to: the queue page the editor was on, with its filters, and what was done. */
function backTo(raw: string, action: BulkAction, n: number): string {
  const path = /^\/editor(?:\?[\w=&%.+-]*)?$/.test(raw) ? raw : '/editor';
  const [base, query = ''] = path.split('?') as [string, string?];
  const params = new URLSearchParams(query);
  params.delete('done');
  params.delete('n');
  params.set('done', action);
  params.set('n', String(n));
  return `${base}?${params}`;
}

export function registerBulkRoutes(app: Hono<Env>, ctx: AppContext): void {
  app.post('/bulk', async (c) => {
    const form = await formOf(c);
    const action = form.get('action') as BulkAction;
    const problems: Array<{ field: string; message: string }> = [];
    if (!(BULK_ACTIONS as readonly string[]).includes(action))
      problems.push({ field: 'action', message: `must be one of ${BULK_ACTIONS.join(', ')}` });
    const raw = form.all('report');
    const ids = [...new Set(raw)].map(Number);
    if (ids.length === 0) problems.push({ field: 'report', message: 'tick at least one report' });
    if (ids.length > MAX_SELECTED) problems.push({ field: 'report', message: `tick at most ${MAX_SELECTED} reports at once` });
    if (raw.some((x) => !/^\d{1,9}$/.test(x))) problems.push({ field: 'report', message: 'must be report numbers' });
    const note = form.get('note').trim();
    const of = form.get('of').trim().replace(/^#/, '');
    const eventId = form.get('event_id').trim().replace(/^#/, '');
    if (action === 'reject' && !note) problems.push({ field: 'note', message: 'is required: say why the reports are rejected' });
    if (note.length > NOTE_MAX) problems.push({ field: 'note', message: `must be at most ${NOTE_MAX} characters` });
    if (action === 'duplicate' && !/^\d{1,9}$/.test(of))
      problems.push({ field: 'of', message: 'enter the number of the report these repeat' });
    if (action === 'duplicate' && ids.includes(Number(of)))
      problems.push({ field: 'of', message: 'a report cannot duplicate itself: leave it unselected' });
    if (action === 'link' && !/^\d{1,9}$/.test(eventId)) problems.push({ field: 'event_id', message: 'enter the number of the event' });
    if (problems.length > 0) throw new ValidationError(problems);

    const editor = editorOf(c);
    const admin = editor.role === 'admin';
    const lapsed = claimsLapsedBefore(ctx);
    await ctx.db.transaction(async (tx) => {
      for (const id of ids) {
        try {
          if (action === 'claim') await claimReport(tx, id, editor.id, false, lapsed);
          else if (action === 'reject') await rejectReport(tx, id, editor.id, note, admin);
          else if (action === 'duplicate') await markDuplicate(tx, id, Number(of), editor.id, admin);
          else await linkReport(tx, id, Number(eventId), editor.id, admin);
        } catch (err) {
          // Name the report: the editor chose many, and nothing was changed.
          if (err instanceof CaravanError) err.message = `report #${id}: ${err.message}; nothing was changed`;
          throw err;
        }
      }
    });
    return c.redirect(backTo(form.get('return_to'), action, ids.length), 303);
  });
}
