/**
 * The service worker, served from /sw.js so its scope is the whole site. It answers only for the
 * check pages, the stylesheet and the public scripts: from the network when it can (and keeps a
 * copy), from that copy when it cannot. Everything else, the staff app and the API included,
 * never passes through it.
 */
import { CACHE_NAME, OFFLINE_PATH } from './offline-cache.js';

// The DOM library has no service-worker types; these are the few this file uses.
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
}
const worker = globalThis as unknown as WorkerScope;

worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));

worker.addEventListener('activate', (event) => {
  const stale = caches.keys().then((names) => Promise.all(names.filter((n) => n !== CACHE_NAME).map((n) => caches.delete(n))));
  event.waitUntil(stale.then(() => worker.clients.claim()));
});

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE_NAME);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (err) {
    const kept = await cache.match(request, { ignoreSearch: true });
    if (kept) return kept;
    throw err;
  }
}

worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== worker.location.origin || !OFFLINE_PATH.test(url.pathname)) return;
  event.respondWith(networkFirst(event.request));
});
