/**
 * `caravan user add` as an operator runs it: a weak password is refused, saying why, and adds no
 * account. On the embedded store, and on a PostgreSQL server when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { caravanEnv, runCaravan, serverSchema } from './fixtures/serve-process.ts';

let dir: string;
let drop: (() => Promise<void>) | undefined;
let env: Record<string, string | undefined>;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'caravan-user-add-'));
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = await serverSchema(url);
    drop = schema.drop;
    env = caravanEnv(dir, { DATABASE_URL: schema.url });
  } else env = caravanEnv(dir);
});
after(async () => {
  await drop?.();
  await rm(dir, { recursive: true, force: true });
});

const add = (username: string, password: string) => runCaravan(['user', 'add', username, '--password-stdin'], env, `${password}\n`);

it('refuses ten spaces, a common password and one holding the username, and adds nobody', async () => {
  const refused: Array<[string, RegExp]> = [
    [' '.repeat(10), /password repeats itself/],
    ['password12', /password is a common password/],
    ['aigerim-from-almaty', /password must not contain the username/],
  ];
  for (const [password, why] of refused) {
    const run = await add('aigerim', password);
    assert.equal(run.code, 2, run.out);
    assert.match(run.out, why);
  }
  assert.equal((await runCaravan(['user', 'list'], env)).out.trim(), '', 'no account was added');

  const ok = await add('aigerim', 'steppe kettle lantern');
  assert.equal(ok.code, 0, ok.out);
  assert.equal((await runCaravan(['user', 'list'], env)).out.trim(), 'aigerim\teditor');
});

it('states the rule in its help', async () => {
  const help = await runCaravan(['user', '--help'], env);
  assert.match(help.out, /At least 10 characters; not a common password, a repetition or a keyboard sequence; not containing the username/);
});
