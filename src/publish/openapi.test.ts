import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type PublicEvent, toPublicEvent } from '../core/public-event.ts';
import { sampleEventData } from '../core/testing.ts';
import { type JsonSchema, openApiDocument } from './openapi.ts';

const doc = JSON.parse(JSON.stringify(openApiDocument('https://chronicle.example.org')));

function resolve(ref: string): unknown {
  assert.match(ref, /^#\//, `only local references: ${ref}`);
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    assert.ok(node !== undefined, `unresolved $ref ${ref}`);
  }
  return node;
}

function walk(node: unknown, visit: (obj: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) for (const x of node) walk(x, visit);
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    for (const x of Object.values(node)) walk(x, visit);
  }
}

/** Enough of JSON Schema to check our records against our schemas: types, enums, required, no extras. */
function problems(schema: JsonSchema, value: unknown, at = '$'): string[] {
  if (schema.$ref) return problems(resolve(schema.$ref) as JsonSchema, value, at);
  const out: string[] = [];
  if (schema.type) {
    const types = [schema.type].flat();
    const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    const fits = types.some((t) => t === actual || (t === 'integer' && Number.isInteger(value)) || (t === 'number' && actual === 'number'));
    if (!fits) return [`${at}: ${JSON.stringify(value)} is not ${types.join('|')}`];
  }
  if (schema.enum && !schema.enum.includes(value as string)) out.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if (schema.pattern && typeof value === 'string' && !new RegExp(schema.pattern).test(value))
    out.push(`${at}: does not match ${schema.pattern}`);
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) out.push(`${at}: below minimum`);
  if (Array.isArray(value) && schema.items) for (const [i, x] of value.entries()) out.push(...problems(schema.items, x, `${at}[${i}]`));
  if (value && typeof value === 'object' && !Array.isArray(value) && schema.properties) {
    for (const key of schema.required ?? []) if (!(key in value)) out.push(`${at}.${key}: required but missing`);
    for (const [key, v] of Object.entries(value)) {
      const sub = schema.properties[key];
      if (sub) out.push(...problems(sub, v, `${at}.${key}`));
      else if (schema.additionalProperties === false) out.push(`${at}.${key}: not in the schema`);
    }
  }
  return out;
}

/** A public event with every optional field filled, so the schema is checked against all of them. */
function fullEvent(): PublicEvent {
  return toPublicEvent(
    9,
    4,
    sampleEventData({
      time: {
        start: '2022-01-05T04:00:00.000Z',
        end: '2022-01-05T06:00:00.000Z',
        precision: 'hour',
        timeZone: 'Asia/Almaty',
        approximate: true,
      },
      location: {
        placeId: 'kz-almaty',
        name: 'Almaty',
        admin1: 'Almaty',
        admin2: 'Medeu',
        admin3: 'X',
        country: 'KAZ',
        lat: 43.2,
        lon: 76.9,
        geoPrecision: 2,
      },
      actor2: { name: 'Police', type: 1, associated: ['National Guard'] },
      fatalities: { min: 1, max: 3, wording: 'a few' },
      status: 'disputed',
      statusReason: 'Figures differ',
      sources: [
        { kind: 'link', url: 'https://example.org/a', title: 'T', outlet: 'O', scale: 'National' },
        { kind: 'report', reportId: 'R1' },
      ],
      tags: ['a'],
      media: [{ sha256: 'a'.repeat(64), mime: 'video/mp4', bytes: 2048, width: 640, height: 360, durationMs: 4000, caption: 'c' }],
    }),
    '2022-01-06T00:00:00.000Z',
    '2022-01-05T00:00:00.000Z',
  );
}

test('the document is OpenAPI 3.1 and every $ref resolves', () => {
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(doc.info.title && doc.info.version);
  let refs = 0;
  walk(doc, (obj) => {
    if (typeof obj.$ref === 'string') {
      resolve(obj.$ref);
      refs++;
    }
  });
  assert.ok(refs > 20);
  assert.throws(() => resolve('#/components/schemas/Nope'));
});

test('every operation has a unique id, a success response, and declares its path parameters', () => {
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(
    doc.paths as Record<string, Record<string, { operationId: string; responses: object; parameters?: Array<{ $ref?: string }> }>>,
  )) {
    for (const [method, op] of Object.entries(item)) {
      assert.ok(['get', 'post'].includes(method), `${method} ${path}`);
      assert.ok(!ids.has(op.operationId), `duplicate operationId ${op.operationId}`);
      ids.add(op.operationId);
      const codes = Object.keys(op.responses);
      assert.ok(
        codes.some((c) => /^2\d\d$/.test(c)),
        `${method} ${path} has a 2xx response`,
      );
      const declared = (op.parameters ?? []).map((p) => (p.$ref ? resolve(p.$ref) : p) as { name: string; in: string });
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
        assert.ok(
          declared.some((p) => p.in === 'path' && p.name === name),
          `${path} declares {${name}}`,
        );
      }
    }
  }
});

test('a real PublicEvent matches the PublicEvent schema, and the schema lists no field the record lacks', () => {
  const ev = JSON.parse(JSON.stringify(fullEvent()));
  const schema = doc.components.schemas.PublicEvent as JsonSchema;
  assert.deepEqual(problems(schema, ev), []);
  assert.deepEqual(Object.keys(schema.properties!).sort(), Object.keys(ev).sort());
  const minimal = JSON.parse(
    JSON.stringify(toPublicEvent(1, 1, sampleEventData({ notes: undefined }), '2022-01-06T00:00:00.000Z', '2022-01-06T00:00:00.000Z')),
  );
  assert.deepEqual(problems(schema, minimal), []);
});

test('the schema check catches records that drift from the schema', () => {
  const schema = doc.components.schemas.PublicEvent as JsonSchema;
  const ev = JSON.parse(JSON.stringify(fullEvent()));
  assert.notDeepEqual(problems(schema, { ...ev, reportIds: ['R1'] }), []);
  const { status: _status, ...withoutStatus } = ev;
  assert.notDeepEqual(problems(schema, withoutStatus), []);
  assert.notDeepEqual(problems(schema, { ...ev, eventType: 'Picnic' }), []);
  assert.notDeepEqual(problems(schema, { ...ev, location: { ...ev.location, lat: '43' } }), []);
});

test('the report endpoints describe the intake contract', () => {
  const input = doc.components.schemas.ReportInput as JsonSchema;
  assert.deepEqual(input.required, ['what']);
  assert.equal(input.properties!.what!.maxLength, 5000);
  assert.deepEqual(input.properties!.howKnown!.enum, ['saw', 'heard', 'relayed', 'media', 'other']);
  const post = doc.paths['/api/v1/reports'].post;
  assert.deepEqual(Object.keys(post.responses).sort(), ['200', '201', '400', '409', '413', '422', '429', '503', '507']);
  assert.deepEqual(
    problems(doc.components.schemas.Error, {
      error: { code: 'invalid_input', message: 'm', problems: [{ field: 'what', message: 'is required' }] },
    }),
    [],
  );
});

test('an independent OpenAPI 3.1 validator (@seriousme/openapi-schema-validator) accepts the document', async () => {
  const { Validator } = await import('@seriousme/openapi-schema-validator');
  const result = await new Validator().validate(JSON.parse(JSON.stringify(openApiDocument('https://chronicle.example.org'))));
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));
});
