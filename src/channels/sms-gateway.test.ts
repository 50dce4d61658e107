/** SMS Gateway for Android webhooks: every fixture, valid and invalid side by side. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ValidationError } from '../core/errors.ts';
import { isGatewaySms, parseGatewayWebhook } from './sms-gateway.ts';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const read = (dir: string, name: string) => readFileSync(new URL(`${dir}/${name}`, FIXTURES), 'utf8');
const list = (dir: string) => readdirSync(new URL(dir, FIXTURES)).sort();

/** The field each invalid fixture must be refused for. */
const GATEWAY_INVALID: Record<string, string> = {
  'array.json': 'body',
  'message-not-text.json': 'payload.message',
  'no-id.json': 'id',
  'received-without-payload.json': 'payload',
  'time-without-offset.json': 'payload.receivedAt',
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

describe('SMS Gateway for Android webhook', () => {
  it('reads an sms:received event as the app documents it', () => {
    const m = parseGatewayWebhook(JSON.parse(read('sms-gateway/valid', 'received.json')));
    assert.ok(isGatewaySms(m));
    assert.deepEqual(m.envelope, {
      id: 'Ey6ECgOkVVFjz3CL48B8C',
      event: 'sms:received',
      deviceId: 'ffffffffceb0b1db0000018e937c815b',
      webhookId: 'LreFUt-Z3sSq0JufY9uWB',
    });
    assert.equal(m.phoneNumber, '+77011234567');
    assert.equal(m.message, 'ALMATY 05.01 14:00 shooting near Republic Square');
    assert.equal(m.messageId, 'abc123');
    assert.equal(m.receivedAt?.toISOString(), '2022-01-05T08:00:11.000Z');
  });

  it('accepts "sender" for the number and no time', () => {
    const m = parseGatewayWebhook(JSON.parse(read('sms-gateway/valid', 'received-sender-no-time.json')));
    assert.ok(isGatewaySms(m));
    assert.equal(m.phoneNumber, '+77019998877');
    assert.equal(m.receivedAt, undefined);
  });

  it('reads other events as an envelope without a report', () => {
    const m = parseGatewayWebhook(JSON.parse(read('sms-gateway/valid', 'ping.json')));
    assert.ok(!isGatewaySms(m));
    assert.deepEqual(m, {
      id: 'P1ng0000000000000000a',
      event: 'system:ping',
      deviceId: 'ffffffffceb0b1db0000018e937c815b',
      webhookId: 'Ping-Z3sSq0JufY9uWB',
    });
  });

  it('has a test for every fixture', () => {
    assert.deepEqual(list('sms-gateway/invalid'), Object.keys(GATEWAY_INVALID).sort());
    assert.deepEqual(list('sms-gateway/valid'), ['ping.json', 'received-sender-no-time.json', 'received.json']);
  });

  for (const [name, field] of Object.entries(GATEWAY_INVALID)) {
    it(`refuses ${name}, naming ${field}`, () => {
      assert.deepEqual(
        refusedFields(() => parseGatewayWebhook(JSON.parse(read('sms-gateway/invalid', name)))),
        [field],
      );
    });
  }
});
