// Pasok's offline agenda. Network first for a participant's agenda and badge pages (and the CSS
// they use): a fresh copy when the hall Wi-Fi works, the last copy when it does not. Nothing else
// is cached, and the cache is dropped on logout or login so no one sees another person's agenda.
const CACHE = 'pasok-agenda-v1';
const KEEP = /^\/events\/[0-9a-f-]{36}\/participants\/[0-9a-f-]{36}\/(agenda|badge)$/;
const ASSETS = /^\/assets\/[\w.-]+\.css$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('message', (e) => {
  if (e.data === 'forget') e.waitUntil(caches.delete(CACHE));
});

self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method === 'POST' && (url.pathname === '/logout' || url.pathname === '/login')) {
    e.waitUntil(caches.delete(CACHE));
    return;
  }
  const page = req.mode === 'navigate' && KEEP.test(url.pathname);
  if (req.method !== 'GET' || !(page || ASSETS.test(url.pathname))) return;
  e.respondWith(
    fetch(req)
      .then((res) => {
        if (res.ok && !res.redirected) {
          const copy = res.clone();
          e.waitUntil(caches.open(CACHE).then((c) => c.put(url.pathname, copy)));
        }
        return res;
      })
      .catch(() => caches.match(url.pathname).then((hit) => hit || Response.error())),
  );
});
