/** SMSSync payloads: every fixture, valid and invalid side by side. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ValidationError } from '../core/errors.ts';
import { parseSmsSyncForm } from './smssync.ts';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const read = (dir: string, name: string) => readFileSync(new URL(`${dir}/${name}`, FIXTURES), 'utf8');
const list = (dir: string) => readdirSync(new URL(dir, FIXTURES)).sort();
const formOf = (body: string) => Object.fromEntries(new URLSearchParams(body));

/** The field each invalid fixture must be refused for. */
const SMSSYNC_INVALID: Record<string, string> = {
  'blank-message.form': 'message',
  'no-from.form': 'from',
  'timestamp-in-1970.form': 'sent_timestamp',
  'words-for-timestamp.form': 'sent_timestamp',
};

function refusedFields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ValidationError, String(err));
    return err.problems.map((p) => p.field);
  }
  assert.fail('expected a ValidationError');
}

describe('SMSSync form', () => {
  it('reads milliseconds and the keypad message', () => {
    const m = parseSmsSyncForm(formOf(read('smssync/valid', 'keypad-milliseconds.form')));
    assert.equal(m.from, '+77011234567');
    assert.equal(m.message, 'ALMATY 05.01 14:00 shooting near Republic Square');
    assert.equal(m.messageId, '2b4c6d8e-0f1a-4b3c-9d5e-7f8091a2b3c4');
    assert.equal(m.sentTo, '+77770000000');
    assert.equal(m.deviceId, 'gateway-1');
    assert.equal(m.secret, 'fixture-secret');
    assert.equal(m.sentAt?.toISOString(), '2022-01-05T08:00:00.000Z');
  });

  it('reads seconds as seconds', () => {
    const m = parseSmsSyncForm(formOf(read('smssync/valid', 'cyrillic-seconds.form')));
    assert.equal(m.message, 'АЛМАТЫ 5/1 14.00 горит акимат');
    assert.equal(m.sentAt?.toISOString(), '2022-01-05T08:00:00.000Z');
  });

  it('needs only the sender and the text', () => {
    const m = parseSmsSyncForm(formOf(read('smssync/valid', 'minimal.form')));
    assert.deepEqual(m, { from: '+77011234567', message: 'internet is down in the whole city, send help' });
  });

  it('has a test for every fixture', () => {
    assert.deepEqual(list('smssync/invalid'), Object.keys(SMSSYNC_INVALID).sort());
    assert.deepEqual(list('smssync/valid'), ['cyrillic-seconds.form', 'keypad-milliseconds.form', 'minimal.form']);
  });

  for (const [name, field] of Object.entries(SMSSYNC_INVALID)) {
    it(`refuses ${name}, naming ${field}`, () => {
      assert.deepEqual(
        refusedFields(() => parseSmsSyncForm(formOf(read('smssync/invalid', name)))),
        [field],
      );
    });
  }
});
