import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toPublicEvent } from './public-event.ts';
import { sampleEventData } from './testing.ts';

describe('toPublicEvent', () => {
  const data = sampleEventData({
    time: { start: '2022-01-04T20:30:00.000Z', precision: 'minute', timeZone: 'Asia/Almaty' },
    eventType: 'Protests',
    subEventType: 'Excessive force against protesters',
    actor1: { name: 'Police Forces of Kazakhstan (2019-)', type: 1, associated: [] },
    actor2: { name: 'Protesters (Kazakhstan)', type: 6, associated: [] },
    fatalities: { wording: 'dozens', max: 40 },
    statusReason: 'two witnesses',
    sources: [
      { kind: 'report', reportId: '17' },
      { kind: 'source', sourceId: '3' },
      { kind: 'link', url: 'https://example.org/a', outlet: 'Example', title: 'Shots fired', scale: 'National' },
      { kind: 'report', reportId: '18', url: 'https://private.example/leak' },
    ],
  });
  const pub = toPublicEvent(5, 2, data, '2022-01-06T00:00:00.000Z', '2022-01-05T00:00:00.000Z');

  it('shows only links and counts the private sources', () => {
    assert.deepEqual(pub.sources, [{ url: 'https://example.org/a', outlet: 'Example', title: 'Shots fired', scale: 'National' }]);
    assert.equal(pub.privateSourceCount, 3);
    const json = JSON.stringify(pub);
    for (const secret of ['reportId', 'sourceId', 'private.example', '"17"']) assert.ok(!json.includes(secret), secret);
  });

  it('dates the event on the local calendar of the place', () => {
    assert.equal(pub.localDate, '2022-01-05');
  });

  it('carries the ACLED fields', () => {
    assert.equal(pub.fatalities.acled, 12);
    assert.equal(pub.fatalities.wording, 'dozens');
    assert.equal(pub.disorderType, 'Political violence; Demonstrations');
    assert.equal(pub.interaction, 'State forces-Protesters');
    assert.equal(pub.timePrecisionAcled, 1);
    assert.equal(pub.statusReason, 'two witnesses');
    assert.deepEqual(
      [pub.id, pub.revision, pub.publishedAt, pub.firstPublishedAt],
      [5, 2, '2022-01-06T00:00:00.000Z', '2022-01-05T00:00:00.000Z'],
    );
  });

  it('reads a single actor as "only" and unknown fatalities as 0', () => {
    const solo = toPublicEvent(1, 1, sampleEventData(), '2022-01-06T00:00:00.000Z', '2022-01-06T00:00:00.000Z');
    assert.equal(solo.interaction, 'Protesters only');
    assert.equal(solo.fatalities.acled, 0);
    assert.equal(solo.actor2, undefined);
    assert.equal(solo.privateSourceCount, 0);
  });
});
