import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PLACES } from './gazetteer/places.ts';
import {
  acledTimePrecision,
  isLocalClock,
  isLocalDate,
  isValidTimeZone,
  localClock,
  localDate,
  offsetLabel,
  offsetMinutes,
  readLocalTime,
  timeProblems,
  zonedToInstant,
} from './time.ts';

describe('offsetMinutes', () => {
  it('reads Almaty as UTC+6 in January 2022', () => {
    assert.equal(offsetMinutes(new Date('2022-01-05T12:00:00Z'), 'Asia/Almaty'), 360);
    assert.equal(offsetLabel('2022-01-05T12:00:00Z', 'Asia/Almaty'), '+06:00');
  });

  it('reads Almaty as UTC+5 after Kazakhstan moved to one zone on 1 March 2024', () => {
    // Needs tzdata 2024a or later; Node 20.20 ships 2025c (process.versions.tz).
    assert.equal(offsetMinutes(new Date('2024-06-01T12:00:00Z'), 'Asia/Almaty'), 300, `tzdata ${process.versions.tz}`);
  });

  it('reads Aqtau (Zhanaozen’s zone) as UTC+5 in January 2022', () => {
    assert.equal(offsetMinutes(new Date('2022-01-05T12:00:00Z'), 'Asia/Aqtau'), 300);
  });

  it('handles zones west of UTC and instants with milliseconds', () => {
    assert.equal(offsetMinutes(new Date('2022-01-05T12:00:00.999Z'), 'America/New_York'), -300);
    assert.equal(offsetLabel('2022-07-05T12:00:00Z', 'America/New_York'), '-04:00');
    assert.equal(offsetLabel('2022-01-05T12:00:00Z', 'Asia/Kolkata'), '+05:30');
  });
});

describe('local dates and clocks', () => {
  it('puts an evening UTC instant on the next day in Almaty', () => {
    assert.equal(localDate('2022-01-04T20:30:00Z', 'Asia/Almaty'), '2022-01-05');
    assert.equal(localClock('2022-01-04T20:30:00Z', 'Asia/Almaty'), '02:30');
    assert.equal(localDate('2022-01-04T20:30:00Z', 'Asia/Aqtau'), '2022-01-05');
    assert.equal(localDate('2022-01-04T18:30:00Z', 'Asia/Aqtau'), '2022-01-04');
  });

  it('shows midnight as 00:00, not 24:00', () => {
    assert.equal(localClock('2022-01-04T18:00:00Z', 'Asia/Almaty'), '00:00');
  });

  it('accepts only real calendar dates and clock times', () => {
    assert.ok(isLocalDate('2022-01-05'));
    assert.ok(isLocalDate('2024-02-29'));
    assert.ok(!isLocalDate('2022-02-30'));
    assert.ok(!isLocalDate('2023-02-29'));
    assert.ok(!isLocalDate('2022-13-01'));
    assert.ok(!isLocalDate('2022-1-5'));
    assert.ok(!isLocalDate(20220105));
    assert.ok(isLocalClock('23:59'));
    assert.ok(!isLocalClock('24:00'));
    assert.ok(!isLocalClock('9:30'));
  });

  it('knows real zones only', () => {
    assert.ok(isValidTimeZone('Asia/Almaty'));
    assert.ok(!isValidTimeZone('Asia/Nowhere'));
    assert.ok(!isValidTimeZone(''));
    assert.ok(!isValidTimeZone(6));
  });
});

describe('zonedToInstant', () => {
  it('turns Almaty local time into the UTC instant', () => {
    assert.equal(zonedToInstant('2022-01-05', '10:00', 'Asia/Almaty').toISOString(), '2022-01-05T04:00:00.000Z');
    assert.equal(zonedToInstant('2022-01-05', undefined, 'Asia/Almaty').toISOString(), '2022-01-04T18:00:00.000Z');
    assert.equal(zonedToInstant('2022-01-05', '10:00', 'Asia/Aqtau').toISOString(), '2022-01-05T05:00:00.000Z');
  });

  it('round-trips every zone the gazetteer uses', () => {
    const zones = [...new Set(PLACES.map((p) => p.timeZone))];
    assert.ok(zones.length >= 2 && zones.includes('Asia/Almaty') && zones.includes('Asia/Aqtau'));
    for (const zone of zones) {
      for (const [date, clock] of [
        ['2022-01-05', '00:00'],
        ['2022-01-05', '13:45'],
        ['2022-01-10', '23:59'],
        ['2022-07-01', '12:00'],
      ] as const) {
        const instant = zonedToInstant(date, clock, zone);
        assert.equal(`${localDate(instant, zone)} ${localClock(instant, zone)}`, `${date} ${clock}`, zone);
      }
    }
  });

  it('lands on the right side of a summer-time change', () => {
    // Europe/Moscow had no DST in 2022; use a zone that did.
    const instant = zonedToInstant('2022-03-27', '12:00', 'Europe/Berlin');
    assert.equal(instant.toISOString(), '2022-03-27T10:00:00.000Z');
  });
});

