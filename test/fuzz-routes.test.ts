/**
 * Every route of createApp under generated hostile requests: none may answer 5xx. The routes are
 * listed here and checked against the app's router, so a new route fails this test until it is
 * fuzzed too. FUZZ_SEED replays a run (the seed is printed); FUZZ_REQUESTS changes the count.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { formatCheckpoint } from '../src/log/checkpoint.ts';
import { utf8 } from '../src/log/hash.ts';
import { TreeBuilder, leafHash } from '../src/log/merkle.ts';
import { generateSignerKey, parseSignerKey, signNote } from '../src/log/note.ts';
import { formatAddCheckpointRequest } from '../src/log/witness.ts';
import { loadDemoIfEmpty } from '../src/demo/load.ts';
import { startSession } from '../src/http/middleware/auth.ts';
import { loadConfig } from '../src/app/config.ts';
import { UnstorableTextError } from '../src/http/database-errors.ts';
import { scrapeForm } from '../src/http/routes/editor/form-scraper.ts';
import { type TestApp, openTestApp } from '../src/http/testing.ts';
import { ephemeralWitnessKey } from '../src/app/keys/witness-key.ts';
import { insertMirror } from '../src/store/mirrors.ts';
import {
  type Rng,
  TINY_JPEG,
  armoredPaste,
  fileName,
  gatewaySignature,
  multipart,
  mutateFields,
  mutateJson,
  nastyString,
  prng,
  telegramUpload,
  urlEncoded,
  witnessBody,
} from './fuzz-requests.ts';

const BASE = 'http://localhost';
const UNNAMED_REFUSAL = new UnstorableTextError().message;
const NOW = new Date('2022-01-05T08:05:00Z');
const SMSSYNC_SECRET = 'fuzz-smssync-secret';
const GATEWAY_SECRET = 'fuzz-gateway-secret';
const MIRRORED = 'origin.test';
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1500);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

type BodyKind = 'none' | 'form' | 'json' | 'multipart' | 'text';
interface RouteSpec {
  body: BodyKind;
  /** A valid body to start from (forms found on the pages are used when this is absent). */
  base?: () => Record<string, unknown>;
  /** Share of the requests; by default 5 for routes with a body of their own, 3 for other POSTs, else 1. */
  weight?: number;
}

const fixture = (p: string) => readFileSync(new URL(`../src/channels/fixtures/${p}`, import.meta.url), 'utf8');
const report = () => ({
  what: 'Crowd at the square',
  when: '05.01 14:00',
  where: 'Almaty',
  howKnown: 'saw',
  contact: '+7 701',
  idempotencyKey: 'fuzzKey00000001',
});
const smsSync = () => ({
  from: '+77011234567',
  message: 'ALMATY 05.01 14:00 shooting',
  message_id: 'f3e1c2',
  sent_to: '',
  secret: SMSSYNC_SECRET,
  device_id: '1',
  sent_timestamp: '1641369611000',
});
const NONE: RouteSpec = { body: 'none' };
const FORM: RouteSpec = { body: 'form' };

