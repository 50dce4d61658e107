import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventData } from './event.ts';
import { publishWarnings } from './publish-warnings.ts';

const base = {
  summary: { en: 'Crowd at the akimat', ru: 'Толпа у акимата' },
  time: { start: '2022-01-05T04:00:00.000Z', precision: 'hour', timeZone: 'Asia/Almaty' },
} as unknown as EventData;
const at = (iso: string) => new Date(iso);

describe('publishWarnings', () => {
  it('warns when the event comes after the earliest report it was coded from, and not when it comes before', () => {
    const reports = [
      { id: 7, at: at('2022-01-05T09:00:00Z') },
      { id: 3, at: at('2022-01-05T03:30:00Z') },
    ];
    assert.deepEqual(publishWarnings({ data: base, revision: 1, reports }), [
      { kind: 'after_report', reportId: 3, reportAt: at('2022-01-05T03:30:00Z') },
    ]);
    assert.deepEqual(publishWarnings({ data: base, revision: 1, reports: reports.slice(0, 1) }), []);
    assert.deepEqual(publishWarnings({ data: base, revision: 1, reports: [] }), []);
  });

  it('warns when the local date is outside the chronicle’s period, counting the last day in', () => {
    const late = { ...base, time: { ...base.time, start: '2022-01-31T20:00:00.000Z' } } as EventData; // 1 February in Almaty
    const period = { from: '2022-01-01', to: '2022-01-31' };
    assert.deepEqual(publishWarnings({ data: late, revision: 1, reports: [], period }), [
      { kind: 'outside_period', date: '2022-02-01', from: '2022-01-01', to: '2022-01-31' },
    ]);
    assert.deepEqual(publishWarnings({ data: base, revision: 1, reports: [], period }), []);
  });

  it('warns when one summary changed and the other did not', () => {
    const en = { ...base, summary: { en: 'Crowd of 2,000 at the akimat', ru: 'Толпа у акимата' } } as EventData;
    const both = { ...base, summary: { en: 'Crowd of 2,000 at the akimat', ru: 'Толпа в 2000 человек у акимата' } } as EventData;
    const ru = { ...base, summary: { en: 'Crowd at the akimat', ru: 'Толпа в 2000 человек у акимата' } } as EventData;
    assert.deepEqual(publishWarnings({ data: en, previous: base, revision: 2, reports: [] }), [
      { kind: 'stale_translation', changed: 'en', revision: 2 },
    ]);
    assert.deepEqual(publishWarnings({ data: ru, previous: base, revision: 2, reports: [] }), [
      { kind: 'stale_translation', changed: 'ru', revision: 2 },
    ]);
    assert.deepEqual(publishWarnings({ data: both, previous: base, revision: 2, reports: [] }), []);
    assert.deepEqual(publishWarnings({ data: base, revision: 1, reports: [] }), [], 'a first revision has nothing to compare');
  });
});
