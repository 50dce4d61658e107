/** A valid event document for tests, with any field overridden. */
import type { EventData } from './event.ts';

export function sampleEventData(overrides: Partial<EventData> = {}): EventData {
  return {
    summary: {
      en: 'Crowd gathers on Republic Square demanding lower fuel prices',
      ru: 'На площади Республики собрались люди с требованием снизить цены на топливо',
    },
    notes: 'Several thousand people according to witnesses.',
    time: { start: '2022-01-05T04:00:00.000Z', precision: 'hour', timeZone: 'Asia/Almaty' },
    location: {
      placeId: 'kz-almaty-republic-square',
      name: 'Almaty - Republic Square',
      admin1: 'Almaty',
      country: 'KAZ',
      lat: 43.238,
      lon: 76.945,
      geoPrecision: 1,
    },
    eventType: 'Protests',
    subEventType: 'Peaceful protest',
    actor1: { name: 'Protesters (Kazakhstan)', type: 6, associated: [] },
    civilianTargeting: false,
    fatalities: {},
    status: 'unverified',
    sources: [{ kind: 'link', url: 'https://example.org/news/1', outlet: 'Example News', title: 'Crowds in Almaty' }],
    tags: [],
    ...overrides,
  };
}