/** Every route of the app, as `METHOD path` the way the router lists it. */
const ROUTES: Record<string, RouteSpec> = {
  'ALL /*': NONE,
  'GET /sw.js': NONE,
  'GET /favicon.ico': NONE,
  'GET /assets/:name{[A-Za-z0-9-]+\\.js}': NONE,
  'GET /report.webmanifest': NONE,
  'GET /assets/:name': NONE,
  'GET /api/v1/recipients': NONE,
  'GET /': NONE,
  'GET /events/:id': NONE,
  'GET /events/:id/v/:revision': NONE,
  'GET /map': NONE,
  'GET /report': NONE,
  'POST /report': { body: 'multipart' },
  'GET /report/status': NONE,
  'POST /report/status': { body: 'form', base: () => ({ code: 'ABCD-EFGH-JKLM' }) },
  'ALL /report': NONE,
  'ALL /api/v1/reports': NONE,
  'ALL /api/v1/relay/:origin/reports': NONE,
  'POST /api/v1/reports': { body: 'json', base: report },
  'GET /api/v1/reports': NONE,
  'POST /api/v1/reports/status': { body: 'json', base: () => ({ code: 'ABCD-EFGH-JKLM' }) },
  'GET /api/v1/reports/status': NONE,
  'ALL /editor/*': NONE,
  'GET /editor/login': NONE,
  // Each attempt costs a password hash: a small share keeps the run short.
  'POST /editor/login': { body: 'form', base: () => ({ username: 'editor', password: 'not the password' }), weight: 1 },
  'POST /editor/logout': FORM,
  'GET /editor': NONE,
  'GET /editor/reports/:id': NONE,
  'POST /editor/reports/:id/claim': FORM,
  'POST /editor/reports/:id/release': FORM,
  'POST /editor/reports/:id/duplicate': FORM,
  'POST /editor/reports/:id/reject': FORM,
  'POST /editor/reports/:id/link': FORM,
  'POST /editor/reports/:id/reveal': FORM,
  'GET /editor/media/:id': NONE,
  'GET /editor/media/:id/original': NONE,
  'GET /editor/events/new': NONE,
  'POST /editor/events/new': FORM,
  'GET /editor/events/:id/edit': NONE,
  'POST /editor/events/:id/edit': FORM,
  'GET /editor/events': NONE,
  'GET /editor/events/:id': NONE,
  'POST /editor/events/:id/publish': FORM,
  'POST /editor/events/:id/unpublish': FORM,
  'POST /editor/events/:id/status': FORM,
  'GET /editor/sources': NONE,
  'POST /editor/sources': FORM,
  'GET /editor/import': NONE,
  'POST /editor/import': { body: 'form', base: () => ({ armored: '' }) },
  'GET /editor/import/telegram': NONE,
  'POST /editor/import/telegram': { body: 'multipart' },
  'ALL /editor/users': NONE,
  'ALL /editor/users/*': NONE,
  'GET /editor/users': NONE,
  'POST /editor/users': FORM,
  'POST /editor/users/:id/disable': FORM,
  'POST /editor/users/:id/password': FORM,
  'GET /editor/password': NONE,
  // Checks the current password: a hash per attempt, as for logging in.
  'POST /editor/password': {
    body: 'form',
    base: () => ({ current: 'not the password', password: 'a new long passphrase', repeat: 'a new long passphrase' }),
    weight: 1,
  },
  'GET /editor/limits': NONE,
  'GET /editor/accuracy': NONE,
  'POST /editor/bulk': FORM,
  'GET /editor/queue/news': NONE,
  'GET /editor/search': NONE,
  'GET /editor/setup/:token': NONE,
  'POST /editor/setup/:token': { body: 'form', base: () => ({ username: 'first', password: 'a long enough passphrase' }), weight: 1 },
  'ALL /feed.atom': NONE,
  'ALL /feed.json': NONE,
  'ALL /events.geojson': NONE,
  'ALL /events.csv': NONE,
  'ALL /openapi.json': NONE,
  'ALL /api/v1/events': NONE,
  'ALL /api/v1/events/*': NONE,
  'GET /feed.atom': NONE,
  'GET /feed.json': NONE,
  'GET /events.geojson': NONE,
  'GET /events.csv': NONE,
  'GET /api/v1/events': NONE,
  'GET /api/v1/events/:id': NONE,
  'GET /api/v1/events/:id/history': NONE,
  'GET /openapi.json': NONE,
  'GET /data': NONE,
  'POST /api/v1/sms/smssync': { body: 'form', base: smsSync },
  'POST /api/v1/sms/gateway': {
    body: 'json',
    base: () => JSON.parse(fixture('sms-gateway/valid/received.json')) as Record<string, unknown>,
  },
  'GET /log': NONE,
  'GET /log/checkpoint': NONE,
  'GET /log/tile/*': NONE,
  'POST /api/v1/relay/:origin/reports': { body: 'json', base: report },
  'GET /mirrors': NONE,
  'GET /mirrors/:origin': NONE,
  'GET /mirrors/:origin/': NONE,
  'GET /mirrors/:origin/events/:id': NONE,
  'GET /mirrors/:origin/events/:id/v/:revision': NONE,
  'GET /mirrors/:origin/map': NONE,
  'GET /mirrors/:origin/feed.atom': NONE,
  'GET /mirrors/:origin/feed.json': NONE,
  'GET /mirrors/:origin/events.csv': NONE,
  'GET /mirrors/:origin/events.geojson': NONE,
  'GET /mirrors/:origin/api/v1/events': NONE,
  'GET /mirrors/:origin/api/v1/events/:id': NONE,
  'GET /mirrors/:origin/api/v1/events/:id/history': NONE,
  'ALL /mirrors/:origin/feed.atom': NONE,
  'ALL /mirrors/:origin/feed.json': NONE,
  'ALL /mirrors/:origin/events.geojson': NONE,
  'ALL /mirrors/:origin/events.csv': NONE,
  'ALL /mirrors/:origin/api/v1/events': NONE,
  'ALL /mirrors/:origin/api/v1/events/*': NONE,
  'GET /witness': NONE,
  'POST /witness/add-checkpoint': { body: 'text' },
  'GET /log/witnesses': NONE,
  'GET /media/:sha256': NONE,
  'GET /mirrors/:origin/media/:sha256': NONE,
};

