/**
 * The ACLED coding scheme: event types, sub-event types, actor types, disorder type and
 * interaction. Labels are ACLED's own so exports line up with ACLED data.
 */

export const EVENT_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export type SubEventType = (typeof EVENT_TYPES)[EventType][number];

export const EVENT_TYPE_LIST = Object.keys(EVENT_TYPES) as EventType[];
export const SUB_EVENT_TYPE_LIST = EVENT_TYPE_LIST.flatMap((t) => [...EVENT_TYPES[t]]) as SubEventType[];

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(EVENT_TYPES, value);
}

export function isSubEventOf(eventType: EventType, subEventType: unknown): subEventType is SubEventType {
  return (EVENT_TYPES[eventType] as readonly string[]).includes(subEventType as string);
}

/**
 * ACLED's actor types, numbered by their historic inter codes, labelled as ACLED's current
 * codebook and exports write inter1/inter2: in the singular ("Rebel group", not the chapter
 * title "Rebel Groups").
 */
export const ACTOR_TYPES = {
  1: 'State forces',
  2: 'Rebel group',
  3: 'Political militia',
  4: 'Identity militia',
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
  8: 'External/Other forces',
} as const;

export type ActorTypeCode = keyof typeof ACTOR_TYPES;
export type ActorTypeLabel = (typeof ACTOR_TYPES)[ActorTypeCode];

export function isActorTypeCode(value: unknown): value is ActorTypeCode {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 8;
}

export type DisorderType = 'Political violence' | 'Demonstrations' | 'Political violence; Demonstrations' | 'Strategic developments';

/**
 * Disorder type follows from the sub-event type: violent demonstrations and excessive force
 * against protesters are both political violence and demonstrations.
 */
export function disorderTypeOf(eventType: EventType, subEventType: SubEventType): DisorderType {
  if (subEventType === 'Violent demonstration' || subEventType === 'Excessive force against protesters') {
    return 'Political violence; Demonstrations';
  }
  if (eventType === 'Protests') return 'Demonstrations';
  if (eventType === 'Strategic developments') return 'Strategic developments';
  return 'Political violence';
}

/**
 * ACLED's interaction: the two actor types joined lowest first ("State forces-Protesters"),
 * or "<type> only" when there is no second actor. The numeric form (lowest code times ten plus
 * the other) is what older ACLED files carry. The codebook's table has one exception to the
 * order: 78 is "External/Other forces-Civilians".
 */
export function interactionOf(inter1: ActorTypeCode, inter2?: ActorTypeCode): { code: number; label: string } {
  if (inter2 === undefined) return { code: inter1 * 10, label: `${ACTOR_TYPES[inter1]} only` };
  const [a, b] = inter1 <= inter2 ? [inter1, inter2] : [inter2, inter1];
  if (a === 7 && b === 8) return { code: 78, label: `${ACTOR_TYPES[8]}-${ACTOR_TYPES[7]}` };
  return { code: a * 10 + b, label: `${ACTOR_TYPES[a]}-${ACTOR_TYPES[b]}` };
}

/** ACLED geo_precision: 1 the exact town, 2 near it or a part of a region, 3 only a larger region. */
export type GeoPrecision = 1 | 2 | 3;

export function isGeoPrecision(value: unknown): value is GeoPrecision {
  return value === 1 || value === 2 || value === 3;
}
