/**
 * One embedded store, many commands: while `caravan serve` holds a data folder, every other
 * command that opens the store refuses at once and changes nothing; a second serve refuses; a
 * lock left by a killed server is taken over. Real processes, as an operator runs them.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { StoreBusyError, lockStore } from '../src/store/lock.ts';
import { ROOT } from './fixtures/origin-process.ts';
import { caravanEnv, runCaravan, serverSchema, startServe } from './fixtures/serve-process.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'caravan-lock-'));
});
after(() => rm(dir, { recursive: true, force: true }));

describe('the store lock', () => {
  it('refuses while its holder lives and is free again once released', () => {
    const path = join(dir, 'a.lock');
    const lock = lockStore(path, 'a', 'caravan serve');
    assert.throws(
      () => lockStore(path, 'a', 'caravan user add'),
      (err: unknown) => {
        assert.ok(err instanceof StoreBusyError);
        assert.equal(err.holder.pid, process.pid);
        assert.match(err.message, /in use by caravan serve \(process \d+/);
        assert.match(err.message, /Stop that server first/);
        return true;
      },
    );
    lock.release();
    lockStore(path, 'a', 'caravan user add').release();
  });

  it('takes over a lock whose process has died, or whose pid now belongs to another process', async () => {
    const dead = join(dir, 'dead.lock');
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => child.once('exit', r));
    await writeFile(
      dead,
      JSON.stringify({
        pid: child.pid,
        command: 'caravan serve',
        since: '2022-01-05T10:00:00Z',
        host: (await import('node:os')).hostname(),
        started: null,
        token: 'old',
      }),
    );
    lockStore(dead, 'd', 'caravan serve').release();

    const reused = join(dir, 'reused.lock');
    await writeFile(
      reused,
      JSON.stringify({
        pid: process.pid,
        command: 'caravan serve',
        since: '2022-01-05T10:00:00Z',
        host: (await import('node:os')).hostname(),
        started: '1',
        token: 'old',
      }),
    );
    lockStore(reused, 'r', 'caravan serve').release();
  });

  it('lets exactly one of many processes racing for a stale lock have it', async () => {
    for (let round = 0; round < 3; round++) {
      const path = join(dir, `race-${round}.lock`);
      await writeFile(
        path,
        JSON.stringify({
          pid: 2 ** 22 + 7,
          command: 'caravan serve',
          since: '',
          host: (await import('node:os')).hostname(),
          started: null,
          token: 'stale',
        }),
      );
      const script = `import { lockStore } from ${JSON.stringify(join(ROOT, 'src/store/lock.ts'))};
        try { lockStore(${JSON.stringify(path)}, 'race', 'racer'); console.log('won'); setTimeout(() => {}, 1500); }
        catch (e) { console.log(e.code === 'store_busy' ? 'refused' : 'error ' + e.message); }`;
      const outs = await Promise.all(
        Array.from(
          { length: 6 },
          () =>
            new Promise<string>((resolve) => {
              const p = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT });
              let out = '';
              p.stdout.on('data', (d: Buffer) => (out += d.toString()));
              p.stderr.on('data', (d: Buffer) => (out += d.toString()));
              p.once('exit', () => resolve(out.trim()));
            }),
        ),
      );
      assert.equal(outs.filter((o) => o === 'won').length, 1, `round ${round}: ${outs.join(' | ')}`);
      assert.equal(outs.filter((o) => o === 'refused').length, 5, `round ${round}: ${outs.join(' | ')}`);
    }
  });
});

describe('caravan serve and every other command on one embedded store', () => {
  it('refuses each command at once, changes nothing, and refuses a second serve', async () => {
    const data = join(dir, 'served');
    const env = caravanEnv(data);
    // One account and one report before the server starts, to find again afterwards.
    assert.equal(
      (await runCaravan(['user', 'add', 'aigerim', '--role', 'admin', '--password-stdin'], env, 'a long enough passphrase\n')).code,
      0,
    );
    const server = await startServe({ dataDir: data });
    try {
      const report = await fetch(`${server.url}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ what: 'Crowd at the akimat, before the lock test', where: 'Almaty' }),
      });
      assert.equal(report.status, 201);
      const { receiptCode } = (await report.json()) as { receiptCode: string };
      await writeFile(join(dir, 'armored.txt'), 'not an armored block');
      const commands = [
        ['user', 'add', 'mallory', '--role', 'admin', '--password-stdin'],
        ['user', 'list'],
        ['demo', '--reset'],
        ['import', 'armored', join(dir, 'armored.txt')],
        ['keys', 'editor', 'list'],
        ['witness', 'list'],
        ['mirror', 'status'],
        ['relay', 'status'],
        ['bundle', 'export', join(dir, 'out.tar')],
        ['export-site', join(dir, 'site')],
      ];
      for (let round = 0; round < 2; round++) {
        const results = await Promise.all(commands.map((args) => runCaravan(args, env, 'a long enough passphrase\n')));
        for (const [i, r] of results.entries()) {
          assert.equal(r.code, 1, `caravan ${commands[i]!.join(' ')} exits 1: ${r.out}`);
          assert.match(r.out, /in use by caravan serve \(process \d+/, `caravan ${commands[i]!.join(' ')} says who holds the store`);
          assert.doesNotMatch(r.out, /\n\s+at /, 'no stack trace');
        }
      }
      const second = await runCaravan(['serve'], env);
      assert.equal(second.code, 1);
      assert.match(second.out, /in use by caravan serve/);

      // The server never noticed: it still serves and still has its report.
      const status = await fetch(`${server.url}/api/v1/reports/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: receiptCode }),
      });
      assert.equal(status.status, 200);
      assert.equal((await fetch(`${server.url}/`)).status, 200);
    } finally {
      assert.equal(await server.stop('SIGTERM'), 0);
    }
    const users = await runCaravan(['user', 'list'], env);
    assert.equal(users.code, 0, users.out);
    assert.equal(users.out.trim(), 'aigerim\tadmin', 'the refused "user add" added nobody, and nothing was lost');
  });

  it('takes over from a server killed with SIGKILL, again and again', async () => {
    const data = join(dir, 'killed');
    for (let round = 0; round < 3; round++) {
      const server = await startServe({ dataDir: data });
      const res = await fetch(`${server.url}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ what: `Report ${round} before the kill`, where: 'Zhanaozen' }),
      });
      assert.equal(res.status, 201);
      await server.stop('SIGKILL');
      const lock = JSON.parse(await readFile(join(data, 'pglite.lock'), 'utf8')) as { pid: number };
      assert.equal(lock.pid, server.child.pid, 'the killed server left its lock behind');
    }
    const server = await startServe({ dataDir: data, env: { CARAVAN_DEMO: 'false' } });
    try {
      assert.equal((await fetch(`${server.url}/`)).status, 200);
    } finally {
      await server.stop('SIGTERM');
    }
  });
});

// Where the suite has a PostgreSQL server: there is no lock, and commands run beside servers.
const serverUrl = process.env.DATABASE_URL;
if (serverUrl) {
  describe('caravan serve and other commands on a PostgreSQL server', () => {
    it('runs two servers and a command on one database at once', async () => {
      const schema = await serverSchema(serverUrl);
      const data = join(dir, 'on-server');
      const env = caravanEnv(data, { DATABASE_URL: schema.url });
      const one = await startServe({ dataDir: data, env: { DATABASE_URL: schema.url } });
      const two = await startServe({ dataDir: data, env: { DATABASE_URL: schema.url } });
      try {
        const added = await runCaravan(
          ['user', 'add', 'aigerim', '--role', 'admin', '--password-stdin'],
          env,
          'a long enough passphrase\n',
        );
        assert.equal(added.code, 0, added.out);
        for (const server of [one, two]) assert.equal((await fetch(`${server.url}/`)).status, 200);
        const users = await runCaravan(['user', 'list'], env);
        assert.equal(users.out.trim(), 'aigerim\tadmin');
      } finally {
        await one.stop('SIGTERM');
        await two.stop('SIGTERM');
        await schema.drop();
      }
    });
  });
}
