/**
 * The report page's service worker: keeps /report and what it needs in a cache so that, after
 * one visit, the page opens without a network. Network first, so an online reporter always gets
 * the current page; the cache answers only when the network fails.
 */

/** Paths to keep, injected by the bundler (the page, its script and chunks, style, manifest, icon). */
declare const PRECACHE: string[];
/** Changes whenever a precached script changes, so an update replaces the old cache. */
declare const CACHE_NAME: string;

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}

const scope = self as unknown as WorkerScope;
const kept = new Set(PRECACHE);

scope.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(CACHE_NAME)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('caravan-') && n !== CACHE_NAME).map((n) => caches.delete(n))))
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== scope.location.origin || !kept.has(url.pathname)) return;
  e.respondWith(networkFirst(req, url.pathname));
});

async function networkFirst(req: Request, path: string): Promise<Response> {
  const cache = await caches.open(CACHE_NAME);
  try {
    const res = await fetch(req);
    // Keyed by path: /report?lang=ru and /report share one entry, the last one seen.
    if (res.ok) await cache.put(path, res.clone());
    return res;
  } catch (err) {
    const hit = await cache.match(path, { ignoreSearch: true });
    if (hit) return hit;
    throw err;
  }
}
