import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    assert.match(stored, /^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    assert.ok(!stored.includes('correct horse'));
    assert.equal(await verifyPassword('correct horse battery', stored), true);
    assert.equal(await verifyPassword('correct horse batterY', stored), false);
    assert.equal(await verifyPassword('', stored), false);
  });

  it('salts each hash, so equal passwords do not look equal', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    assert.notEqual(a, b);
    assert.ok(await verifyPassword('same password', a));
    assert.ok(await verifyPassword('same password', b));
  });

  it('treats composed and decomposed letters alike', async () => {
    const stored = await hashPassword('Жаңаөзен\u00e9');
    assert.ok(await verifyPassword('Жаңаөзен\u0065\u0301', stored));
  });

  it('answers false, without throwing, for a malformed stored hash', async () => {
    const good = await hashPassword('some password');
    const [, n, r, p, salt, hash] = good.split('$');
    const malformed = [
      '',
      'plain text',
      'bcrypt$2b$10$abc',
      `scrypt$${n}$${r}$${p}$${salt}`,
      `scrypt$abc$${r}$${p}$${salt}$${hash}`,
      `scrypt$3$${r}$${p}$${salt}$${hash}`,
      `scrypt$${n}$0$${p}$${salt}$${hash}`,
      `scrypt$${n}$${r}$-1$${salt}$${hash}`,
      // Parameters that would make one login attempt take gigabytes of memory.
      `scrypt$${2 ** 30}$${r}$${p}$${salt}$${hash}`,
      `scrypt$${n}$${r}$${p}$${salt}$${hash}$extra`,
    ];
    for (const stored of malformed) assert.equal(await verifyPassword('some password', stored), false, stored);
  });
});

describe('passwordProblem', () => {
  it('wants 10 to 200 characters', async () => {
    assert.match((await passwordProblem('short', 'aigerim')) ?? '', /at least 10/);
    assert.match((await passwordProblem('x'.repeat(201), 'aigerim')) ?? '', /at most 200/);
  });

  it('refuses repetitive, common and keyboard passwords, offline', async () => {
    const refused: Array<[string, RegExp]> = [
      [' '.repeat(10), /repeats itself/],
      ['x'.repeat(10), /repeats itself/],
      ['abcabcabcabc', /repeats itself/],
      ['password12', /common password/],
      ['Password123!', /common password/],
      ['1234567890', /common password|sequence/],
      ['qwertyuiop', /common password|row of keys/],
    ];
    for (const [password, why] of refused) {
      const problem = await passwordProblem(password, 'aigerim');
      assert.match(problem ?? '', why, JSON.stringify(password));
      assert.match(problem!, /too easy to guess/);
    }
  });

  it('refuses a password holding the username, in any case', async () => {
    assert.equal(await passwordProblem('aigerim1234', 'aigerim'), 'must not contain the username');
    assert.equal(await passwordProblem('my name is AIGERIM ok', 'aigerim'), 'must not contain the username');
    assert.equal(await passwordProblem('aigerim.n', 'aigerim.n'), 'must be at least 10 characters');
    assert.equal(await passwordProblem('aigerim.nurlanova', 'aigerim.nurlanova'), 'must not contain the username');
  });

  it('accepts a passphrase of unrelated words', async () => {
    for (const password of ['correct horse battery', 'zhanaozen tea kettle', 'given over signal']) {
      assert.equal(await passwordProblem(password, 'aigerim'), undefined, password);
    }
  });
});
