import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sampleEventData } from '../../../core/testing.ts';
import { decodeLogEntry } from '../../../log/entry.ts';
import { createEvent, listPublications } from '../../../store/events.ts';
import { getLogTreeHead, readLogEntries } from '../../../store/log.ts';
import { type Browser, type TestApp, loginAs, openTestApp } from '../../testing.ts';
import { scrapeForm } from './form-scraper.ts';

const ROUNDS = 20;

/**
 * Two editors submit the same action on one event at once, each from the page as they saw it.
 * Exactly one may succeed; the other must learn that someone else did it meanwhile.
 */
describe('two editors acting on one event at once', () => {
  let t: TestApp;
  let alice: Browser;
  let bob: Browser;

  before(async () => {
    t = await openTestApp();
    alice = await loginAs(t, 'editor');
    bob = await loginAs(t, 'editor2');
  });
  after(() => t.close());

  /** Both post the form they scraped, at once; returns the page the one refused gets. */
  async function race(id: number, action: 'publish' | 'unpublish' | 'status', fill: Record<string, string>): Promise<string> {
    const path = `/editor/events/${id}/${action}`;
    const [pageA, pageB] = await Promise.all([alice.get(`/editor/events/${id}`), bob.get(`/editor/events/${id}`)]);
    const formA = { ...scrapeForm(await pageA.text(), path), ...fill };
    const formB = { ...scrapeForm(await pageB.text(), path), ...fill };
    const answers = await Promise.all([alice.post(path, formA), bob.post(path, formB)]);
    const statuses = answers.map((r) => r.status).sort();
    assert.deepEqual(statuses, [303, 409], `${action} of event ${id}: one succeeds, the other is refused`);
    const loser = answers.find((r) => r.status === 409)!;
    assert.match(loser.headers.get('content-type') ?? '', /text\/html/);
    const text = await loser.text();
    const winner = answers[0]!.status === 303 ? 'editor' : 'editor2';
    assert.match(text, new RegExp(`: ${winner} (published|took) it`), 'the loser is told who acted first');
    return text;
  }

  async function setStatus(id: number, status: string, why: string): Promise<void> {
    const form = scrapeForm(await (await alice.get(`/editor/events/${id}`)).text(), `/editor/events/${id}/status`);
    const res = await alice.post(`/editor/events/${id}/status`, { ...form, status, status_reason: why });
    assert.equal(res.status, 303, `status ${status} for event ${id}`);
  }

  it(`records each publish, correction, retraction and unpublish once (${ROUNDS} rounds)`, async () => {
    const startSize = (await getLogTreeHead(t.db)).size;
    const ids: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const id = await createEvent(t.db, null, sampleEventData(), 'created in a test');
      ids.push(id);

      const published = await race(id, 'publish', { confirm_first: '1' });
      assert.match(published, /revision 1 is already published: editor2? published it at .*, meanwhile/);

      // A correction: a newer revision, published with a note for readers.
      await setStatus(id, 'disputed', 'Officials say the square was empty');
      const corrected = await race(id, 'publish', { public_note: 'Officials dispute the account' });
      assert.match(corrected, /revision 2 is already published: editor2? published it at .*, meanwhile/);

      // A retraction: the status says so, and it is published with the reason.
      await setStatus(id, 'retracted', 'The video was from 2019');
      const retracted = await race(id, 'publish', { public_note: 'Retracted: the video was from 2019' });
      assert.match(retracted, /revision 3 is already published: editor2? published it at .*, meanwhile/);

      const unpublished = await race(id, 'unpublish', { reason: 'Published by mistake' });
      assert.match(unpublished, /the event is not published: editor2? took it off the site at .*, meanwhile/);
    }

    const head = await getLogTreeHead(t.db);
    const entries = (await readLogEntries(t.db, startSize, head.size - startSize)).map(decodeLogEntry);
    for (const id of ids) {
      const mine = entries.filter((e) => e.event === id).map((e) => `${e.type} ${e.revision}`);
      assert.deepEqual(mine, ['publish 1', 'publish 2', 'publish 3', 'unpublish 3'], `event ${id}'s entries in the log`);
      const history = (await listPublications(t.db, id)).map((p) => `${p.action} ${p.revision}`);
      assert.deepEqual(history, mine, `event ${id}'s publication history matches its log entries`);
    }
    assert.equal(entries.length, ids.length * 4, 'nothing else was appended');
  });
});
