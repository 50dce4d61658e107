/**
 * Public media end to end over HTTP: a reporter's photo goes in with GPS data, an editor
 * publishes its stripped copy with an event, and readers get exactly that copy by its hash
 * while every other file stays private.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { decodeLogEntry } from '../../log/entry.ts';
import { getEventRow, getPublishedEvent, getRevision } from '../../store/events.ts';
import { getLogTreeHead, readLogEntries } from '../../store/log.ts';
import { type MediaRow, listMediaOfReport } from '../../store/media.ts';
import { loadConfig } from '../config.ts';
import { readPublishedMedia } from './public-media.ts';
import { scrapeForm } from '../../http/routes/editor/form-scraper.ts';
import { type Browser, type TestApp, anonymous, loginAs, openTestApp } from '../../http/testing.ts';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A JPEG as a phone writes it, with GPS coordinates and the phone's make in its EXIF. */
function photoWithGps(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: colour } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'CaravanTestPhone' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '43/1 13/1 1930/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '76/1 51/1 0/1',
        GPSMapDatum: 'WGS-84',
      },
    })
    .toBuffer();
}

const CODED = {
  date: '2022-01-05',
  clock: '10:00',
  precision: 'hour',
  sub_event_type: 'Protest with intervention',
  actor1_name: 'Protesters (Kazakhstan)',
  actor1_type: '6',
  location_name: 'Almaty',
  country: 'KAZ',
  lat: '43.238',
  lon: '76.945',
  time_zone: 'Asia/Almaty',
  intent: 'save',
};

