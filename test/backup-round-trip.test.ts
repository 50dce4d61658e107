/**
 * A chronicle backed up and restored into a fresh store (in-memory PGlite, or a schema of its own
 * on the PostgreSQL server): every table's rows, the keys and the media come back, the restored
 * chronicle's log verifies with the same verifier key, and a damaged or truncated file is
 * refused before anything changes.
 */
import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve as serveHttp } from '@hono/node-server';
import { verifyAction } from '../src/cli/verify/action.ts';
import { sampleEventData } from '../src/core/testing.ts';
import type { Db } from '../src/store/db.ts';
import { openDb } from '../src/store/open.ts';
import { migrate } from '../src/store/migrate.ts';
import { openTestDb, publishSampleEvent } from '../src/store/testing.ts';
import { createApp } from '../src/http/app.tsx';
import { BackupError, checkBackup, restoreBackup, writeBackup } from '../src/app/backup/backup.ts';
import { loadConfig } from '../src/app/config.ts';
import { type AppContext, contextFor } from '../src/app/context.ts';
import { acceptReport } from '../src/app/intake/accept.ts';
import { loadLogSigner } from '../src/app/keys/log-key.ts';
import { createSealer, loadSealingKey } from '../src/app/keys/sealing.ts';
import { loadSenderKey } from '../src/app/keys/sender-key.ts';

const ORIGIN = 'https://kz.example';

/** A context as createContext builds it, keys read from (or made in) the data folder, around a given store. */
async function chronicle(dataDir: string, db: Db): Promise<AppContext> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const config = loadConfig({ CARAVAN_DATA: dataDir, CARAVAN_ORIGIN: ORIGIN });
  return contextFor(config, db, {
    sealer: createSealer(await loadSealingKey(dataDir)),
    senderKey: await loadSenderKey(dataDir),
    logSigner: await loadLogSigner(dataDir, ORIGIN),
  });
}

/** Every table's rows as text, in a stable order. */
async function contents(db: Db): Promise<Record<string, string[]>> {
  const tables = await db.query<{ name: string }>(
    `select relname as name from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'r' and relname <> 'schema_migrations' order by relname`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables)
    out[name] = (await db.query<{ r: string }>(`select row_to_json(t)::text as r from ${name} t`)).map((x) => x.r).sort();
  return out;
}