const NASTY_SEGMENTS = [
  '0',
  '-1',
  '99999999999',
  'abc',
  '%00',
  '1%00',
  '%ED%A0%80',
  '%F0%9F%98%80',
  'x'.repeat(3000),
  '1.5',
  '%20',
  '..',
  '%2F',
];
const PARAMS: Record<string, string[]> = {
  id: ['1', '2', '3', '4', '7'],
  revision: ['1', '2'],
  origin: [MIRRORED, MIRRORED, MIRRORED, 'nosuch.example', 'origin.test%00', `origin.test${'x'.repeat(300)}`],
  sha256: ['0'.repeat(64), 'a'.repeat(64), 'A'.repeat(64)],
  name: ['report.js', 'contact-open.js', 'seal.js', 'style.css', 'nosuch.js', 'x%00.js'],
  token: ['0'.repeat(32), 'x', '%00'],
};
const TAILS = ['0/000', '0/x001/234', '1/000.p/5', 'entries/000', 'entries/x000.p/3', '%00', '', '0/000.p/999'];

const QUERY_VALUES: Record<string, string> = {
  lang: 'ru',
  language: 'kk',
  channel: 'sms',
  page: '2',
  next: '/editor',
  out: '1',
  report: '1',
  code: 'ABCD-EFGH-JKLM',
  from: '2022-01-01',
  to: '2022-01-10',
  region: 'kz-almaty',
  type: 'Protests',
  status: 'verified',
  bbox: '76.8,43.1,77.1,43.4',
  q: 'Жанаозен "Республика алаңы" square',
};

/** Percent-encodes the UTF-8 bytes (a lone surrogate becomes EF BF BD), sometimes adding raw invalid UTF-8. */
function encode(r: Rng, s: string): string {
  const bytes = [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  return r.chance(0.1) ? bytes + r.pick(['%ED%A0%80', '%FF', '%C0%AF', '%']) : bytes;
}

function concretePath(r: Rng, pattern: string): string {
  let path = pattern.replace(/:([a-z0-9]+)(\{[^}]*\})?/gi, (_, name: string) => {
    if (r.chance(0.7)) return r.pick(PARAMS[name] ?? ['1']);
    return r.pick(NASTY_SEGMENTS);
  });
  if (path.endsWith('/*')) path = path.slice(0, -1) + (r.chance(0.8) ? r.pick(TAILS) : encode(r, nastyString(r, 'x')));
  if (path === '*') path = r.pick(['/nosuch', '/%00', '/events/%ED%A0%80', `/${'x'.repeat(5000)}`, '/editor/../etc']);
  return path;
}

