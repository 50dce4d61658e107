/**
 * The OpenAPI 3.1 description of Caravan's public HTTP interface: the events API, report
 * submission and the data files. Schemas (openapi-schemas.ts) are built from core's own lists (event types,
 * statuses, precisions), so a new code in core shows up here without a second edit;
 * openapi.test.ts checks a real PublicEvent against the PublicEvent schema.
 */
import { EVENT_TYPE_LIST } from '../core/coding.ts';
import { type JsonSchema, ref, schemas } from './openapi-schemas.ts';

export type { JsonSchema } from './openapi-schemas.ts';

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  description: string;
  schema: JsonSchema;
}

export type ParameterOrRef = Parameter | { $ref: string };

export interface MediaType {
  schema?: JsonSchema;
}

export interface Response {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, MediaType>;
}

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: ParameterOrRef[];
  requestBody?: { required: boolean; content: Record<string, MediaType> };
  responses: Record<string, Response | { $ref: string }>;
}

export interface PathItem {
  get?: Operation;
  post?: Operation;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: Array<{ url: string }>;
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, Parameter>;
    responses: Record<string, Response>;
  };
}

const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });

const filterParam = (name: string, description: string, schema: JsonSchema): Parameter => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

const parameters: Record<string, Parameter> = {
  from: filterParam('from', 'First local date, inclusive.', { type: 'string', format: 'date' }),
  to: filterParam('to', 'Last local date, inclusive.', { type: 'string', format: 'date' }),
  region: filterParam('region', 'Region (admin1) gazetteer id, e.g. kz-mangystau.', { type: 'string', pattern: '^[a-z0-9-]{1,80}$' }),
  type: filterParam('type', 'ACLED event type.', { type: 'string', enum: EVENT_TYPE_LIST }),
  status: filterParam('status', 'Verification status.', ref('VerificationStatus')),
  page: filterParam('page', 'Page number, from 1.', { type: 'integer', minimum: 1 }),
  pageSize: filterParam('pageSize', 'Events per page (default 50).', { type: 'integer', minimum: 1, maximum: 500 }),
  lang: filterParam('lang', 'Language of titles and text in feeds.', { type: 'string', enum: ['en', 'ru'] }),
  id: { name: 'id', in: 'path', required: true, description: 'Event id.', schema: { type: 'integer', minimum: 1 } },
  idempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'Same as the idempotencyKey body field.',
    schema: { type: 'string', pattern: '^"?[A-Za-z0-9._~:+/=-]{8,128}"?$' },
  },
  ifNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: 'An ETag from an earlier answer.',
    schema: { type: 'string' },
  },
};

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const errorResponse = (description: string): Response => ({ description, content: json(ref('Error')) });
const cached = { ETag: { description: 'Changes whenever anything is published or unpublished.', schema: { type: 'string' } } };

const responses: Record<string, Response> = {
  NotModified: { description: 'Nothing published since the ETag given in If-None-Match.' },
  BadRequest: errorResponse('Malformed request, e.g. a non-numeric id or a body that is not JSON.'),
  NotFound: errorResponse('No event with that id was ever published.'),
  Gone: errorResponse('The editors withdrew this event; the message and `at` say when.'),
  TooLarge: errorResponse('The body is too large.'),
  Conflict: errorResponse('The idempotency key was already used for a different report.'),
  NotStored: errorResponse('The report was not stored; send it again with the same idempotency key.'),
  Invalid: errorResponse('Invalid input; `problems` names each bad field.'),
  RateLimited: {
    description:
      'An intake budget is spent (`limit` says which; counts kept in memory only, under a keyed hash of the address that changes every period): nothing was stored; send it again after Retry-After.',
    headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 1 } } },
    content: json(ref('Error')),
  },
  StoreFull: {
    description:
      "The chronicle's disk is nearly full (`limit` is disk_reserve) and its editors have been told: nothing was stored; retry like a 503.",
    headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 1 } } },
    content: json(ref('Error')),
  },
  InvalidFilter: {
    description: 'A filter is invalid; `problems` names it. Browsers get an HTML page, clients that accept JSON get the Error object.',
    content: { ...json(ref('Error')), 'text/html': {} },
  },
};

const FILTERS = [param('from'), param('to'), param('region'), param('type'), param('status')];

function dataFile(operationId: string, summary: string, mediaType: string, description: string, extra: ParameterOrRef[] = []): PathItem {
  return {
    get: {
      operationId,
      summary,
      description,
      tags: ['data files'],
      parameters: [...FILTERS, ...extra, param('ifNoneMatch')],
      responses: {
        '200': { description: summary, headers: cached, content: { [mediaType]: {} } },
        '304': response('NotModified'),
        '422': response('InvalidFilter'),
      },
    },
  };
}

