import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ValidationError } from '../../core/errors.ts';
import type { Db } from '../../store/db.ts';
import { openTestDb } from '../../store/testing.ts';
import { loadConfig } from '../config.ts';
import { type AppContext, contextFor } from '../context.ts';
import { importTelegramExport, readTelegramFolder } from './telegram.ts';

const FIXTURES = fileURLToPath(new URL('../../channels/fixtures/telegram/', import.meta.url));
const CHANNEL = join(FIXTURES, 'valid/new-format-channel');
const GROUP = join(FIXTURES, 'valid/old-format-group');

let db: Db;
let ctx: AppContext;
before(async () => {
  db = await openTestDb();
  ctx = contextFor(loadConfig({ CARAVAN_DATA: '/nonexistent-test-data' }), db, { now: () => new Date('2026-01-01T00:00:00Z') });
});
after(() => db.close());

const count = async (table: string) => (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

describe('importing a Telegram export', () => {
  it('stores each message once with its time, source and media hashes', async () => {
    const first = await importTelegramExport(ctx, await readTelegramFolder(CHANNEL));
    assert.deepEqual(first, { chats: ['Almaty Witness Feed'], created: 6, existing: 0, skipped: 2, mediaMissing: 1 });
    const rows = await db.query<{
      external_id: string;
      what: string;
      sent_at: Date;
      received_at: Date;
      source: string;
      channel: string;
      contact_sealed: string | null;
    }>(
      `select r.external_id, r.what, r.sent_at, r.received_at, s.name as source, r.channel, r.contact_sealed
       from reports r join sources s on s.id = r.source_id order by r.external_id`,
    );
    assert.deepEqual(
      rows.map((r) => [r.external_id, r.sent_at.toISOString(), r.source, r.channel]),
      [
        ['1234567890/2', '2022-01-05T08:00:00.000Z', 'Almaty Witness Feed', 'telegram'],
        ['1234567890/3', '2022-01-05T08:20:00.000Z', 'Almaty Witness Feed', 'telegram'],
        ['1234567890/4', '2022-01-05T09:00:00.000Z', 'Orda.kz', 'telegram'],
        ['1234567890/5', '2022-01-05T09:10:00.000Z', 'Almaty Witness Feed', 'telegram'],
        ['1234567890/6', '2022-01-05T09:30:00.000Z', 'Almaty Witness Feed', 'telegram'],
        ['1234567890/7', '2022-01-05T10:00:00.000Z', 'Almaty Witness Feed', 'telegram'],
      ],
    );
    assert.equal(rows[0]!.received_at.toISOString(), '2026-01-01T00:00:00.000Z');
    assert.ok(
      rows.every((r) => r.contact_sealed === null),
      'channel posts carry no personal contact',
    );
    const media = await db.query<{ name: string; sha256: string | null; bytes: string | number | null }>(
      'select name, sha256, bytes from report_media_refs order by name',
    );
    assert.deepEqual(
      media.map((m) => [m.name, m.sha256, m.bytes === null ? null : Number(m.bytes)]),
      [
        ['files/statement.pdf', '700c3e43fe225b4c544949bef19e971eea785a30785511d923a681a7e49e8d94', 27],
        ['photos/photo_1@05-01-2022_14-00-00.jpg', '6f8ad2178e1a7db54ba93f74b265d9501c93af3cd81e85b4249191e665dda60c', 47],
        ['video_file (not included in the export)', null, null],
      ],
    );
    const [source] = await db.query<{ last_heard_at: Date }>(`select last_heard_at from sources where name = 'Almaty Witness Feed'`);
    assert.equal(source!.last_heard_at.toISOString(), '2022-01-05T10:00:00.000Z');
  });

  it('adds nothing when the same export is imported again', async () => {
    const before = { reports: await count('reports'), sources: await count('sources'), media: await count('report_media_refs') };
    const again = await importTelegramExport(ctx, await readTelegramFolder(CHANNEL));
    assert.deepEqual(again, { chats: ['Almaty Witness Feed'], created: 0, existing: 6, skipped: 2, mediaMissing: 0 });
    assert.deepEqual({ reports: await count('reports'), sources: await count('sources'), media: await count('report_media_refs') }, before);
  });

  it('stores an export whose names, ids and file names hold a NUL, cleaned, instead of failing', async () => {
    // Before, the NUL reached PostgreSQL and the whole import failed with a 500.
    const parsed = await readTelegramFolder(CHANNEL);
    const poisoned = {
      ...parsed,
      messages: parsed.messages.map((m) => ({
        ...m,
        chatId: `${m.chatId}\u0000x`,
        source: { ref: `${m.source.ref}\u0000x`, name: 'Almaty\u0000Feed' },
        media: m.media.map((x) => ({ ...x, name: `${x.name}\u0000` })),
      })),
    };
    const result = await importTelegramExport(ctx, poisoned);
    assert.equal(result.created, parsed.messages.length);
    const sources = await db.query<{ external_ref: string }>(`select external_ref from sources where name = 'Almaty Feed'`);
    assert.ok(sources.length > 0 && sources.every((r) => r.external_ref.endsWith(' x')), JSON.stringify(sources));
    assert.equal((await importTelegramExport(ctx, poisoned)).created, 0, 'importing it again adds nothing');
  });

  it('imports an old-format group export with the offset given, sealing authors', async () => {
    const result = await importTelegramExport(ctx, await readTelegramFolder(GROUP, { utcOffset: '+06:00' }));
    assert.equal(result.created, 3);
    const rows = await db.query<{ what: string; contact_sealed: string; sent_at: Date }>(
      `select what, contact_sealed, sent_at from reports where external_id like '4242/%' order by external_id`,
    );
    assert.equal(rows[0]!.sent_at.toISOString(), '2022-01-02T04:15:00.000Z');
    assert.equal(ctx.sealer.open(rows[0]!.contact_sealed), 'Telegram: Aigerim');
    const dump = (await db.query<{ row: string }>('select to_jsonb(r)::text as row from reports r')).map((r) => r.row).join('\n');
    assert.ok(!dump.includes('Aigerim') && !dump.includes('Daulet'), 'authors appear only sealed');
    assert.equal((await importTelegramExport(ctx, await readTelegramFolder(GROUP, { utcOffset: '+06:00' }))).created, 0);
  });
});

describe('a malformed export', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caravan-telegram-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  for (const name of ['not-json', 'no-messages', 'old-date-without-offset', 'path-outside-export', 'text-not-text']) {
    it(`${name}: is refused with a reason and stores nothing`, async () => {
      const before = await count('reports');
      await assert.rejects(
        readTelegramFolder(join(FIXTURES, 'invalid', name)).then((p) => importTelegramExport(ctx, p)),
        (err: unknown) => {
          assert.ok(err instanceof ValidationError);
          assert.ok(err.problems.length > 0);
          return true;
        },
      );
      assert.equal(await count('reports'), before);
    });
  }

  it('a folder without result.json says so', async () => {
    await assert.rejects(readTelegramFolder(dir), /has no result\.json: export the chat as JSON/);
  });

  /** A copy of the channel export whose photos come from `outside` through a link. */
  async function linkedExport(name: string, link: 'file' | 'folder' | 'result.json'): Promise<string> {
    const folder = join(dir, name);
    const outside = join(dir, `${name}-outside`);
    await mkdir(outside, { recursive: true });
    await writeFile(join(outside, 'photo_1@05-01-2022_14-00-00.jpg'), 'a file outside the export');
    await mkdir(folder, { recursive: true });
    if (link === 'result.json') {
      await copyFile(join(CHANNEL, 'result.json'), join(outside, 'result.json'));
      await symlink(join(outside, 'result.json'), join(folder, 'result.json'));
    } else await copyFile(join(CHANNEL, 'result.json'), join(folder, 'result.json'));
    if (link === 'folder') await symlink(outside, join(folder, 'photos'));
    else {
      await mkdir(join(folder, 'photos'));
      if (link === 'file')
        await symlink(join(outside, 'photo_1@05-01-2022_14-00-00.jpg'), join(folder, 'photos/photo_1@05-01-2022_14-00-00.jpg'));
    }
    return folder;
  }

  async function refusedNaming(folder: string, link: RegExp) {
    const before = await count('reports');
    await assert.rejects(
      readTelegramFolder(folder).then((p) => importTelegramExport(ctx, p)),
      (err: unknown) => err instanceof ValidationError && link.test(err.message) && /symbolic link/.test(err.message),
    );
    assert.equal(await count('reports'), before, 'nothing stored');
  }

  it('a media folder that is a link out of the export is refused, naming it, and nothing outside is read', async () => {
    // Before, `photos -> /etc` recorded the hash and size of a file in /etc.
    await refusedNaming(await linkedExport('folder-link', 'folder'), /\bphotos is a symbolic link/);
  });

  it('a media file that is a link is refused, naming it', async () => {
    await refusedNaming(await linkedExport('file-link', 'file'), /photos\/photo_1@05-01-2022_14-00-00\.jpg is a symbolic link/);
  });

  it('a result.json that is a link is refused, naming it', async () => {
    await refusedNaming(await linkedExport('json-link', 'result.json'), /result\.json is a symbolic link/);
  });

  it('an export reached through a link to its folder is read as usual', async () => {
    const via = join(dir, 'via-link');
    await symlink(CHANNEL, via);
    const parsed = await readTelegramFolder(via);
    assert.equal(parsed.messages[0]!.media[0]!.sha256, '6f8ad2178e1a7db54ba93f74b265d9501c93af3cd81e85b4249191e665dda60c');
  });
});
