/**
 * A chronicle carried by hand: exported from one database with corrections, a withdrawal and a
 * published photo, imported into another and served as a mirror; `caravan verify` accepts the
 * file and its unpacked folder; a damaged or altered copy is refused naming what is wrong and
 * changes nothing; the same bundle twice, or an older one, is nothing new; a forked one raises
 * the alarm.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bundleExport, bundleImport } from '../src/cli/bundle/action.ts';
import { verifyAction } from '../src/cli/verify/action.ts';
import { sampleEventData } from '../src/core/testing.ts';
import { BundleError } from '../src/app/mirror/bundle.ts';
import { importBundle } from '../src/app/mirror/bundle-import.ts';
import { createApp } from '../src/http/app.tsx';
import { loadConfig } from '../src/app/config.ts';
import { type AppContext, contextFor } from '../src/app/context.ts';
import type { Db, Queryable } from '../src/store/db.ts';
import { publishEvent, reviseEvent, unpublishEvent } from '../src/store/events.ts';
import { getMirror, listMirrorAlarms } from '../src/store/mirrors.ts';
import { openTestDb, publishSampleEvent } from '../src/store/testing.ts';

const HOST = 'kz.example';
/** The log's origin: a new log is named after its tlog-tiles prefix. */
const ORIGIN = `${HOST}/log`;
const MIRROR = `/mirrors/${encodeURIComponent(ORIGIN)}`;
const PHOTO = Buffer.from('a stripped photo of Republic Square, as bytes');
const PHOTO_SHA = createHash('sha256').update(PHOTO).digest('hex');
const MIRROR_TABLES = ['mirrors', 'mirror_entries', 'mirror_tiles', 'mirror_staging', 'mirror_alarms', 'mirror_events', 'mirror_media'];

/** Everything a bundle import may touch, to compare before and after a refusal. */
async function snapshot(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const table of MIRROR_TABLES) parts.push(JSON.stringify(await db.query(`select * from ${table} order by 1, 2`)));
  return parts.join('\n');
}

