/** Serves the few static files pages use, from memory, with long caching and a version query. */
import { readFileSync, readdirSync } from 'node:fs';
import { Hono } from 'hono';

const ASSETS_DIR = new URL('../publish/assets/', import.meta.url);

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  json: 'application/json',
  webmanifest: 'application/manifest+json',
  png: 'image/png',
  ico: 'image/vnd.microsoft.icon',
};

/**
 * /favicon.ico, which browsers fetch whatever a page says: our mark (drawn by
 * scripts/favicon.mjs), cached for a month since its address cannot carry a version.
 */
export function faviconRoute(): Hono {
  const body = readFileSync(new URL('favicon.ico', ASSETS_DIR));
  const app = new Hono();
  app.get('/', (c) =>
    c.body(body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': TYPES.ico!, 'Cache-Control': 'public, max-age=2592000' }),
  );
  return app;
}

export function assetRoutes(): Hono {
  const files = new Map<string, { body: Uint8Array; type: string }>();
  for (const name of readdirSync(ASSETS_DIR)) {
    const ext = name.split('.').pop() ?? '';
    const type = TYPES[ext];
    if (!type || name.endsWith('.test.ts')) continue;
    files.set(name, { body: readFileSync(new URL(name, ASSETS_DIR)), type });
  }
  const app = new Hono();
  app.get('/:name', (c) => {
    const file = files.get(c.req.param('name'));
    if (!file) return c.notFound();
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.type,
      'Cache-Control': 'public, max-age=3600',
    });
  });
  return app;
}