describe('readLocalTime', () => {
  const base = { start: '2022-01-05T04:30:00.000Z', timeZone: 'Asia/Almaty' };

  it('shows the clock for minute and hour precision', () => {
    for (const precision of ['minute', 'hour'] as const) {
      const r = readLocalTime({ ...base, precision });
      assert.equal(r.date, '2022-01-05');
      assert.equal(r.clock, '10:30');
      assert.equal(r.timeUnknown, false);
      assert.equal(r.offset, '+06:00');
      assert.equal(r.partOfDay, undefined);
    }
  });

  it('shows only the part of the day for part_of_day precision', () => {
    const r = readLocalTime({ ...base, precision: 'part_of_day' });
    assert.equal(r.partOfDay, 'morning');
    assert.equal(r.clock, undefined);
    assert.equal(r.timeUnknown, false);
    assert.equal(readLocalTime({ ...base, start: '2022-01-05T14:00:00Z', precision: 'part_of_day' }).partOfDay, 'evening');
    assert.equal(readLocalTime({ ...base, start: '2022-01-04T20:00:00Z', precision: 'part_of_day' }).partOfDay, 'night');
  });

  it('shows no time of day for day, days and month precision', () => {
    for (const precision of ['day', 'days', 'month'] as const) {
      const r = readLocalTime({ ...base, precision });
      assert.equal(r.timeUnknown, true, precision);
      assert.equal(r.clock, undefined);
      assert.equal(r.partOfDay, undefined);
      assert.equal(r.date, '2022-01-05');
    }
  });

  it('gives the end date only when the interval crosses midnight, and the end clock when times are known', () => {
    const sameDay = readLocalTime({ ...base, end: '2022-01-05T08:00:00Z', precision: 'minute' });
    assert.equal(sameDay.endDate, undefined);
    assert.equal(sameDay.endClock, '14:00');
    const span = readLocalTime({ ...base, end: '2022-01-07T08:00:00Z', precision: 'days' });
    assert.equal(span.endDate, '2022-01-07');
    assert.equal(span.endClock, undefined);
  });

  it('marks approximate times', () => {
    assert.equal(readLocalTime({ ...base, precision: 'hour', approximate: true }).approximate, true);
    assert.equal(readLocalTime({ ...base, precision: 'hour' }).approximate, false);
  });
});

describe('timeProblems', () => {
  it('accepts a sound time', () => {
    assert.deepEqual(timeProblems({ start: '2022-01-05T04:00:00Z', precision: 'hour', timeZone: 'Asia/Almaty' }), []);
  });

  it('names every bad sub-field', () => {
    const fields = timeProblems({ start: '2022-01-05', end: 'soon', precision: 'week' as never, timeZone: 'Mars/Olympus' }).map(([k]) => k);
    assert.deepEqual(fields, ['start', 'end', 'precision', 'timeZone']);
  });

  it('refuses an end before the start', () => {
    const problems = timeProblems({
      start: '2022-01-05T04:00:00Z',
      end: '2022-01-04T04:00:00Z',
      precision: 'days',
      timeZone: 'Asia/Almaty',
    });
    assert.deepEqual(
      problems.map(([k]) => k),
      ['end'],
    );
  });

  it('requires start, precision and zone', () => {
    assert.deepEqual(
      timeProblems({}).map(([k]) => k),
      ['start', 'precision', 'timeZone'],
    );
  });
});

describe('acledTimePrecision', () => {
  it('maps day-or-finer to 1, days to 2, month to 3', () => {
    assert.deepEqual((['minute', 'hour', 'part_of_day', 'day', 'days', 'month'] as const).map(acledTimePrecision), [1, 1, 1, 1, 2, 3]);
  });
});
