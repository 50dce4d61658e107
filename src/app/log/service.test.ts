/**
 * The log as the chronicle keeps it: the demo's publications and corrections become entries in
 * the order they happened and verify; corrections are shown in the open on permalinks; a
 * correction cannot be published without telling readers why.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ValidationError } from '../../core/errors.ts';
import { sampleEventData } from '../../core/testing.ts';
import { loadDemoIfEmpty } from '../../demo/load.ts';
import { decodeLogEntry } from '../../log/entry.ts';
import { type LogSource, verifyTiledLog } from '../../log/verify-log.ts';
import { getLogTreeHead, readLogEntries } from '../../store/log.ts';
import { createEventFromForm, publishLatest, saveRevision } from '../editing/editing.ts';
import { signCheckpoint } from './service.ts';
import { type TestApp, loginAs, openTestApp } from '../../http/testing.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp();
  await loadDemoIfEmpty(t.db, new Date('2026-01-01T00:00:00Z'));
});
after(() => t?.close());

const get = (path: string) => t.app.request(`http://localhost${path}`);
const source: LogSource = {
  async read(path) {
    const res = await get(`/log/${path}`);
    return res.status === 404 ? undefined : new Uint8Array(await res.arrayBuffer());
  },
};

async function demoEventId(summaryStart: string): Promise<number> {
  const [row] = await t.db.query<{ id: number }>("select id from events where pub_record->'summary'->>'en' like $1", [`${summaryStart}%`]);
  assert.ok(row, `no demo event starting "${summaryStart}"`);
  return row.id;
}

describe('the demo chronicle’s log', () => {
  it('holds one entry per publication, in order, and verifies', async () => {
    const publications = await t.db.query<{ event_id: number; revision: number; action: string; reason: string | null }>(
      'select event_id, revision, action, reason from publications order by id',
    );
    assert.ok(publications.length > 50, 'the demo publishes its events and their corrections');
    const head = await getLogTreeHead(t.db);
    assert.equal(head.size, publications.length);
    const entries = (await readLogEntries(t.db, 0, head.size)).map(decodeLogEntry);
    assert.deepEqual(
      entries.map((e) => [e.event, e.revision, e.type, e.note ?? null]),
      publications.map((p) => [p.event_id, p.revision, p.action, p.reason]),
    );
    const result = await verifyTiledLog(source, { verifierKey: t.ctx.logSigner.verifierKey, origin: 'localhost/log' });
    assert.equal(result.checkpoint.size, head.size);
    assert.deepEqual(result.checkpoint.root, head.root);
    assert.equal((await signCheckpoint(t.ctx)).size, head.size, 'the stored checkpoint is the one served');
  });

  it('shows on a corrected event’s permalink when and why it was corrected, with the earlier versions', async () => {
    const id = await demoEventId('Official death toll');
    const html = await (await get(`/events/${id}`)).text();
    assert.match(
      html,
      /id="change-notice"><strong>Corrected on 15 January 2022:<\/strong> The Prosecutor General’s Office gave a total of 225 dead/,
    );
    assert.ok(html.indexOf('change-notice') < html.indexOf('class="facts"'), 'the notice comes before the facts');
    assert.match(html, new RegExp(`href="/events/${id}/v/1"`));
    assert.match(html, new RegExp(`href="/events/${id}/v/2"`));
    const first = await (await get(`/events/${id}/v/1`)).text();
    assert.match(first, /164/);
    assert.match(first, /This is an earlier version of this event/);
    const ru = await (await get(`/events/${id}?lang=ru`)).text();
    assert.match(ru, /Исправлено 15 января 2022:/);
  });

  it('shows on a retracted event’s permalink when and why it was retracted', async () => {
    const id = await demoEventId('Claim: Russian troops are already patrolling Almaty');
    const html = await (await get(`/events/${id}`)).text();
    assert.match(
      html,
      /id="change-notice"><strong>Retracted on 7 January 2022:<\/strong> The CSTO decision came in the early hours of 6 January/,
    );
    assert.match(html, new RegExp(`href="/events/${id}/v/1"`));
    const last = (await readLogEntries(t.db, 0, (await getLogTreeHead(t.db)).size))
      .map(decodeLogEntry)
      .filter((e) => e.event === id)
      .at(-1);
    assert.equal(last?.record?.status, 'retracted', 'the retraction is an entry of its own');
  });
});

describe('publishing a correction', () => {
  it('needs a note for readers, which goes into the log', async () => {
    const editor = { id: 1, role: 'editor' as const };
    const id = await createEventFromForm(t.ctx, editor, sampleEventData());
    await publishLatest(t.ctx, editor, id);
    await saveRevision(t.ctx, editor, id, sampleEventData({ fatalities: { min: 2, wording: 'two dead' } }), {
      reason: 'hospital',
      baseRevision: 1,
    });
    const before = (await getLogTreeHead(t.db)).size;
    const browser = await loginAs(t, 'editor');
    const form = await (await browser.get(`/editor/events/${id}`)).text();
    assert.match(form, /Note for readers<[\s\S]*?<textarea[^>]*name="public_note"[^>]*required/, 'the form asks for the note');
    const refused = await browser.post(`/editor/events/${id}/publish`, { revision: '2', public_note: '' });
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /tell readers what revision 2 corrects/);
    await assert.rejects(
      publishLatest(t.ctx, editor, id, { publicNote: '  ' }),
      (err: unknown) =>
        err instanceof ValidationError && err.problems.some((p) => p.field === 'publicNote' && /is required/.test(p.message)),
    );
    assert.equal((await getLogTreeHead(t.db)).size, before, 'nothing was logged');
    await publishLatest(t.ctx, editor, id, { publicNote: 'Two deaths confirmed by the city hospital' });
    const [entry] = (await readLogEntries(t.db, before, 1)).map(decodeLogEntry);
    assert.equal(entry?.note, 'Two deaths confirmed by the city hospital');
    assert.equal(entry?.record?.fatalities.min, 2);
    const html = await (await get(`/events/${id}`)).text();
    assert.match(html, /Corrected on \d+ \w+ \d{4}:<\/strong> Two deaths confirmed by the city hospital/);
  });
});
