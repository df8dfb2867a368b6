// A link to one session, #agenda/<id>: what a Web Push notification opens (docs/API.md, "Web Push").
// A tap on the notification with this page open comes here as a message from the service worker,
// so the page shows the session without loading again (and keeps its live connection).

/** The session id a location hash names, or null. */
export function linkedSession(hash) {
  const m = /^#agenda\/(.+)$/.exec(hash || '');
  try {
    return m ? decodeURIComponent(m[1]) : null;
  } catch (e) {
    return null; // a broken %-escape names nothing
  }
}

/** show(id) for a session of this event; a link to another event's page is followed. */
export function onSessionLink(event, show) {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', e => {
    const data = e.data || {};
    if (data.type !== 'podium.open' || typeof data.url !== 'string') return;
    const url = new URL(data.url, location.href);
    if (url.origin !== location.origin) return;
    const id = linkedSession(url.hash);
    if (id && (url.searchParams.get('event') || event) === event) show(id);
    else location.assign(url.href);
  });
}
