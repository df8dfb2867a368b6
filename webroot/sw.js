// The attendee page's offline copy. The page itself (HTML, CSS, modules, icons) is kept whole, under
// a name made from its content, and served from here first: it opens at once on bad Wi-Fi and with
// no network at all. The event's state is not kept here: live.js keeps the last state it applied
// in localStorage and resumes from it. Nothing else (the API, /live, the screens) is touched.
//
// VERSION is the first 12 hex digits of the SHA-256 of the SHELL files, in this order
// (bin/sw-version sets it; ServiceWorkerShellTest checks it): a changed file changes this file,
// so browsers install the new copy whole, and never mix an old module with a new one.
const VERSION = '837b659ce5fc';
const SHELL = [
  'index.html',
  'css/agenda.css',
  'js/agenda.js',
  'js/agenda-alerts.js',
  'js/agenda-change-words.js',
  'js/agenda-changes.js',
  'js/agenda-home.js',
  'js/agenda-labels.js',
  'js/agenda-list.js',
  'js/agenda-session.js',
  'js/agenda-store.js',
  'js/agenda-zone.js',
  'js/apply-change.js',
  'js/backoff.js',
  'js/live.js',
  'js/reload-when-idle.js',
  'js/text.js',
  'manifest.webmanifest',
  'favicon.svg',
  'icons/icon-192.png',
];
const CACHE = `podium-page-${VERSION}`;

self.addEventListener('install', event => {
  // Revalidated against what the browser just loaded: unchanged files cost a 304, not a download.
  event.waitUntil(caches.open(CACHE)
    .then(cache => cache.addAll(SHELL.map(name => new Request(name, { cache: 'no-cache' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(names => Promise.all(names.filter(n => n.startsWith('podium-page-') && n !== CACHE).map(n => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  let name = url.pathname.slice(scope.pathname.length);
  // The page under any query (?event=, ?lang=) is the one page.
  if (request.mode === 'navigate' && name === '') name = 'index.html';
  if (!SHELL.includes(name)) return;
  event.respondWith(caches.open(CACHE).then(cache => cache.match(name)).then(hit => hit || fetch(request)));
});
