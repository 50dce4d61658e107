import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  ACTOR_TYPES,
  type ActorTypeCode,
  EVENT_TYPES,
  EVENT_TYPE_LIST,
  SUB_EVENT_TYPE_LIST,
  type EventType,
  type SubEventType,
  disorderTypeOf,
  interactionOf,
  isActorTypeCode,
  isEventType,
  isSubEventOf,
} from './coding.ts';

describe('ACLED taxonomy', () => {
  it('has ACLED’s six event types and 25 distinct sub-event types', () => {
    assert.deepEqual(EVENT_TYPE_LIST, [
      'Battles',
      'Explosions/Remote violence',
      'Violence against civilians',
      'Protests',
      'Riots',
      'Strategic developments',
    ]);
    assert.equal(SUB_EVENT_TYPE_LIST.length, 25);
    assert.equal(new Set(SUB_EVENT_TYPE_LIST).size, 25);
  });

  it('knows which sub-event belongs to which type', () => {
    assert.ok(isEventType('Protests'));
    assert.ok(!isEventType('protests'));
    assert.ok(!isEventType('toString'), 'inherited property names are not event types');
    assert.ok(isSubEventOf('Protests', 'Peaceful protest'));
    assert.ok(!isSubEventOf('Riots', 'Peaceful protest'));
    assert.ok(!isSubEventOf('Riots', 42));
  });

  it('accepts only the eight actor type codes', () => {
    assert.deepEqual(Object.keys(ACTOR_TYPES).map(Number), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.ok(isActorTypeCode(1) && isActorTypeCode(8));
    for (const bad of [0, 9, 1.5, '1', null]) assert.ok(!isActorTypeCode(bad), String(bad));
  });
});

describe('disorderTypeOf', () => {
  const expected: Record<EventType, string> = {
    Battles: 'Political violence',
    'Explosions/Remote violence': 'Political violence',
    'Violence against civilians': 'Political violence',
    Protests: 'Demonstrations',
    Riots: 'Political violence',
    'Strategic developments': 'Strategic developments',
  };

  it('follows the event type for ordinary sub-events', () => {
    for (const type of EVENT_TYPE_LIST) {
      const ordinary = EVENT_TYPES[type].filter(
        (s) => s !== 'Violent demonstration' && s !== 'Excessive force against protesters',
      ) as SubEventType[];
      assert.ok(ordinary.length > 0);
      for (const sub of ordinary) assert.equal(disorderTypeOf(type, sub), expected[type], `${type} / ${sub}`);
    }
  });

  it('counts violent demonstrations and excessive force as both violence and demonstrations', () => {
    assert.equal(disorderTypeOf('Riots', 'Violent demonstration'), 'Political violence; Demonstrations');
    assert.equal(disorderTypeOf('Protests', 'Excessive force against protesters'), 'Political violence; Demonstrations');
    assert.equal(disorderTypeOf('Riots', 'Mob violence'), 'Political violence');
    assert.equal(disorderTypeOf('Protests', 'Protest with intervention'), 'Demonstrations');
  });
});

describe('interactionOf', () => {
  it('names the two actor types lowest code first, whichever order they come in', () => {
    assert.deepEqual(interactionOf(1, 6), { code: 16, label: 'State forces-Protesters' });
    assert.deepEqual(interactionOf(6, 1), { code: 16, label: 'State forces-Protesters' });
    assert.deepEqual(interactionOf(7, 5), { code: 57, label: 'Rioters-Civilians' });
    assert.deepEqual(interactionOf(6, 6), { code: 66, label: 'Protesters-Protesters' });
  });

  it('says "only" when there is no second actor', () => {
    assert.deepEqual(interactionOf(6), { code: 60, label: 'Protesters only' });
    assert.deepEqual(interactionOf(1), { code: 10, label: 'State forces only' });
  });

  it("gives every interaction of ACLED's codebook its code and label, as ACLED writes them", () => {
    const table = readFileSync(new URL('./fixtures/acled/interaction-codes.tsv', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('\t'));
    assert.equal(table.length, 44);
    const codes = Object.keys(ACTOR_TYPES).map(Number) as ActorTypeCode[];
    const ours = new Map<number, string>();
    for (const a of codes) {
      ours.set(interactionOf(a).code, interactionOf(a).label);
      for (const b of codes) ours.set(interactionOf(a, b).code, interactionOf(a, b).label);
    }
    assert.deepEqual(
      [...ours].sort((x, y) => x[0] - y[0]),
      table.map(([code, label]) => [Number(code), label]),
    );
  });
});
