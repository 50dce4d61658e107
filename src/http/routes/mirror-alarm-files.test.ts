/**
 * A mirror that caught its origin forking or rolling back says so in its feeds and data files,
 * read by independent parsers (@rowanmanning/feed-parser for Atom, csv-parse) as a subscriber's
 * reader or a script would, not only on its HTML pages. (That parser reads no JSON Feed.)
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { toPublicEvent } from '../../core/public-event.ts';
import { sampleEventData } from '../../core/testing.ts';
import { encodeLogEntry } from '../../log/entry.ts';
import { ACLED_COLUMNS } from '../../publish/exports/csv.ts';
import { assertWellFormedXml } from '../../publish/feeds/testing.ts';
import { commitMirrorSync, insertMirror, insertMirrorAlarm, shownColumnsOf } from '../../store/mirrors.ts';
import { type TestApp, openTestApp } from '../testing.ts';

const CALM = 'calm.test/log';
const ALARMED = 'alarmed.test/log';
const base = (origin: string) => `http://localhost/mirrors/${encodeURIComponent(origin)}`;

let t: TestApp;
before(async () => {
  t = await openTestApp();
  for (const origin of [CALM, ALARMED]) {
    await insertMirror(t.db, { origin, logUrl: `http://${origin}/`, verifierKey: 'unused', now: new Date() });
    const at = '2022-01-06T00:00:00.000Z';
    const entries = [1, 2].map((id, idx) => {
      const record = toPublicEvent(id, 1, sampleEventData({ summary: { en: `Mirrored ${id}` } }), at, at);
      return {
        idx,
        data: encodeLogEntry({ v: 1, type: 'publish', event: id, revision: 1, at, record }),
        type: 'publish' as const,
        eventId: id,
        revision: 1,
        at,
        shown: shownColumnsOf(record),
      };
    });
    await t.db.transaction((tx) =>
      commitMirrorSync(tx, { origin, checkpoint: `${origin}\n2\nroot=\n`, size: 2, root: 'r', entries, tilePaths: [], now: new Date(at) }),
    );
  }
  await insertMirrorAlarm(t.db, {
    origin: ALARMED,
    kind: 'rollback',
    now: new Date('2022-01-07T00:00:00.000Z'),
    message: 'ROLLBACK: refused a replayed older checkpoint: size 1, but 2 entries were already verified',
    verifiedCheckpoint: `${ALARMED}\n2\nroot=\n`,
    presentedCheckpoint: `${ALARMED}\n1\nold=\n`,
  });
});
after(() => t.close());

async function text(url: string): Promise<string> {
  const res = await t.app.request(url);
  assert.equal(res.status, 200, url);
  return res.text();
}

test('the Atom feed of an alarmed mirror opens with the alarm, and its title says ALARM', async () => {
  const xml = await text(`${base(ALARMED)}/feed.atom`);
  assertWellFormedXml(xml);
  const feed = parseFeed(xml);
  assert.match(feed.title ?? '', /ALARM/);
  assert.equal(feed.items.length, 3);
  const first = feed.items[0]!;
  assert.match(first.title ?? '', /^ALARM: the origin rolled back its history$/);
  assert.match(first.content ?? '', /replayed older checkpoint: size 1, but 2 entries/);
  assert.match(first.content ?? '', /alarmed\.test\/log\n1\nold=/, 'the presented checkpoint is in the entry');
  assert.equal(first.updated?.toISOString(), '2022-01-07T00:00:00.000Z');
  assert.equal(feed.updated?.toISOString(), '2022-01-07T00:00:00.000Z', 'the feed is updated by the alarm');

  const calm = parseFeed(await text(`${base(CALM)}/feed.atom`));
  assert.doesNotMatch(calm.title ?? '', /ALARM/);
  assert.deepEqual(
    calm.items.map((i) => i.title).filter((s) => /ALARM/.test(s ?? '')),
    [],
  );
});

test('a Russian subscriber reads the alarm in Russian, with the evidence as it was signed', async () => {
  const atom = parseFeed(await text(`${base(ALARMED)}/feed.atom?lang=ru`));
  assert.equal(atom.items[0]!.title, 'ТРЕВОГА: источник откатил свою историю назад');
  assert.match(atom.items[0]!.content ?? '', /Обе подписанные контрольные точки сохранены/);
  assert.match(atom.items[0]!.content ?? '', /alarmed\.test\/log\n1\nold=/);
  const json = JSON.parse(await text(`${base(ALARMED)}/feed.json?lang=ru`)) as { items: Array<{ title: string; language: string }> };
  assert.deepEqual([json.items[0]!.title, json.items[0]!.language], ['ТРЕВОГА: источник откатил свою историю назад', 'ru']);
});

test('the list of mirrors names a rollback as such', async () => {
  const html = await text('http://localhost/mirrors');
  assert.match(html, /alarmed\.test\/log<\/a>[^<]*<strong class="notice error"> ALARM: the origin rolled back its history<\/strong>/);
  assert.doesNotMatch(html, /calm\.test\/log<\/a>[^<]*<strong/);
});

test("a mirror labels its pages and its list in the reader's language, the evidence as it was signed", async () => {
  const ru = await text(`${base(ALARMED)}/?lang=ru`);
  assert.match(ru, /<strong>Зеркало<\/strong> хроники <a href="http:\/\/alarmed\.test\/">alarmed\.test\/log<\/a>/);
  assert.match(ru, /Проверено: 2 записи; последняя проверка/);
  assert.match(ru, /<strong>ТРЕВОГА: источник откатил свою историю назад<\/strong> \(2022-01-07 00:00 UTC\)/);
  assert.match(ru, /<pre>alarmed\.test\/log\n1\nold=\n<\/pre>/, 'the presented checkpoint, byte for byte');
  assert.doesNotMatch(ru, /Mirror<\/strong>|entries verified|ALARM/);
  const en = await text(`${base(CALM)}/`);
  assert.match(en, /<strong>Mirror<\/strong> of <a href="http:\/\/calm\.test\/">calm\.test\/log<\/a>, served from a verified copy/);
  assert.doesNotMatch(en, /role="alert"/, 'no alarm on the calm mirror');
  const list = await text('http://localhost/mirrors?lang=ru');
  assert.match(list, /<h1>Зеркала<\/h1>/);
  assert.match(
    list,
    /alarmed\.test\/log<\/a>[^<]*проверено: 2 записи[^<]*<strong class="notice error"> ТРЕВОГА: источник откатил свою историю назад<\/strong>/,
  );
});

test('the JSON Feed of an alarmed mirror opens with the alarm item', async () => {
  const raw = JSON.parse(await text(`${base(ALARMED)}/feed.json`)) as {
    title: string;
    items: Array<{ id: string; title: string; content_text: string; tags: string[]; _caravan: { alarm?: { kind: string } } }>;
  };
  assert.match(raw.title, /ALARM/);
  assert.match(raw.items[0]!.title, /^ALARM: the origin rolled back its history$/);
  assert.match(raw.items[0]!.content_text, /replayed older checkpoint/);
  assert.equal(new Set(raw.items.map((i) => i.id)).size, 3, 'item ids stay unique');
  assert.deepEqual(raw.items[0]!.tags, ['alarm', 'rollback']);
  assert.equal(raw.items[0]!._caravan.alarm?.kind, 'rollback');
  assert.equal(raw.items.length, 3);
  assert.equal((JSON.parse(await text(`${base(CALM)}/feed.json`)) as { items: unknown[] }).items.length, 2);
});

test('the CSV of an alarmed mirror carries the alarm in a last column of every row, and still parses strictly', async () => {
  const rows = parseCsv(await text(`${base(ALARMED)}/events.csv`), { columns: true }) as Array<Record<string, string>>;
  assert.equal(rows.length, 2);
  for (const row of rows) {
    assert.match(
      row.mirror_alarm ?? '',
      /^ALARM \(rollback, 2022-01-07T00:00:00\.000Z\): the origin rolled back its history\. ROLLBACK: refused/,
    );
    assert.equal(row.event_id_cnty !== undefined && row.notes !== undefined, true, 'ACLED columns are untouched');
  }
  const header = (parseCsv(await text(`${base(ALARMED)}/events.csv`), { to_line: 1 }) as string[][])[0];
  assert.deepEqual(header, [...ACLED_COLUMNS, 'mirror_alarm']);
  const calm = parseCsv(await text(`${base(CALM)}/events.csv`), { to_line: 1 }) as string[][];
  assert.deepEqual(calm[0], [...ACLED_COLUMNS], "a mirror without an alarm has exactly ACLED's columns");
});

test('the GeoJSON of an alarmed mirror names the alarm at the top and in every feature', async () => {
  const geo = JSON.parse(await text(`${base(ALARMED)}/events.geojson`)) as {
    type: string;
    mirror_alarms?: Array<{ kind: string; presentedCheckpoint: string }>;
    features: Array<{ properties: { mirror_alarm?: string } }>;
  };
  assert.equal(geo.type, 'FeatureCollection');
  assert.deepEqual(
    geo.mirror_alarms?.map((a) => a.kind),
    ['rollback'],
  );
  assert.equal(geo.features.length, 2);
  assert.ok(geo.features.every((f) => /^ALARM \(rollback/.test(f.properties.mirror_alarm ?? '')));
  const calm = JSON.parse(await text(`${base(CALM)}/events.geojson`)) as {
    mirror_alarms?: unknown;
    features: Array<{ properties: object }>;
  };
  assert.equal(calm.mirror_alarms, undefined);
  assert.ok(calm.features.every((f) => !('mirror_alarm' in f.properties)));
});
