/**
 * The browser scripts (src/publish/client/), bundled with esbuild once, on the first request
 * that needs them, and served from memory: the report page's island at /assets/report.js with
 * its lazily loaded age chunk, the editor's contact and queue islands, and the service worker at /sw.js
 * (from the root, so its scope covers /report). Also the web app manifest that makes /report
 * installable; its icon is a static asset.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Hono } from 'hono';
import type { Env } from './common.ts';

const CLIENT_DIR = fileURLToPath(new URL('../publish/client/', import.meta.url));

export interface ClientBundles {
  /** Path → JavaScript, e.g. "/assets/report.js", "/assets/chunk-AB12CD.js", "/sw.js". */
  files: Map<string, string>;
}

/** ES2020 for BigInt (receipt codes); every browser that has service workers has it. */
const TARGET = 'es2020';

/** Everything /report needs to open offline; the service worker keeps these. */
const PAGE_FILES = ['/report', '/assets/site.css', '/report.webmanifest', '/assets/report-icon.svg', '/api/v1/recipients'];

export async function buildClientBundles(): Promise<ClientBundles> {
  const islands = await build({
    entryPoints: {
      report: `${CLIENT_DIR}report-offline.ts`,
      'contact-open': `${CLIENT_DIR}contact-open.ts`,
      'editor-queue': `${CLIENT_DIR}editor-queue.ts`,
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: TARGET,
    sourcemap: false,
    write: false,
    outdir: '/assets',
    chunkNames: 'chunk-[hash]',
    logLevel: 'silent',
  });
  const files = new Map<string, string>();
  for (const f of islands.outputFiles) files.set(f.path, f.text);
  // The report page's script and the chunks it may load; the editor islands stay out.
  const reportScripts = [...files.keys()].filter((p) => p !== '/assets/contact-open.js' && p !== '/assets/editor-queue.js');
  const version = createHash('sha256');
  for (const p of reportScripts) version.update(files.get(p)!);
  const worker = await build({
    entryPoints: [`${CLIENT_DIR}sw.ts`],
    bundle: true,
    format: 'iife',
    minify: true,
    target: TARGET,
    sourcemap: false,
    write: false,
    logLevel: 'silent',
    define: {
      PRECACHE: JSON.stringify([...PAGE_FILES, ...reportScripts]),
      CACHE_NAME: JSON.stringify(`caravan-report-${version.digest('hex').slice(0, 12)}`),
    },
  });
  files.set('/sw.js', worker.outputFiles[0]!.text);
  return { files };
}

const MANIFEST = JSON.stringify({
  name: 'Caravan — send a report',
  short_name: 'Report',
  start_url: '/report',
  scope: '/report',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#7a2e12',
  icons: [{ src: '/assets/report-icon.svg', sizes: 'any', type: 'image/svg+xml' }],
});

/**
 * Registers the routes before the static /assets route, which answers 404 for names it lacks.
 * A failed build leaves the pages working without scripts: the service worker answers 503 and
 * other script names fall through to the static files.
 */
export function registerClientRoutes(app: Hono<Env>): void {
  let bundles: Promise<ClientBundles> | undefined;
  const get = () => {
    bundles ??= buildClientBundles().catch((err: unknown) => {
      bundles = undefined;
      throw err;
    });
    return bundles;
  };
  const serveScript = async (path: string, cache: string) => {
    let files: Map<string, string>;
    try {
      files = (await get()).files;
    } catch (err) {
      console.error(`client scripts could not be built: ${(err as Error)?.message}`);
      return undefined;
    }
    const body = files.get(path);
    if (body === undefined) return undefined;
    return new Response(body, { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': cache } });
  };
  // The worker is checked for updates on every visit; a long cache would pin an old one.
  app.get('/sw.js', async (c) => (await serveScript('/sw.js', 'no-cache')) ?? c.text('service worker unavailable', 503));
  app.get('/assets/:name{[A-Za-z0-9-]+\\.js}', async (c, next) => {
    const res = await serveScript(`/assets/${c.req.param('name')}`, 'public, max-age=300');
    return res ?? next();
  });
  app.get('/report.webmanifest', (c) =>
    c.body(MANIFEST, 200, { 'content-type': 'application/manifest+json', 'cache-control': 'public, max-age=3600' }),
  );
}
