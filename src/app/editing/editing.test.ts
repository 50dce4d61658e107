import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConflictError, ValidationError } from '../../core/errors.ts';
import { sampleEventData } from '../../core/testing.ts';
import { getEventRow, getPublishedEvent, getRevision, listPublications } from '../../store/events.ts';
import { getReport, insertReport, rejectReport } from '../../store/reports.ts';
import { findUserByName } from '../../store/users.ts';
import { type Editor, changeStatus, createEventFromForm, publishLatest, saveRevision, unpublish } from './editing.ts';
import { type TestApp, openTestApp } from '../../http/testing.ts';

describe('editing operations', () => {
  let t: TestApp;
  let editor: Editor;

  before(async () => {
    t = await openTestApp();
    const row = await findUserByName(t.db, 'editor');
    editor = { id: row!.id, role: row!.role };
  });
  after(() => t.close());

  const eventCount = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from events'))[0]!.n;

  it('creates an event and links its report in one transaction', async () => {
    const { report } = await insertReport(t.db, { input: { what: 'x', howKnown: 'saw' }, channel: 'web', receiptCode: 'EDIT-0000-0001' });
    const id = await createEventFromForm(
      t.ctx,
      editor,
      { ...sampleEventData(), sources: [{ kind: 'report', reportId: String(report.id) }] },
      { fromReportId: report.id },
    );
    assert.equal((await getReport(t.db, report.id)).event_id, id);
    assert.equal((await getRevision(t.db, id, 1)).reason, `coded from report ${report.id}`);
  });

  it('creates nothing when the report can no longer be linked', async () => {
    const { report } = await insertReport(t.db, { input: { what: 'y', howKnown: 'saw' }, channel: 'web', receiptCode: 'EDIT-0000-0002' });
    await rejectReport(t.db, report.id, editor.id, 'fake');
    const before = await eventCount();
    await assert.rejects(createEventFromForm(t.ctx, editor, sampleEventData(), { fromReportId: report.id }), ConflictError);
    assert.equal(await eventCount(), before);
  });

  it('refuses sources that point at nothing', async () => {
    const before = await eventCount();
    await assert.rejects(
      createEventFromForm(
        t.ctx,
        editor,
        sampleEventData({
          sources: [
            { kind: 'report', reportId: '999' },
            { kind: 'source', sourceId: '77' },
          ],
        }),
      ),
      (err: unknown) =>
        err instanceof ValidationError &&
        err.problems.some((p) => p.field === 'sources[0].reportId' && /no report 999/.test(p.message)) &&
        err.problems.some((p) => p.field === 'sources[1].sourceId' && /no source 77/.test(p.message)),
    );
    assert.equal(await eventCount(), before);
  });

  it('needs a reason, a change and the latest base revision to save', async () => {
    const id = await createEventFromForm(t.ctx, editor, sampleEventData());
    const changed = sampleEventData({ notes: 'More detail' });
    await assert.rejects(saveRevision(t.ctx, editor, id, changed, { reason: ' ', baseRevision: 1 }), /reason: is required/);
    await assert.rejects(
      saveRevision(t.ctx, editor, id, sampleEventData(), { reason: 'again', baseRevision: 1 }),
      /nothing changed since revision 1/,
    );
    assert.equal(await saveRevision(t.ctx, editor, id, changed, { reason: 'detail', baseRevision: 1 }), 2);
    await assert.rejects(
      saveRevision(t.ctx, editor, id, sampleEventData({ notes: 'Other' }), { reason: 'late', baseRevision: 1 }),
      ConflictError,
    );
    assert.equal((await getEventRow(t.db, id)).latest_revision, 2);
  });

  it('changes the status under the verification rules', async () => {
    const id = await createEventFromForm(t.ctx, editor, sampleEventData());
    await assert.rejects(
      changeStatus(t.ctx, editor, id, { status: 'verified', baseRevision: 1 }),
      (err: unknown) => err instanceof ValidationError && err.problems.some((p) => /verified needs a note/.test(p.message)),
    );
    assert.equal(await changeStatus(t.ctx, editor, id, { status: 'verified', statusReason: 'Geolocated the video', baseRevision: 1 }), 2);
    const rev = await getRevision(t.db, id, 2);
    assert.equal(rev.data.status, 'verified');
    assert.equal(rev.reason, 'status unverified → verified');
  });

  it('publishes the latest revision once and unpublishes with a reason', async () => {
    const id = await createEventFromForm(t.ctx, editor, sampleEventData());
    await publishLatest(t.ctx, editor, id, { expectedRevision: 1 });
    await assert.rejects(publishLatest(t.ctx, editor, id), /already published/);
    await assert.rejects(unpublish(t.ctx, editor, id, ''), ValidationError);
    await unpublish(t.ctx, editor, id, 'Mistaken identity');
    assert.equal(await getPublishedEvent(t.db, id), undefined);
    const history = await listPublications(t.db, id);
    assert.deepEqual(
      history.map((p) => [p.action, p.revision, p.reason]),
      [
        ['publish', 1, null],
        ['unpublish', 1, 'Mistaken identity'],
      ],
    );
    await saveRevision(t.ctx, editor, id, sampleEventData({ notes: 'Identity checked' }), { reason: 'checked', baseRevision: 1 });
    await publishLatest(t.ctx, editor, id, { publicNote: 'Republished after checking who was involved' });
    assert.equal((await listPublications(t.db, id)).at(-1)?.reason, 'Republished after checking who was involved');
    assert.equal((await getPublishedEvent(t.db, id))?.revision, 2);
  });
});
