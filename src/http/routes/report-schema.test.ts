/**
 * The OpenAPI document and POST /api/v1/reports agree: bodies generated around the ReportInput
 * schema are judged by an independent validator (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses),
 * and the server must accept exactly the valid ones and refuse each invalid one naming the
 * fields the validator blames.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { openApiDocument } from '../../publish/openapi.ts';
import { type TestApp, openTestApp } from '../testing.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp();
});
after(() => t.close());

const doc = openApiDocument('http://localhost') as { components: { schemas: Record<string, object> } };
const reportSchema = doc.components.schemas.ReportInput!;
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(reportSchema);

/** A seeded generator, so a failing body can be replayed. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const ARMOR = '-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOQ==\n-----END AGE ENCRYPTED FILE-----\n';

/** Values meant to fit a text field of at most `max` characters, and values meant not to. */
function textValues(max: number): { good: unknown[]; bad: unknown[] } {
  return {
    good: [
      'Shots near the akimat',
      'Алматыда атыс болды, көп адам жиналды',
      'Толпа у акимата',
      'line one\r\nline two\n\tindented',
      'x'.repeat(max),
      '😀'.repeat(max),
      '  padded  ',
      '',
      '   ',
    ],
    bad: [
      null,
      5,
      true,
      [],
      { text: 'hi' },
      'x'.repeat(max + 1),
      '😀'.repeat(max + 1),
      ` ${'x'.repeat(max)}`,
      'bell\u0007',
      'vertical\u000btab',
      '\u000bleading',
      'broken \ud800 text',
      'nul\u0000',
    ],
  };
}

const VALUES: Record<string, { good: unknown[]; bad: unknown[] }> = {
  what: textValues(5000),
  when: textValues(200),
  where: textValues(300),
  contact: textValues(300),
  howKnown: { good: ['saw', 'heard', 'relayed', 'media', 'other'], bad: ['SAW', '', null, 1, ['saw']] },
  contactAge: {
    good: [ARMOR, ARMOR.replace(/\n/g, '\r\n')],
    bad: ['', 'not an age file', null, 7, `-----BEGIN AGE ENCRYPTED FILE-----\n${'A'.repeat(17_000)}\n-----END AGE ENCRYPTED FILE-----\n`],
  },
  lang: { good: ['en', 'ru', 'kk'], bad: [5, 'kz', 'EN', null, ''] },
  idempotencyKey: { good: [], bad: ['short', '', null, 'has a space 12345', 'x'.repeat(129)] },
};

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function generateBody(r: () => number, i: number): unknown {
  const roll = r();
  if (roll < 0.02) return pick(r, [null, [], 'a report', 5, [{ what: 'in an array' }]]);
  const body: Record<string, unknown> = {};
  const mostlyGood = r() < 0.5;
  for (const [name, values] of Object.entries(VALUES)) {
    const chance = name === 'what' ? 0.95 : 0.35;
    if (r() >= chance) continue;
    if (name === 'idempotencyKey') {
      const good = r() < (mostlyGood ? 0.9 : 0.5);
      body[name] = good
        ? r() < 0.5
          ? `key-${i}-${Math.floor(r() * 1e9)}`
          : `device:${'A'.repeat(12)}${String(i).padStart(10, '0')}`
        : pick(r, values.bad);
      continue;
    }
    const good = r() < (mostlyGood ? 0.93 : 0.6);
    body[name] = pick(r, good || values.bad.length === 0 ? values.good : values.bad);
  }
  if (r() < 0.04) body[pick(r, ['colour', 'contact_age', 'Lang'])] = 'extra';
  return body;
}

/** The fields Ajv blames for a body, named as the server names them. */
function blamed(errors: readonly ErrorObject[]): Set<string> {
  // A body that is not an object is one problem, whatever else the validator then says.
  if (errors.some((e) => e.instancePath === '' && e.keyword === 'type')) return new Set(['report']);
  const out = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'required') out.add(String(e.params.missingProperty));
    else if (e.keyword === 'additionalProperties') out.add(String(e.params.additionalProperty));
    else if (e.instancePath === '' && e.keyword === 'not') out.add('contactAge');
    else if (e.instancePath === '') out.add('report');
    else out.add(e.instancePath.split('/')[1]!);
  }
  return out;
}

test('the server accepts every body the schema accepts and refuses, by field, every body it refuses', async () => {
  const r = random(20260105);
  const disagreements: string[] = [];
  let valid = 0;
  let invalid = 0;
  for (let i = 0; valid < 220 || invalid < 220; i++) {
    assert.ok(i < 5000, 'the generator should reach both counts quickly');
    const body = generateBody(r, i);
    const ok = validate(body);
    if (ok ? valid >= 220 : invalid >= 220) continue;
    const res = await t.app.request('http://localhost/api/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as { error?: { problems?: Array<{ field: string }> } };
    const shown = JSON.stringify(body).slice(0, 300);
    if (ok) {
      valid++;
      if (res.status !== 201 && res.status !== 200)
        disagreements.push(`valid, got ${res.status} ${JSON.stringify(answer).slice(0, 200)}: ${shown}`);
    } else {
      invalid++;
      const expected = [...blamed(validate.errors ?? [])].sort();
      const named = [...new Set(answer.error?.problems?.map((p) => p.field) ?? [])].sort();
      if (res.status !== 422) disagreements.push(`invalid (${expected.join(', ')}), got ${res.status}: ${shown}`);
      else if (JSON.stringify(named) !== JSON.stringify(expected))
        disagreements.push(`invalid: schema blames ${expected.join(', ')}, server names ${named.join(', ')}: ${shown}`);
    }
  }
  assert.deepEqual(disagreements, [], `${disagreements.length} of ${valid + invalid} bodies`);
});

test('the schema says what the server enforces on contactAge, contact and what', () => {
  const props = (reportSchema as { properties: Record<string, { pattern?: string; minLength?: number }> }).properties;
  assert.ok(props.contactAge!.pattern, 'contactAge has its pattern');
  assert.equal(props.what!.minLength, 1);
  assert.equal(validate({ what: 'x', contact: '@me', contactAge: ARMOR }), false, 'contact and contactAge exclude each other');
  assert.equal(validate({ what: 'Алматыда атыс болды', lang: 'kk' }), true, 'a report in Kazakh is valid');
});

test('lang 5 and null fields are refused by name; a report in Kazakh is stored', async () => {
  const post = (body: unknown) =>
    t.app.request('http://localhost/api/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const fields = async (res: Response) =>
    ((await res.json()) as { error: { problems: Array<{ field: string }> } }).error.problems.map((p) => p.field);
  const five = await post({ what: 'Crowd at the square', lang: 5 });
  assert.equal(five.status, 422);
  assert.deepEqual(await fields(five), ['lang']);
  const nulls = await post({ what: 'Crowd at the square', when: null, howKnown: null });
  assert.equal(nulls.status, 422);
  assert.deepEqual((await fields(nulls)).sort(), ['howKnown', 'when']);
  const kazakh = await post({ what: 'Алаңда көп адам жиналды', lang: 'kk' });
  assert.equal(kazakh.status, 201);
});
