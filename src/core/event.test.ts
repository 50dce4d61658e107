import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from './errors.ts';
import { type EventData, diffEventData, validateEventData } from './event.ts';
import { sampleEventData } from './testing.ts';

function problemsOf(input: unknown, previous?: Parameters<typeof validateEventData>[1]): Array<{ field: string; message: string }> {
  try {
    validateEventData(input, previous);
  } catch (err) {
    assert.ok(err instanceof ValidationError, String(err));
    return [...err.problems];
  }
  assert.fail('expected a ValidationError');
}
const fieldsOf = (input: unknown, previous?: Parameters<typeof validateEventData>[1]) => problemsOf(input, previous).map((p) => p.field);

/** The sample as plain JSON, the way a form or API hands it in. */
const raw = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...(JSON.parse(JSON.stringify(sampleEventData())) as Record<string, unknown>),
  ...overrides,
});

describe('validateEventData', () => {
  it('accepts the sample event unchanged', () => {
    assert.deepEqual(validateEventData(sampleEventData()), sampleEventData());
  });

  it('names every bad field at once', () => {
    const sample = raw();
    const bad = {
      ...sample,
      summary: { en: '' },
      location: { ...(sample.location as object), lat: 123 },
      eventType: 'Parade',
      actor1: { name: 'Police', type: 12 },
      fatalities: { min: -4 },
    };
    const problems = problemsOf(bad);
    assert.deepEqual(problems.map((p) => p.field).sort(), ['actor1.type', 'eventType', 'fatalities.min', 'location.lat', 'summary.en']);
    assert.ok(problems.every((p) => p.message.length > 0));
  });

  it('refuses a sub-event type from another event type', () => {
    assert.deepEqual(fieldsOf(raw({ eventType: 'Riots', subEventType: 'Peaceful protest' })), ['subEventType']);
    assert.ok(validateEventData(raw({ eventType: 'Riots', subEventType: 'Violent demonstration' })));
  });

  it('requires an address for a link source and an id for report and source references', () => {
    assert.deepEqual(fieldsOf(raw({ sources: [{ kind: 'link', title: 'A video' }] })), ['sources[0].url']);
    assert.deepEqual(fieldsOf(raw({ sources: [{ kind: 'report' }] })), ['sources[0].reportId']);
    assert.deepEqual(fieldsOf(raw({ sources: [{ kind: 'rumour', url: 'https://x.example' }] })), ['sources[0].kind']);
  });

  it('accepts only http(s) addresses', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT://x.example/%0Aalert(1)',
      'data:text/html,hi',
      'ftp://x.example/a',
      'https://exa mple.org',
    ]) {
      assert.deepEqual(fieldsOf(raw({ sources: [{ kind: 'link', url }] })), ['sources[0].url'], url);
    }
    assert.ok(validateEventData(raw({ sources: [{ kind: 'link', url: 'http://x.example/a?b=c' }] })));
  });

  it('trims text and drops empty optional text', () => {
    const d = validateEventData(
      raw({
        summary: { en: '  Crowd on the square  ', ru: '   ' },
        notes: '  ',
        actor1: { name: ' Protesters (Kazakhstan) ', type: 6, associated: [' Labour Group (Kazakhstan) ', ' '] },
        tags: [' fuel ', 'fuel', ''],
        fatalities: { wording: '  dozens ' },
      }),
    );
    assert.deepEqual(d.summary, { en: 'Crowd on the square' });
    assert.equal(d.notes, undefined);
    assert.deepEqual(d.actor1, { name: 'Protesters (Kazakhstan)', type: 6, associated: ['Labour Group (Kazakhstan)'] });
    assert.deepEqual(d.tags, ['fuel']);
    assert.deepEqual(d.fatalities, { wording: 'dozens' });
  });

  it('stores times as UTC instants', () => {
    const d = validateEventData(raw({ time: { start: '2022-01-05T10:00:00+06:00', precision: 'hour', timeZone: 'Asia/Almaty' } }));
    assert.equal(d.time.start, '2022-01-05T04:00:00.000Z');
    assert.deepEqual(fieldsOf(raw({ time: { start: '2022-01-05', precision: 'hour', timeZone: 'Almaty' } })), [
      'time.start',
      'time.timeZone',
    ]);
  });

  it('applies the verification rules to the status being set', () => {
    assert.deepEqual(fieldsOf(raw({ status: 'verified' })), ['status']);
    assert.ok(validateEventData(raw({ status: 'verified', statusReason: 'geolocated video' })));
    assert.deepEqual(fieldsOf(raw({ status: 'corroborated' })), ['status']);
    // Keeping a status that was already set does not re-run the rules.
    assert.ok(validateEventData(raw({ status: 'corroborated' }), 'corroborated'));
    assert.deepEqual(fieldsOf(raw({ status: 'unverified' }), 'retracted'), ['status']);
  });

  it('refuses documents that are not objects', () => {
    for (const bad of [null, [], 'event']) assert.deepEqual(fieldsOf(bad), ['event']);
  });

  it('refuses an empty document naming each required part', () => {
    const fields = fieldsOf({});
    for (const f of ['summary.en', 'time', 'location', 'eventType', 'actor1']) assert.ok(fields.includes(f), f);
  });
});

describe('diffEventData', () => {
  it('lists only the fields that changed', () => {
    const before = sampleEventData();
    const after: EventData = sampleEventData({
      fatalities: { min: 2, wording: 'two' },
      location: { ...before.location, lat: 43.25 },
      tags: ['fuel'],
    });
    const diff = diffEventData(before, after);
    assert.deepEqual(
      diff.map((c) => c.field),
      ['fatalities.min', 'fatalities.wording', 'location.lat', 'tags'],
    );
    assert.deepEqual(
      diff.find((c) => c.field === 'location.lat'),
      { field: 'location.lat', before: 43.238, after: 43.25 },
    );
    assert.deepEqual(
      diff.find((c) => c.field === 'fatalities.min'),
      { field: 'fatalities.min', before: undefined, after: 2 },
    );
  });

  it('lists a removed field with its old value', () => {
    const before = sampleEventData();
    const { notes: _, ...rest } = before;
    assert.deepEqual(diffEventData(before, rest as EventData), [{ field: 'notes', before: before.notes, after: undefined }]);
  });

  it('lists nothing for identical documents and everything for a first revision', () => {
    assert.deepEqual(diffEventData(sampleEventData(), sampleEventData()), []);
    const first = diffEventData(undefined, sampleEventData());
    assert.ok(first.some((c) => c.field === 'summary.en' && c.before === undefined));
  });

  it('ignores the key order of objects inside lists, which jsonb does not keep', () => {
    const before = sampleEventData({ sources: [{ kind: 'link', url: 'https://example.org/a', outlet: 'Example' }] });
    const after = sampleEventData({ sources: [{ outlet: 'Example', url: 'https://example.org/a', kind: 'link' }] });
    assert.deepEqual(diffEventData(before, after), []);
  });
});
