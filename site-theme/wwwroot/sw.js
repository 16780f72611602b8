// The offline service worker. A self-check page puts itself and the files it loads into the
// "publicedu-offline" cache when it is visited (see registerOffline in js/selfcheck.js); this
// worker answers from that cache when the network fails or is too slow, so a self-check started
// on a weak signal can be finished and its result read without one. The network always comes
// first, so an online visitor gets the current site. Nothing else is cached, and answers are
// never in a request: they stay in the browser's localStorage.
const CACHE = "publicedu-offline";
const SLOW_NETWORK_MS = 4000;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.headers.get("accept")?.includes("text/event-stream")) return; // the preview server's reload events
  event.respondWith(fromNetworkThenCache(request));
});

async function fromNetworkThenCache(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  if (!cached) return fetch(request);
  const network = fetch(request).then((response) => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
  // Offline: the cached copy. Slow: the cached copy after a few seconds, the network one next time.
  const slow = new Promise((resolve) => setTimeout(() => resolve(cached), SLOW_NETWORK_MS));
  return Promise.race([network.catch(() => cached), slow]);
}
