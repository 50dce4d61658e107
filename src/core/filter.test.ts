import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from './errors.ts';
import { type EventFilter, filterToParams, parseEventFilter } from './filter.ts';

function fieldsOf(params: Record<string, string>): string[] {
  try {
    parseEventFilter(params);
  } catch (err) {
    assert.ok(err instanceof ValidationError);
    return err.problems.map((p) => p.field);
  }
  assert.fail('expected a ValidationError');
}

describe('parseEventFilter', () => {
  it('reads every filter', () => {
    assert.deepEqual(
      parseEventFilter({
        from: '2022-01-02',
        to: '2022-01-10',
        region: 'kz-mangystau',
        type: 'Protests',
        status: 'verified',
        bbox: '76.8,43.1,77.1,43.4',
      }),
      {
        from: '2022-01-02',
        to: '2022-01-10',
        region: 'kz-mangystau',
        eventType: 'Protests',
        status: 'verified',
        bbox: [76.8, 43.1, 77.1, 43.4],
      },
    );
  });

  it('treats empty values as no filter, as a plain GET form sends them', () => {
    assert.deepEqual(parseEventFilter({ from: '', to: ' ', region: '', type: '', status: '', bbox: '' }), {});
    assert.deepEqual(parseEventFilter({}), {});
  });

  it('names every bad parameter at once', () => {
    assert.deepEqual(
      fieldsOf({ from: '2022-02-30', to: 'tomorrow', region: 'Almaty City', type: 'protests', status: 'true', bbox: '1,2,3' }),
      ['from', 'to', 'region', 'type', 'status', 'bbox'],
    );
  });

  it('refuses a range that ends before it starts', () => {
    assert.deepEqual(fieldsOf({ from: '2022-01-10', to: '2022-01-02' }), ['to']);
    assert.deepEqual(parseEventFilter({ from: '2022-01-05', to: '2022-01-05' }), { from: '2022-01-05', to: '2022-01-05' });
  });

  it('refuses inverted or out-of-range areas', () => {
    assert.deepEqual(fieldsOf({ bbox: '77,43,76,44' }), ['bbox']);
    assert.deepEqual(fieldsOf({ bbox: '0,-91,1,0' }), ['bbox']);
    assert.deepEqual(fieldsOf({ bbox: '1e2,0,2,1' }), ['bbox']);
  });
});

describe('filterToParams', () => {
  it('round-trips through parseEventFilter', () => {
    const filters: EventFilter[] = [
      {},
      { from: '2022-01-02' },
      { to: '2022-01-10', eventType: 'Riots', status: 'disputed' },
      {
        from: '2022-01-02',
        to: '2022-01-10',
        region: 'kz-almaty',
        eventType: 'Strategic developments',
        status: 'verified',
        bbox: [-1.5, -2, 3.25, 4],
      },
    ];
    for (const f of filters) assert.deepEqual(parseEventFilter(filterToParams(f)), f);
  });

  it('uses the public parameter names', () => {
    assert.deepEqual(filterToParams({ eventType: 'Protests' }), { type: 'Protests' });
  });
});
