/**
 * JSON Schemas of the public records (PublicEvent and what it contains, pages, errors, the
 * report intake contract) for the OpenAPI document, built from core's own lists.
 */
import { EVENT_TYPE_LIST, SUB_EVENT_TYPE_LIST } from '../core/coding.ts';
import { CONTACT_AGE_MAX, HOW_KNOWN, REPORT_LIMITS, REPORT_STATES } from '../core/report.ts';
import { REPORT_LANGS, REPORT_PATTERNS } from '../core/report-contract.ts';
import { TIME_PRECISIONS } from '../core/time.ts';
import { VERIFICATION_STATUSES } from '../core/verification.ts';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: ReadonlyArray<string | number>;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  not?: JsonSchema;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  examples?: unknown[];
}

const RECEIPT_PATTERN = '^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$';

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'string',
  ...(description ? { description } : {}),
  ...extra,
});
/** Optional free text of the report: bounded, no control characters. */
const text = (description: string, maxLength: number): JsonSchema =>
  str(description, { maxLength, not: { pattern: REPORT_PATTERNS.forbidden } });
const obj = (properties: Record<string, JsonSchema>, required: string[], description?: string): JsonSchema => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required,
  additionalProperties: false,
});

export const schemas: Record<string, JsonSchema> = {
  PublicEvent: obj(
    {
      id: { type: 'integer', minimum: 1 },
      revision: { type: 'integer', minimum: 1, description: 'The published revision; the permalink stays the same across revisions.' },
      publishedAt: str('When this revision was published.', { format: 'date-time' }),
      firstPublishedAt: str('When the first revision of this event was published.', { format: 'date-time' }),
      summary: obj({ en: str(undefined, { maxLength: 300 }), ru: str(undefined, { maxLength: 300 }) }, ['en']),
      notes: str(undefined, { maxLength: 5000 }),
      time: ref('EventTime'),
      localDate: str('Local date at the place, which the chronology and filters use.', { format: 'date' }),
      location: ref('EventLocation'),
      disorderType: {
        type: 'string',
        enum: ['Political violence', 'Demonstrations', 'Political violence; Demonstrations', 'Strategic developments'],
      },
      eventType: { type: 'string', enum: EVENT_TYPE_LIST },
      subEventType: { type: 'string', enum: SUB_EVENT_TYPE_LIST },
      actor1: ref('Actor'),
      actor2: ref('Actor'),
      interaction: str('ACLED interaction label, e.g. "State forces-Protesters".'),
      civilianTargeting: { type: 'boolean' },
      fatalities: ref('Fatalities'),
      status: ref('VerificationStatus'),
      statusReason: str('Why the status is what it is (how it was verified, what is disputed, why retracted).'),
      sources: { type: 'array', items: ref('PublicSource') },
      privateSourceCount: { type: 'integer', minimum: 0, description: 'Reports and private sources relied on; never shown.' },
      tags: { type: 'array', items: { type: 'string' } },
      timePrecisionAcled: { type: 'integer', enum: [1, 2, 3], description: 'ACLED time_precision: 1 day, 2 week, 3 month.' },
      media: {
        type: 'array',
        items: ref('PublicMedia'),
        description: 'Photos and videos published with the event; absent when there are none.',
      },
    },
    [
      'id',
      'revision',
      'publishedAt',
      'firstPublishedAt',
      'summary',
      'time',
      'localDate',
      'location',
      'disorderType',
      'eventType',
      'subEventType',
      'actor1',
      'interaction',
      'civilianTargeting',
      'fatalities',
      'status',
      'sources',
      'privateSourceCount',
      'tags',
      'timePrecisionAcled',
    ],
    'The public record of one event at its published revision.',
  ),
  EventTime: obj(
    {
      start: str('UTC instant.', { format: 'date-time' }),
      end: str('End of an interval, UTC instant.', { format: 'date-time' }),
      precision: { type: 'string', enum: TIME_PRECISIONS },
      timeZone: str('IANA zone of the place, e.g. Asia/Almaty.'),
      approximate: { type: 'boolean' },
    },
    ['start', 'precision', 'timeZone'],
  ),
  EventLocation: obj(
    {
      placeId: str('Gazetteer id, e.g. kz-almaty.'),
      name: str('ACLED location name.'),
      admin1: str(),
      admin2: str(),
      admin3: str(),
      country: str('ISO 3166-1 alpha-3.', { pattern: '^[A-Z]{3}$' }),
      lat: { type: 'number', minimum: -90, maximum: 90 },
      lon: { type: 'number', minimum: -180, maximum: 180 },
      geoPrecision: { type: 'integer', enum: [1, 2, 3], description: 'ACLED geo_precision.' },
    },
    ['name', 'country', 'lat', 'lon', 'geoPrecision'],
  ),
  Actor: obj(
    {
      name: str(),
      type: {
        type: 'integer',
        minimum: 1,
        maximum: 8,
        description: 'ACLED actor type: 1 State forces ... 6 Protesters, 7 Civilians, 8 External/Other forces.',
      },
      associated: { type: 'array', items: { type: 'string' } },
    },
    ['name', 'type', 'associated'],
  ),
  Fatalities: obj(
    {
      min: { type: ['integer', 'null'], minimum: 0 },
      max: { type: ['integer', 'null'], minimum: 0 },
      wording: { type: ['string', 'null'], description: 'The source\'s own words, e.g. "dozens".' },
      acled: { type: 'integer', minimum: 0, description: 'The conservative single figure, as in the CSV.' },
    },
    ['acled'],
  ),
  PublicMedia: obj(
    {
      sha256: str('SHA-256 (lowercase hex) of the file as served at /media/{sha256}, with its metadata removed.', {
        pattern: '^[0-9a-f]{64}$',
      }),
      mime: str('e.g. image/jpeg, video/mp4.'),
      bytes: { type: 'integer', minimum: 0 },
      width: { type: 'integer', minimum: 1 },
      height: { type: 'integer', minimum: 1 },
      durationMs: { type: 'integer', minimum: 0 },
      caption: str(undefined, { maxLength: 300 }),
    },
    ['sha256', 'mime', 'bytes'],
  ),
  PublicSource: obj({ url: str(undefined, { format: 'uri' }), title: str(), outlet: str(), scale: str('ACLED source_scale.') }, ['url']),
  VerificationStatus: { type: 'string', enum: VERIFICATION_STATUSES },
  EventPage: obj(
    {
      events: { type: 'array', items: ref('PublicEvent') },
      page: { type: 'integer', minimum: 1 },
      pageSize: { type: 'integer', minimum: 1, maximum: 500 },
      total: { type: 'integer', minimum: 0 },
      next: str('The next page, when there is one.', { format: 'uri' }),
    },
    ['events', 'page', 'pageSize', 'total'],
  ),
  Publication: obj(
    {
      revision: { type: 'integer', minimum: 1 },
      action: { type: 'string', enum: ['publish', 'unpublish'] },
      reason: { type: ['string', 'null'], description: "The editors' public note for a publish; null for an unpublish." },
      at: str(undefined, { format: 'date-time' }),
      record: ref('PublicEvent'),
    },
    ['revision', 'action', 'reason', 'at'],
    'One publish or unpublish; publish entries carry the record as it was published.',
  ),
  EventHistory: obj({ id: { type: 'integer' }, publications: { type: 'array', items: ref('Publication') } }, ['id', 'publications']),
  Error: obj(
    {
      error: obj(
        {
          code: str('Stable machine-readable code, e.g. invalid_input, not_found.'),
          message: str(),
          at: str('For 410: when the event was withdrawn.', { format: 'date-time' }),
          problems: { type: 'array', items: obj({ field: str(), message: str() }, ['field', 'message']) },
          limit: {
            type: 'string',
            enum: ['client_reports', 'client_bytes', 'total_reports', 'total_bytes', 'disk_reserve'],
            description:
              'For 429 and 507: the budget that was spent (per client or for the whole chronicle, in reports or bytes per period) or the disk reserve reached.',
          },
          retryAfter: {
            type: 'integer',
            minimum: 1,
            description: 'For 429 and 507: seconds to wait before sending again, as the Retry-After header says.',
          },
        },
        ['code', 'message'],
      ),
    },
    ['error'],
  ),
  ReportInput: {
    ...obj(
      {
        what: str('What happened, in your own words; not blank.', {
          minLength: 1,
          maxLength: REPORT_LIMITS.what,
          pattern: REPORT_PATTERNS.notBlank,
          not: { pattern: REPORT_PATTERNS.forbidden },
        }),
        when: text('When, as you would say it.', REPORT_LIMITS.when),
        where: text('Where, as you would say it.', REPORT_LIMITS.where),
        howKnown: { type: 'string', enum: HOW_KNOWN, description: 'How you know; "other" when absent.' },
        contact: text('A way to reach you; stored encrypted, never public. Not with contactAge.', REPORT_LIMITS.contact),
        contactAge: str(
          'Private fields encrypted by the sender to every recipient of /api/v1/recipients: an ASCII-armored age file whose plaintext is ' +
            'a JSON object with contact and, if the reporter chose, when and where. Stored as sent; the server cannot read it. Not with contact.',
          { maxLength: CONTACT_AGE_MAX, pattern: REPORT_PATTERNS.contactAge },
        ),
        idempotencyKey: str(
          'Any unique token (a UUID will do); sending the same key again returns the first receipt instead of storing a second report. ' +
            'May instead be sent as the Idempotency-Key header; both must agree when both are given. A key of the form device:<22+ base64url ' +
            'characters> is shared by every channel and fixes the receipt code: the first 60 bits of SHA-256("caravan-receipt\\n" + key).',
          { pattern: REPORT_PATTERNS.idempotencyKey },
        ),
        lang: { type: 'string', enum: REPORT_LANGS, description: 'Language the reporter wrote in or wants answers in.' },
        writtenAt: str(
          'When the reporter wrote the report on their device, if it was kept there before it was sent (the offline page does): ' +
            'what the time of the event is read against. ISO 8601 with its offset.',
          { pattern: REPORT_PATTERNS.instant },
        ),
      },
      ['what'],
      'Text fields count Unicode code points and may not hold control characters (other than tab and line ends) or lone surrogates; ' +
        'null is never a value: leave a field out instead.',
    ),
    not: { required: ['contact', 'contactAge'] },
  },
  ReportReceipt: obj(
    {
      receiptCode: str('Keep it to check on the report later.', { pattern: RECEIPT_PATTERN }),
      state: { type: 'string', enum: REPORT_STATES, description: "Where the report stands in the editors' queue." },
      statusUrl: str('Page where the receipt code can be checked.', { format: 'uri' }),
    },
    ['receiptCode', 'state', 'statusUrl'],
  ),
  RelayReceipt: obj(
    {
      receiptCode: str('The code the origin will confirm; it works at the origin once the report arrives.', { pattern: RECEIPT_PATTERN }),
      relayedTo: str('Origin of the chronicle the report is held for.', { format: 'uri' }),
      statusUrl: str("The origin's page where the receipt code can be checked.", { format: 'uri' }),
    },
    ['receiptCode', 'relayedTo', 'statusUrl'],
  ),
  Recipients: obj(
    {
      recipients: {
        type: 'array',
        items: obj(
          {
            recipient: str('An age X25519 recipient.', { pattern: '^age1[02-9ac-hj-np-z]{58}$' }),
            since: str('', { format: 'date-time' }),
          },
          ['recipient', 'since'],
        ),
      },
    },
    ['recipients'],
  ),
  ReportStatusRequest: obj({ code: str('The receipt code; case, spaces and dashes are forgiven.', { maxLength: 40 }) }, ['code']),
  ReportStatus: obj(
    {
      state: { type: 'string', enum: REPORT_STATES },
      receivedAt: str('UTC day of receipt; never the time of day.', { format: 'date' }),
      eventUrl: str('The published event the report went into, if any.', { format: 'uri' }),
    },
    ['state', 'receivedAt'],
    "Only the state: nothing about the report's content or the reporter.",
  ),
};
