// daybreak's service worker: keeps the app itself (its page, script, styles and
// the diary's field list) available when daybreak cannot be reached, so the
// app still opens and entries can be written into the outbox (and the
// exercise library, which is content, not anyone's data, still shows). Network first,
// always: the server is on this computer, so the copy here is only a fallback.
// Diary data is never cached here; entries waiting to be sent live in the
// page's own storage (see src/outbox.ts).
const CACHE = 'daybreak-shell-v1';
const SHELL = ['/', '/assets/app.js', '/assets/app.css', '/icon.svg', '/manifest.webmanifest', '/api/fields', '/api/exercises'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function cacheable(url, request) {
  if (request.method !== 'GET' || url.origin !== self.location.origin) return false;
  // The pairing page is not the app: never keep it as the app's offline copy.
  if (url.pathname === '/pair' || url.pathname.startsWith('/pair.')) return false;
  if (request.mode === 'navigate') return true;
  return SHELL.includes(url.pathname);
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (!cacheable(url, event.request)) return;
  const key = event.request.mode === 'navigate' ? '/' : url.pathname;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(key, copy));
        }
        return response;
      })
      .catch(() => caches.match(key).then((hit) => hit || Response.error())),
  );
});
