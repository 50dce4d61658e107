import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSmsTimestamp } from './sms-time.ts';

test('Unix times are read in seconds or milliseconds by their size', () => {
  const iso = (s: string) => {
    const d = parseSmsTimestamp(s);
    return d instanceof Date ? d.toISOString() : d.problem;
  };
  assert.equal(iso('1641369600'), '2022-01-05T08:00:00.000Z');
  assert.equal(iso('1641369600000'), '2022-01-05T08:00:00.000Z');
  assert.equal(iso('1641369600.25'), '2022-01-05T08:00:00.250Z');
  // Just below the millisecond threshold: seconds, in the year 5138.
  assert.equal(iso('99999999999'), 'is not a time between 2000 and 2100');
  assert.equal(iso('5'), 'is not a time between 2000 and 2100');
  assert.equal(iso('-1641369600'), 'must be a Unix time in seconds or milliseconds');
  assert.equal(iso('1e12'), 'must be a Unix time in seconds or milliseconds');
});
