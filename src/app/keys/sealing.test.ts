import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createSealer, loadSealingKey } from './sealing.ts';

describe('createSealer', () => {
  const sealer = createSealer(randomBytes(32));

  it('opens what it sealed', () => {
    for (const plain of ['@witness on Telegram, +7 701 000 0000', '', 'Айгуль, Жаңаөзен 🙂']) {
      assert.equal(sealer.open(sealer.seal(plain)), plain);
    }
  });

  it('does not show the plain text, and seals the same text differently each time', () => {
    const plain = 'signal: +77010000000';
    const a = sealer.seal(plain);
    const b = sealer.seal(plain);
    assert.ok(!a.includes('77010000000'));
    assert.ok(!a.includes(Buffer.from(plain).toString('base64url').slice(0, 12)));
    assert.notEqual(a, b);
  });

  it('refuses tampered, truncated or foreign values', () => {
    const sealed = sealer.seal('contact me at x@example.org');
    const [v, iv, body, tag] = sealed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    assert.throws(() => sealer.open([v, iv, flipped.toString('base64url'), tag].join('.')));
    assert.throws(() => sealer.open([v, iv, body].join('.')));
    const shortTag = Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url');
    assert.throws(() => sealer.open([v, iv, body, shortTag].join('.')), 'a truncated tag must not pass');
    assert.throws(() => sealer.open(`v2.${iv}.${body}.${tag}`));
    assert.throws(() => sealer.open('plain text'));
    assert.throws(() => createSealer(randomBytes(32)).open(sealed), 'another key cannot open it');
  });

  it('needs a 32-byte key', () => {
    assert.throws(() => createSealer(randomBytes(16)));
  });
});

describe('loadSealingKey', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caravan-sealing-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('creates a key only its owner can read, and reads the same key again', async () => {
    const key = await loadSealingKey(dir);
    assert.equal(key.length, 32);
    const file = join(dir, 'keys', 'contact.key');
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.equal((await stat(join(dir, 'keys'))).mode & 0o077, 0);
    const again = await loadSealingKey(dir);
    assert.deepEqual(Buffer.from(again), Buffer.from(key));
    const sealed = createSealer(key).seal('who reported');
    assert.equal(createSealer(again).open(sealed), 'who reported');
  });

  it('gives one key to processes starting together', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'caravan-sealing-'));
    try {
      const keys = await Promise.all([loadSealingKey(fresh), loadSealingKey(fresh), loadSealingKey(fresh)]);
      assert.equal(new Set(keys.map((k) => Buffer.from(k).toString('hex'))).size, 1);
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it('refuses a key file that does not hold 32 bytes', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'caravan-sealing-'));
    try {
      await loadSealingKey(broken);
      await writeFile(join(broken, 'keys', 'contact.key'), 'c2hvcnQ=\n');
      await assert.rejects(loadSealingKey(broken), /32-byte/);
      assert.equal(await readFile(join(broken, 'keys', 'contact.key'), 'utf8'), 'c2hvcnQ=\n', 'the file is left alone');
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});