/** The members of an uncompressed tar: name, where its data starts, its size. */
function members(tar: Buffer): Array<{ name: string; at: number; size: number }> {
  const out: Array<{ name: string; at: number; size: number }> = [];
  for (let at = 0; at + 512 <= tar.length && tar[at] !== 0; ) {
    const name = tar
      .subarray(at, at + 100)
      .toString('latin1')
      .replace(/\0.*$/s, '');
    const size = parseInt(
      tar
        .subarray(at + 124, at + 136)
        .toString('latin1')
        .replace(/\0.*$/s, '')
        .trim(),
      8,
    );
    out.push({ name, at: at + 512, size });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

function member(tar: Buffer, pattern: RegExp) {
  const m = members(tar).find((x) => pattern.test(x.name));
  assert.ok(m, `no member matches ${pattern}`);
  return m;
}

async function chronicle(dataDir: string, db: Db, overrides: Partial<AppContext> = {}): Promise<AppContext> {
  await mkdir(dataDir, { recursive: true });
  return contextFor(loadConfig({ CARAVAN_DATA: dataDir, CARAVAN_ORIGIN: `https://${HOST}` }), db, overrides);
}

describe('bundles carried from one chronicle to another', () => {
  let tmp: string;
  let origin: AppContext;
  let mirror: AppContext;
  let bundle: string;
  let older: string;
  const env = () => ({ CARAVAN_STATE: join(tmp, 'state') });
  const quiet = () => {};

  const eventIds = async (ctx: AppContext, path: string, prefix: string) => {
    const html = await (await createApp(ctx).request(`http://localhost${path}`)).text();
    return [...html.matchAll(new RegExp(`href="${prefix}/events/(\\d+)"`, 'g'))].map((m) => Number(m[1])).sort((a, b) => a - b);
  };

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'caravan-bundle-'));
    origin = await chronicle(join(tmp, 'origin'), await openTestDb());
    mirror = await chronicle(join(tmp, 'mirror'), await openTestDb());
    const db = origin.db;
    // A published photo: its stripped copy on disk and the media row the public lookup goes through.
    await writeFile(join(tmp, 'origin', 'photo.jpg'), PHOTO);
    const [report] = await db.query<{ id: number }>(
      "insert into reports (receipt_code, channel, what, how_known) values ('R1', 'web', 'photo', 'saw') returning id",
    );
    await db.query(
      `insert into media (report_id, sha256, stripped_sha256, mime, bytes, stored_path) values ($1, $2, $2, 'image/jpeg', $3, 'photo.jpg')`,
      [report!.id, PHOTO_SHA, PHOTO.length],
    );
    const at = (d: number) => new Date(Date.UTC(2022, 0, 6, d));
    const withPhoto = sampleEventData({
      summary: { en: 'Crowd on Republic Square' },
      media: [{ sha256: PHOTO_SHA, mime: 'image/jpeg', bytes: PHOTO.length }],
    });
    await publishSampleEvent(db, withPhoto, at(1));
    const corrected = await publishSampleEvent(db, sampleEventData({ summary: { en: 'Akimat building on fire' } }), at(2));
    const withdrawn = await publishSampleEvent(db, sampleEventData({ summary: { en: 'Rumour of a curfew' } }), at(3));
    older = join(tmp, 'older.tar');
    await bundleExport(origin, older, undefined, quiet);
    await db.transaction(async (tx) => {
      await reviseEvent(
        tx,
        corrected,
        null,
        sampleEventData({ summary: { en: 'Akimat building on fire, evening' } }),
        'time corrected',
        1,
        at(4),
      );
      await publishEvent(tx, corrected, null, at(4), 'The fire started in the evening, not at noon.');
      await unpublishEvent(tx, withdrawn, null, at(5), 'Not confirmed by anyone on the ground.');
    });
    await publishSampleEvent(db, sampleEventData({ summary: { en: 'Internet shut down nationwide' } }), at(6));
    bundle = join(tmp, 'kz.tar');
    const lines: string[] = [];
    const written = await bundleExport(origin, bundle, undefined, (l) => lines.push(l));
    assert.equal(written.size, 6);
    assert.equal(written.media, 1);
    assert.match(lines.join('\n'), /^wrote .*kz\.tar: kz\.example\/log, 6 entries \(root \S+\), 1 media files, \d+ bytes$/);
  });

  after(async () => {
    await origin?.db.close();
    await mirror?.db.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('is verified by caravan verify as a file and as the folder tar xf makes of it', async () => {
    const run = async (target: string, key?: string) => {
      const err: string[] = [];
      const out: string[] = [];
      const code = await verifyAction({ target, env: env(), ...(key ? { key } : {}), out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const file = await run(bundle, origin.logSigner.verifierKey);
    assert.equal(file.code, 0, file.err);
    assert.match(file.out, /^verified kz\.example\/log: 6 entries/);
    const folder = join(tmp, 'unpacked');
    await mkdir(folder);
    const untar = spawnSync('tar', ['xf', bundle, '-C', folder], { encoding: 'utf8' });
    assert.equal(untar.status, 0, untar.stderr);
    assert.deepEqual(await readFile(join(folder, 'media', PHOTO_SHA)), PHOTO);
    const unpacked = await run(folder);
    assert.equal(unpacked.code, 0, unpacked.err);
    assert.match(unpacked.out, /verified kz\.example\/log: 6 entries, root \S+, consistent with the 6 seen on/);
  });

  it('refuses without a key it can trust, whatever the bundle carries', async () => {
    const before = await snapshot(mirror.db);
    await assert.rejects(
      importBundle({ db: mirror.db, now: () => new Date() }, { file: bundle, env: { CARAVAN_STATE: join(tmp, 'nothing') } }),
      /no verifier key is known for "kz\.example\/log"; pass it with --key/,
    );
    assert.equal(await snapshot(mirror.db), before);
  });

  it('refuses a damaged or altered bundle, naming the member, and stores nothing', async () => {
    const tar = await readFile(bundle);
    const damaged = async (name: string, bytes: Buffer, pattern: RegExp) => {
      const file = join(tmp, `${name}.tar`);
      await writeFile(file, bytes);
      const before = await snapshot(mirror.db);
      await assert.rejects(importBundle({ db: mirror.db, now: () => new Date() }, { file, env: env() }), (err: unknown) => {
        assert.ok(err instanceof BundleError, String(err));
        assert.match(err.message, pattern, name);
        return true;
      });
      assert.equal(await snapshot(mirror.db), before, `${name} changed the database`);
      assert.equal(await getMirror(mirror.db, ORIGIN), undefined);
    };
    const flip = (at: number) => {
      const copy = Buffer.from(tar);
      copy[at]! ^= 0x01;
      return copy;
    };
    const checkpoint = member(tar, /^log\/checkpoint$/);
    const note = tar.subarray(checkpoint.at, checkpoint.at + checkpoint.size).toString();
    await damaged('checkpoint-text', flip(checkpoint.at + note.indexOf('\n') + 1), /checkpoint/);
    await damaged('signature', flip(checkpoint.at + note.lastIndexOf(' ') + 5), /checkpoint: .*signature|checkpoint: .*not signed/);
    const entries = member(tar, /^log\/tile\/entries\//);
    const summary = tar.indexOf('Crowd on Republic Square', entries.at);
    await damaged('entry-bundle', flip(summary + 2), /entry 0 in tile\/entries\/000\.p\/6 does not match the signed tree/);
    const tile = member(tar, /^log\/tile\/0\//);
    await damaged('hash-tile', flip(tile.at + 40), /tile\/0\/000\.p\/6: hash 1 is/);
    const photo = member(tar, /^media\//);
    await damaged('media', flip(photo.at + 2), new RegExp(`media/${PHOTO_SHA}: its SHA-256 is`));
    const manifest = member(tar, /^bundle\.json$/);
    const renamed = Buffer.from(tar);
    const originAt = renamed.indexOf('"origin": "kz.example/log"', manifest.at) + '"origin": "'.length;
    renamed.write('kz.exampl3', originAt, 'latin1');
    await damaged(
      'bundle-origin',
      renamed,
      /bundle\.json says origin "kz\.exampl3\/log", but the signed checkpoint is for "kz\.example\/log"/,
    );
    await damaged('cut-header', tar.subarray(0, checkpoint.at - 300), /truncated: .*\(after bundle\.json\)/);
    await damaged(
      'cut-member',
      tar.subarray(0, entries.at + 100),
      /truncated: the archive ends in the middle of a member or header \(in log\/tile\/entries\/000\.p\/6\)/,
    );
    await damaged('cut-end', tar.subarray(0, tar.length - 1024), /end-of-archive blocks are missing/);
  });

  it('leaves nothing behind, not even a followed mirror of size 0, when the import dies while storing', async () => {
    for (const dieAt of [
      /^insert into mirrors /,
      /^copy mirror_entries/,
      /^copy mirror_events/,
      /^insert into mirror_tiles/,
      /^insert into mirror_media/,
      /^update mirrors set size/,
    ]) {
      const before = await snapshot(mirror.db);
      // From the statement that dies on, nothing reaches the database: the process is gone.
      let dead = false;
      const dying = (q: Queryable): Queryable => ({
        query: async (sql, params) => {
          if (dead || dieAt.test(sql.trim())) dead = true;
          if (dead) throw new Error('killed');
          return q.query(sql, params);
        },
        exec: async (sql) => {
          if (dead) throw new Error('killed');
          return q.exec(sql);
        },
        copyRows: async (table, columns, rows) => {
          if (dead || dieAt.test(`copy ${table}`)) dead = true;
          if (dead) throw new Error('killed');
          return q.copyRows(table, columns, rows);
        },
      });
      const db: Db = { ...mirror.db, ...dying(mirror.db), transaction: (fn) => mirror.db.transaction((tx) => fn(dying(tx))) };
      await assert.rejects(
        importBundle({ db, now: () => new Date() }, { file: bundle, key: origin.logSigner.verifierKey, env: env() }),
        /killed/,
      );
      assert.ok(dead, `${dieAt} was never run`);
      assert.equal(await snapshot(mirror.db), before, `dying at ${dieAt} left something`);
      assert.equal(await getMirror(mirror.db, ORIGIN), undefined);
    }
  });

  it('loads a verified bundle and serves the same chronology as the origin', async () => {
    const lines: string[] = [];
    assert.equal(await bundleImport(mirror, bundle, origin.logSigner.verifierKey, env(), (l) => lines.push(l)), 0);
    assert.match(
      lines[0]!,
      /verified and loaded kz\.example\/log: entries 0 to 5, size 6, root \S+; 1 media files stored; served at \/mirrors\/kz\.example%2Flog\/ \(newly followed\)/,
    );
    const m = await getMirror(mirror.db, ORIGIN);
    assert.equal(m?.size, 6);
    assert.equal(m?.log_url, 'https://kz.example/log/', 'the poller can continue online from the public URL');

    const published = await eventIds(origin, '/', '');
    assert.equal(published.length, 3);
    assert.deepEqual(await eventIds(mirror, `${MIRROR}/`, MIRROR), published);
    const home = await (await createApp(mirror).request(`http://localhost${MIRROR}/`)).text();
    assert.match(home, /Akimat building on fire, evening/);
    assert.doesNotMatch(home, /Rumour of a curfew/);
    const [stored] = await mirror.db.query<{ data: Uint8Array }>('select data from mirror_media where origin = $1 and sha256 = $2', [
      ORIGIN,
      PHOTO_SHA,
    ]);
    assert.deepEqual(Buffer.from(stored!.data), PHOTO);
  });

  it('finds nothing new in the same bundle again, or in an older one', async () => {
    const before = await snapshot(mirror.db);
    for (const file of [bundle, older]) {
      const lines: string[] = [];
      assert.equal(await bundleImport(mirror, file, undefined, env(), (l) => lines.push(l)), 0);
      assert.match(
        lines[0]!,
        /nothing new for kz\.example\/log: the bundle's [36] entries are already verified \(size 6\); 0 media files stored/,
      );
    }
    // A damaged copy of what is already followed changes nothing either: not even the last check.
    const tar = await readFile(bundle);
    const tile = member(tar, /^log\/tile\/0\//);
    tar[tile.at + 1]! ^= 0x80;
    const damaged = join(tmp, 'damaged-again.tar');
    await writeFile(damaged, tar);
    await assert.rejects(bundleImport(mirror, damaged, undefined, env(), quiet), /tile\/0\/000\.p\/6: hash 0 is/);
    assert.equal(await snapshot(mirror.db), before);
  });

  it('refuses a bundle of a forked history, keeping both checkpoints', async () => {
    // The same key, another history: whoever holds the key rewrote the chronicle.
    const forkDb = await openTestDb();
    try {
      const fork = await chronicle(join(tmp, 'fork'), forkDb, { logSigner: origin.logSigner });
      for (let d = 0; d < 8; d++) await publishSampleEvent(forkDb, sampleEventData({ summary: { en: `Rewritten ${d}` } }));
      const forked = join(tmp, 'fork.tar.gz');
      await bundleExport(fork, forked, undefined, quiet);
      const verified = (await getMirror(mirror.db, ORIGIN))!.checkpoint;
      const lines: string[] = [];
      assert.equal(await bundleImport(mirror, forked, undefined, env(), (l) => lines.push(l)), 1);
      assert.match(lines[0]!, /REFUSED \(fork\): FORK: /);
      const [alarm, ...more] = await listMirrorAlarms(mirror.db, ORIGIN);
      assert.equal(more.length, 0);
      assert.equal(alarm?.verified_checkpoint, verified);
      assert.match(alarm!.presented_checkpoint, /^kz\.example\/log\n8\n/);
      assert.equal((await getMirror(mirror.db, ORIGIN))?.size, 6);
      assert.match(await (await createApp(mirror).request(`http://localhost${MIRROR}/`)).text(), /ALARM/);
    } finally {
      await forkDb.close();
    }
  });

  it('carries a mirror further: export --mirror gives a bundle another machine verifies', async () => {
    const carried = join(tmp, 'carried.tgz');
    const written = await bundleExport(mirror, carried, ORIGIN, quiet);
    assert.deepEqual({ size: written.size, media: written.media }, { size: 6, media: 1 });
    const third = await chronicle(join(tmp, 'third'), await openTestDb());
    try {
      assert.equal(await bundleImport(third, carried, origin.logSigner.verifierKey, env(), quiet), 0);
      assert.deepEqual(await eventIds(third, `${MIRROR}/`, MIRROR), await eventIds(origin, '/', ''));
    } finally {
      await third.db.close();
    }
  });
});
