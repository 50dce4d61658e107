/**
 * What the HTTP boundary makes of text the database refuses, and what reaches the log: real
 * errors from the store under test (PGlite, or PostgreSQL with DATABASE_URL), never request content.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp } from './app.tsx';
import { sqlStateOf } from '../store/errors.ts';
import { UnstorableTextError, describeForLog, refusalOf } from './database-errors.ts';
import { type TestApp, openTestApp } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp();
});
after(() => t.close());

async function errorOf(sql: string, params: unknown[]): Promise<unknown> {
  try {
    await t.db.query(sql, params);
  } catch (err) {
    return err;
  }
  throw new Error(`${sql} did not fail`);
}

const SECRET = 'reporter-wrote-this';

describe('database errors', () => {
  it('turn a NUL in text or in jsonb into a refusal, and nothing else', async () => {
    const inText = await errorOf('select $1::text as v', [`${SECRET}\u0000`]);
    const inJson = await errorOf('select $1::jsonb as v', [JSON.stringify({ what: `${SECRET}\u0000` })]);
    assert.equal(sqlStateOf(inText), '22021');
    assert.equal(sqlStateOf(inJson), '22P05');
    assert.ok(refusalOf(inText) instanceof UnstorableTextError);
    assert.ok(refusalOf(inJson) instanceof UnstorableTextError);
    const notANumber = await errorOf('select $1::int as v', [SECRET]);
    assert.equal(refusalOf(notANumber), undefined);
    assert.equal(refusalOf(Object.assign(new Error('broken pipe'), { code: 'EPIPE' })), undefined);
  });

  it('are logged by SQLSTATE and stack frames, without the message that quotes the value', async () => {
    const err = await errorOf('select $1::int as v', [SECRET]);
    assert.ok(String((err as Error).message).includes(SECRET), 'the database quotes the value in its message');
    const line = describeForLog(err);
    assert.match(line, /SQLSTATE 22P02/);
    assert.ok(!line.includes(SECRET), line);
    assert.ok(!describeForLog(new SyntaxError(`Unexpected token in "${SECRET}"`)).includes(SECRET));
    assert.match(describeForLog(new TypeError('x is not a function')), /TypeError: x is not a function/);
  });
});

describe('the HTTP error mapping', () => {
  const logged: string[] = [];
  const failingWith = (err: unknown) => createApp({ ...t.ctx, db: { ...t.db, query: () => Promise.reject(err) } });

  it('answers 400 saying a field held a character that cannot be stored, and logs nothing', async (ctx) => {
    ctx.mock.method(console, 'error', (...args: unknown[]) => logged.push(args.join(' ')));
    const app = failingWith(await errorOf('select $1::text as v', [`${SECRET}\u0000`]));
    const res = await app.request('http://localhost/api/v1/events');
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'unstorable_text');
    assert.match(body.error.message, /cannot be stored/);
    assert.deepEqual(logged, []);
  });

  it('logs an unexpected error with the route, not the path or the value', async (ctx) => {
    ctx.mock.method(console, 'error', (...args: unknown[]) => logged.push(args.join(' ')));
    const app = failingWith(await errorOf('select $1::int as v', [SECRET]));
    const res = await app.request(`http://localhost/api/v1/events/1?${SECRET}=1`, { headers: { accept: 'application/json' } });
    assert.equal(res.status, 500);
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /^error on GET \/api\/v1\/events\/:id: /);
    assert.ok(!logged[0]!.includes(SECRET), logged[0]);
  });
});
