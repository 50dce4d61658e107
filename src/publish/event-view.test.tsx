import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleEventData } from '../core/testing.ts';
import { toPublicEvent } from '../core/public-event.ts';
import {
  codingLabel,
  dateRange,
  dayHeading,
  eventCount,
  fatalitiesText,
  placeLabel,
  summaryOf,
  timeView,
  utcLabel,
} from './event-view.tsx';

describe('timeView', () => {
  it('reads an evening UTC instant as the next morning in Almaty, UTC+6', () => {
    const v = timeView({ start: '2022-01-04T20:30:00.000Z', precision: 'minute', timeZone: 'Asia/Almaty' }, 'en');
    assert.equal(v.date, '2022-01-05');
    assert.equal(v.text, '02:30');
    assert.equal(v.utc, 'UTC+6');
    assert.equal(v.datetime, '2022-01-05T02:30+06:00');
  });

  it('reads the same instant in Zhanaozen as 01:30, UTC+5', () => {
    const v = timeView({ start: '2022-01-04T20:30:00.000Z', precision: 'minute', timeZone: 'Asia/Aqtau' }, 'en');
    assert.equal(v.date, '2022-01-05');
    assert.equal(v.text, '01:30');
    assert.equal(v.utc, 'UTC+5');
  });

  it('marks approximate times and words parts of the day in both languages', () => {
    const approx = { start: '2022-01-05T08:00:00.000Z', precision: 'hour', timeZone: 'Asia/Almaty', approximate: true } as const;
    assert.equal(timeView(approx, 'en').text, '≈ 14:00');
    const afternoon = { start: '2022-01-05T09:00:00.000Z', precision: 'part_of_day', timeZone: 'Asia/Almaty' } as const;
    assert.equal(timeView(afternoon, 'en').text, 'afternoon');
    assert.equal(timeView(afternoon, 'ru').text, 'днём');
    const day = { start: '2022-01-05T00:00:00.000Z', precision: 'day', timeZone: 'Asia/Almaty' } as const;
    assert.equal(timeView(day, 'en').text, 'time unknown');
    assert.equal(timeView(day, 'ru').text, 'время неизвестно');
    assert.equal(timeView(day, 'en').datetime, '2022-01-05');
  });

  it('shows intervals as ranges', () => {
    const days = {
      start: '2022-01-05T00:00:00.000Z',
      end: '2022-01-07T12:00:00.000Z',
      precision: 'days',
      timeZone: 'Asia/Almaty',
    } as const;
    assert.equal(timeView(days, 'en').text, '5–7 Jan');
    assert.equal(timeView(days, 'ru').text, '5–7 янв.');
    const hours = {
      start: '2022-01-05T08:00:00.000Z',
      end: '2022-01-05T10:00:00.000Z',
      precision: 'minute',
      timeZone: 'Asia/Almaty',
    } as const;
    assert.equal(timeView(hours, 'en').text, '14:00–16:00');
    assert.equal(dateRange('2021-12-31', '2022-01-02', 'en'), '31 Dec – 2 Jan');
  });

  it('labels offsets the way people say them', () => {
    assert.equal(utcLabel('+06:00'), 'UTC+6');
    assert.equal(utcLabel('+05:30'), 'UTC+5:30');
    assert.equal(utcLabel('-03:00'), 'UTC-3');
  });
});

describe('day headings', () => {
  it('are full local dates in the reader’s language', () => {
    assert.equal(dayHeading('2022-01-05', 'en'), 'Wednesday, 5 January 2022');
    assert.equal(dayHeading('2022-01-05', 'ru'), 'среда, 5 января 2022');
  });
});

describe('fatalitiesText', () => {
  it('gives the conservative figure with the sources’ words', () => {
    assert.equal(fatalitiesText({ wording: 'dozens', acled: 12 }, 'en'), '12 killed (dozens)');
    assert.equal(fatalitiesText({ min: 2, max: 5, acled: 2 }, 'ru'), '2 погибших');
    assert.equal(fatalitiesText({ min: 1, acled: 1 }, 'ru'), '1 погибший');
    assert.equal(fatalitiesText({ min: 0, acled: 0 }, 'en'), 'no deaths reported');
    assert.equal(fatalitiesText({ acled: 0 }, 'en'), undefined);
  });
});

describe('places, summaries and coding', () => {
  it('names gazetteer places in the reader’s language, landmarks with their city', () => {
    const loc = sampleEventData().location;
    assert.equal(placeLabel(loc, 'en'), 'Republic Square, Almaty');
    assert.equal(placeLabel(loc, 'ru'), 'Площадь Республики, Алматы');
    assert.equal(placeLabel({ ...loc, placeId: undefined, name: 'Somewhere else' }, 'ru'), 'Somewhere else');
  });

  it('falls back to English and says so', () => {
    const ev = toPublicEvent(1, 1, sampleEventData({ summary: { en: 'Only English' } }), '2022-01-06T00:00:00Z', '2022-01-06T00:00:00Z');
    assert.deepEqual(summaryOf(ev, 'ru'), { text: 'Only English', lang: 'en' });
    assert.equal(codingLabel(ev, 'ru'), 'Протесты — Мирный протест');
    assert.equal(codingLabel(ev, 'en'), 'Protests — Peaceful protest');
  });

  it('counts events with Russian plurals', () => {
    assert.equal(eventCount(1, 'en'), '1 event');
    assert.equal(eventCount(3, 'ru'), '3 события');
    assert.equal(eventCount(5, 'ru'), '5 событий');
    assert.equal(eventCount(21, 'ru'), '21 событие');
  });
});
