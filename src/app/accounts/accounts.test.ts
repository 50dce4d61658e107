import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ValidationError } from '../../core/errors.ts';
import type { Db } from '../../store/db.ts';
import { openTestDb } from '../../store/testing.ts';
import { findUserByName } from '../../store/users.ts';
import { createUserAccount } from './accounts.ts';
import { verifyPassword } from './password.ts';

const problemFields = (err: unknown) => (err instanceof ValidationError ? err.problems.map((p) => p.field) : []);

describe('createUserAccount', () => {
  let db: Db;
  before(async () => {
    db = await openTestDb();
  });
  after(() => db.close());

  it('stores a hashed password that verifies', async () => {
    const user = await createUserAccount({ db }, { username: 'dana.k', password: 'a long enough secret', role: 'admin' });
    assert.equal(user.role, 'admin');
    const stored = await findUserByName(db, 'dana.k');
    assert.ok(await verifyPassword('a long enough secret', stored!.password_hash));
    assert.ok(!(await verifyPassword('a long enough secreT', stored!.password_hash)));
  });

  it('names every bad field at once', async () => {
    await assert.rejects(createUserAccount({ db }, { username: 'X', password: 'short', role: 'root' }), (err) => {
      assert.deepEqual(problemFields(err), ['username', 'password', 'role']);
      return true;
    });
  });

  it('refuses upper case, spaces and over-long names', async () => {
    for (const username of ['Dana', 'dana k', 'a'.repeat(41), 'дана']) {
      await assert.rejects(createUserAccount({ db }, { username, password: 'a long enough secret', role: 'editor' }), (err) => {
        assert.deepEqual(problemFields(err), ['username']);
        return true;
      });
    }
  });

  it('refuses a taken username as a problem with the username', async () => {
    await createUserAccount({ db }, { username: 'marat', password: 'a long enough secret', role: 'editor' });
    await assert.rejects(createUserAccount({ db }, { username: 'marat', password: 'another long secret', role: 'editor' }), (err) => {
      assert.deepEqual(problemFields(err), ['username']);
      return true;
    });
  });
});
