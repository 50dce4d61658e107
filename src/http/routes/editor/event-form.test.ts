import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffEventData, validateEventData } from '../../../core/event.ts';
import { sampleEventData } from '../../../core/testing.ts';
import { type EventFormState, emptyEventFormState } from '../../../publish/editor/event-form-state.ts';
import type { Form } from './guard.ts';
import {
  addPendingSources,
  eventInputFromState,
  mergeProblems,
  readEventForm,
  resolveFormPlace,
  stateFromEvent,
  stateFromReport,
} from './event-form.ts';

function formFrom(fields: Record<string, string>): Form {
  return { get: (n) => fields[n] ?? '', all: (n) => (n in fields ? [fields[n]!] : []) };
}

function coded(overrides: Partial<EventFormState> = {}): EventFormState {
  return {
    ...emptyEventFormState(),
    summaryEn: 'Oil workers rally on the central square',
    placeQuery: 'Жанаозен',
    date: '2022-01-02',
    clock: '14:00',
    precision: 'hour',
    subEventType: 'Peaceful protest',
    actor1Name: 'Protesters (Kazakhstan)',
    actor1Type: '6',
    ...overrides,
  };
}

const fields = (problems: ReadonlyArray<{ field: string }>) => problems.map((p) => p.field);

describe('event form', () => {
  it('finds the place from any spelling and fills coordinates, region and zone', () => {
    const { state, problems } = resolveFormPlace(coded(), false);
    assert.deepEqual(problems, []);
    assert.equal(state.placeId, 'kz-zhanaozen');
    assert.equal(state.locationName, 'Zhanaozen');
    assert.equal(state.admin1, 'Mangystau Region');
    assert.equal(state.country, 'KAZ');
    assert.equal(state.timeZone, 'Asia/Aqtau');
    assert.equal(state.lat, '43.34');
  });

  it('converts local time in the place’s zone: 14:00 in Zhanaozen on 2 January 2022 was 09:00 UTC', () => {
    const { input, problems } = eventInputFromState(resolveFormPlace(coded(), false).state);
    assert.deepEqual(problems, []);
    const data = validateEventData(input);
    assert.equal(data.time.start, '2022-01-02T09:00:00.000Z');
    assert.equal(data.time.timeZone, 'Asia/Aqtau');
    assert.equal(data.eventType, 'Protests', 'derived from the sub-event type');
    assert.equal(data.location.admin1, 'Mangystau Region');
  });

  it('places a part-of-day time in the middle of that part, and an interval end on its own date', () => {
    const base = resolveFormPlace(coded({ precision: 'part_of_day', clock: '', partOfDay: 'evening', endDate: '2022-01-03' }), false).state;
    const data = validateEventData(eventInputFromState(base).input);
    assert.equal(data.time.start, '2022-01-02T16:00:00.000Z', '21:00 at UTC+5');
    assert.equal(data.time.end, '2022-01-02T19:00:00.000Z', 'midnight starting 3 January at UTC+5');
  });

  it('keeps coordinates the editor typed while the place stays the same', () => {
    const first = resolveFormPlace(coded(), false).state;
    const moved = resolveFormPlace({ ...first, lat: '43.35', lon: '52.87', geoPrecision: '2' }, false).state;
    assert.equal(moved.lat, '43.35');
    assert.equal(moved.geoPrecision, '2');
  });

  it('moves the zone with the place unless the editor chose another zone', () => {
    const almaty = resolveFormPlace(coded({ placeQuery: 'Republic Square Almaty' }), false).state;
    assert.equal(almaty.timeZone, 'Asia/Almaty');
    const zhanaozen = resolveFormPlace({ ...almaty, placeQuery: 'Zhanaozen' }, false).state;
    assert.equal(zhanaozen.timeZone, 'Asia/Aqtau');
    const typed = resolveFormPlace({ ...almaty, timeZone: 'Asia/Tashkent', placeQuery: 'Zhanaozen' }, false).state;
    assert.equal(typed.timeZone, 'Asia/Tashkent');
  });

  it('asks the editor to choose when the place is ambiguous, and keeps the choice', () => {
    const first = resolveFormPlace(coded({ placeQuery: 'akimat' }), false);
    assert.equal(first.state.placeId, '');
    assert.deepEqual(fields(first.problems), ['location.placeId']);
    assert.match(first.problems[0]!.message, /several places match “akimat”: choose one/);
    assert.ok(first.candidates.some((c) => c.place.id === 'kz-shymkent-akimat'));
    const chosen = resolveFormPlace({ ...first.state, placeId: 'kz-shymkent-akimat' }, false);
    assert.deepEqual(chosen.problems, []);
    assert.equal(chosen.state.locationName, 'Shymkent City Akimat', 'the name already says which city');
    assert.equal(chosen.state.admin1, 'Shymkent');
  });

  it('names a landmark with its city, as ACLED does, unless its name already says it', () => {
    const square = resolveFormPlace(coded({ placeQuery: 'Republic Square Almaty' }), false).state;
    assert.equal(square.locationName, 'Almaty - Republic Square');
  });

  it('keeps a chosen place that still matches a new, ambiguous search', () => {
    const s = resolveFormPlace({ ...coded(), placeQuery: '', placeId: 'kz-almaty-akimat' }, false).state;
    const searched = resolveFormPlace({ ...s, placeQuery: 'akimat' }, true);
    assert.equal(searched.state.placeId, 'kz-almaty-akimat');
    assert.deepEqual(searched.problems, []);
    assert.ok(searched.candidates.length > 1, 'the other matches are offered');
  });

  it('says when nothing matches, and allows a place entered by hand', () => {
    const none = resolveFormPlace(coded({ placeQuery: 'Qwxyzzy' }), false);
    assert.match(none.problems[0]!.message, /no gazetteer place matches/);
    const byHand = resolveFormPlace(
      coded({ placeQuery: '', locationName: 'Km 12 of the A-300', country: 'KAZ', lat: '43.1', lon: '52.5', timeZone: 'Asia/Aqtau' }),
      false,
    );
    const data = validateEventData(eventInputFromState(byHand.state).input);
    assert.equal(data.location.placeId, undefined);
    assert.equal(data.location.name, 'Km 12 of the A-300');
  });

  it('names every problem the form can see, on the field it belongs to', () => {
    const s = coded({
      date: '2022-02-30',
      clock: '',
      timeZone: 'Mars/Olympus',
      placeQuery: '',
      lat: 'north',
      fatalitiesMin: '2.5',
      subEventType: '',
    });
    const { problems } = eventInputFromState(s);
    assert.deepEqual(fields(problems).sort(), ['eventType', 'fatalities.min', 'location.lat', 'time.clock', 'time.start', 'time.timeZone']);
    assert.match(problems.find((p) => p.field === 'time.timeZone')!.message, /“Mars\/Olympus” is not an IANA time zone/);
  });

  it('lets form problems stand in for the validator’s less helpful ones on the same field', () => {
    const merged = mergeProblems(
      [{ field: 'time.start', message: 'the date is required' }],
      [
        { field: 'time.start', message: 'must be an ISO 8601 date and time' },
        { field: 'actor1.name', message: 'is required' },
      ],
    );
    assert.deepEqual(fields(merged), ['time.start', 'actor1.name']);
    assert.equal(merged[0]!.message, 'the date is required');
  });

  it('reads source rows, drops removed ones and adds new ones', () => {
    const state = addPendingSources(
      readEventForm(
        formFrom({
          src_count: '2',
          src_kind_0: 'link',
          src_url_0: 'https://example.org/a',
          src_kind_1: 'report',
          src_reportId_1: '7',
          src_remove_1: '1',
          add_link_url: 'https://example.org/b',
          add_link_outlet: 'Vlast',
          add_source_id: '3',
        }),
      ),
    );
    assert.deepEqual(
      state.sources.map((s) => [s.kind, s.url || s.reportId || s.sourceId, s.outlet]),
      [
        ['link', 'https://example.org/a', ''],
        ['link', 'https://example.org/b', 'Vlast'],
        ['source', '3', ''],
      ],
    );
    assert.equal(state.addLinkUrl, '');
  });

  it('reads associated actors and tags separated by commas or lines', () => {
    const { input } = eventInputFromState(
      coded({ actor1Associated: 'Oil workers\nLabour Group (Kazakhstan), Students', tags: 'fuel prices, , oil' }),
    );
    assert.deepEqual((input.actor1 as { associated: string[] }).associated, ['Oil workers', 'Labour Group (Kazakhstan)', 'Students']);
    assert.deepEqual(input.tags, ['fuel prices', 'oil']);
  });

  it('turns a stored event into a form that saves back unchanged', () => {
    // Stored documents have been through the validator, which fixes the order of their keys.
    for (const data of [
      sampleEventData(),
      sampleEventData({
        time: {
          start: '2022-01-05T18:00:00.000Z',
          end: '2022-01-06T19:00:00.000Z',
          precision: 'days',
          timeZone: 'Asia/Almaty',
          approximate: true,
        },
        actor2: { name: 'Police Forces of Kazakhstan (2019-)', type: 1, associated: ['National Guard'] },
        fatalities: { min: 2, max: 8, wording: 'several' },
        status: 'disputed',
        statusReason: 'Officials deny it',
        tags: ['fuel'],
        sources: [
          { kind: 'report', reportId: '4' },
          { kind: 'source', sourceId: '2' },
          { kind: 'link', url: 'https://example.org/x', outlet: 'Example', title: 'X', scale: 'National' },
        ],
      }),
    ].map((d) => validateEventData(d))) {
      const state = resolveFormPlace(stateFromEvent(data, 3), false).state;
      assert.equal(state.baseRevision, '3');
      const { input, problems } = eventInputFromState(state);
      assert.deepEqual(problems, []);
      assert.deepEqual(diffEventData(data, validateEventData(input, data.status)), []);
    }
  });

  it('prefills a new event from a report but leaves the time to the editor', () => {
    const s = stateFromReport({ id: 12, what: '\nShots at the airport\nfrom a relay', place_id: 'kz-almaty-airport' });
    assert.equal(s.summaryEn, 'Shots at the airport');
    assert.equal(s.fromReport, '12');
    assert.deepEqual(
      s.sources.map((x) => [x.kind, x.reportId]),
      [['report', '12']],
    );
    assert.equal(s.placeId, 'kz-almaty-airport');
    assert.equal(s.admin1, 'Almaty');
    assert.equal(s.timeZone, 'Asia/Almaty');
    assert.equal(s.date, '');
  });
});