/** The document, with `origin` as the server address. */
export function openApiDocument(origin: string): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Caravan chronicle API',
      version: '1.0.0',
      description:
        'Published events of the chronicle as JSON, feeds and ACLED-compatible files, and report submission. GET endpoints are public, ' +
        'cacheable (ETag, max-age 60) and allow any origin. Data: CC BY 4.0, cite the permalink.',
      license: { name: 'CC BY 4.0 (data)', identifier: 'CC-BY-4.0' },
    },
    servers: [{ url: origin }],
    paths: {
      '/api/v1/events': {
        get: {
          operationId: 'listEvents',
          summary: 'Published events, newest local day first',
          tags: ['events'],
          parameters: [...FILTERS, param('page'), param('pageSize'), param('ifNoneMatch')],
          responses: {
            '200': { description: 'One page of events.', headers: cached, content: json(ref('EventPage')) },
            '304': response('NotModified'),
            '422': response('Invalid'),
          },
        },
      },
      '/api/v1/events/{id}': {
        get: {
          operationId: 'getEvent',
          summary: 'One published event at its current revision',
          tags: ['events'],
          parameters: [param('id'), param('ifNoneMatch')],
          responses: {
            '200': { description: 'The event.', headers: cached, content: json(ref('PublicEvent')) },
            '304': response('NotModified'),
            '400': response('BadRequest'),
            '404': response('NotFound'),
            '410': response('Gone'),
          },
        },
      },
      '/api/v1/events/{id}/history': {
        get: {
          operationId: 'getEventHistory',
          summary: 'Every publication of a published event, oldest first',
          tags: ['events'],
          parameters: [param('id'), param('ifNoneMatch')],
          responses: {
            '200': { description: 'The publication history.', headers: cached, content: json(ref('EventHistory')) },
            '304': response('NotModified'),
            '400': response('BadRequest'),
            '404': response('NotFound'),
            '410': response('Gone'),
          },
        },
      },
      '/api/v1/reports': {
        post: {
          operationId: 'submitReport',
          summary: 'Send a report (no account needed)',
          description: 'The report is stored before the answer is sent. No client address is stored or logged. Not available cross-origin.',
          tags: ['reports'],
          parameters: [param('idempotencyKey')],
          requestBody: { required: true, content: json(ref('ReportInput')) },
          responses: {
            '201': { description: 'Received; keep the receipt code.', content: json(ref('ReportReceipt')) },
            '200': {
              description: 'The same idempotencyKey was sent before: the first receipt again.',
              content: json(ref('ReportReceipt')),
            },
            '400': response('BadRequest'),
            '409': response('Conflict'),
            '413': response('TooLarge'),
            '422': response('Invalid'),
            '429': response('RateLimited'),
            '503': response('NotStored'),
            '507': response('StoreFull'),
          },
        },
      },
      '/api/v1/recipients': {
        get: {
          operationId: 'editorRecipients',
          summary: "The editors' age recipients, to encrypt a report's private fields to",
          description: 'Encrypt contactAge to every recipient listed, so each editor can open it with their own identity.',
          tags: ['reports'],
          responses: { '200': { description: 'The current recipients; cacheable for a few minutes.', content: json(ref('Recipients')) } },
        },
      },
      '/api/v1/reports/status': {
        post: {
          operationId: 'reportStatus',
          summary: 'Where a report stands, by receipt code',
          description: 'A POST so the receipt code stays out of addresses, logs and caches.',
          tags: ['reports'],
          requestBody: { required: true, content: json(ref('ReportStatusRequest')) },
          responses: {
            '200': { description: 'The state.', content: json(ref('ReportStatus')) },
            '400': response('BadRequest'),
            '404': errorResponse('No report with this code.'),
            '422': response('Invalid'),
          },
        },
      },
      '/api/v1/relay/{origin}/reports': {
        post: {
          operationId: 'relayReport',
          summary: 'Send a report for another chronicle through this node (a relay)',
          description:
            'Takes the body of POST /api/v1/reports, holds it byte for byte and forwards it until the origin confirms it. Only on nodes whose CARAVAN_RELAY_FOR names the origin. The idempotency key, if given, must be a device key ("device:" and 22 to 43 base64url characters); without one the relay draws one.',
          tags: ['reports'],
          parameters: [
            {
              name: 'origin',
              in: 'path',
              required: true,
              description: "The origin's host, such as kz.example.org.",
              schema: { type: 'string' },
            },
            param('idempotencyKey'),
          ],
          requestBody: { required: true, content: json(ref('ReportInput')) },
          responses: {
            '202': { description: 'Held here; the origin will confirm the receipt code.', content: json(ref('RelayReceipt')) },
            '400': response('BadRequest'),
            '403': errorResponse('This node does not relay for that origin.'),
            '409': response('Conflict'),
            '413': response('TooLarge'),
            '422': response('Invalid'),
            '429': response('RateLimited'),
            '503': response('NotStored'),
            '507': response('StoreFull'),
          },
        },
      },
      '/api/v1/sms/smssync': {
        post: {
          operationId: 'smsSync',
          summary: 'An SMS relayed by the SMSSync Android app',
          description:
            'SMSSync\'s form post. `secret` must equal CARAVAN_SMSSYNC_SECRET; without that variable the endpoint answers 404. Every answer is SMSSync\'s `{"payload":{"success":…,"error":…}}`; the app retries until success. The same SMS (sender, sent_timestamp, text) is stored once however often it is delivered. The text may use the keypad format "PLACE DD.MM [HH:MM] text".',
          tags: ['sms'],
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': {
                schema: {
                  type: 'object',
                  required: ['from', 'message', 'secret'],
                  properties: {
                    from: { type: 'string', description: "The sender's number: sealed, never stored in clear." },
                    message: { type: 'string', maxLength: 5000 },
                    message_id: { type: 'string' },
                    sent_to: { type: 'string' },
                    secret: { type: 'string' },
                    device_id: { type: 'string' },
                    sent_timestamp: { type: 'string', description: 'Unix time in seconds or milliseconds.' },
                  },
                },
              },
            },
          },
          responses: {
            '200': {
              description: 'Stored (or stored before): `{"payload":{"success":true,"error":null}}`.',
              content: json({ type: 'object' }),
            },
            '403': { description: 'The secret does not match; success false.', content: json({ type: 'object' }) },
            '404': { description: 'SMSSync intake is not configured; success false.', content: json({ type: 'object' }) },
            '422': { description: 'A field is missing or malformed; the error names it.', content: json({ type: 'object' }) },
            '503': { description: 'Not stored; SMSSync will send it again.', content: json({ type: 'object' }) },
          },
        },
      },
      '/api/v1/sms/gateway': {
        post: {
          operationId: 'smsGatewayWebhook',
          summary: 'A webhook of SMS Gateway for Android (sms:received)',
          description:
            "The app's JSON envelope {deviceId, event, id, payload: {message, phoneNumber, receivedAt, …}, webhookId}. X-Signature must be the hex HMAC-SHA256, keyed with CARAVAN_SMS_GATEWAY_SECRET, of the raw body followed by X-Timestamp; X-Timestamp (Unix seconds) must be within 5 minutes of the server's clock. Without the variable the endpoint answers 404. Events other than sms:received are acknowledged and ignored. The same SMS is stored once however often it is delivered.",
          tags: ['sms'],
          parameters: [
            {
              name: 'X-Signature',
              in: 'header',
              required: true,
              description: 'Hex HMAC-SHA256 of the raw body followed by X-Timestamp.',
              schema: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' },
            },
            {
              name: 'X-Timestamp',
              in: 'header',
              required: true,
              description: 'Unix time in seconds, within 5 minutes of now.',
              schema: { type: 'string', pattern: '^[0-9]{1,12}$' },
            },
          ],
          requestBody: { required: true, content: json({ type: 'object', required: ['id', 'event'] }) },
          responses: {
            '200': { description: 'Stored, stored before, or an event without a report.', content: json({ type: 'object' }) },
            '400': response('BadRequest'),
            '401': errorResponse('Missing or wrong signature, or a timestamp too far from now; nothing stored.'),
            '404': errorResponse('SMS Gateway intake is not configured.'),
            '413': response('TooLarge'),
            '422': response('Invalid'),
            '503': response('NotStored'),
          },
        },
      },
      '/feed.atom': dataFile(
        'atomFeed',
        'Atom feed of the 50 latest publications',
        'application/atom+xml',
        'Atom 1.0 with GeoRSS points.',
        [param('lang')],
      ),
      '/feed.json': dataFile(
        'jsonFeed',
        'JSON Feed of the 50 latest publications',
        'application/feed+json',
        'JSON Feed 1.1 with a `_caravan` extension.',
        [param('lang')],
      ),
      '/events.geojson': dataFile(
        'eventsGeoJson',
        'All published events as GeoJSON',
        'application/geo+json',
        'A FeatureCollection of Points ([longitude, latitude]).',
      ),
      '/events.csv': dataFile(
        'eventsCsv',
        'All published events as ACLED-compatible CSV',
        'text/csv',
        "ACLED's columns in ACLED's order; see /data for conventions.",
      ),
      '/openapi.json': {
        get: {
          operationId: 'openApi',
          summary: 'This document',
          tags: ['meta'],
          responses: { '200': { description: 'OpenAPI 3.1 document.', content: json({ type: 'object' }) } },
        },
      },
    },
    components: { schemas, parameters, responses },
  };
}