function query(r: Rng): string {
  const n = r.chance(0.5) ? 0 : 1 + r.int(3);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const key = r.chance(0.95) ? r.pick(Object.keys(QUERY_VALUES)) : r.pick(['x\u0000', '\ud800', 'k'.repeat(3000)]);
    parts.push(`${encode(r, key)}=${encode(r, nastyString(r, QUERY_VALUES[key] ?? 'v'))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

interface Identity {
  cookie: string;
  csrf: string;
}

let t: TestApp;
const forms = new Map<string, Record<string, string>>();
let witnessBodies: string[] = [];
let telegramResult: Record<string, unknown>;
const who: { editor?: Identity; admin?: Identity } = {};

async function sessionFor(username: string): Promise<Identity> {
  const [user] = await t.db.query<{ id: number }>('update users set disabled_at = null where username = $1 returning id', [username]);
  const token = await startSession(t.ctx, user!.id);
  const cookie = `caravan_session=${token}`;
  const html = await (await t.app.request(`${BASE}/editor`, { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(csrf, `no CSRF token for ${username}`);
  return { cookie, csrf };
}

/** The route pattern a form's action belongs to: numbers in the path become `:id`. */
const patternOf = (action: string) => action.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/:id');

async function scrapeForms(identity: Identity): Promise<void> {
  const pages = [
    '/',
    '/report',
    '/report/status',
    '/editor',
    '/editor/reports/1',
    '/editor/reports/2',
    '/editor/events/new',
    '/editor/events/1',
    '/editor/events/1/edit',
    '/editor/sources',
    '/editor/import',
    '/editor/users',
    '/editor/login',
  ];
  for (const page of pages) {
    const html = await (await t.app.request(BASE + page, { headers: { cookie: identity.cookie } })).text();
    for (const m of html.matchAll(/<form\b[^>]*\saction="([^"]+)"[^>]*method="post"/gi)) {
      const action = m[1]!.replace(/&amp;/g, '&');
      const key = `POST ${patternOf(action)}`;
      if (!forms.has(key)) forms.set(key, scrapeForm(html, m[1]!));
    }
  }
}

before(async () => {
  const config = {
    ...loadConfig({ CARAVAN_DATA: '/nonexistent-test-data', CARAVAN_ORIGIN: BASE, CARAVAN_RELAY_FOR: `https://${MIRRORED}` }),
    smssyncSecret: SMSSYNC_SECRET,
    smsGatewaySecret: GATEWAY_SECRET,
  };
  t = await openTestApp({ config, now: () => NOW, witnessKey: ephemeralWitnessKey('witness.test/witness') });
  await loadDemoIfEmpty(t.db, NOW);
  const logKey = generateSignerKey(MIRRORED);
  await insertMirror(t.db, { origin: MIRRORED, logUrl: `http://${MIRRORED}/log/`, verifierKey: logKey.verifierKey, now: NOW });
  const tree = new TreeBuilder();
  for (let i = 0; i < 8; i++) tree.append(leafHash(utf8(`entry ${i}`)));
  const note = signNote(formatCheckpoint({ origin: MIRRORED, size: 8, root: tree.root(), extensions: [] }), [
    parseSignerKey(logKey.signerKey),
  ]);
  witnessBodies = [
    formatAddCheckpointRequest({ oldSize: 0, proof: [], note }),
    formatAddCheckpointRequest({ oldSize: 3, proof: [tree.root()], note }),
  ];
  telegramResult = JSON.parse(fixture('telegram/valid/new-format-channel/result.json')) as Record<string, unknown>;
  who.editor = await sessionFor('editor');
  who.admin = await sessionFor('admin');
  await scrapeForms(who.admin);
});
after(() => t?.close());

interface Built {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array<ArrayBuffer>;
}