describe('media published with an event', () => {
  let t: TestApp;
  let dataDir: string;
  let editor: Browser;
  let reader: Browser;
  let eventId: number;
  /** The linked report's photo, the evidence kept for an unlinked report, and an unlinked report's photo. */
  let linked: MediaRow;
  let evidence: MediaRow;
  let unlinked: MediaRow;
  let gpsPhoto: Buffer;

  async function sendReport(what: string, photo: Buffer, keepOriginal = false): Promise<MediaRow> {
    const form = new FormData();
    form.append('what', what);
    form.append('howKnown', 'saw');
    if (keepOriginal) form.append('keepOriginal', '1');
    form.append('media', new Blob([new Uint8Array(photo)]), 'IMG_0001.jpg');
    const res = await t.app.request('http://localhost/report', { method: 'POST', body: form });
    assert.equal(res.status, 201, await res.clone().text());
    const [row] = await t.db.query<{ id: number }>('select max(id) as id from reports');
    const [media] = await listMediaOfReport(t.db, row!.id);
    assert.ok(media);
    return media;
  }

  const editForm = async (id: number) =>
    scrapeForm(await (await editor.get(`/editor/events/${id}/edit`)).text(), `/editor/events/${id}/edit`);

  async function publish(id: number, publicNote?: string) {
    const form = scrapeForm(await (await editor.get(`/editor/events/${id}`)).text(), `/editor/events/${id}/publish`);
    const res = await editor.post(`/editor/events/${id}/publish`, {
      ...form,
      confirm_first: '1',
      ...(publicNote ? { public_note: publicNote } : {}),
    });
    assert.equal(res.status, 303, await res.clone().text());
  }

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'caravan-public-media-'));
    t = await openTestApp({ config: loadConfig({ CARAVAN_DATA: dataDir, CARAVAN_ORIGIN: 'http://localhost' }) });
    editor = await loginAs(t, 'editor');
    reader = anonymous(t);
    gpsPhoto = await photoWithGps('#c33');
    linked = await sendReport('Tear gas near the akimat', gpsPhoto);
    evidence = await sendReport('Shots at the square', await photoWithGps('#3c3'), true);
    unlinked = await sendReport('Crowd on Abay avenue', await photoWithGps('#33c'));
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('offers the coded report’s photo on the event form and publishes it with its caption', async () => {
    assert.equal((await editor.post(`/editor/reports/${linked.report_id}/claim`, {})).status, 303);
    const html = await (await editor.get(`/editor/events/new?report=${linked.report_id}`)).text();
    assert.ok(html.includes(`name="media_on_${linked.stripped_sha256}"`), 'a checkbox for the linked report’s photo');
    assert.ok(!html.includes(unlinked.stripped_sha256), 'no other report’s photo is offered');
    const form = scrapeForm(html, '/editor/events/new');
    assert.equal(form[`media_on_${linked.stripped_sha256}`], undefined, 'not chosen until the editor ticks it');
    const res = await editor.post('/editor/events/new', {
      ...form,
      ...CODED,
      [`media_on_${linked.stripped_sha256}`]: '1',
      [`media_caption_${linked.stripped_sha256}`]: 'Tear gas over the square, 5 January',
    });
    assert.equal(res.status, 303, await res.clone().text());
    eventId = Number(/(\d+)$/.exec(res.headers.get('location') ?? '')?.[1]);
    const rev = await getRevision(t.db, eventId, 1);
    assert.deepEqual(rev.data.media, [
      {
        sha256: linked.stripped_sha256,
        mime: 'image/jpeg',
        bytes: linked.bytes,
        width: 64,
        height: 48,
        caption: 'Tear gas over the square, 5 January',
      },
    ]);
    await publish(eventId);
    assert.deepEqual((await getPublishedEvent(t.db, eventId))?.media, rev.data.media);
  });

  it('shows the photo on the public page with its size, caption and SHA-256', async () => {
    const html = await (await reader.get(`/events/${eventId}`)).text();
    const img = new RegExp(
      `<img src="/media/${linked.stripped_sha256}" alt="Tear gas over the square, 5 January" width="64" height="48" loading="lazy"`,
    );
    assert.match(html, img);
    assert.ok(html.includes(`<code class="sha256">${linked.stripped_sha256}</code>`));
    assert.ok(!html.includes(linked.sha256), 'the hash of the original as received stays with the editors');
  });

  it('serves exactly the stripped bytes by hash, without GPS or EXIF, cached as immutable', async () => {
    const res = await reader.get(`/media/${linked.stripped_sha256}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('content-disposition'), `inline; filename="${linked.stripped_sha256}.jpg"`);
    assert.match(res.headers.get('cache-control') ?? '', /max-age=31536000, immutable/);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(sha256(bytes), linked.stripped_sha256);
    assert.equal(bytes.length, linked.bytes);
    const meta = await sharp(bytes).metadata();
    assert.equal(meta.exif, undefined);
    assert.equal(bytes.includes('WGS-84') || bytes.includes('CaravanTestPhone'), false);
    assert.ok(gpsPhoto.includes('WGS-84'), 'the photo as sent did carry GPS data');
    const direct = await readPublishedMedia(t.ctx, linked.stripped_sha256);
    assert.equal(direct?.mime, 'image/jpeg');
    assert.deepEqual(Buffer.from(direct!.data), bytes, 'what bundles and static copies read is what readers get');
    const again = await reader.get(`/media/${linked.stripped_sha256}`, { headers: { 'if-none-match': `"${linked.stripped_sha256}"` } });
    assert.equal(again.status, 304);
  });

  it('puts the photo in the log entry by hash only', async () => {
    const head = await getLogTreeHead(t.db);
    const [data] = await readLogEntries(t.db, head.size - 1, 1);
    assert.ok(data);
    const entry = decodeLogEntry(data);
    assert.equal(entry.event, eventId);
    assert.deepEqual(
      entry.record?.media?.map((m) => m.sha256),
      [linked.stripped_sha256],
    );
    assert.ok(data.length < 4096, `the entry takes ${data.length} bytes, not the photo's ${linked.bytes}`);
  });

  it('answers 404 for unpublished photos, evidence originals and originals as received', async () => {
    for (const hash of [unlinked.stripped_sha256, evidence.stripped_sha256, evidence.sha256, linked.sha256, '0'.repeat(64)]) {
      const res = await reader.get(`/media/${hash}`);
      assert.equal(res.status, 404, hash);
      assert.equal(await readPublishedMedia(t.ctx, hash), undefined);
    }
    assert.equal((await reader.get('/media/../evidence')).status, 404);
    assert.equal((await reader.get(`/media/${linked.stripped_sha256.toUpperCase()}`)).status, 404);
  });

  it('refuses to attach a photo of a report not linked to the event, naming it, and stores nothing', async () => {
    const before = await getEventRow(t.db, eventId);
    const form = await editForm(eventId);
    const res = await editor.post(`/editor/events/${eventId}/edit`, {
      ...form,
      reason: 'add the Abay avenue photo',
      media_sha: [linked.stripped_sha256, unlinked.stripped_sha256],
      [`media_on_${unlinked.stripped_sha256}`]: '1',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(
      html,
      new RegExp(`media ${unlinked.stripped_sha256.slice(0, 12)}… is not a photo or video of a report linked to this event`),
    );
    assert.equal((await getEventRow(t.db, eventId)).latest_revision, before.latest_revision);
  });

  it('refuses a caption longer than 300 characters', async () => {
    const form = await editForm(eventId);
    const res = await editor.post(`/editor/events/${eventId}/edit`, {
      ...form,
      reason: 'longer caption',
      [`media_caption_${linked.stripped_sha256}`]: 'x'.repeat(301),
    });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /must be at most 300 characters/);
  });

  it('keeps a photo reachable after a later revision removes it, since it was published', async () => {
    const form = await editForm(eventId);
    assert.equal(form[`media_on_${linked.stripped_sha256}`], '1', 'the saved choice comes back checked');
    const { [`media_on_${linked.stripped_sha256}`]: _dropped, ...unticked } = form;
    const res = await editor.post(`/editor/events/${eventId}/edit`, { ...unticked, reason: 'the photo shows another day' });
    assert.equal(res.status, 303, await res.clone().text());
    const row = await getEventRow(t.db, eventId);
    assert.equal((await getRevision(t.db, eventId, row.latest_revision)).data.media, undefined);
    const history = await (await editor.get(`/editor/events/${eventId}`)).text();
    assert.ok(
      history.includes('the photo shows another day') && history.includes(linked.stripped_sha256),
      'the revision history shows the change of media',
    );
    await publish(eventId, 'Photo removed: it was taken on another day');

    const current = await (await reader.get(`/events/${eventId}`)).text();
    assert.ok(!current.includes(`/media/${linked.stripped_sha256}`), 'the current version no longer shows it');
    const older = await (await reader.get(`/events/${eventId}/v/1`)).text();
    assert.ok(older.includes(`<img src="/media/${linked.stripped_sha256}"`), 'the earlier version still does');
    assert.equal((await reader.get(`/media/${linked.stripped_sha256}`)).status, 200);
  });
});