/** Runs `caravan verify` against the chronicle served over HTTP. */
async function verifyServed(ctx: AppContext, key: string, state: string): Promise<{ code: number; out: string }> {
  const app = createApp(ctx);
  const server = serveHttp({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const lines: string[] = [];
  try {
    const code = await verifyAction({
      target: `http://127.0.0.1:${port}`,
      key,
      env: { CARAVAN_STATE: state },
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    return { code, out: lines.join('\n') };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('backup and restore of a whole chronicle', () => {
  let tmp: string;
  let source: AppContext;
  let file: string;
  let receipt: string;
  const photo = Buffer.from('stripped photo bytes');
  const original = Buffer.from('original with its GPS tags');

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'caravan-backup-'));
    source = await chronicle(join(tmp, 'source'), await openTestDb());
    await mkdir(join(tmp, 'source', 'media'), { mode: 0o700 });
    await mkdir(join(tmp, 'source', 'evidence'), { mode: 0o700 });
    await writeFile(join(tmp, 'source', 'media', 'a1.jpg'), photo, { mode: 0o600 });
    await writeFile(join(tmp, 'source', 'evidence', 'a1.jpg'), original, { mode: 0o400 });
    ({ receiptCode: receipt } = await acceptReport(
      source,
      { what: 'Shooting near Republic Square', contact: '+7 701 123 45 67' },
      { channel: 'web' },
    ));
    await publishSampleEvent(source.db, sampleEventData({ summary: { en: 'Crowd on Republic Square' } }), new Date('2022-01-05T10:00:00Z'));
    await publishSampleEvent(source.db, sampleEventData({ summary: { en: 'Akimat on fire' } }), new Date('2022-01-05T16:00:00Z'));
    const first = await verifyServed(source, source.logSigner.verifierKey, join(tmp, 'state'));
    assert.equal(first.code, 0, first.out);
    await symlink('/etc/passwd', join(tmp, 'source', 'media', 'link.jpg'));
    await writeFile(join(tmp, 'source', 'media', '.half-written.tmp'), 'x');
    file = join(tmp, 'kz.tar.gz');
    const written = await writeBackup(source, file);
    assert.equal(written.files, 5, 'three keys, a photo and its original');
    assert.deepEqual(written.skipped.sort(), ['media/.half-written.tmp', 'media/link.jpg']);
    assert.ok(written.rows > 5);
  });

  after(async () => {
    await source?.db.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('is written owner-only, never over another file', async () => {
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    await assert.rejects(writeBackup(source, file), (e: unknown) => e instanceof BackupError && /already exists/.test(e.message));
    const manifest = await checkBackup(file);
    assert.equal(manifest.origin, ORIGIN);
    assert.ok(manifest.members.some((m) => m.name === 'files/keys/log.key' && m.mode === 0o600));
  });

  it('gives back every row, key and file, and the log verifies with the same key', async () => {
    const target = await chronicle(join(tmp, 'target'), await openTestDb());
    try {
      const restored = await restoreBackup(target, file);
      assert.equal(restored.files, 5);
      assert.deepEqual(await contents(target.db), await contents(source.db));
      for (const key of ['log.key', 'contact.key', 'sender.key']) {
        assert.deepEqual(await readFile(join(tmp, 'target', 'keys', key)), await readFile(join(tmp, 'source', 'keys', key)), key);
        assert.equal((await stat(join(tmp, 'target', 'keys', key))).mode & 0o777, 0o600);
      }
      assert.deepEqual(await readFile(join(tmp, 'target', 'media', 'a1.jpg')), photo);
      assert.equal((await stat(join(tmp, 'target', 'evidence', 'a1.jpg'))).mode & 0o777, 0o400);
      // The restarted chronicle reads its keys from the restored folder, as createContext would.
      const restarted = await chronicle(join(tmp, 'target'), target.db);
      assert.equal(restarted.logSigner.verifierKey, source.logSigner.verifierKey);
      const [row] = await target.db.query<{ contact_sealed: string }>('select contact_sealed from reports where receipt_code = $1', [
        receipt,
      ]);
      assert.equal(restarted.sealer.open(row!.contact_sealed), '+7 701 123 45 67', 'the contact opens with the restored key');
      // Same verifier key and the same remembered state: a different log would be a fork.
      const check = await verifyServed(restarted, source.logSigner.verifierKey, join(tmp, 'state'));
      assert.equal(check.code, 0, check.out);
      assert.match(check.out, /^verified kz\.example\/log: 2 entries/);
      await assert.rejects(restoreBackup(restarted, file), /not empty/, 'a store with data is not overwritten without --force');
    } finally {
      await target.db.close();
    }
  });

  it('restores on the embedded store what was backed up from either engine', async () => {
    const db = await openDb({});
    await migrate(db);
    const target = await chronicle(join(tmp, 'embedded'), db);
    try {
      await restoreBackup(target, file);
      assert.deepEqual(await contents(target.db), await contents(source.db));
    } finally {
      await db.close();
    }
  });

  it('refuses a flipped byte or a truncated file and restores nothing', async () => {
    const bytes = await readFile(file);
    const tar = gunzipSync(bytes);
    const at = tar.indexOf(Buffer.from('Akimat on fire'));
    assert.ok(at > 0);
    const altered = Buffer.from(tar);
    altered[at] = altered[at]! ^ 0x20;
    const cases: Array<[string, Buffer, RegExp]> = [
      [
        'flipped.tar.gz',
        Buffer.concat([bytes.subarray(0, 4000), Buffer.from([bytes[4000]! ^ 0x01]), bytes.subarray(4001)]),
        /damaged|SHA-256/,
      ],
      ['truncated.tar.gz', bytes.subarray(0, Math.floor(bytes.length * 0.6)), /truncated|damaged/],
      ['altered.tar.gz', gzipSync(altered), /db\/\S+ does not match its SHA-256/],
    ];
    const target = await chronicle(join(tmp, 'refusing'), await openTestDb());
    try {
      const before = await contents(target.db);
      const keyBefore = await readFile(join(tmp, 'refusing', 'keys', 'log.key'));
      for (const [name, data, message] of cases) {
        await writeFile(join(tmp, name), data);
        await assert.rejects(
          restoreBackup(target, join(tmp, name)),
          (e: unknown) => e instanceof BackupError && message.test(e.message),
          name,
        );
        assert.deepEqual(await contents(target.db), before, `${name}: the store is unchanged`);
        assert.deepEqual(await readFile(join(tmp, 'refusing', 'keys', 'log.key')), keyBefore, `${name}: the keys are unchanged`);
      }
      await assert.rejects(stat(join(tmp, 'refusing', 'media')), /ENOENT/);
    } finally {
      await target.db.close();
    }
  });
});
