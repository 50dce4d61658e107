import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateEventData } from '../core/event.ts';
import { getPlace } from '../core/gazetteer/search.ts';
import { VERIFICATION_STATUSES } from '../core/verification.ts';
import { demoEventData, demoEventRevisions } from './convert.ts';
import { DEMO_EVENTS, DEMO_REPORTS, DEMO_WITNESS_SOURCES, ZINE_OUTLET, ZINE_URL, type DemoEvent } from './kazakhstan-2022.ts';

const byKey = (key: string): DemoEvent => {
  const e = DEMO_EVENTS.find((x) => x.key === key);
  assert.ok(e, `no demo event ${key}`);
  return e;
};

describe('demo chronicle: Kazakhstan, January 2022', () => {
  it('has at least 45 events with unique keys', () => {
    assert.ok(DEMO_EVENTS.length >= 45, `only ${DEMO_EVENTS.length} events`);
    const keys = DEMO_EVENTS.map((e) => e.key);
    const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
    assert.deepEqual(dupes, []);
  });

  it('places every event at a gazetteer place, at least 12 distinct', () => {
    const unknown = [...new Set(DEMO_EVENTS.map((e) => e.placeId))].filter((id) => !getPlace(id));
    assert.deepEqual(unknown, [], `place ids missing from the gazetteer: ${unknown.join(', ')}`);
    const places = new Set(DEMO_EVENTS.map((e) => e.placeId));
    assert.ok(places.size >= 12, `only ${places.size} places`);
  });

  it('keeps every date between 1 and 11 January 2022', () => {
    for (const e of DEMO_EVENTS) {
      for (const d of [e.date, e.endDate]) {
        if (d === undefined) continue;
        assert.match(d, /^\d{4}-\d{2}-\d{2}$/, e.key);
        assert.ok(d >= '2022-01-01' && d <= '2022-01-11', `${e.key}: ${d} is out of range`);
      }
      if (e.endDate) assert.ok(e.endDate >= e.date, `${e.key} ends before it starts`);
    }
  });

  it('converts every event to a valid EventData document', () => {
    for (const e of DEMO_EVENTS) {
      const data = demoEventData(e);
      assert.doesNotThrow(() => validateEventData(data), `${e.key} is not a valid event`);
      assert.equal(data.location.placeId, e.placeId);
      assert.ok(data.location.admin1, `${e.key} has no admin1`);
      assert.equal(data.location.country, 'KAZ');
    }
  });

  it('applies each correction as a valid later revision', () => {
    const corrected = DEMO_EVENTS.filter((e) => e.corrections?.length);
    assert.ok(corrected.length >= 1);
    for (const e of corrected) {
      const revisions = demoEventRevisions(e);
      assert.equal(revisions.length, 1 + e.corrections!.length);
      for (let i = 1; i < revisions.length; i++) {
        const prev = revisions[i - 1]!.data.status;
        assert.doesNotThrow(() => validateEventData(revisions[i]!.data, prev), `${e.key} revision ${i + 1}`);
        assert.ok(revisions[i]!.reason.trim(), `${e.key} correction ${i} has no reason`);
      }
    }
    const toll = demoEventRevisions(byKey('official-toll-0109'));
    assert.equal(toll.at(-1)!.data.status, 'disputed');
    assert.equal(toll.at(-1)!.data.fatalities.min, 225);
  });

  it('uses all five verification statuses, with at least two disputed and one retracted', () => {
    const statuses = DEMO_EVENTS.map((e) => e.status);
    for (const s of VERIFICATION_STATUSES) assert.ok(statuses.includes(s), `no ${s} event`);
    assert.ok(statuses.filter((s) => s === 'disputed').length >= 2);
  });

  it('mixes every time precision', () => {
    const precisions = new Set(DEMO_EVENTS.map((e) => e.precision));
    for (const p of ['minute', 'hour', 'part_of_day', 'day', 'days', 'month'])
      assert.ok(precisions.has(p as DemoEvent['precision']), `no ${p}`);
    for (const e of DEMO_EVENTS.filter((x) => x.precision === 'days')) assert.ok(e.endDate, `${e.key} is an interval without an end`);
  });

  it('reads local time in the place’s own zone', () => {
    const zhanaozen = demoEventData(byKey('zhanaozen-0102-rally'));
    assert.equal(zhanaozen.time.start, '2022-01-02T05:00:00.000Z');
    assert.equal(zhanaozen.time.timeZone, getPlace('kz-zhanaozen')!.timeZone);

    const lastMessage = byKey('almaty-0105-last-message');
    assert.equal(lastMessage.placeId, 'kz-almaty');
    assert.equal(demoEventData(lastMessage).time.start, '2022-01-05T09:50:00.000Z');

    const interval = demoEventData(byKey('almaty-0106-gunfire'));
    assert.equal(interval.time.end, '2022-01-07T17:59:00.000Z');
  });

  it('cites the zine on at least three events', () => {
    const citing = DEMO_EVENTS.filter((e) => e.sources.some((s) => s.kind === 'link' && s.outlet === ZINE_OUTLET && s.url === ZINE_URL));
    assert.ok(citing.length >= 3, `zine cited on ${citing.length} events`);
  });

  it('links only to outlet home pages and cites private sources by known keys', () => {
    const witnessKeys = new Set(DEMO_WITNESS_SOURCES.map((w) => w.key));
    assert.ok(DEMO_WITNESS_SOURCES.length >= 2 && DEMO_WITNESS_SOURCES.length <= 3);
    let privateCitations = 0;
    for (const e of DEMO_EVENTS) {
      assert.ok(e.sources.length >= 1, `${e.key} has no source`);
      for (const s of e.sources) {
        if (s.kind === 'link') {
          const path = new URL(s.url!).pathname;
          assert.ok(path === '/' || path === '/russian', `${e.key} links to a deep address ${s.url}`);
          assert.ok(s.outlet && s.title && s.scale, `${e.key} link lacks outlet, title or scale`);
        } else {
          assert.equal(s.kind, 'source');
          assert.ok(witnessKeys.has(s.sourceId!), `${e.key} cites unknown source ${s.sourceId}`);
          privateCitations++;
        }
      }
    }
    assert.ok(privateCitations >= 2);
  });

  it('has a triage queue of reports, mostly new, with one duplicate and one rejected', () => {
    assert.ok(DEMO_REPORTS.length >= 8 && DEMO_REPORTS.length <= 12);
    const keys = new Set(DEMO_REPORTS.map((r) => r.key));
    assert.equal(keys.size, DEMO_REPORTS.length);
    const eventKeys = new Set(DEMO_EVENTS.map((e) => e.key));
    for (const r of DEMO_REPORTS) {
      assert.ok(!Number.isNaN(Date.parse(r.receivedAt)), r.key);
      if (r.state === 'linked') assert.ok(r.eventKey && eventKeys.has(r.eventKey), `${r.key} links to a missing event`);
      if (r.state === 'duplicate') assert.ok(r.duplicateOf && keys.has(r.duplicateOf), `${r.key} duplicates a missing report`);
    }
    const count = (s: string) => DEMO_REPORTS.filter((r) => r.state === s).length;
    assert.ok(count('new') > DEMO_REPORTS.length / 2);
    assert.ok(count('duplicate') >= 1 && count('rejected') >= 1);
  });
});
