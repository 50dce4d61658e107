import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { formatCheckpoint } from '../log/checkpoint.ts';
import { EMPTY_ROOT } from '../log/merkle.ts';
import { signNote } from '../log/note.ts';
import type { AppContext } from '../app/context.ts';
import type { Env } from '../http/common.ts';
import { ephemeralLogSigner } from '../app/keys/log-key.ts';
import { StaticExportError, exportStaticSite } from './site.ts';

const ORIGIN = 'https://chronicle.example';

/** A stand-in for the app: an empty log and pages holding the links under test. */
function fakeSite(links: string[]) {
  const signer = ephemeralLogSigner(ORIGIN);
  const ctx = { config: { origin: ORIGIN }, logSigner: signer } as unknown as AppContext;
  const app = new Hono<Env>();
  app.get('/log/checkpoint', (c) =>
    c.text(signNote(formatCheckpoint({ origin: 'chronicle.example', size: 0, root: EMPTY_ROOT, extensions: [] }), [signer])),
  );
  app.get('/loop-a', (c) => c.redirect('/loop-b'));
  app.get('/loop-b', (c) => c.redirect('/loop-a'));
  app.get('/old-map', (c) => c.redirect('/map', 301));
  app.get('/missing', (c) => c.notFound());
  app.get('/feed.atom', (c) => c.body('<feed xmlns="http://www.w3.org/2005/Atom"/>', 200, { 'Content-Type': 'application/atom+xml' }));
  app.get('*', (c) => {
    const lang = c.req.query('lang') ?? 'en';
    return c.html(
      `<!DOCTYPE html><html lang="${lang}"><body><main id="main">${links.map((l) => `<a href="${l}">x</a>`).join('')}</main></body></html>`,
    );
  });
  return { ctx, app };
}

async function run(site: ReturnType<typeof fakeSite>) {
  const files = new Map<string, string>();
  const summary = await exportStaticSite(
    site.ctx,
    async (file, bytes) => void files.set(file, new TextDecoder().decode(bytes)),
    new Date('2026-01-01T00:00:00Z'),
    site.app,
  );
  return { files, summary };
}

test("redirects land on their target's file, and a redirect loop ends at the live site", async () => {
  const { files, summary } = await run(fakeSite(['/old-map', '/loop-a', '/missing']));
  const index = files.get('index.html')!;
  assert.match(index, /<a href="map\.html">/);
  assert.match(index, /<a href="https:\/\/chronicle\.example\/loop-a">/);
  assert.match(index, /<a href="https:\/\/chronicle\.example\/missing">/);
  assert.deepEqual(summary.liveOnly, ['/loop-a', '/missing']);
  assert.ok(!files.has('old-map.html'));
});

test("a page in another language links that language's pages, but not its files", async () => {
  const { files } = await run(fakeSite(['/?lang=ru', '/map', '/feed.atom', '/map?lang=en']));
  const ru = files.get('index.lang-ru.html')!;
  assert.match(ru, /<a href="map\.lang-ru\.html">/);
  assert.match(ru, /<a href="map\.html">/, 'an explicit language is kept');
  assert.match(ru, /<a href="feed\.atom">/, 'a feed is not a page: no language is added');
});

test('two addresses that would share a file stop the export', async () => {
  const site = fakeSite(['/a%2Fb', '/a_2fb']);
  await assert.rejects(
    run(site),
    (err: unknown) => err instanceof StaticExportError && /would both be written to a_2fb\.html/.test(err.message),
  );
});
