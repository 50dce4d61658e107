import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PublicEvent, toPublicEvent } from '../core/public-event.ts';
import { sampleEventData } from '../core/testing.ts';
import { ChronologyPage, groupByDay } from './chronology.tsx';

function ev(id: number, start: string, timeZone = 'Asia/Almaty'): PublicEvent {
  const data = sampleEventData({ time: { start, precision: 'minute', timeZone } });
  return toPublicEvent(id, 1, data, '2022-01-06T00:00:00.000Z', '2022-01-06T00:00:00.000Z');
}

describe('groupByDay', () => {
  it('groups consecutive events by local date and keeps their order', () => {
    const days = groupByDay([
      ev(1, '2022-01-05T10:00:00Z'),
      ev(2, '2022-01-04T20:30:00Z'), // 5 January, 02:30 in Almaty
      ev(3, '2022-01-04T10:00:00Z'),
    ]);
    assert.deepEqual(
      days.map((d) => [d.date, d.events.map((e) => e.id)]),
      [
        ['2022-01-05', [1, 2]],
        ['2022-01-04', [3]],
      ],
    );
  });
});

describe('ChronologyPage', () => {
  const render = (props: Partial<Parameters<typeof ChronologyPage>[0]>) =>
    String(<ChronologyPage lang="en" path="/" filter={{}} events={[]} total={0} page={1} {...props} />);

  it('says so when nothing is published yet', () => {
    const html = render({});
    assert.match(html, /No events have been published yet/);
    assert.doesNotMatch(html, /class="pager"/);
  });

  it('tells a filtered empty result apart from an empty store', () => {
    const html = render({ filter: { status: 'verified' } });
    assert.match(html, /No events match these filters/);
    assert.match(html, /<option value="verified" selected="">verified<\/option>/);
  });

  it('links pages with the filters kept', () => {
    const events = Array.from({ length: 2 }, (_, i) => ev(i + 1, '2022-01-05T10:00:00Z'));
    const html = render({ events, total: 120, page: 2, pageSize: 50, filter: { eventType: 'Riots', region: 'kz-almaty' } });
    assert.match(html, /<a href="\/\?region=kz-almaty&amp;type=Riots" rel="prev">/);
    assert.match(html, /<a href="\/\?region=kz-almaty&amp;type=Riots&amp;page=3" rel="next">/);
    assert.match(html, /Page 2 of 3/);
  });

  it('offers a way back from a page past the end', () => {
    const html = render({ total: 3, page: 7 });
    assert.match(html, /There are no events on page 7/);
    assert.match(html, /<a href="\/">Go to the first page<\/a>/);
  });
});
