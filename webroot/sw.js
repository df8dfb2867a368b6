// The attendee page's offline copy, and its Web Push notifications (at the end). The page itself (HTML, CSS, modules, icons) is kept whole, under
// a name made from its content, and served from here first: it opens at once on bad Wi-Fi and with
// no network at all. The event's state is not kept here: live.js keeps the last state it applied
// in localStorage and resumes from it. Nothing else (the API, /live, the screens) is touched.
//
// VERSION is the first 12 hex digits of the SHA-256 of the SHELL files, in this order
// (bin/sw-version sets it; ServiceWorkerShellTest checks it): a changed file changes this file,
// so browsers install the new copy whole, and never mix an old module with a new one.
const VERSION = 'bd11769227b2';
const SHELL = [
  'index.html',
  'css/agenda.css',
  'js/agenda.js',
  'js/agenda-alerts.js',
  'js/agenda-change-words.js',
  'js/agenda-changes.js',
  'js/agenda-home.js',
  'js/agenda-labels.js',
  'js/agenda-link.js',
  'js/agenda-list.js',
  'js/agenda-push.js',
  'js/agenda-push-offer.js',
  'js/agenda-session.js',
  'js/agenda-store.js',
  'js/agenda-zone.js',
  'js/apply-change.js',
  'js/backoff.js',
  'js/live.js',
  'js/reload-when-idle.js',
  'js/running-late.js',
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

// Web Push (docs/API.md, "Web Push"): the hub tells the phone of its starred sessions with the page
// closed. The notification shows the hub's words as they came (a notification shows text, never
// markup), replaces an older one about the same session (tag) and opens that session on a tap.
const ICON = 'icons/icon-192.png';
// Shown when a push cannot be read: with userVisibleOnly, every push must show something.
const UNREADABLE = { title: 'Podium', body: 'Your starred sessions changed · 您收藏的日程有变动' };

self.addEventListener('push', event => {
  event.waitUntil(showNotice(readNotice(event.data)));
});

self.addEventListener('notificationclick', event => {
  event.notification.close();
  event.waitUntil(openFromNotification(event.notification));
});

function readNotice(data) {
  try {
    const notice = data ? data.json() : null;
    return notice && typeof notice.title === 'string' && notice.title ? notice : null;
  } catch (e) {
    return null;
  }
}

function showNotice(notice) {
  const n = notice || UNREADABLE;
  const tag = typeof n.tag === 'string' ? n.tag : '';
  return self.registration.showNotification(n.title, {
    body: typeof n.body === 'string' ? n.body : '',
    icon: new URL(ICON, self.registration.scope).href,
    // A newer notice about the same session replaces the older one, and still alerts.
    tag,
    renotify: !!tag,
    data: { url: ownUrl(n.url) },
  });
}

/** Brings the open attendee page forward and has it show the session; else opens the session's link. */
async function openFromNotification(notification) {
  const url = ownUrl(notification.data && notification.data.url);
  const scope = new URL(self.registration.scope).pathname;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const page = windows.find(c => [scope, `${scope}index.html`].includes(new URL(c.url).pathname));
  if (!page) return self.clients.openWindow(url);
  page.postMessage({ type: 'podium.open', url });
  // Bringing a window forward needs the tap; a page left behind has still been told.
  return page.focus().catch(() => page);
}

/** The link if it is one of this hub's pages, else the attendee page: a notification opens nothing else. */
function ownUrl(link) {
  try {
    const url = new URL(typeof link === 'string' && link ? link : './', self.registration.scope);
    if (url.origin === self.location.origin) return url.href;
  } catch (e) {
    // not a URL
  }
  return self.registration.scope;
}
