import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ValidationError } from '../core/errors.ts';
import { loadConfig } from './config.ts';

function fieldsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ValidationError, String(err));
    return err.problems.map((p) => p.field);
  }
  assert.fail('expected a ValidationError');
}

describe('loadConfig', () => {
  it('serves on 127.0.0.1:8080 from ./data with PGlite by default', () => {
    const c = loadConfig({});
    assert.equal(c.port, 8080);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.dataDir, resolve(process.cwd(), 'data'));
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.origin, 'http://127.0.0.1:8080');
    assert.equal(c.secureCookies, false);
    assert.equal(c.demo, true);
  });

  it('resolves the data folder against the working directory given', () => {
    assert.equal(loadConfig({}, '/srv/caravan').dataDir, '/srv/caravan/data');
    assert.equal(loadConfig({ CARAVAN_DATA: 'store' }, '/srv/caravan').dataDir, '/srv/caravan/store');
    assert.equal(loadConfig({ CARAVAN_DATA: '/var/lib/caravan' }, '/srv/caravan').dataDir, '/var/lib/caravan');
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '3000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://caravan@db/caravan',
      CARAVAN_ORIGIN: 'https://chronicle.example.org',
      CARAVAN_DEMO: 'false',
    });
    assert.equal(c.port, 3000);
    assert.equal(c.host, '0.0.0.0');
    assert.equal(c.databaseUrl, 'postgresql://caravan@db/caravan');
    assert.equal(c.origin, 'https://chronicle.example.org');
    assert.equal(c.demo, false);
    assert.equal(c.secureCookies, true);
  });

  it('reports every bad variable in one error', () => {
    assert.deepEqual(fieldsOf({ PORT: 'abc', DATABASE_URL: 'mysql://x' }), ['PORT', 'DATABASE_URL']);
    assert.deepEqual(fieldsOf({ PORT: '70000', CARAVAN_ORIGIN: 'ftp://x.example', CARAVAN_DEMO: 'yes' }), [
      'PORT',
      'CARAVAN_ORIGIN',
      'CARAVAN_DEMO',
    ]);
    for (const PORT of ['80.5', ' ', '0x50', '8e3', '-1']) assert.deepEqual(fieldsOf({ PORT }), ['PORT'], PORT);
    assert.deepEqual(fieldsOf({ CARAVAN_ORIGIN: 'not a url' }), ['CARAVAN_ORIGIN']);
  });

  it('drops the trailing slash of the public origin but keeps its path', () => {
    assert.equal(loadConfig({ CARAVAN_ORIGIN: 'https://chronicle.example.org/' }).origin, 'https://chronicle.example.org');
    assert.equal(loadConfig({ CARAVAN_ORIGIN: 'https://example.org/kz2022//' }).origin, 'https://example.org/kz2022');
  });

  it('uses secure cookies only over https', () => {
    assert.equal(loadConfig({ CARAVAN_ORIGIN: 'https://example.org' }).secureCookies, true);
    assert.equal(loadConfig({ CARAVAN_ORIGIN: 'http://example.org' }).secureCookies, false);
    assert.equal(loadConfig({ CARAVAN_ORIGIN: 'HTTPS://Example.org' }).secureCookies, true);
  });

  it('builds the default origin from the host and port', () => {
    assert.equal(loadConfig({ PORT: '9000', HOST: '::1' }).origin, 'http://[::1]:9000');
  });

  it('relays for no chronicle unless CARAVAN_RELAY_FOR names some', () => {
    const c = loadConfig({});
    assert.deepEqual(c.relayFor, []);
    assert.equal(c.relayInterval, 10);
    assert.equal(c.relayMaxDelay, 3600);
    const r = loadConfig({
      CARAVAN_RELAY_FOR: ' https://kz.example.org/ , http://127.0.0.1:9000/chronicle/,',
      CARAVAN_RELAY_INTERVAL: '0.2',
      CARAVAN_RELAY_MAX_DELAY: '2',
    });
    assert.deepEqual(r.relayFor, ['https://kz.example.org', 'http://127.0.0.1:9000/chronicle']);
    assert.equal(r.relayInterval, 0.2);
    assert.equal(r.relayMaxDelay, 2);
  });

  it('refuses relay origins that are not http(s) URLs or share a host', () => {
    assert.deepEqual(fieldsOf({ CARAVAN_RELAY_FOR: 'kz.example.org' }), ['CARAVAN_RELAY_FOR']);
    assert.deepEqual(fieldsOf({ CARAVAN_RELAY_FOR: 'ftp://kz.example.org' }), ['CARAVAN_RELAY_FOR']);
    assert.deepEqual(fieldsOf({ CARAVAN_RELAY_FOR: 'https://x.example/a,https://x.example/b' }), ['CARAVAN_RELAY_FOR']);
    for (const CARAVAN_RELAY_INTERVAL of ['0', 'abc', '-1', '1e3', '86401', ' ']) {
      assert.deepEqual(fieldsOf({ CARAVAN_RELAY_INTERVAL }), ['CARAVAN_RELAY_INTERVAL'], CARAVAN_RELAY_INTERVAL);
    }
    assert.deepEqual(fieldsOf({ CARAVAN_RELAY_MAX_DELAY: '0.01' }), ['CARAVAN_RELAY_MAX_DELAY']);
  });

  it('keeps both SMS doors closed unless their secrets are set, and refuses guessable ones', () => {
    const closed = loadConfig({});
    assert.deepEqual([closed.smssyncSecret, closed.smsGatewaySecret], [undefined, undefined]);
    const open = loadConfig({ CARAVAN_SMSSYNC_SECRET: 'twelve-chars', CARAVAN_SMS_GATEWAY_SECRET: 'k'.repeat(40) });
    assert.deepEqual([open.smssyncSecret, open.smsGatewaySecret], ['twelve-chars', 'k'.repeat(40)]);
    assert.deepEqual(fieldsOf({ CARAVAN_SMSSYNC_SECRET: 'short', CARAVAN_SMS_GATEWAY_SECRET: 'has a space in it' }), [
      'CARAVAN_SMSSYNC_SECRET',
      'CARAVAN_SMS_GATEWAY_SECRET',
    ]);
  });

  it('keeps a rolling backup of the embedded store daily unless told otherwise, and none beside a server', () => {
    const embedded = loadConfig({});
    assert.deepEqual([embedded.backupInterval, embedded.backupKeep], [24, 3]);
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://db/caravan' }).backupInterval, 0);
    const set = loadConfig({ DATABASE_URL: 'postgres://db/caravan', CARAVAN_BACKUP_INTERVAL: '6.5', CARAVAN_BACKUP_KEEP: '10' });
    assert.deepEqual([set.backupInterval, set.backupKeep], [6.5, 10]);
    assert.equal(loadConfig({ CARAVAN_BACKUP_INTERVAL: '0' }).backupInterval, 0);
    for (const CARAVAN_BACKUP_INTERVAL of ['-1', 'daily', '9000', '1e3', '0.00001']) {
      assert.deepEqual(fieldsOf({ CARAVAN_BACKUP_INTERVAL }), ['CARAVAN_BACKUP_INTERVAL'], CARAVAN_BACKUP_INTERVAL);
    }
    for (const CARAVAN_BACKUP_KEEP of ['0', '1.5', 'all', '1001'])
      assert.deepEqual(fieldsOf({ CARAVAN_BACKUP_KEEP }), ['CARAVAN_BACKUP_KEEP'], CARAVAN_BACKUP_KEEP);
  });

  it('trusts no proxy and sizes intake budgets for a carrier NAT unless told otherwise', () => {
    const c = loadConfig({});
    assert.equal(c.trustProxy, false, 'X-Forwarded-For is anyone’s to invent unless a proxy sets it');
    assert.equal(c.limitPeriod, 3600);
    assert.deepEqual(c.intakeBudget, { clientReports: 120, clientBytes: 500 * 2 ** 20, totalReports: 3000, totalBytes: 2048 * 2 ** 20 });
    assert.equal(c.diskReserve, 1024 * 2 ** 20);
    const set = loadConfig({
      CARAVAN_TRUST_PROXY: 'true',
      CARAVAN_LIMIT_PERIOD: '600',
      CARAVAN_LIMIT_CLIENT_REPORTS: '40',
      CARAVAN_LIMIT_CLIENT_MB: '100',
      CARAVAN_LIMIT_TOTAL_REPORTS: '1000',
      CARAVAN_LIMIT_TOTAL_MB: '10000',
      CARAVAN_LIMIT_DISK_RESERVE_MB: '0',
    });
    assert.equal(set.diskReserve, 0, 'a reserve of 0 turns the disk check off');
    assert.equal(set.trustProxy, true);
    assert.equal(set.limitPeriod, 600);
    assert.deepEqual(set.intakeBudget, { clientReports: 40, clientBytes: 100 * 2 ** 20, totalReports: 1000, totalBytes: 10000 * 2 ** 20 });
  });

  it('names every bad limit at once', () => {
    assert.deepEqual(
      fieldsOf({
        CARAVAN_TRUST_PROXY: 'yes',
        CARAVAN_LIMIT_PERIOD: '-1',
        CARAVAN_LIMIT_CLIENT_REPORTS: '0',
        CARAVAN_LIMIT_CLIENT_MB: '1.5',
        CARAVAN_LIMIT_TOTAL_REPORTS: 'many',
        CARAVAN_LIMIT_TOTAL_MB: ' ',
        CARAVAN_LIMIT_DISK_RESERVE_MB: '-5',
      }),
      [
        'CARAVAN_TRUST_PROXY',
        'CARAVAN_LIMIT_PERIOD',
        'CARAVAN_LIMIT_CLIENT_REPORTS',
        'CARAVAN_LIMIT_CLIENT_MB',
        'CARAVAN_LIMIT_TOTAL_REPORTS',
        'CARAVAN_LIMIT_TOTAL_MB',
        'CARAVAN_LIMIT_DISK_RESERVE_MB',
      ],
    );
  });

  it('treats empty variables as unset', () => {
    const c = loadConfig({ PORT: '', HOST: '', DATABASE_URL: '', CARAVAN_ORIGIN: '', CARAVAN_DEMO: '' });
    assert.deepEqual([c.port, c.host, c.databaseUrl, c.demo], [8080, '127.0.0.1', undefined, true]);
  });
});
