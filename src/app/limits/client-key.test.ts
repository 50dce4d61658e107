import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClientKeys, clientNetwork } from './client-key.ts';

test('an IPv6 client is counted by its /64, an IPv4 one by its address', () => {
  assert.equal(clientNetwork('203.0.113.7'), '203.0.113.7');
  assert.equal(clientNetwork('::ffff:203.0.113.7'), '203.0.113.7');
  assert.equal(clientNetwork('2001:db8:4a:7::1'), '2001:db8:4a:7::/64');
  assert.equal(clientNetwork('2001:0db8:004a:0007:89ab:cdef:0123:4567'), '2001:db8:4a:7::/64');
  assert.equal(clientNetwork('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(clientNetwork('2001:DB8:0:0:ffff::2'), '2001:db8:0:0::/64');
  assert.equal(clientNetwork('fe80::1%eth0'), 'fe80:0:0:0::/64');
  assert.notEqual(clientNetwork('2001:db8:4a:7::1'), clientNetwork('2001:db8:4a:8::1'));
});

test('the key naming clients is replaced each period, dropping what was kept under it', () => {
  let now = new Date('2026-01-05T10:10:00Z');
  let drops = 0;
  let draws = 0;
  const keys = new ClientKeys(
    3600_000,
    () => now,
    (n) => new Uint8Array(n).fill(++draws),
  );
  keys.onRotate(() => drops++);
  const first = keys.keyOf('203.0.113.7');
  assert.equal(keys.keyOf('203.0.113.7'), first, 'the same client has one name within a period');
  assert.notEqual(keys.keyOf('203.0.113.8'), first);
  assert.doesNotMatch(first, /203|113/);
  assert.equal(keys.secondsLeft(), 50 * 60);
  now = new Date('2026-01-05T11:00:00Z');
  assert.notEqual(keys.keyOf('203.0.113.7'), first, 'and another name in the next one');
  assert.equal(drops, 2, 'per-client state is dropped at every new key');
});
