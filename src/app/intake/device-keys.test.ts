/**
 * Reports whose key was chosen on the reporter's device: one key space over every channel, a
 * receipt code derived from the key, and private fields that arrive already encrypted.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { Decrypter, Encrypter, armor, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { armoredToReportInput, decodeArmoredReport, encodeArmoredReport } from '../../core/armor.ts';
import { ConflictError, ValidationError } from '../../core/errors.ts';
import { receiptCodeFromBytes } from '../../core/report.ts';
import type { Db } from '../../store/db.ts';
import { findReportByReceipt } from '../../store/reports.ts';
import { openTestDb } from '../../store/testing.ts';
import { loadConfig } from '../config.ts';
import { type AppContext, contextFor } from '../context.ts';
import { acceptReport, receiptCodeForDeviceKey } from './accept.ts';

let db: Db;
let ctx: AppContext;
before(async () => {
  db = await openTestDb();
  ctx = contextFor(loadConfig({ CARAVAN_DATA: '/nonexistent-test-data' }), db);
});
after(() => db.close());

const count = async () => (await db.query<{ n: number }>('select count(*)::int as n from reports'))[0]!.n;

async function sealFor(recipients: string[], fields: Record<string, string>): Promise<string> {
  const e = new Encrypter();
  for (const r of recipients) e.addRecipient(r);
  return armor.encode(await e.encrypt(JSON.stringify(fields)));
}

test('a device key gives the same report and receipt code over the API, the form and an armored block', async () => {
  const key = 'device:AAECAwQFBgcICQoLDA0ODw';
  const input = { what: 'Barricades on Furmanov street', where: 'Almaty', howKnown: 'saw' };
  const before = await count();
  const api = await acceptReport(ctx, { ...input, idempotencyKey: key }, { channel: 'api' });
  const web = await acceptReport(ctx, { ...input, idempotencyKey: key }, { channel: 'web' });
  const block = encodeArmoredReport({ deviceId: key.slice('device:'.length), what: input.what, where: input.where, howKnown: 'saw' });
  const relayed = await acceptReport(ctx, armoredToReportInput(decodeArmoredReport(block)), { channel: 'relay' });
  assert.equal(await count(), before + 1);
  assert.deepEqual([api.created, web.created, relayed.created], [true, false, false]);
  assert.equal(web.receiptCode, api.receiptCode);
  assert.equal(relayed.receiptCode, api.receiptCode);
  // What the browser computes with SubtleCrypto.
  const digest = createHash('sha256').update(`caravan-receipt\n${key}`).digest();
  assert.equal(api.receiptCode, receiptCodeFromBytes(digest));
  assert.equal(receiptCodeForDeviceKey(key), api.receiptCode);
  // A different text under the same device key is refused whatever the channel.
  await assert.rejects(acceptReport(ctx, { ...input, what: 'Something else', idempotencyKey: key }, { channel: 'relay' }), ConflictError);
});

test('other keys stay scoped to their channel with random codes', async () => {
  const a = await acceptReport(ctx, { what: 'Same', idempotencyKey: 'device-not-really' }, { channel: 'api' });
  const b = await acceptReport(ctx, { what: 'Same', idempotencyKey: 'device-not-really' }, { channel: 'web' });
  assert.notEqual(a.receiptCode, b.receiptCode);
});

test('an encrypted contact is stored as it came and opens only with an editor identity', async () => {
  const alice = await generateX25519Identity();
  const bob = await generateX25519Identity();
  const contactAge = await sealFor([await identityToRecipient(alice), await identityToRecipient(bob)], {
    contact: 'signal: +7 701 000 0000',
    where: 'my building, 3rd floor',
  });
  const r = await acceptReport(
    ctx,
    { what: 'Troops at the airport', contactAge, idempotencyKey: 'device:ZmZmZmZmZmZmZmZmZmZmZg' },
    { channel: 'api' },
  );
  const row = (await findReportByReceipt(db, r.receiptCode))!;
  assert.equal(row.contact_age, contactAge);
  assert.equal(row.contact_sealed, null);
  assert.equal(row.claimed_where, null);
  assert.doesNotMatch(JSON.stringify(row), /701 000|3rd floor/);
  for (const identity of [alice, bob]) {
    const d = new Decrypter();
    d.addIdentity(identity);
    assert.deepEqual(JSON.parse(await d.decrypt(armor.decode(row.contact_age!), 'text')), {
      contact: 'signal: +7 701 000 0000',
      where: 'my building, 3rd floor',
    });
  }
  // Resending the same ciphertext is the same report; another ciphertext under the key is not.
  assert.equal(
    (
      await acceptReport(
        ctx,
        { what: 'Troops at the airport', contactAge, idempotencyKey: 'device:ZmZmZmZmZmZmZmZmZmZmZg' },
        { channel: 'api' },
      )
    ).created,
    false,
  );
  const other = await sealFor([await identityToRecipient(alice)], { contact: 'someone else' });
  await assert.rejects(
    acceptReport(
      ctx,
      { what: 'Troops at the airport', contactAge: other, idempotencyKey: 'device:ZmZmZmZmZmZmZmZmZmZmZg' },
      { channel: 'api' },
    ),
    ConflictError,
  );
});

test('contactAge must be armored age, not too large, and not beside a clear contact', async () => {
  const before = await count();
  const problems = async (input: Record<string, unknown>) => {
    try {
      await acceptReport(ctx, { what: 'x', ...input }, { channel: 'api' });
    } catch (err) {
      if (err instanceof ValidationError) return err.problems.map((p) => p.field);
      throw err;
    }
    return [];
  };
  assert.deepEqual(await problems({ contactAge: 'my phone is 123' }), ['contactAge']);
  assert.deepEqual(await problems({ contactAge: 42 }), ['contactAge']);
  const big = `-----BEGIN AGE ENCRYPTED FILE-----\n${'A'.repeat(20000)}\n-----END AGE ENCRYPTED FILE-----\n`;
  assert.deepEqual(await problems({ contactAge: big }), ['contactAge']);
  const ok = await sealFor([await identityToRecipient(await generateX25519Identity())], { contact: 'x' });
  assert.deepEqual(await problems({ contactAge: ok, contact: 'clear' }), ['contactAge']);
  assert.equal(await count(), before);
});