function build(r: Rng, key: string): Built {
  const [routeMethod, pattern] = key.split(' ') as [string, string];
  const spec = ROUTES[key]!;
  const odd = r.chance(0.05);
  const method = routeMethod === 'ALL' || odd ? r.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']) : routeMethod;
  const url = BASE + concretePath(r, pattern) + query(r);
  const editorSide = pattern.startsWith('/editor');
  const identity = editorSide
    ? r.chance(0.8)
      ? r.chance(0.5)
        ? who.admin
        : who.editor
      : undefined
    : r.chance(0.1)
      ? who.editor
      : undefined;
  const csrf = identity && r.chance(0.9) ? identity.csrf : nastyString(r, 'wrong');
  const headers: Record<string, string> = { origin: BASE, host: 'localhost' };
  if (identity) headers.cookie = identity.cookie;
  if (r.chance(0.3)) headers.accept = r.pick(['application/json', 'text/html', '*/*', 'application/json, text/html']);
  if (r.chance(0.1)) headers['accept-language'] = r.pick(['ru', 'kk;q=abc', 'x'.repeat(5000), '\u0001']);
  if (r.chance(0.05)) headers.cookie = `${headers.cookie ?? ''}; lang=${r.pick(['ru', '%00', 'x'.repeat(2000)])}`;
  if (r.chance(0.1)) headers['idempotency-key'] = r.pick(['fuzzKey00000002', 'ÿÿÿÿÿÿÿÿÿ', 'device:\u0001bad', 'x'.repeat(500)]);
  if (r.chance(0.05)) headers['if-none-match'] = r.pick(['"abc"', '*', 'W/"x"']);
  let body: Uint8Array<ArrayBuffer> | undefined;
  const form = (): Record<string, string> => {
    // A JSON route's body sent as a form (the wrong content type on purpose) goes as text.
    const json = Object.entries(spec.base?.() ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
    const base: Record<string, string> = spec.base ? Object.fromEntries(json) : (forms.get(`POST ${pattern}`) ?? {});
    return { ...mutateFields(r, base), ...(base._csrf !== undefined || editorSide ? { _csrf: csrf } : {}) };
  };
  if (method !== 'GET' && method !== 'HEAD') {
    const kind = r.chance(0.05) ? r.pick<BodyKind>(['form', 'json', 'multipart', 'text']) : spec.body;
    if (kind === 'form') {
      const fields = key === 'POST /editor/import' ? { _csrf: csrf, armored: armoredPaste(r) } : form();
      body = urlEncoded(r, fields);
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (kind === 'json') {
      const json = r.chance(0.9)
        ? JSON.stringify(mutateJson(r, (spec.base?.() as Record<string, unknown>) ?? {}))
        : r.pick(['{', '{"what":"a\\u0000"}', '[]', 'nul', '"\\ud800"']);
      body = new Uint8Array(Buffer.from(json));
      headers['content-type'] = r.chance(0.95) ? 'application/json' : r.pick(['application/json; charset=latin1', 'text/plain']);
    } else if (kind === 'multipart') {
      const m =
        key === 'POST /editor/import/telegram'
          ? telegramUpload(r, telegramResult, csrf)
          : multipart(
              r,
              form(),
              r.chance(0.5)
                ? [
                    {
                      field: 'media',
                      name: fileName(r, 'photo.jpg'),
                      type: r.pick(['image/jpeg', 'image/png', 'x\u0000']),
                      bytes: TINY_JPEG,
                    },
                  ]
                : [],
            );
      body = m.body;
      headers['content-type'] = r.chance(0.2) && key === 'POST /report' ? 'application/x-www-form-urlencoded' : m.type;
    } else if (kind === 'text') {
      body = witnessBody(r, witnessBodies, MIRRORED);
      headers['content-type'] = 'text/plain';
    }
    if (key === 'POST /api/v1/sms/gateway' && body) {
      const ts = String(Math.floor(NOW.getTime() / 1000));
      headers['x-timestamp'] = ts;
      headers['x-signature'] = r.chance(0.85) ? gatewaySignature(GATEWAY_SECRET, body, ts) : 'f'.repeat(64);
    }
  }
  return { method, url, headers, ...(body ? { body } : {}) };
}

const describe = (b: Built) =>
  `${b.method} ${b.url.slice(0, 300)} ${JSON.stringify(b.headers).slice(0, 300)} ${b.body ? JSON.stringify(Buffer.from(b.body).toString('utf8').slice(0, 400)) : ''}`;

/** Sessions the run itself ended (logging out, an admin disabling an account) come back. */
async function restoreSessions(key: string): Promise<void> {
  if (!/logout|disable|POST \/editor\/users$/.test(key)) return;
  who.editor = await sessionFor('editor');
  who.admin = await sessionFor('admin');
}

test('the fuzz list names exactly the routes of createApp', () => {
  const routed = [...new Set(t.app.routes.map((r) => `${r.method} ${r.path}`))].sort();
  assert.deepEqual(Object.keys(ROUTES).sort(), routed, 'a route was added or removed: list it in ROUTES');
});

test(`no route answers 5xx, or refuses text without naming the field, to ${REQUESTS} generated requests`, async (ctx) => {
  // What the server logs (route, error name, SQLSTATE, frames: never the request) goes with a failure.
  const logged: string[] = [];
  ctx.mock.method(console, 'error', (...args: unknown[]) => void logged.push(args.join(' ')));
  console.log(`# fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  const r = prng(SEED);
  // POST routes read bodies, where most can go wrong, and those with a body of their own (the SMS
  // doors, the witness, the report API) most of all.
  const weightOf = (k: string, spec: RouteSpec) => spec.weight ?? (spec.base || spec.body === 'text' ? 5 : k.startsWith('POST') ? 3 : 1);
  const wheel = Object.entries(ROUTES).flatMap(([k, spec]) => Array<string>(weightOf(k, spec)).fill(k));
  const failures = new Map<string, { count: number; first: string }>();
  const started = Date.now();
  let sent = 0;
  const statuses = new Map<string, Record<number, number>>();
  for (let i = 0; i < REQUESTS; i++) {
    const key = wheel[i % wheel.length]!;
    const req = build(r, key);
    let request: Request;
    try {
      request = new Request(req.url, { method: req.method, headers: req.headers, ...(req.body ? { body: req.body } : {}) });
    } catch {
      // What the fetch API itself refuses to build (a header value it forbids) no client can send.
      continue;
    }
    logged.length = 0;
    const began = Date.now();
    const res = await t.app.request(request);
    sent++;
    const text = await res.text();
    const tally = statuses.get(key) ?? {};
    tally[res.status] = (tally[res.status] ?? 0) + 1;
    tally[0] = (tally[0] ?? 0) + Date.now() - began;
    statuses.set(key, tally);
    // The error mapping's catch-all for text the database refused is a last line of defence:
    // reaching it means a boundary let the text through without naming the field.
    if (res.status >= 500 || text.includes(UNNAMED_REFUSAL)) {
      const seen = failures.get(key) ?? {
        count: 0,
        first: `#${i} ${res.status} ${describe(req)}\n    server log: ${logged.join('\n') || '(nothing)'}`,
      };
      failures.set(key, { ...seen, count: seen.count + 1 });
    }
    await restoreSessions(key);
  }
  // FUZZ_VERBOSE shows what each route answered (and, as "0", its milliseconds): a route that only
  // ever says 404 is not being reached.
  if (process.env.FUZZ_VERBOSE) for (const [key, tally] of statuses) console.log(`# ${key} ${JSON.stringify(tally)}`);
  const failed = [...failures.values()].reduce((n, f) => n + f.count, 0);
  console.log(`# ${sent} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failed} answered 5xx`);
  assert.ok(sent >= 1000, `only ${sent} requests were sent`);
  const report = [...failures].map(([key, f]) => `${key}: ${f.count} times, first ${f.first}`).join('\n');
  assert.equal(failed, 0, `seed ${SEED}: ${failed} requests got a 5xx, on ${failures.size} routes:\n${report}`);
});
